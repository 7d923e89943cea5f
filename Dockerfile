# DeepDash in a container: Debian's JDK 17 and Maven build the jar; a jlinked Java 17 runs it on
# debian:bookworm-slim as a non-root user. Nothing is downloaded at run time: the MXNet native library
# comes from the mxnet-native-mkl jar and is unpacked into the image while it is built.
#
#   podman build --format docker -t deepdash .     (or: docker build -t deepdash .)
#   podman run -d --name deepdash -p 7070:7070 -v deepdash-data:/data deepdash
#   podman logs deepdash                           (the URL with the access token)
#
# scripts/container-test.sh builds it and checks it end to end; docs/container.md says what it measured.
# Behind a Maven mirror or a TLS-intercepting proxy, give its settings or CA as build secrets (below):
#   podman build --secret id=maven-settings,src=$HOME/.m2/settings.xml \
#                --secret id=ca-certificates,src=/usr/local/share/ca-certificates/my-proxy.crt ...

############################################################################### build
FROM debian:bookworm-slim AS build
# Slim images have no /usr/share/man, where the JDK's post-install script links its man pages.
RUN mkdir -p /usr/share/man/man1 \
    && apt-get update \
    && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# The Maven repository is a cache mount: kept between builds on the same machine, never in a layer.
# Two optional build secrets, for machines that reach Maven Central only through a mirror or a
# TLS-intercepting proxy; they are used by this step alone and never stored in the image:
#   maven-settings   a settings.xml (mirror, credentials)
#   ca-certificates  PEM certificates to trust besides Java's (only the extra ones: each is imported)
COPY pom.xml .
COPY src/main src/main
COPY templates templates
COPY static static
COPY data data
RUN --mount=type=cache,target=/root/.m2/repository \
    --mount=type=secret,id=maven-settings \
    --mount=type=secret,id=ca-certificates \
    set -e; \
    if [ -s /run/secrets/maven-settings ]; then set -- -s /run/secrets/maven-settings; fi; \
    if [ -s /run/secrets/ca-certificates ]; then \
        cp /etc/ssl/certs/java/cacerts /tmp/truststore; \
        awk '/BEGIN CERTIFICATE/ { n++ } n { print > ("/tmp/extra-ca-" n ".pem") }' /run/secrets/ca-certificates; \
        for pem in /tmp/extra-ca-*.pem; do \
            keytool -importcert -noprompt -storepass changeit -keystore /tmp/truststore \
                -alias "${pem##*/}" -file "$pem" > /dev/null; \
        done; \
        export MAVEN_OPTS="-Djavax.net.ssl.trustStore=/tmp/truststore -Djavax.net.ssl.trustStorePassword=changeit"; \
    fi; \
    mvn -B -q "$@" package -Dmaven.test.skip=true; \
    cp target/deepdash.jar /deepdash.jar; \
    rm -rf /tmp/truststore /tmp/extra-ca-*.pem target

# A Java runtime with only the modules DeepDash uses: what jdeps finds in the jar, plus modules that
# are loaded by name and that jdeps cannot see (zip file systems, locale data for translated pages,
# extra charsets, EC, java.net.http). java.desktop's X11, sound and splash libraries are left out: the
# server is headless and only needs ImageIO.
# --generate-cds-archive: the runtime's own class-data archive, which the server's archive below builds on.
RUN jlink --output /opt/java --strip-java-debug-attributes --no-header-files --no-man-pages --compress=2 \
      --generate-cds-archive \
      --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.rmi,java.security.jgss,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.management,jdk.unsupported,jdk.zipfs \
      --exclude-files='**/libawt_xawt.so,**/libjawt.so,**/libsplashscreen.so,**/libjsound.so'

