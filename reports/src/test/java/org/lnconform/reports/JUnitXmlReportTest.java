package org.lnconform.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lnconform.harness.model.RunReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlReportTest {

    @TempDir
    Path dir;

    private Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** testcase name → the element. */
    private static Map<String, Element> cases(Document doc) {
        Map<String, Element> byName = new HashMap<>();
        NodeList list = doc.getElementsByTagName("testcase");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            byName.put(e.getAttribute("name"), e);
        }
        return byName;
    }

    private static Element only(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        assertThat(list.getLength()).as("<%s> in %s", tag, parent.getAttribute("name")).isEqualTo(1);
        return (Element) list.item(0);
    }

    @Test
    void oneSuitePerTargetWithRightCounts() throws Exception {
        Path file = new JUnitXmlReport(false).write(SampleRuns.run("c-lightning/CLN", "24.11"), dir);
        assertThat(file).isEqualTo(dir.resolve("junit/TEST-lnconform-c-lightning_CLN.xml"));
        assertThat(file).content().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite ");
        Element suite = parse(file).getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("lnconform.c-lightning_CLN");
        assertThat(suite.getAttribute("tests")).isEqualTo("7");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("4.321");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-01-02T03:04:05");
        assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(suite.getElementsByTagName("error").getLength()).isEqualTo(1);
        assertThat(suite.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(suite.getElementsByTagName("system-out").getLength()).isEqualTo(7);
    }

    @Test
    void strictTurnsNonStrictIntoAFailure() throws Exception {
        Document doc = parse(new JUnitXmlReport(true).write(SampleRuns.run(), dir));
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        Element nonStrict = cases(doc).get("bolt01/error/warning-after-bad");
        assertThat(only(nonStrict, "failure").getAttribute("type")).isEqualTo("NON_STRICT");
    }

    @Test
    void eachVerdictMapsToItsElement() throws Exception {
        Map<String, Element> cases = cases(parse(new JUnitXmlReport(false).write(SampleRuns.run(), dir)));
        Element fail = cases.get("bolt01/ping/num-pong-bytes-large");
        assertThat(fail.getAttribute("classname")).isEqualTo("bolt01.ping");
        assertThat(fail.getAttribute("time")).isEqualTo("0.037");
        Element failure = only(fail, "failure");
        assertThat(failure.getAttribute("message")).contains("B1-PING-05", "expected: close", SampleRuns.MALICIOUS);
        assertThat(failure.getTextContent()).contains("expected: close, or error then close",
                "observed: node said: " + SampleRuns.MALICIOUS, "B1-PING-05", "B1-PING-06", "\\u0000");
        assertThat(only(fail, "system-out").getTextContent()).contains("-> ", "ping", "<- ", "12 B");

        Element nonStrict = cases.get("bolt01/error/warning-after-bad");
        assertThat(nonStrict.getElementsByTagName("failure").getLength()).isZero();
        assertThat(only(nonStrict, "system-out").getTextContent()).startsWith("NON_STRICT");

        assertThat(only(cases.get("bolt01/ping/harness-broke"), "error").getAttribute("type")).isEqualTo("ERROR");
        assertThat(only(cases.get("bolt09/init/needs-gossip-queries"), "skipped").getAttribute("message"))
                .contains("UNSUPPORTED");
        Element info = cases.get("bolt09/init/feature-bits");
        assertThat(info.getChildNodes().getLength()).isPositive();
        assertThat(only(info, "system-out").getTextContent()).startsWith("INFO");
        assertThat(cases.get("bolt08/act1/bad-version").getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void targetGoesIntoProperties() throws Exception {
        RunReport run = SampleRuns.run();
        Document doc = parse(new JUnitXmlReport(false).write(run, dir));
        NodeList props = doc.getElementsByTagName("property");
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            byName.put(p.getAttribute("name"), p.getAttribute("value"));
        }
        assertThat(byName).containsEntry("target.name", "reference").containsEntry("target.version", "0.1.0")
                .containsEntry("lnconform.strict", "false");
    }

    @Test
    void controlCharactersThatXmlForbidsAreSpelledOut() {
        assertThat(JUnitXmlReport.xmlSafe("a\u0000b\u0007c\td\ne\uD83D\uDE00")).isEqualTo("a\\u0000b\\u0007c\td\ne\uD83D\uDE00");
        assertThat(JUnitXmlReport.xmlSafe("lone \uD83D")).isEqualTo("lone \\ud83d");
    }
}
