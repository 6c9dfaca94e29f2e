package loader

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/trials-app/trials/model"
)

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// TestArchiveReadAfterCompact: the Loader that loaded a zip keeps only a
// compact directory afterwards, and every trial reads again through it —
// stored and deflated members alike; a member whose data does not match
// its checksum, or in a method no zip of documents uses, is named with
// its problem and hides none of the others.
func TestArchiveReadAfterCompact(t *testing.T) {
	a, b := mustRead(t, studyA), mustRead(t, studyB)
	p := filepath.Join(t.TempDir(), "m.zip")
	zipped := zipMethods(t, []uint16{zip.Store, zip.Deflate, zip.Store, zip.Store, 99},
		member{"stored.json", a}, member{"deflated.json", b}, member{"folder/", nil},
		member{"corrupt.json", a}, member{"odd-method.json", b})
	if err := os.WriteFile(p, zipped, 0o644); err != nil {
		t.Fatal(err)
	}
	// Damage the stored copy of corrupt.json: one byte of its data.
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	off, err := zr.File[3].DataOffset()
	if err != nil {
		t.Fatal(err)
	}
	data[off+100] ^= 0x01
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}

	l := New()
	defer l.Close()
	res := l.LoadContext(context.Background(), Options{}, p)
	if len(res.Trials) != 2 {
		t.Fatalf("%d trials, want the stored and the deflated one; %v", len(res.Trials), res.Diagnostics)
	}
	var problems []string
	for _, d := range res.Diagnostics {
		problems = append(problems, d.Error())
	}
	got := strings.Join(problems, "\n")
	for _, want := range []string{"corrupt.json", "checksum", "odd-method.json", "algorithm"} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics %q: no %q", got, want)
		}
	}
	arc, err := l.archive(p)
	if err != nil {
		t.Fatal(err)
	}
	if arc.zr != nil || !arc.compacted || len(arc.dir) != 5 {
		t.Fatalf("after the load the directory is not compact: zr %v, %d members", arc.zr != nil, len(arc.dir))
	}
	for _, tr := range res.Trials {
		again, err := l.Reload(tr.Source)
		if err != nil || again.ID != tr.ID || again.Source != tr.Source {
			t.Errorf("%s from %q read again: %v, %v", tr.ID, tr.Source.Entry, again, err)
		}
		byName := tr.Source
		byName.Origin.Size, byName.Origin.ModTime, byName.Origin.Member = 0, 0, 0
		if again, err := l.Reload(byName); err != nil || again.ID != tr.ID {
			t.Errorf("%s by its name %q: %v, %v", tr.ID, tr.Source.Entry, again, err)
		}
	}
	// A second load through the same Loader lists the compact directory.
	if res := l.LoadContext(context.Background(), Options{}, p); len(res.Trials) != 2 || len(res.Diagnostics) != 2 {
		t.Errorf("loaded again: %d trials, %v", len(res.Trials), res.Diagnostics)
	}
}

// TestArchiveSettle: a member the load has read keeps only its compact
// description, its zip.File header let go, and reads, lists, names and
// compacts as before: the same bytes, the same documents, the same
// directory as an archive compacted without it.
func TestArchiveSettle(t *testing.T) {
	a, b := mustRead(t, studyA), mustRead(t, studyB)
	p := filepath.Join(t.TempDir(), "s.zip")
	zipped := zipMethods(t, []uint16{zip.Store, zip.Deflate, zip.Store, zip.Deflate},
		member{"a.json", a}, member{"folder/", nil}, member{".hidden.json", a}, member{"b.json", b})
	if err := os.WriteFile(p, zipped, 0o644); err != nil {
		t.Fatal(err)
	}
	var settled, plain archive
	settled.open(p)
	plain.open(p)
	defer settled.close()
	defer plain.close()
	if settled.err != nil || plain.err != nil {
		t.Fatal(settled.err, plain.err)
	}
	want := map[int][]byte{0: a, 3: b}
	for i, data := range want {
		got, err := settled.readDocument(context.Background(), i)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("member %d read as a document: %v", i, err)
		}
		if settled.zr.File[i] != nil {
			t.Errorf("member %d: its header is still held", i)
		}
	}
	for i := range settled.count() {
		if settled.name(i) != plain.name(i) || settled.member(i) != plain.member(i) {
			t.Errorf("member %d: %q %+v, want %q %+v", i, settled.name(i), settled.member(i), plain.name(i), plain.member(i))
		}
	}
	for i, data := range want {
		if got, err := settled.read(context.Background(), i); err != nil || !bytes.Equal(got, data) {
			t.Errorf("member %d read again: %v", i, err)
		}
	}
	if got, want := settled.documents(p), plain.documents(p); !reflect.DeepEqual(docNames(got), docNames(want)) || len(got) != 2 {
		t.Errorf("documents %v, want %v (a.json, b.json)", docNames(got), docNames(want))
	}
	settled.compact()
	plain.compact()
	if !reflect.DeepEqual(settled.dir, plain.dir) {
		t.Errorf("compacted after reads %+v, without %+v", settled.dir, plain.dir)
	}
	if got := settled.documents(p); !reflect.DeepEqual(docNames(got), []string{"a.json", "b.json"}) {
		t.Errorf("documents after compact %v", docNames(got))
	}
}

