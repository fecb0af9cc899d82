package dev.outband.cira.listener;

import java.util.concurrent.atomic.AtomicLong;

/** Bytes all sessions together hold in their receive buffers, against one limit. */
final class BufferBudget {
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    BufferBudget(long limit) {
        this.limit = limit;
    }

    /** Takes {@code bytes} more, or nothing and false when that would pass the limit. */
    boolean tryTake(long bytes) {
        long current;
        do {
            current = used.get();
            if (current + bytes > limit) {
                return false;
            }
        } while (!used.compareAndSet(current, current + bytes));
        return true;
    }

    void giveBack(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }

    long limit() {
        return limit;
    }
}
