package dev.outband.wsman.discovery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A block of IPv4 addresses to scan: {@code a.b.c.d/n} or {@code a.b.c.d-e.f.g.h}, at most
 * {@value #MAX_ADDRESSES} (a /16). A CIDR block of /30 or wider leaves out its network and broadcast addresses.
 */
public record AddressRange(long first, long last) {
    public static final int MAX_ADDRESSES = 65_536;

    public AddressRange {
        if (first < 0 || last > 0xFFFF_FFFFL || first > last) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        if (last - first + 1 > MAX_ADDRESSES) {
            throw new IllegalArgumentException("at most " + MAX_ADDRESSES + " addresses (a /16) may be scanned at "
                    + "once, not " + (last - first + 1));
        }
    }

    /** Parses what a technician types; the message of the exception says what is wrong with it. */
    public static AddressRange parse(String text) {
        String s = text == null ? "" : text.strip();
        int slash = s.indexOf('/');
        int dash = s.indexOf('-');
        if (slash > 0) {
            long base = ipv4(s.substring(0, slash));
            int bits;
            try {
                bits = Integer.parseInt(s.substring(slash + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the prefix length after '/' must be a number: " + text);
            }
            if (bits < 16 || bits > 32) {
                throw new IllegalArgumentException("the prefix length must be 16..32 (at most a /16): /" + bits);
            }
            long size = 1L << (32 - bits);
            long network = base & ~(size - 1) & 0xFFFF_FFFFL;
            return size >= 4 ? new AddressRange(network + 1, network + size - 2)
                    : new AddressRange(network, network + size - 1);
        }
        if (dash > 0) {
            long from = ipv4(s.substring(0, dash));
            long to = ipv4(s.substring(dash + 1));
            if (to < from) {
                throw new IllegalArgumentException("the range ends before it starts: " + text);
            }
            return new AddressRange(from, to);
        }
        long single = ipv4(s);
        return new AddressRange(single, single);
    }

    public int size() {
        return (int) (last - first + 1);
    }

    public InetAddress address(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        long a = first + index;
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (a >> 24), (byte) (a >> 16), (byte) (a >> 8), (byte) a});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return address(0).getHostAddress() + (size() == 1 ? "" : "-" + address(size() - 1).getHostAddress());
    }

    /** Dotted quad only: no host names (no lookups while parsing) and no shortened forms. */
    private static long ipv4(String text) {
        String s = text.strip();
        if (!s.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new IllegalArgumentException("not an IPv4 address (a.b.c.d): " + text.strip());
        }
        long value = 0;
        for (String part : s.split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("an IPv4 address has numbers 0..255: " + s);
            }
            value = value << 8 | octet;
        }
        return value;
    }

    static long value(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            throw new IllegalArgumentException("not IPv4: " + address);
        }
        byte[] b = address.getAddress();
        return (b[0] & 0xFFL) << 24 | (b[1] & 0xFFL) << 16 | (b[2] & 0xFFL) << 8 | b[3] & 0xFFL;
    }

    public boolean contains(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        long v = value(address);
        return v >= first && v <= last;
    }

    /** The position of an address in the range, -1 when outside. */
    public int indexOf(InetAddress address) {
        return contains(address) ? (int) (value(address) - first) : -1;
    }
}
