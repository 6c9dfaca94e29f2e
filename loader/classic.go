package loader

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/trials-app/trials/model"
)

// The classic ClinicalTrials.gov study page, as scraped: a header block
// (Sponsor, Overall Status, CT.gov ID, Collaborator), then "Study Details"
// with labelled fields ("Study Type:" on one line, its value on the next),
// the "Arms and Interventions" table flattened to lines, numbered outcome
// measures with the time frame in brackets, bulleted criteria, and a
// locations table whose rows have become single lines.
//
// Two scrape artefacts are repaired: the intervention that follows an "Other
// Names:" list is printed as one more bullet of that list ("• Drug: PD-1"),
// with everything after it indented; and location rows run facility, city,
// state, country and postal code together on one line.

var classicLayout = layout{
	format:   model.FormatClassic,
	idPrefix: "CT",
	about:    "a classic ClinicalTrials.gov study page",
	detect: func(s *sample) bool {
		return (s.hasLine("Study Details") || s.hasLine("Arms and Interventions") && s.hasLine("Eligibility Criteria")) &&
			(s.hasLine("CT.gov ID") || s.hasLine("ClinicalTrials.gov Identifier:"))
	},
	parse: single(parseClassic),
}

var classicSections = map[string]bool{
	"Study Details": true, "Study Description": true, "Brief Summary": true,
	"Detailed Description": true, "Condition or Disease Intervention/Treatment Phase": true,
	"Study Design": true, "Arms and Interventions": true, "Groups and Cohorts": true,
	"Outcome Measures": true, "Eligibility Criteria": true, "Contacts and Locations": true,
	"Sponsors and Collaborators": true, "Investigators": true, "Study Documents (Full-Text)": true,
	"More Information": true, "Publications": true, "Publications of Results": true,
	"Study Results": true,
}

func parseClassic(data []byte) (*model.Trial, error) {
	ls := splitLines(data)
	secs := splitSections(ls, func(i int) (string, bool) {
		t := ls[i].text
		return t, classicSections[t]
	})
	if _, ok := find(secs, "More Information"); !ok {
		if _, ok := find(secs, "Study Results"); !ok {
			return nil, fmt.Errorf("%w: the page ends after the %q section, before \"More Information\"", ErrTruncated, secs[len(secs)-1].name)
		}
	}
	t := &model.Trial{}
	readClassicHead(t, secs[0].lines)
	get := func(name string) []line { s, _ := find(secs, name); return s.lines }
	t.BriefSummary = prose(get("Brief Summary"))
	t.DetailedDescription = prose(get("Detailed Description"))
	readClassicConditionTable(t, get("Condition or Disease Intervention/Treatment Phase"))
	readClassicDesign(t, get("Study Design"))
	if s, ok := find(secs, "Arms and Interventions"); ok {
		readClassicArms(t, s.lines, false)
	} else if s, ok := find(secs, "Groups and Cohorts"); ok {
		readClassicArms(t, s.lines, true)
	}
	t.Arms = mergeRepeatedArms(t.Arms)
	readClassicOutcomes(t, get("Outcome Measures"))
	readClassicEligibility(t, get("Eligibility Criteria"))
	readClassicLocations(t, get("Contacts and Locations"))
	readClassicSponsors(t, get("Sponsors and Collaborators"))
	readClassicInvestigators(t, get("Investigators"))
	// "Publications" is a heading inside "More Information"; the fields
	// after it belong to More Information all the same.
	more := append(append([]line{}, get("More Information")...), get("Publications")...)
	readClassicMoreInformation(t, append(more, get("Publications of Results")...))
	// "No Results Posted as of …" says there are none; a posted result
	// shows its tables.
	for _, l := range texts(get("Study Results")) {
		if strings.HasPrefix(l, "Results First Posted") || l == "Participant Flow" || l == "Baseline Characteristics" {
			t.HasResults = true
		}
	}
	linkArmsAndInterventions(t)
	if t.Title == "" {
		return nil, fmt.Errorf("%w: classic study page without a title", ErrNotTrial)
	}
	return t, nil
}

