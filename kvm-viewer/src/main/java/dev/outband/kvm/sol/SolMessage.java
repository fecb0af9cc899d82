package dev.outband.kvm.sol;

/**
 * Serial-over-LAN messages, after the redirection session (type "SOL ") is authenticated. Every message
 * starts with its id, three zero bytes and a little-endian 32-bit sequence number.
 */
public sealed interface SolMessage {
    int START = 0x20;
    int START_REPLY = 0x21;
    int END = 0x22;
    int END_REPLY = 0x23;
    int PING = 0x24;
    int PONG = 0x25;
    int CONSOLE_READY = 0x27;
    int DATA_TO_HOST = 0x28;
    int LINE_STATUS = 0x29;
    int DATA_FROM_HOST = 0x2A;
    int HEARTBEAT = 0x2B;

    long seq();

    /** Console → device: the session's buffers and timeouts. */
    record Start(long seq, int maxTxBuffer, int txBufferTimeout, int txOverflowTimeout, int hostRxTimeout,
            int hostFifoRxFlushTimeout, int heartbeatInterval) implements SolMessage {
        static Start of(long seq, SolSettings s) {
            return new Start(seq, s.maxTxBuffer(), s.txBufferTimeout(), s.txOverflowTimeout(), s.hostRxTimeout(),
                    s.hostFifoRxFlushTimeout(), s.heartbeatInterval());
        }
    }

    /** Device → console (23 bytes); bytes 8 to 22 are not read by any known console. */
    record StartReply(long seq, int status) implements SolMessage {}

    record End(long seq) implements SolMessage {}

    record EndReply(long seq) implements SolMessage {}

    record Ping(long seq) implements SolMessage {}

    record Pong(long seq) implements SolMessage {}

    /**
     * Console → device once the start reply came (14 bytes: {@code 00 00 1B 00 00 00} after the header).
     * Its meaning is undocumented; MeshCommander sends it and AMT expects it.
     */
    record ConsoleReady(long seq) implements SolMessage {}

    /** Keystrokes for the host's serial port. */
    record DataToHost(long seq, byte[] data) implements SolMessage {}

    /**
     * The host's modem lines. {@code control}: 1 RTS, 2 DTR, 4 BREAK; {@code status}: 1 TX overflow, 2 loopback,
     * 4 system power on, 8 RX flush timeout, 16 test mode.
     */
    record LineStatus(long seq, int control, int status) implements SolMessage {}

    /** What the host wrote to its serial port. */
    record DataFromHost(long seq, byte[] data) implements SolMessage {}

    record Heartbeat(long seq) implements SolMessage {}
}
