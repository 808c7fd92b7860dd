package main

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math/big"
	"strings"
)

// The chain this backend serves: bitcoin's regtest, its genesis block and one block on top.

// genesisCoinbase is the genesis block's only transaction (shared by mainnet, testnet and
// regtest): one input spending nothing, scriptSig carrying the "Chancellor" headline, one output
// of 50 BTC to Satoshi's key. A well-known constant; the test checks that it hashes to the
// regtest genesis block hash below.
const genesisCoinbase = "01000000" + "01" +
	"0000000000000000000000000000000000000000000000000000000000000000" + "ffffffff" +
	"4d" + "04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e20" +
	"6272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73" + "ffffffff" +
	"01" + "00f2052a01000000" +
	"43" + "4104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e5" +
	"1ec112de5c384df7ba0b8d578a4c702b6bf11d5fac" +
	"00000000"

// regtestGenesisHash is the regtest genesis block hash in the usual (byte-reversed) display order.
const regtestGenesisHash = "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206"

// Regtest's genesis header fields that differ from mainnet's: time, bits (minimum difficulty), nonce.
const (
	genesisTime  = 1296688602
	genesisBits  = 0x207fffff
	genesisNonce = 2
)

func dsha256(b []byte) []byte {
	h1 := sha256.Sum256(b)
	h2 := sha256.Sum256(h1[:])
	return h2[:]
}

func reversed(b []byte) []byte {
	r := make([]byte, len(b))
	for i := range b {
		r[len(b)-1-i] = b[i]
	}
	return r
}

// genesisBlock returns the serialised regtest genesis block and its hash (display order, hex).
func genesisBlock() (raw []byte, hashHex string) {
	tx, err := hex.DecodeString(genesisCoinbase)
	if err != nil {
		panic(err)
	}
	header := make([]byte, 0, 80)
	header = binary.LittleEndian.AppendUint32(header, 1) // version
	header = append(header, make([]byte, 32)...)         // no previous block
	header = append(header, dsha256(tx)...)              // merkle root of a single transaction
	header = binary.LittleEndian.AppendUint32(header, genesisTime)
	header = binary.LittleEndian.AppendUint32(header, genesisBits)
	header = binary.LittleEndian.AppendUint32(header, genesisNonce)
	raw = append(append(append([]byte{}, header...), 0x01), tx...) // tx count 1 (compact size)
	return raw, hex.EncodeToString(reversed(dsha256(header)))
}

// blockOne returns a regtest block 1 on top of genesis (serialised, and its hash in display
// order): one coinbase (BIP 34 height 1, 50 BTC to OP_TRUE), mined at regtest's minimum
// difficulty. Core Lightning sets a new channel's first_blocknum from the chain height and
// asserts that it is not 0 when it saves the channel (wallet/wallet.c:2665), so a chain of only
// the genesis block cannot take an incoming channel to funding_signed.
func blockOne(genesisRaw []byte) (raw []byte, hashHex string) {
	coinbase, err := hex.DecodeString("01000000" + "01" + strings.Repeat("00", 32) + "ffffffff" +
		"02" + "5100" + "ffffffff" + "01" + "00f2052a01000000" + "01" + "51" + "00000000")
	if err != nil {
		panic(err)
	}
	target := new(big.Int).Lsh(big.NewInt(0x7fffff), 8*(0x20-3))
	for nonce := uint32(0); ; nonce++ {
		header := make([]byte, 0, 80)
		header = binary.LittleEndian.AppendUint32(header, 4)
		header = append(header, dsha256(genesisRaw[:80])...) // previous block: genesis, internal order
		header = append(header, dsha256(coinbase)...)
		header = binary.LittleEndian.AppendUint32(header, genesisTime+600)
		header = binary.LittleEndian.AppendUint32(header, genesisBits)
		header = binary.LittleEndian.AppendUint32(header, nonce)
		h := reversed(dsha256(header))
		if new(big.Int).SetBytes(h).Cmp(target) <= 0 {
			raw = append(append(append([]byte{}, header...), 0x01), coinbase...)
			return raw, hex.EncodeToString(h)
		}
	}
}
