#!/usr/bin/env bash
# End-to-end tests of the extension in a real VS Code (code-server: the VS Code server and web workbench,
# from npm), driven by headless Chromium. Needs only the npm registry and Debian's apt.
#   1. setup.sh: chromium + libkrb5-dev (apt), Node 24 + code-server (npm, cached in .tools/)
#   2. build the extension bundle and package the .vsix with vsce; bundle the integration tests
#   3. install the .vsix into a fresh extensions folder
#   4. stage "integration": the mocha suite in test/integration runs INSIDE the extension host, with the
#      installed extension as the development extension, against a copy of test/fixtures/vscode-workspace
#   5. stage "untrusted": the mocha suite in test/integration-untrusted runs inside the extension host of a
#      window in Restricted Mode: code-server WITHOUT --disable-workspace-trust, the trust setting on, and a
#      copy of the fixture that was never trusted (a fresh browser profile holds no trusted folders)
#   6. stage "ui": the installed extension in the real workbench UI (tree, click, hover, palette, report,
#      hostile spec text in the report webview), with screenshots in test-results/shots/;
#      UPDATE_SCREENSHOTS=1 also refreshes docs/images/
# Usage: [UPDATE_SCREENSHOTS=1] [UI_WORKSPACE=folder] [WORK_DIR=folder] scripts/e2e/run.sh
#          [--stage integration|untrusted|ui|all] [--no-build]
#   --no-build packages the existing dist/extension.js (for iterating on the tests).
# Ends with "e2e: N passed, M failed" and exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E="$ROOT/scripts/e2e"
WORK="${WORK_DIR:-$ROOT/.work/e2e}"
SHOTS="$ROOT/test-results/shots"
STAGE=all
BUILD=1
while (($#)); do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --stage) STAGE="$2"; shift 2 ;;
    --stage=*) STAGE="${1#*=}"; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$STAGE" in integration|untrusted|ui|all) ;; *) echo "--stage must be integration, untrusted, ui or all" >&2; exit 2 ;; esac

T0=$SECONDS
TIMINGS=()
LAP=$SECONDS
lap() { TIMINGS+=("$1 $((SECONDS - LAP))s"); LAP=$SECONDS; }
step() { echo; echo "=== [+$((SECONDS - T0))s] $*"; }

# ---------------------------------------------------------------- 1. tools
step "tools (cached in .tools/)"
if ! setup_out="$("$E2E/setup.sh")"; then
  echo "e2e: installing the test tools failed (see the messages above)" >&2
  echo "e2e: 0 passed, 1 failed"
  exit 1
fi
eval "$(grep -E '^(NODE24|CODE_SERVER)=' <<< "$setup_out")"
lap setup

# ---------------------------------------------------------------- 2. build + package
cd "$ROOT"
[ -d node_modules ] || { step "npm ci"; npm ci --no-audit --no-fund --loglevel=error; }
rm -rf "$WORK"; mkdir -p "$WORK"/{extensions,extensions-empty,xdg/config,xdg/data} "$SHOTS"
rm -f "$SHOTS"/*.png
step "build, vsce package, bundle the integration tests"
[ "$BUILD" = 0 ] || node scripts/build.mjs --production
VERSION="$(node -p "require('./package.json').version")"
VSIX="$WORK/sectrace-$VERSION.vsix"
node scripts/e2e/package.mjs "$VSIX"
[ -f "$VSIX" ] || { echo "vsce package failed" >&2; exit 1; }
# Each run bundles the tests into its own folder, so a run at the same time (another WORK_DIR) never loads
# half-written bundles. The folder is inside the repository because the bundles load mocha from its
# node_modules.
TESTS_OUT="$ROOT/.work/e2e-tests-$$"
trap 'rm -rf "$TESTS_OUT"' EXIT
node scripts/e2e/build-tests.mjs --outdir "$TESTS_OUT"
lap build+package

# ---------------------------------------------------------------- 3. install the .vsix
cat > "$WORK/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off", "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false,
  "workbench.tips.enabled": false, "workbench.colorTheme": "Default Dark Modern",
  "chat.disableAIFeatures": true, "workbench.secondarySideBar.defaultVisibility": "hidden",
  "window.commandCenter": false, "editor.minimap.enabled": false, "git.openRepositoryInParentFolders": "never" }
JSON
for d in user-data-tests user-data-ui; do mkdir -p "$WORK/$d/User"; cp "$WORK/settings.json" "$WORK/$d/User/"; done
# Restricted Mode: the trust feature on, and no start-up dialog (a modal dialog would wait for a click; the
# folder stays untrusted without an answer, which is what the untrusted stage needs).
mkdir -p "$WORK/user-data-untrusted/User"
node -e '
  const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  Object.assign(s, { "security.workspace.trust.enabled": true, "security.workspace.trust.startupPrompt": "never",
    "security.workspace.trust.banner": "never", "security.workspace.trust.emptyWindow": false });
  require("fs").writeFileSync(process.argv[2], JSON.stringify(s, null, 2));
' "$WORK/settings.json" "$WORK/user-data-untrusted/User/settings.json"
printf 'auth: none\ncert: false\n' > "$WORK/config.yaml"
export XDG_CONFIG_HOME="$WORK/xdg/config" XDG_DATA_HOME="$WORK/xdg/data" # keep code-server out of the home folder
cs() { "$NODE24" "$CODE_SERVER" --config "$WORK/config.yaml" "$@"; }
step "install the .vsix"
cs --user-data-dir "$WORK/user-data-ui" --extensions-dir "$WORK/extensions" --install-extension "$VSIX" | grep -v '^\[' || true
INSTALLED="$(ls -d "$WORK/extensions/sectrace.sectrace-"* | head -1)"
[ -f "$INSTALLED/dist/extension.js" ] || { echo "the .vsix did not install" >&2; exit 1; }
lap install

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
CS_PGID=""
# start_cs <user-data-dir> <extensions-dir> <log> [code-server args...]: sets URL and CS_PGID. setsid puts
# code-server and its extension hosts in one process group, which stop_cs ends as a whole. The trusted
# stages pass --disable-workspace-trust; the untrusted stage leaves it out.
start_cs() {
  local userdata="$1" extensions="$2" logfile="$3"; shift 3
  local port; port="$(free_port)"; URL="http://127.0.0.1:$port"
  setsid "$NODE24" "$CODE_SERVER" --config "$WORK/config.yaml" --extensions-dir "$extensions" \
    --user-data-dir "$userdata" --bind-addr "127.0.0.1:$port" --auth none \
    --disable-telemetry --disable-update-check "$@" > "$logfile" 2>&1 &
  CS_PGID=$!
  for _ in $(seq 1 120); do
    curl -fsS "$URL/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$CS_PGID" 2>/dev/null || { cat "$logfile"; echo "code-server exited" >&2; return 1; }
    sleep 0.5
  done
  echo "code-server did not come up" >&2; return 1
}
stop_cs() {
  [ -n "$CS_PGID" ] || return 0
  kill -- "-$CS_PGID" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 -- "-$CS_PGID" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$CS_PGID" 2>/dev/null || true
  CS_PGID=""
}
trap 'stop_cs; rm -rf "$TESTS_OUT"' EXIT

rc_tests=0; rc_untrusted=0; rc_ui=0
: > "$WORK/exthost.out"; : > "$WORK/untrusted.out"; : > "$WORK/ui.out"

# exthost_suite <name> <suite folder in the test bundle> [code-server args...]: runs one mocha suite inside
# the extension host against a fresh copy of the fixture workspace; output in $WORK/<name>.out, exit code
# in EXTHOST_RC.
exthost_suite() {
  local name="$1" suite="$2"; shift 2
  cp -r "$ROOT/test/fixtures/vscode-workspace" "$WORK/ws-$name"
  # enable-smoke-test-driver makes the workbench honour the test payload; an empty extensions folder keeps
  # the installed copy from loading twice (the installed folder itself is the development extension).
  start_cs "$WORK/user-data-$name" "$WORK/extensions-empty" "$WORK/code-server-$name.log" --vscode-option enable-smoke-test-driver "$@"
  set +e
  CS_URL="$URL" EXT_DEV="$INSTALLED" EXT_TESTS="$TESTS_OUT/$suite/index" WS_FOLDER="$WORK/ws-$name" \
    LOG_FILE="$WORK/exthost-$name.log" SHOT="$SHOTS/$name-end.png" node "$E2E/run-exthost-tests.js" | tee "$WORK/$name.out"
  EXTHOST_RC=${PIPESTATUS[0]}
  set -e
  stop_cs
}

# ---------------------------------------------------------------- 4. integration suite in the extension host
if [ "$STAGE" = all ] || [ "$STAGE" = integration ]; then
  step "integration suite inside the extension host"
  exthost_suite tests integration --disable-workspace-trust
  rc_tests=$EXTHOST_RC
  cp "$WORK/tests.out" "$WORK/exthost.out"
  lap integration
fi

# ---------------------------------------------------------------- 5. the same host in Restricted Mode
# Without --disable-workspace-trust (and with trust enabled in the profile's settings) the folder opens
# untrusted, so the extension runs in Restricted Mode.
if [ "$STAGE" = all ] || [ "$STAGE" = untrusted ]; then
  step "untrusted-workspace suite inside the extension host (Restricted Mode)"
  exthost_suite untrusted integration-untrusted
  rc_untrusted=$EXTHOST_RC
  lap untrusted
fi

# ---------------------------------------------------------------- 6. UI tests on the installed .vsix
if [ "$STAGE" = all ] || [ "$STAGE" = ui ]; then
  step "UI tests in headless Chromium (installed .vsix)"
  # The README screenshots show the example project when it is there; the fixture otherwise.
  # UI_WORKSPACE overrides the choice (a folder to copy and open).
  UI_SOURCE="$ROOT/test/fixtures/vscode-workspace"
  [ -f "$ROOT/examples/infusion-pump/.sectrace.yaml" ] && UI_SOURCE="$ROOT/examples/infusion-pump"
  UI_SOURCE="${UI_WORKSPACE:-$UI_SOURCE}"
  mkdir -p "$WORK/ws-ui" && cp -r "$UI_SOURCE" "$WORK/ws-ui/$(basename "$UI_SOURCE")"
  start_cs "$WORK/user-data-ui" "$WORK/extensions" "$WORK/code-server-ui.log" --disable-workspace-trust
  set +e
  CS_URL="$URL" WS_FOLDER="$WORK/ws-ui/$(basename "$UI_SOURCE")" SHOTS="$SHOTS" node "$E2E/ui-tests.js" | tee "$WORK/ui.out"
  rc_ui=${PIPESTATUS[0]}
  set -e
  stop_cs
  if [ "${UPDATE_SCREENSHOTS:-0}" = 1 ] && [ "$rc_ui" -eq 0 ]; then
    mkdir -p "$ROOT/docs/images"
    for name in tree hover report; do cp "$SHOTS/$name.png" "$ROOT/docs/images/extension-$name.png"; done
    echo "updated docs/images/extension-{tree,hover,report}.png"
  fi
  lap ui
fi

# ---------------------------------------------------------------- summary
num() { sed -n "s/.*$1 SUMMARY passes=\([0-9]*\) failures=\([0-9]*\).*/\\$2/p" "$3" | tail -1; }
# A stage that ran but printed no summary counts as one failure; a stage that did not run counts nothing.
ran() { [ "$STAGE" = all ] || [ "$STAGE" = "$1" ]; }
passed=0; failed=0
for entry in integration:EXTHOST:exthost untrusted:EXTHOST:untrusted ui:UI:ui; do
  IFS=: read -r stage tag out <<< "$entry"
  ran "$stage" || continue
  p=$(num "$tag" 1 "$WORK/$out.out"); f=$(num "$tag" 2 "$WORK/$out.out")
  passed=$(( passed + ${p:-0} )); failed=$(( failed + ${f:-1} ))
done
if [ "$rc_tests" -ne 0 ] || [ "$rc_untrusted" -ne 0 ] || [ "$rc_ui" -ne 0 ]; then [ "$failed" -gt 0 ] || failed=1; fi
echo
echo "timings: ${TIMINGS[*]}; total $((SECONDS - T0))s"
echo "screenshots: test-results/shots/"
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
