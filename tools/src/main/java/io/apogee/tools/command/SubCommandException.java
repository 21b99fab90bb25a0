package io.apogee.tools.command;

/** A sub-command failed; the message is printed to stderr and mqadmin exits with status 1. */
public class SubCommandException extends Exception {
    public SubCommandException(String message) {
        super(message);
    }

    public SubCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
