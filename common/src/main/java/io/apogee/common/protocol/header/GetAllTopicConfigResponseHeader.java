package io.apogee.common.protocol.header;

import io.apogee.common.protocol.CommandCustomHeader;

/** Empty response header of GET_ALL_TOPIC_CONFIG. */
public class GetAllTopicConfigResponseHeader implements CommandCustomHeader {
}
