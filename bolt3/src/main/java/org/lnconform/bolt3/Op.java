package org.lnconform.bolt3;

/** The Bitcoin script opcodes BOLT 3's scripts use, by their Bitcoin Core names. */
final class Op {

    static final int OP_0 = 0x00;
    static final int OP_PUSHDATA1 = 0x4c;
    static final int OP_1 = 0x51;
    static final int OP_IF = 0x63;
    static final int OP_NOTIF = 0x64;
    static final int OP_ELSE = 0x67;
    static final int OP_ENDIF = 0x68;
    static final int OP_IFDUP = 0x73;
    static final int OP_DROP = 0x75;
    static final int OP_DUP = 0x76;
    static final int OP_SWAP = 0x7c;
    static final int OP_SIZE = 0x82;
    static final int OP_EQUAL = 0x87;
    static final int OP_EQUALVERIFY = 0x88;
    static final int OP_HASH160 = 0xa9;
    static final int OP_CHECKSIG = 0xac;
    static final int OP_CHECKSIGVERIFY = 0xad;
    static final int OP_CHECKMULTISIG = 0xae;
    static final int OP_CHECKLOCKTIMEVERIFY = 0xb1;
    static final int OP_CHECKSEQUENCEVERIFY = 0xb2;

    private Op() {
    }
}
