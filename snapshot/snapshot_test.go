package snapshot

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func sections(payloads ...[]byte) []Section {
	var out []Section
	for i, p := range payloads {
		out = append(out, Section{ID: uint32(i + 2), Write: func(w io.Writer) error { _, err := w.Write(p); return err }})
	}
	return out
}

func TestWriteOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a"+Ext)
	meta := Meta{Program: "p", Created: time.Date(2026, 12, 1, 9, 14, 0, 0, time.UTC), Paths: []string{"x"}, Trials: 3}
	if err := Write(path, meta, sections([]byte("hello"), nil, bytes.Repeat([]byte{7}, 1001))); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if f.Meta.Program != "p" || f.Meta.Trials != 3 || f.Meta.Format != Format || !f.Meta.Created.Equal(meta.Created) {
		t.Errorf("meta %+v", f.Meta)
	}
	for id, want := range map[uint32]int{2: 5, 3: 0, 4: 1001} {
		if b, ok := f.Section(id); !ok || len(b) != want {
			t.Errorf("section %d: %d bytes, want %d", id, len(b), want)
		}
	}
	if m, _, err := ReadMeta(path); err != nil || m.Program != "p" {
		t.Errorf("ReadMeta: %+v, %v", m, err)
	}
	data, _ := os.ReadFile(path)
	for at := 0; at < len(data); at++ {
		b := Aligned(data)
		b[at] ^= 1
		if _, err := Parse(b); err == nil {
			t.Fatalf("a changed byte at %d of %d is not noticed", at, len(data))
		}
	}
	for n := range len(data) {
		if _, err := Parse(Aligned(data[:n])); err == nil {
			t.Fatalf("cut to %d bytes and still read", n)
		}
	}
	if _, err := Parse(Aligned([]byte("PK\x03\x04 a zip, not a snapshot"))); !errors.Is(err, ErrForeign) {
		t.Errorf("a foreign file: %v", err)
	}
}

func TestChanged(t *testing.T) {
	file := Input{Path: "/d/ctg-studies.zip", Size: 10, ModTime: 5}
	dir := Input{Path: "/d/studies", Dir: true, Files: 3, Listing: "aa"}
	for _, tc := range []struct {
		was, now []Input
		want     string
	}{
		{[]Input{file, dir}, []Input{file, dir}, ""},
		{[]Input{file}, []Input{{Path: file.Path, Size: 10, ModTime: 6}}, "ctg-studies.zip changed"},
		{[]Input{file}, []Input{{Path: file.Path, Size: 11, ModTime: 5}}, "ctg-studies.zip changed"},
		{[]Input{file}, []Input{{Path: file.Path, Missing: true}}, "ctg-studies.zip is no longer there"},
		{[]Input{dir}, []Input{{Path: dir.Path, Dir: true, Files: 4, Listing: "bb"}}, "studies now holds 4 files, not 3"},
		{[]Input{dir}, []Input{{Path: dir.Path, Dir: true, Files: 3, Listing: "bb"}}, "a file in studies changed"},
		{[]Input{file}, []Input{file, dir}, "the snapshot was made of 1 inputs, not 2"},
	} {
		if got := Changed(tc.was, tc.now); got != tc.want {
			t.Errorf("Changed(%v, %v) = %q, want %q", tc.was, tc.now, got, tc.want)
		}
	}
}

