package eligibility

import (
	"math/bits"
	"strings"

	"github.com/trials-app/trials/model"
)

// Criteria written per study group — "Cohorts A, B, C Inclusion Criteria"
// then "Cohort D Inclusion criteria", "Part A:" then "Part B:" — bound only
// the patients of that group: a patient enters one of them. A bound stated
// under a group is conditional, unless every group states one for the
// variable: then the loosest applies to everyone (SPEC 4.7), and bounds
// stated alike everywhere are simply the trial's. Groups reached one after
// the other (Stage 2, crossover) are later steps instead, conditional as
// before (SPEC 4.6).

// groupKinds name a study group a patient is enrolled in one of.
var groupKinds = map[string]string{"cohort": "cohort", "cohorts": "cohort", "part": "part", "parts": "part",
	"arm": "arm", "arms": "arm", "group": "group", "groups": "group", "module": "module", "modules": "module",
	"substudy": "substudy", "substudies": "substudy", "subprotocol": "substudy", "expansion": "expansion",
	"escalation": "escalation", "stratum": "stratum", "strata": "stratum"}

// groupAll words make a heading about every group: "for all cohorts".
var groupAll = setOf("all", "each", "every", "both", "any", "other", "common", "general")

var labelWords = strings.NewReplacer("-", " ", "–", " ", ":", " ", "(", " ", ")", " ", ",", " ", "/", " ",
	"&", " ", ";", " ", ".", " ", "[", " ", "]", " ")

// groupLabel names the study group a heading or lead-in is for —
// "Cohorts A, B, C Inclusion Criteria" → "cohort a b c", "Cohort D:" →
// "cohort d", "Inclusion criteria (Part B)" → "part b", "Dose expansion
// cohort:" → "expansion" — looking at the first maxAt words; "" when it
// names none, or names them all ("Inclusion criteria for all cohorts").
func groupLabel(text string, maxAt int) string {
	if len(text) > 160 || !mayNameGroup(text, maxAt) {
		return ""
	}
	words := strings.Fields(labelWords.Replace(strings.ToLower(text)))
	if bothPhases(words, maxAt) {
		return "" // "Dose Escalation and Dose Expansion Cohorts": a phase 1 trial's every patient
	}
	for i, w := range words {
		if i >= maxAt {
			break
		}
		kind, ok := groupKinds[w]
		if !ok {
			continue
		}
		if i > 0 && groupAll[words[i-1]] || i > 1 && groupAll[words[i-2]] {
			return ""
		}
		var b strings.Builder
		b.WriteString(kind)
		n := 0
		for _, l := range words[i+1:] {
			if l == "and" || l == "or" || l == "to" {
				continue
			}
			if !isGroupLabelWord(l) {
				break
			}
			b.WriteByte(' ')
			b.WriteString(l)
			n++
		}
		if n > 0 || kind == "expansion" || kind == "escalation" {
			return b.String()
		}
		// "expansion cohort", "escalation part": the kind before names it
		if i > 0 && (words[i-1] == "expansion" || words[i-1] == "escalation") {
			return words[i-1]
		}
	}
	return ""
}

// bothPhases reports a label that names a dose escalation and its
// expansion together, joined by "and", "&" or "/" (blanked before).
func bothPhases(words []string, maxAt int) bool {
	esc, exp, and := -1, -1, false
	for i, w := range words[:min(len(words), maxAt+2)] {
		switch w {
		case "escalation":
			esc = i
		case "expansion":
			exp = i
		case "and":
			and = true
		}
	}
	return esc >= 0 && exp >= 0 && (and || max(esc, exp)-min(esc, exp) <= 2)
}

