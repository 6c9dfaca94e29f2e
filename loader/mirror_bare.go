package loader

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/trials-app/trials/model"
)

// The bare mirror: the same page as the labelled one, but its values have
// lost their labels — "Basic Information" is a column of bare lines
// ("RECRUITING", "PHASE2", "122 participants", "INTERVENTIONAL", two dates),
// arms carry no "Group Type", interventions no "Intervention Type", sponsors
// no "Sponsor Role". Values are recognised by their shape, never by their
// position, so a missing value cannot shift the others into the wrong field.

var mirrorBareLayout = layout{
	format:   model.FormatMirrorBare,
	idPrefix: "MR",
	about:    mirrorAbout,
	detect:   func(s *sample) bool { return isMirror(s) && !mirrorIsLabelled(s.lines()) },
	parse:    single(parseBareMirror),
}

var enrollmentShape = regexp.MustCompile(`(?i)^\d[\d,]*\s+(participants?|patients?|subjects?)(\s*\((actual|anticipated|estimated)\))?$`)

func parseBareMirror(data []byte) (*model.Trial, error) {
	return parseMirror(data, func(t *model.Trial, d *mirrorDoc) {
		readBareBasics(t, d.section("Basic Information"))
		readBareDesign(t, d.section("Study Design"))
		readBareInterventions(t, d.section("Interventions"), d.section("Study Groups"))
		readBareGroups(t, d.section("Study Groups"))
		readBareEligibility(t, d.section("Eligibility Criteria"))
		readBareSponsors(t, d.section("Sponsors"))
	})
}

func readBareBasics(t *model.Trial, ls []line) {
	var dates []string
	for _, v := range texts(ls) {
		if st, ok := model.ParseStatus(v); ok && t.Status == "" {
			t.Status = st
			continue
		}
		if ps, ok := model.ParsePhases(v); ok && len(t.Phases) == 0 && isPhaseShaped(v) {
			t.Phases = ps
			continue
		}
		if ty, ok := model.ParseStudyType(v); ok && t.StudyType == "" {
			t.StudyType = ty
			continue
		}
		if d, ok := model.ParseDate(v); ok {
			dates = append(dates, d)
			continue
		}
		if t.Enrollment == nil && enrollmentShape.MatchString(v) {
			setEnrollment(t, v)
			continue
		}
		t.Warnings = append(t.Warnings, fmt.Sprintf("basic information: value %q not recognised", v))
	}
	// The mirror lists the start date, then (when it has one) the primary
	// completion date, then the completion date.
	switch len(dates) {
	case 0:
	case 1:
		t.StartDate = dates[0]
	case 2:
		t.StartDate, t.CompletionDate = dates[0], dates[1]
	default:
		t.StartDate, t.PrimaryCompletionDate, t.CompletionDate = dates[0], dates[1], dates[2]
		if len(dates) > 3 {
			t.Warnings = append(t.Warnings, fmt.Sprintf("basic information: %d dates, only the first three read", len(dates)))
		}
	}
}

func readBareDesign(t *model.Trial, ls []line) {
	d := &t.Design
	last := ""
	var masking string
	var modelDesc, afterMasking []string
	for _, v := range texts(ls) {
		switch {
		case d.Allocation == "" && parses(model.ParseAllocation, v):
			d.Allocation, _ = model.ParseAllocation(v)
			last = "allocation"
		case d.InterventionModel == "" && parses(model.ParseInterventionModel, v):
			d.InterventionModel, _ = model.ParseInterventionModel(v)
			last = "model"
		// The bare values are the registry's enums, in capitals: "Single
		// Group Assignment" after the model is its description, not a
		// masking.
		case masking == "" && isMaskingShaped(v) && v == strings.ToUpper(v):
			masking = v
			last = "masking"
		case d.PrimaryPurpose == "" && t.StudyType != model.StudyObservational && parses(model.ParsePrimaryPurpose, v):
			d.PrimaryPurpose, _ = model.ParsePrimaryPurpose(v)
			last = "purpose"
		case d.ObservationalModel == "" && parses(model.ParseObservationalModel, v):
			d.ObservationalModel, _ = model.ParseObservationalModel(v)
			last = "observational model"
		case d.TimePerspective == "" && parses(model.ParseTimePerspective, v):
			d.TimePerspective, _ = model.ParseTimePerspective(v)
			last = "time perspective"
		case last == "masking":
			afterMasking = append(afterMasking, v)
		case last == "model":
			modelDesc = append(modelDesc, v)
		default:
			t.Warnings = append(t.Warnings, fmt.Sprintf("study design: value %q not recognised", v))
		}
	}
	d.InterventionModelDescription = strings.Join(modelDesc, "\n")
	if masking != "" {
		readMasking(d, masking, afterMasking)
	}
}

