package dev.outband.kvm.terminal;

/** The keys of a terminal keyboard that do not send their own character. */
public enum Key {
    UP, DOWN, RIGHT, LEFT, HOME, END, INSERT, DELETE, PAGE_UP, PAGE_DOWN,
    F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12,
    ENTER, BACKSPACE, TAB, ESCAPE
}
