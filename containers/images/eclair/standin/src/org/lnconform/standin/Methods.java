package org.lnconform.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The bitcoind calls Eclair v0.13.0 makes on regtest when nothing happens on chain, and nothing
 * else (eclair-core/src/main/scala/fr/acinq/eclair/Setup.scala and
 * blockchain/bitcoind/rpc/BitcoinCoreClient.scala, ZmqWatcher.scala):
 *
 * <ul>
 *   <li>start-up status: {@code getblockchaininfo} (it reads blocks, headers,
 *       initialblockdownload, verificationprogress), {@code listwallets}, {@code getblockhash 0}
 *       (must be the regtest genesis), {@code getnetworkinfo} (version at least 280100),
 *       {@code listunspent} (spendable UTXOs must be segwit: we have none);
 *   <li>its wallet keys: {@code getnewaddress "" bech32} then {@code getaddressinfo} (pubkey,
 *       hdkeypath) for the P2WPKH key, {@code getnewaddress ""} for the default script,
 *       {@code listlockunspent} (locked UTXOs left from a crash);
 *   <li>the block watcher: {@code getblockcount}, {@code getblockhash <h>},
 *       {@code getblock <hash> 0} (raw block), walking back from the tip until a block is not
 *       found (the genesis' parent is all zeros).
 * </ul>
 *
 * Anything else is a JSON-RPC "method not found" naming the stand-in, so a case that needs more
 * of bitcoind fails loudly instead of silently getting something plausible.
 */
final class Methods {

    static final List<String> SERVED = List.of("getblockchaininfo", "listwallets", "getblockhash", "getnetworkinfo",
            "listunspent", "getnewaddress", "getaddressinfo", "listlockunspent", "getblockcount", "getblock");

    /** What getnetworkinfo reports: Bitcoin Core 28.1's number, the lowest Eclair 0.13.0 accepts. */
    static final int VERSION = 280100;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Regtest genesis time, also median time past at height 0. */
    private static final long GENESIS_TIME = 1296688602L;

    private final String wallet;

    Methods(String wallet) {
        this.wallet = wallet;
    }

    String wallet() {
        return wallet;
    }

    /** The result of {@code method(params)}; an {@link RpcError} for anything not served. */
    JsonNode call(String method, JsonNode params) throws RpcError {
        return switch (method) {
            case "getblockchaininfo" -> blockchainInfo();
            case "listwallets" -> JSON.createArrayNode().add(wallet);
            case "getblockhash" -> JSON.getNodeFactory().textNode(blockHash(param(params, 0)));
            case "getnetworkinfo" -> networkInfo();
            case "listunspent", "listlockunspent" -> JSON.createArrayNode();
            case "getnewaddress" -> JSON.getNodeFactory().textNode(newAddress(params));
            case "getaddressinfo" -> addressInfo(param(params, 0));
            case "getblockcount" -> JSON.getNodeFactory().numberNode(0);
            case "getblock" -> JSON.getNodeFactory().textNode(rawBlock(params));
            default -> throw new RpcError(RpcError.METHOD_NOT_FOUND, "Method not found: the lnconform stand-in "
                    + "bitcoind serves only " + String.join(", ", SERVED) + " (Eclair's start-up and block watcher); "
                    + "a case that needs '" + method + "' needs a real bitcoind");
        };
    }

    private static JsonNode param(JsonNode params, int i) {
        JsonNode p = params.path(i);
        return p.isMissingNode() ? JSON.nullNode() : p;
    }

    private static ObjectNode blockchainInfo() {
        ObjectNode o = JSON.createObjectNode();
        o.put("chain", "regtest").put("blocks", 0).put("headers", 0).put("bestblockhash", Regtest.GENESIS_HASH)
                .put("difficulty", 4.656542373906925E-10).put("time", GENESIS_TIME).put("mediantime", GENESIS_TIME)
                // Eclair checks the next three only off regtest; a real regtest node at height 0
                // would say initialblockdownload=true, which Eclair ignores there.
                .put("verificationprogress", 1).put("initialblockdownload", false)
                .put("chainwork", "0000000000000000000000000000000000000000000000000000000000000002")
                .put("size_on_disk", 293).put("pruned", false).put("warnings", "");
        return o;
    }

    private static String blockHash(JsonNode height) throws RpcError {
        if (!height.canConvertToInt()) {
            throw new RpcError(RpcError.INVALID_PARAMETER, "getblockhash needs a height, got " + height);
        }
        if (height.asInt() != 0) {
            throw new RpcError(RpcError.INVALID_PARAMETER, "Block height out of range (the stand-in's chain has "
                    + "only the genesis block)");
        }
        return Regtest.GENESIS_HASH;
    }

    private static ObjectNode networkInfo() {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", VERSION).put("subversion", "/lnconform-standin-bitcoind:28.1.0/")
                .put("protocolversion", 70016).put("localservices", "0000000000000408").put("localrelay", true)
                .put("networkactive", true).put("connections", 0).put("relayfee", 0.00001)
                .put("incrementalfee", 0.00001).put("warnings", "");
        o.putArray("networks");
        o.putArray("localaddresses");
        return o;
    }

    /** {@code getnewaddress "" [bech32]}: the wallet's one P2WPKH address (Eclair only keeps its key). */
    private static String newAddress(JsonNode params) throws RpcError {
        JsonNode type = param(params, 1);
        if (!type.isNull() && !"bech32".equals(type.asText())) {
            throw new RpcError(RpcError.INVALID_ADDRESS_OR_KEY, "Unknown address type '" + type.asText()
                    + "' (the lnconform stand-in bitcoind gives only bech32 P2WPKH addresses)");
        }
        return Regtest.WALLET_ADDRESS;
    }

    private static ObjectNode addressInfo(JsonNode address) throws RpcError {
        if (!Regtest.WALLET_ADDRESS.equals(address.asText())) {
            throw new RpcError(RpcError.INVALID_ADDRESS_OR_KEY, "The lnconform stand-in bitcoind knows only its "
                    + "own address " + Regtest.WALLET_ADDRESS + ", not " + address);
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("address", Regtest.WALLET_ADDRESS).put("scriptPubKey", "0014" + Regtest.WALLET_PUBKEY_HASH)
                .put("ismine", true).put("solvable", true).put("iswatchonly", false).put("isscript", false)
                .put("iswitness", true).put("witness_version", 0).put("witness_program", Regtest.WALLET_PUBKEY_HASH)
                .put("pubkey", Regtest.WALLET_PUBKEY).put("iscompressed", true).put("ischange", false)
                .put("hdkeypath", Regtest.WALLET_KEY_PATH);
        ArrayNode labels = o.putArray("labels");
        labels.add("");
        return o;
    }

    /** {@code getblock <hash> 0}: the raw genesis block; any other hash is not found, as bitcoind says. */
    private static String rawBlock(JsonNode params) throws RpcError {
        JsonNode verbosity = param(params, 1);
        if (!(verbosity.canConvertToInt() && verbosity.asInt() == 0)) {
            throw new RpcError(RpcError.INVALID_PARAMETER, "The lnconform stand-in bitcoind serves getblock only "
                    + "with verbosity 0 (raw), not " + (verbosity.isNull() ? "the default (1, decoded)" : verbosity));
        }
        String hash = param(params, 0).asText();
        if (!Regtest.GENESIS_HASH.equals(hash)) {
            throw new RpcError(RpcError.INVALID_ADDRESS_OR_KEY, "Block not found");
        }
        return Regtest.GENESIS_BLOCK;
    }
}
