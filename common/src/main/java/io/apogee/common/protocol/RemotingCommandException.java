package io.apogee.common.protocol;

/** A command that cannot be decoded or whose header is invalid; answered with an error, never thrown into Netty. */
public class RemotingCommandException extends Exception {
    public RemotingCommandException(String message) {
        super(message);
    }

    public RemotingCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
