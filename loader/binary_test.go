package loader

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// looksBinaryRef is looksBinary as it was: eight bytes at a time only
// while they are printable ASCII.
func looksBinaryRef(data []byte, cut bool) bool {
	head := data[:min(len(data), sniffLen)]
	cut = cut || len(data) > len(head)
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		if i+8 <= len(head) {
			x := binary.LittleEndian.Uint64(head[i:])
			if (x|(x-0x2020202020202020))&0x8080808080808080 == 0 {
				i += 8
				continue
			}
		}
		if c := head[i]; c >= 0x20 && c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size <= 1 {
			if len(head)-i < 4 && cut {
				break
			}
			bad++
		} else if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != 0x1b && r != '\f' {
			bad++
		}
		i += size
	}
	return bad*10 > len(head)
}

func checkLooksBinary(t *testing.T, data []byte) {
	t.Helper()
	for _, cut := range []bool{false, true} {
		if got, want := looksBinary(data, cut), looksBinaryRef(data, cut); got != want {
			t.Errorf("looksBinary(%q, %v) = %v, before %v", data, cut, got, want)
		}
	}
	// The same bytes at the end of a head of sniffLen, and across its end.
	for _, pad := range []int{sniffLen - len(data), sniffLen - len(data)/2} {
		if pad < 0 {
			continue
		}
		long := append(bytes.Repeat([]byte("{\n \"a\": 1,\n"), pad/11+1)[:pad], data...)
		for _, cut := range []bool{false, true} {
			if got, want := looksBinary(long, cut), looksBinaryRef(long, cut); got != want {
				t.Errorf("looksBinary(… %q, %v) = %v, before %v", data, cut, got, want)
			}
		}
	}
}

var binarySamples = []string{
	"", "{\n \"protocolSection\": {}\n}\n", "plain ascii text", "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e",
	"\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f", "≥ 1.5 × 10⁹/L\tok\r\n", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8", "ab\x1b[0mcd\fef",
	"\xe2\x89", "abc\xe2", "\x1f\x1f\x1f ascii ctl", strings.Repeat("a\x01", 40), strings.Repeat("é", 30), "a\x00b",
}

func TestLooksBinary(t *testing.T) {
	for _, s := range binarySamples {
		checkLooksBinary(t, []byte(s))
	}
}

func FuzzLooksBinary(f *testing.F) {
	for _, s := range binarySamples {
		f.Add([]byte(s))
	}
	f.Fuzz(checkLooksBinary)
}

// BenchmarkLooksBinary compares the test with what it was, on the
// registry's own studies.
func BenchmarkLooksBinary(b *testing.B) {
	paths, _ := filepath.Glob("testdata/ctgov/json/*.json")
	var docs [][]byte
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			docs = append(docs, data)
		}
	}
	for name, fn := range map[string]func([]byte, bool) bool{"now": looksBinary, "before": looksBinaryRef} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				for _, d := range docs {
					fn(d, false)
				}
			}
		})
	}
}

// A document readAtMost accepted is sampled the same whether or not the
// test of its head is taken as done.
func checkHeadChecked(t *testing.T, data []byte) {
	t.Helper()
	read, err := readAtMost(context.Background(), bytes.NewReader(data), int64(len(data)), maxDocument)
	if err != nil {
		return
	}
	got, gotErr := newSampleRead(read, true)
	want, wantErr := newSampleRead(read, false)
	if gotErr != wantErr || (got == nil) != (want == nil) || got != nil && (!bytes.Equal(got.data, want.data) || got.encoding != want.encoding || got.kind != want.kind) {
		t.Errorf("newSampleRead(%d bytes, true) = %v, %v; unchecked %v, %v", len(read), got, gotErr, want, wantErr)
	}
}

func FuzzHeadChecked(f *testing.F) {
	pad := bytes.Repeat([]byte("{\n \"a\": 1,\n"), sniffLen/11+1)[:sniffLen-2]
	for _, s := range binarySamples {
		f.Add([]byte(s))
		f.Add(append(append([]byte{}, pad...), s...))
	}
	f.Add(append(append([]byte{}, pad...), "\xe2\x89\xa5 x"...)) // a character across the head's end
	f.Add(append([]byte("\xff\xfe"), pad...))
	f.Fuzz(checkHeadChecked)
}
