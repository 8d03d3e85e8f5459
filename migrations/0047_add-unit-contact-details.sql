-- Where a citizen goes (docs/domain/platform-and-tenants.md#what-is-public-about-a-unit): each unit may publish its
-- desk's address, hotline, email, opening hours and a map link. Public by design (the portal and the
-- status lookup show them), so they hold the office's details only, never a person's. All nullable:
-- a unit without a desk publishes nothing. The service validates the formats; the CHECKs are the last
-- line so a map link can never be anything but https, whoever writes the row. gov_app's table-wide
-- grants on org_units (0004) cover the new columns.
ALTER TABLE "org_units" ADD COLUMN "public_address" text CHECK (char_length("public_address") <= 300);--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "hotline" text CHECK (char_length("hotline") <= 30);--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "public_email" text CHECK (char_length("public_email") <= 254);--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "opening_hours" text CHECK (char_length("opening_hours") <= 300);--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "map_url" text CHECK ("map_url" LIKE 'https://%' AND char_length("map_url") <= 500);
