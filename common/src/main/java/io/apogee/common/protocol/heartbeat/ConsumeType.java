package io.apogee.common.protocol.heartbeat;

/** How a consumer gets messages (pull = actively, push = passively). */
public enum ConsumeType {
    CONSUME_ACTIVELY, CONSUME_PASSIVELY
}
