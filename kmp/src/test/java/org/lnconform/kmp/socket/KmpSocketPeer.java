package org.lnconform.kmp.socket;

import fr.acinq.lightning.wire.LightningMessage;
import fr.acinq.lightning.wire.Ping;
import fr.acinq.lightning.wire.Pong;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.lnconform.kmp.KmpCodec;
import org.lnconform.kmp.KmpException;
import org.lnconform.kmp.KmpInitiator;
import org.lnconform.kmp.KmpNoise;
import org.lnconform.kmp.KmpResponder;
import org.lnconform.kmp.KmpTransport;

/**
 * A small lightning-kmp peer over a real socket: lightning-kmp's Noise handshake and transport and
 * its message codec, plus a reader thread that answers pings and queues everything else.
 */
final class KmpSocketPeer implements Closeable {

    final byte[] privateKey = new byte[32];
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private KmpTransport transport;
    final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private Thread reader;

    private KmpSocketPeer(Socket socket) throws IOException {
        new SecureRandom().nextBytes(privateKey);
        privateKey[0] &= 0x7f; // comfortably below the curve order
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Dials {@code host:port} and runs the handshake as initiator towards {@code nodeKey}. */
    static KmpSocketPeer dial(InetSocketAddress address, byte[] nodeKey) throws IOException, KmpException {
        KmpSocketPeer p = new KmpSocketPeer(new Socket(address.getAddress(), address.getPort()));
        KmpInitiator init = KmpNoise.initiator(p.privateKey, nodeKey);
        p.out.write(init.actOne());
        byte[] act2 = new byte[KmpNoise.ACT_TWO_LENGTH];
        p.in.readFully(act2);
        KmpInitiator.ActThree three = init.readActTwo(act2);
        p.out.write(three.bytes());
        p.transport = three.transport();
        return p;
    }

    /** Accepts one connection on {@code server} and runs the handshake as responder. */
    static KmpSocketPeer accept(ServerSocket server, byte[] privateKey) throws IOException, KmpException {
        KmpSocketPeer p = new KmpSocketPeer(server.accept());
        System.arraycopy(privateKey, 0, p.privateKey, 0, 32);
        KmpResponder r = KmpNoise.responder(p.privateKey);
        byte[] act1 = new byte[KmpNoise.ACT_ONE_LENGTH];
        p.in.readFully(act1);
        p.out.write(r.readActOne(act1));
        byte[] act3 = new byte[KmpNoise.ACT_THREE_LENGTH];
        p.in.readFully(act3);
        p.transport = r.readActThree(act3);
        return p;
    }

    byte[] publicKey() {
        return KmpNoise.publicKey(privateKey);
    }

    byte[] remoteStatic() {
        return transport.remoteStatic();
    }

    synchronized void sendRaw(byte[] plaintext) throws IOException {
        transport.send(plaintext, (bytes, flush) -> {
            out.write(bytes);
            if (flush) {
                out.flush();
            }
        });
    }

    void send(LightningMessage m) throws IOException {
        sendRaw(KmpCodec.encode(m));
    }

    /** Reads one message synchronously (before the reader thread starts). */
    LightningMessage receive() throws IOException, KmpException {
        return KmpCodec.decode(transport.receive(n -> {
            byte[] b = new byte[n];
            in.readFully(b);
            return b;
        }));
    }

    /** Starts answering pings in the background; other messages (and a final close marker) go to {@link #inbox}. */
    void startReader() {
        reader = new Thread(() -> {
            try {
                while (true) {
                    LightningMessage m = receive();
                    if (m instanceof Ping ping && ping.getPongLength() < 65532) {
                        send(KmpCodec.pong(new byte[ping.getPongLength()]));
                    } else {
                        inbox.add(m);
                    }
                }
            } catch (Exception e) {
                inbox.add(new Closed(e));
            }
        }, "kmp-peer-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The connection ended (the cause says how). */
    record Closed(Exception cause) {}

    static int byteslen(Pong p) {
        return p.getData().size();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
