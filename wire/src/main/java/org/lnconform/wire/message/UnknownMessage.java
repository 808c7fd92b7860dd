package org.lnconform.wire.message;

import java.util.Objects;
import org.lnconform.wire.Bytes;

/**
 * A message of a type the registry does not know, kept raw. Encoding writes the type and
 * payload verbatim whatever the type, so it also serves to send hand-crafted bytes under a
 * known type. Whether to ignore or close is {@link MessageRules}' call.
 */
public record UnknownMessage(int type, Bytes payload) implements LightningMessage {

    public UnknownMessage {
        Objects.requireNonNull(payload, "payload");
        Messages.checkU16("type", type);
    }

    /** BOLT 1 "it's ok to be odd": an unknown even type must close the connection. */
    public boolean isEven() {
        return MessageRules.isEven(type);
    }
}
