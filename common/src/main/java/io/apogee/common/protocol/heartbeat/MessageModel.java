package io.apogee.common.protocol.heartbeat;

/** Whether every consumer of a group gets every message or the group shares them. */
public enum MessageModel {
    BROADCASTING, CLUSTERING
}
