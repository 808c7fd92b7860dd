package org.lnconform.harness.probe;

/**
 * A hard bound of the harness was reached on one connection (bytes or messages read): the case
 * stops and is ERROR, whatever the node did before. Keeps the harness's memory and time bounded
 * against a node that floods.
 */
public final class LimitExceeded extends RuntimeException {
    public LimitExceeded(String message) {
        super(message);
    }
}
