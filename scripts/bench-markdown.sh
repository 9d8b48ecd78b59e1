#!/usr/bin/env bash
# Rendering speed of chat's Markdown: a 200 KB Markdown answer streamed at full speed from
# mock-server (deltas of 3 characters, no pace), shown by `chat` (rendered) and by `stream` (raw),
# both in a tmux pane of 120x50. Prints the two times; docs/benchmarks.md keeps the figures.
# Needs tmux and a built jar (./anthropic builds it on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "bench-markdown: needs tmux" >&2; exit 1; }
work="$(mktemp -d)"
T=(tmux -L "bench-md-$$")   # a server of its own: no other tmux session is touched
trap '"${T[@]}" kill-server 2>/dev/null || true; [ -n "${mock:-}" ] && kill "$mock" 2>/dev/null; sleep 0.5; rm -rf "$work" 2>/dev/null || true' EXIT
answer="$work/answer.md"
: > "$answer"
while [ "$(wc -c < "$answer")" -lt 204800 ]; do
  for f in src/test/resources/markdown/*.md; do
    sed 's/^---$/***/' "$f" >> "$answer"   # a line --- would end the reply
    printf '\n' >> "$answer"
  done
done
{ cat "$answer"; printf -- '---\n'; cat "$answer"; } > "$work/replies"
./anthropic mock-server --replies "$work/replies" > "$work/url" 2>/dev/null &
mock=$!
until [ -s "$work/url" ]; do sleep 0.1; done
url="$(head -1 "$work/url")"
env="ANTHROPIC_BASE_URL=$url ANTHROPIC_API_KEY=mock XDG_STATE_HOME=$work XDG_DATA_HOME=$work"
"${T[@]}" new-session -d -s bench-md -x 120 -y 50 \
  "env $env bash -c 's=\$(date +%s%N); ./anthropic stream hi; e=\$(date +%s%N); echo \$(( (e-s)/1000000 )) > $work/stream.ms; sleep 600'"
until [ -s "$work/stream.ms" ]; do sleep 0.2; done
"${T[@]}" kill-session -t bench-md; sleep 0.5
"${T[@]}" new-session -d -s bench-md -x 120 -y 50 "env $env ./anthropic chat"
until "${T[@]}" capture-pane -p -t bench-md | grep -q '^>'; do sleep 0.2; done
"${T[@]}" send-keys -t bench-md "hi" Enter
until "${T[@]}" capture-pane -p -t bench-md | grep -qE ' out · .* s$'; do sleep 0.2; done
chat="$("${T[@]}" capture-pane -p -t bench-md | grep -E ' out · .* s$' | tail -1 | sed -E 's/.* ([0-9.]+) s$/\1/')"
echo "answer: $(wc -c < "$answer") bytes"
echo "stream (raw, whole command incl. JVM start): $(cat "$work/stream.ms") ms"
echo "chat (rendered, the answer's own time from its status line): ${chat} s"
