# The anthropic CLI as an image:
#   docker build -t anthropic-cli .
#   docker run -i --rm -e ANTHROPIC_API_KEY anthropic-cli messages "hi"
#   echo "some text" | docker run -i --rm -e ANTHROPIC_API_KEY anthropic-cli messages "summarise"
# See docs/docker.md.

# ---- build: the shaded jar, with the Maven wrapper -------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# the wrapper, Maven itself, the plugins and the dependencies first: a layer that stays cached
# until pom.xml or .mvn changes. It packages a one-class stand-in project, which resolves exactly
# what the real package step needs (dependency:go-offline trips over test-only artifacts).
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN mkdir -p src/main/java \
    && echo 'final class DependencyWarmUp {}' > src/main/java/DependencyWarmUp.java \
    && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
    && rm -rf src target
COPY src src
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
    && cp target/anthropic-cli.jar /anthropic-cli.jar

# ---- runtime: JRE 25, the jar and a JDK 25 AOT cache -----------------------------------------
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/anthropic \
      --shell /usr/sbin/nologin anthropic \
    && mkdir -p /app /work && chown anthropic:anthropic /work
COPY --from=build /anthropic-cli.jar /app/anthropic-cli.jar

# The AOT cache (JEP 483/514/515: classes loaded and linked ahead of time, method profiles) is
# made by a training run with the JVM, flags and jar path of the ENTRYPOINT below; it is only
# valid for exactly those, which is why it is made here, in the final stage. The training run
# never touches the network:
#  1. com.anthropic.cli.Training, when the jar has it: the real commands against a throwaway
#     server on 127.0.0.1 inside this build step;
#  2. otherwise `anthropic mock-server` (the offline stand-in for the API, when the jar has it)
#     started on 127.0.0.1 in this step, and one `messages` call against it;
#  3. otherwise one `messages` call to a closed port on 127.0.0.1 (request building, the HTTP
#     client and the error path; no answer parsing).
# The flags are the launcher's (./anthropic): serial GC, C1 only, small stacks, no perf data
# (but no -Xshare:*, which JDK 25 refuses next to an AOT cache),
# JVM log lines only for errors and only on stderr (stdout carries only the answer).
ARG JAVA_FLAGS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss1m -XX:-UsePerfData -Xlog:disable -Xlog:all=error:stderr"
USER anthropic
RUN set -eu; \
    export HOME=/tmp/training XDG_CONFIG_HOME=/tmp/training/config \
           XDG_CACHE_HOME=/tmp/training/cache XDG_STATE_HOME=/tmp/training/state \
           XDG_DATA_HOME=/tmp/training/data ANTHROPIC_API_KEY=training NO_COLOR=1; \
    mkdir -p "$HOME"; \
    JAR=/app/anthropic-cli.jar; AOT=/tmp/training/anthropic.aot; \
    train() { java $JAVA_FLAGS -XX:AOTCacheOutput="$AOT" "$@" </dev/null >/dev/null 2>>"$HOME/log" || true; }; \
    if grep -qa 'com/anthropic/cli/Training.class' "$JAR"; then \
      echo "AOT training: com.anthropic.cli.Training"; \
      train -cp "$JAR" com.anthropic.cli.Training; \
    else \
      java $JAVA_FLAGS -jar "$JAR" mock-server >"$HOME/url" 2>/dev/null </dev/null & MOCK=$!; \
      i=0; while [ $i -lt 150 ] && kill -0 "$MOCK" 2>/dev/null && ! grep -q '^http://127.0.0.1:' "$HOME/url"; do \
        sleep 0.1; i=$((i+1)); done; \
      MOCK_URL="$(grep -m1 '^http://127.0.0.1:' "$HOME/url" || true)"; \
    fi; \
    if [ -n "${MOCK_URL:-}" ]; then \
      echo "AOT training: messages against anthropic mock-server"; \
      train -jar "$JAR" messages --base-url "$MOCK_URL" --no-retries hello; \
    elif [ -z "${MOCK:-}" ]; then :; \
    else \
      echo "AOT training: messages against a closed loopback port (no Training class, no mock-server)"; \
      train -jar "$JAR" messages --base-url http://127.0.0.1:9 --no-retries --timeout 5 hello; \
    fi; \
    if [ -n "${MOCK:-}" ]; then kill "$MOCK" 2>/dev/null || true; wait "$MOCK" 2>/dev/null || true; fi; \
    if [ ! -s "$AOT" ]; then cat "$HOME/log" >&2; echo "AOT cache was not created" >&2; exit 1; fi; \
    cp "$AOT" /tmp/anthropic.aot
USER root
RUN mv /tmp/anthropic.aot /app/anthropic.aot && chown root:root /app/anthropic.aot && chmod 0644 /app/anthropic.aot \
    && rm -rf /tmp/training /tmp/hsperfdata_* /home/anthropic/.[!.]* \
    && java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss1m -XX:-UsePerfData \
         -XX:AOTCache=/app/anthropic.aot -XX:AOTMode=on -jar /app/anthropic-cli.jar --version

USER anthropic
WORKDIR /work
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m", "-XX:-UsePerfData", \
            "-Xlog:disable", "-Xlog:all=error:stderr", \
            "-XX:AOTCache=/app/anthropic.aot", "-jar", "/app/anthropic-cli.jar"]
CMD ["--help"]
