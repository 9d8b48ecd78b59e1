#!/usr/bin/env bash
# Regenerates everything made from the picocli command model, in one step:
#   completions/anthropic.{bash,zsh,fish}   shell completion scripts (= `anthropic completion SHELL`)
#   docs/commands/*.adoc, README.md         one page per command (picocli-codegen ManPageGenerator)
#   docs/man/*.1                            those pages as man pages (Asciidoctor, manpage backend)
# GeneratedArtefactsTest (in ./mvnw verify) fails when a committed file differs from what this
# writes. Never edit these files by hand: change the command, run this, commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "generate-docs: completions and command pages" >&2
./mvnw -B -q -Pdocs -Dspotless.check.skip=true -Denforcer.skip=true test-compile exec:java@generate-docs

echo "generate-docs: man pages (Asciidoctor)" >&2
rm -rf target/man
./mvnw -B -q -Pdocs -Denforcer.skip=true asciidoctor:process-asciidoc@man
mkdir -p docs/man
for page in docs/commands/*.adoc; do
  name="$(basename "$page" .adoc)"
  roff="target/man/$name.1"
  [ -f "$roff" ] || { echo "generate-docs: Asciidoctor made no $roff" >&2; exit 1; }
  sum="$(sha256sum "$page" | cut -d' ' -f1)"
  stamp=".\\\" Generated from $page (sha256 $sum); do not edit."
  {
    first="$(head -n 1 "$roff")"
    if [[ "$first" == "'\\\""* ]]; then # roff's preprocessor line must stay first
      printf '%s\n%s\n' "$first" "$stamp"
      tail -n +2 "$roff"
    else
      printf '%s\n' "$stamp"
      cat "$roff"
    fi
  } >"docs/man/$name.1"
done
echo "generate-docs: done; review with git status / git diff and commit" >&2
