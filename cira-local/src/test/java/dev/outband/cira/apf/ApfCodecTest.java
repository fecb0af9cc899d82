package dev.outband.cira.apf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.cira.apf.ApfMessage.ChannelClose;
import dev.outband.cira.apf.ApfMessage.ChannelData;
import dev.outband.cira.apf.ApfMessage.ChannelOpen;
import dev.outband.cira.apf.ApfMessage.ChannelOpenConfirmation;
import dev.outband.cira.apf.ApfMessage.ChannelOpenFailure;
import dev.outband.cira.apf.ApfMessage.Disconnect;
import dev.outband.cira.apf.ApfMessage.GlobalRequest;
import dev.outband.cira.apf.ApfMessage.KeepAliveOptionsReply;
import dev.outband.cira.apf.ApfMessage.KeepAliveOptionsRequest;
import dev.outband.cira.apf.ApfMessage.KeepAliveReply;
import dev.outband.cira.apf.ApfMessage.KeepAliveRequest;
import dev.outband.cira.apf.ApfMessage.ProtocolVersion;
import dev.outband.cira.apf.ApfMessage.RequestFailure;
import dev.outband.cira.apf.ApfMessage.RequestSuccess;
import dev.outband.cira.apf.ApfMessage.ServiceAccept;
import dev.outband.cira.apf.ApfMessage.ServiceRequest;
import dev.outband.cira.apf.ApfMessage.UserAuthFailure;
import dev.outband.cira.apf.ApfMessage.UserAuthRequest;
import dev.outband.cira.apf.ApfMessage.UserAuthSuccess;
import dev.outband.cira.apf.ApfMessage.WindowAdjust;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ApfCodecTest {
    static final DeviceUuid UUID = DeviceUuid.parse("12345678-9abc-def0-1122-334455667788");

    /** One message of every type, without CHANNEL_DATA's and USERAUTH's array fields. */
    static List<ApfMessage> everyMessage() {
        return List.of(
                new Disconnect(DisconnectReason.INVALID_CREDENTIALS),
                new ServiceRequest(ApfMessage.AUTH_SERVICE),
                new ServiceAccept(ApfMessage.PFWD_SERVICE),
                new UserAuthFailure("password", false),
                new UserAuthSuccess(),
                new GlobalRequest(ApfMessage.TCPIP_FORWARD, true, "", 16992),
                new RequestSuccess(OptionalLong.of(16992)),
                new RequestFailure(),
                new ChannelOpen(ApfMessage.FORWARDED_TCPIP, 7, 4096, 0xFFFFFFFFL, "127.0.0.1", 16992, "10.0.0.1", 1234),
                new ChannelOpenConfirmation(7, 9, 65536, 0xFFFFFFFFL),
                new ChannelOpenFailure(7, 2),
                new WindowAdjust(9, 0xFFFFFFFFL),
                new ChannelClose(0xFFFFFFFEL),
                new ProtocolVersion(1, 0, 4, UUID),
                new KeepAliveRequest(0xDEADBEEFL),
                new KeepAliveReply(1),
                new KeepAliveOptionsRequest(30, 90),
                new KeepAliveOptionsReply(30, 90));
    }

    static byte[] encodeAll(List<ApfMessage> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.forEach(m -> out.writeBytes(ApfCodec.encode(m)));
        return out.toByteArray();
    }

    static List<ApfMessage> decodeAll(ApfCodec codec, byte[] bytes, int chunk) throws ApfProtocolException {
        List<ApfMessage> decoded = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunk) {
            codec.feed(bytes, i, Math.min(chunk, bytes.length - i));
            ApfMessage m;
            while ((m = codec.next()) != null) {
                decoded.add(m);
            }
        }
        return decoded;
    }

    @Test
    void everyMessageSurvivesARoundTripInOneBuffer() throws Exception {
        List<ApfMessage> decoded = decodeAll(new ApfCodec(ApfLimits.defaults()), encodeAll(everyMessage()), 1 << 20);

        assertThat(decoded).containsExactlyElementsOf(everyMessage());
    }

    @Test
    void messagesSplitIntoSingleBytesDecodeTheSame() throws Exception {
        List<ApfMessage> decoded = decodeAll(new ApfCodec(ApfLimits.defaults()), encodeAll(everyMessage()), 1);

        assertThat(decoded).containsExactlyElementsOf(everyMessage());
    }

    @Test
    void fixedSizeMessagesHaveTheLengthsTheSpecificationGives() {
        assertThat(ApfCodec.encode(new Disconnect(DisconnectReason.BY_APPLICATION))).hasSize(7);
        assertThat(ApfCodec.encode(new ChannelOpenConfirmation(1, 2, 3, 4))).hasSize(17);
        assertThat(ApfCodec.encode(new ChannelOpenFailure(1, 2))).hasSize(17);
        assertThat(ApfCodec.encode(new WindowAdjust(1, 2))).hasSize(9);
        assertThat(ApfCodec.encode(new ChannelClose(1))).hasSize(5);
        assertThat(ApfCodec.encode(new ProtocolVersion(1, 0, 1, UUID))).hasSize(93);
    }

    @Test
    void channelDataAndPasswordsRoundTripTheirBytes() throws Exception {
        byte[] payload = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] password = "P@ssw0rd!".getBytes(StandardCharsets.UTF_8);
        ApfCodec codec = new ApfCodec(ApfLimits.defaults());
        List<ApfMessage> decoded = decodeAll(codec, encodeAll(List.of(new ChannelData(3, payload),
                new UserAuthRequest("admin", ApfMessage.PFWD_SERVICE, "password", password))), 3);

        assertThat(((ChannelData) decoded.get(0)).data()).isEqualTo(payload);
        assertThat(((UserAuthRequest) decoded.get(1)).password()).isEqualTo(password);
        assertThat(decoded.get(1).toString()).doesNotContain("P@ssw0rd!").contains("admin");
    }

    @Test
    void requestSuccessForACancelHasNoPortWhenTheRequesterSaidSo() throws Exception {
        ApfCodec codec = new ApfCodec(ApfLimits.defaults());
        codec.expectGlobalReply(ApfMessage.CANCEL_TCPIP_FORWARD);
        codec.expectGlobalReply(ApfMessage.TCPIP_FORWARD);
        byte[] bytes = encodeAll(List.of(new RequestSuccess(OptionalLong.empty()),
                new RequestSuccess(OptionalLong.of(16993))));

        assertThat(decodeAll(codec, bytes, 64)).containsExactly(new RequestSuccess(OptionalLong.empty()),
                new RequestSuccess(OptionalLong.of(16993)));
    }

    @Test
    void uuidTextFormSwapsTheFirstThreeGroupsAsSmbiosDoes() {
        byte[] wire = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

        DeviceUuid uuid = DeviceUuid.fromWire(wire);

        assertThat(uuid).hasToString("33221100-5544-7766-8899-aabbccddeeff");
        assertThat(uuid.toWire()).isEqualTo(wire);
    }

    @Test
    void anUnknownMessageTypeIsAProtocolErrorNamingIt() {
        ApfCodec codec = new ApfCodec(ApfLimits.defaults());
        codec.feed(new byte[] {(byte) 99, 0, 0}, 0, 3);

        assertThatThrownBy(codec::next).isInstanceOf(ApfProtocolException.class).hasMessageContaining("99");
    }

    @Test
    void aStringLengthOfAllOnesIsRefusedBeforeAnyAllocation() {
        ApfCodec codec = new ApfCodec(ApfLimits.defaults());
        byte[] hostile = {5, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        codec.feed(hostile, 0, hostile.length);

        assertThatThrownBy(codec::next).isInstanceOf(ApfProtocolException.class)
                .hasMessageContaining("4294967295");
    }

    @Test
    void channelDataLongerThanOneMebibyteIsRefused() {
        ApfCodec codec = new ApfCodec(ApfLimits.defaults());
        byte[] header = {94, 0, 0, 0, 1, 0, 0x10, 0, 1};
        codec.feed(header, 0, header.length);

        assertThatThrownBy(codec::next).isInstanceOf(ApfProtocolException.class).hasMessageContaining("channel data");
    }

    @Test
    void aTruncatedMessageWaitsForMoreBytes() throws Exception {
        ApfCodec codec = new ApfCodec(ApfLimits.defaults());
        byte[] version = ApfCodec.encode(new ProtocolVersion(1, 0, 1, UUID));
        codec.feed(version, 0, version.length - 1);

        assertThat(codec.next()).isNull();
        assertThat(codec.buffered()).isEqualTo(version.length - 1);
    }
}
