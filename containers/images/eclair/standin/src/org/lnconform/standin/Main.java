package org.lnconform.standin;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of lnconform's Eclair image: applies {@code -Dkey=value} arguments as system
 * properties (Eclair reads its configuration from them), starts the stand-in bitcoind that the
 * same properties describe ({@code eclair.bitcoind.*}), then runs Eclair's own
 * {@code fr.acinq.eclair.Boot} in this JVM. With {@code -Dlnconform.standin=false} Eclair talks
 * to a real bitcoind instead. The image has no shell, so this replaces eclair-node.sh.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-D") && a.length() > 2) {
                int eq = a.indexOf('=');
                System.setProperty(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "" : a.substring(eq + 1));
            } else {
                rest.add(a);
            }
        }
        if (!"false".equalsIgnoreCase(System.getProperty("lnconform.standin", "true"))) {
            StandInConfig config = StandInConfig.fromSystemProperties();
            Log.info("starting: " + config);
            ZmqPublishers.start(config);
            RpcServer.start(config, new Methods(config.wallet()));
            Log.info("ready: JSON-RPC on 127.0.0.1:" + config.rpcPort() + ", regtest at height 0");
        }
        if (Boolean.getBoolean("lnconform.standin.only")) {
            Thread.currentThread().join(); // stand-in alone, for checking it without Eclair
        }
        // Eclair's Boot takes plugin jar paths as arguments; we pass on only non -D arguments.
        Class.forName("fr.acinq.eclair.Boot").getMethod("main", String[].class)
                .invoke(null, (Object) rest.toArray(String[]::new));
    }
}
