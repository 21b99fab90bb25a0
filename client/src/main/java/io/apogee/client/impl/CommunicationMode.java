package io.apogee.client.impl;

/** How a request is sent: wait for the answer, get it on a callback, or don't expect one. */
public enum CommunicationMode {
    SYNC,
    ASYNC,
    ONEWAY,
}