func docNames(ds []document) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.entry)
	}
	return out
}

// TestArchiveReadWhileLoading: trials are read again while the load still
// reads the others and while it compacts the directory (the browser opens
// a trial of a corpus still loading); run with -race.
func TestArchiveReadWhileLoading(t *testing.T) {
	var ms []member
	for i := range 40 {
		src := studyA
		if i%2 == 1 {
			src = studyB
		}
		ms = append(ms, member{filepath.Join("d", strings.Repeat("x", i%5), filepath.Base(src)), mustRead(t, src)})
	}
	p := writeZip(t, t.TempDir(), ms...)
	l := New()
	defer l.Close()
	var wg sync.WaitGroup
	res := l.LoadContext(context.Background(), Options{Workers: 3, OnTrials: func(_ int, ts []*model.Trial) {
		for _, tr := range ts {
			wg.Go(func() {
				if again, err := l.Reload(tr.Source); err != nil || again.ID != tr.ID {
					t.Errorf("%q read again while loading: %v", tr.Source.Entry, err)
				}
			})
		}
	}}, p)
	wg.Wait()
	if len(res.Diagnostics) > 0 {
		t.Fatal(res.Diagnostics)
	}
}

// FuzzZipRead: whatever bytes a zip archive holds, a member reads through
// the archive's own reader exactly as archive/zip's File.Open reads it, or
// fails where that fails (or is refused as no document: binary, too large).
func FuzzZipRead(f *testing.F) {
	study := mustReadF(f, studyA)
	f.Add(zipBytes(f, member{"a.json", study[:3000]}, member{"b/", nil}))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range []uint16{zip.Store, zip.Deflate} {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: "m.json", Method: m})
		w.Write(study[:2000])
	}
	zw.Close()
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil || len(zr.File) > 20 {
			return
		}
		p := filepath.Join(t.TempDir(), "f.zip")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		l := New()
		defer l.Close()
		arc, err := l.archive(p)
		if err != nil {
			t.Fatalf("archive/zip reads it, the loader does not: %v", err)
		}
		for i, zf := range zr.File {
			if zf.UncompressedSize64 > 1<<20 {
				continue
			}
			ours, errOurs := arc.read(t.Context(), i)
			var theirs []byte
			rc, errTheirs := zf.Open()
			if errTheirs == nil {
				theirs, errTheirs = io.ReadAll(rc)
				rc.Close()
			}
			switch {
			case errOurs == nil && (errTheirs != nil || !bytes.Equal(ours, theirs)):
				t.Fatalf("member %d: read %d bytes, archive/zip: %d bytes, %v", i, len(ours), len(theirs), errTheirs)
			case errOurs != nil && errTheirs == nil && !errors.Is(errOurs, ErrBinary) && !errors.Is(errOurs, ErrNotTrial):
				t.Fatalf("member %d: %v, where archive/zip reads %d bytes", i, errOurs, len(theirs))
			}
		}
		arc.compact()
		l.LoadContext(t.Context(), Options{}, p)
	})
}
