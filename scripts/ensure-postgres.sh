#!/usr/bin/env bash
# Installs Debian's PostgreSQL server binaries when missing, so the test suite can
# start its own throw-away server (initdb + pg_ctl on a loopback port, tests/test_corpus_postgres.py).
# Quiet and harmless when PostgreSQL is already there.
set -euo pipefail

have_server() {
    command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1 && return 0
    compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null && compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}

have_server && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "ensure-postgres: PostgreSQL server binaries are missing and we are not root;" \
             "install them with: apt-get install postgresql (the postgres tests will be skipped)" >&2
        exit 0
    fi
else
    SUDO=""
fi

echo "ensure-postgres: installing Debian's postgresql package" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
have_server || { echo "ensure-postgres: postgresql installed but pg_ctl/initdb not found" >&2; exit 1; }
