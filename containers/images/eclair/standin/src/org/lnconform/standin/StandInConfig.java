package org.lnconform.standin;

/**
 * Where the stand-in listens and whom it lets in, read from the properties Eclair itself uses to
 * reach bitcoind, so both sides always agree: {@code eclair.bitcoind.rpcport}, {@code .rpcuser},
 * {@code .rpcpassword}, {@code .wallet} (optional), {@code .zmqblock}, {@code .zmqtx}.
 */
record StandInConfig(int rpcPort, String rpcUser, String rpcPassword, String wallet, String zmqBlock,
        String zmqTx) {

    static StandInConfig fromSystemProperties() {
        return new StandInConfig(Integer.parseInt(required("rpcport")), required("rpcuser"), required("rpcpassword"),
                System.getProperty("eclair.bitcoind.wallet", ""), loopbackTcp("zmqblock"), loopbackTcp("zmqtx"));
    }

    private static String required(String key) {
        String v = System.getProperty("eclair.bitcoind." + key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("stand-in bitcoind: -Declair.bitcoind." + key + " is required");
        }
        return v;
    }

    private static String loopbackTcp(String key) {
        String v = required(key);
        if (!v.matches("tcp://127\\.0\\.0\\.1:[0-9]{1,5}")) {
            throw new IllegalArgumentException("stand-in bitcoind: eclair.bitcoind." + key
                    + " must be tcp://127.0.0.1:<port>, not " + v);
        }
        return v;
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "rpcport=" + rpcPort + " rpcuser=" + rpcUser + " wallet=" + (wallet.isEmpty() ? "(default)" : wallet)
                + " zmqblock=" + zmqBlock + " zmqtx=" + zmqTx;
    }
}
