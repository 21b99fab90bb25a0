package io.apogee.common.protocol.body;

import io.apogee.common.protocol.RemotingSerializable;
import java.util.HashMap;
import java.util.Map;

/** Body of QUERY_CORRECTION_OFFSET. */
public class QueryCorrectionOffsetBody extends RemotingSerializable {
    private Map<Integer, Long> correctionOffsets = new HashMap<>();

    public Map<Integer, Long> getCorrectionOffsets() {
        return correctionOffsets;
    }

    public void setCorrectionOffsets(Map<Integer, Long> correctionOffsets) {
        this.correctionOffsets = correctionOffsets;
    }
}
