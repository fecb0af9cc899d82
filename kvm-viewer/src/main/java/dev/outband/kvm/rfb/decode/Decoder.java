package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbInput;
import java.io.IOException;

/**
 * Decodes one rectangle of one encoding into the framebuffer. The caller has already checked that
 * the rectangle lies inside the framebuffer and marks it dirty afterwards.
 */
public interface Decoder {
    void decode(RfbInput in, RectHeader rect, DecodeContext ctx) throws IOException;
}
