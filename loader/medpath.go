package loader

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trials-app/trials/model"
)

// The MedPath page: a header with phase, status, conditions and typed
// interventions; labelled fields under "Recruitment & Eligibility" and
// "Study & Design"; and two tables flattened so that their cells run
// together without a space — the arms table ("GroupInterventionDescription":
// arm label, intervention name, arm description) and the outcome tables
// ("NameTimeMethod": measure, time frame, then the description as its own
// paragraph). splitGlued recovers the cells.

var medPathLayout = layout{
	format:   model.FormatMedPath,
	idPrefix: "MP",
	about:    "a MedPath page",
	detect: func(s *sample) bool {
		return s.hasLine("Registration Number") && (s.hasLine("MedPath") || s.hasLine("Recruitment & Eligibility"))
	},
	parse: single(parseMedPath),
}

var medPathSections = map[string]bool{
	"Conditions": true, "Interventions": true, "Registration Number": true, "Lead Sponsor": true,
	"Collaborators": true, "Brief Summary": true, "Detailed Description": true,
	"Recruitment & Eligibility": true, "Study & Design": true, "Arm && Interventions": true,
	"Primary Outcome Measures": true, "Secondary Outcome Measures": true,
	"Other Outcome Measures": true, "Trial Locations": true, "Locations": true,
	"Investigators": true,
}

var medPathFooter = regexp.MustCompile(`^©\s*Copyright|All Rights Reserved by MedPath`)

func parseMedPath(data []byte) (*model.Trial, error) {
	ls := splitLines(data)
	footer := false
	kept := ls[:0:0]
	for _, l := range ls {
		if medPathFooter.MatchString(l.text) {
			footer = true
			break
		}
		kept = append(kept, l)
	}
	secs := splitSections(kept, func(i int) (string, bool) {
		t := kept[i].text
		return t, medPathSections[t]
	})
	if !footer {
		return nil, fmt.Errorf("%w: the page ends in the %q section, before MedPath's copyright footer", ErrTruncated, secs[len(secs)-1].name)
	}
	t := &model.Trial{}
	head := texts(secs[0].lines)
	if len(head) > 0 && head[0] == "MedPath" {
		head = head[1:]
	}
	if len(head) == 0 {
		return nil, fmt.Errorf("%w: MedPath page without a title", ErrNotTrial)
	}
	t.Title = head[0]
	for _, v := range head[1:] {
		if ps, ok := model.ParsePhases(v); ok && isPhaseShapedText(v) {
			t.Phases = ps
		} else if st, ok := model.ParseStatus(v); ok {
			t.Status = st
		} else {
			t.Warnings = append(t.Warnings, fmt.Sprintf("header: value %q not recognised", v))
		}
	}
	get := func(name string) []line { return allOf(secs, name) }
	for _, c := range texts(get("Conditions")) {
		t.Conditions = appendUnique(t.Conditions, c)
	}
	for _, v := range texts(get("Interventions")) {
		typ, name, _ := typedName(v, model.ParseInterventionType)
		if t.Intervention(name) == nil {
			t.Interventions = append(t.Interventions, model.Intervention{Name: name, Type: typ})
		}
	}
	for _, v := range texts(get("Registration Number")) {
		if model.IsNCTID(v) {
			t.NCTID = v
		} else {
			t.SecondaryIDs = append(t.SecondaryIDs, model.SecondaryID{ID: v})
		}
	}
	if s := texts(get("Lead Sponsor")); len(s) > 0 {
		t.LeadSponsor.Name = s[0]
	}
	for _, c := range texts(get("Collaborators")) {
		t.Collaborators = append(t.Collaborators, model.Sponsor{Name: c})
	}
	t.BriefSummary = prose(get("Brief Summary"))
	t.DetailedDescription = prose(get("Detailed Description"))
	readMedPathRecruitment(t, get("Recruitment & Eligibility"))
	readMedPathDesign(t, get("Study & Design"))
	readMedPathArms(t, get("Arm && Interventions"))
	outcomeSections := [][]line{get("Primary Outcome Measures"), get("Secondary Outcome Measures"), get("Other Outcome Measures")}
	shared := sharedTimeFrames(outcomeSections)
	t.Outcomes.Primary = readMedPathOutcomes(outcomeSections[0], shared)
	t.Outcomes.Secondary = readMedPathOutcomes(outcomeSections[1], shared)
	t.Outcomes.Other = readMedPathOutcomes(outcomeSections[2], shared)
	locs := get("Trial Locations")
	if len(locs) == 0 {
		locs = get("Locations")
	}
	readSiteLines(t, locs, nil)
	linkArmsAndInterventions(t)
	return t, nil
}

