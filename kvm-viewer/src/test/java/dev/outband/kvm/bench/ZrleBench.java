package dev.outband.kvm.bench;

import dev.outband.kvm.rfb.Encoding;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.Rect;
import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbSettings;
import dev.outband.kvm.rfb.decode.DecodeContext;
import dev.outband.kvm.rfb.decode.PixelReader;
import dev.outband.kvm.rfb.decode.ZrleDecoder;
import dev.outband.kvm.rfb.encode.PixelPacker;
import dev.outband.kvm.rfb.encode.ZrleEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * ZRLE decode of one 1920×1080 frame sent as AMT does (64×64 rectangles, one zlib stream), against
 * inflating the same bytes with a bare Inflater, and against inflating them and converting every pixel
 * as if all tiles were raw ({@link #inflateAndConvertAsRaw}). Run: {@code java -cp <test classpath> dev.outband.kvm.bench.ZrleBench
 * [JMH options, e.g. -wi 5 -i 15]}; the summary gives the mean and the best iteration of each.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ZrleBench {
    private static final int W = 1920;
    private static final int H = 1080;

    @Param({"16", "32"})
    public int bpp;

    private final List<RectHeader> rects = new ArrayList<>();
    private final List<byte[]> payloads = new ArrayList<>();
    private Framebuffer fb;
    private PixelReader reader;
    private final byte[] sink = new byte[64 * 1024];

    @Setup
    public void encode() {
        PixelFormat format = bpp == 16 ? PixelFormat.RGB565 : PixelFormat.RGB888;
        int[] desktop = SyntheticDesktop.render(W, H);
        PixelPacker packer = new PixelPacker(format);
        try (ZrleEncoder encoder = new ZrleEncoder(false)) {
            for (int y = 0; y < H; y += 64) {
                for (int x = 0; x < W; x += 64) {
                    Rect r = new Rect(x, y, Math.min(64, W - x), Math.min(64, H - y));
                    byte[] payload = encoder.encode(desktop, W, r, packer);
                    rects.add(new RectHeader(r.x(), r.y(), r.width(), r.height(), Encoding.ZRLE.id()));
                    payloads.add(java.util.Arrays.copyOfRange(payload, 4, payload.length));
                }
            }
        }
        fb = new Framebuffer(W, H);
        reader = new PixelReader(format);
    }

    /** Bytes on the wire for one frame, for the report. */
    long frameBytes() {
        return payloads.stream().mapToLong(p -> p.length + 4 + 12).sum();
    }

    @Benchmark
    public Framebuffer decodeFrame() throws IOException {
        DecodeContext ctx = new DecodeContext(fb, reader, RfbSettings.defaults());
        try (ZrleDecoder decoder = new ZrleDecoder()) {
            for (int i = 0; i < rects.size(); i++) {
                byte[] p = payloads.get(i);
                decoder.decodeTiles(p, p.length, rects.get(i), ctx);
            }
        }
        return fb;
    }

    @Benchmark
    public long inflateFrame() throws DataFormatException {
        return inflate(false);
    }

    /**
     * Inflate the same bytes, then do for every pixel what a raw tile asks: convert its CPIXEL bytes into
     * the framebuffer's int pixel and store it, with no tile parsing. The CPIXELs are read from the inflated
     * bytes themselves (where a palette or run tile inflated to fewer bytes than a raw one, the rest of the
     * buffer still holds earlier inflated bytes: the same work, other colours). This is what a frame of raw
     * tiles costs at least; it is no floor for a real desktop, whose palette and run tiles convert a few
     * colours and fill, so a decoder can and does beat it there.
     */
    @Benchmark
    public long inflateAndConvertAsRaw() throws DataFormatException {
        return inflate(true);
    }

    private long inflate(boolean store) throws DataFormatException {
        Inflater inflater = new Inflater();
        long total = 0;
        int[] dst = fb.pixels();
        int cb = reader.compactBytesPerPixel();
        try {
            for (int i = 0; i < payloads.size(); i++) {
                inflater.setInput(payloads.get(i));
                int n;
                while ((n = inflater.inflate(sink)) > 0) {
                    total += n;
                }
                if (store) {
                    RectHeader r = rects.get(i);
                    int rowBytes = r.width() * cb;
                    for (int row = 0, at = r.y() * W + r.x(); row < r.height(); row++, at += W) {
                        reader.convertCompact(sink, row * rowBytes, dst, at, r.width());
                    }
                }
            }
        } finally {
            inflater.end();
        }
        return total;
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(ZrleBench.class.getSimpleName())
                .build()).run();
        System.out.println();
        for (String b : List.of("16", "32")) {
            Statistics decode = stats(results, "decodeFrame", b);
            Statistics inflate = stats(results, "inflateFrame", b);
            Statistics raw = stats(results, "inflateAndConvertAsRaw", b);
            ZrleBench probe = new ZrleBench();
            probe.bpp = Integer.parseInt(b);
            probe.encode();
            System.out.printf("%s bpp: decoded %.0f frames/s mean, %.0f best; inflate only %.0f mean, %.0f best;"
                    + " decode/inflate time %.2fx mean, %.2fx best; every pixel converted as raw %.2fx mean;"
                    + " %d KiB per frame%n", b, decode.getMean(), decode.getMax(), inflate.getMean(), inflate.getMax(),
                    inflate.getMean() / decode.getMean(), inflate.getMax() / decode.getMax(),
                    inflate.getMean() / raw.getMean(), probe.frameBytes() / 1024);
        }
    }

    private static Statistics stats(Collection<RunResult> results, String method, String bpp) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method) && r.getParams().getParam("bpp").equals(bpp))
                .map(r -> r.getPrimaryResult().getStatistics()).findFirst().orElseThrow();
    }
}
