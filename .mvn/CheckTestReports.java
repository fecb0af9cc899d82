import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Fails the build when a test class ran no test or skipped any: a missing tool or an aborted
 * set-up must be a failure with its reason, never a test that quietly vanishes from the count.
 * Run by every module after its tests: java .mvn/CheckTestReports.java target/surefire-reports
 */
public class CheckTestReports {
    public static void main(String[] args) throws Exception {
        Path reports = Path.of(args[0]);
        if (!Files.isDirectory(reports)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.filter(CheckTestReports::isReport).sorted().toList()) {
                problems.addAll(problemsIn(file));
            }
        }
        if (!problems.isEmpty()) {
            System.err.println("Tests that vanished or were skipped (each is a failure here):");
            problems.forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
    }

    private static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("TEST-") && name.endsWith(".xml");
    }

    private static List<String> problemsIn(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element suite = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        String name = suite.getAttribute("name");
        List<String> problems = new ArrayList<>();
        if (count(suite, "tests") == 0) {
            problems.add(name + " ran no test");
        }
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            NodeList skipped = testCase.getElementsByTagName("skipped");
            if (skipped.getLength() > 0) {
                String why = ((Element) skipped.item(0)).getAttribute("message");
                problems.add(name + "." + testCase.getAttribute("name") + " was skipped"
                        + (why.isEmpty() ? "" : ": " + why));
            }
        }
        if (problems.isEmpty() && count(suite, "skipped") > 0) {
            problems.add(name + " skipped " + count(suite, "skipped") + " tests");
        }
        return problems;
    }

    private static int count(Element suite, String attribute) {
        String value = suite.getAttribute(attribute);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }
}
