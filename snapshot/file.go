// Package snapshot keeps what a loaded corpus holds in a file of the
// user's cache directory, so that the next open of the same inputs reads
// it instead of loading them again: the whole registry (550,000 trials,
// minutes to load) reopens in well under a second.
//
// A snapshot file is a header, a table of sections — each with its offset,
// length and CRC-32C — and the sections, aligned to eight bytes. Section 1
// is the Meta (JSON): the format and program that wrote it, when, and the
// fingerprint of the inputs it was made from (see Fingerprint); what the
// other sections hold is the caller's business (corpus/snapshot.go), and
// the codec (codec.go) lays their arrays out so that they are used where
// they lie in the file's bytes. A file whose magic, format, table or any
// checksum is wrong is never trusted: Open says why, and the caller
// rebuilds it. Files are written to a temporary name and renamed into
// place, so a reader sees a whole snapshot or none, and two writers at
// once leave one of their two whole files.
package snapshot

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Format is the layout version: a snapshot of another format is rebuilt.
// Bump it whenever what any section holds changes.
const Format = 1

var magic = [8]byte{'T', 'R', 'I', 'A', 'L', 'S', 'N', 'P'}

// Ext is the snapshot files' extension in the cache directory.
const Ext = ".snap"

const (
	headerSize = 16 // magic, format, section count
	entrySize  = 24 // id, crc, offset, length
	maxSection = 64
)

// MetaSection is the section holding the Meta.
const MetaSection = 1

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Meta says what a snapshot was made from.
type Meta struct {
	Format  int       `json:"format"`
	Program string    `json:"program"` // see Program
	Created time.Time `json:"created"`
	Paths   []string  `json:"paths"` // as given
	Inputs  []Input   `json:"inputs"`
	Origin  string    `json:"origin"`
	Trials  int       `json:"trials"`
}

// Section is one section to write: its id (above MetaSection) and what
// writes its bytes.
type Section struct {
	ID    uint32
	Write func(w io.Writer) error
}

type entry struct {
	id, crc   uint32
	off, size uint64
}

