package io.apogee.client.exception;

/** A broker answered a request with a non-success response code. */
public class MQBrokerException extends Exception {
    private final int responseCode;
    private final String errorMessage;
    private final String brokerAddr;

    public MQBrokerException(int responseCode, String errorMessage) {
        this(responseCode, errorMessage, null);
    }

    public MQBrokerException(int responseCode, String errorMessage, String brokerAddr) {
        super("CODE: " + responseCode + "  DESC: " + errorMessage + (brokerAddr != null ? " BROKER: " + brokerAddr : ""));
        this.responseCode = responseCode;
        this.errorMessage = errorMessage;
        this.brokerAddr = brokerAddr;
    }

    public int getResponseCode() {
        return responseCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }
}
