package io.apogee.common.filter.expression;

/** A SQL92 filter expression that cannot be parsed; the message says where and why. */
public class SqlParseException extends Exception {
    public SqlParseException(String message) {
        super(message);
    }
}
