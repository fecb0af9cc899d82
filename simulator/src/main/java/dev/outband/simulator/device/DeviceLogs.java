package dev.outband.simulator.device;

import java.util.ArrayList;
import java.util.List;

/** The device's audit log and PET event log, each keeping its newest records up to AMT's capacity. */
public final class DeviceLogs {
    private static final int CAPACITY = 390;

    private final List<LogEntry> audit = new ArrayList<>();
    private final List<PetEvent> events = new ArrayList<>();

    public synchronized List<LogEntry> audit() {
        return List.copyOf(audit);
    }

    /** Oldest first. */
    public synchronized List<PetEvent> events() {
        return List.copyOf(events);
    }

    public int capacity() {
        return CAPACITY;
    }

    synchronized void audit(LogEntry entry) {
        add(audit, entry);
    }

    synchronized void event(PetEvent event) {
        add(events, event);
    }

    private static <T> void add(List<T> log, T record) {
        if (log.size() >= CAPACITY) {
            log.removeFirst();
        }
        log.add(record);
    }
}
