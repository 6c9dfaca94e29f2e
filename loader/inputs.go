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
	"slices"
	"strings"
	"sync"

	"github.com/trials-app/trials/model"
)

// Inputs: what a path given to the loader holds — a file, the files below
// a directory (symbolic links followed), the members of a zip archive —
// and reading one document safely: only regular files are opened, and a
// document's first 8 KiB are looked at before the rest is read.

// maxDocument bounds how much of one document is read: the largest registry
// records are a few megabytes; anything far beyond that is not a trial page.
const maxDocument = 256 << 20

// ErrNotRegular is the reason a FIFO, socket or device is not read: opening
// one can block for ever, and none holds a document.
var ErrNotRegular = errors.New("not a regular file")

// expand turns one input path into the documents it holds: itself, the files
// below it, or the members of a .zip archive. A symbolic link is followed.
func (l *Loader) expand(ctx context.Context, p string) ([]document, []Diagnostic) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, []Diagnostic{{Path: p, Err: unreadable(err)}}
	}
	w := walker{l: l, ctx: ctx, seen: map[string]bool{}}
	w.visit(p, info)
	return w.docs, w.diags
}

// walker gathers the documents below one input path.
type walker struct {
	l     *Loader
	ctx   context.Context
	seen  map[string]bool // directories walked, by their real path
	docs  []document
	diags []Diagnostic
}

func (w *walker) fail(p string, err error) { w.diags = append(w.diags, Diagnostic{Path: p, Err: err}) }

// visit takes in p, whose (followed) file info is info.
func (w *walker) visit(p string, info fs.FileInfo) {
	switch {
	case info.IsDir():
		w.dir(p)
	case !info.Mode().IsRegular():
		w.fail(p, notRegular(info.Mode()))
	default:
		zip, err := isZip(p)
		switch {
		case err != nil:
			w.fail(p, unreadable(err))
		case zip:
			ds, dg := w.l.expandZip(p)
			w.docs = append(w.docs, ds...)
			w.diags = append(w.diags, dg...)
		default:
			w.docs = append(w.docs, fileDocument(p))
		}
	}
}

// dir walks a directory in lexical order, skipping hidden entries and
// following symbolic links. A directory reached again — through a link, or
// a link that leads back to where it is — is not walked twice: its
// documents are read once, under the first path that reached them.
func (w *walker) dir(p string) {
	if w.ctx.Err() != nil {
		return
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		w.fail(p, unreadable(err))
		return
	}
	if real, err = filepath.Abs(real); err == nil {
		if w.seen[real] {
			return
		}
		w.seen[real] = true
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		w.fail(p, unreadable(err))
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		child := filepath.Join(p, e.Name())
		switch t := e.Type(); {
		case t.IsDir():
			w.dir(child)
		case t.IsRegular():
			info, err := e.Info()
			if err != nil {
				w.fail(child, unreadable(err))
				continue
			}
			w.visit(child, info)
		case t&fs.ModeSymlink != 0:
			info, err := os.Stat(child) // follows the link
			if err != nil {
				w.fail(child, fmt.Errorf("%w: a symbolic link to nothing readable: %w", ErrUnreadable, causeOf(err)))
				continue
			}
			w.visit(child, info)
		default:
			w.fail(child, notRegular(t))
		}
	}
}

// notRegular says what a file that is not read is.
func notRegular(m fs.FileMode) error {
	kind := "a special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeCharDevice != 0:
		kind = "a character device"
	case m&fs.ModeDevice != 0:
		kind = "a device"
	}
	return fmt.Errorf("%w: %s; only files, directories and .zip archives are read", ErrNotRegular, kind)
}

// causeOf is the operating system's reason, without the path.
func causeOf(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// unreadable says why a file could not be read, keeping the cause (so that
// errors.Is(err, fs.ErrNotExist) holds) but not the path, which the
// Diagnostic names already.
func unreadable(err error) error {
	if errors.Is(err, ErrUnreadable) || errors.Is(err, ErrNotRegular) || errors.Is(err, ErrBinary) || errors.Is(err, ErrNotTrial) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrUnreadable, causeOf(err))
}

