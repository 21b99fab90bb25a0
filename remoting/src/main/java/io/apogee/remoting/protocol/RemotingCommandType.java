package io.apogee.remoting.protocol;

public enum RemotingCommandType {
    REQUEST_COMMAND,
    RESPONSE_COMMAND
}
