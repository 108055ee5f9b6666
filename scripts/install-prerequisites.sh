#!/usr/bin/env bash
# Makes TorchSharp 0.107's native library (libtorch) loadable: it needs the symbol version GLIBCXX_3.4.32, that is
# libstdc++ from GCC 13 or newer. Debian 12 ships GCC 12's.
#
#   bash scripts/install-prerequisites.sh           a no-op where libstdc++ is new enough; on Debian 12 says what it
#                                                   will install, then installs libstdc++6 from Debian 13 ("trixie");
#                                                   anywhere else refuses, saying what to install
#   bash scripts/install-prerequisites.sh --check   says whether libstdc++ is new enough (exit 0) or not (exit 1);
#                                                   never changes the machine
#
# Building never runs this script. It needs root or sudo only when it has something to install.
# IMDB_SENTIMENT_OS_RELEASE and IMDB_SENTIMENT_LIBSTDCXX replace /etc/os-release and the library ldconfig finds
# (the tests use them).
set -euo pipefail

required=GLIBCXX_3.4.32
need="TorchSharp's libtorch needs $required (libstdc++ from GCC 13 or newer)"
os_release=${IMDB_SENTIMENT_OS_RELEASE:-/etc/os-release}

case "${1:-}" in
  "") check_only=false ;;
  --check) check_only=true ;;
  *) echo "prerequisites: unknown argument '$1': expected nothing or --check" >&2; exit 2 ;;
esac

find_libstdcxx() {
  if [ -n "${IMDB_SENTIMENT_LIBSTDCXX:-}" ]; then
    echo "$IMDB_SENTIMENT_LIBSTDCXX"
  else
    # awk reads to the end: leaving early would kill ldconfig with SIGPIPE, which pipefail and set -e turn into a
    # silent exit of this script whenever ldconfig had not finished writing.
    ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ && !found {print $NF; found = 1}'
  fi
}

has_required() {
  local lib
  lib=$(find_libstdcxx)
  [ -n "$lib" ] && [ -f "$lib" ] && grep -qa "$required" "$lib"
}

os_field() {
  [ -f "$os_release" ] && (. "$os_release" && eval "echo \"\${$1:-}\"") || true
}

lib=$(find_libstdcxx)
if has_required; then
  echo "prerequisites: $lib provides $required; nothing to install."
  exit 0
fi
found=${lib:-no libstdc++.so.6 was found}

if $check_only; then
  echo "prerequisites: $need, which $found lacks: run 'bash scripts/install-prerequisites.sh' (Debian 12), or install libstdc++ from GCC 13 or newer." >&2
  exit 1
fi

os_id=$(os_field ID)
os_version=$(os_field VERSION_ID)
os_name=$(os_field PRETTY_NAME)
if [ "$os_id" != debian ] || [ "$os_version" != 12 ]; then
  echo "prerequisites: $need, which $found lacks; this script installs it only on Debian 12 and this is ${os_name:-an unknown system}: install libstdc++ from GCC 13 or newer with your system's package manager (or use a release that ships it, e.g. Debian 13 or Ubuntu 24.04)." >&2
  exit 1
fi

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "prerequisites: $need, which $found lacks; installing it needs root, and sudo is not available: run this script as root." >&2
    exit 1
  fi
  sudo_cmd="sudo"
fi

trixie_list=/etc/apt/sources.list.d/trixie.sources
trixie_pin=/etc/apt/preferences.d/trixie-low-priority
echo "prerequisites: $need, which $found lacks. This script will now:"
[ -f "$trixie_list" ] || echo "  - add Debian 13 (trixie) to apt in $trixie_list, pinned in $trixie_pin at priority 100 (only packages asked for with -t trixie come from it)"
echo "  - run apt-get update"
echo "  - install libstdc++6 from trixie with the packages it depends on (listed before they are installed)"

if [ ! -f "$trixie_list" ]; then
  # The mirror bookworm already uses (first URIs: line that is not the security archive).
  mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null \
           | awk '/^URIs:/ && !/security/ {print $2; exit}' || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  $sudo_cmd tee "$trixie_list" >/dev/null <<SOURCES
Types: deb
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  $sudo_cmd tee "$trixie_pin" >/dev/null <<PREFS
Package: *
Pin: release n=trixie
Pin-Priority: 100
PREFS
fi

$sudo_cmd apt-get update -qq
packages=$(apt-get install -s -t trixie libstdc++6 2>/dev/null | awk '/^Inst / {print $2}' | tr '\n' ' ' || true)
echo "prerequisites: installing from trixie: ${packages:-libstdc++6}"
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq -t trixie libstdc++6 >/dev/null

if has_required; then
  echo "prerequisites: installed libstdc++6 from trixie; $(find_libstdcxx) now provides $required."
else
  echo "prerequisites: libstdc++6 from trixie did not provide $required." >&2
  exit 1
fi
