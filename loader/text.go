package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trials-app/trials/plain"
)

// line is one line of a text document: its text without the indentation,
// and how far it was indented (in columns; a tab counts as four).
type line struct {
	text   string
	indent int
}

func (l line) blank() bool { return l.text == "" }

// splitLines prepares a scraped text document for parsing: it drops a byte
// order mark, normalises line endings, strips control and escape sequences,
// removes markdown backslash escapes (`\<` → `<`) and splits into lines.
func splitLines(data []byte) []line {
	s := string(data)
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = plain.Clean(s)
	raw := strings.Split(s, "\n")
	out := make([]line, len(raw))
	for i, r := range raw {
		out[i] = makeLine(r)
	}
	return out
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
	text = strings.TrimLeftFunc(text, isSpaceLike)
	return line{text: unescapeMarkdown(text), indent: indent}
}

// isSpaceLike covers the non-breaking and other Unicode spaces pages use for indentation.
func isSpaceLike(r rune) bool { return unicode.IsSpace(r) }

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

// section is a named run of lines of a document.
type section struct {
	name  string
	lines []line
}

// nonBlank returns the section's lines that have text.
func (s section) nonBlank() []line { return nonBlankLines(s.lines) }

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

// splitSections cuts lines into sections at every line for which header
// returns a name. Lines before the first header form a section named "".
func splitSections(ls []line, header func(i int) (string, bool)) []section {
	secs := []section{{}}
	for i, l := range ls {
		if name, ok := header(i); ok {
			secs = append(secs, section{name: name})
			continue
		}
		cur := &secs[len(secs)-1]
		cur.lines = append(cur.lines, l)
	}
	return secs
}

// allOf joins the lines of every section with the given name (a heading
// printed twice must not hide what follows the second).
func allOf(secs []section, name string) []line {
	var out []line
	for _, s := range secs {
		if s.name == name {
			out = append(out, s.lines...)
		}
	}
	return out
}

// find returns the first section with the given name.
func find(secs []section, name string) (section, bool) {
	for _, s := range secs {
		if s.name == name {
			return s, true
		}
	}
	return section{}, false
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

// oneLine joins lines into a single space-separated value.
func oneLine(ls []line) string {
	return strings.Join(texts(ls), " ")
}

// splitLabel splits "Label: value" at the first colon; ok is false without one.
func splitLabel(s string) (label, value string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i < 0 {
		return "", "", false
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:]), true
}

// appendUnique appends s to ss unless an equal (case-insensitive) string is there.
func appendUnique(ss []string, s string) []string {
	if s == "" {
		return ss
	}
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return ss
		}
	}
	return append(ss, s)
}

// firstRune reports the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// parseCount reads a participant count: "150 participants", "84", "1,200".
func parseCount(s string) (int, bool) {
	s = strings.TrimSpace(s)
	n, digits := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n > 100_000_000 {
				return 0, false
			}
			n = n*10 + int(c-'0')
			digits++
		case c == ',' && digits > 0:
		default:
			rest := strings.TrimSpace(s[i:])
			if digits == 0 || !isCountUnit(rest) {
				return 0, false
			}
			return n, true
		}
	}
	return n, digits > 0
}

func isCountUnit(s string) bool {
	switch strings.ToLower(strings.Trim(s, " .")) {
	case "participants", "participant", "patients", "patient", "subjects", "subject", "people", "persons", "":
		return true
	}
	return false
}
