package org.lnconform.harness.cases;

import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.Init;

/**
 * Where init's fields end (01-messaging.md, The init Message; Type-Length-Value Format): the
 * node's feature fields are whole bytes, so its TLV stream starts and ends on a record boundary;
 * and a stream of ours that ends right after the features, or right after a record, is complete.
 */
public final class InitFramingCases {

    private InitFramingCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt01/init/sent/feature-fields-whole")
                        .title("The node's gflen and flen count the bytes that follow, so its init ends with a whole TLV record")
                        .requires("B1-INIT-01")
                        .must().allow(Outcome.CONFORMS)
                        .body(InitFramingCases::featureFieldsWhole),
                CaseBuilder.of("bolt01/init/tlv/no-tlv-stream")
                        .title("An init that ends right after its features (zero TLV bytes) is complete and accepted")
                        .requires("B1-TLV-08")
                        .must().allow(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> ctx.oracle().followUp(ctx.withInit( "init with no TLV stream after features",
                                (n, b) -> b.noTlvs().build()))),
                CaseBuilder.of("bolt01/init/tlv/ends-after-empty-record")
                        .title("An init whose TLV stream ends right after a zero-length record is complete and accepted")
                        .requires("B1-TLV-08")
                        .must().allow(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .body(ctx -> ctx.oracle().followUp(ctx.withInit(
                                "init whose last TLV record is an unassigned odd type with length 0",
                                (n, b) -> b.tlv(Unknowns.oddTlvType(), new byte[0]).build()))));
    }

    private static Evidence featureFieldsWhole(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.handshakeOk();
        Incoming in = s.read(ctx.bounds().init());
        if (!(in instanceof Incoming.Message m) || m.type() != Init.TYPE) {
            throw new CaseError("the node's first message was not init: " + CaseContext.describe(in));
        }
        NodeInitBytes init;
        try {
            init = NodeInitBytes.parse(m.plaintext());
        } catch (WireException e) {
            return Evidence.violates("gflen or flen announces more bytes than the " + m.plaintext().length
                    + "-byte init holds: " + e.getMessage());
        }
        if (init.streamProblem() != null) {
            return Evidence.violates("after " + init.globalFeatures().size() + " bytes of globalfeatures and "
                    + init.features().size() + " of features, the rest does not split into TLV records: "
                    + init.streamProblem() + " (records read: " + init.tlvs() + ")");
        }
        return Evidence.conforms("globalfeatures " + init.globalFeatures().size() + " byte(s), features "
                + init.features().size() + " byte(s), then " + init.tlvs().size() + " whole TLV record(s) to the end");
    }
}
