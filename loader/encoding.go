package loader

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Text encodings. Every parser reads UTF-8; documents saved by other tools
// come as UTF-16 (Windows editors, PowerShell) or as Windows-1252 / Latin-1
// (older pages and exports). They are decoded before detection, and the
// trial's warnings say which encoding was found.
//
// Decoding is written here rather than taken from golang.org/x/text: the
// standard library's unicode/utf16 does the UTF-16 work, and Windows-1252
// differs from Latin-1 only in the 32 code points of 0x80–0x9F — one small
// table, where x/text would add a module for it.

// textEncoding is how a document's text is encoded.
type textEncoding int

const (
	encUTF8 textEncoding = iota
	encUTF16LE
	encUTF16BE
	encWindows1252
)

func (e textEncoding) String() string {
	switch e {
	case encUTF16LE:
		return "UTF-16 (little-endian)"
	case encUTF16BE:
		return "UTF-16 (big-endian)"
	case encWindows1252:
		return "Windows-1252 (Latin-1)"
	}
	return "UTF-8"
}

// sniffLen is how much of a document tells whether it is text.
const sniffLen = 8192

// sniffEncoding tells how data is encoded: a UTF-16 byte order mark, or
// the zero high bytes of UTF-16 text in Latin script; else invalid UTF-8
// that reads as single-byte text; else UTF-8 (valid, or damaged in a few
// places — which is not a reason to decode all of it otherwise).
func sniffEncoding(data []byte) textEncoding {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return encUTF16LE
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return encUTF16BE
	}
	head := data[:min(len(data), sniffLen)]
	// Without a zero byte neither test below can pass: skip the count,
	// which was a twentieth of a registry's load.
	if pairs := len(head) / 2; pairs >= 2 && bytes.IndexByte(head, 0) >= 0 {
		evenZero, oddZero := 0, 0
		for i := 0; i+1 < len(head); i += 2 {
			if head[i] == 0 {
				evenZero++
			}
			if head[i+1] == 0 {
				oddZero++
			}
		}
		// ASCII text in UTF-16: one byte of every pair is zero, the other
		// almost never.
		switch {
		case oddZero*10 >= pairs*4 && evenZero*20 < pairs:
			return encUTF16LE
		case evenZero*10 >= pairs*4 && oddZero*20 < pairs:
			return encUTF16BE
		}
	}
	if utf8.Valid(data) || bytes.IndexByte(head, 0) >= 0 {
		return encUTF8
	}
	// Invalid UTF-8: single-byte text when the bytes that break it outnumber
	// the well-formed multi-byte characters, and high bytes are a minority
	// (text in a Latin alphabet is mostly ASCII; random bytes are not).
	invalid, multi, high := 0, 0, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			invalid++
		case size > 1:
			multi++
		}
		i += size
	}
	for _, c := range head {
		if c >= 0x80 {
			high++
		}
	}
	if invalid > multi && high*10 < len(head)*3 {
		return encWindows1252
	}
	return encUTF8
}

// decodeText returns data as UTF-8, and the encoding it was found in. A
// UTF-8 document is returned as it is.
func decodeText(data []byte) ([]byte, textEncoding) {
	enc := sniffEncoding(data)
	switch enc {
	case encUTF16LE, encUTF16BE:
		return decodeUTF16(data, enc), enc
	case encWindows1252:
		return decodeWindows1252(data), enc
	}
	return data, enc
}

func decodeUTF16(data []byte, enc textEncoding) []byte {
	var order binary.ByteOrder = binary.LittleEndian
	if enc == encUTF16BE {
		order = binary.BigEndian
	}
	units := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		units = append(units, order.Uint16(data[i:]))
	}
	if len(units) > 0 && units[0] == 0xfeff {
		units = units[1:]
	}
	var b strings.Builder
	b.Grow(len(units))
	for _, r := range utf16.Decode(units) {
		b.WriteRune(r)
	}
	if len(data)%2 == 1 {
		b.WriteRune(utf8.RuneError) // half a character at the end
	}
	return []byte(b.String())
}

// windows1252 maps 0x80–0x9F; every other byte is the Latin-1 code point of
// the same number. Bytes the code page leaves undefined become U+FFFD.
var windows1252 = [32]rune{
	'€', '\ufffd', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\ufffd', 'Ž', '\ufffd',
	'\ufffd', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\ufffd', 'ž', 'Ÿ',
}

func decodeWindows1252(data []byte) []byte {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xa0:
			b.WriteRune(windows1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return []byte(b.String())
}

// headIsBinary reports whether the first bytes of a document already show
// it is not text, in whatever encoding it is — so that a large file or a
// device is turned away before being read whole.
func headIsBinary(head []byte, more bool) bool {
	text, _ := decodeText(head)
	return looksBinary(text, more)
}