func TestFingerprint(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "d", "sub"), 0o755)
	os.WriteFile(filepath.Join(root, "d", "a.json"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(root, "d", "sub", "b.json"), []byte("bb"), 0o644)
	os.WriteFile(filepath.Join(root, "d", ".hidden"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(root, "z.zip"), []byte("zip"), 0o644)
	os.Symlink(filepath.Join(root, "d"), filepath.Join(root, "d", "sub", "loop")) // walked once
	paths := []string{filepath.Join(root, "d"), filepath.Join(root, "z.zip"), filepath.Join(root, "none")}
	fp := Fingerprint(paths)
	if !fp[0].Dir || fp[0].Files != 2 || fp[0].Size != 3 || fp[1].Size != 3 || !fp[2].Missing {
		t.Fatalf("%+v", fp)
	}
	if Changed(fp, Fingerprint(paths)) != "" {
		t.Error("the same inputs differ")
	}
	os.WriteFile(filepath.Join(root, "d", ".hidden"), []byte("changed"), 0o644)
	if why := Changed(fp, Fingerprint(paths)); why != "" {
		t.Errorf("a hidden file, which the loader skips, changed the inputs: %s", why)
	}
	later := time.Now().Add(time.Hour)
	os.Chtimes(filepath.Join(root, "d", "sub", "b.json"), later, later)
	if why := Changed(fp, Fingerprint(paths)); why != "a file in d changed" {
		t.Errorf("touched: %q", why)
	}
}

func TestName(t *testing.T) {
	a := Name([]string{"/x/a.zip"}, "/home/one")
	if a != Name([]string{"/x/a.zip"}, "/home/two") || !strings.HasSuffix(a, Ext) {
		t.Error("absolute paths do not depend on the working directory")
	}
	if Name([]string{"a.zip"}, "/home/one") == Name([]string{"a.zip"}, "/home/two") {
		t.Error("relative paths name other files from another working directory")
	}
	if Name([]string{"/a", "/b"}, "") == Name([]string{"/b", "/a"}, "") {
		t.Error("the order of the inputs is the order of the trials")
	}
}

func TestDir(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		goos string
		env  func(string) string
		want string
	}{
		{"linux", env("TRIALS_CACHE_DIR", "/tmp/c", "HOME", "/h"), "/tmp/c"},
		{"linux", env("XDG_CACHE_HOME", "/x", "HOME", "/h"), "/x/trials"},
		{"linux", env("HOME", "/h"), "/h/.cache/trials"},
		{"darwin", env("HOME", "/h"), "/h/Library/Caches/trials"},
	} {
		if got, err := Dir(tc.goos, tc.env); err != nil || got != tc.want {
			t.Errorf("%s: %q, %v; want %q", tc.goos, got, err, tc.want)
		}
	}
	if _, err := Dir("linux", env()); err == nil {
		t.Error("no HOME: no directory")
	}
}

func TestListClearStale(t *testing.T) {
	dir := t.TempDir()
	Write(filepath.Join(dir, "a"+Ext), Meta{Created: time.Now().Add(-time.Hour)}, nil)
	Write(filepath.Join(dir, "b"+Ext), Meta{Created: time.Now()}, nil)
	os.WriteFile(filepath.Join(dir, "junk"+Ext), []byte("junk"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(dir, "c"+Ext+".tmp123"), []byte("half"), 0o644)
	list, err := List(dir)
	if err != nil || len(list) != 2 || filepath.Base(list[0].Path) != "b"+Ext {
		t.Fatalf("%+v, %v", list, err)
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(filepath.Join(dir, "c"+Ext+".tmp123"), old, old)
	RemoveStale(dir, time.Hour, time.Now())
	if _, err := os.Stat(filepath.Join(dir, "c"+Ext+".tmp123")); err == nil {
		t.Error("a stale temporary file stays")
	}
	n, _, err := Clear(dir)
	if err != nil || n != 3 {
		t.Fatalf("cleared %d, %v", n, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Error("Clear removed a file that is not a snapshot's")
	}
}

func TestDecoderNeverPanics(t *testing.T) {
	var buf bytes.Buffer
	e := NewEncoder(&buf)
	Put(e, []uint32{1, 2, 3})
	e.String("word")
	Put(e, []uint64{9})
	e.Flush()
	data := buf.Bytes()
	for n := range len(data) {
		d := NewDecoder(data[:n])
		Get[uint32](d)
		_ = d.String()
		Get[uint64](d)
		if d.Done() == nil {
			t.Fatalf("cut to %d bytes and still read", n)
		}
	}
	d := NewDecoder(data)
	if a, s, b := Get[uint32](d), d.String(), Get[uint64](d); len(a) != 3 || a[2] != 3 || s != "word" || b[0] != 9 || d.Done() != nil {
		t.Fatalf("%v %q %v %v", a, s, b, d.Err())
	}
	huge := NewDecoder([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f})
	if Get[uint64](huge) != nil || huge.Err() == nil {
		t.Error("an impossible length")
	}
}

// FuzzParse: any bytes are a snapshot whose every checksum holds, or an
// error.
func FuzzParse(f *testing.F) {
	path := filepath.Join(f.TempDir(), "s"+Ext)
	Write(path, Meta{Program: "fuzz", Trials: 1}, sections([]byte("records"), []byte("index")))
	data, _ := os.ReadFile(path)
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		if file, err := Parse(Aligned(data)); err == nil && file.Meta.Format != Format {
			t.Fatal("a snapshot of another format read")
		}
	})
}
