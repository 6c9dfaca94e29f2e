package loader

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/trials-app/trials/model"
)

// The labelled mirror: every value follows its label ("Recruitment Status",
// "Allocation Method", "Minimum Eligible Age"), arms end with "Group Type …",
// interventions with "Intervention Type …" and sponsors with "Sponsor Role …".

var labelledBasics = map[string]bool{
	"Recruitment Status": true, "Clinical Phase": true, "Total Enrollment": true,
	"Study Classification": true, "Study Start Date": true, "Study Completion Date": true,
	"Primary Completion Date": true, "Enrollment Type": true, "First Posted": true,
	"Study First Posted": true, "Last Updated": true, "Acronym": true, "Official Title": true,
}

// mirrorIsLabelled tells the variants apart by whether "Basic Information"
// carries labels.
func mirrorIsLabelled(ls []line) bool {
	in := false
	for _, l := range ls {
		switch {
		case l.text == "Basic Information":
			in = true
		case in && mirrorSections[l.text]:
			return false
		case in && labelledBasics[l.text]:
			return true
		}
	}
	return false
}

func parseMirror(data []byte, format model.Format) (*model.Trial, error) {
	d, err := cutMirror(data)
	if err != nil {
		return nil, err
	}
	t := &model.Trial{}
	readMirrorHead(t, d)
	readMirrorLists(t, d)
	if format == model.FormatMirrorLabelled {
		readLabelledBasics(t, d.section("Basic Information"))
		readLabelledDesign(t, d.section("Study Design"))
		readLabelledInterventions(t, d.section("Interventions"))
		readLabelledGroups(t, d.section("Study Groups"))
		readLabelledEligibility(t, d.section("Eligibility Criteria"))
		readLabelledSponsors(t, d.section("Sponsors"))
	} else {
		readBareBasics(t, d.section("Basic Information"))
		readBareDesign(t, d.section("Study Design"))
		readBareInterventions(t, d.section("Interventions"))
		readBareGroups(t, d.section("Study Groups"))
		readBareEligibility(t, d.section("Eligibility Criteria"))
		readBareSponsors(t, d.section("Sponsors"))
	}
	if blob := oneLine(d.section("Other Intervention Names")); blob != "" {
		splitOtherNames(t, blob)
	}
	readMirrorLocations(t, d)
	readMirrorIdentifiers(t, d)
	readMirrorInvestigators(t, d)
	linkArmsAndInterventions(t)
	if t.NCTID == "" {
		return nil, fmt.Errorf("%w: mirror page without an \"NCT ID:\" line", ErrNotTrial)
	}
	return t, nil
}

