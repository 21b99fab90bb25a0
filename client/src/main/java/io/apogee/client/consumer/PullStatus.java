package io.apogee.client.consumer;

/** Result of one pull, mapped from the broker's response code. */
public enum PullStatus {
    FOUND,
    NO_NEW_MSG,
    NO_MATCHED_MSG,
    OFFSET_ILLEGAL,
}
