package io.apogee.client.trace;

import java.util.LinkedHashSet;
import java.util.Set;

/** Encoded records of one context plus the keys the trace message must carry (msg ids and message keys). */
public class TraceTransferBean {
    private String transData;
    private final Set<String> transKey = new LinkedHashSet<>();

    public String getTransData() { return transData; }
    public void setTransData(String transData) { this.transData = transData; }
    public Set<String> getTransKey() { return transKey; }
}
