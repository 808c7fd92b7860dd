package org.lnconform.peer;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Semaphore;
import org.lnconform.noise.HandshakeException;
import org.lnconform.peer.pipeline.HandshakeHandler;

/** Applies the handshake deviations of a {@link PeerConfig} to one connection's handshake. */
final class DeviationTamper implements HandshakeHandler.Tamper {

    private final PeerConfig config;
    private final Semaphore nodeWideSlot;
    private final AtomicBoolean holdsSlot = new AtomicBoolean();

    DeviationTamper(PeerConfig config, Semaphore nodeWideSlot) {
        this.config = config;
        this.nodeWideSlot = nodeWideSlot;
    }

    @Override
    public boolean keepOpenOnFailure(HandshakeException e) {
        return switch (e.error()) {
            case ACT1_BAD_PUBKEY -> config.deviates(Deviation.ACT1_KEEP_OPEN_ON_BAD_KEY);
            case ACT1_BAD_TAG -> config.deviates(Deviation.ACT1_KEEP_OPEN_ON_BAD_TAG);
            case ACT2_BAD_PUBKEY -> config.deviates(Deviation.ACT2_KEEP_OPEN_ON_BAD_KEY);
            case ACT2_BAD_TAG -> config.deviates(Deviation.ACT2_KEEP_OPEN_ON_BAD_TAG);
            case ACT3_BAD_CIPHERTEXT -> config.deviates(Deviation.ACT3_KEEP_OPEN_ON_BAD_CIPHERTEXT);
            case ACT3_BAD_PUBKEY -> config.deviates(Deviation.ACT3_KEEP_OPEN_ON_BAD_KEY);
            case ACT3_BAD_TAG -> config.deviates(Deviation.ACT3_KEEP_OPEN_ON_BAD_TAG);
            default -> false;
        };
    }

    @Override
    public byte[] outgoingAct(int act, byte[] bytes) {
        if ((act == 1 && config.deviates(Deviation.ACT1_SEND_BAD_VERSION))
                || (act == 2 && config.deviates(Deviation.ACT2_SEND_BAD_VERSION))
                || (act == 3 && config.deviates(Deviation.ACT3_SEND_BAD_VERSION))) {
            byte[] b = bytes.clone();
            b[0] = 1;
            return b;
        }
        return bytes;
    }

    @Override
    public byte[] incomingAct(int act, byte[] bytes) {
        if (act == 1 && config.deviates(Deviation.SERIALIZE_HANDSHAKES)) {
            // one handshake at a time, node-wide: a second one is left unanswered
            if (!nodeWideSlot.tryAcquire()) {
                return null;
            }
            holdsSlot.set(true);
        }
        boolean ignoreVersion = (act == 1 && config.deviates(Deviation.ACT1_IGNORE_VERSION))
                || (act == 2 && config.deviates(Deviation.ACT2_IGNORE_VERSION))
                || (act == 3 && config.deviates(Deviation.ACT3_IGNORE_VERSION));
        if (ignoreVersion) {
            byte[] b = bytes.clone();
            b[0] = 0;
            return b;
        }
        return bytes;
    }

    /** BOLT 8 rotates the sending key after 500 messages (1000 nonces): message 500 is the first under the new key. */
    @Override
    public boolean garblesSentMessage(long index) {
        return index == 500 && config.deviates(Deviation.GARBLE_FRAME_AFTER_SEND_ROTATION);
    }

    @Override
    public void finished() {
        if (holdsSlot.compareAndSet(true, false)) {
            nodeWideSlot.release();
        }
    }
}
