package org.lnconform.harness.model;

/** Which end of the connection the node under test plays in a case. */
public enum Side {
    /** The harness dials the node: the node is the BOLT 8 responder. */
    RESPONDER,
    /** The node dials the harness (lnconform listen): the node is the BOLT 8 initiator. */
    INITIATOR
}
