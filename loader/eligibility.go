package loader

import (
	"regexp"
	"strings"

	"github.com/trials-app/trials/internal/memo"
	"github.com/trials-app/trials/model"
)

// Eligibility sections: the inclusion and exclusion headings that cut
// them, the labelled fields (ages, sex, healthy volunteers) every layout
// maps its own labels to, and the criteria's raw text. The lists
// themselves are read by criteria.go.

// A criteria heading is a short label naming inclusion or exclusion —
// "Inclusion Criteria:", "Key Exclusion Criteria (all cohorts):",
// "Exclusions:", "Transplant Exclusion:", "Non-inclusion criteria:" —
// alone on its line, or before a colon with the first criterion after it
// ("Exclusion Criteria: 1. Age under 40").
var (
	headingLabel  = regexp.MustCompile(`(?i)^` + headingOpen + `\**\s*([^:*]{0,60}?)\s*\**\s*:\s*\**\s*(.*)$`)
	exclusionWord = regexp.MustCompile(`(?i)\b(exclusions?|non[- ]?inclusions?)\b`)
	inclusionWord = regexp.MustCompile(`(?i)\binclusions?\b`)
	bareHeading   = regexp.MustCompile(`(?i)^` + headingOpen + `\**\s*(` + groupWords + `\s+|` + stepWords + `\s+)?(((key|main|major|general|patient|participant)\s+)?(inclusion|exclusion|non[- ]?inclusion)(\s+criteria)?|inclusions|exclusions)(\s*[-–—,]?\s*((for|in)\s+)?\(?` + groupWords + `\)?)?\s*\**\s*$`)
)

// groupWords name a part of a study that criteria headings may be for:
// "Inclusion Criteria Stage 1", "Exclusion criteria for Part B".
const groupWords = `(cohort|part|arm|group|stage|phase|step|module|period|sub-?study)\s+([a-z]|[0-9]{1,2}[a-z]?|[ivx]{1,4})`

// stepWords name the step of a trial's entry a heading's list is for:
// "Registration Inclusion Criteria" … "Randomization Exclusion Criteria".
const stepWords = `(pre-?registration|registration|randomi[sz]ation|screening|enrol?ment)`

// stepHeading is the step a criteria heading's label opens with, lower
// case and spelt one way ("randomization"), or "".
func stepHeading(label string) string {
	w, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(label)), " ")
	switch w {
	case "randomization", "randomisation":
		return "randomization"
	case "registration", "pre-registration", "preregistration", "screening", "enrolment", "enrollment":
		return w
	}
	return ""
}

// headingOpen is what may precede a heading's words: bullets, and
// markdown's '#' and '>'.
var headingOpen = `[` + regexp.QuoteMeta(strings.ReplaceAll(bulletChars, "-", "")) + `\-#>\s]*`

// criteriaHeading reports whether a line heads the inclusion or exclusion
// list (kind "inc" or "exc"), and any criterion text after its colon.
func criteriaHeading(s string) (kind, rest string, ok bool) {
	kind, rest, _, ok = criteriaHeadingGroup(s)
	return kind, rest, ok
}

// criteriaHeadingGroup is criteriaHeading that also names the part of the
// study the heading's list is for ("Stage 1"), if it names one.
func criteriaHeadingGroup(s string) (kind, rest, group string, ok bool) {
	if !mentionsClusion(s) {
		return "", "", "", false // the cheap test first: most lines are criteria
	}
	// Nearly every record has its "Inclusion Criteria:" and "Exclusion
	// Criteria:", whose patterns cost a twentieth of reading the criteria:
	// short lines are read once (the answer is the line's alone).
	if len(s) > headingMemo.MaxLen {
		return readCriteriaHeading(s)
	}
	h := headingMemo.Get(s, func(s string) (headingRead, bool) {
		kind, rest, group, ok := readCriteriaHeading(s)
		// Copies, so that the memo holds no record's text; headings only.
		return headingRead{kind, strings.Clone(rest), strings.Clone(group), ok}, ok
	})
	return h.kind, h.rest, h.group, h.ok
}

// headingMemo remembers criteriaHeadingGroup for headings of up to 64
// bytes, the first 1024 met (a registry's are a few hundred spellings; a
// line that mentions inclusion or exclusion and is no heading is read
// each time).
var headingMemo = memo.Strings[headingRead]{MaxLen: 64, Max: 1 << 10}

type headingRead struct {
	kind, rest, group string
	ok                bool
}

// readCriteriaHeading is criteriaHeadingGroup for a line that mentions
// inclusion or exclusion, without the memo.
func readCriteriaHeading(s string) (kind, rest, group string, ok bool) {
	label := s
	if g := headingLabel.FindStringSubmatch(s); g != nil {
		label, rest = g[1], strings.TrimSpace(g[2])
	} else if !bareHeading.MatchString(s) {
		return "", "", "", false
	}
	label = strings.Trim(label, bulletChars+"#> ")
	words := strings.Fields(withoutAside(label))
	if len(words) == 0 || len(words) > 6 {
		return "", "", "", false
	}
	// A label must be about the criteria themselves: "Inclusion of women"
	// (a criterion that happens to start with the word) is not a heading.
	if containsLower(label, " of ") {
		return "", "", "", false
	}
	switch {
	case exclusionWord.MatchString(label):
		return "exc", rest, headingQualifier(label), true
	case inclusionWord.MatchString(label) && (rest == "" || containsLower(label, "criteri") || len(words) <= 2):
		return "inc", rest, headingQualifier(label), true
	}
	return "", "", "", false
}