// classicLabelled splits lines into "Label:" / "Label :" fields and their
// values (which may also stand on the label's own line: "Label: value").
func classicLabelled(ls []line) []labelValue {
	return groupLabelled(ls, func(s string) (string, string, bool) {
		if label, ok := classicLabel(s); ok {
			return label, "", true
		}
		return inlineLabel(s)
	})
}

// classicLabel recognises a line that is only a label: "Study Type:".
func classicLabel(s string) (string, bool) {
	if !strings.HasSuffix(s, ":") {
		return "", false
	}
	label := strings.TrimSpace(strings.TrimSuffix(s, ":"))
	if strings.HasPrefix(label, "Publications automatically indexed") {
		return label, true // the longest label the page has
	}
	if label == "" || len(strings.Fields(label)) > 9 || strings.ContainsAny(label, ".;") {
		return "", false
	}
	if r := firstRune(label); !(r >= 'A' && r <= 'Z') {
		return "", false
	}
	return label, true
}

var inlineLabels = map[string]bool{
	"Ages Eligible for Study": true, "Sexes Eligible for Study": true, "Accepts Healthy Volunteers": true,
	"Study Type": true, "Allocation": true, "Intervention Model": true, "Masking": true,
	"Primary Purpose": true, "Sampling Method": true, "Gender Based": true,
}

// inlineLabel recognises "Ages Eligible for Study: 18 Years and older" for
// the labels that older pages print on one line.
func inlineLabel(s string) (string, string, bool) {
	label, value, ok := splitLabel(s)
	if !ok || !inlineLabels[label] || value == "" {
		return "", "", false
	}
	return label, value, true
}

var headLabels = map[string]bool{
	"Sponsor": true, "Overall Status": true, "CT.gov ID": true, "Collaborator": true,
	"Collaborators": true, "Information provided by (Responsible Party)": true,
	"Last Update Posted": true, "First Posted": true, "Recruitment Status": true,
}

func readClassicHead(t *model.Trial, ls []line) {
	nb := nonBlankLines(ls)
	if len(nb) == 0 {
		return
	}
	t.Title = nb[0].text
	for _, lv := range labelValues(nb[1:], headLabels) {
		v := lv.first()
		switch lv.label {
		case "Sponsor":
			t.LeadSponsor = splitSponsorClass(v)
		case "Overall Status", "Recruitment Status":
			setStatus(t, v)
		case "CT.gov ID":
			if model.IsNCTID(v) {
				t.NCTID = v
			}
		case "Collaborator", "Collaborators":
			for _, c := range lv.values {
				if isFigure(c) {
					break // the header's unlabelled figures follow
				}
				t.Collaborators = append(t.Collaborators, splitSponsorClass(c))
			}
		}
	}
}

// isFigure reports a value made of digits (and dots): the header's
// unlabelled figures, which follow its collaborators.
func isFigure(s string) bool {
	return s != "" && strings.Trim(s, "0123456789.") == ""
}

var trailingPhase = regexp.MustCompile(`(?i)\s*((?:early\s+)?phase\s*[0-4i/ |,]+(?:\s*phase\s*[1-4]+)*|not applicable)\s*$`)

// readClassicConditionTable reads the flattened "Condition or Disease |
// Intervention/Treatment | Phase" table: conditions, then typed
// interventions ("Drug: Regorafenib"), then the phase.
func readClassicConditionTable(t *model.Trial, ls []line) {
	for _, s := range texts(ls) {
		if g := trailingPhase.FindStringSubmatchIndex(s); g != nil {
			setPhases(t, s[g[2]:g[3]])
			s = strings.TrimSpace(s[:g[0]])
		}
		if s == "" {
			continue
		}
		if typ, name, ok := typedName(s, model.ParseInterventionType); ok {
			if t.Intervention(name) == nil {
				t.Interventions = append(t.Interventions, model.Intervention{Name: name, Type: typ})
			}
			continue
		}
		t.Conditions = appendUnique(t.Conditions, s)
	}
}

var (
	enrollmentLabel = regexp.MustCompile(`^(?:(Actual|Anticipated|Estimated)\s+)?Enrollment$`)
	dateLabel       = regexp.MustCompile(`^(?:(Actual|Anticipated|Estimated)\s+)?(Study Start|Primary Completion|Study Completion)(?: Date)?$`)
)

