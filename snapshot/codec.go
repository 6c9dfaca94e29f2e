package snapshot

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"unsafe"
)

// The codec lays arrays of fixed-size values out as they are in memory
// (little-endian), each preceded by its length and padded to eight bytes,
// so that a reader hands out slices of the file's bytes without copying or
// decoding them: at 550,000 trials that is what lets a snapshot open in a
// fraction of a second. Only plain value types (integers, floats, structs
// of them) may go through it.

// LittleEndian reports whether this machine stores integers as the codec
// lays them out; snapshots are neither written nor read elsewhere.
var LittleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// ErrCorrupt is why a section cannot be decoded: it is truncated, or its
// lengths point outside it.
var ErrCorrupt = errors.New("snapshot section is corrupt")

// Encoder writes values and arrays to w, tracking alignment.
type Encoder struct {
	w   *bufio.Writer
	n   int64
	err error
}

// NewEncoder writes to w; call Flush at the end.
func NewEncoder(w io.Writer) *Encoder { return &Encoder{w: bufio.NewWriterSize(w, 1<<20)} }

func (e *Encoder) write(b []byte) {
	if e.err != nil {
		return
	}
	n, err := e.w.Write(b)
	e.n += int64(n)
	e.err = err
}

func (e *Encoder) pad() {
	var zero [8]byte
	if r := e.n % 8; r != 0 {
		e.write(zero[:8-r])
	}
}

// Uint writes one number (eight bytes).
func (e *Encoder) Uint(v uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	e.write(b[:])
}

// Bytes writes a byte array.
func (e *Encoder) Bytes(b []byte) {
	e.Uint(uint64(len(b)))
	e.write(b)
	e.pad()
}

// String writes a string as a byte array.
func (e *Encoder) String(s string) {
	e.Uint(uint64(len(s)))
	if s != "" {
		e.write(unsafe.Slice(unsafe.StringData(s), len(s)))
	}
	e.pad()
}

// Put writes an array of fixed-size values.
func Put[T any](e *Encoder, s []T) {
	var zero T
	size := int(unsafe.Sizeof(zero))
	e.Uint(uint64(len(s)))
	if len(s) > 0 {
		e.write(unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*size))
	}
	e.pad()
}

// Flush writes what is buffered and returns the first error met.
func (e *Encoder) Flush() error {
	if e.err == nil {
		e.err = e.w.Flush()
	}
	return e.err
}

// Err is the first error met so far.
func (e *Encoder) Err() error { return e.err }

// Decoder reads what an Encoder wrote, handing out slices of its buffer.
// The buffer must stay unchanged while anything decoded from it is in use.
// A Decoder never panics: once data runs short or a length is impossible,
// every further read returns zero values and Err reports ErrCorrupt.
type Decoder struct {
	buf []byte
	off int
	err error
}

// NewDecoder reads buf, copied first when it is not aligned to eight bytes.
func NewDecoder(buf []byte) *Decoder {
	if len(buf) > 0 && uintptr(unsafe.Pointer(&buf[0]))%8 != 0 {
		buf = Aligned(buf)
	}
	d := &Decoder{buf: buf}
	if !LittleEndian {
		d.err = errors.New("snapshots are only read on little-endian machines")
	}
	return d
}

// Aligned returns a copy of b whose first byte is aligned to eight bytes.
func Aligned(b []byte) []byte {
	words := make([]uint64, (len(b)+7)/8)
	if len(words) == 0 {
		return nil
	}
	out := unsafe.Slice((*byte)(unsafe.Pointer(&words[0])), len(b))
	copy(out, b)
	return out
}

func (d *Decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s at byte %d", ErrCorrupt, what, d.off)
	}
}

// Fail marks the data as corrupt, for a check a caller makes.
func (d *Decoder) Fail(what string) { d.fail(what) }

// Err is nil when everything read so far was whole.
func (d *Decoder) Err() error { return d.err }

// Done fails unless every byte was read.
func (d *Decoder) Done() error {
	if d.err == nil && d.off != len(d.buf) {
		d.fail("trailing bytes")
	}
	return d.err
}

