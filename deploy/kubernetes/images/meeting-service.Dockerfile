# meeting-service, JVM mode on JDK 25 with its AOT cache (JEP 483/514/515). Build context = repository root. Built by
#   deploy/kubernetes/images/build.sh meeting-service      (see the runbook, "Images")
# which packages the service, builds the 'runtime' stage, runs it once as a training run against the local stack
# (a container of that very image, so the cache matches its JVM) and then builds the final stage with the cache the
# JVM wrote. Runs as user 185 (non-root) with a read-only root filesystem: the only writable path is /tmp, an
# emptyDir mounted by the Deployment; the cache is only read.
FROM eclipse-temurin:25-jre AS runtime

# JAVA_OPTS: the options of deploy/local/service-jvm.options plus the container's paths; the Deployment sets the same.
ENV LANGUAGE='en_US:en' \
    JAVA_OPTS="-XX:+UseSerialGC -Xmx160m -Xmn8m -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=160m -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Dvertx.cacheDirBase=/tmp/vertx-cache -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
    JAVA_AOT_OPTS=""

# The aot-jar layout (every jar on the class path, so the AOT cache holds them), one layer per rate of change.
COPY --chown=185:0 --chmod=0555 meeting-service/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185:0 --chmod=0444 meeting-service/target/quarkus-app/*.jar /deployments/
COPY --chown=185:0 --chmod=0555 meeting-service/target/quarkus-app/app/ /deployments/app/
COPY --chown=185:0 --chmod=0555 meeting-service/target/quarkus-app/quarkus/ /deployments/quarkus/

WORKDIR /deployments
USER 185
EXPOSE 8080 9000

# exec: java is PID 1 and receives SIGTERM directly (graceful shutdown, quarkus.shutdown.timeout).
# JAVA_OPTS comes from the Deployment (heap and collector from the measured figures, see the runbook).
ENTRYPOINT ["/bin/sh", "-c", "exec java ${JAVA_OPTS} ${JAVA_AOT_OPTS} -jar /deployments/quarkus-run.jar"]

# The deployed image: the runtime stage plus the AOT cache that its own JVM wrote in the training run. A cache that
# does not match the JVM or the jars is ignored with a warning (the service then starts without it).
FROM runtime
COPY --chown=185:0 --chmod=0444 meeting-service/target/aot-image/app.aot /deployments/app.aot
ENV JAVA_AOT_OPTS="-XX:AOTCache=/deployments/app.aot"
