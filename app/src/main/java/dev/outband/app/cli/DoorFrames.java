package dev.outband.app.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The door's wire format: a type byte, a 4-byte big-endian length, then that many bytes. The asking command sends
 * TOKEN first, then WORKING_FOLDER, ARG…, RUN, and its standard input as INPUT…, INPUT_END; the owner answers
 * with OUT and ERR as the command writes them, and EXIT with the exit code last.
 */
final class DoorFrames {
    static final byte TOKEN = 'T';
    static final byte WORKING_FOLDER = 'D';
    static final byte ARG = 'A';
    static final byte RUN = 'R';
    static final byte INPUT = 'I';
    static final byte INPUT_END = 'E';
    static final byte OUT = 'O';
    static final byte ERR = 'F';
    static final byte EXIT = 'X';

    record Frame(byte type, byte[] body) {
    }

    private DoorFrames() {
    }

    /** One frame; a length over {@code limit} (or negative) is refused before anything is allocated. */
    static Frame read(InputStream in, int limit) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int type = data.read();
        if (type < 0) {
            throw new EOFException("the other side closed the door");
        }
        int length = data.readInt();
        if (length < 0 || length > limit) {
            throw new IOException("a door frame of " + Integer.toUnsignedString(length) + " bytes (limit " + limit + ")");
        }
        byte[] body = new byte[length];
        data.readFully(body);
        return new Frame((byte) type, body);
    }

    /** Writes and flushes one frame; callers that share {@code out} between threads hold its lock. */
    static void write(OutputStream out, byte type, byte[] body, int offset, int length) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeByte(type);
        data.writeInt(length);
        data.write(body, offset, length);
        data.flush();
    }

    static void write(OutputStream out, byte type, byte[] body) throws IOException {
        write(out, type, body, 0, body.length);
    }
}
