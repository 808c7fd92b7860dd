package org.lnconform.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;

/**
 * The skeleton of a self-contained report page: inline CSS and script, a Content-Security-Policy
 * that lets the page load nothing from anywhere and run only its own script (pinned by hash), the
 * target table, the coloured summary, and the verdict filter buttons.
 */
final class HtmlPage {

    private HtmlPage() {}

    static final String CSS = """
            :root{--pass:#1a7f37;--fail:#cf222e;--non-strict:#9a6700;--info:#0969da;--unsupported:#6e7781;\
            --error:#8250df;--line:#d0d7de;--muted:#57606a;--bg:#f6f8fa}
            *{box-sizing:border-box}
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;overflow-wrap:anywhere}
            header,main,footer{padding:0 24px;max-width:100%}header{background:var(--bg);border-bottom:1px solid var(--line);padding-bottom:12px}
            h1{font-size:22px;margin:0;padding:16px 0 8px}h2{font-size:19px;border-bottom:2px solid var(--line);padding-bottom:4px}
            h3{font-size:15px;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;margin:18px 0 6px}
            table.kv td{padding:1px 12px 1px 0;vertical-align:top}table.kv td:first-child{color:var(--muted);white-space:nowrap}
            .summary{display:flex;flex-wrap:wrap;gap:8px;margin:10px 0}
            .pill{border-radius:12px;padding:2px 10px;color:#fff;font-weight:600}
            .v-PASS{background:var(--pass)}.v-FAIL{background:var(--fail)}.v-NON_STRICT{background:var(--non-strict)}
            .v-INFO{background:var(--info)}.v-UNSUPPORTED{background:var(--unsupported)}.v-ERROR{background:var(--error)}
            .badge{display:inline-block;min-width:96px;text-align:center;border-radius:4px;padding:0 6px;color:#fff;
            font-size:12px;font-weight:700}
            .toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:6px 12px;margin-top:8px}
            .toolbar input[type=search]{font:inherit;padding:3px 8px;border:1px solid var(--line);border-radius:6px;width:320px;max-width:100%}
            nav.filters button{font:inherit;border:1px solid var(--line);background:#fff;border-radius:6px;padding:2px 10px;
            margin:0 4px 4px 0;cursor:pointer}nav.filters button.on{background:#1f2328;color:#fff}
            #shown{color:var(--muted)}
            section#failures ol{padding-left:22px}section#failures li{margin:3px 0}
            section#failures .fid{font-family:ui-monospace,Menlo,monospace;font-size:13px}
            article.case{border:1px solid var(--line);border-radius:6px;margin:6px 0;padding:6px 10px}
            article.case:target{outline:3px solid var(--info)}
            article.case.bad{border-left:5px solid var(--fail)}article.case.bad[data-verdict=NON_STRICT]{border-left-color:var(--non-strict)}
            article.case.bad[data-verdict=ERROR]{border-left-color:var(--error)}
            .head{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline}
            .head .id{font-family:ui-monospace,Menlo,monospace;font-size:13px;font-weight:600}
            .head .title{flex:1 1 280px}
            .level{font-size:12px;font-weight:600;color:var(--muted)}.dur{color:var(--muted);font-size:12px}
            ul.reqs{list-style:none;margin:6px 0;padding:0}ul.reqs li{border-left:4px solid var(--line);margin:4px 0;padding:1px 10px}
            ul.reqs .rid{font-family:ui-monospace,Menlo,monospace;font-size:12px;font-weight:600}
            ul.reqs blockquote{margin:2px 0;white-space:pre-wrap}.cite{color:var(--muted);margin:0;font-size:12px}
            dl.eo{display:grid;grid-template-columns:80px minmax(0,1fr);margin:6px 0;gap:2px 8px}dl.eo dt{color:var(--muted)}
            dl.eo dd{margin:0;white-space:pre-wrap}
            details summary{cursor:pointer;color:var(--info)}svg.seq{max-width:900px;width:100%;height:auto;display:block}
            svg.seq text{font:12px ui-monospace,Menlo,monospace}svg.seq .life{stroke:#8c959f;stroke-dasharray:4 4}
            svg.seq .actor{fill:#ddf4ff;stroke:#0969da}svg.seq .sent{stroke:#0969da;fill:#0969da}
            svg.seq .received{stroke:#1a7f37;fill:#1a7f37}svg.seq .note{fill:#fff8c5;stroke:#d4a72c}
            svg.seq .sum{fill:var(--muted)}svg.seq .t{fill:var(--muted);font-size:11px}
            table.trace{border-collapse:collapse;font:12px ui-monospace,Menlo,monospace;margin:6px 0;table-layout:fixed;width:100%}
            table.trace td{border-top:1px solid var(--line);padding:2px 8px;vertical-align:top;overflow-wrap:anywhere}
            table.trace code{word-break:break-all;color:var(--muted)}
            .scroll{max-width:100%;overflow-x:auto}
            table.matrix{border-collapse:collapse}table.matrix th,table.matrix td{border:1px solid var(--line);padding:3px 8px}
            table.matrix td.cell{text-align:center;padding:0}table.matrix td.cell a{display:block;color:#fff;
            text-decoration:none;font-weight:700;font-size:12px;padding:3px 8px}
            table.matrix td.missing{color:var(--muted);text-align:center}table.matrix tr.group th{text-align:left;background:var(--bg);
            font-family:ui-monospace,Menlo,monospace}table.matrix tr.bolt th{text-align:left;font-size:15px;background:#eaeef2}
            table.matrix td.caseid{font-family:ui-monospace,Menlo,monospace;font-size:12px}
            table.counts{border-collapse:collapse}table.counts td,table.counts th{border:1px solid var(--line);padding:2px 10px;
            text-align:right}table.counts td:first-child,table.counts th:first-child{text-align:left}
            footer{color:var(--muted);font-size:12px;padding-top:20px;padding-bottom:20px}
            """;

