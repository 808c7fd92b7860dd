package org.lnconform.peer;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.MessageType;
import org.lnconform.wire.message.UnknownMessage;

/**
 * BOLT 2's channel messages of types 32-255, as a node that has and opens no channels treats them.
 * They are not "unknown" to a spec-following node: each names a channel, and BOLT 1 asks for an
 * error naming it back (B1-ERR-06), or naming the temporary_channel_id of a refused open (B1-ERR-02/04).
 */
final class ChannelMessages {

    private ChannelMessages() {}

    /**
     * A BOLT 2 message in the range BOLT 1's B1-ERR-06 speaks of (types 32-255) that names a
     * channel, as {@link MessageType} lists them.
     */
    static boolean defines(int type) {
        return type >= 32 && type <= 255 && MessageType.of(type)
                .filter(t -> t.bolt() == 2 && t.namesChannel()).isPresent();
    }

    /** A decoded channel message as type and payload, as if it had not been decoded. */
    static UnknownMessage raw(LightningMessage m) {
        byte[] wire = LightningMessageCodec.encode(m);
        return new UnknownMessage(m.type(), Bytes.of(wire, 2, wire.length - 2));
    }

    static boolean opensChannel(int type) {
        return type == MessageType.OPEN_CHANNEL.number() || type == MessageType.OPEN_CHANNEL2.number();
    }

    /** The channel the message names: open_channel and open_channel2 put chain_hash first, the rest start with it. */
    static Optional<Bytes> channelId(UnknownMessage m) {
        return MessageType.of(m.type()).flatMap(t -> t.channelId(m.payload()));
    }

    /**
     * The error naming the channel the message named (B1-ERR-06); for a refused open, that is its
     * temporary_channel_id (B1-ERR-02/04). Empty if the message is too short to name one: a known
     * message cut short (B1-MSG-12).
     */
    static Optional<ErrorMessage> refusal(UnknownMessage m) {
        boolean open = opensChannel(m.type());
        String why = open ? "lnconform reference node: this node opens no channels"
                : "lnconform reference node: no channel with this channel_id";
        return channelId(m).map(id -> new ErrorMessage(id, Bytes.of(why.getBytes(StandardCharsets.US_ASCII))));
    }
}
