package loader

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// What the layout detectors look at: a document rejected early when empty
// or binary, and otherwise its short lines, worked out once.

// sample is a document as the layout detectors see it: what several of
// them look at, worked out once.
type sample struct {
	data     []byte // as UTF-8
	encoding textEncoding
	kind     docKind

	short   []string        // the trimmed lines shorter than 80 bytes, in order
	isShort map[string]bool // the same, as a set
	cleaned []line          // splitLines(data), for detectors that need the text cleaned
}

// newSampleRead decodes a document to UTF-8, rejects it if it is empty or
// binary, and prepares the rest. headChecked says readAtMost may have read
// it: it turned the document away had its first sniffLen bytes looked
// binary, and when they and the document are UTF-8 and it is longer than
// them, that was this test on the same bytes (looksBinary(data, false)
// looks at the same head, cut as the document goes on) — run twice on
// each of a registry's documents, 1.5% of a cold load.
func newSampleRead(data []byte, headChecked bool) (*sample, error) {
	data, enc := decodeText(data)
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return nil, ErrEmpty
	}
	seen := headChecked && enc == encUTF8 && len(data) > sniffLen && sniffEncoding(data[:sniffLen]) == encUTF8
	if !seen && looksBinary(data, false) {
		return nil, ErrBinary
	}
	return &sample{data: data, encoding: enc, kind: kindOf(trimmed[0])}, nil
}

func (s *sample) shortLines() {
	if s.isShort != nil {
		return
	}
	s.isShort = map[string]bool{}
	for _, l := range strings.Split(normaliseNewlines(string(s.data)), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && len(l) < 80 {
			s.isShort[l] = true
			s.short = append(s.short, l)
		}
	}
}

// hasLine reports a line that is exactly text (once trimmed).
func (s *sample) hasLine(text string) bool {
	s.shortLines()
	return s.isShort[text]
}

// hasLinePrefix reports a short line that starts with prefix.
func (s *sample) hasLinePrefix(prefix string) bool {
	s.shortLines()
	for _, l := range s.short {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// contains reports whether the document holds sub anywhere.
func (s *sample) contains(sub string) bool { return bytes.Contains(s.data, []byte(sub)) }

// lines is the document split and cleaned as the text parsers see it.
func (s *sample) lines() []line {
	if s.cleaned == nil {
		s.cleaned = splitLines(s.data)
	}
	return s.cleaned
}

// looksBinary reports NUL bytes, or mostly invalid UTF-8 and control
// characters, in the first 8 KiB; cut says data is itself the head of a
// longer document.
func looksBinary(data []byte, cut bool) bool {
	head := data[:min(len(data), sniffLen)]
	cut = cut || len(data) > len(head)
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		// ASCII, nearly all of a document, eight bytes at a time: of its
		// bytes only the controls count, found by adding 0x60 to each
		// (which carries into the high bit from 0x20 up, and never into
		// the next byte). A newline every line, and a byte beyond ASCII
		// in a word, used to send the scan a byte at a time for the eight
		// bytes after it, each retrying the eight at once: a registry's
		// load paid 3% of its time for this test.
		end := len(head)
		if i+8 <= len(head) {
			x := binary.LittleEndian.Uint64(head[i:])
			if x&0x8080808080808080 == 0 {
				for ctl := ^(x + 0x6060606060606060) & 0x8080808080808080; ctl != 0; ctl &= ctl - 1 {
					if !allowedControl(head[i+bits.TrailingZeros64(ctl)/8]) {
						bad++
					}
				}
				i += 8
				continue
			}
			end = i + 8 // a byte at a time until past these eight
		}
		for i < end {
			if c := head[i]; c >= 0x20 && c < utf8.RuneSelf {
				i++
				continue
			}
			r, size := utf8.DecodeRune(head[i:])
			if r == utf8.RuneError && size <= 1 {
				if len(head)-i < 4 && cut {
					return bad*10 > len(head) // a character cut at the 8 KiB boundary
				}
				bad++
			} else if r < 0x20 && !allowedControl(byte(r)) {
				bad++
			}
			i += size
		}
	}
	return bad*10 > len(head) // over 10% garbage
}

// allowedControl reports the controls text may hold: \n, \r, \t, ESC, \f.
func allowedControl(c byte) bool {
	return c == '\n' || c == '\r' || c == '\t' || c == 0x1b || c == '\f'
}
