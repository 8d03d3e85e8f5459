-- Trigram similarity (pg_trgm, a trusted extension shipped with PostgreSQL) ranks the public
-- catalog search: every word the citizen typed must occur somewhere in the procedure's name or
-- field, and among the matches the closest names come first. The extension lives in the
-- database's public schema; the app role only calls its functions.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
