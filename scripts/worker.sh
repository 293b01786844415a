#!/usr/bin/env bash
# `make worker`: the task worker (emails, reminders, digests) and the SMTP server that
# receives replies by email (`manage.py receive_mail`, docs/deployment.md), side by side.
# Ctrl+C stops both; when one stops on its own, the other is stopped too.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
# The worker reads the database queue; in development the site runs tasks at once
# (TASK_BACKEND=immediate), so a worker there is only useful with TASK_BACKEND=database.
export TASK_BACKEND=${TASK_BACKEND:-database}
pids=()
stop() {
  trap - INT TERM EXIT
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

$PY manage.py db_worker &
pids+=($!)
$PY manage.py receive_mail --host "${MAIL_HOST:-127.0.0.1}" --port "${MAIL_PORT:-2525}" &
pids+=($!)
wait -n "${pids[@]}"