func readClassicDesign(t *model.Trial, ls []line) {
	d := &t.Design
	for _, lv := range classicLabelled(ls) {
		v := lv.first()
		all := strings.Join(lv.values, "\n")
		if g := enrollmentLabel.FindStringSubmatch(lv.label); g != nil {
			setEnrollment(t, v)
			if g[1] != "" {
				t.EnrollmentType, _ = model.ParseDateType(g[1])
			}
			continue
		}
		if g := dateLabel.FindStringSubmatch(lv.label); g != nil {
			typ, _ := model.ParseDateType(g[1])
			switch g[2] {
			case "Study Start":
				setDate(t, &t.StartDate, v, "start")
				t.StartDateType = typ
			case "Primary Completion":
				setDate(t, &t.PrimaryCompletionDate, v, "primary completion")
				t.PrimaryCompletionDateType = typ
			case "Study Completion":
				setDate(t, &t.CompletionDate, v, "completion")
				t.CompletionDateType = typ
			}
			continue
		}
		switch lv.label {
		case "Study Type":
			setStudyType(t, v)
		case "Allocation":
			d.Allocation, _ = model.ParseAllocation(v)
		case "Intervention Model":
			d.InterventionModel, _ = model.ParseInterventionModel(v)
		case "Intervention Model Description":
			d.InterventionModelDescription = all
		case "Masking":
			d.Masking, d.WhoMasked, _ = model.ParseMasking(v)
		case "Masking Description":
			d.MaskingDescription = all
		case "Primary Purpose":
			d.PrimaryPurpose, _ = model.ParsePrimaryPurpose(v)
		case "Observational Model":
			d.ObservationalModel, _ = model.ParseObservationalModel(v)
		case "Time Perspective":
			d.TimePerspective, _ = model.ParseTimePerspective(v)
		case "Official Title":
			t.OfficialTitle = strings.Join(lv.values, " ")
		case "Acronym", "Study Acronym":
			t.Acronym = v
		case "Phase":
			setPhases(t, strings.Join(lv.values, " "))
		}
	}
}

// readClassicArms reads the flattened arms table. Arms are "Type: Label"
// lines (or, for observational groups, untyped lines) followed by a blank
// line and a description; interventions are "Type: Name" lines followed
// directly by their description and an optional "Other Names:" list.
func readClassicArms(t *model.Trial, ls []line, groups bool) {
	var arm *model.Arm
	var iv *model.Intervention
	const (
		inArm = iota
		inIntervention
		inOtherNames
		afterIntervention
	)
	mode := inArm
	nextBlank := func(i int) bool { return i+1 < len(ls) && ls[i+1].blank() }
	startArm := func(label string, typ model.ArmType) {
		t.Arms = append(t.Arms, model.Arm{Label: label, Type: typ})
		arm = &t.Arms[len(t.Arms)-1]
		iv = nil
		mode = inArm
	}
	startIntervention := func(name string, typ model.InterventionType) {
		if arm == nil {
			startArm("", "")
		}
		arm.Interventions = appendUnique(arm.Interventions, name)
		iv = t.Intervention(name)
		if iv == nil {
			t.Interventions = append(t.Interventions, model.Intervention{Name: name, Type: typ})
			iv = &t.Interventions[len(t.Interventions)-1]
		} else if iv.Type == "" {
			iv.Type = typ
		}
		mode = inIntervention
		// The same intervention listed under a second arm repeats its
		// description; keep the first.
		if iv.Description != "" {
			mode = afterIntervention
		}
	}
	for i, l := range ls {
		text := l.text
		if text == "" {
			if mode == inIntervention {
				mode = afterIntervention
			}
			continue
		}
		if text == "Arm Intervention/Treatment" || text == "Group/Cohort Intervention/Treatment" {
			continue
		}
		if text == "Other Names:" {
			mode = inOtherNames
			continue
		}
		bulleted := false
		if mode == inOtherNames {
			if rest, ok := cutBullet(text); ok {
				text, bulleted = rest, true
			}
		}
		armType, armLabel, isArm := typedName(text, model.ParseArmType)
		ivType, ivName, isIV := typedName(text, model.ParseInterventionType)
		if isArm && isIV {
			// "Other:" names both an arm type and an intervention type. An
			// intervention's name is followed directly by its description,
			// an arm's label by a blank line and its description — or, for
			// an intervention without one, by the next typed line; then the
			// interventions the table's header listed are interventions.
			switch {
			case !nextBlank(i):
				isArm = false
			case arm != nil && t.Intervention(ivName) != nil && !nextIsProse(ls, i):
				isArm = false
			default:
				isIV = false
			}
		}
		switch {
		case isArm:
			startArm(armLabel, armType)
		case isIV:
			startIntervention(ivName, ivType)
		case mode == inOtherNames && bulleted:
			if iv != nil {
				iv.OtherNames = appendUnique(iv.OtherNames, text)
			}
		case groups && arm != nil && (mode == afterIntervention || (mode == inArm && arm.Description != "")):
			startArm(text, "")
		case arm == nil:
			if groups {
				startArm(text, "")
			} else {
				t.Warnings = append(t.Warnings, fmt.Sprintf("arms: text before the first arm not read: %q", text))
			}
		case mode == inArm:
			arm.Description = joinText(arm.Description, text)
		case mode == inIntervention, mode == inOtherNames:
			if iv != nil {
				iv.Description = joinText(iv.Description, text)
			}
			mode = inIntervention
		case mode == afterIntervention:
			if iv != nil && !strings.Contains(iv.Description, text) {
				iv.Description = joinText(iv.Description, text)
			}
		}
	}
}

