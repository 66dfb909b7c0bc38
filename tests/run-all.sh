#!/usr/bin/env bash
# The one test command (`npm test`): type check, lint, format check, unit/db/main tests (vitest), the app build,
# then end-to-end tests (Playwright, web mode + Debian Chromium) and the Electron suite (which
# skips loudly where Electron's binary is absent). Prints a closing "N passed, N failed" line.
set -u
cd "$(dirname "$0")/.."
passed=0; failed=0
step() { # name, command...
  local name=$1; shift
  echo "::: $name"
  if "$@"; then echo "::: $name — ok"; else echo "::: $name — FAILED"; failed=$((failed+1)); return 1; fi
}
count() { # parse a runner's summary from a log file
  local log=$1
  local p f
  p=$(grep -aoE '([0-9]+) passed' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  f=$(grep -aoE '([0-9]+) failed' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
}
tmp=$(mktemp -d)
step typecheck npx tsc -p tsconfig.json --noEmit && passed=$((passed+1))
step "shared purity" npx tsc -p shared/tsconfig.json --noEmit && passed=$((passed+1))
step lint npx eslint . && passed=$((passed+1))
step format npx prettier --check . && passed=$((passed+1))
echo "::: vitest (unit, db, main)"
npx vitest run 2>&1 | tee "$tmp/vitest.log"
vit=${PIPESTATUS[0]}
count "$tmp/vitest.log"
[ "$vit" -ne 0 ] && ! grep -aqE '[0-9]+ failed' "$tmp/vitest.log" && failed=$((failed+1))
if step build npx electron-vite build; then
  passed=$((passed+1))
  echo "::: playwright (e2e, electron)"
  npx playwright test 2>&1 | tee "$tmp/pw.log"
  pw=${PIPESTATUS[0]}
  count "$tmp/pw.log"
  [ "$pw" -ne 0 ] && ! grep -aqE '[0-9]+ failed' "$tmp/pw.log" && failed=$((failed+1))
fi
rm -rf "$tmp"
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
