package dev.outband.kvm.ider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.kvm.ider.IderMessage.CommandEnd;
import dev.outband.kvm.ider.IderMessage.CommandWritten;
import dev.outband.kvm.ider.IderMessage.DataToHost;
import dev.outband.kvm.ider.IderMessage.Features;
import dev.outband.kvm.ider.IderMessage.OpenSession;
import dev.outband.kvm.ider.IderMessage.OpenSessionReply;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * IDE-R messages byte for byte as MeshCommander (amt-ider-ws-0.0.1.js, public) builds and parses them: its
 * OpenSession defaults, SendDisableEnableFeatures, SendCommandEndResponse, SendDataToHost, and the offsets it reads
 * from the device's OpenSession reply and command packets. The hex below is written from those facts.
 */
class IderCodecTest {
    private static final HexFormat HEX = HexFormat.of();
    private final IderCodec codec = new IderCodec(IderSettings.defaults());

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    private static String encoded(int attributes, long seq, IderMessage m) {
        return HEX.formatHex(IderCodec.encode(new IderFrame(attributes, seq, m)));
    }

    @Test
    void openSessionCarriesMeshCommandersTimeoutsAndVersionLittleEndian() {
        assertThat(encoded(0, 0, new OpenSession(30000, 0, 20000, 1)))
                .isEqualTo("4000000000000000" + "3075" + "0000" + "204e" + "01000000");
    }

    @Test
    void enablingTheDrivesOnTheNextRebootIsRegisterToggleWithValueNine() {
        assertThat(encoded(0, 1, new Features(false, 3, 0x01 + 0x08))).isEqualTo("48000000010000000309000000");
    }

    @Test
    void aGoodCommandEndHasTheAtaRegistersMeshCommanderSends() {
        assertThat(encoded(2, 5, new CommandEnd(0xB0, Sense.GOOD)))
                .isEqualTo("51000002" + "05000000" + "000000000000000000000000" + "c500030000 00b050".replace(" ", "")
                        + "000000");
    }

    @Test
    void aCheckConditionCarriesTheSenseKeyInTheErrorRegisterAndTheSenseBytes() {
        assertThat(encoded(2, 6, new CommandEnd(0xA0, Sense.LBA_OUT_OF_RANGE)))
                .isEqualTo("51000002" + "06000000" + "000000000000000000000000" + "8750030000" + "00a051" + "052100");
    }

    @Test
    void theLastDataChunkAlsoEndsTheCommandInItsRegisters() {
        assertThat(encoded(2, 7, new DataToHost(0xB0, false, true, hex("DEADBEEF"))))
                .isEqualTo("54000002" + "07000000" + "00" + "0400" + "00" + "b5000200" + "0400" + "b058"
                        + "8500030000 00b050".replace(" ", "") + "000000000000" + "deadbeef");
    }

    @Test
    void aDmaChunkBeforeTheLastLeavesTheByteCountAndTheEndRegistersEmpty() {
        assertThat(encoded(1, 8, new DataToHost(0xB0, true, false, hex("0102"))))
                .isEqualTo("54000001" + "08000000" + "00" + "0200" + "00" + "b4000200" + "0000" + "b058"
                        + "0000000000000000" + "000000000000" + "0102");
    }

    @Test
    void theDevicesOpenSessionReplyIsReadAtMeshCommandersOffsets() throws Exception {
        // Version 1.0, firmware 11.8, read and write buffers 8192, protocol 0, IANA 343, two OEM bytes.
        byte[] reply = hex("41000000 00000000 0100 0B08 00000000 0020 0020 00 00 000000 57010000 02 AABB");
        IderFrame f = codec.read(new ByteArrayInputStream(reply));
        OpenSessionReply r = (OpenSessionReply) f.message();
        assertThat(f.sequence()).isZero();
        assertThat(r.firmwareMajor()).isEqualTo(11);
        assertThat(r.firmwareMinor()).isEqualTo(8);
        assertThat(r.readBuffer()).isEqualTo(8192);
        assertThat(r.writeBuffer()).isEqualTo(8192);
        assertThat(r.protocol()).isZero();
        assertThat(r.iana()).isEqualTo(343);
        assertThat(r.oem()).containsExactly(0xAA, 0xBB);
    }

    @Test
    void aPacketCommandNamesItsDriveFeatureAndCdb() throws Exception {
        byte[] packet = hex("50000000 03000000 00 01 0000 0008 B0 A0 28000000001000000100 0000");
        IderFrame f = codec.read(new ByteArrayInputStream(packet));
        CommandWritten c = (CommandWritten) f.message();
        assertThat(f.sequence()).isEqualTo(3);
        assertThat(c.drive()).isEqualTo(0xB0);
        assertThat(c.dma()).isTrue();
        assertThat(c.byteCountLimit()).isEqualTo(0x0800);
        assertThat(c.cdb()).isEqualTo(hex("280000000010000001000000"));
    }

    @Test
    void everyMessageReadsBackAsItWasWritten() throws Exception {
        IderMessage[] messages = {
            new OpenSession(30000, 0, 20000, 1),
            new Features(true, 3, 1),
            new CommandWritten(0, 0xFFFF, 0xA0, new byte[12]),
            new CommandEnd(0xB0, Sense.NO_MEDIUM),
            new IderMessage.ResetOccurred(1),
            new IderMessage.ErrorOccurred(4),
            new IderMessage.Close(false),
            new IderMessage.KeepAlive(true),
            new IderMessage.Heartbeat(),
            new IderMessage.DataFromHost(new byte[] {1, 2, 3}),
        };
        for (IderMessage m : messages) {
            IderFrame back = codec.read(new ByteArrayInputStream(IderCodec.encode(new IderFrame(2, 9, m))));
            assertThat(back.sequence()).isEqualTo(9);
            assertThat(back.message()).usingRecursiveComparison().isEqualTo(m);
        }
    }

    @Test
    void dataBeyondTheChunkLimitIsRefusedBeforeItIsRead() {
        byte[] header = hex("54000002 00000000 00 FFFF 00 B5000200 FFFF B058 0000000000000000 000000000000");
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(header)))
                .isInstanceOf(IderException.class)
                .hasMessage("IDE-R message 0x54 carries 65535 data bytes, more than the limit of 8192");
    }

    @Test
    void anUnknownMessageIdIsNamed() {
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(hex("99000000 00000000"))))
                .isInstanceOf(IderException.class).hasMessage("unknown IDE-R message 0x99");
    }

    @Test
    void aTruncatedMessageSaysWhichOne() {
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(hex("50000000 00000000 0000"))))
                .isInstanceOf(EOFException.class)
                .hasMessage("the peer closed the IDE-R connection in the middle of message 0x50");
    }

    @Test
    void anAtaCommandOtherThanPacketIsRefused() {
        byte[] identify = hex("50000000 00000000 00000000 0000 A0 EC 000000000000000000000000");
        assertThatThrownBy(() -> new IderCodec(IderSettings.defaults()).read(new ByteArrayInputStream(identify)))
                .isInstanceOf(IderException.class)
                .hasMessageContaining("ATA command 0xEC");
    }

    @Test
    void oemDataOverTheLimitIsRefused() {
        IderSettings strict = new IderSettings(30000, 0, 20000, 1, 8192, 4, java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1));
        byte[] reply = hex("41000000 00000000 0100 0B08 00000000 0020 0020 00 00 000000 57010000 05");
        assertThatThrownBy(() -> new IderCodec(strict).read(new ByteArrayInputStream(reply)))
                .isInstanceOf(IderException.class).hasMessageContaining("5 OEM bytes, more than the limit of 4");
    }
}