// openRegular opens a regular file, and nothing else: a FIFO, socket or
// device is closed again at once (opened without blocking) and refused.
func openRegular(p string) (*os.File, fs.FileInfo, error) {
	f, err := openNoBlock(p)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = notRegular(info.Mode())
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// stamp is what a file's Origin records of it.
func stamp(info fs.FileInfo) model.Origin {
	return model.Origin{Size: info.Size(), ModTime: info.ModTime().UnixNano()}
}

func fileDocument(p string) document {
	return document{path: p, read: func(ctx context.Context) ([]byte, model.Origin, error) {
		return readFile(ctx, p)
	}}
}

// readFile reads a regular file whole, with the stamp of what it read.
func readFile(ctx context.Context, p string) ([]byte, model.Origin, error) {
	f, info, err := openRegular(p)
	if err != nil {
		return nil, model.Origin{}, err
	}
	defer f.Close()
	data, err := readDocument(ctx, f, info.Size())
	return data, stamp(info), err
}

// readDocument reads one document whose size is expected to be size (0
// when unknown). Its first 8 KiB are looked at first: binary data, or a
// document too large to be a trial's, is turned away without reading the
// rest. Reading stops when ctx is cancelled.
func readDocument(ctx context.Context, r io.Reader, size int64) ([]byte, error) {
	return readAtMost(ctx, r, size, maxDocument)
}

func readAtMost(ctx context.Context, r io.Reader, size, limit int64) ([]byte, error) {
	tooLarge := func() error { return fmt.Errorf("%w: larger than %d MB", ErrNotTrial, limit>>20) }
	r = ctxReader{ctx, r}
	// One more byte than expected, so that the end is seen without growing;
	// never more than one byte over the limit (a size over it is refused
	// once the head shows the document is text).
	buf := documentBuffer(int(min(max(min(size, limit)+1, 2*sniffLen), limit+1)))
	n, err := io.ReadFull(r, buf[:sniffLen])
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return buf[:n], nil
	}
	if err != nil {
		return nil, err
	}
	buf = buf[:sniffLen]
	if headIsBinary(buf, true) {
		return nil, ErrBinary
	}
	if size > limit {
		return nil, tooLarge()
	}
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > limit {
				return nil, tooLarge()
			}
			buf = slices.Grow(buf, min(len(buf), int(limit+1)-len(buf)))
		}
		m, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(buf)) > limit {
		return nil, tooLarge()
	}
	return buf, nil
}

// Documents are read into recycled buffers: a registry download is half
// a million documents of a few kilobytes, and a fresh buffer for each was
// a quarter of all a cold load allocated. parseDocument gives its buffer
// back once parsed: no parser keeps a slice of its input (strings are
// copies of its bytes).
var documentBuffers sync.Pool // of *[]byte, each of minPooled to maxPooled bytes

const (
	minPooled = 64 << 10 // most documents fit
	maxPooled = 1 << 20  // a rare big one is not kept
)

// documentBuffer returns an empty buffer of at least n bytes' capacity.
func documentBuffer(n int) []byte {
	if n <= maxPooled {
		if p, ok := documentBuffers.Get().(*[]byte); ok {
			if cap(*p) >= n {
				return (*p)[:0]
			}
		}
		return make([]byte, 0, max(n, minPooled))
	}
	return make([]byte, 0, n)
}

// recycle gives a document's buffer back for the next one to be read.
func recycle(b []byte) {
	if cap(b) >= minPooled && cap(b) <= maxPooled {
		b = b[:0]
		documentBuffers.Put(&b)
	}
}

// ctxReader stops a read when its context is cancelled, a megabyte at most
// being read between checks.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if len(p) > 1<<20 {
		p = p[:1<<20]
	}
	return c.r.Read(p)
}

// isZip reports whether a regular file starts with a zip signature, whatever
// its name.
func isZip(p string) (bool, error) {
	f, _, err := openRegular(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	var sig [4]byte
	if _, err := io.ReadFull(f, sig[:]); err != nil {
		return false, nil
	}
	return isZipSignature(sig[:]), nil
}

func isZipSignature(b []byte) bool {
	return bytes.HasPrefix(b, []byte("PK\x03\x04")) || bytes.HasPrefix(b, []byte("PK\x05\x06"))
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
		docs = append(docs, document{path: p, read: func(context.Context) ([]byte, model.Origin, error) {
			data, err := fs.ReadFile(fsys, p)
			return data, model.Origin{}, err
		}})
		return nil
	})
	res := loadDocuments(ctx, opts, docs)
	res.Diagnostics = append(diags, res.Diagnostics...)
	return res
}
