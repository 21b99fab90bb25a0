package io.apogee.common.protocol;

/**
 * A typed request or response header. Its non-static fields travel as the command's {@code extFields}
 * (see protocol.md §1.9); {@link #checkFields()} validates values that the field types alone cannot.
 */
public interface CommandCustomHeader {
    default void checkFields() throws RemotingCommandException {
    }
}
