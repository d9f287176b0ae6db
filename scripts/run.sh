#!/usr/bin/env bash
# Set up yuyin with the default voice and synthesise a demo sentence to demo.wav.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh server
.venv/bin/yuyin say "你好，欢迎使用语音合成系统。今天是2025年6月18日，气温25摄氏度。" -o demo.wav
