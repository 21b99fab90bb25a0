package io.apogee.client.trace;

/** Message kind of a traced send; the record stores the ordinal, so the order is part of the format. */
public enum TraceMessageType {
    Normal_Msg,
    Trans_Msg_Half,
    Trans_msg_Commit,
    Delay_Msg
}
