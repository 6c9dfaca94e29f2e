package loader

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
)

// TestLayoutExamples reads the documents written in each layout under
// testdata/layouts/<format>/ — other trials than the seeds, in other shapes —
// and compares each with its hand-written expected export NAME.json. Only
// the keys the expectation states are compared (see matchSubset), so an
// expectation pins exactly what its author checked against the document.
func TestLayoutExamples(t *testing.T) {
	dirs, err := os.ReadDir("testdata/layouts")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		format := model.Format(dir.Name())
		docs, _ := filepath.Glob(filepath.Join("testdata/layouts", dir.Name(), "*.txt"))
		if len(docs) < 3 {
			t.Errorf("layout %s: %d example documents, want at least 3", format, len(docs))
		}
		for _, doc := range docs {
			name := strings.TrimSuffix(doc, ".txt")
			t.Run(dir.Name()+"/"+filepath.Base(name), func(t *testing.T) {
				want := readExpected(t, name+".json")
				data, err := os.ReadFile(doc)
				if err != nil {
					t.Fatal(err)
				}
				got, err := Detect(data)
				if err != nil || got != format {
					t.Fatalf("Detect = %q, %v; want %q", got, err, format)
				}
				trials, err := Parse(doc, data)
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				if len(trials) != 1 {
					t.Fatalf("Parse gave %d trials, want 1", len(trials))
				}
				for _, d := range matchSubset("", want, toJSONValue(t, trials[0])) {
					t.Error(d)
				}
			})
		}
	}
}

func readExpected(t *testing.T, path string) any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("expected export: %v", err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

func toJSONValue(t *testing.T, x any) any {
	t.Helper()
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// matchSubset compares got against want: objects key by key, only for the
// keys want has; arrays element by element, with equal lengths; other
// values exactly. It returns one message per difference.
func matchSubset(path string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want an object, got %s", orRoot(path), short(got))}
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var diffs []string
		for _, k := range keys {
			gv, ok := g[k]
			if !ok {
				diffs = append(diffs, fmt.Sprintf("%s.%s: missing from the export", path, k))
				continue
			}
			diffs = append(diffs, matchSubset(path+"."+k, w[k], gv)...)
		}
		return diffs
	case []any:
		g, ok := got.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want an array, got %s", orRoot(path), short(got))}
		}
		var diffs []string
		if len(g) != len(w) {
			diffs = append(diffs, fmt.Sprintf("%s: %d elements, want %d\n  got:  %s\n  want: %s", orRoot(path), len(g), len(w), short(g), short(w)))
		}
		for i := 0; i < len(w) && i < len(g); i++ {
			diffs = append(diffs, matchSubset(fmt.Sprintf("%s[%d]", path, i), w[i], g[i])...)
		}
		return diffs
	default:
		if !reflect.DeepEqual(want, got) {
			return []string{fmt.Sprintf("%s:\n  got:  %s\n  want: %s", orRoot(path), short(got), short(want))}
		}
		return nil
	}
}

func orRoot(p string) string {
	if p == "" {
		return "(trial)"
	}
	return p
}

func short(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	return s
}
