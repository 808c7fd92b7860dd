// Command lnd builds lnd (github.com/lightningnetwork/lnd, pinned in go.mod)
// for the lnconform conformance images. It performs the same calls as
// lnd's own cmd/lnd/main.go; this wrapper module exists only because
// `go install github.com/lightningnetwork/lnd/cmd/lnd@<version>` refuses
// modules whose go.mod contains replace directives, so go.mod here carries
// lnd's replaces.
package main

import (
	"fmt"
	"os"

	"github.com/jessevdk/go-flags"
	"github.com/lightningnetwork/lnd"
	"github.com/lightningnetwork/lnd/signal"
)

func main() {
	interceptor, err := signal.Intercept()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	cfg, err := lnd.LoadConfig(interceptor)
	if err != nil {
		var fe *flags.Error
		if e, ok := err.(*flags.Error); ok {
			fe = e
		}
		if fe != nil && fe.Type == flags.ErrHelp {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, fmt.Errorf("failed to load config: %w", err))
		os.Exit(1)
	}

	impl := cfg.ImplementationConfig(interceptor)
	if err := lnd.Main(cfg, lnd.ListenerCfg{}, impl, interceptor); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
