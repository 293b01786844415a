#!/usr/bin/env bash
# The production smoke test (run by .ci/run after `make test`): builds the static files
# under the production profile, starts gunicorn with DJANGO_ENV=production on a fresh
# PostgreSQL database with the demo data, and runs tests/production/ against it over HTTP.
# A broken collectstatic (e.g. a url() in the CSS to a missing file) fails here.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PG=${PG_URL:-postgres://postgres@127.0.0.1:5432}
db="tve_smoke_$$_$(date +%s)"
work=$(mktemp -d)
port=$($PY -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
server=""

cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  psql "$PG/postgres" -q -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

psql "$PG/postgres" -q -c "CREATE DATABASE $db"

export DJANGO_ENV=production
export SECRET_KEY="smoke-$($PY -c 'import secrets; print(secrets.token_urlsafe(40))')"
export ALLOWED_HOSTS=127.0.0.1
export DATABASE_URL="$PG/$db"
export STATIC_ROOT="$work/static"
export TASK_BACKEND=database

echo "== production profile: collectstatic, migrate, seed_demo"
$PY manage.py collectstatic --noinput -v 0
$PY manage.py migrate --noinput -v 0
$PY manage.py seed_demo > /dev/null
$PY manage.py check --deploy --fail-level WARNING

echo "== gunicorn on 127.0.0.1:$port"
.venv/bin/gunicorn tijdvoorelkaar.wsgi --pythonpath src --bind "127.0.0.1:$port" \
  --workers 2 --timeout 60 > "$work/gunicorn.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.5
done

echo "== tests/production against it"
status=0
TVE_SMOKE_URL="http://127.0.0.1:$port" .venv/bin/pytest -q tests/production \
  || status=$?
if [ "$status" -ne 0 ]; then
  echo "-- gunicorn's log:"
  tail -n 60 "$work/gunicorn.log" || true
fi
exit "$status"
