package org.lnconform.peer;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.peer.DisconnectReason.Kind;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.gossip.EncodedArray;
import org.lnconform.wire.gossip.EncodedShortIds;
import org.lnconform.wire.gossip.EncodingType;
import org.lnconform.wire.message.GossipTimestampFilter;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.QueryShortChannelIds;
import org.lnconform.wire.message.ReplyChannelRange;
import org.lnconform.wire.message.ReplyShortChannelIdsEnd;
import org.lnconform.wire.tlv.TlvStream;

/**
 * The reference node's BOLT 7 deviation switches as a {@link GossipTamper}: each override breaks
 * the one rule its deviation names and otherwise answers as the spec does.
 */
final class GossipDeviations implements GossipTamper {

    private final PeerConfig config;

    private GossipDeviations(PeerConfig config) {
        this.config = config;
    }

    /** {@link GossipTamper#NONE} unless a deviation is on. */
    static GossipTamper of(PeerConfig config) {
        return config.deviations().isEmpty() ? GossipTamper.NONE : new GossipDeviations(config);
    }

    private boolean on(Deviation d) {
        return config.deviates(d);
    }

    @Override
    public Reaction onQuery(LightningMessage query, boolean repeated) {
        if (repeated && on(Deviation.ANSWER_FIRST_QUERY_ONLY)) {
            return Reaction.IGNORE;
        }
        if (query instanceof QueryChannelRange q && q.numberOfBlocks() == 0 && on(Deviation.ZOMBIE_ON_EMPTY_RANGE_QUERY)) {
            return Reaction.ZOMBIE;
        }
        if (query instanceof QueryShortChannelIds q) {
            if (q.queryFlagsValue().isPresent() && on(Deviation.CLOSE_ON_QUERY_FLAGS)) {
                return new Reaction.Close(Kind.MALFORMED_MESSAGE, "query_short_channel_ids with query_flags (deviation)");
            }
            if (on(Deviation.IGNORE_SHORT_CHANNEL_IDS_QUERY)) {
                return Reaction.IGNORE;
            }
        }
        return Reaction.PROCEED;
    }

    @Override
    public Reaction onUnreadableQuery(QueryShortChannelIds query, Reaction.Reply conforming) {
        return on(Deviation.ZOMBIE_ON_MALFORMED_QUERY) ? Reaction.ZOMBIE : conforming;
    }

    @Override
    public List<ReplyChannelRange> rangeReplies(QueryChannelRange q, List<ReplyChannelRange> conforming) {
        List<ReplyChannelRange> out = new ArrayList<>();
        for (ReplyChannelRange r : conforming) {
            Bytes chain = on(Deviation.RANGE_REPLY_OWN_CHAIN) ? GossipQueries.ownChain(config) : r.chainHash();
            long first = on(Deviation.RANGE_REPLY_START_AFTER) ? Math.min(r.firstBlocknum() + 1, 0xffff_ffffL)
                    : r.firstBlocknum();
            long number = on(Deviation.RANGE_REPLY_WRAPS)
                    ? Math.min(r.numberOfBlocks(), 0xffff_ffffL - first) // the end computed in 32 bits
                    : r.numberOfBlocks();
            int complete = on(Deviation.RANGE_REPLY_NO_SYNC_COMPLETE) ? 0 : r.syncComplete();
            Bytes ids = on(Deviation.RANGE_REPLY_ZLIB) ? zlib(r.encodedShortIds()) : r.encodedShortIds();
            if (on(Deviation.RANGE_REPLY_OUT_OF_ORDER) && number > 1) {
                long half = number / 2; // the later half first
                out.add(new ReplyChannelRange(chain, first + half, number - half, 0, ids, r.tlvs()));
                out.add(new ReplyChannelRange(chain, first, half, complete, ids, r.tlvs()));
            } else {
                out.add(new ReplyChannelRange(chain, first, number, complete, ids, r.tlvs()));
            }
        }
        return out;
    }

    @Override
    public ReplyShortChannelIdsEnd idsEnd(QueryShortChannelIds q, ReplyShortChannelIdsEnd conforming) {
        return on(Deviation.FULL_INFORMATION_ON_FOREIGN_CHAIN)
                ? new ReplyShortChannelIdsEnd(conforming.chainHash(), 1) : conforming;
    }

    @Override
    public List<LightningMessage> onFilter(GossipTimestampFilter filter) {
        return on(Deviation.RELAY_DESPITE_FILTER) ? List.of(RelayedGossip.nodeAnnouncement()) : List.of();
    }

    @Override
    public List<LightningMessage> afterInit(List<LightningMessage> conforming) {
        List<LightningMessage> out = new ArrayList<>();
        if (on(Deviation.RELAY_BEFORE_FILTER)) {
            out.add(RelayedGossip.nodeAnnouncement());
        }
        for (LightningMessage m : conforming) {
            if (m instanceof QueryChannelRange q) {
                QueryChannelRange sent = on(Deviation.QUERY_ZERO_BLOCKS)
                        ? new QueryChannelRange(q.chainHash(), q.firstBlocknum(), 0, q.tlvs()) : q;
                out.add(sent);
                if (on(Deviation.REPEAT_QUERY_CHANNEL_RANGE)) {
                    out.add(sent); // a second query before the replies (B7-QCR-01)
                }
            } else if (m instanceof GossipTimestampFilter f && on(Deviation.FILTER_WRONG_CHAIN)) {
                Bytes other = f.chainHash().equals(PeerConfig.BITCOIN_MAINNET) ? PeerConfig.BITCOIN_REGTEST
                        : PeerConfig.BITCOIN_MAINNET;
                out.add(new GossipTimestampFilter(other, f.firstTimestamp(), f.timestampRange(), f.tlvs()));
            } else {
                out.add(m);
            }
        }
        return out;
    }

    @Override
    public List<LightningMessage> idsQueries(List<QueryShortChannelIds> conforming) {
        List<LightningMessage> out = new ArrayList<>();
        for (QueryShortChannelIds q : conforming) {
            EncodedShortIds ids;
            try {
                ids = q.shortChannelIds();
            } catch (WireException e) {
                throw new IllegalStateException("our own query does not decode", e);
            }
            EncodingType encoding = on(Deviation.QUERY_IDS_ZLIB) ? EncodingType.ZLIB : ids.encoding();
            if (on(Deviation.REPEAT_QUERY_SHORT_CHANNEL_IDS) && ids.ids().size() > 1) {
                int half = ids.ids().size() / 2; // two queries back to back (B7-QSCID-01)
                out.add(query(q, new EncodedShortIds(encoding, ids.ids().subList(0, half))));
                out.add(query(q, new EncodedShortIds(encoding, ids.ids().subList(half, ids.ids().size()))));
            } else {
                out.add(query(q, new EncodedShortIds(encoding, ids.ids())));
            }
        }
        return out;
    }

    private static QueryShortChannelIds query(QueryShortChannelIds q, EncodedShortIds ids) {
        return new QueryShortChannelIds(q.chainHash(), ids.encode(), TlvStream.empty());
    }

    private static Bytes zlib(Bytes encoded) {
        try {
            return EncodedArray.encode(EncodingType.ZLIB, EncodedArray.decode(encoded, "encoded_short_ids").array());
        } catch (WireException e) {
            throw new IllegalStateException("our own reply does not decode", e);
        }
    }
}
