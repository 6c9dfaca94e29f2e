// Command trials browses, searches, screens and compares clinical trials in
// the terminal. See README.md, or run `trials --help`.
package main

import (
	"os"

	"github.com/trials-app/trials/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], &cli.Env{
		Stdin:   os.Stdin,
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Environ: os.Environ(),
	}))
}
