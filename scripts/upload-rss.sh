#!/usr/bin/env bash
# Peak RSS of `./anthropic files upload` of a large file (issue 21: constant memory). A small
# Python sink on 127.0.0.1 reads the multipart body (counting its bytes, keeping none) and answers
# with a file object; the real launcher runs under /usr/bin/time -v. Prints the size sent, the
# bytes the sink received, the exit code and the peak RSS. The bound is 100 MB for 500 MB.
# Usage: scripts/upload-rss.sh [SIZE_MB ...]   (default: 10 500)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10 500)
./anthropic --version >/dev/null # builds the jar and its start-up archive first
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for mb in "${sizes[@]}"; do
  file="$work/upload-$mb.bin"
  head -c $((mb * 1024 * 1024)) /dev/urandom >"$file" # real bytes: a sparse file would be cheap
  port_file="$work/port"
  rm -f "$port_file"
  python3 - "$port_file" "$work/received" <<'PY' &
import socket, sys
port_file, received = sys.argv[1], sys.argv[2]
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
open(port_file, "w").write(str(srv.getsockname()[1]))
conn, _ = srv.accept()
buf = b""
while b"\r\n\r\n" not in buf:
    buf += conn.recv(65536)
head, rest = buf.split(b"\r\n\r\n", 1)
length = [int(l.split(b":")[1]) for l in head.split(b"\r\n")
          if l.lower().startswith(b"content-length:")][0]
n = len(rest)
while n < length:
    chunk = conn.recv(1 << 20)
    if not chunk:
        break
    n += len(chunk)
open(received, "w").write(str(n))
body = b'{"id":"file_rss","type":"file","filename":"upload.bin","mime_type":"application/octet-stream","size_bytes":1,"created_at":"2026-12-06T00:00:00Z","downloadable":false}'
conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
             + str(len(body)).encode() + b"\r\n\r\n" + body)
conn.close()
PY
  server=$!
  while [ ! -s "$port_file" ]; do sleep 0.05; done
  set +e
  /usr/bin/time -v -o "$work/time" ./anthropic --base-url "http://127.0.0.1:$(cat "$port_file")" \
    --api-key k --max-retries 0 files upload "$file" >"$work/out" 2>"$work/err"
  code=$?
  set -e
  wait "$server" || true
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
  printf '%5d MB file: exit %d, sink received %s bytes, peak RSS %d MB, stdout %s\n' \
    "$mb" "$code" "$(cat "$work/received" 2>/dev/null || echo '?')" $((rss_kb / 1024)) \
    "$(cat "$work/out")"
  [ "$code" -eq 0 ] || cat "$work/err"
  rm -f "$file"
done
