#!/usr/bin/env bash
# Makes TorchSharp 0.107's native library loadable: libtorch needs GLIBCXX_3.4.32 (GCC 13+),
# Debian 12 ships GCC 12's libstdc++. Installs libstdc++6 from Debian 13 ("trixie") when needed.
# Idempotent: a no-op where the library already exports the symbol version.
set -euo pipefail

required=GLIBCXX_3.4.32

find_libstdcxx() {
  ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}'
}

has_required() {
  local lib
  lib=$(find_libstdcxx)
  [ -n "$lib" ] && grep -qa "$required" "$lib"
}

if has_required; then
  echo "prerequisites: $(find_libstdcxx) already provides $required"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "prerequisites: $required is missing and this is not a Debian-like system;" \
       "install libstdc++ from GCC 13 or newer." >&2
  exit 1
fi

sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"

trixie_list=/etc/apt/sources.list.d/trixie.sources
if [ ! -f "$trixie_list" ]; then
  # The mirror bookworm already uses (first URIs: line that is not the security archive).
  mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null \
           | awk '/^URIs:/ && !/security/ {print $2; exit}' || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  # Low pin priority: only packages asked for with -t trixie come from Debian 13.
  $sudo_cmd tee "$trixie_list" >/dev/null <<SOURCES
Types: deb
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  $sudo_cmd tee /etc/apt/preferences.d/trixie-low-priority >/dev/null <<PREFS
Package: *
Pin: release n=trixie
Pin-Priority: 100
PREFS
fi

$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq -t trixie libstdc++6 >/dev/null

if has_required; then
  echo "prerequisites: installed libstdc++6 from trixie; $required is now available"
else
  echo "prerequisites: libstdc++6 from trixie did not provide $required" >&2
  exit 1
fi
