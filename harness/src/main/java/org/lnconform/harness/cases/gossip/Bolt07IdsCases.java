package org.lnconform.harness.cases.gossip;

import java.util.List;
import java.util.function.Function;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.oracle.Collected;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.gossip.EncodedArray;
import org.lnconform.wire.gossip.EncodedShortIds;
import org.lnconform.wire.gossip.EncodingType;
import org.lnconform.wire.gossip.QueryFlags;
import org.lnconform.wire.gossip.QueryTlvs;
import org.lnconform.wire.message.QueryShortChannelIds;
import org.lnconform.wire.message.ReplyShortChannelIdsEnd;
import org.lnconform.wire.tlv.TlvStream;

/**
 * query_short_channel_ids as its receiver must answer it (07-routing-gossip.md, The
 * query_short_channel_ids/reply_short_channel_ids_end Messages): ids no node knows get only the
 * closing reply_short_channel_ids_end, with full_information 0 for a chain the node does not
 * follow; a query it cannot read may get a warning or a close, never a zombie.
 */
public final class Bolt07IdsCases {

    private Bolt07IdsCases() {}

    /** Ids no chain has yet: block 16777200 and up (3-byte block heights end at 16777215). */
    static final List<ShortChannelId> UNKNOWN_IDS = List.of(new ShortChannelId(16_777_200, 0, 0),
            new ShortChannelId(16_777_200, 1, 0), new ShortChannelId(16_777_201, 0, 1));

