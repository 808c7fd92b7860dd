package org.lnconform.wire;

/** Why a BOLT 1 decoder rejected its input; each kind names the spec rule it enforces. */
public enum DecodeError {

    /** Fewer bytes remain than the field needs. */
    SHORT_READ("BOLT 1, Lightning Message Format (B1-MSG-12): a known message too short for its fields is rejected"),

    /** A BigSize was encoded in more bytes than its value needs. */
    BIGSIZE_NOT_MINIMAL("BOLT 1, Appendix A / Type-Length-Value Format (B1-TLV-09, B1-BIGSIZE-01): BigSize must be minimal"),

    /** A truncated integer (tu16/tu32/tu64) starts with a zero byte. */
    TLV_NOT_MINIMAL_VALUE("BOLT 1, Fundamental Types (B1-TYPE-01, B1-TLV-14): truncated integers omit leading zeros"),

    /** A TLV type is lower than the one before it. */
    TLV_OUT_OF_ORDER("BOLT 1, Type-Length-Value Format (B1-TLV-10): types must strictly increase"),

    /** A TLV type repeats the one before it. */
    TLV_DUPLICATE("BOLT 1, Type-Length-Value Format (B1-TLV-10): a type may appear only once"),

    /** An even TLV type the namespace does not know. */
    TLV_UNKNOWN_EVEN("BOLT 1, Type-Length-Value Format (B1-TLV-15): unknown even types fail the stream"),

    /** A TLV length runs past the end of the input. */
    TLV_LENGTH_EXCEEDS("BOLT 1, Type-Length-Value Format (B1-TLV-11): length must fit in the remaining bytes"),

    /** A known TLV's length differs from what its encoding needs. */
    TLV_BAD_VALUE_LENGTH("BOLT 1, Type-Length-Value Format (B1-TLV-13): a known type's length must match its encoding"),

    /** An even message type nobody registered; see {@code MessageRules}. */
    UNKNOWN_EVEN_MESSAGE("BOLT 1, Lightning Message Format (B1-MSG-10): unknown even message types close the connection"),

    /** More than 65535 bytes. */
    MESSAGE_TOO_LONG("BOLT 1, Lightning Message Format: a message is at most 65535 bytes"),

    /** A field has the right size but a value its type does not allow. */
    BAD_FIELD_VALUE("BOLT 1, Fundamental Types: the value is not valid for the field's type"),

    /** A point is not a valid compressed secp256k1 public key. */
    INVALID_POINT("BOLT 1, Fundamental Types: a point is a 33-byte compressed SEC 1 encoding of a curve point"),

    /** Bytes left over after a structure that must end the input. */
    TRAILING_BYTES("a self-delimiting value (a lone BigSize, a BOLT 7 address descriptor in remote_addr,"
            + " B1-INIT-09) must end exactly where its bytes end");

    private final String rule;

    DecodeError(String rule) {
        this.rule = rule;
    }

    /** The spec rule this kind enforces, with its section and requirement id where one exists. */
    public String rule() {
        return rule;
    }
}
