# DeepDash in a container: build the jar with Maven, run it on a slim JRE.
# The MXNet native library comes from the mxnet-native-mkl Maven jar; nothing is downloaded at run time.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY templates templates
COPY static static
COPY data data
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/deepdash.jar /app/deepdash.jar
ENV DEEPDASH_HOST=0.0.0.0 DEEPDASH_PORT=7070 DEEPDASH_DATA_DIR=/data
VOLUME /data
EXPOSE 7070
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-jar", "/app/deepdash.jar"]
