package dev.outband.kvm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link ZrleBench}'s decode and bare inflate, alternated frame by frame and timed in thread CPU
 * time: on a shared machine both then see the same load, so their ratio holds where JMH's two
 * separate measurements drift apart. Run: {@code java -cp <test classpath>
 * dev.outband.kvm.bench.ZrleCpuRatio [seconds per bpp, default 20]}.
 */
public final class ZrleCpuRatio {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ZrleCpuRatio() {}

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        for (int bpp : new int[] {16, 32}) {
            ZrleBench bench = new ZrleBench();
            bench.bpp = bpp;
            bench.encode();
            run(bench, seconds / 4);
            long[] decode = new long[2];
            long[] inflate = new long[2];
            int frames = run(bench, seconds, decode, inflate);
            System.out.printf("%d bpp, %d frames: decode %.0f frames/s of CPU mean, %.0f best; inflate %.0f mean,"
                    + " %.0f best; decode/inflate CPU time %.2fx%n", bpp, frames, 1e9 * frames / decode[0],
                    1e9 / decode[1], 1e9 * frames / inflate[0], 1e9 / inflate[1], (double) decode[0] / inflate[0]);
        }
    }

    private static void run(ZrleBench bench, long seconds) throws Exception {
        run(bench, seconds, new long[2], new long[2]);
    }

    /** Alternates the two for {@code seconds} of wall time; each array gets {total, best frame} in ns. */
    private static int run(ZrleBench bench, long seconds, long[] decode, long[] inflate) throws Exception {
        decode[1] = inflate[1] = Long.MAX_VALUE;
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        int frames = 0;
        while (System.nanoTime() < until) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            bench.decodeFrame();
            long t1 = THREADS.getCurrentThreadCpuTime();
            bench.inflateFrame();
            long t2 = THREADS.getCurrentThreadCpuTime();
            decode[0] += t1 - t0;
            decode[1] = Math.min(decode[1], t1 - t0);
            inflate[0] += t2 - t1;
            inflate[1] = Math.min(inflate[1], t2 - t1);
            frames++;
        }
        return frames;
    }
}
