package org.lnconform.harness.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lnconform.harness.cases.gossip.Bolt07QueryCases;
import org.lnconform.harness.run.ConformanceCase;

/**
 * Every case, in report order: BOLT 8, then BOLT 1 and BOLT 9's init rules, messages, what the node
 * sends unasked (with BOLT 7's gossip rules), errors, peer storage, then the initiator side.
 */
public final class Catalogue {

    private static final List<ConformanceCase> ALL = build();

    private Catalogue() {}

    public static List<ConformanceCase> all() {
        return ALL;
    }

    private static List<ConformanceCase> build() {
        List<ConformanceCase> all = new ArrayList<>();
        all.addAll(Bolt08ResponderCases.all());
        all.addAll(Bolt08ProtocolCases.all());
        all.addAll(Bolt08TransportCases.all());
        all.addAll(ConnectionCases.all());
        all.addAll(PingCases.all());
        all.addAll(InitSentCases.all());
        all.addAll(InitFramingCases.all());
        all.addAll(InitReceivedCases.all());
        all.addAll(KnownFeatureCases.all());
        all.addAll(InitTlvCases.all());
        all.addAll(MessageCases.all());
        all.addAll(NodeBehaviourCases.all());
        all.addAll(Bolt07QueryCases.all());
        all.addAll(ErrorWarningCases.all());
        all.addAll(ChannelMessageCases.all());
        all.addAll(org.lnconform.harness.cases.bolt02.FunderFlowCases.all());
        all.addAll(org.lnconform.harness.cases.bolt02.OpenChannelRejectCases.all());
        all.addAll(org.lnconform.harness.cases.bolt02.OpenChannelReceiverCases.all());
        all.addAll(org.lnconform.harness.cases.bolt02.AcceptChannelCases.all());
        all.addAll(org.lnconform.harness.cases.bolt02.FundingCreatedCases.all());
        all.addAll(StorageCases.all());
        all.addAll(InitiatorCases.all());
        Set<String> ids = new HashSet<>();
        for (ConformanceCase c : all) {
            if (!ids.add(c.info().id())) {
                throw new IllegalStateException("duplicate case id " + c.info().id());
            }
        }
        return List.copyOf(all);
    }
}
