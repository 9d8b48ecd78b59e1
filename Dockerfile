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
# src/client (the client-only jar's POM and assembly descriptor) is part of packaging too.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src/client src/client
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
# records com.anthropic.tool.StartupArchiveWorkload: the real commands against the mock server on
# 127.0.0.1 inside this step; it never touches the network. Its output is not needed.
# The flags are the launcher's (./anthropic): serial GC, C1 only, small stacks, a small first
# heap, no perf data (but no -Xshare:*, which JDK 25 refuses next to an AOT cache); JVM log lines
# only for errors and only on stderr (stdout carries only the answer).
ARG JAVA_FLAGS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss1m -Xms16m -XX:-UsePerfData -Xlog:disable -Xlog:all=error:stderr"
USER anthropic
RUN set -eu; mkdir -p /tmp/training; \
    HOME=/tmp/training java $JAVA_FLAGS -XX:AOTCacheOutput=/tmp/training/anthropic.aot \
      -cp /app/anthropic-cli.jar com.anthropic.tool.StartupArchiveWorkload </dev/null >/tmp/training/log 2>&1 || true; \
    if [ ! -s /tmp/training/anthropic.aot ]; then \
      cat /tmp/training/log >&2; echo "AOT cache was not created" >&2; exit 1; fi; \
    cp /tmp/training/anthropic.aot /tmp/anthropic.aot
USER root
RUN mv /tmp/anthropic.aot /app/anthropic.aot && chown root:root /app/anthropic.aot && chmod 0644 /app/anthropic.aot \
    && rm -rf /tmp/training /tmp/hsperfdata_* /home/anthropic/.[!.]* \
    && java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss1m -Xms16m -XX:-UsePerfData \
         -XX:AOTCache=/app/anthropic.aot -XX:AOTMode=on -jar /app/anthropic-cli.jar --version

USER anthropic
WORKDIR /work
# A crash log holds the environment (the API key): never in the working directory (often a mounted
# host directory), but in the container's own /tmp; no core file.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m", "-Xms16m", "-XX:-UsePerfData", \
            "-Xlog:disable", "-Xlog:all=error:stderr", \
            "-XX:ErrorFile=/tmp/hs_err_pid%p.log", "-XX:-CreateCoredumpOnCrash", \
            "-XX:AOTCache=/app/anthropic.aot", "-jar", "/app/anthropic-cli.jar"]
CMD ["--help"]