var medPathRecruitment = map[string]eligField{
	"Status": eligOther, "Target Recruitment": eligOther, "Sex": eligSex, "Age": eligAgeRange,
	"Minimum Age": eligMinAge, "Maximum Age": eligMaxAge, "Healthy Volunteers": eligHealthyVolunteers,
	"Accepts Healthy Volunteers": eligHealthyVolunteers, "Inclusion Criteria": eligOther,
	"Exclusion Criteria": eligOther,
}

func readMedPathRecruitment(t *model.Trial, ls []line) {
	// The labelled fields come before the criteria headings; a labelled
	// field after the criteria would end them.
	before, inc, exc := splitCriteria(ls)
	before, fields := cutAtLabel(before, medPathRecruitment)
	// The section opens with its fields; text above them has no label to
	// say what it is.
	if lost := oneLine(before); lost != "" {
		t.Warnings = append(t.Warnings, fmt.Sprintf("recruitment & eligibility: text before the first field not read: %q", lost))
	}
	inc, after := cutAtLabel(inc, medPathRecruitment)
	fields = append(fields, after...)
	exc, after = cutAtLabel(exc, medPathRecruitment)
	fields = append(fields, after...)
	setCriteria(&t.Eligibility, inc, exc)
	for _, lv := range labelValues(fields, medPathRecruitment) {
		switch lv.label {
		case "Status":
			setStatus(t, lv.first())
		case "Target Recruitment":
			setEnrollment(t, lv.first())
		default:
			setEligField(t, medPathRecruitment[lv.label], lv)
		}
	}
}

var medPathDesign = map[string]bool{
	"Study Type": true, "Study Design": true, "Allocation": true, "Masking": true,
	"Primary Purpose": true, "Phase": true,
}

func readMedPathDesign(t *model.Trial, ls []line) {
	d := &t.Design
	for _, lv := range labelValues(ls, medPathDesign) {
		v := lv.first()
		switch lv.label {
		case "Study Type":
			setStudyType(t, v)
		case "Study Design":
			// The registry's intervention model, or for observational
			// studies the observational model.
			if m, ok := model.ParseInterventionModel(v); ok {
				d.InterventionModel = m
			} else if m, ok := model.ParseObservationalModel(v); ok {
				d.ObservationalModel = m
			}
		case "Allocation":
			d.Allocation, _ = model.ParseAllocation(v)
		case "Masking":
			d.Masking, d.WhoMasked, _ = model.ParseMasking(v)
		case "Primary Purpose":
			d.PrimaryPurpose, _ = model.ParsePrimaryPurpose(v)
		case "Phase":
			setPhases(t, v)
		}
	}
}

// readMedPathArms reads the flattened arms table, one row per arm and
// intervention: "{arm label}{intervention}{arm description}".
func readMedPathArms(t *model.Trial, ls []line) {
	var rows []string
	for _, l := range texts(ls) {
		if l == "GroupInterventionDescription" {
			continue
		}
		rows = append(rows, l)
	}
	if len(rows) == 0 {
		return
	}
	known := make([]string, 0, len(t.Interventions))
	for _, iv := range t.Interventions {
		known = append(known, iv.Name)
	}
	for _, c := range splitArmRows(rows, known) {
		arm := findArm(t, c.label)
		if arm == nil {
			t.Arms = append(t.Arms, model.Arm{Label: c.label, Description: c.description})
			arm = &t.Arms[len(t.Arms)-1]
		} else if arm.Description == "" {
			arm.Description = c.description
		}
		if c.intervention == "" {
			continue
		}
		arm.Interventions = appendUnique(arm.Interventions, c.intervention)
		if t.Intervention(c.intervention) == nil {
			t.Interventions = append(t.Interventions, model.Intervention{Name: c.intervention})
		}
	}
}

