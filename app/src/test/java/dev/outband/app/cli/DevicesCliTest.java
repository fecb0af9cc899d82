package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DevicesCliTest {
    @TempDir
    Path home;

    private StringWriter out;
    private StringWriter err;

    private int run(String stdin, String... args) {
        return runWith(Map.of("OUTBAND_HOME", home.toString()), stdin, args);
    }

    private int runWith(Map<String, String> env, String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        var ctx = new CliContext(env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err));
        return Cli.run(args, ctx);
    }

    @Test
    void anAddedDeviceIsListedAsJsonWithoutItsPassword() throws Exception {
        int added = run("Pipe#Secret9\n", "devices", "add", "--name", "lab-01", "--host", "10.0.0.7",
                "--user", "admin", "--password-stdin", "--tls", "--tag", "lab", "--tag", "floor2");
        assertThat(added).as(err.toString()).isZero();

        assertThat(run("", "devices", "list", "--json")).isZero();
        JsonNode list = new ObjectMapper().readTree(out.toString());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asText()).isEqualTo("lab-01");
        assertThat(list.get(0).get("host").asText()).isEqualTo("10.0.0.7");
        assertThat(list.get(0).get("tls").asText()).isEqualTo("verify");
        assertThat(list.get(0).get("tags").toString()).isEqualTo("[\"lab\",\"floor2\"]");
        assertThat(out.toString()).doesNotContain("Pipe#Secret9");
        assertThat(home.resolve("outband.mv.db")).exists();
    }

    @Test
    void listFiltersByTag() {
        run("", "devices", "add", "--name", "a", "--host", "a.example", "--tag", "lab");
        run("", "devices", "add", "--name", "b", "--host", "b.example", "--tag", "office");
        assertThat(run("", "devices", "list", "--tag", "office")).isZero();
        assertThat(out.toString()).contains("b.example").doesNotContain("a.example");
    }

    @Test
    void userErrorsExitWithOneAndAOneLineMessage() {
        assertThat(run("", "devices", "add", "--name", "x", "--host", "not a host")).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("outband: Not a valid hostname").doesNotContain("\n");
        run("", "devices", "add", "--name", "x", "--host", "10.0.0.1");
        assertThat(run("", "devices", "add", "--name", "x", "--host", "10.0.0.2")).isEqualTo(1);
        assertThat(err.toString()).contains("already exists");
        assertThat(run("", "devices", "remove", "nobody")).isEqualTo(1);
        assertThat(run("", "devices", "list", "--bogus")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void removeDeletesTheNamedDevice() {
        run("", "devices", "add", "--name", "gone", "--host", "10.0.0.9");
        assertThat(run("", "devices", "remove", "gone")).isZero();
        run("", "devices", "list");
        assertThat(out.toString()).doesNotContain("10.0.0.9");
    }

    @Test
    void aPartialImportExitsWithTwoAndNamesTheBadLine() throws Exception {
        Path csv = Files.writeString(home.resolve("in.csv"), "name,host,user,password,tls,tags\nok,10.0.0.1,admin,pw,0,\nbad,300.0.0.1,admin,pw,0,\n");
        assertThat(run("", "devices", "import", csv.toString())).isEqualTo(ExitCode.PARTIAL);
        assertThat(out.toString()).contains("Imported 1 device(s), refused 1");
        assertThat(err.toString()).contains("in.csv: line 3: Not a valid IPv4 address");
    }

    @Test
    void exportWritesPasswordsOnlyWithIncludePasswords() throws Exception {
        run("Exp#Secret1\n", "devices", "add", "--name", "e", "--host", "10.0.0.1", "--password-stdin");
        Path plain = home.resolve("plain.json");
        Path full = home.resolve("full.csv");
        assertThat(run("", "devices", "export", plain.toString())).isZero();
        assertThat(run("", "devices", "export", full.toString(), "--include-passwords")).isZero();
        assertThat(Files.readString(plain)).contains("\"computers\"").doesNotContain("Exp#Secret1");
        assertThat(Files.readString(full)).contains("Exp#Secret1");
    }

    @Test
    void aProtectedStoreOpensWithTheMasterPasswordFileAndRefusesAWrongOne() throws Exception {
        assertThat(run("master pw\n", "store", "set-master-password", "--password-stdin")).as(err.toString()).isZero();
        Path good = Files.writeString(home.resolve("good.txt"), "master pw\n");
        Path bad = Files.writeString(home.resolve("bad.txt"), "guess\n");
        var withGood = Map.of("OUTBAND_HOME", home.toString(), "OUTBAND_MASTER_PASSWORD_FILE", good.toString());
        var withBad = Map.of("OUTBAND_HOME", home.toString(), "OUTBAND_MASTER_PASSWORD_FILE", bad.toString());

        assertThat(runWith(withGood, "s3cret\n", "devices", "add", "--name", "p", "--host", "10.0.0.1", "--password-stdin")).isZero();
        assertThat(runWith(withBad, "", "devices", "list")).isEqualTo(1);
        assertThat(err.toString()).contains("Wrong master password");
        assertThat(runWith(withGood, "", "devices", "list", "--json")).isZero();
        assertThat(out.toString()).contains("\"p\"");
    }

    @Test
    void theMasterPasswordIsChangedWithTheOldOneAndRemovedFromTheCommandLine() throws Exception {
        assertThat(run("Dev#Secret1\n", "devices", "add", "--name", "p", "--host", "10.0.0.1", "--password-stdin")).isZero();
        assertThat(run("short\n", "store", "set-master-password", "--password-stdin")).isEqualTo(1);
        assertThat(err.toString()).contains("at least 8 characters");
        assertThat(run("first master\n", "store", "set-master-password", "--password-stdin")).as(err.toString()).isZero();
        Path first = Files.writeString(home.resolve("first.txt"), "first master\n");
        Path second = Files.writeString(home.resolve("second.txt"), "second master\n");
        var withFirst = Map.of("OUTBAND_HOME", home.toString(), "OUTBAND_MASTER_PASSWORD_FILE", first.toString());
        var withSecond = Map.of("OUTBAND_HOME", home.toString(), "OUTBAND_MASTER_PASSWORD_FILE", second.toString());

        assertThat(run("", "devices", "list")).isEqualTo(1);
        assertThat(runWith(withFirst, "", "store", "set-master-password", "--password-file", second.toString()))
                .as(err.toString()).isZero();
        assertThat(runWith(withFirst, "", "devices", "list")).isEqualTo(1);
        assertThat(err.toString()).contains("Wrong master password");
        assertThat(runWith(withSecond, "", "store", "remove-master-password")).as(err.toString()).isZero();
        assertThat(run("", "devices", "list", "--json")).isZero();
        assertThat(out.toString()).contains("\"p\"");
        assertThat(home.resolve("store.keyring")).exists();
    }
}
