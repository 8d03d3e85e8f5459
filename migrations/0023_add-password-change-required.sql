-- users is global (no RLS): gov_app's table-wide SELECT, INSERT, UPDATE (0004) already covers the
-- new column; gov_ministry keeps its column list, which leaves this flag out as it does the hash.
-- Existing accounts keep working: the default is false, so only later admin-set passwords force a change.
ALTER TABLE "users" ADD COLUMN "password_change_required" boolean DEFAULT false NOT NULL;
