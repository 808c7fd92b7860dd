package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
)

// The five backend methods, answered as bcli answers them for a bitcoind whose regtest chain is
// the genesis block alone (plugins/bcli.c in Core Lightning's source has the shapes).

var backendMethods = []struct{ name, usage string }{
	{"getchaininfo", "[last_height]"},
	{"estimatefees", ""},
	{"getrawblockbyheight", "height"},
	{"getutxout", "txid vout"},
	{"sendrawtransaction", "tx allowhighfees"},
}

// paramNames lists each method's parameters in order, for positional (array) params.
var paramNames = map[string][]string{
	"getchaininfo":        {"last_height"},
	"estimatefees":        {},
	"getrawblockbyheight": {"height"},
	"getutxout":           {"txid", "vout"},
	"sendrawtransaction":  {"tx", "allowhighfees"},
}

// required says which of paramNames must be present.
var required = map[string]int{"getrawblockbyheight": 1, "getutxout": 2, "sendrawtransaction": 2}

func manifest() map[string]any {
	methods := make([]map[string]string, 0, len(backendMethods))
	for _, m := range backendMethods {
		methods = append(methods, map[string]string{"name": m.name, "usage": m.usage,
			"description": "lnconform stand-in chain backend (regtest, genesis and block 1)"})
	}
	return map[string]any{
		"options":       []any{},
		"rpcmethods":    methods,
		"subscriptions": []any{},
		"hooks":         []any{},
		"notifications": []any{},
		"dynamic":       false,
		// lightningd refuses plugins that cannot take string request ids
		"nonnumericids": true,
	}
}

func (p *plugin) init(params json.RawMessage) (any, *rpcError) {
	var init struct {
		Configuration struct {
			Network string `json:"network"`
		} `json:"configuration"`
	}
	if err := json.Unmarshal(params, &init); err != nil {
		return nil, &rpcError{errInvalidParams, "init: " + err.Error()}
	}
	if init.Configuration.Network != "regtest" {
		// lightningd then has no chain backend and stops, naming this reason
		return map[string]string{"disable": "lnconform stand-in chain serves regtest only, not " +
			strconv.Quote(init.Configuration.Network)}, nil
	}
	p.log("info", "lnconform stand-in chain: regtest, height 1, genesis "+p.hash+", block 1 "+p.hash1+"; no bitcoind")
	return map[string]any{}, nil
}

// named turns object or array params into a map, rejecting unknown names and missing required ones.
func named(method string, params json.RawMessage) (map[string]json.RawMessage, *rpcError) {
	names, ok := paramNames[method]
	if !ok {
		return nil, &rpcError{errMethodNotFound, "lnconform stand-in chain: no method " + method}
	}
	args := map[string]json.RawMessage{}
	if len(params) > 0 && string(params) != "null" {
		var list []json.RawMessage
		if err := json.Unmarshal(params, &list); err == nil {
			if len(list) > len(names) {
				return nil, &rpcError{errInvalidParams, fmt.Sprintf("%s takes at most %d params", method, len(names))}
			}
			for i, v := range list {
				args[names[i]] = v
			}
		} else if err := json.Unmarshal(params, &args); err != nil {
			return nil, &rpcError{errInvalidParams, method + ": params must be an object or an array"}
		}
	}
	for k := range args {
		if !contains(names, k) {
			return nil, &rpcError{errInvalidParams, method + ": unknown parameter " + k}
		}
	}
	for _, k := range names[:required[method]] {
		if _, ok := args[k]; !ok {
			return nil, &rpcError{errInvalidParams, method + ": missing parameter " + k}
		}
	}
	return args, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// number reads a non-negative integer given as a JSON number or a decimal string.
func number(method, name string, v json.RawMessage) (uint64, *rpcError) {
	var s string
	if json.Unmarshal(v, &s) != nil {
		s = string(v)
	}
	n, err := strconv.ParseUint(s, 10, 32)
	if err != nil {
		return 0, &rpcError{errInvalidParams, fmt.Sprintf("%s: %s is not a u32: %s", method, name, v)}
	}
	return n, nil
}

// getchaininfo: the chain is regtest, synced, and its tip is block 1.
func getChainInfo(args map[string]json.RawMessage) (any, *rpcError) {
	if v, ok := args["last_height"]; ok && string(v) != "null" {
		if _, err := number("getchaininfo", "last_height", v); err != nil {
			return nil, err
		}
	}
	return map[string]any{"chain": "regtest", "headercount": 1, "blockcount": 1, "ibd": false}, nil
}

// estimatefees: what bcli reports on regtest, where bitcoind cannot estimate and bcli fakes
// 1000 sat/kvB for each of its four targets; the floor is bitcoind's default minimum relay fee.
func estimateFees(map[string]json.RawMessage) (any, *rpcError) {
	rates := []map[string]int{}
	for _, blocks := range []int{2, 6, 12, 100} {
		rates = append(rates, map[string]int{"blocks": blocks, "feerate": 1000})
	}
	return map[string]any{"feerate_floor": 1000, "feerates": rates}, nil
}

// getrawblockbyheight: the genesis block at 0. Above the tip, bcli's "no such block (yet)"
// answer (null hash and block), which is also what lightningd expects when it polls for the
// next block or looks up the block of a short_channel_id it was told about.
func (p *plugin) getRawBlockByHeight(args map[string]json.RawMessage) (any, *rpcError) {
	h, err := number("getrawblockbyheight", "height", args["height"])
	if err != nil {
		return nil, err
	}
	if h == 0 {
		return map[string]string{"blockhash": p.hash, "block": hex.EncodeToString(p.genesis)}, nil
	}
	if h == 1 {
		return map[string]string{"blockhash": p.hash1, "block": hex.EncodeToString(p.block1)}, nil
	}
	if h > 2 {
		p.log("unusual", fmt.Sprintf("asked for block %d: the stand-in chain ends at block 1", h))
	}
	return map[string]any{"blockhash": nil, "block": nil}, nil
}

// getutxout: there is no unspent output (the genesis coinbase is not spendable); bcli answers
// null amount and script for an output bitcoind does not have.
func (p *plugin) getUtxOut(args map[string]json.RawMessage) (any, *rpcError) {
	var txid string
	if json.Unmarshal(args["txid"], &txid) != nil || len(txid) != 64 {
		return nil, &rpcError{errInvalidParams, "getutxout: txid must be 64 hex digits"}
	}
	if _, err := hex.DecodeString(txid); err != nil {
		return nil, &rpcError{errInvalidParams, "getutxout: txid must be 64 hex digits"}
	}
	if _, err := number("getutxout", "vout", args["vout"]); err != nil {
		return nil, err
	}
	p.log("unusual", "asked for output "+txid+": the stand-in chain has no unspent outputs")
	return map[string]any{"amount": nil, "script": nil}, nil
}
