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
	get := func(name string) []line { s, _ := find(secs, name); return s.lines }
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
	t.Outcomes.Primary = readMedPathOutcomes(get("Primary Outcome Measures"))
	t.Outcomes.Secondary = readMedPathOutcomes(get("Secondary Outcome Measures"))
	t.Outcomes.Other = readMedPathOutcomes(get("Other Outcome Measures"))
	locs := get("Trial Locations")
	if len(locs) == 0 {
		locs = get("Locations")
	}
	readClinConnectLocations(t, locs)
	linkArmsAndInterventions(t)
	return t, nil
}

// isPhaseShapedText: "Phase 2", "Phase 1/Phase 2", "Early Phase 1", "Not Applicable".
func isPhaseShapedText(v string) bool {
	l := strings.ToLower(v)
	return strings.HasPrefix(l, "phase") || strings.HasPrefix(l, "early phase") || l == "not applicable" || l == "n/a"
}

var medPathRecruitment = map[string]bool{
	"Status": true, "Sex": true, "Target Recruitment": true, "Age": true, "Minimum Age": true,
	"Maximum Age": true, "Healthy Volunteers": true, "Accepts Healthy Volunteers": true,
	"Inclusion Criteria": true, "Exclusion Criteria": true,
}

func readMedPathRecruitment(t *model.Trial, ls []line) {
	e := &t.Eligibility
	var inc, exc []line
	var cur *[]line
	for _, l := range ls {
		if l.blank() {
			continue
		}
		switch l.text {
		case "Inclusion Criteria", "Inclusion Criteria:":
			cur = &inc
			continue
		case "Exclusion Criteria", "Exclusion Criteria:":
			cur = &exc
			continue
		}
		if cur != nil {
			// The criteria run to the end of the section; a labelled field
			// after them would end them.
			if medPathRecruitment[l.text] {
				cur = nil
			} else {
				*cur = append(*cur, l)
				continue
			}
		}
	}
	e.Inclusion = parseCriteria(inc)
	e.Exclusion = parseCriteria(exc)
	e.Raw = rawCriteria(inc, exc)
	var fields []line
	for _, l := range ls {
		if l.text == "Inclusion Criteria" || l.text == "Exclusion Criteria" {
			break
		}
		fields = append(fields, l)
	}
	for _, lv := range labelValues(fields, medPathRecruitment) {
		v := lv.first()
		switch lv.label {
		case "Status":
			setStatus(t, v)
		case "Sex":
			e.Sex, _ = model.ParseSex(v)
		case "Target Recruitment":
			setEnrollment(t, v)
		case "Age":
			e.MinAge, e.MaxAge = parseAgeRange(v)
		case "Minimum Age":
			e.MinAge = ageOrWarn(t, v)
		case "Maximum Age":
			e.MaxAge = ageOrWarn(t, v)
		case "Healthy Volunteers", "Accepts Healthy Volunteers":
			if b, ok := model.ParseYesNo(v); ok {
				e.HealthyVolunteers = &b
			}
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
	cands := make([][]int, len(rows))
	labelCount := map[string]int{}
	descCount := map[string]int{}
	for i, r := range rows {
		pts := gluePoints(r, false)
		for _, k := range known {
			for off := 0; ; {
				j := strings.Index(r[off:], k)
				if j < 0 {
					break
				}
				pts = append(pts, off+j, off+j+len(k))
				off += j + len(k)
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
// next: a lower-case letter, digit or closing bracket directly followed by a
// capitalised word ("inhibitorsRegorafenib", "(PFS)The"), or an acronym
// directly followed by one ("HAICThe"). With digits, a word running into a
// number ("Survival12 months") counts too.
func gluePoints(s string, digits bool) []int {
	var pts []int
	var prev, prev2 rune
	for i, r := range s {
		if i > 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			startsWord := unicode.IsUpper(r) && unicode.IsLower(next)
			switch {
			case startsWord && (unicode.IsLower(prev) || unicode.IsDigit(prev) || strings.ContainsRune(")]%", prev)):
				pts = append(pts, i)
			case startsWord && unicode.IsUpper(prev) && unicode.IsUpper(prev2):
				pts = append(pts, i)
			case digits && unicode.IsDigit(r) && unicode.IsLower(prev):
				pts = append(pts, i)
			}
		}
		prev2, prev = prev, r
	}
	return pts
}

var timeWords = regexp.MustCompile(`(?i)\b(day|days|week|weeks|month|months|year|years|hour|hours|baseline|up to|through|until|assessed|visit|cycle|follow-up|time|end of|during|date|minutes|every)\b`)

// readMedPathOutcomes reads "NameTimeMethod" tables: a glued
// measure-and-time-frame line, then the description paragraph(s).
func readMedPathOutcomes(ls []line) []model.Outcome {
	var out []model.Outcome
	expectRow := true
	for _, l := range ls {
		if l.blank() {
			continue
		}
		if l.text == "NameTimeMethod" {
			continue
		}
		if !expectRow && len(out) > 0 {
			if o, ok := splitOutcomeRow(l.text); ok && timeWords.MatchString(o.TimeFrame) {
				out = append(out, o)
				continue
			}
			last := &out[len(out)-1]
			last.Description = joinText(last.Description, l.text)
			continue
		}
		o, _ := splitOutcomeRow(l.text)
		out = append(out, o)
		expectRow = false
	}
	return out
}

// splitOutcomeRow splits "Progression Free SurvivalThe time from enrollment…"
// at the first glue point.
func splitOutcomeRow(s string) (model.Outcome, bool) {
	pts := gluePoints(s, false)
	if len(pts) == 0 {
		pts = gluePoints(s, true)
	}
	if len(pts) == 0 {
		return model.Outcome{Measure: s}, false
	}
	return model.Outcome{Measure: s[:pts[0]], TimeFrame: s[pts[0]:]}, true
}