// Uint reads one number.
func (d *Decoder) Uint() uint64 {
	if d.err != nil {
		return 0
	}
	if len(d.buf)-d.off < 8 {
		d.fail("truncated")
		return 0
	}
	v := binary.LittleEndian.Uint64(d.buf[d.off:])
	d.off += 8
	return v
}

// take returns the next n bytes and skips the padding after them.
func (d *Decoder) take(n uint64, size uint64) []byte {
	if d.err != nil {
		return nil
	}
	rest := uint64(len(d.buf) - d.off)
	if size != 0 && n > rest/size {
		d.fail("array longer than its section")
		return nil
	}
	total := n * size
	b := d.buf[d.off : d.off+int(total) : d.off+int(total)]
	padded := (total + 7) &^ 7
	if padded > rest {
		d.fail("truncated padding")
		return nil
	}
	d.off += int(padded)
	return b
}

// Bytes reads a byte array (a slice of the buffer).
func (d *Decoder) Bytes() []byte { return d.take(d.Uint(), 1) }

// String reads a string sharing the buffer's bytes.
func (d *Decoder) String() string {
	b := d.Bytes()
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// Get reads an array of fixed-size values (a slice of the buffer).
func Get[T any](d *Decoder) []T {
	var zero T
	size := uint64(unsafe.Sizeof(zero))
	n := d.Uint()
	b := d.take(n, size)
	if d.err != nil || n == 0 {
		return nil
	}
	if size == 0 {
		d.fail("zero-size values")
		return nil
	}
	return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n)
}

// GetN is Get, failing unless the array has n values.
func GetN[T any](d *Decoder, n int, what string) []T {
	s := Get[T](d)
	if d.err == nil && len(s) != n {
		d.fail(fmt.Sprintf("%s: %d values, want %d", what, len(s), n))
		return nil
	}
	return s
}

// StrRef is a string kept in a strings table (see Strings): its offset and
// length in the table's bytes.
type StrRef struct{ Off, Len uint32 }

// Strings collects strings for a table, each distinct string once: the
// 550,000 records of a registry zip share one path, a few statuses, and
// many sponsors.
type Strings struct {
	blob []byte
	seen map[string]StrRef
}

// NewStrings starts a table.
func NewStrings() *Strings { return &Strings{seen: map[string]StrRef{}} }

// Ref returns where s is in the table, adding it.
func (t *Strings) Ref(s string) StrRef {
	if s == "" {
		return StrRef{}
	}
	if r, ok := t.seen[s]; ok {
		return r
	}
	r := StrRef{Off: uint32(len(t.blob)), Len: uint32(len(s))}
	t.blob = append(t.blob, s...)
	t.seen[s] = r
	return r
}

// Unique adds s without looking for it: for strings that seldom repeat
// (ids, titles), whose look-ups would cost a map entry each.
func (t *Strings) Unique(s string) StrRef {
	if s == "" {
		return StrRef{}
	}
	r := StrRef{Off: uint32(len(t.blob)), Len: uint32(len(s))}
	t.blob = append(t.blob, s...)
	return r
}

// Fits reports whether the table can still be addressed by StrRefs.
func (t *Strings) Fits() bool { return len(t.blob) < 1<<32-1<<20 }

// Blob is the table's bytes.
func (t *Strings) Blob() []byte { return t.blob }

// Table reads strings out of a table's bytes.
type Table struct {
	blob []byte
	bad  bool
}

// NewTable reads a table's bytes.
func NewTable(blob []byte) *Table { return &Table{blob: blob} }

// Get returns the string r names, sharing the table's bytes; "" and a
// failure (see Bad) when r lies outside the table.
func (t *Table) Get(r StrRef) string {
	if r.Len == 0 {
		return ""
	}
	if uint64(r.Off)+uint64(r.Len) > uint64(len(t.blob)) {
		t.bad = true
		return ""
	}
	return unsafe.String(&t.blob[r.Off], int(r.Len))
}

// Bad reports whether a reference lay outside the table.
func (t *Table) Bad() bool { return t.bad }

func unsafeBytes(words []uint64, n int) []byte {
	return unsafe.Slice((*byte)(unsafe.Pointer(&words[0])), n)
}
