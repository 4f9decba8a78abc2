package vn.city.common.inbox;

import io.smallrye.mutiny.Uni;
import vn.city.common.event.CloudEvent;

/**
 * A handler whose change is ONE statement that also records the event in the inbox ({@link Inbox#RECORD} as its first
 * {@code WITH} query, the change conditional on it): the statement commits on its own, so the event costs one round
 * trip instead of a transaction's (begin, inbox row, change, commit). For the events that arrive by the hundred per
 * second; everything else uses a plain handler inside {@link Inbox#applyOnce}.
 */
@FunctionalInterface
public interface RecordingHandler {

    /** Applies the event once for {@code consumer}: nothing when the inbox already holds it. */
    Uni<?> applyOnce(String consumer, CloudEvent event);
}
