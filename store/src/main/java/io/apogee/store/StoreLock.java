package io.apogee.store;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;

/** The exclusive OS lock on {@code storePathRootDir/lock} that keeps a second broker off the same store. */
final class StoreLock {
    private final File file;
    private RandomAccessFile raf;
    private FileLock lock;

    StoreLock(String path) {
        this.file = new File(path);
    }

    void acquire() throws IOException {
        File parent = file.getParentFile();
        if (parent != null) {
            parent.mkdirs();
        }
        raf = new RandomAccessFile(file, "rw");
        FileChannel channel = raf.getChannel();
        try {
            lock = channel.tryLock(0, 1, false);
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null || lock.isShared() || !lock.isValid()) {
            raf.close();
            raf = null;
            throw new RuntimeException("Lock failed,MQ already started");
        }
        channel.write(java.nio.ByteBuffer.wrap("lock".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 0);
        channel.force(true);
    }

    void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (raf != null) {
                raf.close();
            }
        } catch (IOException e) {
            // nothing useful left to do while shutting down
        } finally {
            lock = null;
            raf = null;
        }
    }
}
