// Command devexport writes the export compare.py scores: the trials of the
// given files and directories, with their requirements extracted, as a JSON
// array.
//
//	go run ./eligibility/internal/devexport /work/heldout/dev/docs > /tmp/dev.json
//	python3 ../shared/eligibility/compare.py /work/heldout/dev/truth.json /tmp/dev.json -n 40
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/loader"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: devexport PATH…")
		os.Exit(2)
	}
	res := loader.Load(os.Args[1:]...)
	for _, d := range res.Diagnostics {
		fmt.Fprintln(os.Stderr, d)
	}
	for _, t := range res.Trials {
		t.Eligibility.Requirements = eligibility.Extract(&t.Eligibility)
		t.Canonicalize()
	}
	b, err := json.Marshal(res.Trials)
	if err != nil {
		fmt.Fprintf(os.Stderr, "devexport: %v\n", err)
		os.Exit(1)
	}
	os.Stdout.Write(append(b, '\n'))
	if len(res.Diagnostics) > 0 {
		os.Exit(1)
	}
}
