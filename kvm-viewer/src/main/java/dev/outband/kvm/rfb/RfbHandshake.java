package dev.outband.kvm.rfb;

import java.io.IOException;
import java.io.OutputStream;

/** The client side of version, security and initialisation. */
public final class RfbHandshake {
    private final RfbCodec codec;

    public RfbHandshake(RfbCodec codec) {
        this.codec = codec;
    }

    public ServerInit run(RfbInput in, OutputStream out, char[] password, boolean shared) throws IOException {
        ProtocolVersion server = codec.readVersion(in);
        ProtocolVersion version = server.negotiate();
        out.write(RfbCodec.encodeVersion(version));
        out.flush();
        int type = chooseSecurity(in, out, version, password);
        if (type == SecurityType.VNC_AUTH) {
            if (password == null) {
                throw new RfbAuthenticationException("the server asks for a VNC password and none was given");
            }
            byte[] challenge = in.readBytes(16);
            out.write(VncAuth.response(challenge, password));
            out.flush();
        }
        if (type == SecurityType.VNC_AUTH || version.atLeast(ProtocolVersion.V3_8)) {
            long result = in.u32();
            if (result != 0) {
                String reason = version.atLeast(ProtocolVersion.V3_8) ? codec.readString(in, "failure reason") : "";
                throw new RfbAuthenticationException("VNC authentication failed"
                        + (reason.isBlank() ? " (wrong password?)" : ": " + reason));
            }
        }
        out.write(shared ? 1 : 0);
        out.flush();
        return codec.readServerInit(in);
    }

    private int chooseSecurity(RfbInput in, OutputStream out, ProtocolVersion version, char[] password)
            throws IOException {
        if (!version.atLeast(ProtocolVersion.V3_7)) {
            long type = in.u32();
            if (type == SecurityType.INVALID) {
                throw new RfbAuthenticationException("the server refused the connection: " + codec.readString(in, "reason"));
            }
            if (type != SecurityType.NONE && type != SecurityType.VNC_AUTH) {
                throw new RfbAuthenticationException("unsupported security type " + type);
            }
            return (int) type;
        }
        int n = in.u8();
        if (n == 0) {
            throw new RfbAuthenticationException("the server refused the connection: " + codec.readString(in, "reason"));
        }
        byte[] types = in.readBytes(n);
        boolean none = false;
        boolean vnc = false;
        for (byte t : types) {
            none |= t == SecurityType.NONE;
            vnc |= t == SecurityType.VNC_AUTH;
        }
        int chosen;
        if (none) {
            chosen = SecurityType.NONE;
        } else if (vnc) {
            chosen = SecurityType.VNC_AUTH;
        } else {
            throw new RfbAuthenticationException("the server offers no security type we support (None or VNC)");
        }
        out.write(chosen);
        out.flush();
        return chosen;
    }
}
