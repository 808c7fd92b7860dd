package org.lnconform.harness.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lnconform.noise.AwaitingActOne;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.Session;
import org.lnconform.peer.NodeUri;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Warning;

/**
 * A loopback server that plays a hostile or broken "node" over real sockets: each accepted
 * connection gets the behaviour, on its own daemon thread, until the harness closes it.
 */
final class HostileServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    enum Behaviour {
        /** Accepts and closes at once. */
        ACCEPT_CLOSE,
        /** Reads everything, never writes. */
        SILENT,
        /** Answers Act One with 50 bytes of garbage. */
        GARBAGE_ACT_TWO,
        /** Answers Act One with a valid Act Two, one byte per second. */
        SLOW_ACT_TWO,
        /** Handshake and init, then maximum-size frames without end. */
        FLOOD_AFTER_INIT,
        /** Handshake and init, then a length header announcing 65535 bytes, then nothing. */
        ANNOUNCE_THEN_NOTHING,
        /** Handshake, then never init. */
        NEVER_INIT,
        /** Answers like an HTTP server and closes. */
        HTTP,
        /** Handshake and init; answers pings below 65532 and meets every other message with a warning. */
        WARN_ON_EVERYTHING
    }

    private final ServerSocket server;
    private final NodeKey key = NodeKey.generate();
    private final Behaviour behaviour;

    HostileServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::acceptLoop, "hostile-" + behaviour);
        t.setDaemon(true);
        t.start();
    }

    NodeUri uri() {
        return new NodeUri(key.publicKey(), "127.0.0.1", server.getLocalPort());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "hostile-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            switch (behaviour) {
                case ACCEPT_CLOSE -> { }
                case SILENT -> drain(in);
                case GARBAGE_ACT_TWO -> {
                    in.readNBytes(Handshake.ACT_ONE_LENGTH);
                    byte[] junk = new byte[Handshake.ACT_TWO_LENGTH];
                    Arrays.fill(junk, (byte) 0x5a);
                    out.write(junk);
                    drain(in);
                }
                case SLOW_ACT_TWO -> {
                    AwaitingActOne.ActTwo two = Handshake.responder(key).readActOne(in.readNBytes(Handshake.ACT_ONE_LENGTH));
                    for (byte b : two.bytes()) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(1000);
                    }
                    drain(in);
                }
                case HTTP -> {
                    in.readNBytes(Handshake.ACT_ONE_LENGTH);
                    out.write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                }
                case NEVER_INIT -> {
                    handshake(in, out);
                    drain(in);
                }
                case FLOOD_AFTER_INIT -> {
                    Session session = handshake(in, out);
                    send(out, session, Init.of(FeatureVector.empty()));
                    // an odd type the harness ignores, padded to the maximum message size
                    byte[] big = new WireWriter().u16(0xfe55).raw(new byte[65533]).toByteArray();
                    while (true) {
                        out.write(session.encryptor().encrypt(big));
                    }
                }
                case ANNOUNCE_THEN_NOTHING -> {
                    Session session = handshake(in, out);
                    send(out, session, Init.of(FeatureVector.empty()));
                    byte[] frame = session.encryptor().encrypt(new byte[65535]);
                    out.write(frame, 0, 18);
                    out.flush();
                    drain(in);
                }
                case WARN_ON_EVERYTHING -> warnOnEverything(in, out);
                default -> throw new IllegalStateException();
            }
        } catch (Exception e) {
            // the harness closed the connection, or a hostile act ended: nothing to do
        }
    }

    private Session handshake(InputStream in, OutputStream out) throws Exception {
        AwaitingActOne.ActTwo two = Handshake.responder(key).readActOne(in.readNBytes(Handshake.ACT_ONE_LENGTH));
        out.write(two.bytes());
        out.flush();
        return two.next().readActThree(in.readNBytes(Handshake.ACT_THREE_LENGTH));
    }

    private static void send(OutputStream out, Session session, LightningMessage m) throws Exception {
        out.write(session.encryptor().encrypt(LightningMessageCodec.encode(m)));
        out.flush();
    }

    private void warnOnEverything(InputStream in, OutputStream out) throws Exception {
        Session session = handshake(in, out);
        send(out, session, Init.of(FeatureVector.empty()));
        boolean initSeen = false;
        while (true) {
            byte[] header = in.readNBytes(18);
            if (header.length < 18) {
                return;
            }
            int len = session.decryptor().decryptLength(header);
            byte[] plain = session.decryptor().decryptBody(in.readNBytes(len + 16));
            int type = ((plain[0] & 0xff) << 8) | (plain[1] & 0xff);
            if (!initSeen && type == Init.TYPE) {
                initSeen = true;
                continue;
            }
            if (type == Ping.TYPE) {
                int numPongBytes = ((plain[2] & 0xff) << 8) | (plain[3] & 0xff);
                if (numPongBytes < 65532) {
                    Ping ping = (Ping) LightningMessageCodec.decode(plain);
                    send(out, session, ping.expectedPong().orElseThrow());
                    continue;
                }
            }
            send(out, session, Warning.allChannels("hostile: I react to everything (type " + type + ")"));
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        while (in.read(buf) >= 0) {
            // discard
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
