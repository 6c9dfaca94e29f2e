package loader

import (
	"regexp"
	"strings"

	"github.com/trials-app/trials/model"
)

// Eligibility criteria come as lists whose nesting each source shows its
// own way: by indentation (registry markdown), by a change of marker under
// an item ("* Hemoglobin" under "9. Adequate … function:", "a." under "4."),
// or by numbering that restarts under an item (ClinConnect's "- 8." followed
// by "- • 1." … "- • 8."). parseCriteria reads all of these with one set of
// rules; where the source shows no nesting the list stays flat.

// markerStyle identifies a kind of list marker; items of one style at one
// indentation are siblings.
type markerStyle string

const (
	stylePlain  markerStyle = ""       // no marker
	styleArabic markerStyle = "1"      // 1. 1) (1)
	styleAlpha  markerStyle = "a"      // a. a) (a)
	styleALPHA  markerStyle = "A"      // A. A)
	styleRoman  markerStyle = "i"      // i. ii) (iv)
	styleROMAN  markerStyle = "I"      // I. II.
	styleBullet markerStyle = "bullet" // * - • ·; the bullet character is appended
)

// marker is a parsed list marker.
type marker struct {
	style markerStyle
	ord   int // position in its sequence: 1 for "1.", "a.", "i."
	// a single letter that is also a roman numeral ("i", "v", "x") may be either
	alt    markerStyle
	altOrd int
}