// mergeRepeatedArms keeps one of an arm the table printed twice, once
// under its short label with nothing else and once under the long one
// ("Experimental: Control", then "Experimental: Control: standard
// reminders" with the description and interventions): the long label,
// which loses no word, with what was listed under either.
func mergeRepeatedArms(arms []model.Arm) []model.Arm {
	empty := func(a model.Arm) bool { return a.Description == "" && len(a.Interventions) == 0 }
	extends := func(long, short string) bool {
		rest, ok := strings.CutPrefix(long, short)
		return ok && short != "" && (strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, " -") || strings.HasPrefix(rest, " ("))
	}
	out := arms[:0:0]
	for _, a := range arms {
		merged := false
		for i := range out {
			b := &out[i]
			if a.Type != b.Type && a.Type != "" && b.Type != "" {
				continue
			}
			switch {
			case empty(*b) && extends(a.Label, b.Label):
				typ := b.Type
				*b = a
				if b.Type == "" {
					b.Type = typ
				}
				merged = true
			case empty(a) && (extends(b.Label, a.Label) || a.Label == b.Label):
				merged = true
			}
			if merged {
				break
			}
		}
		if !merged {
			out = append(out, a)
		}
	}
	return out
}

// nextIsProse reports whether the next text after line i is a description
// rather than another typed arm or intervention line or a heading.
func nextIsProse(ls []line, i int) bool {
	next := nextText(ls, i)
	if next == "" || classicSections[next] {
		return false
	}
	_, _, arm := typedName(next, model.ParseArmType)
	_, _, iv := typedName(next, model.ParseInterventionType)
	return !arm && !iv
}

var (
	numberedItem = regexp.MustCompile(`^(\d{1,3})\.\s+(.*)$`)
	timeFrameRe  = regexp.MustCompile(`\[\s*(?:Time Frame:\s*)?([^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*)\s*\]\s*$`)
)

// readClassicOutcomes reads numbered measures "1. Measure [Time frame]",
// each followed by its description, under "Primary/Secondary/Other Outcome
// Measures".
func readClassicOutcomes(t *model.Trial, ls []line) {
	var list *[]model.Outcome
	var cur *model.Outcome
	for _, l := range ls {
		if l.blank() {
			continue
		}
		switch {
		case strings.HasPrefix(l.text, "Primary Outcome Measure"):
			list, cur = &t.Outcomes.Primary, nil
			continue
		case strings.HasPrefix(l.text, "Secondary Outcome Measure"):
			list, cur = &t.Outcomes.Secondary, nil
			continue
		case strings.HasPrefix(l.text, "Other Outcome Measure"):
			list, cur = &t.Outcomes.Other, nil
			continue
		}
		if list == nil {
			continue
		}
		if g := numberedItem.FindStringSubmatch(l.text); g != nil {
			*list = append(*list, splitMeasure(g[2]))
			cur = &(*list)[len(*list)-1]
			continue
		}
		if cur != nil {
			cur.Description = joinText(cur.Description, l.text)
		}
	}
}

