package plain

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Wrap word-wraps one paragraph of plain text to width columns, breaking
// only at spaces — never inside "80-160 mg" or "x-rays", where a break
// would change how the text reads — and splitting only a word wider than a
// whole line, between grapheme clusters. Its cost is linear in the length
// of the paragraph, however long its words. A width under 10 counts as 10.
func Wrap(para string, width int) []string {
	width = max(width, 10)
	var lines []string
	var cur strings.Builder
	curW := 0
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		curW = 0
	}
	for w := range strings.FieldsSeq(para) {
		ww := Width(w)
		if ww > width {
			if curW > 0 {
				flush()
			}
			lines = splitWord(w, width, lines, &cur, &curW)
			continue
		}
		switch {
		case curW == 0:
			cur.WriteString(w)
			curW = ww
		case curW+1+ww <= width:
			cur.WriteByte(' ')
			cur.WriteString(w)
			curW += 1 + ww
		default:
			flush()
			cur.WriteString(w)
			curW = ww
		}
	}
	if curW > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// splitWord appends the full-width pieces of a word wider than a line to
// lines, and leaves its last piece in cur to be continued.
func splitWord(w string, width int, lines []string, cur *strings.Builder, curW *int) []string {
	start, pos := 0, 0
	for pos < len(w) {
		cluster, cw := ansi.FirstGraphemeCluster(w[pos:], ansi.GraphemeWidth)
		if *curW+cw > width && *curW > 0 {
			lines = append(lines, w[start:pos])
			start, *curW = pos, 0
		}
		pos += len(cluster)
		*curW += cw
	}
	cur.WriteString(w[start:])
	return lines
}

// Lines wraps text paragraph by paragraph, keeping its line breaks.
func Lines(text string, width int) []string {
	var out []string
	for para := range strings.SplitSeq(text, "\n") {
		out = append(out, Wrap(para, width)...)
	}
	return out
}

// Width is the number of terminal cells s takes, as lipgloss counts them.
func Width(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return ansi.StringWidth(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] < 0x20 {
			return false
		}
	}
	return true
}
