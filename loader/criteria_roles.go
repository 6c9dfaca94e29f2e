package loader

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"

	"github.com/trials-app/trials/model"
)

// The roles a line of a criteria list plays besides being an item: a note
// that introduces or annotates the list ("Subjects who meet each of the
// following inclusion criteria are eligible…", a sponsor's notice) — never
// an item; a heading that groups the items after it ("Cohort 1:", "Part A",
// "PATIENT CHARACTERISTICS:"); and, on pages whose nesting was lost, a
// qualifier of the item before it ("NOTE: …", "Subjects may be transfused
// to meet this criterion"). Each is recognised by its wording alone, and
// only where that wording cannot be a criterion of its own.

// noticeRe marks a sponsor's or a registry's notice: a pointer elsewhere.
var noticeRe = regexp.MustCompile(`(?i)\b(please visit|for more information|https?://|www\.)`)

// isNotice reports a notice line ("For more information regarding BMS
// clinical trial participation, please visit www.BMSStudyConnect.com"): it
// points the reader elsewhere and states no criterion.
func isNotice(s string) bool {
	// The cheap tests first: most lines are criteria, and name no site.
	// Without one of its phrases, in any case (or an ſ, which the pattern
	// reads as "s"), noticeRe cannot match: "visit" alone is in every
	// "screening visit", and ran the pattern on it.
	if !noticePhrases.in(s) && !hasLongS(s) {
		return false
	}
	var buf [foldMax]byte
	l := lowerInto(&buf, s)
	if !bytes.Contains(l, []byte("visit")) && !bytes.Contains(l, []byte("information")) &&
		!bytes.Contains(l, []byte("http")) && !bytes.Contains(l, []byte("www.")) {
		return false
	}
	if !noticeRe.MatchString(s) || len(strings.Fields(s)) > 30 {
		return false
	}
	// A criterion that happens to name a web site still has a threshold
	// or a condition; a notice has neither.
	return !strings.ContainsAny(s, "<>≤≥=%") && !bytes.Contains(l, []byte("must "))
}

// noticePhrases are what noticeRe needs, one of them.
var noticePhrases = newFoldNeedles("please visit", "for more information", "http://", "https://", "www.")

// introWords are the only words an introduction of a criteria list is made
// of. A line with any other word says something of its own ("within 28
// days of the baseline visit", "women who…") and stays a criterion.
var introWords = wordSet(`subjects subject patients patient participants participant individuals
	volunteers candidates persons people who that must should will shall may can be is are have
	has meet meets meeting met fulfil fulfill fulfils fulfills fulfilling satisfy satisfies
	satisfying each all any of the following criteria criterion requirements conditions
	inclusion exclusion eligible eligibility to participate participation in into this study
	trial not enrolled enrol enroll enrolment enrollment excluded included considered for entry
	only if apply a an and as listed below order be at time screening take part`)

// introQuantity marks an introduction that does not mean "every item": "one
// of the following", "two of", "either" — those keep the list as the
// children of the line that says how many.
var introQuantity = regexp.MustCompile(`(?i)\b(one|two|three|four|either|both|least|none|\d+)\b`)

// isIntro reports a line that only introduces the criteria list it opens:
// "Subjects who meet each of the following inclusion criteria are eligible
// to participate in this study:". In an inclusion list it must mean every
// item is required; "any of the following" introduces an exclusion list.
func isIntro(s string, exclusion bool) bool {
	// One pass for both words before lowering the line twice to look.
	if !introNeedles.in(s) && !hasFoldTraps(s) {
		return false
	}
	if !containsLower(s, "following") && !containsLower(s, "criteri") {
		return false
	}
	lower := strings.ToLower(s)
	if mayCountItems(lower) && introQuantity.MatchString(lower) {
		return false
	}
	words := strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) < 4 {
		return false // "Criteria:" alone is a heading's leftover, not an introduction
	}
	for _, w := range words {
		if !introWords[w] || w == "any" && !exclusion {
			return false
		}
	}
	return true
}

var (
	introNeedles  = newFoldNeedles("following", "criteri")
	quantityWords = newFoldNeedles("one", "two", "three", "four", "either", "both", "least")
)

