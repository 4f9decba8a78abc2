package vn.city.common.inbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import vn.city.common.event.CloudEvent;

/**
 * A handler whose change is ONE statement that also records the event in the inbox ({@link Inbox#RECORD} as its first
 * {@code WITH} query, the change conditional on it): the statement commits on its own, so the event costs one round
 * trip instead of a transaction's (begin, inbox row, change, commit). For the events that arrive by the hundred per
 * second; everything else uses a plain handler inside {@link Inbox#applyOnce}. It must not wake anything that reads
 * what it wrote: in a batch the statement commits later ({@link EventConsumer}'s {@code afterRecorded} runs then).
 */
@FunctionalInterface
public interface RecordingHandler {

    /**
     * Applies the event once for {@code consumer}: nothing when the inbox already holds it. {@code client} is the pool
     * (the statement commits on its own) or a connection inside the transaction of a batch of events
     * ({@link EventConsumer#consumeBatch}). @return whether the event was stored now
     */
    Uni<Boolean> applyOnce(SqlClient client, String consumer, CloudEvent event);
}
