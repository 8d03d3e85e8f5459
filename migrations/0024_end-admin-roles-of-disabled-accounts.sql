-- A deactivated account no longer holds an admin seat: deactivation now ends the account's
-- province and unit admin assignments in the same transaction. Accounts deactivated before that
-- still hold theirs (and so one of a province's three admin seats); end them here, stamped with
-- the time of this migration and no revoking user. The owner is not exempt from RLS on these
-- tables (FORCE, no owner policy), so it is lifted for this statement only and restored in the
-- same transaction: no other session ever sees it lifted, and a failure rolls everything back.
ALTER TABLE role_assignments NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE tenant_users NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE role_assignments r SET revoked_at = now()
  WHERE r.revoked_at IS NULL AND r.role IN ('province_admin', 'unit_admin')
    AND (EXISTS (SELECT 1 FROM users u WHERE u.id = r.user_id AND u.status = 'disabled')
      OR EXISTS (SELECT 1 FROM tenant_users t WHERE t.tenant_id = r.tenant_id AND t.user_id = r.user_id AND NOT t.active));--> statement-breakpoint
ALTER TABLE tenant_users FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE role_assignments FORCE ROW LEVEL SECURITY;