    /** A case's query, from the node's chain. */
    private record Query(String summary, Function<Bytes, QueryShortChannelIds> make, boolean ownChain, boolean offerEx) {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt07/query/ids/unknown-ids")
                        .title("query_short_channel_ids for ids the node cannot know ends with reply_short_channel_ids_end")
                        .requires("B7-QSCID-16")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> ended(ctx, plain(true), 1)),
                CaseBuilder.of("bolt07/query/ids/foreign-chain")
                        .title("query_short_channel_ids on a chain the node does not follow ends with full_information 0")
                        .requires("B7-QSCID-16", "B7-QSCID-17")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> ended(ctx, plain(false), 1)),
                CaseBuilder.of("bolt07/query/ids/pipelined")
                        .title("Two query_short_channel_ids back to back: both ended, or a warning, or a close")
                        .requires("B7-QSCID-10", "B7-QSCID-16")
                        .must().allow(Outcome.CONFORMS, Outcome.CLOSED, Outcome.ERROR_THEN_CLOSED, Outcome.WARNED_STAYED_UP)
                        .because("B7-QSCID-10 lets the node warn or close on a query sent before the last was ended;"
                                + " otherwise both end with reply_short_channel_ids_end (B7-QSCID-16)")
                        .body(ctx -> ended(ctx, plain(true), 2)),
                CaseBuilder.of("bolt07/query/ids/flags-without-gossip-queries-ex")
                        .title("query_short_channel_ids with valid query_flags, gossip_queries_ex not offered by us: still ended")
                        .requires("B7-QSCID-16", "B1-TLV-16")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> ended(ctx, new Query("three unknown ids with query_flags 1, 2, 4",
                                c -> QueryShortChannelIds.of(c, UNKNOWN_IDS)
                                        .withQueryFlags(QueryFlags.uncompressed(List.of(1L, 2L, 4L))), true, false), 1)),
                malformed("unknown-encoding", "encoded_short_ids in encoding 2, which BOLT 7 does not define",
                        raw(EncodedArray.encode(EncodingType.UNCOMPRESSED, ids()).toByteArray(), 2), "B7-QSCID-08"),
                malformed("deprecated-zlib", "encoded_short_ids in the retired zlib encoding (1)",
                        c -> new QueryShortChannelIds(c, new EncodedShortIds(EncodingType.ZLIB, UNKNOWN_IDS).encode(),
                                TlvStream.empty()), "B7-QSCID-08"),
                malformed("partial-id", "encoded_short_ids of one id and 3 more bytes",
                        c -> new QueryShortChannelIds(c, EncodedShortIds.uncompressed(UNKNOWN_IDS.subList(0, 1)).encode()
                                .concat(Bytes.fromHex("010203")), TlvStream.empty()), "B7-QSCID-09"),
                malformed("flags-unknown-encoding", "query_flags in encoding 2",
                        c -> new QueryShortChannelIds(c, EncodedShortIds.uncompressed(UNKNOWN_IDS).encode(),
                                TlvStream.empty().with(QueryTlvs.QUERY_FLAGS, Bytes.fromHex("02010101"))), "B7-QSCID-11"),
                malformed("flags-count-mismatch", "three ids with two query flags",
                        c -> QueryShortChannelIds.of(c, UNKNOWN_IDS)
                                .withQueryFlags(QueryFlags.uncompressed(List.of(1L, 1L))), "B7-QSCID-12"));
    }

    private static Query plain(boolean ownChain) {
        return new Query(ownChain ? "three unknown ids on the node's chain" : "three ids on a chain no node follows",
                c -> QueryShortChannelIds.of(c, UNKNOWN_IDS), ownChain, false);
    }

    private static Bytes ids() {
        return EncodedShortIds.uncompressed(UNKNOWN_IDS).encode().slice(1, 1 + 8 * UNKNOWN_IDS.size());
    }

    /** A query whose encoded_short_ids is {@code encoded} with its first byte replaced by {@code encoding}. */
    private static Function<Bytes, QueryShortChannelIds> raw(byte[] encoded, int encoding) {
        byte[] b = encoded.clone();
        b[0] = (byte) encoding;
        return c -> new QueryShortChannelIds(c, Bytes.of(b), TlvStream.empty());
    }

    private static ConformanceCase malformed(String name, String what, Function<Bytes, QueryShortChannelIds> make,
            String requirement) {
        return CaseBuilder.of("bolt07/query/ids/" + name)
                .title("query_short_channel_ids with " + what + ": a warning, a close or an answer, never a zombie")
                .requires(requirement)
                .may().allow(Outcome.CONFORMS, Outcome.CLOSED, Outcome.ERROR_THEN_CLOSED, Outcome.WARNED_STAYED_UP)
                .because("BOLT 7 lets the receiver warn or close on a query it cannot read; an answer passes too;"
                        + " silence or a zombie is INFO at this MAY level")
                .expected("a warning, a close, or reply_short_channel_ids_end; staying up without any of them is"
                        + " not judged beyond INFO, since BOLT 7 only permits here")
                .body(ctx -> ended(ctx, new Query(what, make, true, false), 1));
    }

    /** Sends the query {@code copies} times and waits for as many reply_short_channel_ids_end. */
    private static Evidence ended(CaseContext ctx, Query query, int copies) throws Exception {
        GossipProbe.Ready r = GossipProbe.connect(ctx, query.offerEx());
        QueryShortChannelIds q = query.make().apply(query.ownChain() ? r.requireChain() : GossipProbe.FOREIGN_CHAIN);
        for (int i = 0; i < copies; i++) {
            r.session().send(q);
        }
        Collected c = ctx.oracle().collect(r.session(), ctx.bounds().reply(),
                x -> x.of(ReplyShortChannelIdsEnd.class).size() >= copies, copies + " reply_short_channel_ids_end");
        List<ReplyShortChannelIdsEnd> ends = c.of(ReplyShortChannelIdsEnd.class);
        if (!c.done()) {
            Evidence e = GossipProbe.without(ctx, r.session(), c, copies + " reply_short_channel_ids_end");
            if (e.outcome() == Outcome.STAYED_UP && !ends.isEmpty()) {
                return Evidence.violates("only " + ends.size() + " of " + copies + " queries ended with"
                        + " reply_short_channel_ids_end, with no warning, and the node answers pings (B7-QSCID-16)");
            }
            return e;
        }
        StringBuilder seen = new StringBuilder();
        for (ReplyShortChannelIdsEnd end : ends) {
            seen.append(seen.length() == 0 ? "" : "; ").append("reply_short_channel_ids_end full_information ")
                    .append(end.fullInformation()).append(end.chainHash().equals(q.chainHash()) ? " for the queried chain"
                            : " naming chain " + end.chainHash().hex());
        }
        if (!query.ownChain() && ends.stream().anyMatch(e -> e.fullInformation() != 0)) {
            return Evidence.violates(seen + ": full_information must be 0 for a chain the node does not follow"
                    + " (B7-QSCID-17)");
        }
        return Evidence.conforms(seen + (c.warned() ? " (after " + c.warning() + ")" : ""));
    }
}
