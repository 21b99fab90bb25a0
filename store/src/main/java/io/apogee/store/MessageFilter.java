package io.apogee.store;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Decides which messages a pull returns: first cheaply on the ConsumeQueue tag hash, then (for property
 * filters such as SQL92) on the stored record.
 */
public interface MessageFilter {
    /** @param tagsCode the unit's tag hash; {@code cqExtUnit} is always null (no ConsumeQueue ext files). */
    boolean isMatchedByConsumeQueue(Long tagsCode, Object cqExtUnit);

    /** @param msgBuffer the whole stored record; {@code properties} may be null (decode them from the buffer) */
    boolean isMatchedByCommitLog(ByteBuffer msgBuffer, Map<String, String> properties);
}
