package org.lnconform.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.run.Runner;
import org.lnconform.harness.target.EmbeddedTarget;
import org.lnconform.harness.target.Target;
import org.lnconform.peer.Deviation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The single-run report and the matrix as a person sees them, in headless Chromium at 1280 px:
 * nothing overflows sideways, the filters and the search change what is shown and live in the
 * URL, every requirement link points at a heading that exists in the pinned spec, and the
 * failures summary lists exactly the failing cases. Screenshots stay in target/browser/ (CI keeps
 * them as artefacts; the README shows copies from docs/).
 */
class BrowserReportTest {

    static final Path OUT = Path.of("target", "browser");

    private static ChromeDriver browser;
    private static RunReport deviant;
    private static Path single;
    private static Path matrix;

    @BeforeAll
    static void writeReportsAndStartTheBrowser() throws IOException {
        browser = Chromium.start(OUT.resolve("profile-" + ProcessHandle.current().pid()));
        RunReport plain = run(Set.of());
        // a node that breaks a MUST (answers oversized pings) and a SHOULD (remote_addr when private)
        deviant = Reports.labelled(run(EnumSet.of(Deviation.parse("answer-oversize-ping"),
                Deviation.parse("init-private-remote-addr"))), "reference with two deviations");
        single = OUT.resolve("single");
        Reports.writeAll(deviant, single, false);
        JsonReport.write(plain, OUT.resolve("plain"));
        matrix = OUT.resolve("matrix");
        Reports.merge(List.of(OUT.resolve("plain"), single), List.of("reference", "reference, deviated"), matrix);
    }

