package loader

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
)

// The fuzz targets feed each parser arbitrary bytes, starting from the real
// documents, and check that it never panics and that whatever it returns
// is a well-formed trial whose text is safe for a terminal. They run on
// their seed corpus in every `go test`; `go test -fuzz FuzzX` explores.

// addCorpus seeds a fuzz target with documents matching the globs.
func addCorpus(f *testing.F, globs ...string) {
	f.Helper()
	n := 0
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, p := range files {
			data := mustReadF(f, p)
			f.Add(data)
			n++
		}
	}
	if n == 0 {
		f.Fatalf("no corpus for %v", globs)
	}
}

func mustReadF(f *testing.F, p string) []byte {
	f.Helper()
	b, _, err := readFile(context.Background(), p)
	if err != nil {
		f.Fatal(err)
	}
	return b
}

// checkTrial asserts what every parsed trial must satisfy.
func checkTrial(t *testing.T, tr *model.Trial) {
	t.Helper()
	finish(tr)
	if tr.ID == "" {
		t.Fatal("trial without an id")
	}
	b, err := json.Marshal(tr)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	if strings.Contains(string(b), `"phases":null`) || strings.Contains(string(b), `"children":null`) {
		t.Fatalf("null list in export: %s", b)
	}
	var v any
	_ = json.Unmarshal(b, &v)
	walkStrings(v, func(s string) {
		for _, r := range s {
			if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x1b {
				t.Fatalf("control character %U in %q", r, s)
			}
		}
	})
}

func walkStrings(v any, fn func(string)) {
	switch x := v.(type) {
	case string:
		fn(x)
	case []any:
		for _, e := range x {
			walkStrings(e, fn)
		}
	case map[string]any:
		for _, e := range x {
			walkStrings(e, fn)
		}
	}
}

func fuzzOne(f *testing.F, parse func([]byte) (*model.Trial, error)) {
	f.Fuzz(func(t *testing.T, data []byte) {
		tr, err := parse(data)
		if err != nil {
			return
		}
		checkTrial(t, tr)
	})
}

func fuzzMany(f *testing.F, parse func([]byte) ([]*model.Trial, error)) {
	f.Fuzz(func(t *testing.T, data []byte) {
		trials, err := parse(data)
		var partial *PartialError
		if err != nil && !errors.As(err, &partial) {
			return
		}
		for _, tr := range trials {
			checkTrial(t, tr)
		}
	})
}

func FuzzDetect(f *testing.F) {
	addCorpus(f, "../seeds/*.txt", "testdata/layouts/*/*.txt", "testdata/ctgov/json/NCT0551*.json", "testdata/ctgov/xml/NCT0000*.xml")
	f.Add([]byte{})
	f.Add([]byte("\x00\x01binary"))
	f.Fuzz(func(t *testing.T, data []byte) {
		format, err := Detect(data)
		if (format == "") == (err == nil) {
			t.Fatalf("Detect = %q, %v: want exactly one of a format and an error", format, err)
		}
		trials, err := Parse("fuzz", data)
		if err != nil {
			return
		}
		for _, tr := range trials {
			checkTrial(t, tr)
		}
	})
}

func FuzzMirrorLabelled(f *testing.F) {
	addCorpus(f, "../seeds/NCT05033522.txt", "testdata/layouts/mirror-labelled/*.txt")
	fuzzOne(f, parseLabelledMirror)
}

func FuzzMirrorBare(f *testing.F) {
	addCorpus(f, "../seeds/NCT05168163.txt", "testdata/layouts/mirror-bare/*.txt")
	fuzzOne(f, parseBareMirror)
}

func FuzzClassic(f *testing.F) {
	addCorpus(f, "../seeds/NCT05962450.txt", "testdata/layouts/ctgov-classic/*.txt")
	fuzzOne(f, parseClassic)
}

func FuzzClinConnect(f *testing.F) {
	addCorpus(f, "../seeds/clinconnect-*.txt", "testdata/layouts/clinconnect/*.txt")
	fuzzOne(f, parseClinConnect)
}

func FuzzMedPath(f *testing.F) {
	addCorpus(f, "../seeds/NCT05233358.txt", "testdata/layouts/medpath/*.txt")
	fuzzOne(f, parseMedPath)
}

func FuzzCTGovJSON(f *testing.F) {
	addCorpus(f, "testdata/ctgov/json/*.json", "testdata/ctgov/search-pages/*.json")
	fuzzMany(f, parseCTGovJSON)
}

func FuzzCTGovXML(f *testing.F) {
	addCorpus(f, "testdata/ctgov/xml/NCT00*.xml", "testdata/ctgov/xml/NCT01*.xml")
	fuzzMany(f, parseCTGovXML)
}

// FuzzCriteria: the list parser keeps the text of every line (a wrapped
// line joins the item before it) and invents no item.
func FuzzCriteria(f *testing.F) {
	f.Add("1. A\n   a. B\n* C\n- • 2. D")
	f.Add("8. Labs:\n• 1. Hb\n• 9. Next")
	f.Fuzz(func(t *testing.T, s string) {
		ls := splitLines([]byte(s))
		cs := parseCriteria(ls)
		var all []string
		var walk func([]model.Criterion)
		walk = func(cs []model.Criterion) {
			for _, c := range cs {
				if strings.TrimSpace(c.Text) == "" {
					t.Fatalf("an empty criterion from %q", s)
				}
				all = append(all, c.Text)
				walk(c.Children)
			}
		}
		walk(cs)
		items := 0
		for _, l := range ls {
			_, text := parseMarker(l.text)
			text = strings.TrimSpace(text)
			if text == "" || criteriaDisclaimers.MatchString(trimBullets(l.text)) {
				continue
			}
			items++
			if !slices.ContainsFunc(all, func(c string) bool { return strings.Contains(c, text) }) {
				t.Fatalf("line %q lost from %q: got %q", l.text, s, all)
			}
		}
		if len(all) > items {
			t.Fatalf("%d criteria from %d lines of %q", len(all), items, s)
		}
	})
}
