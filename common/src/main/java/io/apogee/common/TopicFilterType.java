package io.apogee.common;

/** How a topic's messages are tagged; travels by enum name. */
public enum TopicFilterType {
    SINGLE_TAG,
    MULTI_TAG
}
