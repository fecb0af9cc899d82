package dev.outband.app.bench;

import dev.outband.app.activation.ActivationProgress;
import dev.outband.simulator.activation.ActivationClient;
import dev.outband.simulator.activation.ActivationResult;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code outband bench activation}: N unprovisioned virtual devices activate at once through the activation
 * server, each driven by the simulator's client as rpc-go would; wall time, failures, and the process's CPU and
 * heap per activation in flight. The devices and their clients run in this process, so CPU and heap include theirs;
 * rps' 12 s pause after Setup is left out (it only adds wall time).
 */
public final class ActivationBench {
    private static final String PASSWORD = "Bench-Adm1n-P@ss";

    private ActivationBench() {
    }

    public static void run(int count, boolean tlsAndCallHome, PrintWriter out) throws Exception {
        Set<Long> inFlight = ConcurrentHashMap.newKeySet();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicLong peakHeap = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ActivationProgress.Listener progress = p -> {
            if (p.state() == ActivationProgress.State.RUNNING) {
                inFlight.add(p.session());
                mostInFlight.accumulateAndGet(inFlight.size(), Math::max);
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            } else {
                inFlight.remove(p.session());
            }
        };
        try (ActivationLab lab = ActivationLab.start(count, progress)) {
            if (tlsAndCallHome) {
                lab.ccmWithTlsAndCallHome("bench", PASSWORD);
            } else {
                lab.clientControl("bench", PASSWORD);
            }
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            long cpu = cpuNanos();
            long start = System.nanoTime();
            List<ActivationResult> results = lab.runAll(ActivationClient.Command.activate("bench"), lab.url());
            long wallMillis = (System.nanoTime() - start) / 1_000_000;
            long cpuMillis = (cpuNanos() - cpu) / 1_000_000;
            List<ActivationResult> failed = results.stream().filter(r -> !r.succeeded()).toList();
            int most = Math.max(1, mostInFlight.get());
            out.printf("Activation of %d unprovisioned virtual devices at once (%s; devices, clients and server in one"
                    + " process):%n", count, tlsAndCallHome ? "client control, TLS and call home" : "client control");
            out.printf("  wall time          %,d ms%n", wallMillis);
            out.printf("  failures           %d of %d%n", failed.size(), results.size());
            failed.stream().limit(3).forEach(r -> out.printf("    %s%n", r.line()));
            out.printf("  in flight at most  %d%n", most);
            out.printf("  CPU (process)      %,d ms, %.1f ms per activation%n", cpuMillis, (double) cpuMillis / count);
            out.printf("  heap               %.1f MiB before, %.1f MiB at most, %.0f KiB per activation in flight%n",
                    heapBefore / 1048576.0, peakHeap.get() / 1048576.0,
                    Math.max(0, peakHeap.get() - heapBefore) / 1024.0 / most);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
