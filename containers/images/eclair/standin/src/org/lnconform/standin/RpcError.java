package org.lnconform.standin;

/** A JSON-RPC error as bitcoind reports it ({@code code} from bitcoind's rpc/protocol.h numbering). */
final class RpcError extends Exception {

    /** bitcoind's RPC_METHOD_NOT_FOUND. */
    static final int METHOD_NOT_FOUND = -32601;
    /** bitcoind's RPC_INVALID_PARAMETER. */
    static final int INVALID_PARAMETER = -8;
    /** bitcoind's RPC_INVALID_ADDRESS_OR_KEY, also used for "Block not found". */
    static final int INVALID_ADDRESS_OR_KEY = -5;
    /** bitcoind's RPC_WALLET_NOT_FOUND. */
    static final int WALLET_NOT_FOUND = -18;

    private static final long serialVersionUID = 1L;

    final int code;

    RpcError(int code, String message) {
        super(message);
        this.code = code;
    }
}