// labelValues reads a run of "Label" lines each followed by its value lines.
// Lines before the first label are returned under "".
func labelValues(ls []line, labels map[string]bool) []labelValue {
	var out []labelValue
	for _, l := range ls {
		if l.blank() {
			continue
		}
		key := strings.TrimSuffix(strings.TrimSpace(l.text), ":")
		if labels[key] {
			out = append(out, labelValue{label: key})
			continue
		}
		if len(out) == 0 {
			out = append(out, labelValue{})
		}
		out[len(out)-1].values = append(out[len(out)-1].values, l.text)
	}
	return out
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

var countWithType = regexp.MustCompile(`^(.*?)\s*\((Actual|Anticipated|Estimated|ACTUAL|ESTIMATED)\)$`)

// setEnrollment reads "150 participants", optionally "(Actual)".
func setEnrollment(t *model.Trial, s string) {
	if g := countWithType.FindStringSubmatch(s); g != nil {
		s = g[1]
		t.EnrollmentType, _ = model.ParseDateType(g[2])
	}
	if n, ok := parseCount(s); ok {
		t.Enrollment = &n
		return
	}
	if s != "" {
		t.Warnings = append(t.Warnings, fmt.Sprintf("enrollment %q not understood", s))
	}
}

func setStatus(t *model.Trial, s string) {
	if st, ok := model.ParseStatus(s); ok {
		t.Status = st
	} else if s != "" {
		t.Warnings = append(t.Warnings, fmt.Sprintf("status %q not understood", s))
	}
}

func setPhases(t *model.Trial, s string) {
	if ps, ok := model.ParsePhases(s); ok {
		t.Phases = ps
	} else if s != "" {
		t.Warnings = append(t.Warnings, fmt.Sprintf("phase %q not understood", s))
	}
}

func setStudyType(t *model.Trial, s string) {
	if strings.EqualFold(s, "N/A") {
		return // the registry's "not available": nothing stated
	}
	if st, ok := model.ParseStudyType(s); ok {
		t.StudyType = st
	} else if s != "" {
		t.Warnings = append(t.Warnings, fmt.Sprintf("study type %q not understood", s))
	}
}

func readLabelledBasics(t *model.Trial, ls []line) {
	for _, lv := range labelValues(ls, labelledBasics) {
		v := lv.first()
		switch lv.label {
		case "Recruitment Status":
			setStatus(t, v)
		case "Clinical Phase":
			setPhases(t, v)
		case "Total Enrollment":
			setEnrollment(t, v)
		case "Enrollment Type":
			t.EnrollmentType, _ = model.ParseDateType(v)
		case "Study Classification":
			setStudyType(t, v)
		case "Study Start Date":
			setDate(t, &t.StartDate, v, "start")
		case "Primary Completion Date":
			setDate(t, &t.PrimaryCompletionDate, v, "primary completion")
		case "Study Completion Date":
			setDate(t, &t.CompletionDate, v, "completion")
		case "First Posted", "Study First Posted":
			setDate(t, &t.FirstPosted, v, "first posted")
		case "Last Updated":
			setDate(t, &t.LastUpdated, v, "last updated")
		case "Acronym":
			t.Acronym = v
		case "Official Title":
			t.OfficialTitle = strings.Join(lv.values, " ")
		}
	}
}

var labelledDesign = map[string]bool{
	"Allocation Method": true, "Intervention Model": true, "Primary Study Purpose": true,
	"Blinding Strategy": true, "Observational Model": true, "Time Perspective": true,
}

func readLabelledDesign(t *model.Trial, ls []line) {
	d := &t.Design
	for _, lv := range labelValues(ls, labelledDesign) {
		v, rest := lv.first(), []string{}
		if len(lv.values) > 1 {
			rest = lv.values[1:]
		}
		switch lv.label {
		case "Allocation Method":
			d.Allocation, _ = model.ParseAllocation(v)
		case "Intervention Model":
			d.InterventionModel, _ = model.ParseInterventionModel(v)
			d.InterventionModelDescription = strings.Join(rest, "\n")
		case "Primary Study Purpose":
			d.PrimaryPurpose, _ = model.ParsePrimaryPurpose(v)
		case "Observational Model":
			d.ObservationalModel, _ = model.ParseObservationalModel(v)
		case "Time Perspective":
			d.TimePerspective, _ = model.ParseTimePerspective(v)
		case "Blinding Strategy":
			readMasking(d, v, rest)
		}
	}
}

// readMasking reads a masking level, the masked parties on the lines after
// it ("Outcome Assessors") and the masking description after those.
func readMasking(d *model.Design, level string, rest []string) {
	d.Masking, d.WhoMasked, _ = model.ParseMasking(level)
	var desc []string
	for _, r := range rest {
		if who := model.ParseWhoMaskedList(r); len(who) > 0 && len(desc) == 0 && len(strings.Fields(r)) <= 8 {
			for _, w := range who {
				if !containsWho(d.WhoMasked, w) {
					d.WhoMasked = append(d.WhoMasked, w)
				}
			}
			continue
		}
		desc = append(desc, r)
	}
	d.MaskingDescription = strings.Join(desc, "\n")
}

func containsWho(ws []model.WhoMasked, w model.WhoMasked) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

var (
	groupTypeLine        = regexp.MustCompile(`^Group Type\s+(\S.*)$`)
	interventionTypeLine = regexp.MustCompile(`^Intervention Type\s+(\S.*)$`)
)

// readLabelledInterventions reads blocks of a name, description lines and
// "Intervention Type …".
func readLabelledInterventions(t *model.Trial, ls []line) {
	var block []string
	for _, l := range texts(ls) {
		if g := interventionTypeLine.FindStringSubmatch(l); g != nil {
			if len(block) > 0 {
				typ, _ := model.ParseInterventionType(g[1])
				t.Interventions = append(t.Interventions, model.Intervention{
					Name: block[0], Type: typ, Description: strings.Join(block[1:], "\n"),
				})
			}
			block = nil
			continue
		}
		block = append(block, l)
	}
	if len(block) > 0 {
		t.Warnings = append(t.Warnings, fmt.Sprintf("interventions: text after the last intervention not read: %q", strings.Join(block, " ")))
	}
}

// readLabelledGroups reads arms: a label and description lines closed by
// "Group Type …", then the arm's interventions, each a name closed by
// "Intervention Type …" and followed by its description.
func readLabelledGroups(t *model.Trial, ls []line) {
	var pending []string
	var arm *model.Arm
	lastIV := ""
	for _, l := range texts(ls) {
		if g := groupTypeLine.FindStringSubmatch(l); g != nil {
			pending = dropInterventionDescription(t, pending, lastIV)
			if len(pending) == 0 {
				t.Warnings = append(t.Warnings, "study groups: an arm without a label")
				pending = []string{""}
			}
			typ, _ := model.ParseArmType(g[1])
			t.Arms = append(t.Arms, model.Arm{Label: pending[0], Type: typ, Description: strings.Join(pending[1:], "\n")})
			arm = &t.Arms[len(t.Arms)-1]
			pending, lastIV = nil, ""
			continue
		}
		if g := interventionTypeLine.FindStringSubmatch(l); g != nil {
			if len(pending) == 0 || arm == nil {
				pending = nil
				continue
			}
			name := pending[len(pending)-1]
			typ, _ := model.ParseInterventionType(g[1])
			noteGroupIntervention(t, arm, name, typ, "")
			if lastIV != "" && len(pending) > 1 {
				fillDescription(t, lastIV, strings.Join(pending[:len(pending)-1], "\n"))
			}
			pending, lastIV = nil, name
			continue
		}
		pending = append(pending, l)
	}
	if lastIV != "" && len(pending) > 0 {
		fillDescription(t, lastIV, strings.Join(pending, "\n"))
	}
}

// dropInterventionDescription removes, from the lines between an
// intervention and the next arm's "Group Type", that intervention's
// description, leaving the next arm's label and description.
func dropInterventionDescription(t *model.Trial, pending []string, iv string) []string {
	if iv == "" {
		return pending
	}
	if known := t.Intervention(iv); known != nil {
		desc := strings.Split(known.Description, "\n")
		if known.Description == "" {
			desc = nil
		}
		if len(desc) <= len(pending) && equalStrings(pending[:len(desc)], desc) {
			return pending[len(desc):]
		}
	}
	// Unknown description: assume the arm has a label and one line of description.
	if len(pending) > 2 {
		fillDescription(t, iv, strings.Join(pending[:len(pending)-2], "\n"))
		return pending[len(pending)-2:]
	}
	if len(pending) == 2 {
		fillDescription(t, iv, pending[0])
		return pending[1:]
	}
	return pending
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// noteGroupIntervention adds an intervention to an arm, and to the trial's
// interventions when the Interventions section did not list it.
func noteGroupIntervention(t *model.Trial, arm *model.Arm, name string, typ model.InterventionType, desc string) {
	arm.Interventions = appendUnique(arm.Interventions, name)
	if iv := t.Intervention(name); iv != nil {
		if iv.Type == "" {
			iv.Type = typ
		}
		return
	}
	t.Interventions = append(t.Interventions, model.Intervention{Name: name, Type: typ, Description: desc})
}

func fillDescription(t *model.Trial, name, desc string) {
	if iv := t.Intervention(name); iv != nil && iv.Description == "" {
		iv.Description = desc
	}
}

var labelledEligibility = map[string]bool{
	"Minimum Eligible Age": true, "Maximum Eligible Age": true, "Eligible Sex": true,
	"Accepts Healthy Volunteers": true, "Study Population": true, "Sampling Method": true,
	"Standard Age Groups": true, "Age Groups": true, "Gender Based": true,
}

func readLabelledEligibility(t *model.Trial, ls []line) {
	inc, exc, rest := splitEligibilityHeadings(ls)
	// The labelled values follow the exclusion list directly.
	cut := func(list []line) ([]line, []line) {
		for i, l := range list {
			if labelledEligibility[strings.TrimSuffix(l.text, ":")] {
				return list[:i], list[i:]
			}
		}
		return list, nil
	}
	var tail []line
	if len(exc) > 0 {
		exc, tail = cut(exc)
	} else {
		inc, tail = cut(inc)
	}
	tail = append(tail, rest...)
	e := &t.Eligibility
	e.Inclusion = parseCriteria(inc)
	e.Exclusion = parseCriteria(exc)
	e.Raw = rawCriteria(inc, exc)
	for _, lv := range labelValues(tail, labelledEligibility) {
		v := lv.first()
		switch lv.label {
		case "Minimum Eligible Age":
			e.MinAge = ageOrWarn(t, v)
		case "Maximum Eligible Age":
			e.MaxAge = ageOrWarn(t, v)
		case "Eligible Sex":
			e.Sex, _ = model.ParseSex(v)
		case "Accepts Healthy Volunteers":
			if b, ok := model.ParseYesNo(v); ok {
				e.HealthyVolunteers = &b
			}
		case "Study Population":
			e.StudyPopulation = strings.Join(lv.values, "\n")
		case "Sampling Method":
			e.SamplingMethod, _ = model.ParseSamplingMethod(v)
		}
	}
}

func ageOrWarn(t *model.Trial, s string) string {
	if a, ok := model.ParseAge(s); ok {
		return a
	}
	if s != "" && !strings.EqualFold(s, "N/A") {
		t.Warnings = append(t.Warnings, fmt.Sprintf("age limit %q not understood", s))
	}
	return ""
}

var sponsorRole = regexp.MustCompile(`^Sponsor Role\s+(\S+)`)

// readLabelledSponsors reads blocks of a name, a class and "Sponsor Role lead|collaborator".
func readLabelledSponsors(t *model.Trial, ls []line) {
	var cur model.Sponsor
	for _, l := range texts(ls) {
		if g := sponsorRole.FindStringSubmatch(l); g != nil {
			if strings.EqualFold(g[1], "lead") && t.LeadSponsor.Name == "" {
				t.LeadSponsor = cur
			} else {
				t.Collaborators = append(t.Collaborators, cur)
			}
			cur = model.Sponsor{}
			continue
		}
		if c, ok := model.ParseSponsorClass(l); ok && cur.Name != "" {
			cur.Class = c
			continue
		}
		if cur.Name != "" {
			// A sponsor block without a role line.
			t.Collaborators = append(t.Collaborators, cur)
		}
		cur = model.Sponsor{Name: l}
	}
	if cur.Name != "" {
		t.Collaborators = append(t.Collaborators, cur)
	}
	if t.LeadSponsor.Name == "" && len(t.Collaborators) > 0 {
		t.Warnings = append(t.Warnings, "sponsors: no sponsor is marked lead")
	}
}
