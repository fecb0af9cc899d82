package dev.outband.simulator.sol;

import dev.outband.kvm.redirection.RedirectionException;
import dev.outband.kvm.sol.SolCodec;
import dev.outband.kvm.sol.SolMessage;
import dev.outband.simulator.device.Display;
import dev.outband.simulator.device.PowerListener;
import dev.outband.simulator.device.PowerState;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.net.ConnectionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The device side of Serial-over-LAN: the SOL start and its reply, the host's line status, then the virtual
 * host's serial port ({@link SerialConsole}) both ways. As on AMT, the firmware's screens come only after a power
 * action that asked for them (UseSOL). The screen follows the device's power state while the
 * session runs. The session ends when the console sends the end message or hangs up.
 */
public final class SolServer implements ConnectionHandler {
    /** Line status bit: the host is powered on. */
    static final int SYSTEM_POWER_ON = 4;

    private final VirtualDevice device;

    public SolServer(VirtualDevice device) {
        this.device = device;
    }

    /** False makes the device answer "unsupported", as AMT_RedirectionService with SOL or the listener off. */
    public boolean enabled() {
        return device.redirection().sol() && device.redirection().listener();
    }

    @Override
    public void serve(InputStream in, OutputStream out) throws IOException {
        if (!(SolCodec.readFromConsole(in) instanceof SolMessage.Start start)) {
            throw new RedirectionException("the console did not start Serial-over-LAN");
        }
        Port port = new Port(out, new SerialConsole(device.name()), device::firmwareOnSerial);
        port.write(new SolMessage.StartReply(start.seq(), 0));
        PowerListener listener = (state, display) -> port.show(state, display);
        device.addPowerListener(listener);
        try {
            port.show(device.powerState(), device.display());
            while (true) {
                switch (SolCodec.readFromConsole(in)) {
                    case SolMessage.DataToHost d -> port.keys(d.data());
                    case SolMessage.Ping p -> port.write(new SolMessage.Pong(p.seq()));
                    case SolMessage.End e -> {
                        port.write(new SolMessage.EndReply(e.seq()));
                        return;
                    }
                    case SolMessage.Start s -> throw new RedirectionException("the console started Serial-over-LAN twice");
                    default -> { }
                }
            }
        } finally {
            device.removePowerListener(listener);
        }
    }

    /** The serial port's wire side: one writer at a time, device numbering of its own. */
    private static final class Port {
        private final OutputStream out;
        private final SerialConsole console;
        private final BooleanSupplier firmwareOnSerial;
        private long seq;
        private boolean broken;

        Port(OutputStream out, SerialConsole console, BooleanSupplier firmwareOnSerial) {
            this.out = out;
            this.console = console;
            this.firmwareOnSerial = firmwareOnSerial;
        }

        synchronized void show(PowerState state, Display display) {
            try {
                write(new SolMessage.LineStatus(++seq, 0, state == PowerState.ON ? SYSTEM_POWER_ON : 0));
                data(console.show(display, firmwareOnSerial.getAsBoolean()));
            } catch (IOException gone) {
                // Called from a power change: the session's own reader notices the closed connection.
                broken = true;
            }
        }

        synchronized void keys(byte[] data) throws IOException {
            data(console.keys(data));
        }

        private void data(byte[] bytes) throws IOException {
            for (int off = 0; off < bytes.length; off += 0xFFFF) {
                write(new SolMessage.DataFromHost(++seq, Arrays.copyOfRange(bytes, off,
                        Math.min(bytes.length, off + 0xFFFF))));
            }
        }

        synchronized void write(SolMessage m) throws IOException {
            if (broken) {
                throw new IOException("the Serial-over-LAN connection is gone");
            }
            out.write(SolCodec.encode(m));
            out.flush();
        }
    }
}
