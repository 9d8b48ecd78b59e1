# The anthropic CLI as an image:  docker run -i -e ANTHROPIC_API_KEY IMAGE messages "hi"
#
# Stage 1 builds the shaded jar with the Maven wrapper. Stage 2 is a JRE 25 image that holds the
# jar and a JDK 25 AOT cache (JEP 483/515: classes loaded and linked, method profiles) made by a
# training run at the jar's final path: the real commands against a throwaway server on
# 127.0.0.1 inside the build (com.anthropic.cli.Training), never the network. The cache is only
# valid for this JVM build and this jar at this path, which is why it is made in the final stage.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package

FROM eclipse-temurin:25-jre
WORKDIR /opt/anthropic
COPY --from=build /src/target/anthropic-cli.jar anthropic-cli.jar
# same flags as the launcher (../anthropic): serial GC, C1 only, small first heap
RUN java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss1m -Xms16m -XX:-UsePerfData \
      -XX:AOTCacheOutput=/opt/anthropic/anthropic-cli.aot \
      -cp /opt/anthropic/anthropic-cli.jar com.anthropic.cli.Training >/dev/null 2>&1 \
    && test -s /opt/anthropic/anthropic-cli.aot
WORKDIR /
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m", "-Xms16m", \
            "-XX:-UsePerfData", "-XX:AOTCache=/opt/anthropic/anthropic-cli.aot", \
            "-Xlog:aot=off", "-Xlog:cds=off", \
            "-cp", "/opt/anthropic/anthropic-cli.jar", "com.anthropic.cli.Main"]
