package dev.outband.kvm.ider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ATAPI answers checked against the layouts of SBC-2 (READ CAPACITY, READ(10)/(12)), SPC-3 (INQUIRY, fixed-format
 * sense) and MMC-5 (READ TOC, GET CONFIGURATION): a 10-block ISO and a 2880-sector floppy image.
 */
class AtapiResponderTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final int CD = IderMessage.DRIVE_CD;
    private static final int FLOPPY = IderMessage.DRIVE_FLOPPY;

    @TempDir
    Path dir;
    private BootMedia iso;

    @BeforeEach
    void image() throws Exception {
        iso = BootMedia.open(BootMedia.Kind.CD, Files.write(dir.resolve("ten.iso"), new byte[10 * 2048]));
    }

    private static byte[] cdb(String hex) {
        byte[] b = new byte[12];
        byte[] given = HEX.parseHex(hex.replace(" ", ""));
        System.arraycopy(given, 0, b, 0, given.length);
        return b;
    }

    private static String data(ScsiReply r) {
        return HEX.formatHex(((ScsiReply.Data) r).bytes());
    }

    private static Sense sense(ScsiReply r) {
        return ((ScsiReply.Status) r).sense();
    }

    @Test
    void readCapacityGivesTheLastBlockAndTheBlockLengthBigEndian() {
        assertThat(data(new AtapiResponder(iso, null).answer(CD, cdb("25")))).isEqualTo("0000000900000800");
    }

    @Test
    void readTenAndTwelveServeWholeBlocksOfTheImage() {
        AtapiResponder r = new AtapiResponder(iso, null);
        assertThat(r.answer(CD, cdb("28 00 00000003 00 0002 00"))).isEqualTo(new ScsiReply.Read(iso, 3 * 2048, 2 * 2048));
        assertThat(r.answer(CD, cdb("A8 00 00000002 00000003"))).isEqualTo(new ScsiReply.Read(iso, 2 * 2048, 3 * 2048));
    }

    @Test
    void aReadPastTheEndIsLbaOutOfRangeAndRequestSenseReportsIt() {
        AtapiResponder r = new AtapiResponder(iso, null);
        assertThat(sense(r.answer(CD, cdb("28 00 00000009 00 0002 00")))).isEqualTo(new Sense(0x05, 0x21, 0x00));
        assertThat(data(r.answer(CD, cdb("03 00 00 00 12 00"))))
                .isEqualTo("700005000000000a00000000210000000000");
    }

    @Test
    void theDriveWithoutAnImageHasNoMediumAndWritesAreRefusedAsWriteProtected() {
        AtapiResponder r = new AtapiResponder(iso, null);
        assertThat(sense(r.answer(FLOPPY, cdb("00")))).isEqualTo(Sense.NO_MEDIUM);
        assertThat(sense(r.answer(CD, cdb("2A 00 00000000 00 0001 00")))).isEqualTo(Sense.WRITE_PROTECTED);
        assertThat(sense(r.answer(CD, cdb("00")))).isEqualTo(Sense.GOOD);
        assertThat(sense(r.answer(CD, cdb("FF")))).isEqualTo(Sense.INVALID_COMMAND);
    }

    @Test
    void inquiryNamesARemovableCdDriveAndIsCutToTheAllocationLength() {
        String full = data(new AtapiResponder(iso, null).answer(CD, cdb("12 00 00 00 24 00")));
        assertThat(full).startsWith("0580");
        assertThat(full).hasSize(36 * 2);
        assertThat(data(new AtapiResponder(iso, null).answer(CD, cdb("12 00 00 00 05 00")))).hasSize(5 * 2);
    }

    @Test
    void readTocListsOneDataTrackAndTheLeadOutInLbaAndMsf() {
        AtapiResponder r = new AtapiResponder(iso, null);
        assertThat(data(r.answer(CD, cdb("43 00 00 00 00 00 00 0014 00"))))
                .isEqualTo("00120101" + "00140100" + "00000000" + "0014aa00" + "0000000a");
        // MSF: LBA 0 is 00:02:00 (150 frames of pre-gap), LBA 10 is 00:02:10.
        assertThat(data(r.answer(CD, cdb("43 02 00 00 00 00 00 0014 00"))))
                .isEqualTo("00120101" + "00140100" + "00000200" + "0014aa00" + "0000020a");
    }

    @Test
    void getConfigurationReportsTheCdRomProfile() {
        String all = data(new AtapiResponder(iso, null).answer(CD, cdb("46 00 0000 00 00 00 0400 00")));
        assertThat(all.substring(12, 16)).isEqualTo("0008");
        // Profile list feature: code 0000, current profile 0008 marked current.
        assertThat(all.substring(16, 32)).isEqualTo("0000030400080100");
        assertThat(data(new AtapiResponder(iso, null).answer(CD, cdb("46 02 0010 00 00 00 0400 00"))))
                .isEqualTo("00000010" + "00000008" + "0010010800000800" + "00010000");
    }

    @Test
    void aFloppyImageAnswersIn512ByteSectors() throws Exception {
        BootMedia floppy = BootMedia.open(BootMedia.Kind.FLOPPY, Files.write(dir.resolve("a.img"),
                new byte[2880 * 512]));
        AtapiResponder r = new AtapiResponder(null, floppy);
        assertThat(data(r.answer(FLOPPY, cdb("25")))).isEqualTo("00000b3f00000200");
        assertThat(r.answer(FLOPPY, cdb("28 00 00000000 00 0001 00"))).isEqualTo(new ScsiReply.Read(floppy, 0, 512));
        assertThat(data(r.answer(FLOPPY, cdb("23 00 00 00 00 00 00 000c 00")))).isEqualTo("00000008" + "00000b40"
                + "02000200");
        assertThat(sense(r.answer(CD, cdb("00")))).isEqualTo(Sense.NO_MEDIUM);
    }

    @Test
    void anImageThatIsNotWholeSectorsIsRefusedInWords() throws Exception {
        Path odd = Files.write(dir.resolve("odd.iso"), new byte[3000]);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BootMedia.open(BootMedia.Kind.CD, odd))
                .hasMessage("odd.iso is 3000 bytes: an ISO must be a whole number of 2048-byte sectors");
    }
}
