# web, JVM mode (the web app: pages, no database). Build context = repository root, after `./mvnw -B -pl web -am package -DskipTests`:
#   podman build -f deploy/kubernetes/images/web.Dockerfile -t registry.example/city/web:1.0.0 .
# (docker/buildah take the same arguments). Runs as user 185 (non-root) and with a read-only root
# filesystem: the only writable path is /tmp, an emptyDir mounted by the Deployment.
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23

ENV LANGUAGE='en_US:en' \
    JAVA_OPTS="-Xmx256m -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Dvertx.cacheDirBase=/tmp/vertx-cache -Djava.util.logging.manager=org.jboss.logmanager.LogManager"

# The fast-jar layout, one layer per rate of change (libraries change least).
COPY --chown=185:0 --chmod=0555 web/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185:0 --chmod=0444 web/target/quarkus-app/*.jar /deployments/
COPY --chown=185:0 --chmod=0555 web/target/quarkus-app/app/ /deployments/app/
COPY --chown=185:0 --chmod=0555 web/target/quarkus-app/quarkus/ /deployments/quarkus/

WORKDIR /deployments
USER 185
EXPOSE 8080 9000

# exec: java is PID 1 and receives SIGTERM directly (graceful shutdown, quarkus.shutdown.timeout).
# JAVA_OPTS comes from the Deployment (heap sized to the container's memory limit).
ENTRYPOINT ["/bin/sh", "-c", "exec java ${JAVA_OPTS} -jar /deployments/quarkus-run.jar"]