// mayCountItems is what introQuantity needs: a digit or one of its words
// ("none" holds "one"), or an ſ, which the pattern reads as "s".
func mayCountItems(s string) bool {
	return strings.ContainsAny(s, "0123456789") || quantityWords.in(s) || hasLongS(s)
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// liftNotes takes the introductions and notices that open a list (and
// notices anywhere at its top) out of it: they become notes, and the items
// an introduction was holding become the list's own.
func liftNotes(cs []model.Criterion, exclusion bool) ([]model.Criterion, []string) {
	var notes []string
	for len(cs) > 0 && (isNotice(cs[0].Text) || isIntro(cs[0].Text, exclusion)) {
		notes = append(notes, cs[0].Text)
		cs = append(cs[0].Children, cs[1:]...)
	}
	kept := make([]model.Criterion, 0, len(cs))
	for _, c := range cs {
		if len(c.Children) == 0 && isNotice(c.Text) {
			notes = append(notes, c.Text)
			continue
		}
		kept = append(kept, c)
	}
	return kept, notes
}

// Heading ranks: a group heading ("Cohort 1:", "Age:") groups the items
// after it; a section heading in capitals ("PATIENT CHARACTERISTICS:", the
// old PDQ style) groups the group headings after it.
const (
	notHeading = iota
	groupHeading
	sectionHeading
)

// groupLabel is a heading without a colon: "Part A", "Cohort 2 (expansion)",
// "Dose expansion only". It names a group and nothing more — "Stage IV
// breast cancer" is a criterion.
var groupLabel = regexp.MustCompile(`(?i)^(?:(?:cohort|part|arm|group|stage|phase|step|module|period|sub-?study|population)\s+(?:[a-z]|[0-9]{1,2}[a-z]?|[ivx]{1,4})(?:\s*\([^()]{1,30}\))?|dose[- ](?:escalation|expansion)(?:\s+(?:cohorts?|phase|part|portion))?)(?:\s+only)?$`)

// mayBeGroupLabel is what groupLabel needs: a first letter its words
// start with, in any case, or ſ ("ſtage"), which it reads as "s".
func mayBeGroupLabel(s string) bool {
	switch byteAt(s, 0) | 0x20 {
	case 'c', 'p', 'a', 'g', 's', 'm', 'd':
		return true
	}
	return strings.HasPrefix(s, "ſ")
}

// headingRank tells a heading line from an item, and which kind it is.
func headingRank(s string) int {
	s = strings.TrimSpace(s)
	if mayBeGroupLabel(s) && groupLabel.MatchString(strings.TrimSuffix(s, ":")) {
		return groupHeading
	}
	body, ok := strings.CutSuffix(s, ":")
	if !ok || len(strings.Fields(body)) > 5 || strings.ContainsAny(body, ".;:") {
		return notHeading
	}
	r := firstRune(body)
	if !unicode.IsUpper(r) {
		return notHeading
	}
	if strings.ToUpper(body) == body && strings.IndexFunc(body, unicode.IsLower) < 0 && len(strings.Fields(body)) >= 2 {
		return sectionHeading
	}
	return groupHeading
}

// Qualifiers: on a page that printed every line as a bullet of one list,
// a note or an exception belongs to the item before it.
var (
	notePrefix    = regexp.MustCompile(`(?i)^(note|n\.?b\.?)\s*[:.\-–]`)
	thisCriterion = regexp.MustCompile(`(?i)\b(this|these|the above|that) (criterion|criteria|requirement|requirements|condition)\b`)
	permitted     = regexp.MustCompile(`(?i)\b(is|are|will be|would be)( also| still)? (eligible|allowed|permitted|acceptable)\b`)
	qualifierWho  = regexp.MustCompile(`(?i)^(subjects?|patients?|participants?|those|individuals?|persons?|people|children|women|men|candidates)\b`)
	exceptionsEnd = regexp.MustCompile(`(?i)\b(with the following exceptions?|with the exception of the following|except(?: for)?(?: the following)?|the following exceptions? (?:apply|are allowed))\s*:$`)
	sentenceBreak = regexp.MustCompile(`[.;!?]\s+\p{Lu}`)
)

// qualifierNeedles are the words isQualifier's second tests need one of.
var qualifierNeedles = newFoldNeedles("criteri", "requirement", "condition", "eligible", "allowed", "permitted", "acceptable")

// isQualifier reports a line that qualifies the item before it rather than
// stating a criterion: a note, a permission ("Subjects with indwelling
// catheters are allowed."), or a remark on "this criterion". A line of two
// sentences states its criterion first and is an item.
func isQualifier(s string) bool {
	if len(s) >= 2 && (s[0]|0x20 == 'n') && notePrefix.MatchString(s) {
		return true
	}
	// The cheap tests first: the words every other qualifier holds.
	// One pass for all seven words before lowering the line to look.
	if !qualifierNeedles.in(s) && !hasFoldTraps(s) {
		return false
	}
	var buf [foldMax]byte
	l := lowerInto(&buf, s)
	has := func(w string) bool { return bytes.Contains(l, []byte(w)) }
	this := has("criteri") || has("requirement") || has("condition")
	allowed := has("eligible") || has("allowed") || has("permitted") || has("acceptable")
	if !this && !allowed {
		return false
	}
	if t := strings.TrimRight(s, ". "); strings.ContainsAny(t, ".;!?") && sentenceBreak.MatchString(t) {
		return false
	}
	return this && thisCriterion.MatchString(s) || allowed && qualifierWho.MatchString(s) && permitted.MatchString(s)
}

// foldQualifiers gives a flat list back the nesting its page lost: each
// qualifier becomes a child of the item it follows, and after an item
// ending "…with the following exceptions:" the exceptions (qualifiers, or
// fragments opening in lower case) become its children. A list that shows
// any nesting is left as it is: its source kept the structure.
func foldQualifiers(cs []model.Criterion) []model.Criterion {
	if len(cs) < 2 {
		return cs
	}
	for _, c := range cs {
		if len(c.Children) > 0 {
			return cs
		}
	}
	out := append(make([]model.Criterion, 0, len(cs)), cs[0])
	exceptions := opensExceptions(cs[0].Text)
	for _, c := range cs[1:] {
		owner := &out[len(out)-1]
		if isQualifier(c.Text) || exceptions && isLowerWord(c.Text) {
			owner.Children = append(owner.Children, c)
			continue
		}
		out = append(out, c)
		exceptions = opensExceptions(c.Text)
	}
	return out
}

// opensExceptions reports an item ending "…with the following exceptions:".
func opensExceptions(s string) bool {
	return strings.HasSuffix(s, ":") && exceptionsEnd.MatchString(s)
}

// foldHeadings gives a flat list that opens with a heading — the old PDQ
// style printed as one bullet list ("• PATIENT CHARACTERISTICS:", "• Age:",
// "• Not specified") — its groups back: each heading holds the items
// after it, a group heading under the section heading before it. Only a
// list that starts with a heading is read so: elsewhere an item ending in
// a colon is as likely to be followed by its own siblings.
func foldHeadings(cs []model.Criterion) []model.Criterion {
	if len(cs) < 2 || headingRank(cs[0].Text) == notHeading {
		return cs
	}
	headings := 0
	for _, c := range cs {
		if len(c.Children) > 0 {
			return cs
		}
		if headingRank(c.Text) != notHeading {
			headings++
		}
	}
	if headings < 2 {
		return cs
	}
	var out []model.Criterion
	var section, group *model.Criterion // the open headings
	attach := func(c model.Criterion) {
		switch {
		case group != nil:
			group.Children = append(group.Children, c)
		case section != nil:
			section.Children = append(section.Children, c)
		default:
			out = append(out, c)
		}
	}
	for _, c := range cs {
		switch headingRank(c.Text) {
		case sectionHeading:
			out = append(out, c)
			section, group = &out[len(out)-1], nil
		case groupHeading:
			if section != nil {
				section.Children = append(section.Children, c)
				group = &section.Children[len(section.Children)-1]
			} else {
				out = append(out, c)
				group = &out[len(out)-1]
			}
		default:
			attach(c)
		}
	}
	return out
}

// groupStems are what every word headingGroup starts with contains.
var groupStems = []string{"cohort", "part", "arm", "group", "stage", "phase", "step", "module", "period", "stud"}

// mayNameGroup reports a label holding one of groupStems, in any case —
// or any byte beyond ASCII, where the pattern's case folding ("ſ" for "s")
// is not worth repeating.
func mayNameGroup(label string) bool {
	for i := 0; i < len(label); i++ {
		if label[i] >= 0x80 {
			return true
		}
	}
	var buf [foldMax]byte
	l := lowerInto(&buf, label)
	for _, w := range groupStems {
		if bytes.Contains(l, []byte(w)) {
			return true
		}
	}
	return false
}

// headingQualifier is the group a criteria heading names besides inclusion
// or exclusion — "Stage 1" in "Inclusion Criteria Stage 1", "Part B" in
// "Exclusion criteria for Part B" — or "".
var headingGroup = regexp.MustCompile(`(?i)\b((?:cohort|part|arm|group|stage|phase|step|module|period|sub-?study)\s+(?:[a-z]|[0-9]{1,2}[a-z]?|[ivx]{1,4}))\b`)

func headingQualifier(label string) string {
	// most headings are "Inclusion Criteria:" and "Exclusion Criteria:":
	// the pattern cannot match without one of its words (a regular
	// expression run on every heading cost a load 1% of its time)
	if !mayNameGroup(label) {
		return ""
	}
	g := headingGroup.FindStringSubmatch(label)
	if g == nil {
		return ""
	}
	q := g[1]
	return strings.ToUpper(q[:1]) + q[1:]
}
