package dev.outband.kvm.terminal;

import java.util.Arrays;

/** One row of cells: code points and renditions. */
final class Line {
    final int[] chars;
    final int[] attrs;

    Line(int columns, int attr) {
        chars = new int[columns];
        attrs = new int[columns];
        clear(0, columns, attr);
    }

    private Line(int[] chars, int[] attrs) {
        this.chars = chars;
        this.attrs = attrs;
    }

    void clear(int from, int to, int attr) {
        Arrays.fill(chars, from, to, ' ');
        // An erased cell keeps only the background colour, as on a VT220 and xterm.
        Arrays.fill(attrs, from, to, Attr.withBackground(Attr.PLAIN, Attr.background(attr)));
    }

    Line copy() {
        return new Line(chars.clone(), attrs.clone());
    }

    Line resized(int columns) {
        Line l = new Line(columns, Attr.PLAIN);
        int n = Math.min(columns, chars.length);
        System.arraycopy(chars, 0, l.chars, 0, n);
        System.arraycopy(attrs, 0, l.attrs, 0, n);
        return l;
    }

    String text() {
        StringBuilder sb = new StringBuilder(chars.length);
        for (int c : chars) {
            sb.appendCodePoint(c);
        }
        return sb.toString();
    }
}
