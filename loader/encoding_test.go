package loader

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/trials-app/trials/model"
)

func utf16Bytes(s string, order binary.ByteOrder, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xfeff}, units...)
	}
	out := make([]byte, 2*len(units))
	for i, u := range units {
		order.PutUint16(out[2*i:], u)
	}
	return out
}

// windows1252Bytes encodes s, which must hold only characters the code page has.
func windows1252Bytes(t *testing.T, s string) []byte {
	t.Helper()
	var out []byte
	for _, r := range s {
		if r < 0x80 || r >= 0xa0 && r <= 0xff {
			out = append(out, byte(r))
			continue
		}
		k := slices.Index(windows1252[:], r)
		if k < 0 || r == '\ufffd' {
			t.Fatalf("%q is not in Windows-1252", r)
		}
		out = append(out, byte(0x80+k))
	}
	return out
}

// TestEncodings: a document saved as UTF-16 (either byte order, with or
// without a byte order mark) or as Windows-1252 / Latin-1 reads as its
// UTF-8 original does, with a warning naming the encoding.
func TestEncodings(t *testing.T) {
	// The classic seed with characters outside ASCII that Windows-1252 has.
	base := string(mustRead(t, seedFiles[model.FormatClassic]))
	base = strings.Replace(base, "Vα24+ T Cells", "Vé24+ T Cells", 1)
	base = strings.ReplaceAll(base, "≥", "»")
	want, err := Parse("utf8.txt", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		enc  textEncoding
	}{
		{"UTF-16LE with BOM", utf16Bytes(base, binary.LittleEndian, true), encUTF16LE},
		{"UTF-16BE with BOM", utf16Bytes(base, binary.BigEndian, true), encUTF16BE},
		{"UTF-16LE", utf16Bytes(base, binary.LittleEndian, false), encUTF16LE},
		{"UTF-16BE", utf16Bytes(base, binary.BigEndian, false), encUTF16BE},
		{"Windows-1252", windows1252Bytes(t, base), encWindows1252},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("utf8.txt", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			g := got[0]
			if n := len(g.Warnings); n == 0 || !strings.Contains(g.Warnings[n-1], tt.enc.String()) {
				t.Errorf("warnings %q name no %s", g.Warnings, tt.enc)
			} else {
				g.Warnings = g.Warnings[:n-1]
			}
			for _, d := range matchSubset("", toJSONValue(t, want[0]), toJSONValue(t, g)) {
				t.Error(d)
			}
		})
	}
	// UTF-16 JSON, as PowerShell writes it.
	js := mustRead(t, "testdata/ctgov/json/NCT05531279.json")
	if trials, err := Parse("ps.json", utf16Bytes(string(js), binary.LittleEndian, true)); err != nil || trials[0].ID != "NCT05531279" {
		t.Errorf("UTF-16 JSON: %v", err)
	}
}

// TestSniffEncoding: UTF-8 damaged in a few places stays UTF-8 (decoding it
// as Latin-1 would turn every "é" into "Ã©"); binary stays binary.
func TestSniffEncoding(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want textEncoding
	}{
		{"ascii", []byte("Inclusion Criteria\n* Age 18"), encUTF8},
		{"utf-8", []byte("Hôpital Saint-Louis, ≥ 18 ans"), encUTF8},
		{"utf-8 with one stray byte", []byte("Hôpital Saint-Louis é è à \xff ≥ 18"), encUTF8},
		{"latin-1", []byte("H\xf4pital Saint-Louis, Cr\xe9teil"), encWindows1252},
		{"random high bytes", bytes.Repeat([]byte{0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x41}, 64), encUTF8},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), encUTF8},
		{"utf-16le", utf16Bytes("Study Details", binary.LittleEndian, false), encUTF16LE},
	}
	for _, tt := range tests {
		if got := sniffEncoding(tt.data); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
	if _, err := Detect([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")); err != ErrBinary {
		t.Errorf("png: %v", err)
	}
}

// FuzzDecodeText: decoding never fails or panics, always gives UTF-8,
// leaves valid UTF-8 as it is, and gives back what UTF-16 encoded.
func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("Inclusion Criteria"))
	f.Add([]byte("H\xf4pital"))
	f.Add(utf16Bytes("Study Details\nCT.gov ID", binary.LittleEndian, true))
	f.Add(utf16Bytes("Study Details", binary.BigEndian, false))
	f.Add([]byte{0xff, 0xfe, 0x00})
	f.Fuzz(func(t *testing.T, data []byte) {
		out, enc := decodeText(data)
		if enc != encUTF8 && !utf8.Valid(out) {
			t.Fatalf("%s decoding gave invalid UTF-8 from %q", enc, data)
		}
		if utf8.Valid(data) && enc == encWindows1252 {
			t.Fatalf("valid UTF-8 %q decoded as %s", data, enc)
		}
		if enc == encUTF8 && !bytes.Equal(out, data) {
			t.Fatalf("UTF-8 changed: %q → %q", data, out)
		}
		if s := string(data); utf8.Valid(data) && !strings.ContainsRune(s, 0xfeff) && !strings.ContainsRune(s, utf8.RuneError) {
			back, enc := decodeText(utf16Bytes(s, binary.LittleEndian, true))
			if enc != encUTF16LE || string(back) != s {
				t.Fatalf("UTF-16 round trip of %q: %q (%s)", s, back, enc)
			}
		}
		_ = headIsBinary(data, true)
		_, _ = Detect(data)
	})
}
