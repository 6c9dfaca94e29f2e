package loader

// Sections: a page cut at its headings into named runs of lines.

// section is a named run of lines of a document.
type section struct {
	name  string
	lines []line
}

// nonBlank returns the section's lines that have text.
func (s section) nonBlank() []line { return nonBlankLines(s.lines) }

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
