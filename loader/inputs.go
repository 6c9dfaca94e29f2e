package loader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Inputs: what a path given to the loader holds — a file, the files below
// a directory, the members of a zip archive — and reading a file safely.

// maxDocument bounds how much of one document is read: the largest registry
// records are a few megabytes; anything far beyond that is not a trial page.
const maxDocument = 256 << 20

// expand turns one input path into the documents it holds: itself, the files
// below it, or the members of a .zip archive.
func (l *Loader) expand(p string) ([]document, []Diagnostic) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, []Diagnostic{{Path: p, Err: unreadable(err)}}
	}
	if info.IsDir() {
		return l.expandDir(p)
	}
	if isZip(p) {
		return l.expandZip(p)
	}
	return []document{fileDocument(p, info.Size())}, nil
}

// unreadable says why a file could not be read, keeping the cause (so that
// errors.Is(err, fs.ErrNotExist) holds) but not the path, which the
// Diagnostic names already.
func unreadable(err error) error {
	if errors.Is(err, ErrUnreadable) {
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%w: %w", ErrUnreadable, err)
}

func fileDocument(p string, size int64) document {
	return document{path: p, size: size, read: func() ([]byte, error) { return readFile(p) }}
}

func readFile(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > 0 && info.Size() <= maxDocument {
		buf := make([]byte, info.Size())
		if _, err := io.ReadFull(f, buf); err == nil {
			return buf, nil
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
	}
	return readLimited(f)
}

func readLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxDocument+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxDocument {
		return nil, fmt.Errorf("larger than %d MB, not a trial document", maxDocument>>20)
	}
	return data, nil
}

// isZip reports whether the file starts with a zip signature, whatever its name.
func isZip(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	var sig [4]byte
	if _, err := io.ReadFull(f, sig[:]); err != nil {
		return false
	}
	return bytes.Equal(sig[:], []byte("PK\x03\x04")) || bytes.Equal(sig[:], []byte("PK\x05\x06"))
}

// expandDir lists the files below dir in lexical order, skipping hidden ones.
func (l *Loader) expandDir(dir string) ([]document, []Diagnostic) {
	var docs []document
	var diags []Diagnostic
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, Diagnostic{Path: p, Err: unreadable(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			diags = append(diags, Diagnostic{Path: p, Err: unreadable(err)})
			return nil
		}
		if isZip(p) {
			ds, dg := l.expandZip(p)
			docs = append(docs, ds...)
			diags = append(diags, dg...)
			return nil
		}
		docs = append(docs, fileDocument(p, info.Size()))
		return nil
	})
	if err != nil {
		diags = append(diags, Diagnostic{Path: dir, Err: unreadable(err)})
	}
	return docs, diags
}

// LoadFS reads every document in an fs.FS (such as the embedded seeds),
// naming them by their path inside it. Hidden files are skipped.
func (l *Loader) LoadFS(ctx context.Context, opts Options, fsys fs.FS) Result {
	var docs []document
	var diags []Diagnostic
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, Diagnostic{Path: p, Err: unreadable(err)})
			return nil
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		docs = append(docs, document{path: p, read: func() ([]byte, error) { return fs.ReadFile(fsys, p) }})
		return nil
	})
	res := loadDocuments(ctx, opts, docs)
	res.Diagnostics = append(diags, res.Diagnostics...)
	return res
}
