package org.lnconform.harness.run;

import org.lnconform.wire.message.Init;

/** Builds the init a case sends from the node's own; may find the node lacks what the case needs. */
@FunctionalInterface
public interface InitMaker {
    byte[] make(Init nodeInit, InitBuilder compatible) throws Unsupported;
}
