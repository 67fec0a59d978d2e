#!/bin/sh
# Install the Debian packages Juru needs that are missing (Debian 12).
#   scripts/install-deps.sh          to build and run
#   scripts/install-deps.sh --test   also what the test suite needs
# Uses sudo when not run as root.  Installs nothing when all are present.
set -eu
build="build-essential cmake pkg-config libutf8proc-dev libhunspell-dev libjansson-dev libexpat1-dev libcurl4-openssl-dev libsqlite3-dev"
test="python3 clang libclang-rt-14-dev valgrind"
pkgs=$build
[ "${1:-}" = "--test" ] && pkgs="$build $test"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
