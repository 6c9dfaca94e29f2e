package loader

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestHoldoutShare reads the pages in testdata/holdout/<layout>/ — registry
// records the layout examples never used, rendered in the five page
// layouts by render.py, their expectations written from the records
// before any parser read the pages — and counts the checked fields the
// export gets wrong, as compare.py does (issue 10's measure). It fails
// when the share rises above maxHoldoutShare; the remaining errors are
// the mirror's run-together "Other Intervention Names" line and the
// classic table's run-together site rows, which the pages do not keep
// apart (see the report with `go test -run TestHoldoutShare -v`).
func TestHoldoutShare(t *testing.T) {
	const maxHoldoutShare = 1.5 // percent; 1.1 when the set was made
	docs, _ := filepath.Glob("testdata/holdout/*/*.txt")
	if len(docs) < 50 {
		t.Fatalf("%d held-out pages, want the 60 of testdata/holdout", len(docs))
	}
	type tally struct{ checked, wrong int }
	byLayout := map[string]*tally{}
	var all tally
	for _, doc := range docs {
		layout := filepath.Base(filepath.Dir(doc))
		want := readExpected(t, strings.TrimSuffix(doc, ".txt")+".json")
		data, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		trials, err := Parse(doc, data)
		if err != nil || len(trials) != 1 {
			t.Errorf("%s: %d trials, %v", doc, len(trials), err)
			continue
		}
		var errs []string
		c, w := holdoutCompare("", want, toJSONValue(t, trials[0]), &errs)
		if byLayout[layout] == nil {
			byLayout[layout] = &tally{}
		}
		byLayout[layout].checked += c
		byLayout[layout].wrong += w
		all.checked += c
		all.wrong += w
		if testing.Verbose() && len(errs) > 0 {
			t.Logf("%s: %d of %d wrong\n  %s", doc, w, c, strings.Join(errs, "\n  "))
		}
	}
	layouts := make([]string, 0, len(byLayout))
	for l := range byLayout {
		layouts = append(layouts, l)
	}
	sort.Strings(layouts)
	for _, l := range layouts {
		b := byLayout[l]
		t.Logf("%s: %d of %d checked fields wrong (%.2f%%)", l, b.wrong, b.checked, 100*float64(b.wrong)/float64(b.checked))
	}
	share := 100 * float64(all.wrong) / float64(all.checked)
	t.Logf("all: %d of %d checked fields wrong (%.2f%%)", all.wrong, all.checked, share)
	if share > maxHoldoutShare {
		t.Errorf("%.2f%% of checked fields wrong, more than %.1f%%", share, maxHoldoutShare)
	}
}

// holdoutCompare counts the leaves of want and those got has wrong: strings
// with their whitespace collapsed, lists aligned by a key so that one item
// missing costs its own fields only, "…_flat" keys against the criteria
// read depth first.
func holdoutCompare(path string, want, got any, errs *[]string) (checked, wrong int) {
	switch w := want.(type) {
	case map[string]any:
		g, _ := got.(map[string]any)
		for k, wv := range w {
			var gv any
			ok := false
			if base, flat := strings.CutSuffix(k, "_flat"); flat && g != nil {
				gv, ok = flatCriteria(g[base]), true
			} else if g != nil {
				gv, ok = g[k]
			}
			if !ok {
				n := holdoutLeaves(wv)
				checked, wrong = checked+n, wrong+n
				*errs = append(*errs, path+"."+k+": missing")
				continue
			}
			c, x := holdoutCompare(path+"."+k, wv, gv, errs)
			checked, wrong = checked+c, wrong+x
		}
		return max(checked, 1), wrong
	case []any:
		g, ok := got.([]any)
		if !ok {
			n := holdoutLeaves(w)
			*errs = append(*errs, path+": not a list")
			return n, n
		}
		if len(w) == 0 {
			if len(g) > 0 {
				*errs = append(*errs, fmt.Sprintf("%s: %d items, want none", path, len(g)))
				return 1, 1
			}
			return 1, 0
		}
		for _, p := range alignByKey(w, g) {
			switch {
			case p[0] >= 0 && p[1] >= 0:
				c, x := holdoutCompare(fmt.Sprintf("%s[%d]", path, p[0]), w[p[0]], g[p[1]], errs)
				checked, wrong = checked+c, wrong+x
			case p[0] >= 0:
				n := holdoutLeaves(w[p[0]])
				checked, wrong = checked+n, wrong+n
				*errs = append(*errs, fmt.Sprintf("%s[%d]: missing %q", path, p[0], short(itemKey(w[p[0]]))))
			default:
				checked, wrong = checked+1, wrong+1
				*errs = append(*errs, fmt.Sprintf("%s: extra %q", path, short(itemKey(g[p[1]]))))
			}
		}
		return checked, wrong
	}
	if normValue(want) == normValue(got) {
		return 1, 0
	}
	*errs = append(*errs, fmt.Sprintf("%s: got %s, want %s", path, short(got), short(want)))
	return 1, 1
}

func holdoutLeaves(v any) int {
	n := 0
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			n += holdoutLeaves(e)
		}
	case []any:
		for _, e := range x {
			n += holdoutLeaves(e)
		}
	default:
		return 1
	}
	return max(n, 1)
}

func normValue(v any) any {
	if s, ok := v.(string); ok {
		return strings.Join(strings.Fields(s), " ")
	}
	return fmt.Sprint(v)
}

func itemKey(v any) any {
	if m, ok := v.(map[string]any); ok {
		for _, k := range []string{"text", "label", "name", "measure", "facility", "id"} {
			if x, ok := m[k]; ok {
				return normValue(x)
			}
		}
		b, _ := json.Marshal(m)
		return string(b)
	}
	return normValue(v)
}

func flatCriteria(v any) any {
	var out []any
	var walk func(any)
	walk = func(v any) {
		list, _ := v.([]any)
		for _, c := range list {
			m, _ := c.(map[string]any)
			out = append(out, m["text"])
			walk(m["children"])
		}
	}
	walk(v)
	if out == nil {
		return []any{}
	}
	return out
}

// alignByKey pairs want's items with got's by their keys (a longest common
// subsequence); an unmatched item on each side at one place is one item
// read wrongly and is paired too. -1 marks no partner.
func alignByKey(w, g []any) [][2]int {
	n, m := len(w), len(g)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if itemKey(w[i]) == itemKey(g[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var pairs [][2]int
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case itemKey(w[i]) == itemKey(g[j]):
			pairs = append(pairs, [2]int{i, j})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			pairs = append(pairs, [2]int{i, -1})
			i++
		default:
			pairs = append(pairs, [2]int{-1, j})
			j++
		}
	}
	for ; i < n; i++ {
		pairs = append(pairs, [2]int{i, -1})
	}
	for ; j < m; j++ {
		pairs = append(pairs, [2]int{-1, j})
	}
	var out [][2]int
	for k := 0; k < len(pairs); k++ {
		a := pairs[k]
		if k+1 < len(pairs) {
			b := pairs[k+1]
			if a[1] < 0 && b[0] < 0 && a[0] >= 0 && b[1] >= 0 || a[0] < 0 && b[1] < 0 && a[1] >= 0 && b[0] >= 0 {
				out = append(out, [2]int{max(a[0], b[0]), max(a[1], b[1])})
				k++
				continue
			}
		}
		out = append(out, a)
	}
	return out
}
