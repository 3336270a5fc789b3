#!/usr/bin/env bash
# What the test run needs from Debian, installed only when missing (run as root, or with sudo):
# the browsers, PyJWT to check our signatures independently, and Ruby for its token endpoint.
# `.ci/run` calls it on every CI run; the README's test command calls it too.
set -euo pipefail

apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# Browser tests drive Debian's Chromium, Firefox ESR and WebKitGTK (MiniBrowser through
# WebKitWebDriver, on an Xvfb display: scripts/webkit.ts starts both).
[ -x /usr/bin/chromium ] || apt_install chromium
[ -x /usr/bin/firefox-esr ] || apt_install firefox-esr
if [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x /usr/bin/Xvfb ] || [ ! -x /usr/bin/xauth ]; then
  apt_install --no-install-recommends webkit2gtk-driver xvfb xauth
fi
# An independent JWT implementation to check our signatures (PyJWT, for Debian's python3).
/usr/bin/python3 -c 'import jwt' 2>/dev/null || apt_install python3-jwt
# The demo's Ruby token endpoint (demo/backends/ruby): Ruby 3.1, the jwt gem, WEBrick.
ruby -e 'require "jwt"; require "webrick"' 2>/dev/null || apt_install ruby ruby-jwt ruby-webrick
