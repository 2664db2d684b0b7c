#!/usr/bin/env bash
# Makes sure the system programs Gamgyul needs on this machine are installed:
#   PostgreSQL 15+ (postgres, initdb, pg_ctl) with contrib (pg_trgm), redis-server, and node/npm with the
#   s3rver package (tools/s3rver, installed from its lock file) for the media tests' S3 server.
#   chromium for the browser tests (Playwright's own download cannot work offline). Node.js 20.19+
#   builds the web client (Gamgyul.Web); an older one gets a warning here and fails its build.
# Installs what is missing through apt when it can (root, or sudo without a password); otherwise
# prints exactly what to install and exits non-zero.
set -euo pipefail

missing=()
pg_bin=""
for dir in /usr/lib/postgresql/*/bin; do
  [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ] && pg_bin="$dir"
done
[ -n "$pg_bin" ] || missing+=(postgresql postgresql-contrib)
if [ -n "$pg_bin" ] && [ ! -f "$(dirname "$pg_bin")/lib/pg_trgm.so" ]; then
  missing+=(postgresql-contrib)
fi
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

# The S3 protocol server of the media tests, pinned by tools/s3rver/package-lock.json.
install_s3rver() {
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/tools/s3rver"
  if [ ! -f "$dir/node_modules/s3rver/bin/s3rver.js" ]; then
    echo "prereqs: installing s3rver (npm ci in tools/s3rver)" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}
[ -x /usr/bin/chromium ] || missing+=(chromium)
# A Hangul font, so the browser tests' screenshots show Korean instead of empty boxes.
[ -d /usr/share/fonts/truetype/nanum ] || missing+=(fonts-nanum)

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if command -v node >/dev/null 2>&1 && [ "$node_major" -lt 20 ]; then
  echo "prereqs: warning: Gamgyul.Web needs Node.js 20.19 or newer (found $(node -v))." >&2
fi

if [ ${#missing[@]} -eq 0 ]; then
  install_s3rver
  exit 0
fi

echo "prereqs: installing missing system packages: ${missing[*]}" >&2
apt_get=()
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  apt_get=(sudo apt-get)
fi
if [ ${#apt_get[@]} -eq 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "prereqs: cannot install packages here (need apt-get as root or passwordless sudo)." >&2
  echo "prereqs: please install: ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! "${apt_get[@]}" update -qq || \
   ! "${apt_get[@]}" install -y -qq --no-install-recommends --no-upgrade "${missing[@]}" >/dev/null; then
  echo "prereqs: apt-get failed; please install: ${missing[*]}" >&2
  exit 1
fi
echo "prereqs: installed ${missing[*]}" >&2
install_s3rver
