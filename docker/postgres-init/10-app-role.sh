#!/bin/sh
# Runs once, when the postgres-data volume is first initialised (the official image's
# /docker-entrypoint-initdb.d): creates sillok_app, the ordinary role the API logs in as.
# The owner (POSTGRES_USER) migrates and grants it what it may do (`sillok migrate --grant-to
# sillok_app`): the application's tables, but only SELECT and INSERT on audit_events.
set -eu
psql -v ON_ERROR_STOP=1 -v app_password="$POSTGRES_APP_PASSWORD" \
  --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE sillok_app LOGIN PASSWORD :'app_password';
GRANT CONNECT ON DATABASE sillok TO sillok_app;
SQL
