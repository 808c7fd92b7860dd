package org.lnconform.reports;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.Level;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Side;
import org.lnconform.harness.model.TraceEvent;
import org.lnconform.harness.model.TraceEvent.Direction;
import org.lnconform.harness.model.Verdict;

/** Hand-built runs: every verdict at least once, traces with all three directions, one hostile string. */
final class SampleRuns {

    static final String MALICIOUS = "<script>alert(1)</script>";

    private SampleRuns() {}

    /** Seven cases: two PASS and one of every other verdict. */
    static RunReport run(String name, String version) {
        Map<String, String> target = new LinkedHashMap<>();
        target.put("name", name);
        target.put("version", version);
        target.put("uri", "02aa@127.0.0.1:9735");
        return new RunReport(target, Instant.parse("2026-01-02T03:04:05.678Z"), 4321, List.of(
                result(info("bolt08/act1/bad-version", "Act One with version 1", Level.MUST, "B8-ACT1-03"),
                        Verdict.PASS, Outcome.CLOSED, handshakeTrace()),
                result(info("bolt01/ping/ignored-odd", "odd unknown type is ignored", Level.MUST, "B1-MSG-10"),
                        Verdict.PASS, Outcome.STAYED_UP, pingTrace()),
                result(info("bolt01/ping/num-pong-bytes-large", "ping asking for >= 65532 bytes", Level.MUST,
                        "B1-PING-05", "B1-PING-06"), Verdict.FAIL, Outcome.PROCEEDED, pingTrace()),
                result(info("bolt01/error/warning-after-bad", "warning on bad message", Level.SHOULD, "B1-ERR-07"),
                        Verdict.NON_STRICT, Outcome.CLOSED, pingTrace()),
                result(info("bolt09/init/feature-bits", "init feature bits", Level.MAY, "B9-FEAT-01"),
                        Verdict.INFO, Outcome.CONFORMS, List.of()),
                result(info("bolt09/init/needs-gossip-queries", "gossip queries", Level.MUST, "B9-FEAT-99-UNKNOWN"),
                        Verdict.UNSUPPORTED, null, List.of()),
                result(info("bolt01/ping/harness-broke", "harness error", Level.MUST, "B1-MSG-10"),
                        Verdict.ERROR, Outcome.SILENT, List.of(
                                new TraceEvent(0, Direction.EVENT, "connect", 0, "connect refused", null)))));
    }

    static RunReport run() {
        return run("reference", "0.1.0");
    }

    static CaseInfo info(String id, String title, Level level, String... requirements) {
        return new CaseInfo(id, title, List.of(requirements), level, Side.RESPONDER,
                Set.of(Outcome.CLOSED, Outcome.ERROR_THEN_CLOSED), Set.of(7, 1), "drop-" + id.hashCode());
    }

    static CaseResult result(CaseInfo info, Verdict verdict, Outcome outcome, List<TraceEvent> trace) {
        return new CaseResult(info, verdict, outcome, "close, or error then close",
                verdict == Verdict.FAIL ? "node said: " + MALICIOUS + " & \"quoted\" 'x' \u0000\u0007" : "closed",
                37, trace);
    }

    static List<TraceEvent> handshakeTrace() {
        return List.of(
                new TraceEvent(0, Direction.EVENT, "connect", 0, "tcp 127.0.0.1:9735", null),
                new TraceEvent(1, Direction.SENT, "act1", 50, "version=1 (bad)", "01" + "ab".repeat(49)),
                new TraceEvent(5, Direction.EVENT, "close", 0, "closed by node", null));
    }

    static List<TraceEvent> pingTrace() {
        return List.of(
                new TraceEvent(0, Direction.SENT, "ping", 12, "num_pong_bytes=65532 " + MALICIOUS,
                        "0012fffc0004" + "00".repeat(4)),
                new TraceEvent(3, Direction.RECEIVED, "error", 40, "channel_id=00.. data=" + MALICIOUS, "0011"),
                new TraceEvent(4, Direction.EVENT, "close", 0, "closed by node", null));
    }
}
