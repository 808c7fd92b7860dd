package org.lnconform.wire.message;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireLimits;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;

/**
 * The one place that says which message types the suite decodes, and what every type is called.
 * Names, numbers and BOLTs of all types (BOLT 1, 2 and 7, decoded or not) are the rows of
 * {@link MessageType}; the codecs of the decoded ones are listed in {@link #standard()}. A type
 * with no codec here is "unknown" in BOLT 1's sense and decodes to {@link UnknownMessage}.
 *
 * <p><b>Adding a message</b> (e.g. BOLT 2's {@code open_channel}):
 * <ol>
 *   <li>write its record in its own file, implementing {@link LightningMessage} (and
 *       {@link Extensible} if it ends in a TLV stream), with a {@code TYPE} constant equal to its
 *       {@link MessageType} row's number and a {@code CODEC} built by
 *       {@link MessageCodec#of(MessageType, Class, org.lnconform.wire.tlv.TlvNamespace,
 *       MessageCodec.PayloadReader, java.util.function.BiConsumer)};</li>
 *   <li>add the record to {@link LightningMessage}'s {@code permits} and its {@code CODEC} to the
 *       list below, under its BOLT;</li>
 *   <li>give it a random generator in wire's test {@code SampleMessages} and a sample in fuzz's
 *       {@code MessageSeeds.sample}, then regenerate the seed corpus as {@code SeedCorpusTest} says.</li>
 * </ol>
 * The {@link MessageType} row exists already for every BOLT 1, 2 and 7 message; add one only for
 * a type the spec newly assigns. Each step has a test that fails until it is done:
 * {@code RegisteredMessagesTest} (registered, generated, round-trips), {@code SeedCorpusTest}
 * (a seed, the committed corpus) and {@code MessageTypeTest} (the row matches the spec's csv).
 * Elsewhere, name a type through its row ({@code MessageType.OPEN_CHANNEL.number()}), never by a
 * literal: the peer and the harness's traces already take names and channel positions from it.
 */
public final class MessageRegistry {

    private static final MessageRegistry STANDARD = of(List.of(
            // BOLT 1
            Warning.CODEC, PeerStorage.CODEC, PeerStorageRetrieval.CODEC,
            Init.CODEC, ErrorMessage.CODEC, Ping.CODEC, Pong.CODEC,
            // BOLT 2: channel establishment, close, reestablish
            OpenChannel.CODEC, AcceptChannel.CODEC, FundingCreated.CODEC, FundingSigned.CODEC, ChannelReady.CODEC,
            Shutdown.CODEC, ClosingSigned.CODEC, ChannelReestablish.CODEC,
            // BOLT 7: gossip queries
            QueryShortChannelIds.CODEC, ReplyShortChannelIdsEnd.CODEC, QueryChannelRange.CODEC, ReplyChannelRange.CODEC,
            GossipTimestampFilter.CODEC));

    private final Map<Integer, MessageCodec<?>> byType;
    private final Map<Class<?>, MessageCodec<?>> byClass;

    private MessageRegistry(Map<Integer, MessageCodec<?>> byType, Map<Class<?>, MessageCodec<?>> byClass) {
        this.byType = byType;
        this.byClass = byClass;
    }

    /** The messages the suite decodes: every BOLT 1 message, BOLT 2's v1 establishment and close, BOLT 7's gossip queries. */
    public static MessageRegistry standard() {
        return STANDARD;
    }

    /** Fails if two codecs share a type or a record class. */
    public static MessageRegistry of(Collection<? extends MessageCodec<?>> codecs) {
        Map<Integer, MessageCodec<?>> byType = new TreeMap<>();
        Map<Class<?>, MessageCodec<?>> byClass = new HashMap<>();
        for (MessageCodec<?> c : codecs) {
            if (byType.put(c.type(), c) != null || byClass.put(c.messageClass(), c) != null) {
                throw new IllegalArgumentException("duplicate registration for " + c);
            }
        }
        return new MessageRegistry(Collections.unmodifiableMap(byType), Map.copyOf(byClass));
    }

    public Optional<MessageCodec<?>> codec(int type) {
        return Optional.ofNullable(byType.get(type));
    }

    public boolean isKnown(int type) {
        return byType.containsKey(type);
    }

    /** Registered codecs by increasing type. */
    public Collection<MessageCodec<?>> codecs() {
        return byType.values();
    }

    /** The {@link MessageType} row of a type number, decoded or not; empty if no covered BOLT assigns it. */
    public Optional<MessageType> type(int type) {
        return MessageType.of(type);
    }

    /** Spec name of a type (decoded or not), or {@code unknown_<type>}. */
    public String nameOf(int type) {
        return MessageType.of(type).map(MessageType::specName).orElse("unknown_" + type);
    }

    /**
     * Decodes a whole message: 2-byte type, then the payload and extension. Unknown types of
     * either parity come back as {@link UnknownMessage}; see {@link MessageRules}.
     */
    public LightningMessage decode(Bytes message) throws WireException {
        if (message.size() > WireLimits.MAX_MESSAGE_SIZE) {
            throw new WireException(DecodeError.MESSAGE_TOO_LONG, WireLimits.MAX_MESSAGE_SIZE, "message",
                    message.size() + " bytes is over the " + WireLimits.MAX_MESSAGE_SIZE + " limit");
        }
        WireReader in = new WireReader(message);
        int type = in.u16("message.type");
        MessageCodec<?> codec = byType.get(type);
        if (codec == null) {
            return new UnknownMessage(type, in.remainingBytes("message.payload"));
        }
        return codec.decode(in);
    }

    public LightningMessage decode(byte[] message) throws WireException {
        return decode(Bytes.of(message));
    }

    /**
     * Encodes type and payload. An {@link UnknownMessage} is written verbatim. Fails with
     * {@link IllegalArgumentException} if the result would exceed 65535 bytes.
     */
    public byte[] encode(LightningMessage message) {
        WireWriter out = new WireWriter().u16(message.type());
        if (message instanceof UnknownMessage raw) {
            out.bytes(raw.payload());
        } else {
            MessageCodec<?> codec = byClass.get(message.getClass());
            if (codec == null) {
                throw new IllegalArgumentException("no codec registered for " + message.getClass().getSimpleName());
            }
            encodeWith(codec, message, out);
        }
        if (out.size() > WireLimits.MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException(nameOf(message.type()) + " encodes to " + out.size()
                    + " bytes, over the " + WireLimits.MAX_MESSAGE_SIZE + " limit");
        }
        return out.toByteArray();
    }

    private static <M extends LightningMessage> void encodeWith(MessageCodec<M> codec, LightningMessage m, WireWriter out) {
        codec.encode(codec.messageClass().cast(m), out);
    }
}
