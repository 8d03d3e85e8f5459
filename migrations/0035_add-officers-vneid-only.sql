-- A province may require its officers to sign in with VNeID: their password sign-in is then
-- refused. tenants stays global reference data (no RLS); gov_app may change this one column of it
-- and nothing else (the service verb checks that the actor administers the whole province, and
-- audits the change in that province's log).
ALTER TABLE "tenants" ADD COLUMN "officers_vneid_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
GRANT UPDATE ("officers_vneid_only") ON "tenants" TO gov_app;
