package io.apogee.remoting.exception;

/** Thrown when the peer could not be connected. */
public class RemotingConnectException extends RemotingException {
    public RemotingConnectException(String message) {
        super(message);
    }

    public RemotingConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