func findArm(t *model.Trial, label string) *model.Arm {
	for i := range t.Arms {
		if t.Arms[i].Label == label {
			return &t.Arms[i]
		}
	}
	return nil
}

type armRow struct{ label, intervention, description string }

// splitArmRows recovers the three cells of each glued arms-table row.
//
// The cells meet where a word runs into a capitalised one with no space
// ("inhibitorsRegorafenib", "ChemotherapySubjects"): those glue points are
// the candidate cell boundaries. Across rows, an arm's label and description
// repeat — every row of an arm starts with its label and ends with its
// description — so among the candidate splits of a row the one whose label
// and description other rows share wins, and an intervention the page's
// header lists wins outright. A row with nothing to compare against takes
// its first two glue points.
func splitArmRows(rows []string, known []string) []armRow {
	// A page lists tens of outcomes; past a few hundred rows the pairs
	// would cost more than they tell.
	const most = 200
	rows = rows[:min(len(rows), most)]
	cands := make([][]int, len(rows))
	labelCount := map[string]int{}
	descCount := map[string]int{}
	for i, r := range rows {
		pts := gluePoints(r, false)
		// A listed intervention name is a cell only where it is glued to
		// what surrounds it, and not inside brackets.
		for _, k := range known {
			for off := 0; ; {
				j := strings.Index(r[off:], k)
				if j < 0 || k == "" {
					break
				}
				a, b := off+j, off+j+len(k)
				// At the end of the row when the arm has no description.
				if a > 0 && b <= len(r) && r[a-1] != ' ' && (b == len(r) || r[b] != ' ') && balanced(r[:a]) {
					pts = append(pts, a, b)
				}
				off = b
			}
		}
		pts = uniqueSorted(pts, len(r))
		cands[i] = pts
		seenL, seenD := map[string]bool{}, map[string]bool{}
		for _, p := range pts {
			if l := r[:p]; !seenL[l] {
				seenL[l] = true
				labelCount[l]++
			}
			if d := r[p:]; !seenD[d] {
				seenD[d] = true
				descCount[d]++
			}
		}
	}
	isKnown := map[string]bool{}
	for _, k := range known {
		isKnown[k] = true
	}
	out := make([]armRow, 0, len(rows))
	for i, r := range rows {
		pts := cands[i]
		bestA, bestB, bestScore := -1, -1, -1
		for x, a := range pts {
			for _, b := range pts[x+1:] {
				score := 0
				if labelCount[r[:a]] > 1 {
					score += 2
				}
				if descCount[r[b:]] > 1 {
					score += 2
				}
				if isKnown[r[a:b]] {
					score += 3
				}
				if score > bestScore {
					bestA, bestB, bestScore = a, b, score
				}
			}
		}
		// An arm without a description ends with its intervention: a name
		// the header lists, glued to the label — unless a listed name
		// already makes a cell of its own.
		if k := knownSuffix(r, known); k > 0 && (bestA < 0 || !isKnown[r[bestA:bestB]]) {
			out = append(out, armRow{label: r[:k], intervention: r[k:]})
			continue
		}
		switch {
		case bestA >= 0:
			out = append(out, armRow{label: r[:bestA], intervention: r[bestA:bestB], description: r[bestB:]})
		case len(pts) == 1:
			out = append(out, armRow{label: r[:pts[0]], description: r[pts[0]:]})
		default:
			out = append(out, armRow{label: r})
		}
	}
	return out
}

