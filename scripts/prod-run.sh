#!/usr/bin/env bash
# `make prod-run`: the production profile on this machine, for trying and testing it.
#
# Builds the static files under the production storage, migrates, and starts gunicorn
# (2 x cores + 1 workers) on 127.0.0.1:8001 with the task worker beside it, and with
# REPLY_EMAIL_DOMAIN set the SMTP server for replies by email on 127.0.0.1:2525
# (MAIL_PORT). TLS and the redirect to HTTPS are left to a proxy in front
# (docs/deployment.md); here the site answers plain HTTP on 127.0.0.1. Ctrl+C stops all
# of it.
#
# SQLite (var/prod.sqlite3) unless DATABASE_URL says otherwise. DEMO=1 loads the demo
# areas and users (never do that on a real installation). A SECRET_KEY is made once and
# kept in var/prod-secret-key when none is given.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8001}
mkdir -p var

export DJANGO_ENV=production
export DATABASE_URL=${DATABASE_URL:-sqlite:///$PWD/var/prod.sqlite3}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export STATIC_ROOT=${STATIC_ROOT:-$PWD/var/static-prod}
export SITE_URL=${SITE_URL:-http://$HOST:$PORT}
export TASK_BACKEND=database
# Behind the proxy the redirect is the proxy's; here nothing speaks TLS.
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-0}
if [ -z "${SECRET_KEY:-}" ]; then
  if [ ! -s var/prod-secret-key ]; then
    (umask 077 && $PY -c "import secrets; print(secrets.token_urlsafe(50))" > var/prod-secret-key)
  fi
  SECRET_KEY=$(cat var/prod-secret-key)
  export SECRET_KEY
fi

$PY manage.py collectstatic --noinput -v 0
$PY manage.py migrate --noinput -v 0
if [ "${DEMO:-0}" = "1" ]; then
  $PY manage.py seed_demo | tail -n +2
fi

workers=$((2 * $(nproc) + 1))
pids=()
stop() {
  trap - INT TERM EXIT
  echo ""
  echo "Stoppen..."
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

.venv/bin/gunicorn tijdvoorelkaar.wsgi --pythonpath src --bind "$HOST:$PORT" \
  --workers "$workers" --max-requests 2000 --max-requests-jitter 200 --timeout 30 \
  --access-logfile - &
pids+=($!)
$PY manage.py db_worker --no-reload &
pids+=($!)
# Replies by email: the SMTP server, when a reply domain is set (docs/deployment.md).
if [ -n "${REPLY_EMAIL_DOMAIN:-}" ]; then
  $PY manage.py receive_mail --host 127.0.0.1 --port "${MAIL_PORT:-2525}" &
  pids+=($!)
fi

echo "TijdVoorElkaar (productieprofiel, $workers workers) draait op http://$HOST:$PORT/"
echo "Database: ${DATABASE_URL%%:*}. Stoppen: Ctrl+C."
# When one of them stops on its own, stop the others too.
wait -n "${pids[@]}"