// readBareInterventions reads each intervention as a name and its
// description: one line, and the lines after it that continue it — list
// items ("* Active Substance: …", "1. EHR tools …") and the lines after one
// that ends in a colon. A name never opens with a list marker. An
// intervention may have no description: a short line the Study Groups
// list too, but never right after this name ("Topotecan", not "Given
// IV"), is the next name.
func readBareInterventions(t *model.Trial, ls, groups []line) {
	vs := texts(ls)
	gs := texts(groups)
	inGroups, follows := map[string]bool{}, map[[2]string]bool{}
	for i, g := range gs {
		inGroups[g] = true
		if i > 0 {
			follows[[2]string{gs[i-1], g}] = true
		}
	}
	nextName := func(name, line string) bool {
		return labelShaped(line) && inGroups[line] && !follows[[2]string{name, line}]
	}
	for i := 0; i < len(vs); {
		iv := model.Intervention{Name: vs[i]}
		if typ, name, ok := typedName(vs[i], model.ParseInterventionType); ok {
			iv.Type, iv.Name = typ, name
		}
		name := vs[i]
		i++
		var desc []string
		for i < len(vs) && (len(desc) == 0 && !nextName(name, vs[i]) || len(desc) > 0 && continuesDescription(desc[len(desc)-1], vs[i])) {
			desc = append(desc, vs[i])
			i++
		}
		iv.Description = strings.Join(desc, "\n")
		t.Interventions = append(t.Interventions, iv)
	}
}

// continuesDescription reports whether line goes on with a description
// whose last line was prev: a list item, or anything after a colon.
func continuesDescription(prev, line string) bool {
	m, _ := parseMarker(line)
	return m.style != stylePlain || strings.HasSuffix(prev, ":")
}

// readBareGroups reads arms as a label, a description, and then the
// interventions the Interventions section names, each with its
// description. A line is an intervention only if it names one and (when
// that intervention has a description) its description follows — so an
// arm labelled like one of its drugs is still read as an arm. An arm's
// description may run over several lines before its interventions: list
// items, lines after a colon, and sentences (a line too long, or ending in
// a full stop, to be the next arm's label).
func readBareGroups(t *model.Trial, ls []line) {
	vs := texts(ls)
	var arm *model.Arm
	// The registry lets interventions share a name ("AKB-6548" three
	// times, one description each): any of them may be the one here.
	isIntervention := func(i int) (*model.Intervention, int) {
		var named *model.Intervention
		for k := range t.Interventions {
			iv := &t.Interventions[k]
			if !strings.EqualFold(iv.Name, vs[i]) {
				continue
			}
			named = iv
			if iv.Description == "" {
				return iv, 1
			}
			desc := strings.Split(iv.Description, "\n")
			if i+1+len(desc) <= len(vs) && slices.Equal(vs[i+1:i+1+len(desc)], desc) {
				return iv, 1 + len(desc)
			}
		}
		if named != nil && i+1 >= len(vs) {
			return named, 1
		}
		return nil, 0
	}
	for i := 0; i < len(vs); {
		if arm != nil {
			if iv, n := isIntervention(i); iv != nil {
				arm.Interventions = appendUnique(arm.Interventions, iv.Name)
				i += n
				continue
			}
		}
		t.Arms = append(t.Arms, model.Arm{Label: vs[i]})
		arm = &t.Arms[len(t.Arms)-1]
		i++
		var desc []string
		for i < len(vs) {
			if iv, _ := isIntervention(i); iv != nil {
				break
			}
			if len(desc) > 0 && !continuesDescription(desc[len(desc)-1], vs[i]) && labelShaped(vs[i]) {
				break
			}
			desc = append(desc, vs[i])
			i++
		}
		arm.Description = strings.Join(desc, "\n")
	}
}

