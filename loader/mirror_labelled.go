package loader

import (
	"regexp"
	"slices"
	"strings"

	"github.com/trials-app/trials/model"
)

// The labelled mirror: every value follows its label ("Recruitment Status",
// "Allocation Method", "Minimum Eligible Age"), arms end with "Group Type …",
// interventions with "Intervention Type …" and sponsors with "Sponsor Role …".

var mirrorLabelledLayout = layout{
	format:   model.FormatMirrorLabelled,
	idPrefix: "MR",
	about:    mirrorAbout,
	detect:   func(s *sample) bool { return isMirror(s) && mirrorIsLabelled(s.lines()) },
	parse:    single(parseLabelledMirror),
}

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

func parseLabelledMirror(data []byte) (*model.Trial, error) {
	return parseMirror(data, func(t *model.Trial, d *mirrorDoc) {
		readLabelledBasics(t, d.section("Basic Information"))
		readLabelledDesign(t, d.section("Study Design"))
		readLabelledInterventions(t, d.section("Interventions"))
		readLabelledGroups(t, d.section("Study Groups"))
		readLabelledEligibility(t, d.section("Eligibility Criteria"))
		readLabelledSponsors(t, d.section("Sponsors"))
	})
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
	// An intervention whose type the page leaves out has no "Intervention
	// Type" line to close it: the last one is its name and description,
	// listed with no type.
	if len(block) > 0 {
		t.Interventions = append(t.Interventions, model.Intervention{Name: block[0], Description: strings.Join(block[1:], "\n")})
	}
}

// readLabelledGroups reads arms: a label and description lines closed by
// "Group Type …", then the arm's interventions, each a name closed by
// "Intervention Type …" and followed by its description.
func readLabelledGroups(t *model.Trial, ls []line) {
	vs := texts(ls)
	typed := false
	for _, l := range vs {
		typed = typed || groupTypeLine.MatchString(l)
	}
	if !typed {
		readUntypedGroups(t, vs)
		return
	}
	var pending []string
	var arm *model.Arm
	lastIV := ""
	for _, l := range vs {
		if g := groupTypeLine.FindStringSubmatch(l); g != nil {
			pending = dropInterventionDescription(t, pending, lastIV)
			if arm != nil {
				// Interventions without a type line, which the Interventions
				// section names, belong to the arm before.
				pending = takeKnownInterventions(t, arm, pending)
			}
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
	if arm != nil {
		pending = takeKnownInterventions(t, arm, pending)
	}
	if lastIV != "" && len(pending) > 0 {
		fillDescription(t, lastIV, strings.Join(pending, "\n"))
	}
}

// knownIntervention reports whether vs[i] names an intervention the
// Interventions section listed — followed by its description, if it has
// one — and how many lines it takes.
func knownIntervention(t *model.Trial, vs []string, i int) (*model.Intervention, int) {
	iv := t.Intervention(vs[i])
	if iv == nil {
		return nil, 0
	}
	n := 1
	if i+1 < len(vs) && interventionTypeLine.MatchString(vs[i+1]) {
		n++
	}
	if iv.Description != "" {
		desc := strings.Split(iv.Description, "\n")
		if i+n+len(desc) <= len(vs) && slices.Equal(vs[i+n:i+n+len(desc)], desc) {
			n += len(desc)
		}
	}
	return iv, n
}

// takeKnownInterventions moves the interventions without a type that open
// lines to the arm, returning the lines after them. (One with a type has
// its "Intervention Type" line in the group too, and an arm may be
// labelled like it: "Placebo".)
func takeKnownInterventions(t *model.Trial, arm *model.Arm, vs []string) []string {
	for len(vs) > 0 {
		iv, n := knownIntervention(t, vs, 0)
		if iv == nil || iv.Type != "" {
			break
		}
		arm.Interventions = appendUnique(arm.Interventions, iv.Name)
		vs = vs[n:]
	}
	return vs
}

// readUntypedGroups reads groups printed without "Group Type" lines — an
// observational study's — as a label, then its description, then the
// interventions the Interventions section names. Nothing marks where a
// group's description ends and the next group begins, so a short line
// without a full stop (a label's shape) starts the next group; a group
// whose whole description is that short reads as two groups.
func readUntypedGroups(t *model.Trial, vs []string) {
	var arm *model.Arm
	for i := 0; i < len(vs); {
		if arm != nil {
			if iv, n := knownIntervention(t, vs, i); iv != nil {
				arm.Interventions = appendUnique(arm.Interventions, iv.Name)
				i += n
				continue
			}
			if i+1 < len(vs) {
				if g := interventionTypeLine.FindStringSubmatch(vs[i+1]); g != nil {
					typ, _ := model.ParseInterventionType(g[1])
					noteGroupIntervention(t, arm, vs[i], typ, "")
					i += 2
					continue
				}
			}
			if arm.Description != "" && !labelShaped(vs[i]) || arm.Description == "" && len(arm.Interventions) == 0 && !labelShaped(vs[i]) {
				arm.Description = joinText(arm.Description, vs[i])
				i++
				continue
			}
		}
		t.Arms = append(t.Arms, model.Arm{Label: vs[i]})
		arm = &t.Arms[len(t.Arms)-1]
		i++
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
		if len(desc) <= len(pending) && slices.Equal(pending[:len(desc)], desc) {
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

func fillDescription(t *model.Trial, name, desc string) {
	if iv := t.Intervention(name); iv != nil && iv.Description == "" {
		iv.Description = desc
	}
}

var labelledEligibility = map[string]eligField{
	"Minimum Eligible Age": eligMinAge, "Maximum Eligible Age": eligMaxAge, "Eligible Sex": eligSex,
	"Accepts Healthy Volunteers": eligHealthyVolunteers, "Study Population": eligStudyPopulation,
	"Sampling Method": eligSamplingMethod, "Standard Age Groups": eligOther, "Age Groups": eligOther,
	"Gender Based": eligOther,
}

func readLabelledEligibility(t *model.Trial, ls []line) {
	rest, inc, exc := splitCriteria(ls)
	before, rest := cutAtLabel(rest, labelledEligibility)
	inc = criteriaBeforeHeading(before, inc)
	// The labelled values follow the exclusion list directly.
	var tail []line
	if len(exc) > 0 {
		exc, tail = cutAtLabel(exc, labelledEligibility)
	} else {
		inc, tail = cutAtLabel(inc, labelledEligibility)
	}
	setCriteria(&t.Eligibility, inc, exc)
	for _, lv := range labelValues(append(tail, rest...), labelledEligibility) {
		setEligField(t, labelledEligibility[lv.label], lv)
	}
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
