package org.lnconform.noise;

/** Guards a handshake state so it can be used exactly once. */
abstract class OneShot {

    private boolean used;

    final void consume() {
        if (used) {
            throw new IllegalStateException(getClass().getSimpleName() + " was already used");
        }
        used = true;
    }
}
