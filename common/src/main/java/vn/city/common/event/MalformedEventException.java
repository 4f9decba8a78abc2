package vn.city.common.event;

/** A consumed message that cannot be understood: it goes to the consumer's dead-letter topic with this reason. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String reason) {
        super(reason);
    }
}
