package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trials-app/trials/plain"
)

// Text as the text layouts are read: a document split into cleaned lines
// with their indentation, markdown escapes removed, lines joined back into
// prose.

// line is one line of a text document: its text without the indentation,
// and how far it was indented (in columns; a tab counts as four).
type line struct {
	text   string
	indent int
}

func (l line) blank() bool { return l.text == "" }

// normaliseNewlines turns CRLF and CR-only line endings into LF.
func normaliseNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// splitLines prepares a scraped text document for parsing: it drops a byte
// order mark, normalises line endings, strips control and escape sequences,
// removes markdown backslash escapes (`\<` → `<`) and splits into lines.
func splitLines(data []byte) []line { return splitLinesString(string(data)) }

// splitLinesString is splitLines for a text already held as a string,
// which it does not copy (the lines are parts of it where nothing was
// cleaned): a record's criteria were copied twice, to bytes and back, to
// be split.
func splitLinesString(s string) []line {
	s = strings.TrimPrefix(s, "\ufeff")
	s = normaliseNewlines(s)
	s = plain.Clean(s)
	// strings.Split's pieces, without its slice of them.
	out := make([]line, 0, strings.Count(s, "\n")+1)
	for {
		r, rest, more := strings.Cut(s, "\n")
		out = append(out, makeLine(r))
		if !more {
			return out
		}
		s = rest
	}
}

func makeLine(r string) line {
	indent := 0
	j := 0
	for j < len(r) {
		switch r[j] {
		case ' ':
			indent++
		case '\t':
			indent += 4
		default:
			goto done
		}
		j++
	}
done:
	text := strings.TrimRightFunc(r[j:], unicode.IsSpace)
	// Non-breaking and other Unicode spaces indent too, but are not counted.
	text = strings.TrimLeftFunc(text, unicode.IsSpace)
	return line{text: unescapeMarkdown(text), indent: indent}
}

// unescapeMarkdown removes the backslash from markdown escapes of ASCII
// punctuation: `\<` → `<`, `\>=` → `>=`, `\[` → `[`, `\^9` → `^9`.
func unescapeMarkdown(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

func nonBlankLines(ls []line) []line {
	out := make([]line, 0, len(ls))
	for _, l := range ls {
		if !l.blank() {
			out = append(out, l)
		}
	}
	return out
}

func texts(ls []line) []string {
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		if !l.blank() {
			out = append(out, l.text)
		}
	}
	return out
}

// prose joins lines into text, keeping the source's structure: a line break
// stays a line break and a run of blank lines becomes one paragraph break.
func prose(ls []line) string {
	return joinLines(ls, func(line) string { return "\n" })
}

// joinLines joins lines into paragraphs separated by one blank line; within
// a paragraph, sep says what goes before each line after the first.
func joinLines(ls []line, sep func(line) string) string {
	var b strings.Builder
	blank := false
	for _, l := range ls {
		if l.blank() {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteString(sep(l))
			}
		}
		blank = false
		b.WriteString(l.text)
	}
	return b.String()
}

// listProse joins lines into text whose lists keep their nesting: each
// list item starts a line, indented as far beyond the outermost item as
// the source indents it ("1. EHR tools" then "   a. alerts"). With
// wrapped, a line without a marker continues the line before it (the XML
// wraps its textblocks); otherwise it keeps its own line.
func listProse(ls []line, wrapped bool) string {
	base := -1
	for _, l := range ls {
		if m, _ := parseMarker(l.text); !l.blank() && m.style != stylePlain && (base < 0 || l.indent < base) {
			base = l.indent
		}
	}
	var b strings.Builder
	blank := false
	for _, l := range ls {
		if l.blank() {
			blank = b.Len() > 0
			continue
		}
		m, _ := parseMarker(l.text)
		item := m.style != stylePlain
		if b.Len() > 0 {
			switch {
			case blank:
				b.WriteString("\n\n")
			case item || !wrapped:
				b.WriteByte('\n')
			default:
				b.WriteByte(' ')
			}
		}
		if item && l.indent > base {
			// After a paragraph break the blank line stays; the item keeps
			// its depth.
			b.WriteString(strings.Repeat(" ", min(l.indent-base, 12)))
		}
		blank = false
		b.WriteString(l.text)
	}
	return b.String()
}

// oneLine joins lines into a single space-separated value.
func oneLine(ls []line) string {
	return strings.Join(texts(ls), " ")
}

// firstRune reports the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// unescapeMarkdownText removes markdown escapes line by line, keeping indentation.
//
// Line by line is the same as all at once: an escape never spans a line
// (a backslash before a newline is kept either way), so the text is not
// split and joined again.
func unescapeMarkdownText(s string) string {
	return unescapeMarkdown(normaliseNewlines(s))
}

// paragraphs groups non-blank lines into runs separated by blank lines.
func paragraphs(ls []line) [][]string {
	var out [][]string
	var cur []string
	for _, l := range ls {
		if l.blank() {
			if cur != nil {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l.text)
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

// nextText is the next non-blank line after i.
func nextText(ls []line, i int) string {
	for j := i + 1; j < len(ls); j++ {
		if !ls[j].blank() {
			return ls[j].text
		}
	}
	return ""
}

func joinText(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}

func isLowerWord(w string) bool {
	r := firstRune(w)
	return r >= 'a' && r <= 'z'
}

// dedent removes the indentation common to all lines of a textblock.
func dedent(s string) string {
	ls := strings.Split(normaliseNewlines(s), "\n")
	common := -1
	for _, l := range ls {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " "))
		if common < 0 || n < common {
			common = n
		}
	}
	for i, l := range ls {
		if len(l) >= common && common > 0 {
			ls[i] = l[common:]
		}
		ls[i] = strings.TrimRight(ls[i], " ")
	}
	return strings.TrimSpace(strings.Join(ls, "\n"))
}
