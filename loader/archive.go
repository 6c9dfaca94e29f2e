package loader

import (
	"archive/zip"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"
)

// Zip archives: a Loader opens each one once, lists its members as
// documents, reads them lazily, and closes the archive on Close.

// archive is a zip archive a Loader holds open while its members are read.
type archive struct {
	once sync.Once
	zr   *zip.ReadCloser
	err  error
}

func (a *archive) close() error {
	if a.zr == nil {
		return nil
	}
	return a.zr.Close()
}

// archive opens the zip at p, or returns the one already open.
func (l *Loader) archive(p string) (*zip.Reader, error) {
	l.mu.Lock()
	a := l.archives[p]
	if a == nil {
		a = &archive{}
		l.archives[p] = a
	}
	l.mu.Unlock()
	a.once.Do(func() { a.zr, a.err = zip.OpenReader(p) })
	if a.err != nil {
		return nil, a.err
	}
	return &a.zr.Reader, nil
}

// expandZip lists the members of a zip archive. They are read lazily, one
// per worker at a time, so a multi-gigabyte registry download never sits in
// memory whole.
func (l *Loader) expandZip(p string) ([]document, []Diagnostic) {
	zr, err := l.archive(p)
	if err != nil {
		return nil, []Diagnostic{{Path: p, Err: fmt.Errorf("%w: not a readable zip archive: %w", ErrUnreadable, err)}}
	}
	var docs []document
	for _, f := range zr.File {
		name := f.Name
		if f.FileInfo().IsDir() || isHiddenPath(name) {
			continue
		}
		if strings.EqualFold(path.Ext(name), ".zip") {
			continue // nested archives are not opened
		}
		docs = append(docs, document{
			path:  p,
			entry: name,
			size:  int64(f.UncompressedSize64),
			read:  func() ([]byte, error) { return readMember(f) },
		})
	}
	return docs, nil
}

// readMember reads one member whole, checking its checksum.
func readMember(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// The archive states each member's size: read it into a buffer of that
	// size rather than growing one.
	if n := f.UncompressedSize64; n > 0 && n <= maxDocument {
		buf := make([]byte, n)
		if _, err := io.ReadFull(rc, buf); err != nil {
			return nil, err
		}
		// Reading on to the end is what makes archive/zip check the
		// member's checksum.
		if _, err := rc.Read(make([]byte, 1)); err != io.EOF {
			if err == nil {
				err = fmt.Errorf("member larger than the archive says")
			}
			return nil, err
		}
		return buf, nil
	}
	return readLimited(rc)
}

func isHiddenPath(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") || part == "__MACOSX" {
			return true
		}
	}
	return false
}
