#!/usr/bin/env bash
# Set up everything the tests need (venv, extras, the baker voice) and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test,server
set +e
.venv/bin/python -m pytest -q "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
fi
exit "$status"
