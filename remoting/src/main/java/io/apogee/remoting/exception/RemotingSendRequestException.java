package io.apogee.remoting.exception;

/** Thrown when the request could not be written to the channel. */
public class RemotingSendRequestException extends RemotingException {
    public RemotingSendRequestException(String message) {
        super(message);
    }

    public RemotingSendRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
