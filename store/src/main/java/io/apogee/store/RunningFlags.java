package io.apogee.store;

/** Store health bits: a failed flush, a dispatch error or a full disk make the store refuse writes. */
public class RunningFlags {
    private static final int NOT_READABLE_BIT = 1;
    private static final int NOT_WRITEABLE_BIT = 1 << 1;
    private static final int WRITE_LOGICS_QUEUE_ERROR_BIT = 1 << 2;
    private static final int WRITE_INDEX_FILE_ERROR_BIT = 1 << 3;
    private static final int DISK_FULL_BIT = 1 << 4;

    private volatile int flagBits = 0;

    public int getFlagBits() {
        return flagBits;
    }

    public boolean isReadable() {
        return (flagBits & NOT_READABLE_BIT) == 0;
    }

    public boolean isWriteable() {
        return (flagBits & (NOT_WRITEABLE_BIT | WRITE_LOGICS_QUEUE_ERROR_BIT | DISK_FULL_BIT
            | WRITE_INDEX_FILE_ERROR_BIT)) == 0;
    }

    public boolean isCQWriteable() {
        return (flagBits & (NOT_WRITEABLE_BIT | WRITE_LOGICS_QUEUE_ERROR_BIT | WRITE_INDEX_FILE_ERROR_BIT)) == 0;
    }

    public synchronized boolean getAndMakeNotWriteable() {
        boolean result = isWriteable();
        flagBits |= NOT_WRITEABLE_BIT;
        return result;
    }

    public synchronized void makeLogicsQueueError() {
        flagBits |= WRITE_LOGICS_QUEUE_ERROR_BIT;
    }

    public synchronized void makeIndexFileError() {
        flagBits |= WRITE_INDEX_FILE_ERROR_BIT;
    }

    public boolean isDiskFull() {
        return (flagBits & DISK_FULL_BIT) != 0;
    }

    /** @return whether the disk was NOT full before */
    public synchronized boolean getAndMakeDiskFull() {
        boolean result = (flagBits & DISK_FULL_BIT) == 0;
        flagBits |= DISK_FULL_BIT;
        return result;
    }

    /** @return whether the disk was NOT full before */
    public synchronized boolean getAndMakeDiskOK() {
        boolean result = (flagBits & DISK_FULL_BIT) == 0;
        flagBits &= ~DISK_FULL_BIT;
        return result;
    }
}
