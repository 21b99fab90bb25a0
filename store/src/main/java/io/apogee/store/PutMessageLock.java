package io.apogee.store;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/** The CommitLog append lock: a ReentrantLock (default) or a spin lock (useReentrantLockWhenPutMessage=false). */
public interface PutMessageLock {
    void lock();

    void unlock();

    static PutMessageLock create(boolean reentrant) {
        return reentrant ? new Reentrant() : new Spin();
    }

    final class Reentrant implements PutMessageLock {
        private final ReentrantLock lock = new ReentrantLock();

        @Override
        public void lock() {
            lock.lock();
        }

        @Override
        public void unlock() {
            lock.unlock();
        }
    }

    final class Spin implements PutMessageLock {
        private final AtomicBoolean locked = new AtomicBoolean();

        @Override
        public void lock() {
            while (!locked.compareAndSet(false, true)) {
                Thread.onSpinWait();
            }
        }

        @Override
        public void unlock() {
            locked.set(false);
        }
    }
}
