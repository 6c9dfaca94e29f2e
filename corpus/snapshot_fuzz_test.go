package corpus

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/search"
	"github.com/trials-app/trials/snapshot"
)

// realSnapshot writes the snapshot of real registry records and returns
// its path.
func realSnapshot(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	c, err := Load(context.Background(), Source{Paths: []string{"../loader/testdata/ctgov/json", "../seeds"}}, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, "real"+snapshot.Ext)
	if err := WriteSnapshot(path, snapshot.Meta{Program: "fuzz", Paths: []string{"x"}, Trials: c.Len()}, c); err != nil {
		tb.Fatal(err)
	}
	return path
}

// FuzzSnapshotFile: whatever the file's bytes, reading it is an error or a
// corpus that works — never a panic.
func FuzzSnapshotFile(f *testing.F) {
	data, err := os.ReadFile(realSnapshot(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := snapshot.Parse(snapshot.Aligned(data))
		if err != nil {
			return
		}
		if c, err := FromSnapshot(file, "fuzz", nil); err == nil {
			exercise(t, c)
		}
	})
}

// FuzzSnapshotSection replaces one section of a real snapshot with the
// fuzzed bytes under a correct checksum, so that the decoders behind the
// checksums are fuzzed too.
func FuzzSnapshotSection(f *testing.F) {
	file, err := snapshot.Open(realSnapshot(f))
	if err != nil {
		f.Fatal(err)
	}
	for id := uint32(sectionIndex); id <= sectionExtras; id++ {
		b, _ := file.Section(id)
		f.Add(uint8(id), b)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		id := uint32(which%4) + sectionIndex
		var sections []snapshot.Section
		for k := uint32(sectionIndex); k <= sectionExtras; k++ {
			b, _ := file.Section(k)
			if k == id {
				b = data
			}
			sections = append(sections, snapshot.Section{ID: k, Write: func(w io.Writer) error { _, err := w.Write(b); return err }})
		}
		path := filepath.Join(dir, "f"+snapshot.Ext)
		if err := snapshot.Write(path, file.Meta, sections); err != nil {
			t.Fatal(err)
		}
		g, err := snapshot.Open(path)
		if err != nil {
			t.Fatalf("a snapshot just written does not open: %v", err)
		}
		if c, err := FromSnapshot(g, "fuzz", nil); err == nil {
			exercise(t, c)
		}
	})
}

func exercise(t *testing.T, c *Corpus) {
	t.Helper()
	age := 50.0
	p := eligibility.Patient{Age: &age}
	for i := range c.Len() {
		_ = c.Record(i)
		_ = c.Index().Countries(i)
		c.Screen(i, &p)
	}
	for _, q := range []string{"", "c", "cancer", "status:recruiting", "crit:e", "country:u", "phase:2"} {
		pq, _ := search.Parse(q)
		m := c.Index().Run(pq, search.Options{})
		_ = m.All()
		_ = m.Facets()
	}
	for _, q := range []string{"", "p", "placebo"} {
		for _, h := range c.Catalog().Find(q) {
			for _, u := range c.Catalog().Entry(h.Entry).Uses {
				_ = c.Record(u.Record)
			}
		}
	}
}
