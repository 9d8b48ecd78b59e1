#!/usr/bin/env bash
# The project's benchmark: runs the shared yardstick (../shared/bench: a loopback fake API and the
# official Java and TypeScript SDKs) with our CLI as the "ours" client, and writes the result
# tables, peers' rows from the same run included, into docs/benchmarks.md.
#
#   scripts/bench.sh                 # full suite (about 5 minutes on 2 cores), updates the doc
#   BENCH_REPS=1 BENCH_SCENARIOS=startup,ttft scripts/bench.sh   # quick look (knobs: bench README)
#   scripts/bench.sh steps [N]       # start-up, step by step (plain JVM, flags, archive, launcher),
#                                    # N interleaved runs each against the fake server (default 15)
#   BENCH_NO_DOC=1 scripts/bench.sh  # run, print the tables, leave the doc alone
#
# The harness is copied (timestamps kept, so its built peers are reused) into $BENCH_WORK
# (default ${TMPDIR:-/tmp}/anthropic-cli-bench) and run from there; nothing of it is committed.
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="${BENCH_SRC:-$ROOT/../shared/bench}"
WORK="${BENCH_WORK:-${TMPDIR:-/tmp}/anthropic-cli-bench}"
DOC="$ROOT/docs/benchmarks.md"

[ -x "$SRC/run.sh" ] || { echo "bench: no harness at $SRC (set BENCH_SRC)" >&2; exit 1; }
mkdir -p "$WORK"
cp -rp "$SRC/." "$WORK/"

# Build the jar and its start-up archive now, outside every timed run.
"$ROOT/anthropic" --help >/dev/null

if [ "${1:-}" = steps ]; then
  exec python3 "$ROOT/scripts/startup_steps.py" --bench "$WORK" --root "$ROOT" -n "${2:-15}" "${@:3}"
fi

OURS_CMD="$ROOT/anthropic" "$WORK/run.sh"
RESULT="$WORK/results/latest.md"
cat "$RESULT"

if [ -z "${BENCH_NO_DOC:-}" ]; then
  python3 - "$RESULT" "$DOC" <<'PY'
import re, sys
result, doc = sys.argv[1], sys.argv[2]
table = open(result).read().strip()
# the harness's own title becomes a sub-heading of the doc's section
table = re.sub(r"^# .*\n", "", table)
block = "<!-- bench:begin (written by scripts/bench.sh; do not edit by hand) -->\n" + table + "\n<!-- bench:end -->"
text = open(doc).read()
text = re.sub(r"<!-- bench:begin.*?<!-- bench:end -->", lambda m: block, text, flags=re.S)
open(doc, "w").write(text)
print(f"bench: wrote the tables into {doc}")
PY
fi
