#!/usr/bin/env bash
# Fuzzes each Jazzer target for real (coverage-guided, libFuzzer's engine) for SECONDS each.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default 15 s; every target)
#
# TARGET is Class#method, e.g. SseFuzzTest#sse_bytes_in_any_chunking. Each target starts from its
# seeds in src/test/resources/<package>/<Class>Inputs/<method>/, from the corpus earlier runs grew
# in .cifuzz-corpus/ (not committed), and, when ../shared is there, from the recorded fixtures
# (every SSE stream for the SSE target, every JSON body for the others), converted to the target's
# input format in target/fuzz/seeds/. A finding fails the run: Jazzer writes the crashing input
# into the target's Inputs directory, where `./mvnw verify` replays it from then on, and prints
# how to reproduce it. The summary (runs, seconds, corpus size, result per target) is printed at
# the end and kept in target/fuzz/summary.txt; each target's full log is in target/fuzz/.
#
# Without JAZZER_FUZZ (as in `./mvnw verify`) the same tests only replay their seeds.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=15
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(
    SseFuzzTest#sse_bytes_in_any_chunking
    JsonFuzzTest#untrusted_json_gives_only_typed_errors
    RequestFuzzTest#request_body_builds_or_is_refused
  )
fi

out=target/fuzz
mkdir -p "$out/seeds"
shared=../shared/fixtures

# seeds from ../shared, in each target's input format
sse_seeds=$out/seeds/sse
json_seeds=$out/seeds/json
rm -rf "$sse_seeds" "$json_seeds"
mkdir -p "$sse_seeds" "$json_seeds"
if [[ -d $shared ]]; then
  # the SSE target reads, from the end of its input, a cut count (one byte; 0 = read in one piece)
  while IFS= read -r -d '' f; do
    { cat "$f"; printf '\0'; } >"$sse_seeds/$(basename "$f")"
  done < <(find "$shared" -name '*.sse' -not -name '*ELIDED*' -print0)
  # the JSON and request targets read the body as it is
  while IFS= read -r -d '' f; do
    cp "$f" "$json_seeds/$(echo "${f#"$shared"/}" | tr / _)"
  done < <(find "$shared" \( -name '*.json' -o -name '*.jsonl' \) -not -path '*/openapi/*' -print0)
  # request bodies recorded with the go SDK's cassettes: the JSON after the blank line
  for f in "$shared"/headers/*.request.txt; do
    [[ -f $f ]] && awk 'body{print} /^\r?$/{body=1}' "$f" >"$json_seeds/$(basename "$f" .txt).json"
  done
else
  echo "fuzz.sh: ../shared is absent; fuzzing from the project's own seeds only" >&2
fi

./mvnw -B -q test-compile -Dspotless.check.skip=true

: >"$out/summary.txt"
failed=0
for t in "${targets[@]}"; do
  name=${t//#/.}
  seeds=$json_seeds
  [[ $t == Sse* ]] && seeds=$sse_seeds
  args=(
    -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.hooks=true
    # libFuzzer arguments, appended after Jazzer's own (so this -max_total_time wins over the
    # annotation's): the program name, the time, and one more corpus directory
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$seconds"
  )
  # the first corpus directory is where libFuzzer keeps what it finds: the one Jazzer itself
  # uses (.cifuzz-corpus/CLASS/METHOD), so the corpus grows from run to run; the seeds only read
  cls=$(cd target/test-classes && find . -name "${t%%#*}.class" | sed 's|^\./||; s|\.class$||; s|/|.|g')
  corpus_dir=.cifuzz-corpus/$cls/${t##*#}
  mkdir -p "$corpus_dir"
  args+=(-Djazzer.internal.arg.2="$PWD/$corpus_dir")
  if [[ -n $(ls -A "$seeds") ]]; then
    args+=(-Djazzer.internal.arg.3="$PWD/$seeds")
  fi
  echo "fuzz.sh: $t for ${seconds}s" >&2
  rc=0
  JAZZER_FUZZ=1 ./mvnw -B surefire:test "${args[@]}" >"$out/$name.log" 2>&1 || rc=$?
  # libFuzzer's last status line: "#1234 DONE ..." at the end, "#1234 pulse/NEW/REDUCE ..." before
  runs=$( (grep -aoE '^#[0-9]+' "$out/$name.log" || true) | tail -1 | tr -d '#')
  secs=$( (grep -aoE 'Done [0-9]+ runs in [0-9]+ second' "$out/$name.log" || true) | tail -1 |
    grep -oE '[0-9]+ second' | grep -oE '[0-9]+' || true)
  corpus=$(find "$corpus_dir" -type f | wc -l)
  if [[ $rc -eq 0 ]]; then
    result=pass
  else
    result="FINDING (see $out/$name.log)"
    failed=1
  fi
  echo "$t runs=${runs:-?} seconds=${secs:-?} corpus=$corpus result=$result" | tee -a "$out/summary.txt"
done
exit $failed
