package dev.outband.kvm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link ZrleBench}'s decode, bare inflate, and inflate with every pixel converted as raw, alternated frame
 * by frame and timed in thread CPU time: on a shared machine all three then see the same load, so
 * their ratios hold where JMH's separate measurements drift apart. Run: {@code java -cp <test
 * classpath> dev.outband.kvm.bench.ZrleCpuRatio [seconds per bpp, default 20]}.
 */
public final class ZrleCpuRatio {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ZrleCpuRatio() {}

    /** One frame's work, as the benchmark's methods do it. */
    private interface Step {
        void run(ZrleBench bench) throws Exception;
    }

    private static final Step[] STEPS = {ZrleBench::decodeFrame, ZrleBench::inflateFrame,
        ZrleBench::inflateAndConvertAsRaw};

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        for (int bpp : new int[] {16, 32}) {
            ZrleBench bench = new ZrleBench();
            bench.bpp = bpp;
            bench.encode();
            run(bench, seconds / 4, new long[STEPS.length], new long[STEPS.length]);
            long[] total = new long[STEPS.length];
            long[] best = new long[STEPS.length];
            int frames = run(bench, seconds, total, best);
            System.out.printf("%d bpp, %d frames: decode %.0f frames/s of CPU mean, %.0f best; inflate %.0f mean,"
                    + " %.0f best; decode/inflate CPU time %.2fx; every pixel converted as raw %.2fx%n", bpp, frames,
                    1e9 * frames / total[0], 1e9 / best[0], 1e9 * frames / total[1], 1e9 / best[1],
                    (double) total[0] / total[1], (double) total[2] / total[1]);
        }
    }

    /** Alternates the steps for {@code seconds} of wall time, adding up each one's CPU time and best frame in ns. */
    private static int run(ZrleBench bench, long seconds, long[] total, long[] best) throws Exception {
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        int frames = 0;
        while (System.nanoTime() < until) {
            for (int i = 0; i < STEPS.length; i++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                STEPS[i].run(bench);
                long t = THREADS.getCurrentThreadCpuTime() - t0;
                total[i] += t;
                best[i] = Math.min(best[i], t);
            }
            frames++;
        }
        return frames;
    }
}
