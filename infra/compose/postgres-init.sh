#!/bin/sh
# First start of the compose PostgreSQL only (docker-entrypoint-initdb.d): logins with passwords for
# the platform's roles (the setup creates them without one and keeps what exists) and Temporal's.
set -eu
psql -v ON_ERROR_STOP=1 --username postgres \
  -v app_password="$GOV_APP_PASSWORD" -v owner_password="$GOV_OWNER_PASSWORD" -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
create role gov_owner login nosuperuser nocreaterole nocreatedb password :'owner_password';
create role gov_app login noinherit nobypassrls nosuperuser nocreaterole nocreatedb password :'app_password';
create role temporal login createdb password :'temporal_password';
SQL
