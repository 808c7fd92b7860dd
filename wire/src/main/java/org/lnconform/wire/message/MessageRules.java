package org.lnconform.wire.message;

import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;

/**
 * BOLT 1's receiver rules for message types, kept apart from decoding: the codec returns
 * {@link UnknownMessage} for every unknown type and these say what a receiver must do with it.
 */
public final class MessageRules {

    private MessageRules() {
    }

    /** What a receiving node must do with a message, by type alone. */
    public enum Action {
        /** A known type: process it. */
        PROCESS,
        /** B1-MSG-09: an unknown odd type is ignored. */
        IGNORE,
        /** B1-MSG-10: an unknown even type closes the connection. */
        CLOSE
    }

    public static boolean isEven(int type) {
        return (type & 1) == 0;
    }

    public static Action actionFor(LightningMessage message) {
        if (message instanceof UnknownMessage u) {
            return u.isEven() ? Action.CLOSE : Action.IGNORE;
        }
        return Action.PROCESS;
    }

    public static boolean mustClose(LightningMessage message) {
        return actionFor(message) == Action.CLOSE;
    }

    public static boolean mustIgnore(LightningMessage message) {
        return actionFor(message) == Action.IGNORE;
    }

    /** For callers that want the close as an error: unknown even types throw {@link DecodeError#UNKNOWN_EVEN_MESSAGE}. */
    public static void requireUnderstood(LightningMessage message) throws WireException {
        if (mustClose(message)) {
            throw new WireException(DecodeError.UNKNOWN_EVEN_MESSAGE, 0, "message.type",
                    "even type " + message.type() + " is not a known message");
        }
    }
}