// splitMeasure reads "Overall survival (OS) [Up to 36 months.]".
func splitMeasure(s string) model.Outcome {
	if loc := timeFrameRe.FindStringSubmatchIndex(s); loc != nil && loc[0] > 0 {
		return model.Outcome{Measure: strings.TrimSpace(s[:loc[0]]), TimeFrame: strings.TrimSpace(s[loc[2]:loc[3]])}
	}
	return model.Outcome{Measure: s}
}

var classicEligibility = map[string]eligField{
	"Ages Eligible for Study": eligAgeRange, "Sexes Eligible for Study": eligSex,
	"Sexes Eligible": eligSex, "Gender": eligSex, "Accepts Healthy Volunteers": eligHealthyVolunteers,
	"Study Population": eligStudyPopulation, "Sampling Method": eligSamplingMethod,
}

func readClassicEligibility(t *model.Trial, ls []line) {
	e := &t.Eligibility
	// The labelled fields come first; the criteria start at the first
	// inclusion or exclusion heading — or, on a page without one, at the
	// first list item, all read as inclusion criteria.
	start := -1
	for i, l := range ls {
		if _, _, ok := criteriaHeading(l.text); ok {
			start = i
			break
		}
	}
	if start < 0 {
		for i, l := range ls {
			if m, _ := parseMarker(l.text); m.style != stylePlain {
				start = i
				break
			}
		}
		if start >= 0 {
			t.Warnings = append(t.Warnings, "eligibility: the criteria have no inclusion or exclusion heading; all are listed as inclusion criteria")
		} else {
			start = len(ls)
		}
	}
	for _, lv := range classicLabelled(ls[:start]) {
		setEligField(t, classicEligibility[lv.label], lv)
	}
	inc, exc := splitInclusionExclusion(ls[start:])
	setCriteria(e, inc, exc)
}

var locationRow = regexp.MustCompile(`^(\d{1,4})\s+(\S.*)$`)

// contactLine is a person the page names to ask: "Contact: NAME PHONE
// EMAIL", or a site's "Principal Investigator: NAME".
var contactLine = regexp.MustCompile(`^(Contact|Principal Investigator|Sub-Investigator|Study Chair|Study Director):\s*(.+)$`)

// readClassicLocations reads the central contacts above the sites, then
// the sites table, one run-together row per line, each row's contacts on
// the lines after it.
func readClassicLocations(t *model.Trial, ls []line) {
	inTable := false
	for _, l := range texts(ls) {
		if g := contactLine.FindStringSubmatch(l); g != nil {
			c := splitContact(g[2])
			if g[1] != "Contact" {
				c.Role = roleEnum(g[1])
			}
			switch {
			case !inTable:
				t.CentralContacts = append(t.CentralContacts, c)
			case len(t.Locations) > 0:
				loc := &t.Locations[len(t.Locations)-1]
				loc.Contacts = append(loc.Contacts, c)
			}
			continue
		}
		switch {
		case strings.HasPrefix(l, "Site City") || l == "Locations" || l == "Contacts":
			inTable = strings.HasPrefix(l, "Site City") || inTable
			continue
		}
		if g := locationRow.FindStringSubmatch(l); g != nil && inTable {
			t.Locations = append(t.Locations, splitLocationRow(g[2]))
			continue
		}
		// The older page lists a facility line then "City, State, Country, Zip".
		if loc, ok := parseAddress(l); ok && len(t.Locations) > 0 && t.Locations[len(t.Locations)-1].Country == "" {
			loc.Facility = t.Locations[len(t.Locations)-1].Facility
			t.Locations[len(t.Locations)-1] = loc
			continue
		}
		if !inTable && looksLikeFacility(l) {
			t.Locations = append(t.Locations, model.Location{Facility: l})
		}
	}
}

var (
	emailAt    = regexp.MustCompile(`\s*(\S+@\S+\.\w+)$`)
	phoneStart = regexp.MustCompile(`\s(\+?\(?\d{2,}[\d\s().\-/]{4,}.*)$`)
)

