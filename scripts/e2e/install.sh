#!/usr/bin/env bash
# Installs the tools the end-to-end tests drive: code-server 4.100.3 (VS Code 1.100.3 in the
# browser), playwright-core with Debian's Chromium, and Neovim 0.7 as a second LSP client.
#
# Usage: scripts/e2e/install.sh [--code-server-only]
#   --code-server-only  only what `npm run demo` needs (no Chromium, Neovim or playwright-core).
#
# Idempotent: Debian packages are only installed when missing, and the npm tools only when
# `.e2e/` does not already hold them at the pinned versions. The npm tools live in `.e2e/`
# (git-ignored, its own package.json) so that the project's `npm ci` never pays for them.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.65.1
# The @vscode/ripgrep version that code-server 4.100.3's bundled VS Code depends on, and the
# release asset its postinstall would fetch from GitHub.
RIPGREP_PACKAGE_VERSION=1.15.11
RIPGREP_RELEASE=v13.0.0-10

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E="$REPO/.e2e"
ONLY_CODE_SERVER=false
for arg in "$@"; do
  case "$arg" in
    --code-server-only) ONLY_CODE_SERVER=true ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "install.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

log() { echo "[e2e:install] $*"; }

# --- Debian packages -------------------------------------------------------------------------
# Building code-server's native modules (node-pty, kerberos, native-keymap, @vscode/spdlog)
# needs a compiler and these headers; ripgrep seeds @vscode/ripgrep's download cache.
APT_PACKAGES=(build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep)
# fonts-ipafont-gothic draws the Japanese draft of the end-to-end tests (and its screenshot).
if [ "$ONLY_CODE_SERVER" = false ]; then APT_PACKAGES+=(chromium neovim fonts-ipafont-gothic); fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$pkg"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "[e2e:install] Missing Debian packages: ${missing[*]}" >&2
    echo "[e2e:install] Install them as root, then run this again:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" < /dev/null
else
  log "Debian packages present"
fi

# --- npm tools in .e2e/ ----------------------------------------------------------------------
installed_version() {
  node -e 'try { console.log(require(process.argv[1]).version) } catch { console.log("") }' "$E2E/node_modules/$1/package.json"
}

want_playwright=$([ "$ONLY_CODE_SERVER" = false ] && echo yes || echo no)
have_cs=$(installed_version code-server)
have_pw=$(installed_version playwright-core)
# The stamp is written only after a complete install, so an interrupted postinstall is retried.
stamp="$E2E/.code-server-$CODE_SERVER_VERSION.ok"
if [ "$have_cs" = "$CODE_SERVER_VERSION" ] && [ -f "$stamp" ] && [ -x "$E2E/node_modules/.bin/code-server" ] &&
   { [ "$want_playwright" = no ] || [ "$have_pw" = "$PLAYWRIGHT_VERSION" ]; }; then
  log "code-server $CODE_SERVER_VERSION${have_pw:+ and playwright-core $have_pw} already in .e2e/"
  exit 0
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub; put Debian's rg where it looks first.
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64|arm64) rg_target=aarch64-unknown-linux-musl ;;
  *) echo "[e2e:install] unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
rg_cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
rg_asset="$rg_cache/ripgrep-$RIPGREP_RELEASE-$rg_target.tar.gz"
if [ ! -f "$rg_asset" ]; then
  mkdir -p "$rg_cache"
  staging=$(mktemp -d)
  cp "$(command -v rg)" "$staging/rg"
  tar czf "$rg_asset" -C "$staging" rg
  rm -rf "$staging"
  log "seeded $rg_asset from $(command -v rg)"
fi

# A package.json of its own makes npm treat .e2e/ as the project, so the repository's
# .npmrc (ignore-scripts=true) does not apply; code-server's install needs its scripts.
# Packages are saved into it (it is git-ignored) so that a later install does not prune them.
mkdir -p "$E2E"
if [ ! -f "$E2E/package.json" ]; then
  printf '{\n  "name": "verbatim-e2e-tools",\n  "private": true,\n  "description": "Tools for the end-to-end tests; installed by scripts/e2e/install.sh"\n}\n' > "$E2E/package.json"
fi
printf 'ignore-scripts=false\nfund=false\naudit=false\n' > "$E2E/.npmrc"

packages=("code-server@$CODE_SERVER_VERSION")
if [ "$want_playwright" = yes ]; then packages+=("playwright-core@$PLAYWRIGHT_VERSION"); fi

# node-gyp would download Node's headers; use the installed ones when they are there.
node_prefix=$(dirname "$(dirname "$(command -v node)")")
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$node_prefix/include/node/node.h" ]; then
  export npm_config_nodedir="$node_prefix"
fi

log "npm install ${packages[*]} (about 2 minutes on first run)"
# unsafe_perm: code-server's postinstall refuses to run as root otherwise.
# yes: node-pty's postinstall runs `npx node-gyp`, which a yes=false config would cancel.
(cd "$E2E" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_ignore_scripts=false \
  npm install --save-exact --foreground-scripts --loglevel=error "${packages[@]}" < /dev/null)

if [ ! -x "$E2E/node_modules/.bin/code-server" ]; then
  echo "[e2e:install] code-server did not install into $E2E" >&2
  exit 1
fi
touch "$stamp"
log "installed code-server $(installed_version code-server) $([ "$want_playwright" = yes ] && echo "and playwright-core $(installed_version playwright-core)")"
