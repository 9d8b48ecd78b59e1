#!/usr/bin/env bash
# What the log costs a one-shot call: the median whole-process time of `anthropic messages hi`
# against the mock server with the log (the default) and without it, N interleaved runs each
# (default 21) after two warm-up runs, in a private HOME whose log database already exists (the
# steady state: the native library unpacked once, the schema made). "Without" is log=off in the
# config file rather than --no-log, because any option sends the line through picocli instead of
# the fast path (Startup, step 4) and that alone costs far more than the log; a --no-log row is
# printed too, for that comparison.
#
#   scripts/log-bench.sh [N]
set -euo pipefail
ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-21}"
"$ROOT/anthropic" --help >/dev/null # build the jar and its start-up archive outside the timing
WORK="$(mktemp -d)"
trap 'kill "$MOCK" 2>/dev/null || true; rm -rf "$WORK"' EXIT
export HOME="$WORK" XDG_DATA_HOME="$WORK/data" XDG_CACHE_HOME="$WORK/cache" \
  XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state" ANTHROPIC_API_KEY=mock
unset ANTHROPIC_BASE_URL ANTHROPIC_API_BASE
"$ROOT/anthropic" mock-server >"$WORK/mock.out" 2>&1 &
MOCK=$!
for _ in $(seq 1 100); do
  URL="$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/mock.out" | head -1 || true)"
  [ -n "$URL" ] && break
  sleep 0.1
done
[ -n "$URL" ] || { echo "log-bench: the mock server did not start" >&2; exit 1; }
export ANTHROPIC_BASE_URL="$URL"
mkdir -p "$WORK/config-off/anthropic-cli"
echo "log=off" >"$WORK/config-off/anthropic-cli/config.properties"
python3 - "$ROOT/anthropic" "$N" "$WORK/config-off" <<'PY'
import os, resource, statistics, subprocess, sys, time
launcher, n, off = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def once(extra, env=None):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([launcher, "messages", *extra, "hi"], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = (time.perf_counter() - t) * 1000
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000
    return wall, cpu
env_off = dict(os.environ, XDG_CONFIG_HOME=off)
for _ in range(2):
    once([]); once([], env_off)
logged, unlogged, nolog = [], [], []
for _ in range(n):
    logged.append(once([]))
    unlogged.append(once([], env_off))
    nolog.append(once(["--no-log"]))
def med(runs, i):
    return statistics.median(r[i] for r in runs)
print(f"runs each: {n}, interleaved")
print("                wall median   CPU median (user+sys)")
print(f"with the log:   {med(logged, 0):8.1f} ms   {med(logged, 1):8.1f} ms")
print(f"with log=off:   {med(unlogged, 0):8.1f} ms   {med(unlogged, 1):8.1f} ms")
print(f"the log adds:   {med(logged, 0) - med(unlogged, 0):+8.1f} ms   {med(logged, 1) - med(unlogged, 1):+8.1f} ms")
print(f"(--no-log, through picocli: {med(nolog, 0):.1f} ms wall, {med(nolog, 1):.1f} ms CPU)")
PY
