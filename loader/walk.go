package loader

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// maxDocument bounds how much of one document is read: the largest registry
// records are a few megabytes; anything far beyond that is not a trial page.
const maxDocument = 256 << 20

// expand turns one input path into the documents it holds: itself, the files
// below it, or the members of a .zip archive.
func expand(p string) ([]document, []Diagnostic) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, []Diagnostic{{Path: p, Err: describeOSError(err)}}
	}
	if info.IsDir() {
		return expandDir(p)
	}
	if isZip(p) {
		return expandZip(p)
	}
	return []document{fileDocument(p, info.Size())}, nil
}

func describeOSError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%w: no such file or directory", ErrUnreadable)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%w: permission denied", ErrUnreadable)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%w: %v", ErrUnreadable, err)
}

func fileDocument(p string, size int64) document {
	return document{path: p, size: size, read: func() ([]byte, error) { return readFile(p) }}
}

func readFile(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, describeOSError(err)
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
func expandDir(dir string) ([]document, []Diagnostic) {
	var docs []document
	var diags []Diagnostic
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, Diagnostic{Path: p, Err: describeOSError(err)})
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
		// Go sources sit beside documents only in this project's own seeds
		// folder (its go:embed file); they are never trial documents.
		if strings.HasSuffix(d.Name(), ".go") {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			diags = append(diags, Diagnostic{Path: p, Err: describeOSError(err)})
			return nil
		}
		if isZip(p) {
			ds, dg := expandZip(p)
			docs = append(docs, ds...)
			diags = append(diags, dg...)
			return nil
		}
		docs = append(docs, fileDocument(p, info.Size()))
		return nil
	})
	if err != nil {
		diags = append(diags, Diagnostic{Path: dir, Err: describeOSError(err)})
	}
	return docs, diags
}

// expandZip lists the members of a zip archive. The archive stays open for
// the life of the program: its members are read lazily, one per worker at a
// time, so a multi-gigabyte registry download never sits in memory whole.
func expandZip(p string) ([]document, []Diagnostic) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, []Diagnostic{{Path: p, Err: fmt.Errorf("%w: not a readable zip archive: %v", ErrUnreadable, err)}}
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
			read: func() ([]byte, error) {
				rc, err := f.Open()
				if err != nil {
					return nil, err
				}
				defer rc.Close()
				// The archive states each member's size: read it into a
				// buffer of that size rather than growing one.
				if n := f.UncompressedSize64; n > 0 && n <= maxDocument {
					buf := make([]byte, n)
					if _, err := io.ReadFull(rc, buf); err != nil {
						return nil, err
					}
					// Reading on to the end is what makes archive/zip
					// check the member's checksum.
					if _, err := rc.Read(make([]byte, 1)); err != io.EOF {
						if err == nil {
							err = fmt.Errorf("member larger than the archive says")
						}
						return nil, err
					}
					return buf, nil
				}
				return readLimited(rc)
			},
		})
	}
	return docs, nil
}

func isHiddenPath(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") || part == "__MACOSX" {
			return true
		}
	}
	return false
}

// LoadFS reads every document in an fs.FS (such as the embedded seeds),
// naming them by their path inside it.
func LoadFS(ctx context.Context, opts Options, fsys fs.FS) Result {
	var docs []document
	var diags []Diagnostic
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, Diagnostic{Path: p, Err: describeOSError(err)})
			return nil
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") || strings.HasSuffix(p, ".go") {
			return nil
		}
		docs = append(docs, document{path: p, read: func() ([]byte, error) { return fs.ReadFile(fsys, p) }})
		return nil
	})
	res := loadDocuments(ctx, opts, docs)
	res.Diagnostics = append(diags, res.Diagnostics...)
	return res
}
