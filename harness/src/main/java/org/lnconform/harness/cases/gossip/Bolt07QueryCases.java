package org.lnconform.harness.cases.gossip;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.harness.run.ConformanceCase;

/** Every BOLT 7 gossip query case, in report order: ranges, ids, filters, then what the node sends. */
public final class Bolt07QueryCases {

    private Bolt07QueryCases() {}

    public static List<ConformanceCase> all() {
        List<ConformanceCase> all = new ArrayList<>();
        all.addAll(Bolt07RangeCases.all());
        all.addAll(Bolt07IdsCases.all());
        all.addAll(Bolt07FilterCases.all());
        all.addAll(Bolt07SentCases.all());
        return List.copyOf(all);
    }
}
