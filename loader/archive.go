package loader

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/trials-app/trials/model"
)

// Zip archives: a Loader opens each one once, lists its members as
// documents (by position in the archive's directory, since names may
// repeat), reads them lazily, and closes the archive on Close. A member
// that is itself a zip is opened too, one level deep.

// archive is a zip archive a Loader holds open while its members are read.
type archive struct {
	once  sync.Once
	file  *os.File
	zr    *zip.Reader
	stamp model.Origin // of the file when it was opened
	err   error
}

func (a *archive) open(p string) {
	f, info, err := openRegular(p)
	if err != nil {
		a.err = err
		return
	}
	zr, err := zip.NewReader(f, info.Size())
	if err != nil {
		f.Close()
		a.err = err
		return
	}
	// The directory is held while the archive is open: each member's extra
	// fields (timestamps, zip64 sizes), already read into its header, are
	// let go — about 20 MB of a registry download's half million members.
	for _, m := range zr.File {
		m.Extra = nil
	}
	a.file, a.zr, a.stamp = f, zr, stamp(info)
}

func (a *archive) close() error {
	if a.file == nil {
		return nil
	}
	return a.file.Close()
}

// archive opens the zip at p, or returns the one already open.
func (l *Loader) archive(p string) (*archive, error) {
	l.mu.Lock()
	a := l.archives[p]
	if a == nil {
		a = &archive{}
		l.archives[p] = a
	}
	l.mu.Unlock()
	a.once.Do(func() { a.open(p) })
	return a, a.err
}

// expandZip lists the members of a zip archive. They are read lazily, one
// per worker at a time, so a multi-gigabyte registry download never sits in
// memory whole.
func (l *Loader) expandZip(p string) ([]document, []Diagnostic) {
	a, err := l.archive(p)
	if err != nil {
		return nil, []Diagnostic{{Path: p, Err: fmt.Errorf("%w: not a readable zip archive: %w", ErrUnreadable, causeOf(err))}}
	}
	docs := memberDocuments(a.zr.File, document{path: p}, a.stamp, false)
	if len(docs) == 0 {
		return nil, []Diagnostic{{Path: p, Err: errNoDocuments}}
	}
	return docs, nil
}

// nestedDocuments lists the members of a zip that is itself the member
// outer (whose data is in memory, and whose Origin is origin).
func nestedDocuments(outer document, data []byte, origin model.Origin) ([]document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	docs := memberDocuments(zr.File, outer, origin, true)
	if len(docs) == 0 {
		return nil, errNoDocuments
	}
	return docs, nil
}

// memberDocuments makes documents of an archive's members, folders and
// hidden files aside, each pinned by its position: Member in an archive on
// disk, Nested in one that is itself a member of in.
func memberDocuments(files []*zip.File, in document, origin model.Origin, nested bool) []document {
	var docs []document
	for i, f := range files {
		if f.FileInfo().IsDir() || isHiddenPath(f.Name) {
			continue
		}
		d := document{path: in.path, entry: f.Name, member: !nested, nested: nested, zf: f, origin: origin}
		if nested {
			d.entry = in.entry + "!/" + f.Name
			d.origin.Nested = i + 1
		} else {
			d.origin.Member = i + 1
		}
		docs = append(docs, d)
	}
	return docs
}

// errNoDocuments is the reason an archive gives no trial: nothing in it
// but folders and hidden files.
var errNoDocuments = fmt.Errorf("%w: a zip archive with no documents in it (only folders or hidden files)", ErrNotTrial)

// readMember reads one member whole, checking its checksum.
func readMember(ctx context.Context, f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return readDocument(ctx, rc, int64(f.UncompressedSize64))
}

// memberAt finds the member an Origin names in an open archive, by its
// position; name is what the trial's Entry calls it, as a check.
func memberAt(ctx context.Context, a *archive, o model.Origin, entry string) ([]byte, error) {
	if o.Member < 1 || o.Member > len(a.zr.File) {
		return nil, errMoved
	}
	f := a.zr.File[o.Member-1]
	if o.Nested == 0 {
		if !entryNames(entry, f.Name) {
			return nil, errMoved
		}
		return readMember(ctx, f)
	}
	data, err := readMember(ctx, f)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || o.Nested > len(zr.File) {
		return nil, errMoved
	}
	inner := zr.File[o.Nested-1]
	if !entryNames(entry, f.Name+"!/"+inner.Name) {
		return nil, errMoved
	}
	return readMember(ctx, inner)
}

// entryNames reports whether a trial's Entry is that of member name: the
// name itself, or the name and the trial's position in it.
func entryNames(entry, name string) bool {
	return entry == name || strings.HasPrefix(entry, name+"#")
}

var errMoved = errors.New("the document is no longer where it was")

// isHiddenPath reports a member the loader skips as it skips hidden files:
// a name part starting with "." (".DS_Store", ".git/…") or macOS's
// "__MACOSX" folder. "." and ".." themselves are not hidden: a member named
// "../x.json" is read (by name, never written anywhere).
func isHiddenPath(name string) bool {
	for _, part := range strings.Split(strings.ReplaceAll(name, `\`, "/"), "/") {
		if part == "." || part == ".." {
			continue
		}
		if strings.HasPrefix(part, ".") || part == "__MACOSX" {
			return true
		}
	}
	return false
}

// errZipTooDeep is the reason a zip inside a zip inside a zip is not opened.
var errZipTooDeep = fmt.Errorf("%w: a zip archive inside a zip inside a zip is not opened; unzip the outer archive first", ErrNotTrial)
