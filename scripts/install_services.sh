#!/usr/bin/env bash
# Installs what the test suite needs on a Debian 12 machine (as root):
# PostgreSQL 15 server headers, pgvector (built from Debian's source package),
# Redis and Chromium. Safe to run again: every step checks first.
# See docs/operations/testing.md and shared/reference/environment.md.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
export DEBIAN_FRONTEND=noninteractive

need_apt=()
[ -x "$PG_BIN/initdb" ] || need_apt+=(postgresql-15 postgresql-contrib-15)
[ -x "$PG_BIN/pg_config" ] || [ -x /usr/bin/pg_config ] || need_apt+=(postgresql-server-dev-15)
dpkg -s postgresql-server-dev-15 >/dev/null 2>&1 || need_apt+=(postgresql-server-dev-15)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v runuser >/dev/null 2>&1 || need_apt+=(util-linux)

if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "==> apt-get install ${need_apt[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: installing system packages needs root (or install them yourself: ${need_apt[*]})" >&2
    exit 1
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

PG_CONFIG="$PG_BIN/pg_config"
[ -x "$PG_CONFIG" ] || PG_CONFIG=$(command -v pg_config)
LIBDIR=$("$PG_CONFIG" --pkglibdir)
if [ ! -f "$LIBDIR/vector.so" ]; then
  echo "==> building pgvector from Debian's source package"
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  src=/etc/apt/sources.list.d/trixie-src.sources
  if [ ! -f "$src" ]; then
    printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$mirror" > "$src"
  fi
  apt-get update -qq
  dpkg -s dpkg-dev >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends dpkg-dev >/dev/null
  build=$(mktemp -d)
  (cd "$build" && apt-get source -qq pgvector >/dev/null 2>&1 && cd pgvector-*/ \
    && make -s -j2 PG_CONFIG="$PG_CONFIG" >/dev/null && make -s install PG_CONFIG="$PG_CONFIG" >/dev/null)
  rm -rf "$build"
fi
echo "==> services installed: postgresql 15 + pgvector, redis, chromium"
