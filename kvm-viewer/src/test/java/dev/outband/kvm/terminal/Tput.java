package dev.outband.kvm.terminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Control sequences as ncurses' {@code tput} writes them for a terminal type: bytes from the terminfo database,
 * not from us. ncurses-bin is part of every Debian system.
 */
final class Tput {
    private final String term;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Tput(String term) {
        this.term = term;
    }

    Tput cap(String... capability) throws IOException, InterruptedException {
        out.writeBytes(run("tput", capability));
        return this;
    }

    Tput text(String s) {
        out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** One line of {@code infocmp -1 TERM}: the capability's value with terminfo's escapes undone. */
    String infocmp(String capability) throws IOException, InterruptedException {
        String all = new String(run("infocmp", "-1"), java.nio.charset.StandardCharsets.US_ASCII);
        for (String line : all.split("\n")) {
            String l = line.strip();
            if (l.startsWith(capability + "=")) {
                return unescape(l.substring(capability.length() + 1, l.length() - 1));
            }
        }
        throw new IllegalStateException(term + " has no " + capability);
    }

    private static String unescape(String v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && v.charAt(i + 1) == 'E') {
                sb.append('\u001b');
                i++;
            } else if (c == '^') {
                sb.append((char) (v.charAt(++i) - '@'));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private byte[] run(String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(tool));
        if (tool.equals("infocmp")) {
            cmd.addAll(List.of(args));
            cmd.add(term);
        } else {
            cmd.add("-T" + term);
            cmd.addAll(List.of(args));
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] b = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed");
        }
        return b;
    }
}
