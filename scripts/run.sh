#!/usr/bin/env bash
# Set up yuyin with the default voice and run the server: web page at http://127.0.0.1:8000/,
# OpenAI-compatible API at /v1/audio/speech. Extra arguments go to `yuyin serve`
# (e.g. --host 0.0.0.0 --port 9000).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh server,fast
exec .venv/bin/yuyin serve "$@"
