package loader

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/trials-app/trials/model"
)

// seedDir writes copies of the text seeds into a new directory.
func seedDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "real")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range seedFiles {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), mustRead(t, p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

// TestSymlinks: links are followed — a linked directory given as PATH, and
// linked files and directories met in a walk — each directory is walked
// once (a link back to an ancestor is no loop), and a link to nothing is
// named, not dropped.
func TestSymlinks(t *testing.T) {
	real := seedDir(t)
	root := filepath.Dir(real)
	symlink(t, real, filepath.Join(root, "link"))
	for _, p := range []string{filepath.Join(root, "link"), filepath.Join(root, "link") + "/"} {
		res := Load(p)
		if len(res.Trials) != len(seedFiles) || len(res.Diagnostics) != 0 {
			t.Errorf("%s: %d trials, %v", p, len(res.Trials), res.Diagnostics)
		}
	}

	walked := filepath.Join(root, "walked")
	if err := os.MkdirAll(filepath.Join(walked, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	symlink(t, filepath.Join(real, "NCT05033522.txt"), filepath.Join(walked, "file-link.txt"))
	symlink(t, real, filepath.Join(walked, "sub", "dir-link"))
	symlink(t, "..", filepath.Join(walked, "sub", "loop"))
	symlink(t, filepath.Join(root, "nothing-here"), filepath.Join(walked, "dangling.txt"))
	res := Load(walked)
	if want := 1 + len(seedFiles); len(res.Trials) != want {
		t.Errorf("%d trials through links, want %d", len(res.Trials), want)
	}
	if len(res.Diagnostics) != 1 || !strings.HasSuffix(res.Diagnostics[0].Path, "dangling.txt") ||
		!errors.Is(res.Diagnostics[0], fs.ErrNotExist) {
		t.Errorf("the dangling link: %v", res.Diagnostics)
	}
}

// TestSpecialFilesAreNotOpened: a FIFO (whose opening blocks until a writer
// comes), a socket or a device, given as PATH or met in a walk, is reported
// and the load goes on. The test would hang if a FIFO were opened.
func TestSpecialFilesAreNotOpened(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, mustRead(t, seedFiles[model.FormatClassic]), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, paths := range [][]string{{fifo, good}, {dir}, {"/dev/null", good}} {
		res := Load(paths...)
		if len(res.Trials) != 1 || len(res.Diagnostics) != 1 || !errors.Is(res.Diagnostics[0], ErrNotRegular) {
			t.Errorf("%v: %d trials, %v", paths, len(res.Trials), res.Diagnostics)
			continue
		}
		if msg := res.Diagnostics[0].Error(); !strings.Contains(msg, "not a regular file") {
			t.Errorf("message %q", msg)
		}
	}
	// Swapped in after the walk, between listing and reading: still not opened.
	if _, _, err := readFile(t.Context(), fifo); !errors.Is(err, ErrNotRegular) {
		t.Errorf("readFile(fifo) = %v", err)
	}
}

// endless serves a byte for ever, counting what it served.
type endless struct {
	b      byte
	served int64
}

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.b
	}
	e.served += int64(len(p))
	return len(p), nil
}

// TestReadDocumentSniffsFirst: binary data, or a document whose size is
// over the limit, is turned away after its first 8 KiB.
func TestReadDocumentSniffsFirst(t *testing.T) {
	tests := []struct {
		name string
		b    byte
		size int64
		want error
	}{
		{"a device of zeros", 0, 0, ErrBinary},
		{"a large binary file", 0, 300 << 20, ErrBinary},
		{"a large text file", 'a', 300 << 20, ErrNotTrial},
	}
	for _, tt := range tests {
		r := &endless{b: tt.b}
		_, err := readDocument(t.Context(), r, tt.size)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
		if r.served > 1<<20 {
			t.Errorf("%s: %d bytes read before rejecting it", tt.name, r.served)
		}
	}
	// A text stream of unknown size is read up to the limit, and no further.
	r := &endless{b: 'a'}
	const limit = 1 << 20
	if _, err := readAtMost(t.Context(), r, 0, limit); !errors.Is(err, ErrNotTrial) || r.served > limit+(1<<20) {
		t.Errorf("endless text: %v after %d bytes", err, r.served)
	}
}

// TestCancelledLoadStops: a cancelled load reads no further — not even a
// document already begun — and says it stopped.
func TestCancelledLoadStops(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	r := &endless{b: 'a'}
	cancel()
	if _, err := readDocument(ctx, r, 0); !errors.Is(err, context.Canceled) || r.served != 0 {
		t.Errorf("cancelled read: %v after %d bytes", err, r.served)
	}
	dir := seedDir(t)
	done := false
	res := LoadContext(ctx, Options{OnProgress: func(p Progress) { done = done || p.Done }}, dir)
	if len(res.Trials) != 0 || !done {
		t.Errorf("%d trials after cancelling; progress done: %v", len(res.Trials), done)
	}
	last := res.Diagnostics[len(res.Diagnostics)-1]
	if !errors.Is(last, context.Canceled) || !strings.Contains(last.Error(), "stopped") {
		t.Errorf("diagnostics %v", res.Diagnostics)
	}
}

// TestCROnlyLineEndings: old Mac line endings read as any other.
func TestCROnlyLineEndings(t *testing.T) {
	for format, p := range seedFiles {
		data := mustRead(t, p)
		want, err := Parse(p, data)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Parse(p, bytes.ReplaceAll(data, []byte("\n"), []byte("\r")))
		if err != nil {
			t.Errorf("%s with CR line endings: %v", format, err)
			continue
		}
		for _, d := range matchSubset("", toJSONValue(t, want[0]), toJSONValue(t, got[0])) {
			t.Errorf("%s with CR line endings: %s", format, d)
		}
	}
}
