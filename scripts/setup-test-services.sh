#!/usr/bin/env bash
# Installs what the integration tests run against, when it is missing:
#   - Debian packages mariadb-server, sip-tester (sipp), chromium, firefox-esr, debootstrap,
#     fonts-symbola, systemd (systemd-analyze checks the service units);
#   - a Debian sid root with Asterisk 22 (Debian 12 has no asterisk package), built with
#     debootstrap into a temporary directory and renamed into place when complete.
# The root lives outside the clone (default /var/cache/courier-telephony/asterisk-sid) so
# later runs reuse it. Needs root for apt-get and debootstrap; prints what it does and how
# long it took. Settings: CT_ASTERISK_ROOT, CT_DEBIAN_MIRROR.
set -euo pipefail

ASTERISK_ROOT="${CT_ASTERISK_ROOT:-/var/cache/courier-telephony/asterisk-sid}"
DEBIAN_MIRROR="${CT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
export PATH="$PATH:/usr/sbin:/sbin"

SETUP_NAME=setup-test-services
SETUP_COMMAND="bash scripts/setup-test-services.sh"
# shellcheck source=setup-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup-common.sh"

# debootstrap mounts /proc and /sys inside the target; a failed run may leave them there.
unmount_below() {
  local dir="$1" mounts
  mounts=$(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
  for mount in $mounts; do
    umount -l "$mount" || true
  done
}

build_asterisk_root() {
  if [ -x "$ASTERISK_ROOT/usr/sbin/asterisk" ]; then
    echo "asterisk root: $ASTERISK_ROOT already built ($(chroot "$ASTERISK_ROOT" asterisk -V))"
    return
  fi
  require_root "building the Asterisk root"
  have debootstrap || fail "debootstrap is missing (apt-get install -y debootstrap)"
  local parent started tmp
  parent=$(dirname "$ASTERISK_ROOT")
  mkdir -p "$parent"
  tmp=$(mktemp -d "$parent/.asterisk-sid.XXXXXX")
  chmod 755 "$tmp"
  trap 'unmount_below "$tmp"; rm -rf --one-file-system "$tmp"' EXIT
  started=$SECONDS
  echo "asterisk root: debootstrap sid with asterisk into $tmp (about a minute, 500 MB)"
  debootstrap --variant=minbase --include=asterisk,asterisk-modules sid "$tmp" "$DEBIAN_MIRROR"
  unmount_below "$tmp"
  chroot "$tmp" asterisk -V >/dev/null || fail "asterisk does not run inside the new root $tmp"
  if mv -T "$tmp" "$ASTERISK_ROOT" 2>/dev/null; then
    trap - EXIT
  elif [ -x "$ASTERISK_ROOT/usr/sbin/asterisk" ]; then
    echo "asterisk root: another run built $ASTERISK_ROOT meanwhile; discarding this copy"
  else
    fail "could not move $tmp to $ASTERISK_ROOT"
  fi
  echo "asterisk root: built in $((SECONDS - started)) s: $(chroot "$ASTERISK_ROOT" asterisk -V)"
}

install_missing mariadbd:mariadb-server sipp:sip-tester chromium:chromium firefox-esr:firefox-esr \
  debootstrap:debootstrap systemd-analyze:systemd
# A font with the symbols the extension shows (the queue pause sign ⏸), so the screenshots
# for the guides show them as operators' systems do, not as empty boxes.
if fc-list ':charset=23f8' | grep -q .; then
  echo "fonts: the pause sign has a font"
else
  apt_install fonts-symbola
fi
build_asterisk_root
