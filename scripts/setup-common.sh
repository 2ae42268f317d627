# Shared by the setup scripts (sourced, not run): messages, the root check and apt-get.
# The sourcing script sets SETUP_NAME (for messages) and SETUP_COMMAND (how to rerun it as root).

fail() {
  echo "$SETUP_NAME: error: $*" >&2
  exit 1
}

require_root() {
  [ "$(id -u)" -eq 0 ] || fail "$1 needs root; run: sudo $SETUP_COMMAND"
}

have() {
  command -v "$1" >/dev/null 2>&1
}

# apt_install [apt-get option…] PACKAGE…: installs as root, saying what and how long it took.
apt_install() {
  require_root "installing $*"
  local started=$SECONDS
  echo "packages: installing $*"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
  echo "packages: installed in $((SECONDS - started)) s"
}

# install_missing [apt-get option…] BINARY:PACKAGE…: installs the packages whose binary is
# not on PATH, then checks that each binary is there.
install_missing() {
  local options=() pairs=() missing=() pair
  for pair in "$@"; do
    case "$pair" in
      -*) options+=("$pair") ;;
      *) pairs+=("$pair") ;;
    esac
  done
  for pair in "${pairs[@]}"; do
    have "${pair%%:*}" || missing+=("${pair#*:}")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    local packages=("${pairs[@]#*:}")
    echo "packages: ${packages[*]} already installed"
    return
  fi
  apt_install "${options[@]}" "${missing[@]}"
  for pair in "${pairs[@]}"; do
    have "${pair%%:*}" || fail "${pair%%:*} is still missing after apt-get install"
  done
}