############################################################################### run
FROM debian:bookworm-slim
# The system libraries Debian's JDK links (build fails below if one is missing): libjpeg and lcms for
# ImageIO's JPEG reader (the image inspector), freetype and harfbuzz for java.desktop's font manager.
# curl: the health check. MXNet brings its own libgomp, libgfortran, libquadmath and OpenBLAS;
# libstdc++ and libgcc are in the base.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl libjpeg62-turbo liblcms2-2 libfreetype6 libharfbuzz0b \
    && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
    && groupadd --gid 10001 deepdash \
    && useradd --uid 10001 --gid deepdash --create-home --home-dir /home/deepdash --shell /usr/sbin/nologin deepdash \
    && mkdir /data && chown deepdash:deepdash /data

COPY --from=build /opt/java /opt/java
COPY --from=build /deepdash.jar /app/deepdash.jar
ENV PATH=/opt/java/bin:$PATH \
    JAVA_HOME=/opt/java \
    DJL_CACHE_DIR=/opt/djl \
    DEEPDASH_HOST=0.0.0.0 \
    DEEPDASH_PORT=7070 \
    DEEPDASH_DATA_DIR=/data

# Fail the build, not the first run, when the runtime misses a system library. Then unpack MXNet's
# native library into the image (read-only, shared by every container, no unpacking at start) by
# training one LSTM epoch on the bundled sample prices (seconds, where a CNN run's test pass on 10,000
# images takes minutes on a busy machine): it proves that MXNet loads and trains in this image.
RUN --mount=type=bind,from=build,source=/src/data/prices,target=/tmp/prices \
    set -e; \
    if LD_LIBRARY_PATH=/opt/java/lib/server ldd /opt/java/lib/*.so | grep 'not found'; then exit 1; fi; \
    if ! java -XX:+UseSerialGC -Dai.djl.offline=true -jar /app/deepdash.jar train --data-dir /tmp/warm-up \
            --model lstm --csv /tmp/prices/sample-synthetic-prices.csv --epochs 1 > /tmp/warm-up.log 2>&1; then \
        cat /tmp/warm-up.log; exit 1; \
    fi; \
    tail -n 3 /tmp/warm-up.log; \
    if ldd /opt/djl/mxnet/*/libmxnet.so | grep 'not found'; then exit 1; fi; \
    chmod -R a+rX /opt/djl; \
    rm -rf /tmp/warm-up /tmp/warm-up.log /tmp/hsperfdata_root /root/.cache

# A class-data archive of what the server loads to start and to serve its pages, so a container starts
# from mapped classes instead of loading and verifying about 5,000 of them from the jar (on a 2-core
# machine: 1.5-1.7 s to the first /health instead of 2.1-2.2 s; docs/performance.md). It is made by one
# start of the server on loopback with the ENTRYPOINT's flags, then a few pages, then a normal stop.
RUN set -e; \
    java -XX:+UseSerialGC -Dai.djl.offline=true -XX:ArchiveClassesAtExit=/app/deepdash.jsa \
        -jar /app/deepdash.jar --host 127.0.0.1 --port 7079 --data-dir /tmp/cds-data > /tmp/cds.log 2>&1 & \
    server=$!; \
    for _ in $(seq 300); do curl -fsS -o /dev/null http://127.0.0.1:7079/health && break; sleep 0.2; done; \
    for page in / /cnn /forecast /runs /draw /data /api/runs /api/models; do \
        curl -fsS -o /dev/null "http://127.0.0.1:7079$page" || { cat /tmp/cds.log; exit 1; }; \
    done; \
    kill -TERM "$server"; wait "$server" || true; \
    test -s /app/deepdash.jsa || { cat /tmp/cds.log; exit 1; }; \
    rm -rf /tmp/cds-data /tmp/cds.log /tmp/hsperfdata_root

USER deepdash
WORKDIR /home/deepdash
VOLUME /data
EXPOSE 7070
# /health is the one path that needs no token.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:7070/health || exit 1
# Bound to all interfaces, DeepDash requires an access token: it prints a URL carrying a generated one
# at start (see the logs), or takes yours from DEEPDASH_TOKEN.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=/app/deepdash.jsa", "-Dai.djl.offline=true", \
            "-jar", "/app/deepdash.jar"]
