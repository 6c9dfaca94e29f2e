package loader

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
)

var seedFiles = map[model.Format]string{
	model.FormatMirrorLabelled: "../seeds/NCT05033522.txt",
	model.FormatMirrorBare:     "../seeds/NCT05168163.txt",
	model.FormatClassic:        "../seeds/NCT05962450.txt",
	model.FormatClinConnect:    "../seeds/clinconnect-hcc-vascular-invasion.txt",
	model.FormatMedPath:        "../seeds/NCT05233358.txt",
}

func TestDetect(t *testing.T) {
	for want, path := range seedFiles {
		got, err := Detect(mustRead(t, path))
		if err != nil || got != want {
			t.Errorf("Detect(%s) = %q, %v; want %q", path, got, err, want)
		}
	}
	// The file name plays no part: a seed's content under another name is the same layout.
	dir := t.TempDir()
	renamed := filepath.Join(dir, "notes.json")
	if err := os.WriteFile(renamed, mustRead(t, seedFiles[model.FormatMedPath]), 0o644); err != nil {
		t.Fatal(err)
	}
	res := Load(renamed)
	if len(res.Trials) != 1 || res.Trials[0].Source.Format != model.FormatMedPath {
		t.Errorf("a MedPath page named .json: %+v %v", res.Trials, res.Diagnostics)
	}
}

func TestDetectRejects(t *testing.T) {
	tests := []struct {
		name string
		data string
		want error
		msg  string
	}{
		{"empty", "", ErrEmpty, "empty"},
		{"blank", " \n\t\n", ErrEmpty, "empty"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ErrBinary, "binary"},
		{"prose", "Dear colleague,\nplease find the minutes attached.\n", ErrNotTrial, "no known layout"},
		{"other json", `{"name": "package.json", "version": "1.0.0"}`, ErrNotTrial, "JSON"},
		{"html", "<!doctype html><html><body>hello</body></html>", ErrNotTrial, "clinical_study"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Detect([]byte(tt.data))
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Detect = %v, want %v mentioning %q", err, tt.want, tt.msg)
			}
		})
	}
}

// TestTruncatedDocuments cuts every seed short: each cut either still parses
// (the cut fell in text that loses nothing the page closes with) or fails
// with ErrTruncated / ErrNotTrial — never a panic, never a silent partial trial
// of a page whose closing section is gone.
func TestTruncatedDocuments(t *testing.T) {
	for format, path := range seedFiles {
		data := mustRead(t, path)
		for _, frac := range []float64{0.1, 0.3, 0.5, 0.7, 0.9} {
			cut := data[:int(float64(len(data))*frac)]
			_, err := Parse(path, cut)
			if err == nil {
				t.Errorf("%s cut at %.0f%%: parsed without complaint", format, frac*100)
				continue
			}
			if !errors.Is(err, ErrTruncated) && !errors.Is(err, ErrNotTrial) {
				t.Errorf("%s cut at %.0f%%: %v", format, frac*100, err)
			}
		}
	}
}

func TestLoadReportsBadInputsAndKeepsTheRest(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("docs/a.txt", mustRead(t, seedFiles[model.FormatClassic]))
	write("docs/nested/b.txt", mustRead(t, seedFiles[model.FormatMedPath]))
	write("docs/empty.txt", nil)
	write("docs/image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	write("docs/notes.md", []byte("# Meeting notes\n\nNothing about trials here.\n"))
	full := mustRead(t, seedFiles[model.FormatMirrorLabelled])
	write("docs/cut.txt", full[:len(full)/2])
	write("docs/.hidden.txt", []byte("ignored"))

	res := Load(filepath.Join(dir, "docs"), filepath.Join(dir, "missing.txt"), good)
	if len(res.Trials) != 3 {
		t.Errorf("%d trials loaded, want 3 (two in the directory, one named again)", len(res.Trials))
	}
	want := map[string]error{
		"empty.txt":   ErrEmpty,
		"image.png":   ErrBinary,
		"notes.md":    ErrNotTrial,
		"cut.txt":     ErrTruncated,
		"missing.txt": ErrUnreadable,
	}
	if len(res.Diagnostics) != len(want) {
		t.Errorf("%d diagnostics, want %d: %v", len(res.Diagnostics), len(want), res.Diagnostics)
	}
	for _, d := range res.Diagnostics {
		base := filepath.Base(d.Path)
		w, ok := want[base]
		if !ok {
			t.Errorf("unexpected diagnostic %v", d)
			continue
		}
		if !errors.Is(d, w) {
			t.Errorf("%s: %v, want %v", base, d, w)
		}
		if !strings.Contains(d.Error(), d.Path) {
			t.Errorf("diagnostic does not name its file: %q", d.Error())
		}
	}
}

func TestLoadZip(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "corpus.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	add := func(name string, data []byte) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	add("pages/classic.txt", mustRead(t, seedFiles[model.FormatClassic]))
	add("pages/clinconnect.txt", mustRead(t, seedFiles[model.FormatClinConnect]))
	add("pages/garbage.bin", []byte{0, 1, 2, 3})
	add("__MACOSX/._classic.txt", []byte{0, 0})
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res := Load(p)
	if len(res.Trials) != 2 {
		t.Fatalf("%d trials from the zip, want 2", len(res.Trials))
	}
	if got := res.Trials[0].Source; got.Path != p || got.Entry != "pages/classic.txt" {
		t.Errorf("source %+v", got)
	}
	if len(res.Diagnostics) != 1 || !strings.Contains(res.Diagnostics[0].Error(), "corpus.zip!/pages/garbage.bin") {
		t.Errorf("diagnostics %v", res.Diagnostics)
	}
	// A file that claims to be a zip but is not one.
	bad := filepath.Join(dir, "bad.zip")
	if err := os.WriteFile(bad, []byte("PK\x03\x04 not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := Load(bad); len(res.Diagnostics) != 1 || !errors.Is(res.Diagnostics[0], ErrUnreadable) {
		t.Errorf("broken zip: %v", res.Diagnostics)
	}
}

func TestLoadKeepsInputOrder(t *testing.T) {
	paths := []string{seedFiles[model.FormatMedPath], seedFiles[model.FormatClassic], seedFiles[model.FormatMirrorBare]}
	for range 5 {
		res := LoadContextOrder(paths)
		if res[0] != "NCT05233358" || res[1] != "NCT05962450" || res[2] != "NCT05168163" {
			t.Fatalf("order %v", res)
		}
	}
}

func LoadContextOrder(paths []string) []string {
	var ids []string
	for _, tr := range Load(paths...).Trials {
		ids = append(ids, tr.ID)
	}
	return ids
}

// TestUntrustedTextIsMadeSafe: escape sequences in a document never reach
// any field.
func TestUntrustedTextIsMadeSafe(t *testing.T) {
	data := string(mustRead(t, seedFiles[model.FormatMedPath]))
	data = strings.Replace(data, "Hepatocellular Carcinoma", "Hepato\x1b[2J\x1b]0;pwned\x07cellular\x1b[31m Carcinoma\u202e", 1)
	data = strings.Replace(data, "The Central Hospital of Lishui City", "The Central\x1b]8;;http://evil\x1b\\ Hospital\u009b31m of Lishui City", 1)
	trials, err := Parse("evil.txt", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	tr := trials[0]
	if got := tr.Conditions[0]; got != "Hepatocellular Carcinoma" {
		t.Errorf("condition %q", got)
	}
	if got := tr.LeadSponsor.Name; got != "The Central Hospital of Lishui City" {
		t.Errorf("sponsor %q", got)
	}
}