// knownSuffix is where a row ends with one of the known intervention
// names glued to what comes before it (the longest name), or 0.
func knownSuffix(r string, known []string) int {
	best := 0
	for _, k := range known {
		if k == "" || len(k) >= len(r) || !strings.HasSuffix(r, k) {
			continue
		}
		at := len(r) - len(k)
		if r[at-1] != ' ' && balanced(r[:at]) && (best == 0 || at < best) {
			best = at
		}
	}
	return best
}

// balanced reports whether every bracket opened in s is closed.
func balanced(s string) bool {
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		}
	}
	return depth <= 0
}

func uniqueSorted(pts []int, n int) []int {
	sort.Ints(pts)
	out := pts[:0]
	for i, p := range pts {
		if p <= 0 || p >= n || (i > 0 && p == pts[i-1]) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// gluePoints returns the byte offsets in s where one table cell ran into the
// next: a lower-case letter, digit, full stop or closing bracket directly
// followed by a capitalised word ("inhibitorsRegorafenib", "(PFS)The",
// "Toxicities.Chemotherapy"); an acronym directly followed by one
// ("HAICThe", "IgGAt Month", "Group ARaltegravir"); a closing bracket
// followed by a number ("(BBT)2 weeks"). With digits, a word running into a
// number ("C12h12 hours") counts too. Nothing inside brackets is a boundary:
// a cell never ends in the middle of "(WinNonlin®)".
func gluePoints(s string, digits bool) []int {
	rs := []rune(s)
	offs := make([]int, len(rs)+1)
	o := 0
	for i, r := range rs {
		offs[i] = o
		o += utf8.RuneLen(r)
	}
	offs[len(rs)] = o
	at := func(i int) rune {
		if i < 0 || i >= len(rs) {
			return 0
		}
		return rs[i]
	}
	var pts []int
	depth := 0
	for i := 1; i < len(rs); i++ {
		switch rs[i-1] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		}
		if depth > 0 {
			continue
		}
		prev, r, next := rs[i-1], rs[i], at(i+1)
		startsWord := unicode.IsUpper(r) && unicode.IsLower(next)
		switch {
		case startsWord && (unicode.IsLower(prev) || unicode.IsDigit(prev) || strings.ContainsRune(")]%.", prev)):
			pts = append(pts, offs[i])
		case startsWord && unicode.IsUpper(prev) && (unicode.IsLower(at(i+2)) || isShortWord(string([]rune{r, next}), at(i+2))):
			// An acronym then a word; "AEs", "DLTs" (a capital, one lower-case
			// letter, then no more) are plurals, not boundaries.
			pts = append(pts, offs[i])
		case unicode.IsDigit(r) && (prev == ')' || prev == ']'):
			pts = append(pts, offs[i])
		case digits && unicode.IsDigit(r) && unicode.IsLower(prev):
			pts = append(pts, offs[i])
		}
	}
	return pts
}

// isShortWord: the two-letter words a time frame opens with ("At Month 48").
func isShortWord(w string, after rune) bool {
	if after != ' ' && after != 0 {
		return false
	}
	switch w {
	case "At", "Up", "By", "To", "In", "On", "Of", "As", "Is":
		return true
	}
	return false
}

var timeWords = regexp.MustCompile(`(?i)\b(day|days|week|weeks|month|months|year|years|hour|hours|baseline|up to|through|until|assessed|visit|cycle|follow-up|time|end of|during|date|minutes|every)\b`)

// readMedPathOutcomes reads "NameTimeMethod" tables: each outcome is a
// paragraph whose first line is the glued measure-and-time-frame row, and the
// paragraph after it, when there is one, is its description. A description
// may be missing, so a paragraph is taken as the next row when it reads like
// one (see rowLike). shared holds the time frames several rows of the page
// end with (see sharedTimeFrames).
func readMedPathOutcomes(ls []line, shared map[string]int) []model.Outcome {
	var out []model.Outcome
	for _, para := range paragraphs(ls) {
		if len(para) == 1 && para[0] == "NameTimeMethod" {
			continue
		}
		if para[0] == "NameTimeMethod" {
			para = para[1:]
		}
		if len(out) == 0 {
			o, _ := splitOutcomeRow(para[0], shared)
			o.Description = strings.Join(para[1:], "\n")
			out = append(out, o)
			continue
		}
		last := &out[len(out)-1]
		if o, ok := splitOutcomeRow(para[0], shared); ok && (shared[o.TimeFrame] > 1 || rowLike(o, last.Description == "")) {
			o.Description = strings.Join(para[1:], "\n")
			out = append(out, o)
			continue
		}
		if last.Description == "" {
			last.Description = strings.Join(para, "\n")
		} else {
			last.Description += "\n\n" + strings.Join(para, "\n")
		}
	}
	return out
}

// rowLike tells an outcome row from a description paragraph: a row's measure
// is a short title — it starts with a capital or digit and holds no sentence
// break. Right after a row without a description, the paragraph must also
// look like a time frame to count as the next row.
func rowLike(o model.Outcome, wantTimeFrame bool) bool {
	m := o.Measure
	if len(strings.Fields(m)) > 25 || strings.Contains(m, ". ") {
		return false
	}
	if r := firstRune(m); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if wantTimeFrame {
		r := firstRune(o.TimeFrame)
		return timeWords.MatchString(o.TimeFrame) || unicode.IsDigit(r)
	}
	return true
}

// timeOpeners are how a time frame in lower case begins ("up to 56 days",
// "prior to hospital discharge", "study day 49"), glued to the measure
// before it with no capital to show the seam; digit marks the openers that
// must be followed by a number ("about 60 minutes", "day 7").
var timeOpeners = []struct {
	phrase string
	digit  bool
}{
	{"up to ", false}, {"prior to ", false}, {"study day", false}, {"from baseline", false},
	{"baseline", false}, {"within ", false}, {"during ", false}, {"until ", false},
	{"through ", false}, {"first ", true}, {"end of ", false}, {"duration of", false},
	{"approximately ", false}, {"about ", true}, {"screening", false}, {"day ", true},
	{"week ", true}, {"month ", true}, {"year ", true},
}

// rowSplits are the places a glued row may divide into measure and time
// frame: where a word runs into a capitalised one; failing that, into a
// number; failing that, into a time frame's opening words.
func rowSplits(s string) []int {
	if pts := gluePoints(s, false); len(pts) > 0 {
		return pts
	}
	if pts := gluePoints(s, true); len(pts) > 0 {
		return pts
	}
	// The time frame ends the row: of several openers, the last.
	if pts := timeOpenerSplits(s); len(pts) > 0 {
		return pts[len(pts)-1:]
	}
	return nil
}

// sharedTimeFrames counts, over the page's outcome rows, the time frames
// the rows could end with: a time frame several rows share ("prior to
// hospital discharge, up to 15 ½ months") is where each of them divides.
//
// Besides the seams rowSplits finds, the longest ending two rows share
// is a candidate ("…periodat 12 months", "…screeningat 12 months"), when it
// is glued to what precedes it and reads like a time frame.
func sharedTimeFrames(sections [][]line) map[string]int {
	var rows []string
	for _, ls := range sections {
		for _, para := range paragraphs(ls) {
			row := para[0]
			if row == "NameTimeMethod" && len(para) > 1 {
				row = para[1]
			}
			rows = append(rows, row)
		}
	}
	// A page lists tens of outcomes; past a few hundred rows the pairs
	// would cost more than they tell.
	const most = 200
	rows = rows[:min(len(rows), most)]
	cands := make([][]int, len(rows))
	for i, r := range rows {
		cands[i] = append(rowSplits(r), timeOpenerSplits(r)...)
	}
	for i := range rows {
		for j := i + 1; j < len(rows); j++ {
			n := commonSuffix(rows[i], rows[j])
			for k, r := range []string{rows[i], rows[j]} {
				at := len(r) - n
				if n < 4 || at <= 0 || !utf8.RuneStart(r[at]) {
					continue
				}
				// A time frame opens with a letter or a digit, glued to the
				// end of a word, a number or a bracket.
				next, _ := utf8.DecodeRuneInString(r[at:])
				prev, _ := utf8.DecodeLastRuneInString(r[:at])
				// Never inside a word's capital and the rest of it ("U|p to
				// 3 years").
				if !unicode.IsLetter(next) && !unicode.IsDigit(next) ||
					!unicode.IsLetter(prev) && !unicode.IsDigit(prev) && !strings.ContainsRune(")]%", prev) ||
					unicode.IsUpper(prev) && unicode.IsLower(next) || unicode.IsDigit(prev) && unicode.IsDigit(next) {
					continue
				}
				if tf := r[at:]; timeWords.MatchString(tf) || strings.ContainsAny(tf, "0123456789") {
					idx := []int{i, j}[k]
					cands[idx] = append(cands[idx], at)
				}
			}
		}
	}
	counts := map[string]int{}
	for i, r := range rows {
		seen := map[string]bool{}
		for _, p := range cands[i] {
			if tf := r[p:]; !seen[tf] {
				seen[tf] = true
				counts[tf]++
			}
		}
	}
	// A time frame counts every row that ends with it glued, not only
	// those it was found in; only those several rows share are kept.
	shared := map[string]int{}
	for tf, c := range counts {
		if c < 2 {
			continue
		}
		n := 0
		for _, r := range rows {
			if at := len(r) - len(tf); at > 0 && strings.HasSuffix(r, tf) && r[at-1] != ' ' {
				n++
			}
		}
		shared[tf] = n
	}
	return shared
}

// commonSuffix is the length in bytes of the longest ending a and b share,
// ignoring the case of ASCII letters ("Up to 3 years", "up to 3 years").
func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n]|0x20 == b[len(b)-1-n]|0x20 && (a[len(a)-1-n] >= 'A' || a[len(a)-1-n] == b[len(b)-1-n]) {
		n++
	}
	return n
}