// withoutAside is a heading's label without one short bracketed aside, so
// that "Baseline (Post-Surgery Day 25 ± 5) Inclusion Criteria" counts the
// words of "Baseline Inclusion Criteria": the aside dates the list, it does
// not make the line a sentence. An aside that does not close, or is long,
// is left in.
func withoutAside(label string) string {
	open := strings.IndexByte(label, '(')
	if open < 0 {
		return label
	}
	n := strings.IndexByte(label[open:], ')')
	if n < 0 || n > 32 || strings.ContainsAny(label[open+1:open+n], "()") {
		return label
	}
	return label[:open] + " " + label[open+n+1:]
}

// mentionsClusion reports "clusion" in any case: every heading word
// (inclusion, exclusion, non-inclusion, and their plurals) has it, and
// "include", "including" and "conclude" — in most criteria walls — do not.
func mentionsClusion(s string) bool {
	const w = "clusion"
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 != 'c' {
			continue
		}
		j := 1
		for j < len(w) && s[i+j]|0x20 == w[j] {
			j++
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

// joinWrapped joins the lines a text was wrapped into: within a paragraph,
// a line without a list marker continues the line before it. (The legacy
// XML wraps every paragraph at about 70 columns.)
func joinWrapped(ls []line) []line {
	var out []line
	prevBlank := true
	for _, l := range ls {
		if l.blank() {
			out = append(out, l)
			prevBlank = true
			continue
		}
		m, _ := parseMarker(l.text)
		if !prevBlank && len(out) > 0 && m.style != stylePlain && closesParen(out[len(out)-1].text, l.text) {
			m = marker{style: stylePlain}
		}
		if _, _, head := criteriaHeading(l.text); !prevBlank && m.style == stylePlain && len(out) > 0 && !head {
			out[len(out)-1].text += " " + l.text
			continue
		}
		out = append(out, l)
		prevBlank = false
	}
	return out
}

// closesParen reports whether line s, which looks like a letter item
// ("B) No known autoimmune disease"), is the rest of a bracket the text
// before it left open ("… (including HIV, hepatitis" wrapped before "B)"):
// a letter and ')' alone, with no '(' of their own, close that bracket,
// and read as a marker they cut "hepatitis B" in two.
func closesParen(before, s string) bool {
	end := strings.IndexByte(s, ')')
	if end < 1 || end > 5 || (end < len(s)-1 && s[end+1] != ' ') {
		return false
	}
	for _, c := range []byte(s[:end]) {
		if c|0x20 < 'a' || c|0x20 > 'z' {
			return false
		}
	}
	return strings.Count(before, "(") > strings.Count(before, ")")
}

// splitCriteria cuts eligibility lines at their inclusion and exclusion
// headings (see criteriaHeading), a heading's own text after its colon
// opening its list. before is what precedes the first heading: labelled
// fields on some pages, criteria the page gave no heading on others.
func splitCriteria(ls []line) (before, inc, exc []line) {
	cur := &before
	firstStep := ""
	for _, l := range ls {
		if kind, rest, group, ok := criteriaHeadingGroup(l.text); ok {
			cur = &inc
			if kind == "exc" {
				cur = &exc
			}
			// "Registration Inclusion Criteria" … "Randomization Inclusion
			// Criteria": the randomization's list is a later step's, which
			// only registered patients reach (SPEC 4.6); its group line
			// says so. The first step's list is everyone's.
			if step := stepHeading(strings.Trim(l.text, bulletChars+"#> \t")); step != "" && group == "" {
				if firstStep == "" {
					firstStep = step
				} else if step == "randomization" && firstStep != step {
					group = "Randomization"
				}
			}
			// "Perioperative Period Inclusion Criteria" … "Baseline (Post-
			// Surgery Day 25 ± 5) Inclusion Criteria": a second list of the
			// same section, named for its time, is a group of its own;
			// without its line its items would hang under the last item
			// of the list before.
			if group == "" && len(nonBlankLines(*cur)) > 0 {
				group = listQualifier(l.text)
			}
			// "Inclusion Criteria Stage 1": the list is Stage 1's, a group
			// of its own beside the other stages' (see headingRank).
			if group != "" {
				*cur = append(*cur, line{text: group + ":", indent: l.indent})
			}
			if rest != "" {
				*cur = append(*cur, line{text: rest, indent: l.indent})
			}
			continue
		}
		*cur = append(*cur, l)
	}
	return before, inc, exc
}

// listQualifier is what a criteria heading says before its section word
// when that names the list's time or part ("Baseline (Post-Surgery Day
// 25 ± 5)" in "Baseline (Post-Surgery Day 25 ± 5) Inclusion Criteria:"),
// or "" — also for the words that only rank a list ("Key", "Additional").
func listQualifier(heading string) string {
	label, _, _ := strings.Cut(strings.Trim(heading, bulletChars+"#> \t"), ":")
	i := indexClusionWord(label)
	if i <= 0 {
		return ""
	}
	q := strings.TrimRight(strings.TrimSpace(label[:i]), ",-–— ")
	if q == "" || strings.ContainsAny(q, ":*") {
		return ""
	}
	switch strings.ToLower(q) {
	case "key", "main", "major", "general", "specific", "additional", "other", "further", "study",
		"patient", "patients", "participant", "participants", "subject", "subjects", "non":
		return ""
	}
	return q
}

// indexClusionWord is where the word inclusion, exclusion or non-inclusion
// starts in s, or -1.
func indexClusionWord(s string) int {
	if m := exclusionWord.FindStringIndex(s); m != nil {
		return m[0]
	}
	if m := inclusionWord.FindStringIndex(s); m != nil {
		return m[0]
	}
	return -1
}

// criteriaBeforeHeading puts the criteria a page states before its first
// heading (after its boilerplate, before "Inclusion Criteria") at the head
// of the inclusion list, as text before either heading counts everywhere.
func criteriaBeforeHeading(before, inc []line) []line {
	if len(nonBlankLines(before)) == 0 {
		return inc
	}
	return append(append([]line{}, before...), inc...)
}

// splitInclusionExclusion is splitCriteria for a text of criteria alone:
// what precedes either heading counts as inclusion.
func splitInclusionExclusion(ls []line) (inc, exc []line) {
	before, inc, exc := splitCriteria(ls)
	return append(before, inc...), exc
}

// rawCriteria rebuilds the criteria text as the source states it.
func rawCriteria(inc, exc []line) string {
	var parts []string
	if s := criteriaText(inc); s != "" {
		parts = append(parts, "Inclusion Criteria:\n\n"+s)
	}
	if s := criteriaText(exc); s != "" {
		parts = append(parts, "Exclusion Criteria:\n\n"+s)
	}
	return strings.Join(parts, "\n\n")
}

func criteriaText(ls []line) string {
	var b strings.Builder
	for _, l := range ls {
		if l.blank() {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat(" ", l.indent))
		b.WriteString(l.text)
	}
	return b.String()
}

// eligField is an eligibility field a page labels; each layout maps its
// own labels to these.
type eligField int

const (
	eligOther    eligField = iota // a label read elsewhere, or not at all
	eligMinAge                    // "18 Years"
	eligMaxAge                    // "75 Years"
	eligAgeRange                  // "18 Years to 75 Years", "18 Years and older"
	eligSex
	eligHealthyVolunteers
	eligStudyPopulation
	eligSamplingMethod
)

// setEligField stores the value of a labelled eligibility field.
func setEligField(t *model.Trial, f eligField, lv labelValue) {
	e := &t.Eligibility
	v := lv.first()
	switch f {
	case eligMinAge:
		e.MinAge = ageOrWarn(t, v)
	case eligMaxAge:
		e.MaxAge = ageOrWarn(t, v)
	case eligAgeRange:
		e.MinAge, e.MaxAge = parseAgeRange(v)
	case eligSex:
		e.Sex, _ = model.ParseSex(v)
	case eligHealthyVolunteers:
		if b, ok := model.ParseYesNo(v); ok {
			e.HealthyVolunteers = &b
		}
	case eligStudyPopulation:
		e.StudyPopulation = strings.Join(lv.values, "\n")
	case eligSamplingMethod:
		e.SamplingMethod, _ = model.ParseSamplingMethod(v)
	}
}

// setCriteria stores a page's inclusion and exclusion lists and, as raw,
// their text as the page gives it.
func setCriteria(e *model.Eligibility, inc, exc []line) {
	readCriteriaLists(e, inc, exc)
	e.Raw = rawCriteria(inc, exc)
}

// readCriteriaLists reads the inclusion and exclusion lists into their
// trees, the lines that introduce or annotate them into the notes, and
// gives a list that lost its nesting the nesting its wording shows.
func readCriteriaLists(e *model.Eligibility, inc, exc []line) {
	var incNotes, excNotes []string
	e.Inclusion, incNotes = liftNotes(parseCriteria(inc), false)
	e.Exclusion, excNotes = liftNotes(parseCriteria(exc), true)
	e.Inclusion = foldQualifiers(foldHeadings(e.Inclusion))
	e.Exclusion = foldQualifiers(foldHeadings(e.Exclusion))
	e.Notes = append(incNotes, excNotes...)
}

// readCriteriaText reads the registry's own criteria text (the API's
// markdown; the legacy XML's textblock, whose lines are wrapped) into nested
// inclusion and exclusion lists. The caller keeps the text as raw.
func readCriteriaText(e *model.Eligibility, text string, wrapped bool) {
	if strings.TrimSpace(text) == "" {
		return
	}
	ls := splitLinesString(text)
	if wrapped {
		ls = joinWrapped(ls)
	}
	inc, exc := splitInclusionExclusion(ls)
	readCriteriaLists(e, inc, exc)
}
