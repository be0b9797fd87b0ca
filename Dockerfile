# syntax=docker/dockerfile:1

# Fixpoint container image: build with the Maven wrapper, run on a JRE 25 as an unprivileged user, with the JDK's AOT
# cache from a training run in the image build (start-up ~2-3x faster, hot paths compiled sooner; README "Deploy").
#   docker build -t fixpoint .
#   docker run -p 8080:8080 -v fixpoint-data:/data fixpoint                        (embedded PostgreSQL in /data)
#   docker run -p 8080:8080 -e FIXPOINT_DB_URL=jdbc:postgresql://db:5432/fixpoint \
#              -e FIXPOINT_DB_USER=fixpoint -e FIXPOINT_DB_PASSWORD=... fixpoint       (external PostgreSQL)
# The embedded PostgreSQL binaries in the jar are linux-amd64 only; on arm64 use an external PostgreSQL.

FROM eclipse-temurin:21-jdk AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/ src/
# ~/.m2 (dependencies and the Maven distribution the wrapper downloads) is cached between builds.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -DskipTests package \
 && cp target/fixpoint-*.jar app.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# JRE 25: the AOT cache (JEP 483/514/515) needs JDK >= 25; the jar itself still runs on Java 21
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 fixpoint \
 && useradd --system --uid 10001 --gid fixpoint --home-dir /data --no-create-home --shell /usr/sbin/nologin fixpoint \
 && mkdir -p /data \
 && chown fixpoint:fixpoint /data
WORKDIR /app
# One layer per rate of change: libraries rarely change, the application on every build.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
# The training run: the app on a throw-away embedded database, the requests users send most, then the JVM writes
# app.aot (classes loaded and linked, method profiles). Same JDK and same jar path at run time, or it is ignored.
COPY deploy/aot-training.sh /tmp/aot-training.sh
RUN /tmp/aot-training.sh java /app/app.jar /app/app.aot && rm /tmp/aot-training.sh
ENV FIXPOINT_DATA_DIR=/data
USER fixpoint
VOLUME /data
EXPOSE 8080
# The first start initializes the embedded database, hence the generous start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS "http://localhost:${SERVER_PORT:-8080}/actuator/health/liveness" || exit 1
# The heap is fixed at its maximum from the start (InitialRAMPercentage = MaxRAMPercentage): a G1 heap left to size
# itself stayed at a third of its maximum under load, and a concurrent cycle with its Remark pause ran every minute or
# two (bench/README.md, "Tail latency, 2026-12-07 session"). G1 stays the collector: the AOT cache is only used by a
# JVM with the collector (and compressed-pointer mode) of its training run.
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-XX:MaxRAMPercentage=75", "-XX:InitialRAMPercentage=75", "-jar", "/app/app.jar"]
