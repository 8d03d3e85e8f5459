-- Sign-in events are append-only for the app, like the audit log; oversight may read them.
GRANT SELECT, INSERT ON auth_events TO gov_app;--> statement-breakpoint
GRANT SELECT ON auth_events TO gov_ministry;--> statement-breakpoint
CREATE TRIGGER auth_events_append_only BEFORE UPDATE OR DELETE ON auth_events
  FOR EACH ROW EXECUTE FUNCTION gov_audit_append_only();
