package io.apogee.client.trace;

/** Kind of a trace record; the names are written verbatim as the first field of each record. */
public enum TraceType {
    Pub,
    SubBefore,
    SubAfter,
    EndTransaction
}
