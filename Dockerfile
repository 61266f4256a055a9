# Build with Maven, run on a JRE as a non-root user. Database and token settings come from
# the environment (see README: Configuration).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY openapi.yaml ./
COPY src ./src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home homework
WORKDIR /app
COPY --from=build --chown=homework /build/target/quarkus-app/ ./
USER 10001
# 8080: the API. 9000: health and metrics (management interface), for the internal network only.
# The health check needs no curl in the image: bash's /dev/tcp asks for liveness.
EXPOSE 8080 9000
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_PORT:-9000} && printf 'GET /q/health/live HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar quarkus-run.jar"]
