#!/usr/bin/env bash
# A throwaway PostgreSQL server to try the PostgreSQL target: start | status | stop.
# `start` prints its URL (the form --target takes); `stop` removes it. See scripts/pg_dev.py.
exec python3 "$(dirname "$0")/pg_dev.py" "$@"
