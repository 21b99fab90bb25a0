package io.apogee.client.exception;

/** A request/reply call that got no reply in time. */
public class RequestTimeoutException extends Exception {
    public RequestTimeoutException(String message) {
        super(message);
    }
}
