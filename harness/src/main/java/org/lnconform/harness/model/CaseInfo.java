package org.lnconform.harness.model;

import java.util.List;
import java.util.Set;

/**
 * A case as data: stable hierarchical id, title, the requirement ids it checks (from the pinned
 * spec's requirements.json), level, which side the node plays, the outcomes the spec allows,
 * the init feature bits it needs the node to offer, and the outcomes that cannot be judged from the wire
 * (verdict INFO), e.g. staying up after an invalid extension, which a node that ignores
 * extensions (allowed, B1-MSG-14) and a node that parses them laxly (not allowed) both do.
 *
 * <p>{@code failsUnderDeviation} is kept for report readers of older runs and is null for cases
 * declared now: which reference-node deviation makes a case fail is the self-test's business
 * ({@code harness/src/test/.../SelfTestDeviations}), not the case's.
 */
public record CaseInfo(
        String id,
        String title,
        List<String> requirements,
        Level level,
        Side side,
        Set<Outcome> allowed,
        Set<Integer> neededFeatures,
        String failsUnderDeviation,
        Set<Outcome> inconclusive) {

    public CaseInfo {
        requirements = List.copyOf(requirements);
        allowed = Set.copyOf(allowed);
        neededFeatures = Set.copyOf(neededFeatures);
        inconclusive = inconclusive == null ? Set.of() : Set.copyOf(inconclusive);
    }

    /** A case whose every outcome is judgeable. */
    public CaseInfo(String id, String title, List<String> requirements, Level level, Side side, Set<Outcome> allowed,
            Set<Integer> neededFeatures, String failsUnderDeviation) {
        this(id, title, requirements, level, side, allowed, neededFeatures, failsUnderDeviation, Set.of());
    }

    /** The BOLT number of the id's first segment, e.g. {@code bolt08}. */
    public String bolt() {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    /** The section part of the id, e.g. {@code bolt01/ping}. */
    public String section() {
        int last = id.lastIndexOf('/');
        return last < 0 ? id : id.substring(0, last);
    }
}
