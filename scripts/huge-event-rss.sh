#!/usr/bin/env bash
# Peak RSS and heap of `./anthropic stream` when one event of the stream is a single huge data
# line. Serves a recorded-shape stream from a loopback server whose one text delta is SIZE_MB of
# text (sent in 64 KB writes, so the line arrives in pieces), runs the real launcher under
# /usr/bin/time -v with a GC log, and prints the exit code, peak RSS, the largest heap occupancy a
# collection saw, and the bytes printed. The bound is SseParser.MAX_EVENT_BYTES (32 MB): a longer
# event is refused (exit 1) without reading it further.
# Usage: [HEAP=128m] scripts/huge-event-rss.sh [SIZE_MB ...]   (default: 0 1 8 30 31 33 50 200)
#   HEAP sets the JVM's -Xmx (through ANTHROPIC_JAVA_OPTS), to show the bound holds in a small heap.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(0 1 8 30 31 33 50 200)
heap_opts=""
[ -n "${HEAP:-}" ] && heap_opts="-Xmx$HEAP"
gc_log=$(mktemp)
./anthropic --version >/dev/null # builds the jar and its start-up archive first
for mb in "${sizes[@]}"; do
  port_file=$(mktemp)
  python3 - "$mb" "$port_file" <<'PY' &
import socket, sys
mb, port_file = int(sys.argv[1]), sys.argv[2]
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
open(port_file, "w").write(str(srv.getsockname()[1]))
conn, _ = srv.accept()
buf = b""
while b"\r\n\r\n" not in buf:
    buf += conn.recv(65536)
head, rest = buf.split(b"\r\n\r\n", 1)
length = [int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")][0]
while len(rest) < length:
    rest += conn.recv(65536)
start = (b'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","type":"message",'
         b'"role":"assistant","model":"m","content":[],"stop_reason":null,"stop_sequence":null,'
         b'"usage":{"input_tokens":1,"output_tokens":1}}}\n\n'
         b'event: content_block_start\ndata: {"type":"content_block_start","index":0,'
         b'"content_block":{"type":"text","text":""}}\n\n')
delta = (b'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,'
         b'"delta":{"type":"text_delta","text":"' + b"x" * (mb * 1024 * 1024) + b'"}}\n\n')
end = (b'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n'
       b'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn",'
       b'"stop_sequence":null},"usage":{"output_tokens":2}}\n\n'
       b'event: message_stop\ndata: {"type":"message_stop"}\n\n')
body = start + delta + end
conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: "
             + str(len(body)).encode() + b"\r\n\r\n")
try:
    for i in range(0, len(body), 1 << 16):
        conn.sendall(body[i:i + (1 << 16)])
except OSError:
    pass  # the client refused the event and hung up
conn.close()
PY
  server=$!
  while [ ! -s "$port_file" ]; do sleep 0.05; done
  port=$(cat "$port_file")
  set +e
  ANTHROPIC_JAVA_OPTS="$heap_opts -Xlog:gc:file=$gc_log" \
    /usr/bin/time -v -o /tmp/huge-event-time ./anthropic --base-url "http://127.0.0.1:$port" \
    --api-key k --no-retries stream hi >/tmp/huge-event-out 2>/tmp/huge-event-err
  code=$?
  set -e
  wait "$server" 2>/dev/null || true
  rss=$(grep "Maximum resident set size" /tmp/huge-event-time | awk '{print $NF}')
  # "Pause Young (Allocation Failure) 40M->12M(60M)": the occupancy before each collection
  heap=$( (grep -oE '[0-9]+M->[0-9]+M' "$gc_log" || true) | sed 's/M->.*//' | sort -n | tail -1)
  echo "$mb MB event (heap ${HEAP:-default}): exit $code, peak RSS $((rss / 1024)) MB," \
    "largest heap at a GC ${heap:-0} MB, $(wc -c </tmp/huge-event-out) bytes out" \
    "$(head -c 120 /tmp/huge-event-err)"
  rm -f "$port_file"
done
rm -f "$gc_log"
