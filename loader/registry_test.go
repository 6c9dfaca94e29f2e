package loader

import (
	"archive/zip"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
)

// TestRegistry: every format the model names has exactly one layout, each
// with a detector and a parser, and the text layouts (whose documents may
// name no NCT id) an id prefix.
func TestRegistry(t *testing.T) {
	formats := []model.Format{model.FormatMirrorLabelled, model.FormatMirrorBare, model.FormatClassic,
		model.FormatClinConnect, model.FormatMedPath, model.FormatCTGovJSON, model.FormatCTGovXML}
	for _, f := range formats {
		n := 0
		for _, l := range layouts {
			if l.format != f {
				continue
			}
			n++
			if l.detect == nil || l.parse == nil || l.about == "" {
				t.Errorf("%s: incomplete entry %+v", f, l)
			}
			if l.kind == textDoc && l.idPrefix == "" {
				t.Errorf("%s: a text layout without an id prefix", f)
			}
		}
		if n != 1 {
			t.Errorf("%s: %d layouts, want 1", f, n)
		}
	}
	if len(layouts) != len(formats) {
		t.Errorf("%d layouts for %d formats", len(layouts), len(formats))
	}
	for want, path := range seedFiles {
		trials, err := Parse(path, mustRead(t, path))
		if err != nil {
			t.Fatal(err)
		}
		tr := trials[0]
		tr.Source.Format = want
		if id := DerivedID(tr); !strings.HasPrefix(id, idPrefix(want)+"-") {
			t.Errorf("%s: derived id %s", want, id)
		}
	}
	if p := idPrefix(model.FormatCTGovJSON); p != "DOC" {
		t.Errorf("a layout without a prefix derives %q", p)
	}
	// The message for an unknown text document names every layout once.
	msg := unknownLayout(textDoc).Error()
	for _, l := range layouts {
		if strings.Count(msg, l.about) != 1 {
			t.Errorf("%q names %q %d times", msg, l.about, strings.Count(msg, l.about))
		}
	}
}

// TestErrorsKeepTheirCause: a diagnostic says "cannot read" once, and
// errors.Is still finds the operating system's reason.
func TestErrorsKeepTheirCause(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "gone.txt")
	res := Load(missing)
	if len(res.Diagnostics) != 1 {
		t.Fatalf("diagnostics %v", res.Diagnostics)
	}
	d := res.Diagnostics[0]
	if !errors.Is(d, fs.ErrNotExist) || !errors.Is(d, ErrUnreadable) {
		t.Errorf("%v: the cause is lost", d)
	}
	if got := d.Error(); got != missing+": cannot read: no such file or directory" {
		t.Errorf("message %q", got)
	}
	// A file that vanishes between the walk and its reading.
	p := parseDocument(t.Context(), 0, fileDocument(missing))
	if len(p.diags) != 1 || !errors.Is(p.diags[0], fs.ErrNotExist) || p.diags[0].Error() != missing+": cannot read: no such file or directory" {
		t.Errorf("vanished file: %v", p.diags)
	}
	if os.Geteuid() != 0 { // root reads anything
		locked := filepath.Join(t.TempDir(), "locked.txt")
		if err := os.WriteFile(locked, []byte("x"), 0); err != nil {
			t.Fatal(err)
		}
		res := Load(locked)
		if len(res.Diagnostics) != 1 || !errors.Is(res.Diagnostics[0], fs.ErrPermission) ||
			strings.Count(res.Diagnostics[0].Error(), "cannot read") != 1 {
			t.Errorf("permission: %v", res.Diagnostics)
		}
	}
}

// TestLoaderClosesArchives: the archives a Loader opens stay open for its
// rereads and are closed by Close — the package-level Load closes its own.
func TestLoaderClosesArchives(t *testing.T) {
	fds := func() int {
		ents, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip("no /proc/self/fd")
		}
		return len(ents)
	}
	p := filepath.Join(t.TempDir(), "a.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, _ := zw.Create("NCT05531279.json")
	w.Write(mustRead(t, "testdata/ctgov/json/NCT05531279.json"))
	zw.Close()
	f.Close()

	before := fds()
	if res := Load(p); len(res.Trials) != 1 {
		t.Fatalf("%v", res.Diagnostics)
	}
	if n := fds(); n != before {
		t.Errorf("Load left %d files open", n-before)
	}
	l := New()
	res := l.LoadContext(t.Context(), Options{}, p)
	if len(res.Trials) != 1 || fds() != before+1 {
		t.Fatalf("%d trials, %d files open", len(res.Trials), fds()-before)
	}
	if _, err := l.Reload(res.Trials[0].Source); err != nil || fds() != before+1 {
		t.Errorf("reload: %v, %d files open", err, fds()-before)
	}
	if err := l.Close(); err != nil || fds() != before {
		t.Errorf("Close: %v, %d files still open", err, fds()-before)
	}
}
