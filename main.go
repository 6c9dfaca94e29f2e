// Command trials browses, searches, screens and compares clinical trials in
// the terminal. See README.md, or run `trials --help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/trials-app/trials/cli"
)

func main() {
	// ctrl+c (outside the browser, which reads keys itself) cancels the
	// running command cleanly: loads stop, fetch removes its partial file.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(os.Args[1:], &cli.Env{
		Ctx:     ctx,
		Stdin:   os.Stdin,
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Environ: os.Environ(),
	})
	stop()
	os.Exit(code)
}
