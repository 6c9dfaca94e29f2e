package loader

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
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
	stamp model.Origin // of the file when it was opened
	err   error

	// The directory. While the archive is being loaded, archive/zip's
	// headers, each let go (File[i] set to nil) once the load has read its
	// member, which dir[i] then describes; after compact, dir alone. A
	// registry download's half million zip.File headers are 130 MB, four
	// times what dir keeps, and were held to the end of the load, its top.
	mu        sync.RWMutex
	zr        *zip.Reader
	dir       []zipMember // by member; before compact, only those read (off > 0)
	compacted bool
}

// zipMember is what an archive keeps of a member once compacted.
type zipMember struct {
	name         string
	off          int64 // of its data; -1 when its local header is unreadable
	csize, usize uint64
	crc          uint32
	method       uint16
	skip         bool // a folder or a hidden file: no document
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
	a.dir = make([]zipMember, len(zr.File))
}

// count is the number of members in the directory.
func (a *archive) count() int {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return len(a.dir)
}

// name is member i's name.
func (a *archive) name(i int) string {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.compacted || a.zr.File[i] == nil {
		return a.dir[i].name
	}
	return a.zr.File[i].Name
}

// member describes member i, finding where its data starts if that is not
// known yet (one read of its local header, which opening it needs anyway).
func (a *archive) member(i int) zipMember {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.compacted || a.zr.File[i] == nil {
		return a.dir[i]
	}
	return memberOf(a.zr.File[i], dataOffset(a.zr.File[i]))
}

// settle keeps m as member i's description and lets go of its header:
// the load reads a member once, as a document (so neither a folder nor a
// hidden file: compact need not test its name). Kept only when its data
// was found: a failed read of its header is tried again next time.
func (a *archive) settle(i int, m zipMember) {
	if m.off <= 0 {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.compacted && a.zr.File[i] != nil {
		a.dir[i], a.zr.File[i] = m, nil
	}
}

// memberOf is what reading f needs (skip is left for compact: a read of
// every member during a load need not test its name again).
func memberOf(f *zip.File, off int64) zipMember {
	return zipMember{name: f.Name, off: off, csize: f.CompressedSize64, usize: f.UncompressedSize64,
		crc: f.CRC32, method: f.Method}
}

// skipped reports a member that is no document: a folder or a hidden file.
func skipped(f *zip.File) bool { return f.FileInfo().IsDir() || isHiddenPath(f.Name) }

// dataOffset is where f's data starts; -1 when its local header is
// unreadable.
func dataOffset(f *zip.File) int64 {
	if o, err := f.DataOffset(); err == nil && o > 0 {
		return o
	}
	return -1
}

// read reads member i whole, checking its size and checksum.
func (a *archive) read(ctx context.Context, i int) ([]byte, error) {
	return readZipData(ctx, a.file, a.member(i))
}

// readDocument is read for the load, which reads each document once: the
// member's header is let go (see settle).
func (a *archive) readDocument(ctx context.Context, i int) ([]byte, error) {
	m := a.member(i)
	a.settle(i, m)
	return readZipData(ctx, a.file, m)
}

// compact keeps of the directory only what reading members again needs,
// once a load has read them (and so found where each one's data starts).
func (a *archive) compact() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.compacted || a.zr == nil {
		return
	}
	for i, f := range a.zr.File {
		if f != nil { // a member the load did not read: a folder, a hidden file, a failure
			a.dir[i] = memberOf(f, dataOffset(f))
			a.dir[i].skip = skipped(f)
		}
	}
	a.zr, a.compacted = nil, true
}

// readZipData reads a member's data as archive/zip's File.Open does for
// the two methods zip archives of documents use, from where its data
// starts: the size and the CRC-32 the directory gives must hold.
func readZipData(ctx context.Context, r io.ReaderAt, m zipMember) ([]byte, error) {
	if m.off < 0 {
		return nil, zip.ErrFormat
	}
	sr := io.NewSectionReader(r, m.off, int64(m.csize))
	var body io.Reader
	switch m.method {
	case zip.Store:
		body = sr
	case zip.Deflate:
		fr := inflater(sr)
		defer inflaters.Put(fr)
		body = fr
	default:
		return nil, zip.ErrAlgorithm
	}
	// Never more than a byte past the size the directory gives: a member
	// that inflates beyond it is damaged (or a bomb), as File.Open says.
	body = io.LimitReader(body, int64(min(m.usize, math.MaxInt64-1))+1)
	sum := crc32.NewIEEE()
	data, err := readDocument(ctx, io.TeeReader(body, sum), int64(m.usize))
	if err != nil {
		return nil, err
	}
	if uint64(len(data)) != m.usize {
		return nil, zip.ErrFormat
	}
	if m.crc != 0 && sum.Sum32() != m.crc {
		return nil, zip.ErrChecksum
	}
	return data, nil
}

// inflaters are reused: each holds a 32 KB window and tables.
var inflaters sync.Pool

func inflater(r io.Reader) io.ReadCloser {
	if fr, ok := inflaters.Get().(io.ReadCloser); ok {
		if fr.(flate.Resetter).Reset(r, nil) == nil {
			return fr
		}
	}
	return flate.NewReader(r)
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
	docs := a.documents(p)
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

// documents makes documents of the archive's members, folders and hidden
// files aside, each pinned by its position.
func (a *archive) documents(p string) []document {
	var docs []document
	a.mu.RLock()
	defer a.mu.RUnlock()
	add := func(i int, name string) {
		docs = append(docs, document{path: p, entry: name, member: true, arc: a, index: i, base: &a.stamp})
	}
	if a.compacted {
		for i, m := range a.dir {
			if !m.skip {
				add(i, m.name)
			}
		}
		return docs
	}
	for i, f := range a.zr.File {
		switch {
		case f == nil: // read by a load already: a document
			add(i, a.dir[i].name)
		case !skipped(f):
			add(i, f.Name)
		}
	}
	return docs
}

// memberDocuments makes documents of an archive's members, folders and
// hidden files aside, each pinned by its position: Member in an archive on
// disk, Nested in one that is itself a member of in.
func memberDocuments(files []*zip.File, in document, origin model.Origin, nested bool) []document {
	var docs []document
	base := &origin
	for i, f := range files {
		if f.FileInfo().IsDir() || isHiddenPath(f.Name) {
			continue
		}
		d := document{path: in.path, entry: f.Name, member: !nested, nested: nested, zf: f, index: i, base: base}
		if nested {
			d.entry = in.entry + "!/" + f.Name
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
	if o.Member < 1 || o.Member > a.count() {
		return nil, errMoved
	}
	name := a.name(o.Member - 1)
	if o.Nested == 0 {
		if !entryNames(entry, name) {
			return nil, errMoved
		}
		return a.read(ctx, o.Member-1)
	}
	data, err := a.read(ctx, o.Member-1)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || o.Nested > len(zr.File) {
		return nil, errMoved
	}
	inner := zr.File[o.Nested-1]
	if !entryNames(entry, name+"!/"+inner.Name) {
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
