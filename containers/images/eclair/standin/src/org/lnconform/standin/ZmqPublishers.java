package org.lnconform.standin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The two ZMQ PUB sockets Eclair subscribes to: {@code eclair.bitcoind.zmqblock} (topic
 * {@code hashblock}) and {@code eclair.bitcoind.zmqtx} (topic {@code rawtx}); see Eclair's
 * blockchain/bitcoind/zmq/ZMQActor.scala. Eclair waits (5 s) only for both subscriptions to
 * connect. The stand-in's chain never moves, so nothing is ever published. One socket serves
 * both topics when both endpoints are the same (bitcoind allows that too).
 */
final class ZmqPublishers {

    private static final ZContext CONTEXT = new ZContext(1);
    /** Kept reachable for the life of the process. */
    private static final Map<String, ZMQ.Socket> SOCKETS = new LinkedHashMap<>();

    private ZmqPublishers() {}

    static synchronized void start(StandInConfig config) {
        bind(config.zmqBlock(), "hashblock");
        bind(config.zmqTx(), "rawtx");
    }

    private static void bind(String endpoint, String topic) {
        if (SOCKETS.containsKey(endpoint)) {
            Log.info("zmq PUB " + endpoint + " also serves topic " + topic);
            return;
        }
        ZMQ.Socket pub = CONTEXT.createSocket(SocketType.PUB);
        pub.setLinger(0);
        if (!pub.bind(endpoint)) {
            throw new IllegalStateException("stand-in bitcoind: cannot bind ZMQ PUB to " + endpoint);
        }
        SOCKETS.put(endpoint, pub);
        Log.info("zmq PUB " + endpoint + " for topic " + topic + " (nothing is published: the chain stays at 0)");
    }
}
