package org.lnconform.wire.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.gossip.EncodedShortIds;
import org.lnconform.wire.gossip.QueryFlags;
import org.lnconform.wire.gossip.QueryTlvs;
import org.lnconform.wire.tlv.TlvStream;

/**
 * {@code query_short_channel_ids} (type 261), BOLT 7: asks for the announcements and updates of
 * the channels named. {@code encodedShortIds} keeps its exact bytes, since a receiver may meet an
 * unknown encoding or a partial id and must be able to judge it; {@link #shortChannelIds()} reads them.
 */
public record QueryShortChannelIds(Bytes chainHash, Bytes encodedShortIds, TlvStream tlvs)
        implements LightningMessage, Extensible {

    public static final int TYPE = 261;

    public static final MessageCodec<QueryShortChannelIds> CODEC = MessageCodec.of(
            MessageType.QUERY_SHORT_CHANNEL_IDS, QueryShortChannelIds.class, QueryTlvs.QUERY_SHORT_CHANNEL_IDS,
            QueryShortChannelIds::decode, QueryShortChannelIds::encode);

    public QueryShortChannelIds {
        QueryFieldChecks.checkChainHash(chainHash);
        Objects.requireNonNull(encodedShortIds, "encodedShortIds");
        Objects.requireNonNull(tlvs, "tlvs");
        Messages.checkU16Length("encoded_short_ids", encodedShortIds);
    }

    /** Uncompressed ids, no query_flags. */
    public static QueryShortChannelIds of(Bytes chainHash, List<ShortChannelId> ids) {
        return new QueryShortChannelIds(chainHash, EncodedShortIds.uncompressed(ids).encode(), TlvStream.empty());
    }

    @Override
    public int type() {
        return TYPE;
    }

    public EncodedShortIds shortChannelIds() throws WireException {
        return EncodedShortIds.decode(encodedShortIds, "query_short_channel_ids.encoded_short_ids");
    }

    /** TLV 1, raw: encoding_type and encoded_query_flags. */
    public Optional<Bytes> queryFlagsValue() {
        return tlvs.value(QueryTlvs.QUERY_FLAGS.type());
    }

    public Optional<QueryFlags> queryFlags() throws WireException {
        Optional<Bytes> raw = queryFlagsValue();
        return raw.isEmpty() ? Optional.empty()
                : Optional.of(QueryFlags.decode(raw.get(), "query_short_channel_ids_tlvs.query_flags"));
    }

    public QueryShortChannelIds withQueryFlags(QueryFlags flags) {
        return new QueryShortChannelIds(chainHash, encodedShortIds, tlvs.with(QueryTlvs.QUERY_FLAGS, flags.encode()));
    }

    private static QueryShortChannelIds decode(WireReader in) throws WireException {
        Bytes chain = in.chainHash("query_short_channel_ids.chain_hash");
        int len = in.u16("query_short_channel_ids.len");
        Bytes ids = in.bytes(len, "query_short_channel_ids.encoded_short_ids");
        return new QueryShortChannelIds(chain, ids, TlvStream.decode(in, QueryTlvs.QUERY_SHORT_CHANNEL_IDS));
    }

    private static void encode(QueryShortChannelIds m, WireWriter out) {
        out.chainHash(m.chainHash).u16(m.encodedShortIds.size()).bytes(m.encodedShortIds);
        m.tlvs.encode(out);
    }
}
