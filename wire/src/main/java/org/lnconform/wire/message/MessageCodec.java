package org.lnconform.wire.message;

import java.util.Objects;
import java.util.function.BiConsumer;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvNamespace;

/** Reads and writes one message type's payload (everything after the 2-byte type). */
public interface MessageCodec<M extends LightningMessage> {

    /** The row of {@link MessageType} this codec decodes. */
    MessageType messageType();

    default int type() {
        return messageType().number();
    }

    /** Spec name, e.g. {@code init}. */
    default String name() {
        return messageType().specName();
    }

    Class<M> messageClass();

    /** The known TLV types of this message's extension stream. */
    TlvNamespace extensions();

    /** Decodes the fields and the extension stream; the reader starts after the type. */
    M decode(WireReader payload) throws WireException;

    void encode(M message, WireWriter out);

    /** How a payload is decoded; may throw {@link WireException}. */
    @FunctionalInterface
    interface PayloadReader<M> {
        M read(WireReader payload) throws WireException;
    }

    static <M extends LightningMessage> MessageCodec<M> of(MessageType type, Class<M> messageClass,
            TlvNamespace extensions, PayloadReader<M> reader, BiConsumer<M, WireWriter> writer) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(messageClass, "messageClass");
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(writer, "writer");
        return new MessageCodec<>() {
            @Override
            public MessageType messageType() {
                return type;
            }

            @Override
            public Class<M> messageClass() {
                return messageClass;
            }

            @Override
            public TlvNamespace extensions() {
                return extensions;
            }

            @Override
            public M decode(WireReader payload) throws WireException {
                return reader.read(payload);
            }

            @Override
            public void encode(M message, WireWriter out) {
                writer.accept(message, out);
            }

            @Override
            public String toString() {
                return type.specName() + "(" + type.number() + ")";
            }
        };
    }
}
