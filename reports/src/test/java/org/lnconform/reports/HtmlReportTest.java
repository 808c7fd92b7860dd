package org.lnconform.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.Level;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;

class HtmlReportTest {

    @TempDir
    Path dir;

    private String page(RunReport run) throws Exception {
        return Files.readString(HtmlReport.write(run, dir), StandardCharsets.UTF_8);
    }

    @Test
    void showsEveryCaseWithItsVerdictAndRequirements() throws Exception {
        RunReport run = SampleRuns.run();
        String html = page(run);
        for (CaseResult r : run.results()) {
            assertThat(html).contains(">" + r.info().id() + "</a>");
            assertThat(html).contains("id=\"" + CaseTable.caseAnchor("", r.info().id()) + "\" data-verdict=\""
                    + r.verdict().name() + "\"");
        }
        assertThat(html).contains("<h2>BOLT #1</h2>", "<h2>BOLT #8</h2>", "<h2>BOLT #9</h2>",
                "<h3>bolt01/ping</h3>", "<h3>bolt08/act1</h3>");
        assertThat(html).contains("<span class=\"pill v-PASS\" title=\"PASS\">2 passed</span>",
                "<span class=\"pill v-FAIL\" title=\"FAIL\">1 failed</span>");
        for (String filter : List.of("all", "PASS", "FAIL", "NON_STRICT", "UNSUPPORTED", "ERROR", "INFO")) {
            assertThat(html).contains("data-filter=\"" + filter + "\"");
        }
        assertThat(html).contains("<td>name</td><td>reference</td>", "<td>version</td><td>0.1.0</td>");
    }

    @Test
    void eachCaseCardQuotesItsRequirementsAndLinksTheirSpecSection() throws Exception {
        String html = page(SampleRuns.run());
        int at = html.indexOf("<article class=\"case\" id=\"case-bolt01.ping.ignored-odd\"");
        assertThat(at).isPositive();
        String card = html.substring(at, html.indexOf("</article>", at));
        RequirementCatalog.Requirement req = RequirementCatalog.load().find("B1-MSG-10").orElseThrow();
        assertThat(card).contains(Html.esc(req.file()), Html.esc(req.section()), Html.esc(req.text().get(0)));
        String anchor = SpecSections.INSTANCE.anchor(req.file(), req.section()).orElseThrow();
        assertThat(card).contains("href=\"https://github.com/lightning/bolts/blob/" + RequirementCatalog.load().commit()
                + "/" + req.file() + "#" + anchor + "\"");
        assertThat(html).contains("B9-FEAT-99-UNKNOWN</span> <span class=\"cite\">(not in the pinned requirements)");
    }

    @Test
    void failuresComeFirstAndTheirTracesAreOpen() throws Exception {
        String html = page(SampleRuns.run());
        int failures = html.indexOf("<section id=\"failures\"");
        assertThat(failures).isPositive().isLessThan(html.indexOf("<section class=\"bolt\""));
        String list = html.substring(failures, html.indexOf("</section>", failures));
        assertThat(count(list, "<li data-failure=")).isEqualTo(3);
        // FAIL, then NON_STRICT, then ERROR
        assertThat(list.indexOf("num-pong-bytes-large")).isLessThan(list.indexOf("warning-after-bad"));
        assertThat(list.indexOf("warning-after-bad")).isLessThan(list.indexOf("harness-broke"));
        assertThat(list).contains("href=\"#case-bolt01.ping.num-pong-bytes-large\"");
        assertThat(count(html, "<details open>")).isEqualTo(3);
    }

    @Test
    void traceIsASequenceDiagramWithBothLifelines() throws Exception {
        String html = page(SampleRuns.run());
        int at = html.indexOf("id=\"case-bolt01.ping.num-pong-bytes-large\"");
        String article = html.substring(at, html.indexOf("</article>", at));
        assertThat(article).contains("<details open><summary>wire trace (3 events, times from the start of the case)</summary>", "<svg class=\"seq\"",
                ">lnconform</text>", ">node</text>", "ping \u00b7 12 B", "error \u00b7 40 B",
                "<polygon class=\"sent\"", "<polygon class=\"received\"", "<rect class=\"note\"", "0012fffc0004");
        assertThat(html).contains("No wire trace.");
    }

    @Test
    void nodeSuppliedTextCannotInjectMarkup() throws Exception {
        String html = page(SampleRuns.run());
        assertThat(html).doesNotContain(SampleRuns.MALICIOUS).doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&amp; &quot;quoted&quot; &#39;x&#39;")
                .doesNotContain("\u0000").doesNotContain("\u0007");
        // the page's only script is its own, and the policy pins it by hash
        assertThat(count(html, "<script")).isEqualTo(1);
        assertThat(html).contains("script-src '" + HtmlPage.scriptHash() + "'");
    }

