#!/usr/bin/env bash
# Installs what `npm run package` and its tests need, when missing:
#   - osslsigncode, which strips the Windows node binary's signature before the injection;
#   - with --wine: a Debian sid root with wine 10 (default /var/cache/courier-telephony/wine-sid)
#     in which the tests run the Windows executable. Debian 12's own wine 8 cannot run Node 24:
#     V8 stops with "Fatal process out of memory: SegmentedTable::InitializeTable". The root
#     takes about 1.6 GB and a few minutes to build.
# The root lives outside the clone so later runs reuse it. Needs root for apt-get, debootstrap
# and chroot. Settings: CT_WINE_ROOT, CT_DEBIAN_MIRROR.
set -euo pipefail

WINE_ROOT="${CT_WINE_ROOT:-/var/cache/courier-telephony/wine-sid}"
DEBIAN_MIRROR="${CT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
WITH_WINE=0
export PATH="$PATH:/usr/sbin:/sbin"

for arg in "$@"; do
  case "$arg" in
    --wine) WITH_WINE=1 ;;
    *)
      echo "setup-package-tools: unknown option $arg (use --wine to build the wine root too)" >&2
      exit 2
      ;;
  esac
done

SETUP_NAME=setup-package-tools
SETUP_COMMAND="bash scripts/package/setup-package-tools.sh $*"
# shellcheck source=../setup-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../setup-common.sh"

# A wine prefix is made on first use (about 10 s); making it here keeps that out of the tests.
wine_in_root() {
  local root="$1"
  shift
  unshare --mount --fork chroot "$root" sh -c \
    'mount -t proc proc /proc && export WINEPREFIX=/opt/wineprefix WINEDEBUG=-all XDG_RUNTIME_DIR=/tmp HOME=/root PATH=$PATH:/usr/lib/x86_64-linux-gnu/wine; wine64 "$@" && wineserver -w' \
    wine "$@"
}

build_wine_root() {
  # usr/bin/wine64 is an absolute symlink: test it inside the root.
  if [ -d "$WINE_ROOT/opt/wineprefix" ] && chroot "$WINE_ROOT" test -x /usr/bin/wine64; then
    echo "wine root: $WINE_ROOT already built ($(wine_in_root "$WINE_ROOT" --version))"
    return
  fi
  require_root "building the wine root"
  install_missing --no-install-recommends debootstrap:debootstrap
  local started=$SECONDS parent
  parent="$(dirname "$WINE_ROOT")"
  mkdir -p "$parent"
  # Global, not local: the EXIT trap that removes it runs after this function returned.
  work="$(mktemp -d "$parent/.wine-sid-XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "wine root: debootstrap sid with wine64 into $work (a few minutes, about 1.6 GB)"
  debootstrap --variant=minbase --include=wine64 sid "$work" "$DEBIAN_MIRROR"
  # The executables are 64-bit: the 32-bit half of wine would only double the size.
  rm -rf "$work"/var/cache/apt/archives/*.deb "$work"/var/lib/apt/lists/* \
    "$work"/usr/lib/x86_64-linux-gnu/wine/i386-windows "$work"/usr/lib/x86_64-linux-gnu/wine/i386-unix
  wine_in_root "$work" wineboot --init
  [ -d "$work/opt/wineprefix" ] || fail "wineboot made no prefix in $work/opt/wineprefix"
  rm -rf "$WINE_ROOT"
  mv "$work" "$WINE_ROOT"
  trap - EXIT
  echo "wine root: $WINE_ROOT ready in $((SECONDS - started)) s ($(wine_in_root "$WINE_ROOT" --version))"
}

install_missing --no-install-recommends osslsigncode:osslsigncode
if [ "$WITH_WINE" -eq 1 ]; then
  build_wine_root
fi
