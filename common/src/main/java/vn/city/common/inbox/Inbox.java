package vn.city.common.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.event.CloudEvent;

import java.util.function.Supplier;

/**
 * Makes a consumer idempotent: the event id is recorded in the same transaction as the change it causes, so a
 * redelivered event finds its id and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    /**
     * The inbox row as a data-modifying {@code WITH} query, for a change made by ONE statement without a transaction
     * of its own ({@link RecordingHandler}): {@code with inbox as (…), change as (… where exists (select 1 from
     * inbox)) …}. Parameters $1 consumer, $2 event id, $3 event type; it returns a row only when the event is new.
     */
    public static final String RECORD = "insert into inbox_event (consumer, event_id, event_type) values ($1, $2, $3)"
            + " on conflict do nothing returning 1";

    /**
     * Applies {@code change} once per (consumer, event id), inside one transaction with the inbox row.
     *
     * @return true when the change was applied now, false when the event had been applied before
     */
    public Uni<Boolean> applyOnce(String consumer, CloudEvent event, Supplier<Uni<?>> change) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("insert into inbox_event (consumer, event_id, event_type) values (?1, ?2, ?3)"
                        + " on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate()
                .chain(inserted -> inserted == 1
                        ? change.get().replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE))));
    }
}
