// Package plain handles untrusted document text as plain text for a
// terminal: it strips what could act on the terminal (Clean, Line), wraps
// paragraphs at spaces (Wrap), collapses white space (Squash) and compares
// words by edit distance (WithinEdits).
//
// These are hand-written on purpose. The libraries at hand (x/ansi's
// wrappers, lipgloss) break lines at hyphens — "80-160 mg" becomes "80-" and
// "160 mg", which changes how a dose reads — and pass C0 controls and bidi
// overrides through, which let a document rearrange or hide what a
// clinician sees.
package plain

import (
	"strings"
	"unicode/utf8"
)

// Clean makes untrusted document text safe to print on a terminal.
// It removes ANSI/VT escape sequences entirely (CSI, OSC, DCS, SOS, PM, APC,
// in both their 7-bit ESC form and their 8-bit C1 form), every other C0 and
// C1 control character except newline, and the Unicode bidirectional
// overrides and isolates that can make text display in an order other than
// it is stored, and the invisible characters (zero-width space and joiners,
// word joiner, byte-order mark, soft hyphen) that split a word for search
// without showing: "Pem\u200bbrolizumab" reads "Pembrolizumab". Tabs become
// spaces; invalid UTF-8 becomes U+FFFD. Ordinary
// characters — ®, ≥, μ, α, CJK — are kept.
func Clean(s string) string {
	start := cleanUpTo(s)
	if start == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:start])
	for i := start; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
			i++
			continue
		case r == 0x1b:
			i = skipEscape(s, i+1)
			continue
		case r == 0x9b: // 8-bit CSI
			i = skipCSI(s, i+size)
			continue
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f: // 8-bit DCS, SOS, OSC, PM, APC
			i = skipString(s, i+size)
			continue
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			// other control characters: dropped
		case isBidiControl(r), isInvisible(r):
			// dropped
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Line is Clean for a single-line value: newlines become spaces.
func Line(s string) string {
	s = Clean(s)
	if strings.IndexByte(s, '\n') >= 0 {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// cleanUpTo returns how much of s Clean keeps as it is: the offset of the
// first byte it would drop or change, or len(s). Nearly all document text
// is clean, and most of it ASCII: eight bytes are checked at a time, and a
// clean string is returned without being copied, whatever its alphabet.
func cleanUpTo(s string) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for i < len(s) {
		if i+8 <= len(s) {
			x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			del := x ^ 0x7f*ones
			below := (x - 0x20*ones) &^ x & highs // a byte under 0x20 (exact when no high bit is set)
			if x&highs == 0 && below == 0 && (del-ones)&^del&highs == 0 {
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size <= 1) || (r >= 0x80 && r < 0xa0) || isBidiControl(r) || isInvisible(r) {
			return i
		}
		i += size
	}
	return len(s)
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

func isInvisible(r rune) bool {
	return (r >= 0x200b && r <= 0x200d) || (r >= 0x2060 && r <= 0x2064) || r == 0xfeff || r == 0x00ad || r == 0x180e
}

// skipEscape skips the sequence that follows an ESC at s[i-1].
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	// Two- and three-character escapes: intermediates 0x20–0x2f then one final byte.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipCSI skips parameter and intermediate bytes up to and including the final byte.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		i++
		if c >= 0x40 && c <= 0x7e {
			return i
		}
		if c < 0x20 || c > 0x7e {
			return i - 1 // malformed: stop at the stray byte, which is then cleaned on its own
		}
	}
	return i
}

// skipString skips an OSC/DCS/SOS/PM/APC payload up to its terminator:
// BEL, ESC \ (ST) or the 8-bit ST. An unterminated string runs to the end of
// the line so that a stray ESC ] cannot swallow the rest of a document.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case s[i] == '\n':
			return i
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
		i++
	}
	return i
}
