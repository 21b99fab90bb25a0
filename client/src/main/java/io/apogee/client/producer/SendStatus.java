package io.apogee.client.producer;

/** Outcome of a stored send; anything else is reported as an exception. */
public enum SendStatus {
    SEND_OK,
    FLUSH_DISK_TIMEOUT,
    FLUSH_SLAVE_TIMEOUT,
    SLAVE_NOT_AVAILABLE,
}
