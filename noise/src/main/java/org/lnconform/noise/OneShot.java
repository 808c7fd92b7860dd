package org.lnconform.noise;

/**
 * The handshake states, each usable exactly once. Package-private, with final subclasses: the
 * four states are the only ones there are.
 */
abstract class OneShot {

    private boolean used;

    final void consume() {
        if (used) {
            throw new IllegalStateException(getClass().getSimpleName() + " was already used");
        }
        used = true;
    }
}
