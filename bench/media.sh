#!/usr/bin/env bash
# Media pipeline benchmark: variants/s of Gamgyul's pipeline vs the bare libvips loop, and peak memory
# for a 24-megapixel photo. Usage: bench/media.sh [seconds per measurement, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/Gamgyul.Bench.Media -- "${1:-20}"
