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
 * The one place that maps message types to codecs. A type with no codec here is "unknown" in
 * BOLT 1's sense and decodes to {@link UnknownMessage}.
 */
public final class MessageRegistry {

    private static final MessageRegistry STANDARD = of(List.of(
            Warning.CODEC, PeerStorage.CODEC, PeerStorageRetrieval.CODEC,
            Init.CODEC, ErrorMessage.CODEC, Ping.CODEC, Pong.CODEC,
            QueryShortChannelIds.CODEC, ReplyShortChannelIdsEnd.CODEC, QueryChannelRange.CODEC, ReplyChannelRange.CODEC, GossipTimestampFilter.CODEC));

    private final Map<Integer, MessageCodec<?>> byType;
    private final Map<Class<?>, MessageCodec<?>> byClass;

    private MessageRegistry(Map<Integer, MessageCodec<?>> byType, Map<Class<?>, MessageCodec<?>> byClass) {
        this.byType = byType;
        this.byClass = byClass;
    }

    /** Every BOLT 1 message: warning, peer_storage, peer_storage_retrieval, init, error, ping, pong. */
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

    /** Spec name of a type, or {@code unknown_<type>}. */
    public String nameOf(int type) {
        MessageCodec<?> c = byType.get(type);
        return c != null ? c.name() : "unknown_" + type;
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