// splitContact reads "Daiichi Sankyo Contact for Clinical Trial Information
// +81-3-6225-1111 (M-F 9-5 JST) dsclinicaltrial@daiichisankyo.co.jp": the
// name, then the telephone (and whatever note follows it), then the email.
func splitContact(s string) model.Contact {
	c := model.Contact{Role: "CONTACT"}
	if g := emailAt.FindStringSubmatchIndex(s); g != nil {
		c.Email = s[g[2]:g[3]]
		s = s[:g[0]]
	}
	if g := phoneStart.FindStringSubmatchIndex(s); g != nil {
		c.Phone = strings.TrimSpace(s[g[2]:g[3]])
		s = s[:g[0]]
	}
	// "Cindy Hunt, RN Phone: 416-…": the label is neither name nor number.
	c.Name = strings.TrimSpace(phoneLabel.ReplaceAllString(s, ""))
	return c
}

var phoneLabel = regexp.MustCompile(`(?i)[\s,;]*\b(phone|telephone|tel|email|e-mail)\s*:?\s*$`)

// readClassicSponsors reads the "Sponsors and Collaborators" bullets: the
// sponsor first, then collaborators. The header block, which also gives each
// one's class, takes precedence.
func readClassicSponsors(t *model.Trial, ls []line) {
	var names []string
	for _, l := range texts(ls) {
		if rest, ok := cutBullet(l); ok {
			names = append(names, rest)
		} else {
			names = append(names, l)
		}
	}
	if len(names) == 0 {
		return
	}
	if t.LeadSponsor.Name == "" {
		t.LeadSponsor = splitSponsorClass(names[0])
	}
	for _, n := range names[1:] {
		s := splitSponsorClass(n)
		known := sameOrganisation(s.Name, t.LeadSponsor.Name)
		for _, c := range t.Collaborators {
			known = known || sameOrganisation(c.Name, s.Name)
		}
		if !known {
			t.Collaborators = append(t.Collaborators, s)
		}
	}
}

func readClassicInvestigators(t *model.Trial, ls []line) {
	for _, l := range texts(ls) {
		l, _ = cutBullet(l)
		role, rest, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		name, aff := splitNameAffiliation(strings.TrimSpace(rest))
		t.Investigators = append(t.Investigators, model.Investigator{Name: name, Role: roleEnum(role), Affiliation: aff})
	}
}

var keywordsLabel = regexp.MustCompile(`^Keywords provided by .*`)

func readClassicMoreInformation(t *model.Trial, ls []line) {
	var ids []model.SecondaryID
	for _, lv := range classicLabelled(ls) {
		v := lv.first()
		switch {
		case lv.label == "ClinicalTrials.gov Identifier":
			if t.NCTID == "" && model.IsNCTID(v) {
				t.NCTID = v
			}
		case lv.label == "Other Study ID Numbers":
			for _, x := range lv.values {
				x, _ = cutBullet(x)
				ids = append(ids, model.SecondaryID{ID: x})
			}
		case lv.label == "First Posted":
			date, _ := cutDateType(v)
			setDate(t, &t.FirstPosted, date, "first posted")
		case lv.label == "Last Update Posted":
			date, _ := cutDateType(v)
			setDate(t, &t.LastUpdated, date, "last update posted")
		case lv.label == "Last Verified":
			t.StatusVerified = verifiedMonth(t, v)
		case lv.label == "Publications of Results", lv.label == "Publications", lv.label == "General Publications",
			strings.HasPrefix(lv.label, "Publications automatically indexed"):
			typ := ""
			switch {
			case lv.label == "Publications of Results":
				typ = "RESULT"
			case strings.HasPrefix(lv.label, "Publications automatically indexed"):
				typ = "DERIVED"
			}
			for _, x := range lv.values {
				if x, _ = cutBullet(x); x != "" && x != "None provided." {
					t.References = appendReference(t.References, model.Reference{Citation: x, Type: typ})
				}
			}
		case keywordsLabel.MatchString(lv.label):
			for _, x := range lv.values {
				x, _ = cutBullet(x)
				t.Keywords = appendUnique(t.Keywords, x)
			}
		}
	}
	if len(ids) > 0 {
		// The page lists the sponsor's own id first.
		t.OrgStudyID = ids[0].ID
		t.SecondaryIDs = orderIdentifiers(t.OrgStudyID, ids)
	}
}
