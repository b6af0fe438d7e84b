# Multi-stage build: Maven + JDK 21 builds the fat jar; a JRE 21 image runs it as a non-root user.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY openapi.yaml .
COPY src src
RUN mvn -q -B -DskipTests package

FROM eclipse-temurin:21-jre
RUN groupadd --system leverans && useradd --system --gid leverans --home-dir /app --shell /usr/sbin/nologin leverans \
    && mkdir -p /app/config /data && chown -R leverans:leverans /app /data
WORKDIR /app
COPY --from=build /src/target/leverans.jar /app/leverans.jar
COPY --chown=leverans:leverans config /app/config
USER leverans
ENV LEVERANS_HOST=0.0.0.0 \
    LEVERANS_DATA_DIR=/data \
    LEVERANS_CONFIG=/app/config/leverans.yaml \
    JAVA_OPTS="-Xms1g -Xmx1g -XX:+UseParallelGC"
VOLUME ["/app/config", "/data"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir=/data -jar /app/leverans.jar"]
