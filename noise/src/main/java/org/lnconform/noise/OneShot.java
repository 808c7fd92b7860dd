package org.lnconform.noise;

/** The handshake states, each usable exactly once. */
abstract sealed class OneShot permits InitiatorStart, AwaitingActOne, AwaitingActTwo, AwaitingActThree {

    private boolean used;

    final void consume() {
        if (used) {
            throw new IllegalStateException(getClass().getSimpleName() + " was already used");
        }
        used = true;
    }
}