    /**
     * Filters by verdict and by a search text; both live in the URL's fragment ({@code #v=FAIL&q=ping}),
     * so a filtered view can be bookmarked or sent. A fragment without {@code =} is a plain anchor.
     */
    static final String SCRIPT = """
            (function(){
            var buttons=document.querySelectorAll('nav.filters button'),box=document.getElementById('q'),
            shown=document.getElementById('shown'),state={v:'all',q:''};
            function read(){var h=location.hash.slice(1);if(h.indexOf('=')<0)return;
            h.split('&').forEach(function(kv){var i=kv.indexOf('=');if(i<0)return;var k=kv.slice(0,i),
            v=decodeURIComponent(kv.slice(i+1).replace(/\\+/g,' '));if(k==='v'||k==='q')state[k]=v;});}
            function write(){var parts=[];if(state.v!=='all')parts.push('v='+encodeURIComponent(state.v));
            if(state.q)parts.push('q='+encodeURIComponent(state.q));var h=parts.length?'#'+parts.join('&'):' ';
            try{history.replaceState(null,'',h==' '?location.pathname+location.search:h);}catch(e){location.hash=parts.join('&');}}
            function apply(){var q=state.q.trim().toLowerCase(),n=0;
            buttons.forEach(function(b){b.classList.toggle('on',b.dataset.filter===state.v);});
            if(box&&box.value!==state.q)box.value=state.q;
            document.querySelectorAll('[data-verdict]').forEach(function(e){
            var ok=(state.v==='all'||e.dataset.verdict.split(' ').indexOf(state.v)>=0)
            &&(!q||(e.dataset.search||'').indexOf(q)>=0);e.hidden=!ok;if(ok&&e.hasAttribute('data-count'))n++;});
            document.querySelectorAll('section.sect,section.bolt,tbody.sect').forEach(function(s){
            s.hidden=!s.querySelector('[data-verdict]:not([hidden])');});
            document.querySelectorAll('tbody.bolthead').forEach(function(h){h.hidden=!document.querySelector(
            'tbody.sect[data-bolt="'+h.dataset.bolt+'"]:not([hidden])');});
            if(shown)shown.textContent=n+' shown';}
            buttons.forEach(function(b){b.addEventListener('click',function(){state.v=b.dataset.filter;write();apply();});});
            if(box)box.addEventListener('input',function(){state.q=box.value;write();apply();});
            window.addEventListener('hashchange',function(){read();apply();});
            read();apply();
            })();
            """;

    /** The whole page around {@code header} and {@code body}, which must already be escaped. */
    static String page(String title, String header, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "img-src data:; script-src '" + scriptHash() + "'\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.esc(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n"
                + "<header>\n" + header + "</header>\n<main>\n" + body + "</main>\n"
                + "<footer>Generated by lnconform. This page loads nothing from the network.</footer>\n"
                + "<script>" + SCRIPT + "</script>\n</body>\n</html>\n";
    }

    /** The CSP source for the page's one script: its SHA-256, so no other script can run. */
    static String scriptHash() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(SCRIPT.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The target's entries as a key/value table, plus when the run started and how long it took. */
    static String targetTable(RunReport report) {
        StringBuilder out = new StringBuilder("<table class=\"kv\">\n");
        report.target().forEach((k, v) -> row(out, k, v));
        if (report.startedAt() != null) {
            row(out, "started", report.startedAt().toString());
        }
        row(out, "duration", Html.duration(report.durationMs()));
        row(out, "seed", report.seed() + " (--seed repeats the run's keys and channel ids)");
        return out.append("</table>\n").toString();
    }

    private static void row(StringBuilder out, String k, String v) {
        out.append("<tr><td>").append(Html.esc(k)).append("</td><td>").append(Html.esc(v)).append("</td></tr>\n");
    }

    /** The verdict counts as coloured pills, in the summary's order. */
    static String summary(Map<Verdict, Integer> counts) {
        StringBuilder out = new StringBuilder("<div class=\"summary\">");
        JsonReport.SUMMARY_KEYS.forEach((v, key) -> out.append("<span class=\"pill v-").append(v.name())
                .append("\" title=\"").append(v.name()).append("\">").append(counts.getOrDefault(v, 0)).append(' ')
                .append(key.replace('_', '-')).append("</span>"));
        return out.append("</div>\n").toString();
    }

    /**
     * The search box and one button per verdict (and All), each with its count of cases; the script
     * wires them. {@code noun} says what is counted ("cases").
     */
    static String toolbar(Map<Verdict, Integer> counts, int total) {
        StringBuilder out = new StringBuilder("<div class=\"toolbar\"><input type=\"search\" id=\"q\" "
                + "placeholder=\"Search id, title, requirement, observed\" aria-label=\"Search cases\">"
                + "<nav class=\"filters\">Show: <button type=\"button\" data-filter=\"all\" class=\"on\">All ("
                + total + ")</button>");
        JsonReport.SUMMARY_KEYS.keySet().forEach(v -> out.append("<button type=\"button\" data-filter=\"")
                .append(v.name()).append("\">").append(v.name()).append(" (").append(counts.getOrDefault(v, 0))
                .append(")</button>"));
        return out.append("</nav><span id=\"shown\"></span></div>\n").toString();
    }
}
