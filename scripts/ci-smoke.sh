#!/usr/bin/env bash
# The CI smoke check (docs/ci-smoke.md): the library's example program (client from the
# environment, one request built, POST /v1/messages) and then `./anthropic messages`.
#   scripts/ci-smoke.sh          against ANTHROPIC_BASE_URL (default: the real API), ANTHROPIC_API_KEY
#   scripts/ci-smoke.sh --mock   against `./anthropic mock-server`, started and stopped here
# Needs `./mvnw -B verify` (or `-DskipTests verify`) first, which builds the example program.
# Any error fails it: a non-zero exit, an empty answer, a missing key.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/examples/client-example/target/anthropic-client-example.jar
[ -f "$JAR" ] || { echo "ci-smoke: no $JAR: run ./mvnw -B verify first" >&2; exit 1; }

if [ "${1:-}" = --mock ]; then
  url=$(mktemp)
  ./anthropic mock-server >"$url" &
  mock=$!
  trap 'kill "$mock" 2>/dev/null || true; rm -f "$url"' EXIT
  for _ in $(seq 1200); do [ -s "$url" ] && break; kill -0 "$mock" 2>/dev/null || break; sleep 0.1; done
  [ -s "$url" ] || { echo "ci-smoke: mock-server did not start" >&2; exit 1; }
  unset ANTHROPIC_AUTH_TOKEN
  export ANTHROPIC_BASE_URL="$(head -1 "$url")" ANTHROPIC_API_KEY=mock
fi
: "${ANTHROPIC_API_KEY:?ci-smoke: set ANTHROPIC_API_KEY (or run with --mock)}"

echo "ci-smoke: the example program (${ANTHROPIC_BASE_URL:-https://api.anthropic.com})" >&2
out=$(java -jar "$JAR" smoke)
printf '%s\n' "$out"
grep -q '^smoke: ok' <<<"$out" || { echo "ci-smoke: the example did not say ok" >&2; exit 1; }

echo "ci-smoke: ./anthropic messages" >&2
answer=$(./anthropic messages --max-tokens 32 "Say hello in one word.")
[ -n "$answer" ] || { echo "ci-smoke: ./anthropic messages printed nothing" >&2; exit 1; }
printf '%s\n' "$answer"
echo "ci-smoke: ok" >&2