// Write writes a snapshot to path atomically: a temporary file in the same
// directory, synced, then renamed over path.
func Write(path string, meta Meta, sections []Section) (err error) {
	meta.Format = Format
	metaJSON, err := json.Marshal(meta)
	if err != nil {
		return fmt.Errorf("snapshot meta: %w", err)
	}
	all := append([]Section{{ID: MetaSection, Write: func(w io.Writer) error { _, err := w.Write(metaJSON); return err }}}, sections...)
	if len(all) > maxSection {
		return fmt.Errorf("snapshot: %d sections, at most %d", len(all), maxSection)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	f, err := os.CreateTemp(dir, filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	tableEnd := int64(headerSize + entrySize*len(all) + 8)
	if _, err := f.Seek(tableEnd, io.SeekStart); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	entries := make([]entry, len(all))
	pos := tableEnd
	for i, s := range all {
		cw := &countingWriter{w: f, crc: 0}
		if err := s.Write(cw); err != nil {
			return fmt.Errorf("snapshot section %d: %w", s.ID, err)
		}
		entries[i] = entry{id: s.ID, crc: cw.crc, off: uint64(pos), size: uint64(cw.n)}
		pos += cw.n
		if pad := (8 - pos%8) % 8; pad > 0 {
			if _, err := f.Write(make([]byte, pad)); err != nil {
				return fmt.Errorf("snapshot: %w", err)
			}
			pos += pad
		}
	}
	head := make([]byte, tableEnd)
	copy(head, magic[:])
	binary.LittleEndian.PutUint32(head[8:], Format)
	binary.LittleEndian.PutUint32(head[12:], uint32(len(all)))
	for i, e := range entries {
		b := head[headerSize+entrySize*i:]
		binary.LittleEndian.PutUint32(b, e.id)
		binary.LittleEndian.PutUint32(b[4:], e.crc)
		binary.LittleEndian.PutUint64(b[8:], e.off)
		binary.LittleEndian.PutUint64(b[16:], e.size)
	}
	binary.LittleEndian.PutUint32(head[tableEnd-8:], crc32.Checksum(head[:tableEnd-8], castagnoli))
	if _, err := f.WriteAt(head, 0); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	return nil
}

type countingWriter struct {
	w   io.Writer
	n   int64
	crc uint32
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.crc = crc32.Update(c.crc, castagnoli, b[:n])
	c.n += int64(n)
	return n, err
}

// ErrForeign is why a file is not read as a snapshot: it is not one, or
// one of another format.
var ErrForeign = errors.New("not a snapshot of this format")

// errNotSnapshot is ErrForeign for a file that is no snapshot at all.
var errNotSnapshot = fmt.Errorf("%w: not a snapshot", ErrForeign)

// File is an opened snapshot: its sections, checked.
type File struct {
	Meta     Meta
	buf      []byte
	sections map[uint32][]byte
}

// Section returns the bytes of section id (aligned to eight bytes).
func (f *File) Section(id uint32) ([]byte, bool) {
	b, ok := f.sections[id]
	return b, ok
}

// Size is the file's size in bytes.
func (f *File) Size() int { return len(f.buf) }

// readTable reads and checks the header and section table at the start of
// r, of a file of size bytes.
func readTable(r io.ReaderAt, size int64) ([]entry, error) {
	var head [headerSize]byte
	if _, err := r.ReadAt(head[:], 0); err != nil {
		return nil, errNotSnapshot
	}
	if [8]byte(head[:8]) != magic {
		return nil, errNotSnapshot
	}
	if v := binary.LittleEndian.Uint32(head[8:]); v != Format {
		return nil, fmt.Errorf("%w (format %d, this program reads %d)", ErrForeign, v, Format)
	}
	n := binary.LittleEndian.Uint32(head[12:])
	if n == 0 || n > maxSection {
		return nil, fmt.Errorf("%w: %d sections", ErrCorrupt, n)
	}
	tableEnd := int64(headerSize + entrySize*int(n) + 8)
	if tableEnd > size {
		return nil, fmt.Errorf("%w: truncated section table", ErrCorrupt)
	}
	table := make([]byte, tableEnd)
	if _, err := r.ReadAt(table, 0); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if crc32.Checksum(table[:tableEnd-8], castagnoli) != binary.LittleEndian.Uint32(table[tableEnd-8:]) ||
		binary.LittleEndian.Uint32(table[tableEnd-4:]) != 0 {
		return nil, fmt.Errorf("%w: section table checksum", ErrCorrupt)
	}
	entries := make([]entry, n)
	seen := map[uint32]bool{}
	for i := range entries {
		b := table[headerSize+entrySize*i:]
		e := entry{id: binary.LittleEndian.Uint32(b), crc: binary.LittleEndian.Uint32(b[4:]),
			off: binary.LittleEndian.Uint64(b[8:]), size: binary.LittleEndian.Uint64(b[16:])}
		if e.off < uint64(tableEnd) || e.off%8 != 0 || e.off > uint64(size) || e.size > uint64(size)-e.off || seen[e.id] {
			return nil, fmt.Errorf("%w: section %d lies outside the file", ErrCorrupt, e.id)
		}
		seen[e.id] = true
		entries[i] = e
	}
	if entries[0].id != MetaSection {
		return nil, fmt.Errorf("%w: no meta section", ErrCorrupt)
	}
	return entries, nil
}

func readMeta(r io.ReaderAt, e entry) (Meta, error) {
	if e.size > 64<<20 {
		return Meta{}, fmt.Errorf("%w: meta of %d bytes", ErrCorrupt, e.size)
	}
	b := make([]byte, e.size)
	if _, err := r.ReadAt(b, int64(e.off)); err != nil {
		return Meta{}, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return decodeMeta(b, e.crc)
}

func decodeMeta(b []byte, crc uint32) (Meta, error) {
	var m Meta
	if crc32.Checksum(b, castagnoli) != crc {
		return m, fmt.Errorf("%w: meta checksum", ErrCorrupt)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("%w: meta: %v", ErrCorrupt, err)
	}
	if m.Format != Format {
		return m, fmt.Errorf("%w (format %d)", ErrForeign, m.Format)
	}
	return m, nil
}

// ReadMeta reads only the Meta of the snapshot at path: enough to tell
// whether it is still good for the inputs before reading the rest.
func ReadMeta(path string) (Meta, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return Meta{}, 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return Meta{}, 0, err
	}
	entries, err := readTable(f, info.Size())
	if err != nil {
		return Meta{}, info.Size(), err
	}
	m, err := readMeta(f, entries[0])
	return m, info.Size(), err
}

// Open reads the snapshot at path whole and checks every section's
// checksum.
func Open(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: not a regular file", ErrForeign)
	}
	size := info.Size()
	if size > 1<<40 {
		return nil, fmt.Errorf("%w: %d bytes", ErrForeign, size)
	}
	if _, err := readTable(f, size); err != nil {
		return nil, err
	}
	buf := unsafeBytes(make([]uint64, (size+7)/8), int(size)) // the table was read: size > 0
	if _, err := io.ReadFull(f, buf); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return Parse(buf)
}

// Parse checks a snapshot held in buf (aligned to eight bytes, left
// unchanged afterwards) and returns its sections.
func Parse(buf []byte) (*File, error) {
	entries, err := readTable(bytesReaderAt(buf), int64(len(buf)))
	if err != nil {
		return nil, err
	}
	file := &File{buf: buf, sections: make(map[uint32][]byte, len(entries))}
	// The padding after each section is zero, and the file ends with the
	// last: no byte of a snapshot goes unchecked.
	end := uint64(0)
	for _, e := range entries {
		end = max(end, e.off+e.size)
		pad := buf[e.off+e.size : min((e.off+e.size+7)&^7, uint64(len(buf)))]
		if bytes.ContainsFunc(pad, func(r rune) bool { return r != 0 }) {
			return nil, fmt.Errorf("%w: bytes after section %d", ErrCorrupt, e.id)
		}
	}
	if (end+7)&^7 != uint64(len(buf)) {
		return nil, fmt.Errorf("%w: %d bytes after the last section", ErrCorrupt, uint64(len(buf))-end)
	}
	for _, e := range entries {
		b := buf[e.off : e.off+e.size : e.off+e.size]
		if crc32.Checksum(b, castagnoli) != e.crc {
			return nil, fmt.Errorf("%w: section %d checksum", ErrCorrupt, e.id)
		}
		file.sections[e.id] = b
	}
	file.Meta, err = decodeMeta(file.sections[MetaSection], entries[0].crc)
	if err != nil {
		return nil, err
	}
	return file, nil
}

type bytesReaderAt []byte

func (b bytesReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 || off > int64(len(b)) {
		return 0, io.EOF
	}
	n := copy(p, b[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// IsSnapshotName reports whether a file name in the cache directory is a
// snapshot's (or a snapshot being written, when tmp).
func IsSnapshotName(name string) (snap, tmp bool) {
	if strings.HasSuffix(name, Ext) {
		return true, false
	}
	return false, strings.Contains(name, Ext+".tmp")
}
