package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
)

func TestGenesisBlockHashesToTheRegtestGenesisHash(t *testing.T) {
	raw, hash := genesisBlock()
	if hash != regtestGenesisHash {
		t.Fatalf("genesis hash %s, want %s", hash, regtestGenesisHash)
	}
	if len(raw) != 80+1+len(genesisCoinbase)/2 {
		t.Fatalf("genesis block is %d bytes", len(raw))
	}
}

// session feeds requests to a plugin and returns every object it wrote (responses and log notifications).
func session(t *testing.T, requests ...string) []map[string]any {
	t.Helper()
	var out bytes.Buffer
	p := newPlugin(bufio.NewWriter(&out))
	if err := p.serve(strings.NewReader(strings.Join(requests, "\n\n"))); err == nil || err.Error() != "EOF" {
		t.Fatalf("serve ended with %v, want EOF", err)
	}
	var objs []map[string]any
	dec := json.NewDecoder(&out)
	for dec.More() {
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		objs = append(objs, m)
	}
	return objs
}

// response returns the response to request id (a string, as lightningd sends them).
func response(t *testing.T, objs []map[string]any, id string) map[string]any {
	t.Helper()
	for _, o := range objs {
		if o["id"] == id {
			return o
		}
	}
	t.Fatalf("no response with id %q in %v", id, objs)
	return nil
}

func TestHandshakeAndTheFiveMethods(t *testing.T) {
	objs := session(t,
		`{"jsonrpc":"2.0","id":"cln:getmanifest#1","method":"getmanifest","params":{"allow-deprecated-apis":false}}`,
		`{"jsonrpc":"2.0","id":"cln:init#2","method":"init","params":{"options":{},"configuration":{"network":"regtest","lightning-dir":"/tmp/x"}}}`,
		`{"jsonrpc":"2.0","id":"3","method":"getchaininfo","params":{"last_height":0}}`,
		`{"jsonrpc":"2.0","id":"4","method":"estimatefees","params":{}}`,
		`{"jsonrpc":"2.0","id":"5","method":"getrawblockbyheight","params":{"height":0}}`,
		`{"jsonrpc":"2.0","id":"6","method":"getrawblockbyheight","params":{"height":2}}`,
		`{"jsonrpc":"2.0","id":"7","method":"getutxout","params":{"txid":"`+strings.Repeat("ab", 32)+`","vout":1}}`,
		`{"jsonrpc":"2.0","id":"8","method":"sendrawtransaction","params":{"tx":"00","allowhighfees":false}}`,
		`{"jsonrpc":"2.0","id":"9","method":"getblockhash","params":[0]}`,
		`{"jsonrpc":"2.0","id":"10","method":"getrawblockbyheight","params":{}}`,
		`{"jsonrpc":"2.0","id":"11","method":"getrawblockbyheight","params":[2]}`,
	)
	m := response(t, objs, "cln:getmanifest#1")["result"].(map[string]any)
	if len(m["rpcmethods"].([]any)) != 5 || m["nonnumericids"] != true {
		t.Fatalf("manifest %v", m)
	}
	if r := response(t, objs, "cln:init#2"); r["result"] == nil || len(r["result"].(map[string]any)) != 0 {
		t.Fatalf("init %v", r)
	}
	ci := response(t, objs, "3")["result"].(map[string]any)
	if ci["chain"] != "regtest" || ci["blockcount"] != 1.0 || ci["headercount"] != 1.0 || ci["ibd"] != false {
		t.Fatalf("getchaininfo %v", ci)
	}
	fees := response(t, objs, "4")["result"].(map[string]any)
	if fees["feerate_floor"] != 1000.0 || len(fees["feerates"].([]any)) != 4 {
		t.Fatalf("estimatefees %v", fees)
	}
	b0 := response(t, objs, "5")["result"].(map[string]any)
	if b0["blockhash"] != regtestGenesisHash || !strings.HasPrefix(b0["block"].(string), "01000000"+strings.Repeat("00", 32)) {
		t.Fatalf("block 0 %v", b0)
	}
	for _, id := range []string{"6", "11"} {
		if b1 := response(t, objs, id)["result"].(map[string]any); b1["blockhash"] != nil || b1["block"] != nil {
			t.Fatalf("block 2 %v", b1)
		}
	}
	if u := response(t, objs, "7")["result"].(map[string]any); u["amount"] != nil || u["script"] != nil {
		t.Fatalf("getutxout %v", u)
	}
	for id, code := range map[string]float64{"8": errNoChain, "9": errMethodNotFound, "10": errInvalidParams} {
		e, ok := response(t, objs, id)["error"].(map[string]any)
		if !ok || e["code"] != code || e["message"] == "" {
			t.Fatalf("request %s: want error %v, got %v", id, code, response(t, objs, id))
		}
	}
	logs := 0
	for _, o := range objs {
		if o["method"] == "log" {
			logs++
		}
	}
	if logs < 9 { // one per backend call, the init line, and one per rejection
		t.Fatalf("only %d log notifications", logs)
	}
}

func TestInitOnAnotherNetworkDisablesThePlugin(t *testing.T) {
	objs := session(t, `{"jsonrpc":"2.0","id":1,"method":"init","params":{"options":{},"configuration":{"network":"bitcoin"}}}`)
	r := objs[len(objs)-1]["result"].(map[string]any)
	if !strings.Contains(r["disable"].(string), "regtest only") {
		t.Fatalf("init on mainnet %v", r)
	}
}

func TestGarbageEndsTheSessionWithAnError(t *testing.T) {
	var out bytes.Buffer
	p := &plugin{out: bufio.NewWriter(&out)}
	if err := p.serve(strings.NewReader(`{"id":1,"method":`)); err == nil || err.Error() == "EOF" {
		t.Fatalf("want a decode error, got %v", err)
	}
}

func TestBlockOneExtendsGenesisWithWork(t *testing.T) {
	g, gHash := genesisBlock()
	raw, hash := blockOne(g)
	if hex.EncodeToString(reversed(raw[4:36])) != gHash {
		t.Fatalf("block 1's previous block is %x, want genesis %s", reversed(raw[4:36]), gHash)
	}
	if hex.EncodeToString(raw[36:68]) != hex.EncodeToString(dsha256(raw[81:])) {
		t.Fatalf("block 1's merkle root is not its coinbase's txid")
	}
	if hash[0] > '7' { // target 0x7fffff << 232: the top bit of the hash is clear
		t.Fatalf("block 1's hash %s is above regtest's target", hash)
	}
	if hex.EncodeToString(reversed(dsha256(raw[:80]))) != hash {
		t.Fatalf("block 1's hash does not match its header")
	}
}
