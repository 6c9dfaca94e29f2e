package loader

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trials-app/trials/model"
)

// member is one file of a zip built for a test.
type member struct {
	name string
	data []byte
}

func zipBytes(t testing.TB, members ...member) []byte {
	return zipMethods(t, nil, members...)
}

// zipMethods is zipBytes with each member's compression method (deflate
// where methods has none); method 99 stores the data under a method no
// reader knows.
func zipMethods(t testing.TB, methods []uint16, members ...member) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(99, func(w io.Writer) (io.WriteCloser, error) { return nopCloser{w}, nil })
	for i, m := range members {
		method := uint16(zip.Deflate)
		if i < len(methods) {
			method = methods[i]
		}
		// CreateHeader, not Create: it keeps names archive/zip would refuse
		// to write otherwise, as other tools write them.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: m.name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(m.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeZip(t testing.TB, dir string, members ...member) string {
	t.Helper()
	p := filepath.Join(dir, "a.zip")
	if err := os.WriteFile(p, zipBytes(t, members...), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

var (
	studyA = "testdata/ctgov/json/NCT05531279.json"
	studyB = "testdata/ctgov/json/NCT05600179.json"
)

// TestArchiveMembers: members with ".." or absolute paths are read (by
// name, never written), a zip inside the zip is opened, a zip inside that
// is named, and every trial reads again as itself.
func TestArchiveMembers(t *testing.T) {
	inner := zipBytes(t, member{"inner/NCT05600179.json", mustRead(t, studyB)}, member{"deeper.zip", zipBytes(t, member{"x.json", mustRead(t, studyA)})})
	p := writeZip(t, t.TempDir(),
		member{"../../escape/NCT05531279.json", mustRead(t, studyA)},
		member{"/etc/NCT05600179.json", mustRead(t, studyB)},
		member{"nested.zip", inner},
		member{"renamed.bin", inner},
		member{".hidden.json", mustRead(t, studyA)},
	)
	res := Load(p)
	var entries []string
	for _, tr := range res.Trials {
		entries = append(entries, tr.Source.Entry)
	}
	want := []string{"../../escape/NCT05531279.json", "/etc/NCT05600179.json",
		"nested.zip!/inner/NCT05600179.json", "renamed.bin!/inner/NCT05600179.json"}
	if strings.Join(entries, "|") != strings.Join(want, "|") {
		t.Errorf("entries %q, want %q", entries, want)
	}
	if len(res.Diagnostics) != 2 {
		t.Fatalf("diagnostics %v", res.Diagnostics)
	}
	for _, d := range res.Diagnostics {
		if !strings.HasSuffix(d.Path, ".zip!/deeper.zip") && !strings.HasSuffix(d.Path, ".bin!/deeper.zip") || !strings.Contains(d.Error(), "inside a zip inside a zip") {
			t.Errorf("diagnostic %v", d)
		}
	}
	l := New()
	defer l.Close()
	for _, tr := range res.Trials {
		again, err := l.Reload(tr.Source)
		if err != nil || again.ID != tr.ID {
			t.Errorf("reload %q: %v", tr.Source.Entry, err)
		}
	}
}

// TestReloadTheSameTrial: two members with one name, or a member whose name
// holds '#', read again as the trial that was loaded from them; a file
// changed since the load is said to have changed, never read as another
// trial.
func TestReloadTheSameTrial(t *testing.T) {
	dir := t.TempDir()
	p := writeZip(t, dir,
		member{"dup.json", mustRead(t, studyA)},
		member{"dup.json", mustRead(t, studyB)},
		member{"weird#[0]", mustRead(t, "testdata/ctgov/search-pages/search-page-cyanheads-2.json")},
	)
	res := Load(p)
	if len(res.Trials) != 4 || len(res.Diagnostics) > 0 {
		t.Fatalf("%d trials, %v", len(res.Trials), res.Diagnostics)
	}
	l := New()
	for _, tr := range res.Trials {
		again, err := l.Reload(tr.Source)
		if err != nil || again.ID != tr.ID || again.Source != tr.Source {
			t.Errorf("%s from %q: got %v, %v", tr.ID, tr.Source.Entry, again, err)
		}
	}
	l.Close()
	// Without the Origin (a Source recorded elsewhere), the name is all
	// there is: a repeated one is refused, not guessed.
	unpinned := res.Trials[1].Source
	unpinned.Origin = model.Origin{}
	if _, err := Reload(unpinned); err == nil || !strings.Contains(err.Error(), "2 members are named") {
		t.Errorf("a repeated name without its position: %v", err)
	}
	weird := res.Trials[3].Source
	weird.Origin = model.Origin{}
	if again, err := Reload(weird); err != nil || again.ID != res.Trials[3].ID {
		t.Errorf("weird#[0] by name: %v", err)
	}

	// The file is rewritten after the load: another study stands in its place.
	file := filepath.Join(dir, "study.json")
	if err := os.WriteFile(file, mustRead(t, studyA), 0o644); err != nil {
		t.Fatal(err)
	}
	loaded := Load(file, p).Trials
	if err := os.WriteFile(file, mustRead(t, studyB), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	for _, f := range []string{file, p} {
		if err := os.Chtimes(f, later, later); err != nil {
			t.Fatal(err)
		}
	}
	for _, tr := range loaded[:2] {
		_, err := Reload(tr.Source)
		if !errors.Is(err, ErrChanged) || !strings.Contains(err.Error(), tr.ID+" changed on disk since loading") {
			t.Errorf("%s after its file changed: %v", tr.ID, err)
		}
	}
}

// TestSecondClinicalStudy: a file of two <clinical_study> records loads
// both, placed by position, and each reads again as itself.
func TestSecondClinicalStudy(t *testing.T) {
	a := mustRead(t, "testdata/ctgov/xml/NCT00482794.xml")
	b := mustRead(t, "testdata/ctgov/xml/NCT01220531.xml")
	strip := func(x []byte) []byte {
		if i := bytes.Index(x, []byte("<clinical_study")); i >= 0 {
			return x[i:]
		}
		return x
	}
	doc := append(append(append([]byte{}, a...), '\n'), strip(b)...)
	p := filepath.Join(t.TempDir(), "two.xml")
	if err := os.WriteFile(p, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	res := Load(p)
	if len(res.Trials) != 2 || len(res.Diagnostics) > 0 {
		t.Fatalf("%d trials, %v", len(res.Trials), res.Diagnostics)
	}
	if res.Trials[0].ID != "NCT00482794" || res.Trials[1].ID != "NCT01220531" || res.Trials[1].Source.Entry != "clinical_study[1]" {
		t.Errorf("trials %s %s at %q", res.Trials[0].ID, res.Trials[1].ID, res.Trials[1].Source.Entry)
	}
	for _, tr := range res.Trials {
		if again, err := Reload(tr.Source); err != nil || again.ID != tr.ID {
			t.Errorf("reload %s: %v", tr.ID, err)
		}
	}
	// The second one cut short: the first loads, the second is reported.
	trials, err := Parse("cut.xml", doc[:len(doc)-200])
	var partial *PartialError
	if len(trials) != 1 || !errors.As(err, &partial) || !strings.Contains(err.Error(), "ends early") {
		t.Errorf("cut second study: %d trials, %v", len(trials), err)
	}
}

// FuzzZipMembers: whatever its members are named and hold, an archive
// loads without panic; every member that is not hidden or a folder gives
// trials or a diagnostic naming it; and every trial reads again as itself.
func FuzzZipMembers(f *testing.F) {
	study := mustReadF(f, studyA)
	page := mustReadF(f, "testdata/ctgov/search-pages/search-page-cyanheads-2.json")
	f.Add("NCT05531279.json", "weird#[0]", study, page)
	f.Add("../../x.json", "/abs/y.json", study, study)
	f.Add("same.json", "same.json", study, page)
	f.Add("a#studies[1]", "studies[0]", page, page)
	f.Add("inner.zip", "x", zipBytes(f, member{"in.json", study}), []byte("not a trial"))
	f.Fuzz(func(t *testing.T, name1, name2 string, data1, data2 []byte) {
		if name1 == "" || name2 == "" {
			return
		}
		file, err := os.CreateTemp("", "fuzz-*.zip")
		if err != nil {
			t.Fatal(err)
		}
		defer os.Remove(file.Name())
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, m := range []member{{name1, data1}, {name2, data2}} {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: m.name, Method: zip.Store})
			if err != nil {
				return
			}
			w.Write(m.data)
		}
		if zw.Close() != nil {
			return
		}
		file.Write(buf.Bytes())
		file.Close()

		l := New()
		defer l.Close()
		res := l.LoadContext(t.Context(), Options{}, file.Name())
		// Every member the archive's directory lists is accounted for.
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			if len(res.Diagnostics) != 1 || len(res.Trials) != 0 {
				t.Fatalf("unreadable archive: %d trials, %v", len(res.Trials), res.Diagnostics)
			}
			return
		}
		for _, zf := range zr.File {
			name := zf.Name
			if zf.FileInfo().IsDir() || isHiddenPath(name) {
				continue
			}
			named := false
			for _, tr := range res.Trials {
				named = named || entryNames(tr.Source.Entry, name) || strings.HasPrefix(tr.Source.Entry, name+"!/")
			}
			for _, d := range res.Diagnostics {
				named = named || strings.HasPrefix(d.Path, file.Name()+"!/"+name)
			}
			if !named {
				t.Fatalf("member %q: no trial, no diagnostic (%d trials, %v)", name, len(res.Trials), res.Diagnostics)
			}
		}
		for _, tr := range res.Trials {
			// Names stay as the archive spells them, to be read again by;
			// those who show them clean them.
			bare := *tr
			bare.Source = model.Source{}
			checkTrial(t, &bare)
			again, err := l.Reload(tr.Source)
			if err != nil || again.ID != tr.ID {
				t.Fatalf("%s from %q reads again as %v, %v", tr.ID, tr.Source.Entry, again, err)
			}
		}
	})
}
