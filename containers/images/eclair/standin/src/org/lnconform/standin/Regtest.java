package org.lnconform.standin;

/**
 * The chain the stand-in serves: regtest with only its genesis block (height 0), and a wallet
 * with no coins and one key.
 */
final class Regtest {

    private Regtest() {}

    /** Hash of the regtest genesis block, in RPC (reversed) byte order; Eclair checks it against its own. */
    static final String GENESIS_HASH = "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206";

    /**
     * The regtest genesis block, serialized (285 bytes): the mainnet genesis coinbase with time
     * 1296688602, bits 0x207fffff, nonce 2. Its double SHA-256 header hash is {@link #GENESIS_HASH}.
     */
    static final String GENESIS_BLOCK = "0100000000000000000000000000000000000000000000000000000000000000000000"
            + "003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4adae5494dffff7f2002000000"
            + "0101000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ff"
            + "ff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272"
            + "696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000"
            + "434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f3"
            + "5504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000";

    /**
     * The wallet's only key: the secp256k1 generator point (a public, well-known key; the stand-in
     * holds no private key and no coins). Eclair asks for a P2WPKH key at start-up and only keeps it.
     */
    static final String WALLET_PUBKEY = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    /** HASH160 of {@link #WALLET_PUBKEY}. */
    static final String WALLET_PUBKEY_HASH = "751e76e8199196d454941c45d1b3a323f1433bd6";
    /** Its regtest P2WPKH address (bech32, hrp bcrt; BIP 173's example program). */
    static final String WALLET_ADDRESS = "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080";
    /** The key path a Bitcoin Core descriptor wallet would report for its first BIP 84 receive key. */
    static final String WALLET_KEY_PATH = "m/84h/1h/0h/0/0";
}
