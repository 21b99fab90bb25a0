package io.apogee.common.protocol.body;

/** Outcome of a direct consumption (CONSUME_MESSAGE_DIRECTLY); names are on the wire. */
public enum CMResult {
    CR_SUCCESS,
    CR_LATER,
    CR_ROLLBACK,
    CR_COMMIT,
    CR_THROW_EXCEPTION,
    CR_RETURN_NULL
}
