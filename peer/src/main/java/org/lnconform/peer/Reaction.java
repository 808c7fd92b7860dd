package org.lnconform.peer;

import org.lnconform.peer.DisconnectReason.Kind;
import org.lnconform.wire.message.LightningMessage;

/** What a connection does at one decision point of the BOLT 1 lifecycle. */
sealed interface Reaction {

    /** Carry on as BOLT 1 says (for a peer's init: accept it). */
    Reaction PROCEED = new Proceed();
    /** Drop the message and carry on. */
    Reaction IGNORE = new Ignore();
    /** Hand the message to the application and take no protocol action on it. */
    Reaction DELIVER = new Deliver();
    /** Neither answer nor close, from now on. */
    Reaction ZOMBIE = new Zombie();

    record Proceed() implements Reaction {}

    record Ignore() implements Reaction {}

    record Deliver() implements Reaction {}

    record Zombie() implements Reaction {}

    /** Close without a word. */
    record Close(Kind kind, String detail) implements Reaction {}

    /** Send a warning about all channels, then close. */
    record WarnAndClose(Kind kind, String detail) implements Reaction {}

    /** Process this message instead, as if it had arrived (a lenient reading of bytes that did not decode). */
    record Handle(LightningMessage message) implements Reaction {}

    /** Answer with this message instead of the one BOLT 1 asks for. */
    record Reply(LightningMessage message) implements Reaction {}
}
