package vn.city.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "city.outbox")
public interface OutboxConfig {

    /** The topic this service publishes to (one topic a service). */
    String topic();

    /** CloudEvents {@code source} of this service, e.g. {@code /city/indicator-service}. */
    String source();

    /** Prefix of event types: {@code city.indicator} gives {@code city.indicator.figure-submitted.v1}. */
    String typePrefix();

    /** Whether this instance runs the relay; every replica may, an advisory lock keeps one at a time. */
    @WithDefault("true")
    boolean relayEnabled();

    @WithDefault("500")
    int batchSize();

    /** Longest wait for a notification before looking at the table anyway. */
    @WithDefault("1s")
    Duration idlePoll();

    /** How long to wait for the broker's acknowledgement of a batch. */
    @WithDefault("20s")
    Duration sendTimeout();

    /** Wait after a failed batch before the next attempt. */
    @WithDefault("2s")
    Duration retryBackoff();

    /** Sent rows older than this are deleted. */
    @WithDefault("7d")
    Duration retention();
}
