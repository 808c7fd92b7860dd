package org.lnconform.harness.run;

import java.util.EnumSet;
import java.util.Set;
import org.lnconform.harness.model.Outcome;

/**
 * The sentences a case's data implies: what the node is expected to do, as a Lightning developer
 * would say it, and why the allowed outcomes are these (for the outcome table, harness/OUTCOMES.md).
 */
final class Expectations {

    private static final Set<Outcome> CLOSE = EnumSet.of(Outcome.CLOSED, Outcome.ERROR_THEN_CLOSED);
    private static final Set<Outcome> KEEP = EnumSet.of(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP);
    private static final Set<Outcome> EITHER = EnumSet.of(Outcome.CLOSED, Outcome.ERROR_THEN_CLOSED,
            Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP);
    private static final Set<Outcome> IGNORE_OR_CLOSE = EnumSet.of(Outcome.CLOSED, Outcome.ERROR_THEN_CLOSED,
            Outcome.STAYED_UP);

    private Expectations() {}

    static String expected(String title, Set<Outcome> allowed, Set<Outcome> inconclusive) {
        String e;
        if (allowed.equals(EnumSet.of(Outcome.STAYED_UP))) {
            e = "The node ignores it: no pong to it, no warning, no error, no close, and it still answers our ping.";
        } else if (allowed.equals(EnumSet.of(Outcome.CLOSED))) {
            e = "The node closes the connection without sending anything more.";
        } else if (allowed.equals(CLOSE)) {
            e = "The node closes the connection (an error or warning before the close is fine).";
        } else if (allowed.equals(KEEP)) {
            e = "The node keeps the connection and still answers our ping (a warning is fine).";
        } else if (allowed.equals(EITHER)) {
            e = "The node either closes the connection or keeps it and answers our ping; it never leaves the"
                    + " connection open and unanswered.";
        } else if (allowed.equals(IGNORE_OR_CLOSE)) {
            e = "The node either ignores the extension and answers the ping, or closes the connection.";
        } else {
            e = title.endsWith(".") ? title : title + ".";
        }
        if (!inconclusive.isEmpty()) {
            e += " If it keeps the connection instead, the verdict is INFO: a node may ignore a message's extension"
                    + " altogether (B1-MSG-14), unless the same node shows on another connection that it reads it.";
        }
        return e;
    }

    static String why(Set<Outcome> allowed, Set<Outcome> inconclusive) {
        if (allowed.equals(EnumSet.of(Outcome.STAYED_UP))) {
            return "MUST ignore: any reaction (a pong to it, a warning, an error, a close) fails";
        }
        if (allowed.equals(EnumSet.of(Outcome.CLOSED))) {
            return "a rejected act ends the handshake: anything sent after it, or a connection left open, fails";
        }
        if (allowed.equals(CLOSE)) {
            return "MUST close (fail the connection); an error or warning first is allowed"
                    + (inconclusive.isEmpty() ? "" : "; staying up is INFO for a node that may ignore the extension"
                    + " (B1-MSG-14), FAIL once the same node reacts to init TLVs elsewhere");
        }
        if (allowed.equals(KEEP)) {
            return "valid input: the node must keep the connection; nothing forbids a warning";
        }
        if (allowed.equals(EITHER)) {
            return "the spec lets the node close or carry on; the LNC requirement catches a zombie";
        }
        if (allowed.equals(IGNORE_OR_CLOSE)) {
            return "MAY ignore the extension (B1-MSG-14), else MUST close (B1-MSG-15); a warning while staying up"
                    + " shows the node read the invalid extension and did not close";
        }
        if (allowed.equals(EnumSet.of(Outcome.CONFORMS))) {
            return "the case checks what the node sent or did against the rule; anything else is a violation";
        }
        return "see the case";
    }
}
