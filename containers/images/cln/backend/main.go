// Command lnconform-chain is a stand-in for Core Lightning's bcli plugin: the chain backend
// lightningd asks about blocks, fees, outputs and broadcasts. It serves bitcoin regtest with only
// the genesis block, which is all the peer protocol needs, and needs no bitcoind.
//
// It speaks CLN's plugin protocol: JSON-RPC 2.0 requests from lightningd on stdin, responses on
// stdout. Every call is logged through lightningd's log (the "log" notification). What it cannot
// answer truthfully (a method it does not know, a transaction to broadcast, malformed params) gets
// a JSON-RPC error, which lightningd treats as fatal: a case that needs a real chain fails loudly
// instead of quietly getting made-up data.
//
// Run it as: lightningd --network=regtest --disable-plugin=bcli --plugin=/path/to/lnconform-chain
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// JSON-RPC error codes: the standard ones, and one of ours for "the stand-in chain cannot do this".
const (
	errMethodNotFound = -32601
	errInvalidParams  = -32602
	errNoChain        = -32000
)

type request struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return e.Message }

type plugin struct {
	out     *bufio.Writer
	genesis []byte
	hash    string
	block1  []byte
	hash1   string
}

func main() {
	p := newPlugin(bufio.NewWriter(os.Stdout))
	if err := p.serve(os.Stdin); err != nil && err != io.EOF {
		fmt.Fprintf(os.Stderr, "lnconform-chain: %v\n", err)
		os.Exit(1)
	}
}

func newPlugin(out *bufio.Writer) *plugin {
	raw, hash := genesisBlock()
	raw1, hash1 := blockOne(raw)
	return &plugin{out: out, genesis: raw, hash: hash, block1: raw1, hash1: hash1}
}

// serve answers requests until lightningd closes stdin (which is how it stops plugins).
func (p *plugin) serve(in io.Reader) error {
	dec := json.NewDecoder(bufio.NewReader(in))
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			return err
		}
		if len(req.ID) == 0 {
			// a notification: we subscribe to none, so anything here is unexpected
			p.log("unusual", "ignoring notification "+req.Method)
			continue
		}
		result, err := p.call(req.Method, req.Params)
		if err != nil {
			p.log("broken", fmt.Sprintf("rejected %s %s: %v", req.Method, compact(req.Params), err))
			p.send(map[string]any{"jsonrpc": "2.0", "id": req.ID, "error": err})
		} else {
			p.send(map[string]any{"jsonrpc": "2.0", "id": req.ID, "result": result})
		}
	}
}

func (p *plugin) call(method string, params json.RawMessage) (any, *rpcError) {
	switch method {
	case "getmanifest":
		return manifest(), nil
	case "init":
		return p.init(params)
	}
	args, err := named(method, params)
	if err != nil {
		return nil, err
	}
	// Logged after the handshake: lightningd shows plugin log lines only once it has the manifest.
	p.log("info", "call "+method+" "+compact(params))
	switch method {
	case "getchaininfo":
		return getChainInfo(args)
	case "estimatefees":
		return estimateFees(args)
	case "getrawblockbyheight":
		return p.getRawBlockByHeight(args)
	case "getutxout":
		return p.getUtxOut(args)
	case "sendrawtransaction":
		return nil, &rpcError{errNoChain, "lnconform stand-in chain: cannot broadcast (no mempool, no blocks " +
			"after genesis); a case that needs transactions needs a real bitcoind"}
	}
	return nil, &rpcError{errMethodNotFound, "lnconform stand-in chain: no method " + method}
}

// send writes one JSON object; lightningd reads a stream of them (a blank line between is customary).
func (p *plugin) send(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only our own maps and structs are marshalled
	}
	p.out.Write(b)
	p.out.WriteString("\n\n")
	p.out.Flush()
}

// log asks lightningd to write a line to its log ("debug", "info", "unusual", "broken").
func (p *plugin) log(level, message string) {
	p.send(map[string]any{"jsonrpc": "2.0", "method": "log",
		"params": map[string]string{"level": level, "message": message}})
}

func compact(params json.RawMessage) string {
	if len(params) == 0 {
		return "{}"
	}
	if len(params) > 200 {
		return string(params[:200]) + "…"
	}
	return string(params)
}
