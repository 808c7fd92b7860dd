package org.lnconform.harness.cases.gossip;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.wire.WireException;
import org.lnconform.wire.gossip.ChannelUpdateTimestamps;
import org.lnconform.wire.gossip.EncodedShortIds;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.ReplyChannelRange;

/**
 * Judges the reply_channel_range messages a node sent for one query_channel_range against the
 * receiver rules of BOLT 7 (07-routing-gossip.md, The query_channel_range and reply_channel_range
 * Messages, B7-QCR-07..18) and the encoding rules (Query Messages, B7-QRY-01/02). Block sums are
 * computed in 64 bits, so a range running past 2^32 is judged as the spec means it.
 */
public final class RangeReplies {

    private RangeReplies() {}

    /** Every broken rule, each naming its requirement id; empty if the replies conform. */
    public static List<String> problems(QueryChannelRange q, List<ReplyChannelRange> replies) {
        List<String> out = new ArrayList<>();
        if (replies.isEmpty()) {
            out.add("no reply_channel_range (B7-QCR-07)");
            return out;
        }
        for (int i = 0; i < replies.size(); i++) {
            ReplyChannelRange r = replies.get(i);
            String which = "reply " + (i + 1) + " " + describe(r);
            if (!r.chainHash().equals(q.chainHash())) {
                out.add(which + " names chain " + r.chainHash().hex() + ", not the queried one (B7-QCR-08)");
            }
            if (i > 0 && r.firstBlocknum() < replies.get(i - 1).firstBlocknum()) {
                out.add(which + " starts before the reply ahead of it (B7-QCR-13)");
            }
            if (i < replies.size() - 1 && r.syncComplete() != 0) {
                out.add(which + " sets sync_complete but is not the final reply (B7-QCR-14)");
            }
            out.addAll(encodings(which, r));
        }
        ReplyChannelRange first = replies.get(0);
        if (first.firstBlocknum() > q.firstBlocknum()) {
            out.add("the first reply starts at block " + first.firstBlocknum() + ", after the queried "
                    + q.firstBlocknum() + " (B7-QCR-11)");
        }
        if (first.endBlock() <= q.firstBlocknum()) {
            out.add("the first reply ends at block " + first.endBlock() + ", not after the queried first block "
                    + q.firstBlocknum() + " (B7-QCR-12)");
        }
        ReplyChannelRange last = replies.get(replies.size() - 1);
        if (last.syncComplete() == 0) {
            out.add("no reply with sync_complete set arrived; the last was " + describe(last) + " (B7-QCR-16)");
        } else if (last.syncComplete() != 1) {
            out.add("the final reply sets sync_complete to " + last.syncComplete() + ", not true (1) (B7-QCR-16)");
        }
        if (last.endBlock() < q.endBlock()) {
            out.add("the final reply ends at block " + last.endBlock() + ", short of the queried end "
                    + q.endBlock() + " (B7-QCR-15)");
        }
        return out;
    }

    /** The ids and the optional timestamps and checksums of one reply. */
    private static List<String> encodings(String which, ReplyChannelRange r) {
        List<String> out = new ArrayList<>();
        EncodedShortIds ids;
        try {
            ids = r.shortChannelIds();
        } catch (WireException e) {
            out.add(which + ": encoded_short_ids is not an array of a defined encoding: " + e.detail()
                    + " (B7-QRY-01/02)");
            return out;
        }
        if (ids.encoding().deprecated()) {
            out.add(which + " encodes its short_channel_ids with zlib (encoding 1) (B7-QRY-01)");
        }
        if (!ids.ascending()) {
            out.add(which + " lists short_channel_ids out of ascending order (B7-QRY-02)");
        }
        try {
            var ts = r.timestamps();
            if (ts.isPresent()) {
                ChannelUpdateTimestamps.Encoded t = ts.get();
                if (t.encoding().deprecated()) {
                    out.add(which + " encodes its timestamps with zlib (encoding 1) (B7-QRY-01)");
                }
                if (t.timestamps().size() != ids.ids().size()) {
                    out.add(which + " has " + t.timestamps().size() + " timestamp pairs for " + ids.ids().size()
                            + " ids (B7-QCR-17)");
                }
            }
        } catch (WireException e) {
            out.add(which + ": timestamps_tlv unreadable: " + e.detail() + " (B7-QCR-17)");
        }
        try {
            var cs = r.checksums();
            if (cs.isPresent() && cs.get().size() != ids.ids().size()) {
                out.add(which + " has " + cs.get().size() + " checksum pairs for " + ids.ids().size() + " ids (B7-QCR-18)");
            }
        } catch (WireException e) {
            out.add(which + ": checksums_tlv unreadable: " + e.detail() + " (B7-QCR-18)");
        }
        return out;
    }

    static String describe(ReplyChannelRange r) {
        return "(first_blocknum " + r.firstBlocknum() + ", number_of_blocks " + r.numberOfBlocks()
                + ", sync_complete " + r.syncComplete() + ", " + Math.max(0, r.encodedShortIds().size() - 1)
                + " bytes of ids)";
    }
}
