SELECT gov_enable_tenant_rls('dossier_code_counters');--> statement-breakpoint
SELECT gov_enable_tenant_rls('idempotency_keys');--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON dossier_code_counters, idempotency_keys TO gov_app;--> statement-breakpoint
-- Global: login attempts are counted before anyone is known to belong to a tenant.
GRANT SELECT, INSERT, DELETE ON login_attempts TO gov_app;
