#!/usr/bin/env bash
# Optional smoke test and start-up timing of the Docker image with buildah (not part of
# ./mvnw verify; CI machines need not have buildah). Needs buildah and python3.
#
#   scripts/docker-test.sh [IMAGE]        # default IMAGE=anthropic-cli (build it first)
#
# Runs in a container from IMAGE: --version, a `messages` call with piped stdin against a
# throwaway echo server on the host's 127.0.0.1 (buildah run shares the host network), and times
# N runs (default 5) of each, with the image's AOT cache and without it (-XX:AOTMode=off).
# The JVM flags are the image's own: read from its ENTRYPOINT (buildah inspect), so they cannot
# drift from the Dockerfile.
set -euo pipefail
IMAGE="${1:-anthropic-cli}"
N="${N:-5}"
BH=(buildah --storage-driver "${STORAGE_DRIVER:-vfs}")

tmp="$(mktemp -d)"
ctr=""
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  [ -n "$ctr" ] && "${BH[@]}" rm "$ctr" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# ENTRYPOINT ["java", FLAG..., "-XX:AOTCache=FILE", FLAG..., "-jar", JAR]: FLAGS gets the JVM
# flags but the AOT cache's, AOT the cache flag, JAR the jar; anything else is refused.
"${BH[@]}" inspect --type image "$IMAGE" >"$tmp/image.json"
mapfile -t parsed < <(python3 -c '
import json, sys
e = json.load(open(sys.argv[1]))["OCIv1"]["config"].get("Entrypoint") or []
if len(e) < 3 or e[0] != "java" or e[-2] != "-jar":
    sys.exit("the entrypoint is not [java, FLAGS..., -jar, JAR]: %r" % (e,))
aot = [f for f in e[1:-2] if f.startswith("-XX:AOTCache=")]
if len(aot) != 1:
    sys.exit("the entrypoint has no -XX:AOTCache=FILE: %r" % (e,))
print(e[-1]); print(aot[0])
for f in e[1:-2]:
    if f != aot[0]: print(f)
' "$tmp/image.json")
[ "${#parsed[@]}" -ge 2 ] || { echo "cannot read the entrypoint of $IMAGE" >&2; exit 1; }
JAR="${parsed[0]}"
AOT="${parsed[1]}"
FLAGS=("${parsed[@]:2}")
echo "== entrypoint of $IMAGE: java ${FLAGS[*]} $AOT -jar $JAR"

# A loopback stand-in for POST /v1/messages: answers "echo: " + the user turn's text.
cat >"$tmp/echo.py" <<'PY'
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
        content = body.get("messages", [{}])[-1].get("content", "")
        if isinstance(content, list):
            parts = []
            for b in content:
                if b.get("type") == "text": parts.append(b["text"])
                elif b.get("type") == "document": parts.append(b.get("source", {}).get("data", ""))
            content = " | ".join(parts)
        out = json.dumps({"id": "msg_echo", "type": "message", "role": "assistant",
            "model": body.get("model", "m"), "content": [{"type": "text", "text": "echo: " + content}],
            "stop_reason": "end_turn", "stop_sequence": None,
            "usage": {"input_tokens": 1, "output_tokens": 1}}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)
s = ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
python3 "$tmp/echo.py" >"$tmp/port" &
server=$!
until [ -s "$tmp/port" ]; do sleep 0.1; done
URL="http://127.0.0.1:$(head -1 "$tmp/port")"

ctr="$("${BH[@]}" from --pull=never "$IMAGE")"
run() { "${BH[@]}" run --isolation chroot --network host "$ctr" -- "$@"; }

echo "== --version (image entrypoint flags)"
run java "${FLAGS[@]}" "$AOT" -jar "$JAR" --version
echo "== messages with piped stdin against $URL"
out="$(printf 'a document from stdin' | run env ANTHROPIC_API_KEY=test ANTHROPIC_BASE_URL="$URL" \
  java "${FLAGS[@]}" "$AOT" -jar "$JAR" messages summarise)"
echo "$out"
case "$out" in *"a document from stdin"*summarise*) echo "ok: stdin passed through" ;;
  *) echo "FAIL: stdin did not reach the request" >&2; exit 1 ;; esac
echo "== AOT cache maps (-XX:AOTMode=on fails if it cannot)"
run java "${FLAGS[@]}" "$AOT" -XX:AOTMode=on -jar "$JAR" --version

# time_runs LABEL JVM-FLAG... -- ARGS...: median wall time of N runs inside the container
time_runs() {
  local label="$1"; shift
  local jflags=() args=()
  while [ "$1" != -- ]; do jflags+=("$1"); shift; done; shift; args=("$@")
  run sh -c 'n=$1; shift; i=0; while [ $i -lt $n ]; do
      s=$(date +%s%N); "$@" </dev/null >/dev/null 2>&1; e=$(date +%s%N)
      echo $(( (e - s) / 1000000 )); i=$((i+1)); done' sh "$N" \
    env ANTHROPIC_API_KEY=test ANTHROPIC_BASE_URL="$URL" \
    java "${FLAGS[@]}" "${jflags[@]}" -jar "$JAR" "${args[@]}" >"$tmp/t"
  printf '%-44s %s ms  (runs: %s)\n' "$label" "$(sort -n "$tmp/t" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "$(tr '\n' ' ' <"$tmp/t")"
}
echo "== start-up inside the container, median of $N (ms)"
time_runs "--version, AOT cache" "$AOT" -- --version
time_runs "--version, no AOT cache" -XX:AOTMode=off -- --version
time_runs "--version, no AOT cache, no CDS at all" -Xshare:off -- --version
time_runs "messages hi (loopback), AOT cache" "$AOT" -- messages hi
time_runs "messages hi (loopback), no AOT cache" -XX:AOTMode=off -- messages hi
time_runs "messages hi (loopback), no AOT cache, no CDS" -Xshare:off -- messages hi
