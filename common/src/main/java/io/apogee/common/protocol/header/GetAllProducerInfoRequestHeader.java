package io.apogee.common.protocol.header;

import io.apogee.common.protocol.CommandCustomHeader;

/** Header of GET_ALL_PRODUCER_INFO (328): no fields. */
public class GetAllProducerInfoRequestHeader implements CommandCustomHeader {
}
