package eligibility_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
)

// TestDumpCorpus prints what is extracted from a corpus, for reading by
// hand: ELIG_CORPUS=DIR go test -run TestDumpCorpus -v ./eligibility
// (ELIG_MISSED=1 also lists the items with a number and no requirement;
// ELIG_TREE=1 prints the criteria tree as the loader built it).
func TestDumpCorpus(t *testing.T) {
	dir := os.Getenv("ELIG_CORPUS")
	if dir == "" {
		t.Skip("set ELIG_CORPUS")
	}
	res := loader.Load(strings.Split(dir, ",")...)
	for _, tr := range res.Trials {
		reqs := eligibility.Extract(&tr.Eligibility)
		fmt.Printf("== %s %s\n", tr.ID, tr.Source.Format)
		if os.Getenv("ELIG_TREE") != "" {
			var tree func([]model.Criterion, string)
			tree = func(cs []model.Criterion, indent string) {
				for _, c := range cs {
					fmt.Printf("  %s| %s\n", indent, eligibility.ItemText(c.Text))
					tree(c.Children, indent+"  ")
				}
			}
			fmt.Println("  INCLUSION")
			tree(tr.Eligibility.Inclusion, "")
			fmt.Println("  EXCLUSION")
			tree(tr.Eligibility.Exclusion, "")
		}
		used := map[string]bool{}
		for _, r := range reqs {
			used[r.Text] = true
			c := ""
			if r.Conditional {
				c = " COND"
			}
			fmt.Printf("  %-4s %-32s%s | %s\n", r.From[:3], eligibility.Describe(r), c, mark(r))
		}
		if os.Getenv("ELIG_MISSED") != "" {
			var walk func([]model.Criterion, string)
			walk = func(cs []model.Criterion, sec string) {
				for _, c := range cs {
					txt := eligibility.ItemText(c.Text)
					if !used[txt] && strings.ContainsAny(txt, "0123456789") {
						fmt.Printf("  .. %s %s\n", sec, txt)
					}
					walk(c.Children, sec)
				}
			}
			walk(tr.Eligibility.Inclusion, "I")
			walk(tr.Eligibility.Exclusion, "E")
		}
	}
}

func mark(r model.Requirement) string {
	s, e := r.Span[0], r.Span[1]
	if s < 0 || e > len(r.Text) || s > e {
		return r.Text
	}
	return r.Text[:s] + "[[" + r.Text[s:e] + "]]" + r.Text[e:]
}
