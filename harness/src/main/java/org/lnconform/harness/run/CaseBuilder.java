package org.lnconform.harness.run;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.Level;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.model.Side;

/** A small fluent way to declare a case as data. */
public final class CaseBuilder {

    private final String id;
    private String title;
    private final List<String> requirements = new ArrayList<>();
    private Level level = Level.MUST;
    private Side side = Side.RESPONDER;
    private final Set<Outcome> allowed = EnumSet.noneOf(Outcome.class);
    private final Set<Outcome> inconclusive = EnumSet.noneOf(Outcome.class);
    private final Set<Integer> needs = new TreeSet<>();
    private String expected;
    private String why;
    private boolean alone;

    private CaseBuilder(String id) {
        this.id = id;
    }

    public static CaseBuilder of(String id) {
        return new CaseBuilder(id);
    }

    public CaseBuilder title(String t) {
        this.title = t;
        return this;
    }

    public CaseBuilder requires(String... ids) {
        requirements.addAll(List.of(ids));
        return this;
    }

    public CaseBuilder must() {
        level = Level.MUST;
        return this;
    }

    public CaseBuilder should() {
        level = Level.SHOULD;
        return this;
    }

    public CaseBuilder may() {
        level = Level.MAY;
        return this;
    }

    public CaseBuilder initiatorSide() {
        side = Side.INITIATOR;
        return this;
    }

    public CaseBuilder allow(Outcome... outcomes) {
        allowed.addAll(List.of(outcomes));
        return this;
    }

    /** Outcomes the wire cannot judge: they give INFO instead of a failure. */
    public CaseBuilder inconclusive(Outcome... outcomes) {
        inconclusive.addAll(List.of(outcomes));
        return this;
    }

    /** Allowed: closing, with or without error/warning first. */
    public CaseBuilder mustClose() {
        return allow(Outcome.CLOSED, Outcome.ERROR_THEN_CLOSED);
    }

    /** Allowed: anything but a zombie (close, warn, or carry on). */
    public CaseBuilder anythingButSilent() {
        return allow(Outcome.CLOSED, Outcome.ERROR_THEN_CLOSED, Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP);
    }

    public CaseBuilder needsFeature(int bit) {
        needs.add(bit);
        return this;
    }

    /** Why the allowed outcomes are these, when the default reading of the set does not say it. */
    public CaseBuilder because(String w) {
        this.why = w;
        return this;
    }

    /**
     * The case judges what the node does of its own accord towards one peer it picks among all it
     * has (BOLT 7's gossip sync: lnd and Core Lightning sync with one peer at a time). Such a case
     * runs alone: after every other case, one at a time, once the node has had a moment
     * ({@link org.lnconform.harness.probe.Bounds#settle()}) to see our other connections close, so
     * that its one connection is the node's only peer of ours and the node's choice is not timing.
     */
    public CaseBuilder alone() {
        this.alone = true;
        return this;
    }

    public CaseBuilder expected(String e) {
        this.expected = e;
        return this;
    }

    public ConformanceCase body(CaseBody body) {
        if (title == null || allowed.isEmpty()) {
            throw new IllegalStateException("case " + id + " needs a title and allowed outcomes");
        }
        String exp = expected != null ? expected : Expectations.expected(title, allowed, inconclusive);
        CaseInfo info = new CaseInfo(id, title, requirements, level, side, allowed, needs, null,
                inconclusive);
        return new ConformanceCase(info, exp, why != null ? why : Expectations.why(allowed, inconclusive), body, alone);
    }
}