// mayNameGroup is groupLabel's cheap test: one of the first maxAt words
// of s is a group's kind.
func mayNameGroup(s string, maxAt int) bool {
	var buf [12]byte
	n := 0
	for i := 0; i < len(s) && n < maxAt; {
		if !isASCIILetter(s[i]) {
			if s[i] == ' ' {
				n++
			}
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if w := j - i; w >= 3 && w <= len(buf) {
			for k := 0; k < w; k++ {
				buf[k] = s[i+k] | 0x20
			}
			if _, ok := groupKinds[string(buf[:w])]; ok {
				return true
			}
		}
		i = j
	}
	return false
}

// isGroupLabelWord reports a group's label: "A", "2", "1a", "IV".
func isGroupLabelWord(w string) bool {
	switch {
	case len(w) == 1:
		return w[0] >= 'a' && w[0] <= 'z' || isDigit(w[0])
	case len(w) <= 3 && isDigit(w[0]):
		return allDigits(w) || allDigits(w[:len(w)-1])
	case len(w) <= 4:
		return isRoman(w)
	}
	return false
}

// criteriaOf returns the scope of the group whose criteria text says its
// patients meet ("must meet all inclusion criteria for Part A", "who
// fulfill the Eligibility Criteria for Stratum 1", "the criteria of the
// corresponding stratum (Stratum 1 or 2)"), or 0. Only a group already
// named counts.
func (x *extractor) criteriaOf(text string) int {
	if len(x.scopes) < 2 || len(text) > 400 {
		return 0
	}
	lower := strings.ToLower(text)
	i := strings.Index(lower, "criteria for ")
	if i < 0 {
		i = strings.Index(lower, "criteria of ")
	}
	if i < 0 || !strings.Contains(lower[:i], "meet") && !strings.Contains(lower[:i], "fulfil") &&
		!strings.Contains(lower[:i], "satisf") {
		return 0
	}
	words := strings.Fields(labelWords.Replace(lower[i+len("criteria "):]))
	for k := 1; k < len(words) && k <= 6; k++ {
		kind, ok := groupKinds[words[k]]
		if !ok {
			continue
		}
		// "Stratum 1 or 2": the first group named that is known
		for _, l := range words[k+1 : min(len(words), k+5)] {
			if l == "and" || l == "or" {
				continue
			}
			if len(l) > 3 && isDigit(l[0]) {
				l = strings.TrimSuffix(l, "and") // "for Stratum 1and the Exclusion Criteria"
			}
			if !isGroupLabelWord(l) {
				break
			}
			for s, name := range x.scopes {
				if name == kind+" "+l {
					return s + 1
				}
			}
		}
	}
	return 0
}

// scopeID returns the id of the group labelled l, adding it if new.
func (x *extractor) scopeID(l string) int {
	for i, s := range x.scopes {
		if s == l {
			return i + 1
		}
	}
	x.scopes = append(x.scopes, l)
	return len(x.scopes)
}

// rawHeading is a criteria heading of the raw text that names a group.
type rawHeading struct {
	pos     int // offset in the normalised raw text
	section string
	scope   int
}

// rawScopes gives the top-level items of each section the group that the
// raw text's headings put them in, where the tree lost those headings: the
// loader takes "Cohorts A, B, C Inclusion Criteria:" as the inclusion
// section's heading, leaving no item that says "Cohorts A, B, C". The
// result holds one scope per item (0: no group), or nil when no heading
// of the raw text names a group.
func (x *extractor) rawScopes(el *model.Eligibility) (inc, exc []int) {
	if !x.rawNamesGroup(el.Raw) {
		return nil, nil
	}
	var heads []rawHeading
	var norm strings.Builder
	for raw := el.Raw; len(raw) > 0; {
		line := raw
		if i := strings.IndexByte(raw, '\n'); i >= 0 {
			line, raw = raw[:i], raw[i+1:]
		} else {
			raw = ""
		}
		t := ItemText(line)
		if len(line) < 160 && mayBeHeading(line) {
			if h, ok := heading(t, scan(t, false)); ok && h.section != "" {
				s := 0
				if l := groupLabel(t, 8); l != "" {
					s = x.scopeID(l)
				}
				heads = append(heads, rawHeading{pos: norm.Len(), section: h.section, scope: s})
			}
		}
		norm.WriteString(t)
		norm.WriteByte(' ')
	}
	text := norm.String()
	place := func(items []model.Criterion, section string) []int {
		out := make([]int, len(items))
		from := 0
		for _, h := range heads {
			if h.section == section {
				from = h.pos
				break
			}
		}
		cur := -1
		for i, c := range items {
			probe := ItemText(c.Text)
			if len(probe) > 40 {
				e := 40
				for e > 0 && probe[e]&0xC0 == 0x80 {
					e--
				}
				probe = probe[:e]
			}
			if probe == "" {
				continue
			}
			if k := strings.Index(text[from:], probe); k >= 0 {
				pos := from + k
				from = pos + 1
				cur = 0
				for _, h := range heads {
					if h.pos <= pos {
						cur = h.scope
					}
				}
			}
			if cur >= 0 {
				out[i] = cur
			}
		}
		return out
	}
	return place(el.Inclusion, "inclusion"), place(el.Exclusion, "exclusion")
}

// rawNamesGroup reports whether a criteria heading of the raw text names a
// study group. It looks only at the lines holding "…clusion" or
// "…ligibility", found with the fast substring search: most raw texts
// have two such lines.
func (x *extractor) rawNamesGroup(raw string) bool {
	for _, needle := range headingNeedles[:2] { // a group's own list heading names inclusion or exclusion
		for from := 0; from < len(raw); {
			i := strings.Index(raw[from:], needle)
			if i < 0 {
				break
			}
			i += from
			ls := strings.LastIndexByte(raw[:i], '\n') + 1
			le := strings.IndexByte(raw[i:], '\n')
			if le < 0 {
				le = len(raw)
			} else {
				le += i
			}
			from = le
			if le-ls >= 160 {
				continue
			}
			if t := ItemText(raw[ls:le]); groupLabel(t, 8) != "" {
				if _, ok := heading(t, scan(t, false)); ok {
					return true
				}
			}
		}
	}
	return false
}

// headingNeedles find the lines that may be headings: "…clusion"
// (inclusion, exclusion) and "…ligib" (eligibility, ineligibility), in
// lower case or capitals.
var headingNeedles = []string{"lusion", "LUSION", "ligib", "LIGIB"}

// reconcile decides, once the whole trial is read, which bounds stated per
// study group apply to everyone (SPEC 4.7): for a variable that every
// group bounds and that no bound outside the groups does, the loosest of
// the groups' bounds is unconditional when it contains all the others.
func (x *extractor) reconcile() {
	groups := bits.OnesCount64(x.used)
	if groups < 2 {
		return
	}
	for i := range x.found {
		a := &x.found[i]
		if !a.scopeOnly || a.done {
			continue
		}
		// the group's bounds on this variable, and whether any bound
		// outside the groups states it
		common := false
		var per [16]int // scope → index into found of its tightest bound, +1
		for j := range x.found {
			b := &x.found[j]
			if b.r.Variable != a.r.Variable || b.r.Unit != a.r.Unit {
				continue
			}
			if b.scope == 0 && !b.r.Conditional {
				common = true
			}
			if !b.scopeOnly || b.scope >= len(per) {
				continue
			}
			b.done = true
			if k := per[b.scope] - 1; k < 0 || contains(&x.found[k].c, &b.c) {
				per[b.scope] = j + 1
			}
		}
		if common {
			continue
		}
		// a group that meets another's criteria has that group's bound
		for s := 1; s < len(per); s++ {
			t := s
			for hop := 0; per[t] == 0 && x.heirOf[t] > 0 && hop < len(per); hop++ {
				t = x.heirOf[t]
			}
			per[s] = per[t]
		}
		loosest, n := -1, 0
		for s := 1; s < len(per) && s <= len(x.scopes); s++ {
			k := per[s] - 1
			if k < 0 {
				continue
			}
			n++
			switch {
			case loosest < 0 || contains(&x.found[k].c, &x.found[loosest].c):
				loosest = k
			case contains(&x.found[loosest].c, &x.found[k].c):
			default:
				loosest = -2
			}
			if loosest == -2 {
				break
			}
		}
		if n < groups || loosest < 0 {
			continue
		}
		// the loosest, and every bound equal to it, apply to everyone
		for j := range x.found {
			b := &x.found[j]
			if b.scopeOnly && b.r.Variable == a.r.Variable && b.r.Unit == a.r.Unit && b.k == x.found[loosest].k {
				b.r.Conditional = false
			}
		}
	}
}
