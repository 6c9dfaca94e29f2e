// Command devexport writes the export compare.py scores: the trials of the
// given files and directories, with their requirements extracted, as a JSON
// array.
//
//	go run ./eligibility/internal/devexport /work/heldout/dev/docs > /tmp/dev.json
//	python3 ../shared/eligibility/compare.py /work/heldout/dev/truth.json /tmp/dev.json -n 40
//
// With -trials FILE it reads trials already loaded (an export, as another
// loader wrote it) instead of documents, so the extractor can be scored on
// the criteria trees that loader builds.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
)

func main() {
	trialsFile := flag.String("trials", "", "read loaded trials from this JSON export instead of documents")
	flag.Parse()
	var trials []*model.Trial
	failed := false
	switch {
	case *trialsFile != "":
		b, err := os.ReadFile(*trialsFile)
		if err == nil {
			err = json.Unmarshal(b, &trials)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "devexport: %s: %v\n", *trialsFile, err)
			os.Exit(1)
		}
	case flag.NArg() > 0:
		res := loader.Load(flag.Args()...)
		for _, d := range res.Diagnostics {
			fmt.Fprintln(os.Stderr, d)
			failed = true
		}
		trials = res.Trials
	default:
		fmt.Fprintln(os.Stderr, "usage: devexport PATH… | devexport -trials EXPORT.json")
		os.Exit(2)
	}
	for _, t := range trials {
		t.Eligibility.Requirements = eligibility.Extract(&t.Eligibility)
		t.Canonicalize()
	}
	b, err := json.Marshal(trials)
	if err != nil {
		fmt.Fprintf(os.Stderr, "devexport: %v\n", err)
		os.Exit(1)
	}
	os.Stdout.Write(append(b, '\n'))
	if failed {
		os.Exit(1)
	}
}
