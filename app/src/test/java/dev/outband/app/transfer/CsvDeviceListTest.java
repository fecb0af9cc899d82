package dev.outband.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.TlsMode;
import java.util.List;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(30)
class CsvDeviceListTest {
    @Test
    void headerColumnsMayComeInAnyOrderAndCaseAfterABomAndBlankLines() throws Exception {
        ParsedList list = CsvDeviceList.parse(
                "\uFEFF\n\r\n  TLS , Host,NAME\r\n1,10.0.0.1,pc-01\r\n\r\n0,10.0.0.2,pc-02\r\n");

        assertThat(list.rejected()).isEmpty();
        assertThat(list.entries()).extracting(ParsedList.Entry::line).containsExactly(4, 6);
        assertThat(list.entries()).extracting(ParsedList.Entry::draft).containsExactly(
                new DeviceDraft("pc-01", "10.0.0.1", "", "", true, List.of()),
                new DeviceDraft("pc-02", "10.0.0.2", "", "", false, List.of()));
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaksAndLaterRowsKeepTheirFileLines() throws Exception {
        ParsedList list = CsvDeviceList.parse("""
                name,host,user,password,tls,tags
                "pc,01",10.0.0.1,"ad""min","two
                line
                secret",0,"lab;floor2"
                pc-02,10.0.0.2,admin,x,maybe,
                pc-03,10.0.0.3,admin,x,0,lab,extra
                pc-04,10.0.0.4,,,1,
                """);

        assertThat(list.entries()).extracting(ParsedList.Entry::line).containsExactly(2, 7);
        DeviceDraft first = list.entries().getFirst().draft();
        assertThat(first.name()).isEqualTo("pc,01");
        assertThat(first.user()).isEqualTo("ad\"min");
        assertThat(first.password()).isEqualTo("two\nline\nsecret");
        assertThat(first.tags()).containsExactly("lab", "floor2");
        assertThat(list.rejected()).containsExactly(
                new Rejection(5, "tls must be 0/1, true/false or yes/no, not 'maybe'"),
                new Rejection(6, "7 fields but the header has 6"));
    }

    @Test
    void textAfterAClosingQuoteRefusesThatRowOnlyAndReadingGoesOn() throws Exception {
        ParsedList list = CsvDeviceList.parse("""
                name,host
                pc-01,"10.0.0.1"x
                pc-02,10.0.0.2
                """);

        assertThat(list.entries()).extracting(e -> e.draft().name()).containsExactly("pc-02");
        assertThat(list.entries()).extracting(ParsedList.Entry::line).containsExactly(3);
        assertThat(list.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).contains("Unexpected character ('x'", "(line 2)")
                    .doesNotContain("rest of the file");
        });
    }

    @Test
    void anUnterminatedQuoteKeepsTheRowsBeforeItAndSaysTheRestWasNotRead() throws Exception {
        ParsedList list = CsvDeviceList.parse("""
                name,host,user
                pc-01,10.0.0.1,admin
                pc-02,10.0.0.2,"admin
                pc-03,10.0.0.3,admin
                """);

        assertThat(list.entries()).extracting(e -> e.draft().name()).containsExactly("pc-01");
        assertThat(list.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).contains("closing quote", "the rest of the file was not read");
        });
    }

    @Test
    void aFileWithoutRecordsOrWithABrokenHeaderIsRefusedAsAWhole() {
        assertThatThrownBy(() -> CsvDeviceList.parse("\n  \n")).isInstanceOf(TransferException.class)
                .hasMessage("The CSV file is empty");
        assertThatThrownBy(() -> CsvDeviceList.parse("\n\"name,host\n")).isInstanceOf(TransferException.class)
                .hasMessageStartingWith("Line 2: ").hasMessageContaining("closing quote");
        assertThatThrownBy(() -> CsvDeviceList.parse("name,address\npc,10.0.0.1\n"))
                .isInstanceOf(TransferException.class)
                .hasMessageStartingWith("Line 1: the CSV header must name the columns name,host");
    }

    @Test
    void writeQuotesOnlyTheFieldsThatNeedIt() {
        Device plain = Device.of("pc-01", "10.0.0.1").withCredentials("admin", null).withTls(TlsMode.VERIFY, null)
                .withTags(List.of("lab", "floor2"));
        Device awkward = Device.of("pc \"2\", east", "10.0.0.2").withCredentials("line\nbreak", null);

        assertThat(CsvDeviceList.write(List.of(plain, awkward), false)).isEqualTo("""
                name,host,user,password,tls,tags
                pc-01,10.0.0.1,admin,,1,lab;floor2
                "pc ""2"", east",10.0.0.2,"line
                break",,0,
                """);
    }

    @Test
    void whatWriteProducesParsesBackToTheSameDevices() throws Exception {
        Device awkward = Device.of("pc \"2\", east", "10.0.0.2").withCredentials("ad,min", null)
                .withTls(TlsMode.VERIFY, null).withTags(List.of("a", "b"));

        String written = CsvDeviceList.write(List.of(awkward, Device.of("pc-03", "10.0.0.3")), false);

        ParsedList back = CsvDeviceList.parse(written);

        assertThat(back.rejected()).isEmpty();
        assertThat(back.entries()).extracting(ParsedList.Entry::line).containsExactly(2, 3);
        assertThat(back.entries()).extracting(ParsedList.Entry::draft).containsExactly(
                new DeviceDraft("pc \"2\", east", "10.0.0.2", "ad,min", "", true, List.of("a", "b")),
                new DeviceDraft("pc-03", "10.0.0.3", "", "", false, List.of()));
    }

    @Test
    void withoutHeaderOnlyTheHeaderIsWritten() {
        assertThat(CsvDeviceList.write(List.of(), false)).isEqualTo("name,host,user,password,tls,tags\n");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreWrittenWithAQuoteInFrontAndInsideQuotes() {
        // OWASP "CSV Injection": cells starting with = + - @ tab or CR get a leading ' and are quoted.
        Device hostile = Device.of("=HYPERLINK(\"http://evil.example\",\"x\")", "10.0.0.1")
                .withCredentials("@SUM(1+1)", null).withTags(List.of("+cmd", "-2+3"));
        Device tabbed = Device.of("\t=1+1", "10.0.0.2").withCredentials("\r=1+1", null);

        assertThat(CsvDeviceList.write(List.of(hostile, tabbed), false)).isEqualTo(
                "name,host,user,password,tls,tags\n"
                        + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",10.0.0.1,\"'@SUM(1+1)\",,0,\"'+cmd;-2+3\"\n"
                        + "\"'\t=1+1\",10.0.0.2,\"'\r=1+1\",,0,\n");
    }

    @Test
    void neutralisedCellsReadBackAsTheyWereBeforeExport() throws Exception {
        Device hostile = Device.of("=1+1", "10.0.0.1").withCredentials("-admin", null).withTags(List.of("@lab"));

        ParsedList back = CsvDeviceList.parse(CsvDeviceList.write(List.of(hostile), false));

        assertThat(back.entries()).extracting(ParsedList.Entry::draft).containsExactly(
                new DeviceDraft("=1+1", "10.0.0.1", "-admin", "", false, List.of("@lab")));
    }

    @Test
    void aTabInFrontOfAFormulaIsKeptOnImportNotStrippedIntoAFormula() throws Exception {
        ParsedList list = CsvDeviceList.parse("name,host,user\n\"\t=1+1\",10.0.0.1,\" admin \"\n");

        assertThat(list.entries()).extracting(e -> e.draft().name(), e -> e.draft().user())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("\t=1+1", "admin"));
    }

    @Test
    void anOverlongFieldAfterABadCharacterInTheSameRowEndsTheImportInsteadOfLoopingOnIt() {
        String text = "name,host,user\npc-1,\"10.0.0.1\"x," + "u".repeat(70_000) + "\npc-2,10.0.0.2,\n";

        assertThatThrownBy(() -> CsvDeviceList.parse(text)).isInstanceOf(TransferException.class)
                .hasMessage("Line 2: field longer than 65536 characters (setting maxFieldChars); nothing was imported");
    }
}
