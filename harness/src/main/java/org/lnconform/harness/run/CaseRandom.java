package org.lnconform.harness.run;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.crypto.CryptoProvider;
import org.lnconform.noise.crypto.Secp256k1;
import org.lnconform.wire.Bytes;

/**
 * The values a case needs that only have to be unpredictable to the node, not secret: static keys
 * of probe connections, channel ids, points. Derived from the run seed (recorded in the report)
 * and the case id, so a run can be repeated value for value and its verdicts compared. Handshake
 * ephemeral keys stay fresh from a CSPRNG (BOLT 8 requires it).
 */
public final class CaseRandom {

    private final byte[] prefix;
    private long counter;

    public CaseRandom(long seed, String caseId) {
        byte[] id = caseId.getBytes(StandardCharsets.UTF_8);
        this.prefix = ByteBuffer.allocate(8 + id.length).putLong(seed).put(id).array();
    }

    /** 32 bytes, never repeated within the case. */
    public synchronized byte[] next32() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prefix);
            sha.update(ByteBuffer.allocate(8).putLong(counter++).array());
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key pair derived from the next 32 bytes (re-drawn in the negligible case they are not a valid scalar). */
    public NodeKey nodeKey() {
        Secp256k1 secp = CryptoProvider.defaults().secp256k1();
        byte[] k = next32();
        while (!secp.isValidPrivateKey(k)) {
            k = next32();
        }
        return NodeKey.of(k, secp);
    }

    /** A channel id: 32 bytes, never all zero. */
    public Bytes channelId() {
        byte[] b = next32();
        b[0] |= 0x01;
        return Bytes.of(b);
    }

    /** A valid compressed secp256k1 point. */
    public Bytes point() {
        return Bytes.of(nodeKey().publicKey());
    }
}
