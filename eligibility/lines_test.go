package eligibility_test

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

// TestLines prints what each line of a file yields, for reading by hand:
// ELIG_LINES=FILE go test ./eligibility -run TestLines -v ("E: " marks an
// exclusion). ELIG_TEXT=1 adds each requirement's item text. With ELIG_TREE=1 the file holds trees instead: blank lines
// separate trials, two spaces of indent nest an item, "E: " at the top
// level starts the exclusions.
func TestLines(t *testing.T) {
	path := os.Getenv("ELIG_LINES")
	if path == "" {
		t.Skip("set ELIG_LINES")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("ELIG_TREE") == "" {
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line != "" {
				fmt.Printf("%-90.90s => %q\n", line, extractOne(line))
			}
		}
		return
	}
	for _, block := range strings.Split(string(b), "\n\n") {
		var el model.Eligibility
		excl := false
		var stack []*[]model.Criterion
		for _, line := range strings.Split(block, "\n") {
			text := strings.TrimLeft(line, " ")
			if text == "" {
				continue
			}
			depth := (len(line) - len(text)) / 2
			if depth == 0 {
				if rest, ok := strings.CutPrefix(text, "E: "); ok {
					excl, text = true, rest
				}
				if excl {
					stack = []*[]model.Criterion{&el.Exclusion}
				} else {
					stack = []*[]model.Criterion{&el.Inclusion}
				}
			}
			depth = min(depth, len(stack)-1)
			stack = stack[:depth+1]
			list := stack[depth]
			*list = append(*list, model.Criterion{Text: text})
			stack = append(stack, &(*list)[len(*list)-1].Children)
		}
		fmt.Println(block)
		for _, r := range eligibility.Extract(&el) {
			if os.Getenv("ELIG_TEXT") != "" {
				fmt.Printf("   => %s @%s | %s\n", compact(r), r.From, r.Text)
			} else {
				fmt.Printf("   => %s @%s\n", compact(r), r.From)
			}
		}
		fmt.Println()
	}
}