    @Test
    void hostileTargetAndIdsAreEscapedToo() throws Exception {
        RunReport evil = new RunReport(Map.of("name", "\"><img src=x onerror=alert(1)>"),
                SampleRuns.run().startedAt(), 1, List.of(SampleRuns.result(
                        SampleRuns.info("bolt01/x/\"><b>id", "<i>t</i>", Level.MUST,
                                "<u>R</u>"),
                        Verdict.FAIL, null, List.of())));
        String html = page(evil);
        assertThat(html).doesNotContain("<img", "<b>", "<i>", "<u>");
        assertThat(HtmlReport.renderMatrix(List.of(evil))).doesNotContain("<img", "<b>", "<i>", "<u>");
    }

    @Test
    void pageIsSelfContained() throws Exception {
        String html = page(SampleRuns.run()) + HtmlReport.renderMatrix(List.of(SampleRuns.run(), SampleRuns.run()));
        // nothing is loaded: no src attributes, no stylesheet links, no url() or @import in CSS
        assertThat(html).doesNotContainPattern("(?i)\\ssrc\\s*=").doesNotContainPattern("(?i)<link\\b")
                .doesNotContainPattern("(?i)url\\(").doesNotContainPattern("(?i)@import").doesNotContain("<iframe");
        assertThat(html).contains("default-src 'none'");
        // the only absolute links are plain anchors to the spec on github.com
        Matcher m = Pattern.compile("(?i)(\\w+)\\s*=\\s*\"(https?:[^\"]*)\"").matcher(html);
        while (m.find()) {
            boolean svgNamespace = m.group(1).equals("xmlns") && m.group(2).equals("http://www.w3.org/2000/svg");
            boolean specLink = m.group(1).equals("href") && m.group(2).startsWith("https://github.com/lightning/bolts/");
            assertThat(svgNamespace || specLink).as("absolute URL %s=%s", m.group(1), m.group(2)).isTrue();
        }
    }

    @Test
    void sameRunGivesTheSamePage() throws Exception {
        assertThat(HtmlReport.render(SampleRuns.run())).isEqualTo(HtmlReport.render(SampleRuns.run()));
    }

    @Test
    void matrixShowsBothTargetsWithCellsLinkingToDetails() throws Exception {
        RunReport a = SampleRuns.run("lnd", "0.18.3");
        RunReport b = SampleRuns.run("eclair", "0.11.0");
        String html = Files.readString(HtmlReport.writeMatrix(List.of(a, b), dir), StandardCharsets.UTF_8);
        assertThat(html).contains("<th><a href=\"#run-0\">lnd 0.18.3</a></th>", "<th><a href=\"#run-1\">eclair 0.11.0</a></th>",
                "<h2>Run: lnd 0.18.3</h2>", "<h2>Run: eclair 0.11.0</h2>");
        for (CaseResult r : a.results()) {
            for (String prefix : List.of("r0-", "r1-")) {
                String anchor = CaseTable.caseAnchor(prefix, r.info().id());
                assertThat(html).contains("href=\"#" + anchor + "\">" + r.verdict().name() + "</a></td>");
                assertThat(html).contains(" id=\"" + anchor + "\" data-verdict=");
            }
        }
        assertThat(count(html, "<tr data-verdict=")).isEqualTo(a.results().size());
        // the filter buttons count cases, not cells
        assertThat(html).contains("data-filter=\"all\" class=\"on\">All (7)</button>", "data-filter=\"PASS\">PASS (2)</button>");
        // one group row per section, even when the catalogue comes back to a section later
        assertThat(count(html, "<tr class=\"group\"><th colspan=\"3\">bolt01/ping</th></tr>")).isEqualTo(1);
        // per-implementation summaries
        assertThat(html).contains("<tr><td><a href=\"#run-0\">lnd 0.18.3</a></td><td>2</td><td>1</td><td>1</td><td>1</td>"
                + "<td>1</td><td>1</td><td>7</td></tr>");
    }

    @Test
    void matrixMarksCasesARunDidNotHave() {
        RunReport full = SampleRuns.run("lnd", "1");
        RunReport partial = new RunReport(full.target(), full.startedAt(), 1, full.results().subList(0, 2));
        String html = HtmlReport.renderMatrix(List.of(full, partial));
        assertThat(count(html, "<td class=\"missing\"")).isEqualTo(5);
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }
}
