package org.lnconform.harness.cases.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.gossip.EncodedArray;
import org.lnconform.wire.gossip.EncodedShortIds;
import org.lnconform.wire.gossip.EncodingType;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.ReplyChannelRange;
import org.lnconform.wire.tlv.TlvStream;

/** The reply_channel_range judge on hand-made sequences: each rule broken alone is named by its id. */
class RangeRepliesTest {

    private static final Bytes CHAIN = Bytes.fromHex("06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f");
    private static final QueryChannelRange Q = new QueryChannelRange(CHAIN, 100, 1000);

    private static ReplyChannelRange reply(long first, long number, int complete) {
        return ReplyChannelRange.of(CHAIN, first, number, complete == 1, List.of());
    }

    @Test
    void oneCoveringFinalReplyConforms() {
        assertThat(RangeReplies.problems(Q, List.of(reply(100, 1000, 1)))).isEmpty();
        // canned wider ranges are allowed: start before, end after
        assertThat(RangeReplies.problems(Q, List.of(reply(0, 500, 0), reply(500, 5000, 1)))).isEmpty();
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThat(RangeReplies.problems(Q, List.of())).singleElement().asString().contains("B7-QCR-07");
        assertThat(RangeReplies.problems(Q, List.of(reply(101, 1000, 1)))).singleElement().asString().contains("B7-QCR-11");
        assertThat(RangeReplies.problems(Q, List.of(reply(0, 100, 0), reply(100, 1000, 1))))
                .singleElement().asString().contains("B7-QCR-12");
        assertThat(RangeReplies.problems(Q, List.of(reply(100, 500, 0), reply(50, 1050, 1))))
                .singleElement().asString().contains("B7-QCR-13");
        assertThat(RangeReplies.problems(Q, List.of(reply(100, 500, 1), reply(600, 500, 1))))
                .singleElement().asString().contains("B7-QCR-14");
        assertThat(RangeReplies.problems(Q, List.of(reply(100, 999, 1)))).singleElement().asString().contains("B7-QCR-15");
        assertThat(RangeReplies.problems(Q, List.of(reply(100, 1000, 0)))).singleElement().asString().contains("B7-QCR-16");
        ReplyChannelRange otherChain = ReplyChannelRange.of(Bytes.zeros(32), 100, 1000, true, List.of());
        assertThat(RangeReplies.problems(Q, List.of(otherChain))).singleElement().asString().contains("B7-QCR-08");
    }

    @Test
    void endsAreComputedWithoutWrapping() {
        QueryChannelRange past = new QueryChannelRange(CHAIN, 0xffff_ff00L, 0x1000);
        assertThat(RangeReplies.problems(past, List.of(reply(0xffff_ff00L, 0x1000, 1)))).isEmpty();
        assertThat(RangeReplies.problems(past, List.of(reply(0xffff_ff00L, 0xff, 1))))
                .singleElement().asString().contains("B7-QCR-15");
    }

    @Test
    void encodingsAreChecked() {
        Bytes zlib = EncodedArray.encode(EncodingType.ZLIB, Bytes.empty());
        ReplyChannelRange compressed = new ReplyChannelRange(CHAIN, 100, 1000, 1, zlib, TlvStream.empty());
        assertThat(RangeReplies.problems(Q, List.of(compressed))).singleElement().asString().contains("B7-QRY-01");
        Bytes descending = new EncodedShortIds(EncodingType.UNCOMPRESSED,
                List.of(new ShortChannelId(200, 0, 0), new ShortChannelId(150, 0, 0))).encode();
        ReplyChannelRange unordered = new ReplyChannelRange(CHAIN, 100, 1000, 1, descending, TlvStream.empty());
        assertThat(RangeReplies.problems(Q, List.of(unordered))).singleElement().asString().contains("B7-QRY-02");
    }
}
