package org.lnconform.bolt3;

import java.io.ByteArrayOutputStream;

/** Writes a script as bytes: opcodes, minimal data pushes and minimally encoded numbers. */
final class ScriptBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ScriptBuilder op(int... opcodes) {
        for (int op : opcodes) {
            out.write(op);
        }
        return this;
    }

    /** A data push with the shortest opcode (BIP 62 minimal push; BOLT 3 never pushes 256+ bytes). */
    ScriptBuilder push(byte[] data) {
        if (data.length < Op.OP_PUSHDATA1) {
            out.write(data.length);
        } else if (data.length <= 0xff) {
            out.write(Op.OP_PUSHDATA1);
            out.write(data.length);
        } else {
            throw new IllegalArgumentException("push of " + data.length + " bytes");
        }
        out.writeBytes(data);
        return this;
    }

    /** A number: OP_0 and OP_1..OP_16 as opcodes, anything else as a minimal little-endian script number. */
    ScriptBuilder number(long n) {
        if (n == 0) {
            return op(Op.OP_0);
        }
        if (n >= 1 && n <= 16) {
            return op(Op.OP_1 + (int) n - 1);
        }
        if (n < 0) {
            throw new IllegalArgumentException("BOLT 3 scripts push no negative numbers: " + n);
        }
        ByteArrayOutputStream le = new ByteArrayOutputStream();
        long v = n;
        while (v != 0) {
            le.write((int) (v & 0xff));
            v >>>= 8;
        }
        byte[] bytes = le.toByteArray();
        if ((bytes[bytes.length - 1] & 0x80) != 0) {
            // the top bit is the sign: a positive number needs one more byte
            byte[] longer = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, longer, 0, bytes.length);
            bytes = longer;
        }
        return push(bytes);
    }

    byte[] build() {
        return out.toByteArray();
    }
}
