#!/usr/bin/env bash
# Installs Debian's chromium when missing, so the browser tests (tests/test_web_browser.py) can drive
# /usr/bin/chromium through Playwright's executable_path.  Playwright's own browser download is never
# used.  Quiet and harmless when chromium is already there.
set -euo pipefail

have_browser() {
    command -v chromium >/dev/null 2>&1 && chromium --version >/dev/null 2>&1
}

have_browser && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "ensure-chromium: chromium is missing and we are not root;" \
             "install it with: apt-get install chromium (the browser tests will be skipped)" >&2
        exit 0
    fi
else
    SUDO=""
fi

echo "ensure-chromium: installing Debian's chromium package" >&2
$SUDO apt-get update -qq >/dev/null
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
have_browser || { echo "ensure-chromium: chromium installed but does not start" >&2; exit 1; }
