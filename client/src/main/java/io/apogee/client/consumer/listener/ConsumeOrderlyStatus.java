package io.apogee.client.consumer.listener;

/** Verdict of an orderly listener on a batch (ROLLBACK and COMMIT are legacy, kept for source compatibility). */
public enum ConsumeOrderlyStatus {
    SUCCESS,
    @Deprecated ROLLBACK,
    @Deprecated COMMIT,
    SUSPEND_CURRENT_QUEUE_A_MOMENT,
}
