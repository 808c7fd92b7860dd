package org.lnconform.harness.cases;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.ProbeConnection;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.noise.EphemeralKeys;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.Session;
import org.lnconform.noise.TransportEncryptor;
import org.lnconform.noise.crypto.ChaChaPoly;
import org.lnconform.noise.crypto.CryptoProvider;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.Ping;

/**
 * BOLT 8's Noise instantiation as both ends must share it (08-transport.md, Noise Protocol
 * Instantiation; Encrypting and Sending Messages): the protocol name, the prologue, and the empty
 * associated data of transport messages. Any other choice makes a MAC fail, and the node must stop.
 */
public final class Bolt08ProtocolCases {

    /** BOLT 8's protocol name with the handshake pattern changed (XX for XK). */
    static final byte[] OTHER_PROTOCOL_NAME = ascii("Noise_XX_secp256k1_ChaChaPoly_SHA256");
    static final byte[] BOLT8_PROTOCOL_NAME = ascii("Noise_XK_secp256k1_ChaChaPoly_SHA256");
    static final byte[] BOLT8_PROLOGUE = ascii("lightning");

    private Bolt08ProtocolCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt08/handshake/other-protocol-name")
                        .title("Act One made under another Noise protocol name (Noise_XX_…) fails: the node closes without answering")
                        .requires("B8-CRYPTO-02", "B8-ACT1-03")
                        .must().allow(Outcome.CLOSED)
                        .body(ctx -> otherInstantiation(ctx, OTHER_PROTOCOL_NAME, BOLT8_PROLOGUE,
                                "protocol name Noise_XX_secp256k1_ChaChaPoly_SHA256")),
                CaseBuilder.of("bolt08/handshake/other-prologue")
                        .title("Act One made without BOLT 8's prologue \"lightning\" fails: the node closes without answering")
                        .requires("B8-CRYPTO-02", "B8-ACT1-03")
                        .must().allow(Outcome.CLOSED)
                        .body(ctx -> otherInstantiation(ctx, BOLT8_PROTOCOL_NAME, new byte[0], "an empty prologue")),
                CaseBuilder.of("bolt08/transport/body-sealed-with-associated-data")
                        .title("A message whose body is sealed with its length header as associated data, not an empty one, ends the connection")
                        .requires("B8-MSG-03", "B8-MSG-06")
                        .must().mustClose()
                        .body(Bolt08ProtocolCases::bodyWithAssociatedData));
    }

    /** Act One computed with another protocol name or prologue: its MAC cannot verify at the node. */
    private static Evidence otherInstantiation(CaseContext ctx, byte[] name, byte[] prologue, String what)
            throws Exception {
        ProbeConnection c = ctx.dial();
        byte[] act = Handshake.initiator(ctx.freshKey(), ctx.target().publicKey(), CryptoProvider.defaults(),
                EphemeralKeys.secureRandom()).withProtocolNameForProbe(name, prologue).actOne().bytes();
        c.send(act, "act1", "Act One, version 0, made with " + what);
        return ctx.oracle().afterBadAct(c, Handshake.ACT_TWO_LENGTH, "Act Two");
    }

    /**
     * A ping whose length header is sealed as BOLT 8 says, but whose body is sealed with the
     * encrypted header as associated data (a plausible mix-up with other AEAD framings).
     */
    private static Evidence bodyWithAssociatedData(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.ready();
        Session session = s.session();
        TransportEncryptor enc = session.encryptor();
        long nonce = enc.nonce();
        if (enc.rotations() != 0 || nonce + 1 >= 1000) {
            throw new CaseError("the sending key rotated already; this probe needs the session's first key");
        }
        byte[] plaintext = LightningMessageCodec.encode(Ping.of(4, 4));
        // the encryptor seals the same message properly, so its nonces stay in step with the node's
        byte[] proper = enc.encrypt(plaintext);
        byte[] header = Arrays.copyOf(proper, TransportEncryptor.HEADER_LENGTH);
        ChaChaPoly aead = CryptoProvider.defaults().aead().forKey(session.secretsForKeylog().sendKey());
        byte[] body = aead.seal(nonce + 1, header, plaintext);
        byte[] frame = new byte[header.length + body.length];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(body, 0, frame, header.length, body.length);
        s.sendRaw(frame, "frame", "ping(4) whose body is sealed with the 18-byte header as associated data");
        return ctx.oracle().followUp(s);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
