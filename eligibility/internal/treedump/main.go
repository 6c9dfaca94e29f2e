// Command treedump prints, for reading by hand, the criteria tree the
// loader builds for each trial of the given files and directories and the
// requirements read from it:
//
//	go run ./eligibility/internal/treedump /work/heldout/dev4/docs/NCT01985555.json
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

func dump(cs []model.Criterion, depth int) {
	for _, c := range cs {
		fmt.Printf("%s- %s\n", strings.Repeat("  ", depth), plain.Line(c.Text))
		dump(c.Children, depth+1)
	}
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: treedump PATH…")
		os.Exit(2)
	}
	res := loader.Load(os.Args[1:]...)
	for _, d := range res.Diagnostics {
		fmt.Fprintln(os.Stderr, d)
	}
	for _, t := range res.Trials {
		fmt.Printf("=== %s\n-- INCLUSION\n", plain.Line(t.ID))
		dump(t.Eligibility.Inclusion, 0)
		fmt.Println("-- EXCLUSION")
		dump(t.Eligibility.Exclusion, 0)
		fmt.Println("-- REQUIREMENTS")
		for _, r := range eligibility.Extract(&t.Eligibility) {
			fmt.Printf("   %s [%s cond=%v] | %.80s\n", eligibility.Describe(r), r.From, r.Conditional, plain.Line(r.Text))
		}
	}
	if len(res.Diagnostics) > 0 {
		os.Exit(1)
	}
}
