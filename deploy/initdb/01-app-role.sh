#!/usr/bin/env bash
# Runs once, when the postgres image initialises an empty data volume (as POSTGRES_USER,
# the schema owner). It creates the login role the application connects as, with the
# password from APP_DB_PASSWORD. Migration 0001 finds the role already there and only
# grants it privileges on the tables.
#
# A .sql file cannot read the environment, hence a shell script. The password reaches
# psql through \getenv (psql 15), so it never appears on a command line, and :'...'
# quotes it as an SQL literal.

# No `set -u`: if the file is not executable, the image's entrypoint sources it instead
# of running it, and the option would carry over into the entrypoint.
set -e

# APP_DB_PASSWORD_FILE (a Docker secret) wins over APP_DB_PASSWORD, as POSTGRES_PASSWORD_FILE
# does for the image's own password.
if [ -n "${APP_DB_PASSWORD_FILE:-}" ]; then
  APP_DB_PASSWORD="$(cat "$APP_DB_PASSWORD_FILE")"
  export APP_DB_PASSWORD
fi
: "${APP_DB_PASSWORD:?set APP_DB_PASSWORD: the password of the securebase_app role}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
\getenv app_password APP_DB_PASSWORD
SELECT format('%s ROLE securebase_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L',
              CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'securebase_app')
                   THEN 'ALTER' ELSE 'CREATE' END,
              :'app_password')
\gexec
SQL
