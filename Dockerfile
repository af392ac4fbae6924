# The Skein image: one executable, any set of roles (SKEIN_ROLES). Build from the repository root:
#   docker build -t skein:local .
# Stage 1 builds skein.jar with the Maven wrapper on a JDK; stage 2 runs it on a JRE as a non-root user.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -Dmaven.test.skip=true -pl platform-app -am package

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 skein \
    && useradd --system --uid 10001 --gid skein --home-dir /var/lib/skein --shell /usr/sbin/nologin skein \
    && mkdir -p /var/lib/skein /opt/skein \
    && chown skein:skein /var/lib/skein
COPY --from=build /src/platform-app/target/skein.jar /opt/skein/skein.jar
USER skein
WORKDIR /var/lib/skein
# Every interface inside the container (the default, loopback, would be unreachable from outside it);
# state in the volume. Roles listen on platform 2580, plc 2582, pds 2583, relay 2584 unless SKEIN_PORTS_<ROLE> says otherwise.
ENV SERVER_ADDRESS=0.0.0.0 \
    SKEIN_DATA_DIR=/var/lib/skein
VOLUME ["/var/lib/skein"]
EXPOSE 2580 2582 2583 2584
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/skein/skein.jar"]
