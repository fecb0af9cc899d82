package dev.outband.kvm.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The external programs the real-peer tests run, found on PATH. A missing one fails the test with
 * the Debian package that brings it ({@code ./outband test} installs them): a test never skips.
 */
public final class Tools {
    private static volatile List<String> imageMagick;

    private Tools() {
    }

    /** The path of {@code name} on PATH, or a failure naming the package to install. */
    public static String require(String name, String debianPackage) {
        return onPath(name).orElseThrow(() -> missing(name, debianPackage)).toString();
    }

    /** The command prefix of ImageMagick's {@code tool} ("convert", "display"): IM7's {@code magick tool}, or IM6's own names. */
    public static List<String> imageMagick(String tool) {
        List<String> found = imageMagick;
        if (found == null) {
            found = findImageMagick();
            imageMagick = found;
        }
        if (found.size() == 1) {
            return List.of(found.getFirst(), tool);
        }
        return List.of(tool.equals("convert") ? found.get(0) : found.get(1));
    }

    private static List<String> findImageMagick() {
        Optional<Path> magick = everyOnPath("magick").stream().filter(Tools::isImageMagick).findFirst();
        if (magick.isPresent()) {
            return List.of(magick.get().toString());
        }
        for (String suffix : List.of("-im6.q16", "-im6", "")) {
            Optional<Path> convert = everyOnPath("convert" + suffix).stream().filter(Tools::isImageMagick).findFirst();
            Optional<Path> display = onPath("display" + suffix);
            if (convert.isPresent() && display.isPresent()) {
                return List.of(convert.get().toString(), display.get().toString());
            }
        }
        throw missing("ImageMagick (magick, or convert and display)", "imagemagick");
    }

    /** Other programs may be called convert (some machines have a stand-in there): ask it. */
    private static boolean isImageMagick(Path exe) {
        try {
            Process p = new ProcessBuilder(exe.toString(), "-version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return out.contains("ImageMagick");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<Path> onPath(String name) {
        return everyOnPath(name).stream().findFirst();
    }

    private static List<Path> everyOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        List<Path> hits = new ArrayList<>();
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                    hits.add(p);
                }
            }
        }
        return hits;
    }

    private static IllegalStateException missing(String what, String debianPackage) {
        return new IllegalStateException(what + " is not on PATH: install the Debian package " + debianPackage
                + " (./outband test installs it when run as root)");
    }
}