    private static RunReport run(Set<Deviation> deviations) {
        try (Target t = EmbeddedTarget.start(deviations)) {
            return Runner.forTarget(t, 8, r -> {}).run(Catalogue.all());
        }
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(Path page, String fragment) {
        browser.get(page.resolve("index.html").toAbsolutePath().toUri() + fragment);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void noHorizontalOverflow(String what) {
        long scroll = ((Number) js("return document.documentElement.scrollWidth")).longValue();
        long client = ((Number) js("return document.documentElement.clientWidth")).longValue();
        long inner = ((Number) js("return window.innerWidth")).longValue();
        assertThat(inner).as("viewport width").isEqualTo(1280);
        assertThat(scroll).as(what + ": page width at a 1280 px window (client width " + client + ")")
                .isLessThanOrEqualTo(client);
    }

    private static List<WebElement> shownCases() {
        return browser.findElements(By.cssSelector("article.case")).stream().filter(WebElement::isDisplayed)
                .collect(Collectors.toList());
    }

    private static void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, OUT.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void singleRunFitsA1280PixelWindow() throws IOException {
        open(single, "");
        noHorizontalOverflow("single-run report");
        screenshot("report.png");
        // also with every trace open, the widest state of the page
        js("document.querySelectorAll('details').forEach(function(d){d.open=true;})");
        noHorizontalOverflow("single-run report, every trace open");
    }

    @Test
    void theFailuresSummaryListsExactlyTheFailingCases() throws IOException {
        open(single, "");
        Set<String> listed = browser.findElements(By.cssSelector("section#failures li[data-failure]")).stream()
                .map(li -> li.getAttribute("data-failure")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> failing = deviant.results().stream().filter(CaseTable::needsALook).map(r -> r.info().id())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(failing).as("the deviations make some cases fail").isNotEmpty();
        assertThat(listed).isEqualTo(failing);
        // each entry links to its case card, and that card is open on its trace
        for (WebElement a : browser.findElements(By.cssSelector("section#failures li a.fid"))) {
            String id = a.getAttribute("href").replaceFirst(".*#", "");
            WebElement card = browser.findElement(By.id(id));
            assertThat(card.getAttribute("data-verdict")).isIn("FAIL", "NON_STRICT", "ERROR");
            assertThat(card.findElement(By.tagName("details")).getAttribute("open")).isNotNull();
        }
        // following the first entry lands on its card, which quotes the broken requirement
        browser.findElement(By.cssSelector("section#failures li a.fid")).click();
        String target = browser.getCurrentUrl().replaceFirst(".*#", "");
        WebElement card = browser.findElement(By.id(target));
        assertThat(card.findElement(By.cssSelector("ul.reqs blockquote")).getText()).isNotBlank();
        assertThat(((Number) js("return arguments[0].getBoundingClientRect().top", card)).doubleValue())
                .as("the card is scrolled into view").isBetween(-1.0, 100.0);
        screenshot("report-failure.png");
    }

    @Test
    void filtersAndSearchChangeWhatIsShownAndLiveInTheUrl() {
        open(single, "");
        int all = shownCases().size();
        assertThat(all).isEqualTo(deviant.results().size());
        browser.findElement(By.cssSelector("nav.filters button[data-filter=FAIL]")).click();
        List<WebElement> failing = shownCases();
        assertThat(failing).isNotEmpty().hasSizeLessThan(all)
                .allSatisfy(c -> assertThat(c.getAttribute("data-verdict")).isEqualTo("FAIL"));
        assertThat(browser.getCurrentUrl()).endsWith("#v=FAIL");
        browser.findElement(By.id("q")).sendKeys("65535");
        List<WebElement> found = shownCases();
        assertThat(found).isNotEmpty().hasSizeLessThan(failing.size() + 1)
                .allSatisfy(c -> assertThat(c.getAttribute("id")).contains("65535"));
        assertThat(browser.getCurrentUrl()).endsWith("#v=FAIL&q=65535");
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo(found.size() + " shown");
        // the state in the URL survives a reload, so a filtered view can be sent to someone
        String url = browser.getCurrentUrl();
        browser.get("about:blank");
        browser.get(url);
        assertThat(shownCases()).hasSize(found.size());
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("65535");
        browser.findElement(By.cssSelector("nav.filters button[data-filter=all]")).click();
        browser.findElement(By.id("q")).clear();
        js("var q=document.getElementById('q');q.value='';q.dispatchEvent(new Event('input'));");
        assertThat(shownCases()).hasSize(all);
    }

    @Test
    void everyRequirementLinkPointsAtAHeadingOfThePinnedSpec() throws IOException {
        Path bolts = SharedSpec.bolts();
        String commit = Files.readString(bolts.resolve("COMMIT")).split("\\s+")[2];
        open(single, "");
        List<String> hrefs = browser.findElements(By.cssSelector("a.rid")).stream().map(a -> a.getAttribute("href"))
                .distinct().collect(Collectors.toList());
        assertThat(hrefs).hasSizeGreaterThan(15);
        Pattern link = Pattern.compile("https://github\\.com/lightning/bolts/blob/([0-9a-f]{40})/([0-9a-z-]+\\.md)#(.+)");
        Map<String, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (String href : hrefs) {
            Matcher m = link.matcher(href);
            if (!m.matches() || !m.group(1).equals(commit)) {
                broken.add(href + " (not a section of the pinned spec)");
                continue;
            }
            Set<String> inFile = anchors.computeIfAbsent(m.group(2), f -> markdownAnchors(bolts.resolve(f)));
            if (!inFile.contains(m.group(3))) {
                broken.add(href + " (no such heading)");
            }
        }
        assertThat(broken).isEmpty();
    }

    /** The anchors GitHub gives the headings of a markdown file, computed from the file itself. */
    static Set<String> markdownAnchors(Path file) {
        Set<String> out = new TreeSet<>();
        try {
            Map<String, Integer> seen = new HashMap<>();
            boolean fence = false;
            for (String line : Files.readAllLines(file)) {
                if (line.strip().startsWith("```")) {
                    fence = !fence;
                }
                Matcher m = Pattern.compile("(#{1,6})\\s+(.*?)\\s*#*\\s*$").matcher(line);
                if (!fence && m.matches()) {
                    out.add(SpecSections.unique(SpecSections.slug(m.group(2)), seen));
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    @Test
    void theMatrixFitsFiltersAndSearches() throws IOException {
        open(matrix, "#q=bolt01%2Fping");
        noHorizontalOverflow("matrix");
        screenshot("matrix.png");
        open(matrix, "");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.matrix tr[data-count]"));
        int cases = Catalogue.all().size();
        assertThat(rows).hasSize(cases);
        assertThat(browser.findElement(By.cssSelector("nav.filters button[data-filter=all]")).getText())
                .isEqualTo("All (" + cases + ")");
        // BOLT by BOLT: every BOLT #1 row before the first BOLT #8 row
        List<String> bolts = browser.findElements(By.cssSelector("table.matrix tr.bolt th")).stream()
                .map(WebElement::getText).collect(Collectors.toList());
        assertThat(bolts).isSorted().doesNotHaveDuplicates();
        browser.findElement(By.cssSelector("nav.filters button[data-filter=FAIL]")).click();
        List<WebElement> shown = rows.stream().filter(WebElement::isDisplayed).collect(Collectors.toList());
        assertThat(shown).isNotEmpty().hasSizeLessThan(cases)
                .allSatisfy(r -> assertThat(r.getAttribute("data-verdict")).contains("FAIL"));
        String failCount = browser.findElement(By.cssSelector("nav.filters button[data-filter=FAIL]")).getText();
        assertThat(failCount).isEqualTo("FAIL (" + shown.size() + ")");
        browser.findElement(By.cssSelector("nav.filters button[data-filter=all]")).click();
        browser.findElement(By.id("q")).sendKeys("act1");
        assertThat(rows.stream().filter(WebElement::isDisplayed)).isNotEmpty().allSatisfy(
                r -> assertThat(r.getAttribute("data-search")).contains("act1"));
        // section and BOLT headings show only above rows that are shown
        List<WebElement> sections = browser.findElements(By.cssSelector("table.matrix tbody.sect"));
        assertThat(sections.stream().filter(WebElement::isDisplayed)).isNotEmpty().allSatisfy(t -> assertThat(
                t.findElements(By.cssSelector("tr[data-count]")).stream().anyMatch(WebElement::isDisplayed)).isTrue());
        assertThat(sections.stream().filter(t -> !t.isDisplayed())).isNotEmpty();
        noHorizontalOverflow("matrix, filtered");
    }
}