func timeOpenerSplits(s string) []int {
	var pts []int
	for _, o := range timeOpeners {
		for off := 0; ; {
			i := strings.Index(s[off:], o.phrase)
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(o.phrase)
			if at == 0 {
				continue
			}
			prev, _ := utf8.DecodeLastRuneInString(s[:at])
			if !unicode.IsLower(prev) && !unicode.IsDigit(prev) && !strings.ContainsRune(")]%", prev) {
				continue
			}
			if o.digit && (off >= len(s) || s[off] < '0' || s[off] > '9') {
				continue
			}
			pts = append(pts, at)
		}
	}
	sort.Ints(pts)
	return pts
}

// splitOutcomeRow splits "Progression Free SurvivalThe time from enrollment…"
// into its measure and time frame: at a time frame other rows share, if it
// ends with one (the longest), or else at its first seam (see rowSplits).
func splitOutcomeRow(s string, shared map[string]int) (model.Outcome, bool) {
	// The time frame most rows end with wins; of equals, one at a seam,
	// then the shortest ("12 hours…", not "h12 hours…" after "C12h" and
	// "C24h").
	seams := map[int]bool{}
	for _, p := range append(rowSplits(s), timeOpenerSplits(s)...) {
		seams[p] = true
	}
	best, support := -1, 1
	for tf, n := range shared {
		p := len(s) - len(tf)
		if n < 2 || p <= 0 || !strings.HasSuffix(s, tf) {
			continue
		}
		if n > support || n == support && (seams[p] && !seams[best] || seams[p] == seams[best] && p > best) {
			best, support = p, n
		}
	}
	if best < 0 {
		if pts := rowSplits(s); len(pts) > 0 {
			best = pts[0]
			if pts[0] >= len(s) {
				best = -1
			}
		}
	}
	if best <= 0 {
		return model.Outcome{Measure: s}, false
	}
	return model.Outcome{Measure: s[:best], TimeFrame: s[best:]}, true
}
