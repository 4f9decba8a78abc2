package vn.city.common.inbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.DatabaseException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import vn.city.common.event.CloudEvent;
import vn.city.common.event.EventCodec;
import vn.city.common.event.MalformedEventException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shape of every consumer: parse the envelope (a malformed one fails the message, which the connector's
 * dead-letter strategy sends on with the reason), then apply the handler for its type exactly once. Types without
 * a handler are skipped, without touching the database (task-service reads every figure of indicator-events and
 * keeps none), so producers can add event types without breaking consumers.
 * <p>
 * An event the database refuses for its data goes there at once too ({@link #permanent}). Any other failure (database
 * down, pool closed during shutdown) is transient: the change is retried with back-off
 * and the offset is not committed meanwhile, so a stopping or struggling service never dead-letters a good event;
 * only after {@link #TRANSIENT_RETRIES} attempts does the event go to the dead-letter topic.
 * <p>
 * A batch (what one poll returned, {@link #consumeBatch}) is applied in order; its consecutive events of the
 * {@link RecordingHandler} types go to the database as one transaction (their statements pipelined on one connection,
 * one commit instead of one per event). When that transaction fails, its events are applied one by one as above, so a
 * bad event is dead-lettered alone and the others are kept.
 */
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    static final int TRANSIENT_RETRIES = 12;

    static final String DATA_EXCEPTION = "22";

    /** Events being applied right now in this process (all consumers), for the graceful shutdown. */
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

    private final String consumer;
    private final EventCodec codec;
    private final Inbox inbox;
    private final Map<String, Function<CloudEvent, Uni<?>>> handlers;
    private final Map<String, RecordingHandler> recording;
    private final Pool pool;
    private final Runnable afterRecorded;

    public EventConsumer(String consumer, EventCodec codec, Inbox inbox,
                         Map<String, Function<CloudEvent, Uni<?>>> handlers) {
        this(consumer, codec, inbox, handlers, Map.of(), null, () -> { });
    }

    /**
     * With handlers that record the inbox row in their own statement, for some types ({@link RecordingHandler}), run
     * on {@code pool}; {@code afterRecorded} runs after a commit that stored at least one of those events.
     */
    public EventConsumer(String consumer, EventCodec codec, Inbox inbox,
                         Map<String, Function<CloudEvent, Uni<?>>> handlers, Map<String, RecordingHandler> recording,
                         Pool pool, Runnable afterRecorded) {
        this.consumer = consumer;
        this.codec = codec;
        this.inbox = inbox;
        this.handlers = Map.copyOf(handlers);
        this.recording = Map.copyOf(recording);
        this.pool = pool;
        this.afterRecorded = afterRecorded;
    }

    public Uni<Void> consume(String message) {
        return apply(read(message));
    }

    /**
     * Applies what one poll returned, in order, and dead-letters (nacks) each record that cannot be applied; the
     * caller acknowledges the batch when this completes.
     */
    public Uni<Void> consumeBatch(List<? extends KafkaRecord<?, String>> records) {
        List<Supplier<Uni<Void>>> steps = new ArrayList<>();
        List<Pending> group = new ArrayList<>();
        for (KafkaRecord<?, String> record : records) {
            if (unused(record)) {
                continue;
            }
            CloudEvent event;
            try {
                event = read(record.getPayload());
            } catch (MalformedEventException malformed) {
                steps.add(() -> deadLetter(record, malformed));
                continue;
            }
            RecordingHandler ownStatement = recording.get(event.type());
            if (ownStatement != null) {
                group.add(new Pending(record, event, ownStatement));
                continue;
            }
            addGroup(steps, group);
            group = new ArrayList<>();
            steps.add(() -> apply(event).onFailure().recoverWithUni(failure -> deadLetter(record, failure)));
        }
        addGroup(steps, group);
        return Uni.createFrom().deferred(() -> {
            // each step goes on on the context the batch was delivered on: the pool's transaction and the
            // connector's nack complete on other contexts, where Hibernate Reactive (the plain handlers) cannot run
            Context delivered = Vertx.currentContext();
            Executor back = delivered == null ? Runnable::run : task -> delivered.runOnContext(ignored -> task.run());
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Supplier<Uni<Void>> step : steps) {
                chain = chain.chain(() -> step.get().emitOn(back));
            }
            return chain;
        }).onSubscription().invoke(IN_FLIGHT::incrementAndGet)
                .onTermination().invoke(IN_FLIGHT::decrementAndGet);
    }

    /**
     * Whether the record's {@code ce_type} header (written by the outbox publisher) names a type this consumer has no
     * handler for: such a record is acknowledged with its batch without being read (task-service reads none of the
     * figures, hundreds a second at the cut-off-day peak). A record without the header is read as before.
     */
    private boolean unused(KafkaRecord<?, String> record) {
        Header type = record.getHeaders() == null ? null : record.getHeaders().lastHeader(CloudEvent.TYPE_HEADER);
        if (type == null || type.value() == null) {
            return false;
        }
        String name = new String(type.value(), StandardCharsets.UTF_8);
        return !handlers.containsKey(name) && !recording.containsKey(name);
    }

    /** An event of a {@link RecordingHandler} type waiting in a batch for its transaction. */
    private record Pending(KafkaRecord<?, String> record, CloudEvent event, RecordingHandler handler) {
    }

    private void addGroup(List<Supplier<Uni<Void>>> steps, List<Pending> group) {
        if (group.isEmpty()) {
            return;
        }
        List<Pending> events = List.copyOf(group);
        steps.add(() -> events.size() == 1 ? alone(events.get(0)) : together(events));
    }

    /** One transaction, the statements pipelined; when it fails, each event alone. */
    private Uni<Void> together(List<Pending> events) {
        return pool.withTransaction(connection -> Uni.join()
                        .all(events.stream().map(p -> Uni.createFrom().deferred(
                                () -> p.handler().applyOnce(connection, consumer, p.event()))).toList())
                        .andFailFast())
                .invoke(stored -> {
                    if (stored.contains(Boolean.TRUE)) {
                        afterRecorded.run();
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.infof("%s: a transaction of %d events failed (%s); applying them one by one", consumer,
                            events.size(), failure.toString());
                    Uni<Void> oneByOne = Uni.createFrom().voidItem();
                    for (Pending p : events) {
                        oneByOne = oneByOne.chain(() -> alone(p));
                    }
                    return oneByOne;
                });
    }

    private Uni<Void> alone(Pending p) {
        return apply(p.event()).onFailure().recoverWithUni(failure -> deadLetter(p.record(), failure));
    }

    /** Hands the record to the connector's failure strategy (the dead-letter topic), which then acknowledges it. */
    private Uni<Void> deadLetter(KafkaRecord<?, String> record, Throwable failure) {
        LOG.warnf("%s: message refused, sent to the dead-letter topic: %s", consumer, failure.toString());
        return Uni.createFrom().completionStage(() -> record.nack(failure));
    }

    private CloudEvent read(String message) {
        try {
            return codec.read(message);
        } catch (MalformedEventException malformed) {
            DeadLetterCounter.record(consumer, malformed);
            throw malformed;
        }
    }

    private Uni<Void> apply(CloudEvent event) {
        Function<CloudEvent, Uni<?>> handler = handlers.get(event.type());
        RecordingHandler ownStatement = recording.get(event.type());
        if (handler == null && ownStatement == null) {
            // nothing to change, so nothing to record: applying it again changes nothing either
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> ownStatement != null
                        ? ownStatement.applyOnce(pool, consumer, event).invoke(stored -> {
                            if (stored) {
                                afterRecorded.run();
                            }
                        })
                        : inbox.applyOnce(consumer, event, () -> handler.apply(event)))
                .onFailure(failure -> !permanent(failure))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).atMost(TRANSIENT_RETRIES)
                // a failure returned from here is dead-lettered by the connector (failure-strategy=dead-letter-queue)
                .onFailure().invoke(failure -> DeadLetterCounter.record(consumer, failure))
                .onSubscription().invoke(IN_FLIGHT::incrementAndGet)
                .onTermination().invoke(IN_FLIGHT::decrementAndGet)
                .replaceWithVoid();
    }

    /**
     * A malformed event, or one the database refuses for its data (SQLSTATE class 22: a NUL in a text, a number or a
     * date out of range): the same event fails the same way however often it is tried, and retrying would hold up
     * its partition for minutes.
     */
    static boolean permanent(Throwable failure) {
        if (failure instanceof MalformedEventException) {
            return true;
        }
        // Hibernate Reactive wraps the driver's exception
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException refused) {
                return refused.getSqlState() != null && refused.getSqlState().startsWith(DATA_EXCEPTION);
            }
        }
        return false;
    }

    static int inFlight() {
        return IN_FLIGHT.get();
    }
}
