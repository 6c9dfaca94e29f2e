package loader

import (
	"strings"
	"unicode/utf8"
)

// Labels and bullets: "Label: value" lines, runs of label lines each
// followed by its values, "Drug: Name" typed names, and the one set of
// bullet characters every list and heading reader uses.

// splitLabel splits "Label: value" at the first colon; ok is false without one.
func splitLabel(s string) (label, value string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i < 0 {
		return "", "", false
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:]), true
}

// groupLabelled groups lines under the labels that open them: isLabel
// says whether a line is a label, and gives the value that stands on the
// label's own line ("Study Type: Interventional"), if any. Lines before the
// first label are grouped under "".
func groupLabelled(ls []line, isLabel func(string) (label, value string, ok bool)) []labelValue {
	var out []labelValue
	for _, l := range ls {
		if l.blank() {
			continue
		}
		if label, value, ok := isLabel(l.text); ok {
			lv := labelValue{label: label}
			if value != "" {
				lv.values = []string{value}
			}
			out = append(out, lv)
			continue
		}
		if len(out) == 0 {
			out = append(out, labelValue{})
		}
		out[len(out)-1].values = append(out[len(out)-1].values, l.text)
	}
	return out
}

// labelValues reads a run of "Label" lines, the labels being those listed,
// each followed by its value lines.
func labelValues[V any](ls []line, labels map[string]V) []labelValue {
	return groupLabelled(ls, func(s string) (string, string, bool) {
		key := strings.TrimSuffix(strings.TrimSpace(s), ":")
		_, ok := labels[key]
		return key, "", ok
	})
}

// cutAtLabel splits ls before its first line that is one of the labels.
func cutAtLabel[V any](ls []line, labels map[string]V) (before, from []line) {
	for i, l := range ls {
		if _, ok := labels[strings.TrimSuffix(l.text, ":")]; ok {
			return ls[:i], ls[i:]
		}
	}
	return ls, nil
}

type labelValue struct {
	label  string
	values []string
}

func (lv labelValue) first() string {
	if len(lv.values) == 0 {
		return ""
	}
	return lv.values[0]
}

// typedName splits "Drug: Lenvatinib" into its type and name.
func typedName[T ~string](s string, parse func(string) (T, bool)) (T, string, bool) {
	label, rest, ok := strings.Cut(s, ":")
	if !ok || strings.TrimSpace(rest) == "" {
		return "", s, false
	}
	typ, ok := parse(label)
	if !ok {
		return "", s, false
	}
	return typ, strings.TrimSpace(rest), true
}

// bulletChars are the characters pages open a list item with; they are the
// one set every reader of lists and headings uses.
const bulletChars = "*-+•·◦▪▫○●■□➢►–—"

// cutBullet removes a leading bullet character and the space after it.
func cutBullet(s string) (string, bool) {
	r, size := utf8.DecodeRuneInString(s)
	if size > 0 && strings.ContainsRune(bulletChars, r) && strings.HasPrefix(s[size:], " ") {
		return strings.TrimSpace(s[size:]), true
	}
	return s, false
}

// trimBullets removes the bullets and spaces that open s.
func trimBullets(s string) string { return strings.TrimLeft(s, bulletChars+" ") }