// readBareEligibility reads the criteria lists, then the unlabelled age
// limits, sex and healthy-volunteer answer that follow the last criterion.
func readBareEligibility(t *model.Trial, ls []line) {
	rest, inc, exc := splitCriteria(ls)
	// Lines before the headings are criteria too (a page may put one above
	// its "Inclusion Criteria" heading), but for the bare values.
	var restValues []string
	var before []line
	for _, l := range rest {
		if !l.blank() && isEligibilityValue(l.text) {
			restValues = append(restValues, l.text)
		} else {
			before = append(before, l)
		}
	}
	inc = criteriaBeforeHeading(before, inc)
	list := &exc
	if len(exc) == 0 {
		list = &inc
	}
	// Values after the list: lines without a list marker whose shape is an
	// age, a sex or a yes/no, taken from the end.
	var tail []string
	for len(*list) > 0 {
		l := (*list)[len(*list)-1]
		if l.blank() {
			*list = (*list)[:len(*list)-1]
			continue
		}
		if m, _ := parseMarker(l.text); m.style != stylePlain || !isEligibilityValue(l.text) {
			break
		}
		tail = append([]string{l.text}, tail...)
		*list = (*list)[:len(*list)-1]
	}
	tail = append(tail, restValues...)
	e := &t.Eligibility
	setCriteria(e, inc, exc)
	var ages []string
	for _, v := range tail {
		if a, ok := model.ParseAge(v); ok && strings.ContainsAny(v, "YyMmWwDdHh") {
			ages = append(ages, a)
		} else if s, ok := model.ParseSex(v); ok && e.Sex == "" {
			e.Sex = s
		} else if b, ok := model.ParseYesNo(v); ok && e.HealthyVolunteers == nil {
			e.HealthyVolunteers = &b
		}
	}
	// One bare age cannot say which limit it is; the mirror prints the
	// minimum first and leaves out an absent limit, and a minimum alone is
	// far the commoner.
	if len(ages) > 0 {
		e.MinAge = ages[0]
	}
	if len(ages) == 1 {
		t.Warnings = append(t.Warnings, "eligibility: the page gives one age limit without saying which ("+ages[0]+"); read as the minimum age")
	}
	if len(ages) > 1 {
		e.MaxAge = ages[1]
	}
}

func isEligibilityValue(s string) bool {
	if a, ok := model.ParseAge(s); ok && a != "" && strings.ContainsAny(s, "YyMmWwDdHh") {
		return true
	}
	if _, ok := model.ParseSex(s); ok {
		return true
	}
	_, ok := model.ParseYesNo(s)
	return ok
}

// readBareSponsors reads name and class pairs. The mirror lists the
// collaborators first and the lead sponsor last (the labelled variant, which
// marks the roles, shows the same order).
func readBareSponsors(t *model.Trial, ls []line) {
	var all []model.Sponsor
	for _, v := range texts(ls) {
		if c, ok := model.ParseSponsorClass(v); ok && len(all) > 0 && all[len(all)-1].Class == "" {
			all[len(all)-1].Class = c
			continue
		}
		all = append(all, model.Sponsor{Name: v})
	}
	if len(all) == 0 {
		return
	}
	t.LeadSponsor = all[len(all)-1]
	t.Collaborators = append(t.Collaborators, all[:len(all)-1]...)
}
