-- The ministry admin creates provinces (e.g. after a merger) and edits their codes and names
-- through the app; the API allows it only to ministry admins (CASL), the database to the app role.
GRANT INSERT, UPDATE ON tenants TO gov_app;