var (
	// The list markers, as patterns: the specification of the matchers in
	// markers.go, which parseMarker runs instead.
	//
	// "1. text", "1) text", "(1) text" — but not "1.5 x ULN" or "100.000/mm3":
	// a number marker is followed by a space (or is a bracketed one).
	numMarker = regexp.MustCompile(`^(?:\((\d{1,3})\)\s*|(\d{1,3})\)\s*|(\d{1,3})\.\)?\s+)`)
	// "1.1 Text": an outline number, followed by a capital or a bracket —
	// "2.8 g/dL" and "1.5 x ULN" are values, not outline numbers.
	outline     = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2})+)\.?\s+[\p{Lu}(\[]`)
	letterMark  = regexp.MustCompile(`^\(?([A-Za-z]{1,5})[.)]\s+`)
	parenLetter = regexp.MustCompile(`^\(([A-Za-z]{1,5})\)\s*`)
)

// parseMarker splits a list line into its marker and text. A line may carry
// a bullet and then a number ("• 1. Signed informed consent"): the number is
// the marker that counts.
func parseMarker(s string) (marker, string) {
	var bullet rune
	for {
		r := firstRune(s)
		if r != 0 && strings.ContainsRune(bulletChars, r) {
			rest := s[len(string(r)):]
			if rest == "" || rest[0] == ' ' || (r == '•' || r == '·') {
				bullet = r
				s = strings.TrimLeft(rest, " ")
				continue
			}
		}
		// "o " is a common sub-bullet in registry text.
		if strings.HasPrefix(s, "o ") && len(s) > 2 {
			bullet = 'o'
			s = s[2:]
			continue
		}
		break
	}
	// Each pattern is tried only on a line it could match (they are
	// anchored): most criteria lines start with a word, and running four
	// regular expressions on each was a tenth of a registry's load.
	var c byte
	if s != "" {
		c = s[0]
	}
	if '0' <= c && c <= '9' && mayBeOutline(s) {
		if num, ok := matchOutline(s); ok && !unitAfter(s[len(num):]) {
			parts := strings.Split(num, ".")
			rest := strings.TrimLeft(s[len(num):], ". ")
			return marker{style: markerStyle("outline" + string(rune('0'+len(parts)))), ord: atoiSafe(parts[len(parts)-1])}, rest
		}
	}
	if ('0' <= c && c <= '9' || c == '(') && mayBeNumMarker(s) {
		if end, num, ok := matchNumMarker(s); ok {
			return marker{style: styleArabic, ord: atoiSafe(num)}, s[end:]
		}
	}
	if c == '(' {
		// "(g)/deciliter (dL)" wrapped to the start of a line is a unit's
		// abbreviation, glued to the rest of the unit: no marker
		if end, letters, ok := matchParenLetter(s); ok && !strings.HasPrefix(s[end:], "/") {
			if m, ok := letterMarker(letters); ok {
				return m, s[end:]
			}
		}
	}
	// A letter marker ends with '.' or ')' within its first seven bytes.
	if (c == '(' || 'a' <= c|0x20 && c|0x20 <= 'z') && strings.ContainsAny(s[:min(len(s), 7)], ".)") {
		if end, letters, ok := matchLetterMark(s); ok {
			if m, ok := letterMarker(letters); ok {
				return m, s[end:]
			}
		}
	}
	if bullet != 0 {
		return marker{style: styleBullet + markerStyle(bullet)}, s
	}
	return marker{style: stylePlain}, s
}

// unitAfter reports a value's unit in capitals right after a number:
// "2.5 UNL; alkaline phosphatase …" wrapped from "SGOT and SGPT <=" (a
// real record, DEV44 NCT01413828) is the value's line, not section 2.5 —
// read as one, the pane lost the 2.5.
func unitAfter(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	for _, u := range []string{"ULN", "UNL", "LLN", "IU", "U/L", "G/L", "X ", "x ", "× "} {
		if strings.HasPrefix(rest, u) {
			return true
		}
	}
	return false
}

// mayBeOutline is what outline needs at the start of a line: one or two
// digits, a full stop, a digit. The test is cheap, the expression is not,
// and most lines that start with a digit are values ("18 years or older").
func mayBeOutline(s string) bool {
	digit := func(i int) bool { return i < len(s) && '0' <= s[i] && s[i] <= '9' }
	return digit(0) && (byteAt(s, 1) == '.' && digit(2) || digit(1) && byteAt(s, 2) == '.' && digit(3))
}

// mayBeNumMarker is what numMarker needs: an optional "(", one to three
// digits, then ")" or ".".
func mayBeNumMarker(s string) bool {
	i := 0
	if byteAt(s, 0) == '(' {
		i++
	}
	j := i
	for j < len(s) && j-i < 4 && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	return j > i && j-i <= 3 && (byteAt(s, j) == ')' || byteAt(s, j) == '.')
}

// byteAt is s[i], or 0 past its end.
func byteAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// letterMarker reads "a", "B", "iv", "XII" as a sequence marker.
func letterMarker(w string) (marker, bool) {
	lower := strings.ToLower(w)
	upper := w == strings.ToUpper(w)
	if w != lower && !upper {
		return marker{}, false // "Age." is a word, not a marker
	}
	alpha, roman := styleAlpha, styleRoman
	if upper {
		alpha, roman = styleALPHA, styleROMAN
	}
	r := romanValue(lower)
	if len(w) == 1 {
		m := marker{style: alpha, ord: int(lower[0]-'a') + 1}
		if r > 0 {
			m.alt, m.altOrd = roman, r
		}
		return m, true
	}
	if r > 0 {
		return marker{style: roman, ord: r}, true
	}
	return marker{}, false
}

func romanValue(s string) int {
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100}
	total, prev := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		v, ok := vals[s[i]]
		if !ok {
			return 0
		}
		if v < prev {
			total -= v
		} else {
			total += v
			prev = v
		}
	}
	if total > 40 {
		return 0 // "civil", "lid" and the like are words
	}
	return total
}

func atoiSafe(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 6; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

type critNode struct {
	text string
	kids []*critNode
	rank int // headingRank of an unmarked line; notHeading for items
}

type critLevel struct {
	headings   uint8 // the heading ranks among the level's items, as bits
	underPlain bool  // a list under an unmarked line ("… treated as follows:")
	content    bool  // a paragraph printed left of the item that announced it
	indent     int
	style      markerStyle
	ord        int
	list       *[]*critNode
	parent     *critNode
}

// criteriaDisclaimers are the registry's stock notes under criteria lists;
// they are not criteria (they stay in the raw text).
var criteriaDisclaimers = regexp.MustCompile(`(?i)^(note:\s*)?(the information listed above is not intended to contain all considerations|other protocol[- ]defined (inclusion|exclusion|inclusion/exclusion) criteria (may|could) apply)`)

// mayBeDisclaimer is what criteriaDisclaimers needs: "note", "the" or
// "other" first, in any case.
func mayBeDisclaimer(s string) bool {
	switch byteAt(s, 0) | 0x20 {
	case 'n', 't', 'o':
		return true
	}
	return false
}

// parseCriteria builds a nested criteria list from list lines.
func parseCriteria(ls []line) []model.Criterion {
	kept := make([]line, 0, len(ls))
	for _, l := range ls {
		if t := trimBullets(l.text); !mayBeDisclaimer(t) || !criteriaDisclaimers.MatchString(t) {
			kept = append(kept, l)
		}
	}
	ls = sponsorNumbers(kept)
	var roots []*critNode
	stack := []*critLevel{{indent: -1, list: &roots}}
	var last *critNode
	lastIndent := -1
	lastPlain := false
	lastHeading := false // the line before was a heading: the next item is its child

	top := func() *critLevel { return stack[len(stack)-1] }
	add := func(lv *critLevel, text string) {
		n := &critNode{text: text}
		*lv.list = append(*lv.list, n)
		last = n
	}
	parentPlain := false // whether the item a new level goes under is unmarked
	push := func(indent int, m marker) *critLevel {
		lv := &critLevel{indent: indent, style: m.style, ord: m.ord, list: &last.kids, parent: last, underPlain: parentPlain}
		stack = append(stack, lv)
		return lv
	}
	near := func(a, b int) bool { return a-b <= 1 && b-a <= 1 }

	// The marker of every line, for looking ahead, and the text after it
	// (each line is parsed once).
	markers := make([]marker, len(ls))
	rests := make([]string, len(ls))
	for i, l := range ls {
		markers[i], rests[i] = parseMarker(l.text)
	}
	// nextContinues reports whether the next marked line after i has the
	// same style and number as m — then it, not the line at i, is the outer
	// list's item with that number.
	nextRepeats := func(i int, m marker) bool {
		for j := i + 1; j < len(ls); j++ {
			if ls[j].blank() {
				continue
			}
			n := markers[j]
			return n.style == m.style && n.ord == m.ord
		}
		return false
	}
	// headingLevel is the innermost level holding a heading of the rank,
	// or -1: a heading goes beside the one before it however the page
	// indented it ("Cohort 2:" printed under the text of Cohort 1's item 3).
	headingLevel := func(rank int) int {
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].headings&(1<<rank) != 0 {
				return k
			}
		}
		return -1
	}
	var same []int // reused from line to line
	for i, l := range ls {
		if l.blank() {
			continue
		}
		m, text := markers[i], strings.TrimSpace(rests[i])
		if text == "" {
			continue
		}
		heading := lastHeading
		lastHeading = false
		if m.style == stylePlain {
			// A heading deeper than the line before it is that line's
			// continuation or child, never a sibling of an earlier heading.
			if rank := headingRank(text); rank != notHeading && (last == nil || l.indent <= lastIndent+1) {
				placed := true
				if k := headingLevel(rank); k >= 0 {
					stack = stack[:k+1]
				} else if heading && last != nil && last.rank > rank {
					// A group heading right under a section heading
					// ("PATIENT CHARACTERISTICS:" then "Age:") is its child.
					parentPlain = true
					push(l.indent, marker{})
				} else {
					placed = false
				}
				if placed {
					add(top(), text)
					last.rank = rank
					top().headings |= 1 << rank
					lastIndent, lastPlain, lastHeading = l.indent, true, true
					continue
				}
			}
			// A bracketed aside after an item ("(Reduced ejection is
			// defined as …)") explains that item.
			if last != nil && !lastPlain && isAside(text) {
				last.kids = append(last.kids, &critNode{text: text})
				continue
			}
			// Deeper than the item it follows: a wrapped continuation of that item.
			if last != nil && l.indent > lastIndent+1 {
				last.text += " " + text
				continue
			}
			// A paragraph printed left of the list item that announced it
			// ("-  In the dose expansion stage:" then the paragraph) is that
			// item's content.
			if last != nil && !lastPlain && len(last.kids) == 0 && strings.HasSuffix(last.text, ":") && l.indent < lastIndent-1 {
				parentPlain = false
				lv := push(l.indent, marker{})
				lv.content = true
				add(lv, text)
				lastIndent, lastPlain = l.indent, true
				continue
			}
			for len(stack) > 1 && (top().indent > l.indent || top().underPlain && top().indent >= l.indent) {
				stack = stack[:len(stack)-1]
			}
			add(top(), text)
			last.rank = headingRank(text)
			top().headings |= 1 << last.rank
			lastIndent, lastPlain, lastHeading = l.indent, true, last.rank != notHeading
			continue
		}
		// A "*" line right under a wrapped line that ends in "*" is that
		// line's footnote ("… 100,000/mm3*" then "* Lower values allowed
		// …"), and the paragraph goes on after it.
		if last != nil && m.style == styleBullet+"*" && i > 0 && !ls[i-1].blank() &&
			markers[i-1].style == stylePlain && strings.HasSuffix(ls[i-1].text, "*") {
			last.text += " " + strings.TrimSpace(l.text)
			continue
		}
		l.indent = alignedIndent(l, m, rests[i], stack)
		// An unmarked line takes the list that follows it as its children
		// ("… treated as follows:" then "* …"; "Group 1" then "• …"); the
		// next unmarked line at its indentation ends that list. A finished
		// sentence printed left of the list it sits in is a stray paragraph:
		// the list's next item goes on beside it; so does it after the
		// paragraph an item announced ("-  Measurable disease, as indicated
		// by one or more of the following:" then "Serum M-protein ≥ 0.5 g/dL
		// …" printed left of it), finished or not.
		parentPlain = lastPlain
		stray := -1
		if lastPlain && !heading && last != nil && (strings.HasSuffix(last.text, ".") || top().content) {
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].style == m.style && near(stack[k].indent, l.indent) && lastIndent < stack[k].indent-1 {
					stray = k
					break
				}
				// The number goes on with a list right of the paragraph
				// ("7. …", the paragraph, then "8. …" printed at the
				// paragraph's indent): the list's next item, now at
				// this indent.
				if numbered := m.ord > 1; numbered && stack[k].style == m.style && stack[k].ord+1 == m.ord &&
					l.indent < stack[k].indent && lastIndent < stack[k].indent-1 && near(lastIndent, l.indent) {
					stack[k].indent = l.indent
					stray = k
					break
				}
			}
		}
		if stray >= 0 {
			stack = stack[:stray+1]
		}
		if lastPlain && last != nil && (heading || l.indent >= lastIndent-1) && stray < 0 {
			add(push(l.indent, resolveAmbiguous(m, stack)), text)
			lastIndent, lastPlain = l.indent, false
			continue
		}
		lastPlain = false
		if top().style == "" && top().indent < 0 {
			lv := top()
			lv.indent, lv.style, lv.ord = l.indent, m.style, m.ord
			add(lv, text)
			lastIndent = l.indent
			continue
		}
		m = resolveAmbiguous(m, stack)
		// The next number of a list printed right of this line, with no
		// list of its kind at this indent: that list's next item, printed
		// left of it ("-  Patients must have clinical stage I - IIA disease
		// …" with "i) Splenic Enlargement …" under it, then "ii) Bone
		// Disease: …" two columns left of the bullet). Nested under "i)",
		// it took the bullets after it as its own (DEV44 NCT00002561). The
		// list keeps its indent, so the bullets go on beside their kind.
		if k := continuedRight(stack, m, l.indent); k >= 0 {
			stack = stack[:k+1]
			top().ord = m.ord
			add(top(), text)
			lastIndent = top().indent
			continue
		}
		// Indentation, where the source uses it, decides first.
		if last != nil && l.indent > top().indent+1 && l.indent > lastIndent {
			add(push(l.indent, m), text)
			lastIndent = l.indent
			continue
		}
		for len(stack) > 1 && top().indent > l.indent+1 {
			stack = stack[:len(stack)-1]
		}
		// Levels at this indentation, innermost first.
		same = same[:0]
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].style != "" && near(stack[i].indent, l.indent) {
				same = append(same, i)
			}
		}
		target := -1
		numbered := m.ord > 0
		// An outer level this item continues wins over the inner one: after
		// "8." with sub-items 1–8, "9." is the outer list's ninth item —
		// unless the next line is that ninth item itself.
		outerOK := !(numbered && nextRepeats(i, m))
		for _, k := range same {
			lv := stack[k]
			if lv.style == m.style && (!numbered || lv.ord+1 == m.ord) {
				if target >= 0 && (!outerOK || !numbered && introduces(stack[target])) {
					// Bullets carry no number to continue an outer list
					// with: the innermost list of their kind goes on,
					// when the line above it announced it.
					continue
				}
				if target >= 0 && stack[target].parent != nil && stack[target].parent.rank != notHeading {
					// A group heading's own list goes on: "Baseline:"
					// with items 1–5 after an outer list's 1–5 takes
					// "6." — the outer list ended where the group began.
					continue
				}
				target = k
			}
		}
		// Out of sequence: a "1." restarts numbering under the item before it;
		// any other number stays with the nearest list of its style.
		// Lists numbered "1." throughout (markdown renumbers them) are not
		// restarts: after an item numbered 1, only one that announces a
		// sub-list with a colon takes a "1." as its child.
		if target < 0 {
			for _, k := range same {
				lv := stack[k]
				if lv.style != m.style {
					continue
				}
				restart := numbered && m.ord == 1 && last != nil &&
					(lv.ord >= 2 || strings.HasSuffix(last.text, ":"))
				if !restart {
					target = k
				}
				break
			}
		}
		if target >= 0 {
			stack = stack[:target+1]
			lv := top()
			lv.ord = m.ord
			add(lv, text)
		} else if last != nil {
			add(push(l.indent, m), text)
		} else {
			add(top(), text)
		}
		lastIndent = l.indent
	}
	return toCriteria(roots)
}

// continuedRight returns the level of the list whose next number m is,
// printed right of indent, when no list of m's kind stands at indent; -1
// when there is none.
func continuedRight(stack []*critLevel, m marker, indent int) int {
	if m.ord < 2 {
		return -1
	}
	for _, lv := range stack {
		if lv.style == m.style && lv.indent-indent <= 1 && indent-lv.indent <= 1 {
			return -1
		}
	}
	for k := len(stack) - 1; k >= 0; k-- {
		if lv := stack[k]; lv.style == m.style {
			if lv.ord+1 == m.ord && indent < lv.indent-1 {
				return k
			}
			return -1
		}
	}
	return -1
}

// alignedIndent is where a numbered line stands in its list. Pages that
// right-align their numbers print "10." a column left of "9." and "iii."
// two left of "i.", their text in one column: such a line belongs to the
// list whose items' text it lines up with.
// rest is the line's text after its marker.
func alignedIndent(l line, m marker, rest string, stack []*critLevel) int {
	if m.ord == 0 {
		return l.indent
	}
	width := len(strings.TrimRight(l.text[:len(l.text)-len(rest)], " ")) + 1
	// The column the level's items would have had with a two-character
	// marker ("9. ").
	aligned := l.indent + width - 3
	if aligned == l.indent {
		return l.indent
	}
	for k := len(stack) - 1; k >= 0; k-- {
		lv := stack[k]
		if lv.style != m.style && lv.style != m.alt {
			continue
		}
		if lv.indent-l.indent <= 1 && l.indent-lv.indent <= 1 {
			return l.indent
		}
		if lv.indent-aligned <= 1 && aligned-lv.indent <= 1 {
			return lv.indent
		}
	}
	return l.indent
}

// introduces reports whether a level's items were announced by the line
// they hang under: an unmarked line that ends in a colon or heads a group.
func introduces(lv *critLevel) bool {
	if lv.parent == nil || !lv.underPlain {
		return true
	}
	return strings.HasSuffix(lv.parent.text, ":") || lv.parent.rank != notHeading
}

// isAside reports a line wholly in brackets.
func isAside(s string) bool {
	s = strings.TrimSuffix(s, ".")
	return len(s) > 2 && s[0] == '(' && s[len(s)-1] == ')' && balanced(s[1:len(s)-1])
}

// resolveAmbiguous decides whether "i." continues a letter list (after "h.")
// or starts a roman one.
func resolveAmbiguous(m marker, stack []*critLevel) marker {
	if m.alt == "" {
		return m
	}
	for i := len(stack) - 1; i >= 0; i-- {
		lv := stack[i]
		if lv.style == m.style && lv.ord+1 == m.ord {
			return marker{style: m.style, ord: m.ord}
		}
		if lv.style == m.alt && lv.ord+1 == m.altOrd {
			return marker{style: m.alt, ord: m.altOrd}
		}
	}
	if m.altOrd == 1 {
		return marker{style: m.alt, ord: 1}
	}
	return marker{style: m.style, ord: m.ord}
}

func toCriteria(ns []*critNode) []model.Criterion {
	out := make([]model.Criterion, 0, len(ns))
	for _, n := range ns {
		out = append(out, model.Criterion{Text: n.text, Children: toCriteria(n.kids)})
	}
	return out
}

// copiedTextblock reports whether a criteria text given as registry markdown
// is in fact a legacy XML textblock copied as is, its paragraphs still
// wrapped at about 70 columns: its bullets are written "-  text" (a dash
// and two spaces, as only the XML renders them), or its unmarked paragraph
// lines sit indented by eight spaces or more (which markdown would read as
// code). Such a text is read as the XML's is: a wrapped line continues the
// one before it, instead of standing as an item of its own ("Total
// bilirubin ≤ 2.0 mg/dl, except in patients with Gilbert's Syndrome" /
// "who must have a total bilirubin less than 3.0 mg/dl.").
func copiedTextblock(text string) bool {
	deep := 0
	for len(text) > 0 {
		var l string
		l, text, _ = strings.Cut(text, "\n")
		indent := 0
		for indent < len(l) && l[indent] == ' ' {
			indent++
		}
		l = l[indent:]
		if strings.HasPrefix(l, "-  ") && len(l) > 3 && l[3] != ' ' {
			return true
		}
		if indent >= 8 && l != "" {
			if m, _ := parseMarker(l); m.style == stylePlain {
				deep++
				if deep >= 3 {
					return true
				}
			}
		}
	}
	return false
}

// sponsorNumbers reads the bare three-digit labels some sponsors number
// their criteria with ("101 Subjects have provided informed consent", "102
// …", exclusions "201 …") as the list's numbers. Unmarked, a label printed
// under a bullet's text ("-  Relapsed … or beyond" then "103 > 5% blasts")
// was that bullet's continuation, and every later criterion went with it
// under the bullet's lead-in ("with any of the following:", "with the
// exception of:"). Only a run of at least three labels counting up from
// x01 one by one counts, so a line starting "100 mg" or "500 mL" is never
// a label; the labels' items stand at the first label's indent.
func sponsorNumbers(ls []line) []line {
	label := func(s string) (int, bool) {
		if len(s) < 5 || s[0] < '1' || s[0] > '9' || s[3] != ' ' || s[4] == ' ' ||
			s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9' {
			return 0, false
		}
		return int(s[0]-'0')*100 + int(s[1]-'0')*10 + int(s[2]-'0'), true
	}
	var at []int
	want := 0
	for i, l := range ls {
		n, ok := label(l.text)
		if !ok {
			continue
		}
		if len(at) == 0 && n%100 != 1 || len(at) > 0 && n != want {
			return ls
		}
		at = append(at, i)
		want = n + 1
	}
	if len(at) < 3 {
		return ls
	}
	out := append([]line(nil), ls...)
	indent := ls[at[0]].indent
	for _, i := range at {
		out[i] = line{text: ls[i].text[:3] + "." + ls[i].text[3:], indent: indent}
	}
	return out
}
