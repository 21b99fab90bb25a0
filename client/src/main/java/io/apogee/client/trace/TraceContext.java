package io.apogee.client.trace;

import java.util.ArrayList;
import java.util.List;

/** One traced event (a send, or the start or end of one consume call) and the messages it concerns. */
public class TraceContext {
    private TraceType traceType;
    private long timeStamp = System.currentTimeMillis();
    private String regionId = "";
    private String groupName = "";
    private int costTime;
    private boolean success = true;
    private String requestId;
    /** For SubAfter: ordinal of the consume outcome (0 success, 1 time-out, 2 exception, 3 null, 4 failed). */
    private int contextCode;
    private List<TraceBean> traceBeans = new ArrayList<>(1);

    public TraceType getTraceType() { return traceType; }
    public void setTraceType(TraceType traceType) { this.traceType = traceType; }
    public long getTimeStamp() { return timeStamp; }
    public void setTimeStamp(long timeStamp) { this.timeStamp = timeStamp; }
    public String getRegionId() { return regionId; }
    public void setRegionId(String regionId) { this.regionId = regionId; }
    public String getGroupName() { return groupName; }
    public void setGroupName(String groupName) { this.groupName = groupName; }
    public int getCostTime() { return costTime; }
    public void setCostTime(int costTime) { this.costTime = costTime; }
    public boolean isSuccess() { return success; }
    public void setSuccess(boolean success) { this.success = success; }
    public String getRequestId() { return requestId; }
    public void setRequestId(String requestId) { this.requestId = requestId; }
    public int getContextCode() { return contextCode; }
    public void setContextCode(int contextCode) { this.contextCode = contextCode; }
    public List<TraceBean> getTraceBeans() { return traceBeans; }
    public void setTraceBeans(List<TraceBean> traceBeans) { this.traceBeans = traceBeans; }
}
