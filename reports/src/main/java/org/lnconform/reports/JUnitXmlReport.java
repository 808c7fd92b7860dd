package org.lnconform.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A run as a JUnit XML file in Surefire's schema, so any CI that shows test results shows the
 * conformance run: one testsuite per target, one testcase per case (classname = the case's section
 * with dots, name = the case id). FAIL is a failure, ERROR an error, UNSUPPORTED skipped; NON_STRICT
 * fails only when strict, else it passes with a note in system-out, as INFO does.
 */
public final class JUnitXmlReport {

    /** The sub-directory of the report directory. */
    public static final String DIR = "junit";

    private final boolean strict;
    private final RequirementCatalog catalog;

    /** @param strict whether NON_STRICT (a broken SHOULD) counts as a failure, as with {@code --strict} */
    public JUnitXmlReport(boolean strict) {
        this(strict, RequirementCatalog.load());
    }

    JUnitXmlReport(boolean strict, RequirementCatalog catalog) {
        this.strict = strict;
        this.catalog = catalog;
    }

    /** The file for a run: {@code TEST-lnconform-<label or target>.xml}, the name made file-safe. */
    public static String fileName(RunReport report) {
        return "TEST-lnconform-" + safeName(report.target().getOrDefault(Reports.LABEL, report.targetName())) + ".xml";
    }

    /** Writes {@code dir/junit/TEST-lnconform-<target>.xml}; returns the file. */
    public Path write(RunReport report, Path dir) {
        Path file = dir.resolve(DIR).resolve(fileName(report));
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                // the declaration is written by hand: the JDK's serializer puts no line break after it
                out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
                Transformer t = TransformerFactory.newInstance().newTransformer();
                t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
                t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                t.setOutputProperty(OutputKeys.INDENT, "yes");
                t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
                t.transform(new DOMSource(document(report)), new StreamResult(out));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (TransformerException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
        return file;
    }

    Document document(RunReport report) throws ParserConfigurationException {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        Element suite = doc.createElement("testsuite");
        doc.appendChild(suite);
        Map<Verdict, Integer> counts = report.summary();
        int failures = counts.get(Verdict.FAIL) + (strict ? counts.get(Verdict.NON_STRICT) : 0);
        suite.setAttribute("name", "lnconform." + safeName(report.target().getOrDefault(Reports.LABEL,
                report.targetName())));
        suite.setAttribute("tests", Integer.toString(report.results().size()));
        suite.setAttribute("failures", Integer.toString(failures));
        suite.setAttribute("errors", Integer.toString(counts.get(Verdict.ERROR)));
        suite.setAttribute("skipped", Integer.toString(counts.get(Verdict.UNSUPPORTED)));
        suite.setAttribute("time", seconds(report.durationMs()));
        if (report.startedAt() != null) {
            suite.setAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    report.startedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toLocalDateTime()));
        }
        Element properties = child(suite, "properties");
        report.target().forEach((k, v) -> {
            Element p = child(properties, "property");
            p.setAttribute("name", "target." + xmlSafe(k));
            p.setAttribute("value", xmlSafe(v));
        });
        Element strictProperty = child(properties, "property");
        strictProperty.setAttribute("name", "lnconform.strict");
        strictProperty.setAttribute("value", Boolean.toString(strict));
        for (CaseResult r : report.results()) {
            suite.appendChild(testcase(doc, r));
        }
        return doc;
    }

    private Element testcase(Document doc, CaseResult r) {
        Element tc = doc.createElement("testcase");
        tc.setAttribute("name", xmlSafe(r.info().id()));
        tc.setAttribute("classname", xmlSafe(r.info().section().replace('/', '.')));
        tc.setAttribute("time", seconds(r.durationMs()));
        String details = CaseText.details(r, catalog);
        String note = "";
        Verdict v = r.verdict() == null ? Verdict.ERROR : r.verdict();
        switch (v) {
            case FAIL -> outcome(tc, "failure", "FAIL", r, details);
            case NON_STRICT -> {
                if (strict) {
                    outcome(tc, "failure", "NON_STRICT", r, details);
                } else {
                    note = "NON_STRICT: a SHOULD requirement was broken (a failure under --strict).\n";
                }
            }
            case ERROR -> outcome(tc, "error", "ERROR", r, details);
            case UNSUPPORTED -> child(tc, "skipped").setAttribute("message", xmlSafe(CaseText.message(r)));
            case INFO -> note = "INFO: informational, no requirement to break.\n";
            case PASS -> { }
        }
        Element out = child(tc, "system-out");
        out.setTextContent(xmlSafe(note + details + "\n" + TraceText.format(r.trace())));
        return tc;
    }

    private static void outcome(Element tc, String tag, String type, CaseResult r, String body) {
        Element e = child(tc, tag);
        e.setAttribute("message", xmlSafe(CaseText.message(r)));
        e.setAttribute("type", type);
        e.setTextContent(xmlSafe(body));
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElement(name);
        parent.appendChild(e);
        return e;
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    /** A target name as a file-name and suite-name part: letters, digits, dot, dash and underscore. */
    static String safeName(String name) {
        String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    /**
     * Text that XML 1.0 can carry: characters it forbids (most C0 controls, lone surrogates,
     * U+FFFE/U+FFFF), which a node's error string may hold, become {@code \\uXXXX}.
     */
    static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (ok) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
