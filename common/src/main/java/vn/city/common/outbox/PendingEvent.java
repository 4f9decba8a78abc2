package vn.city.common.outbox;

/** An unsent outbox row as the relay reads it. */
record PendingEvent(long seq, String topic, String key, String type, String envelope) {
}
