package vn.city.common.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * CloudEvents 1.0 structured-mode JSON envelope. {@code subject} is the aggregate id and also the Kafka key,
 * so events of one aggregate keep their order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        OffsetDateTime time,
        String subject,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /** The Kafka header that names the event's type (as in CloudEvents' Kafka binding), so consumers can skip types unread. */
    public static final String TYPE_HEADER = "ce_type";
}
