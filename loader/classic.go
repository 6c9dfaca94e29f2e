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
	readClassicOutcomes(t, get("Outcome Measures"))
	readClassicEligibility(t, get("Eligibility Criteria"))
	readClassicLocations(t, get("Contacts and Locations"))
	readClassicSponsors(t, get("Sponsors and Collaborators"))
	readClassicInvestigators(t, get("Investigators"))
	// "Publications" is a heading inside "More Information"; the fields
	// after it belong to More Information all the same.
	more := append(append([]line{}, get("More Information")...), get("Publications")...)
	readClassicMoreInformation(t, append(more, get("Publications of Results")...))
	linkArmsAndInterventions(t)
	if t.Title == "" {
		return nil, fmt.Errorf("%w: classic study page without a title", ErrNotTrial)
	}
	return t, nil
}

// classicLabelled splits lines into "Label:" / "Label :" fields and their
// values (which may also stand on the label's own line: "Label: value").
func classicLabelled(ls []line) []labelValue {
	var out []labelValue
	for _, l := range ls {
		if l.blank() {
			continue
		}
		if label, ok := classicLabel(l.text); ok {
			out = append(out, labelValue{label: label})
			continue
		}
		if label, value, ok := inlineLabel(l.text); ok {
			out = append(out, labelValue{label: label, values: []string{value}})
			continue
		}
		if len(out) == 0 {
			out = append(out, labelValue{})
		}
		out[len(out)-1].values = append(out[len(out)-1].values, l.text)
	}
	return out
}

// classicLabel recognises a line that is only a label: "Study Type:".
func classicLabel(s string) (string, bool) {
	if !strings.HasSuffix(s, ":") {
		return "", false
	}
	label := strings.TrimSpace(strings.TrimSuffix(s, ":"))
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

var sponsorWithClass = regexp.MustCompile(`^(.*?)\s*\(([^()]+)\)$`)

// splitSponsorClass reads "Beijing YouAn Hospital (Other)".
func splitSponsorClass(s string) model.Sponsor {
	if g := sponsorWithClass.FindStringSubmatch(s); g != nil {
		if c, ok := model.ParseSponsorClass(g[2]); ok {
			return model.Sponsor{Name: g[1], Class: c}
		}
	}
	return model.Sponsor{Name: s}
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
				if _, err := parseIntStrict(c); err == nil {
					break // the header's unlabelled figures follow
				}
				t.Collaborators = append(t.Collaborators, splitSponsorClass(c))
			}
		}
	}
}

func parseIntStrict(s string) (int, error) {
	n := 0
	if s == "" {
		return 0, fmt.Errorf("empty")
	}
	for _, r := range s {
		if r == '.' {
			continue
		}
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("not a number")
		}
		n = n*10 + int(r-'0')
	}
	return n, nil
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
			// arm's label is followed by a blank line, an intervention's name
			// directly by its description.
			if nextBlank(i) {
				isIV = false
			} else {
				isArm = false
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

func joinText(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}

// cutBullet removes a leading bullet character.
func cutBullet(s string) (string, bool) {
	for _, b := range []string{"• ", "· ", "* ", "- ", "◦ ", "▪ "} {
		if rest, ok := strings.CutPrefix(s, b); ok {
			return strings.TrimSpace(rest), true
		}
	}
	return s, false
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

var (
	ageRange = regexp.MustCompile(`(?i)^(\d+\s+\w+?)\s+to\s+(\d+\s+\w+)`)
	ageOlder = regexp.MustCompile(`(?i)^(\d+\s+\w+?)\s+and\s+(?:older|over|above)`)
	ageUpTo  = regexp.MustCompile(`(?i)^(?:up\s+to|under|younger\s+than|<=?)\s*(\d+\s+\w+)`)
)

// parseAgeRange reads "18 Years to 75 Years", "18 Years and older (Adult)",
// "up to 17 Years"; standard age groups alone ("Child, Adult") give nothing.
func parseAgeRange(s string) (minAge, maxAge string) {
	if g := ageRange.FindStringSubmatch(s); g != nil {
		minAge, _ = model.ParseAge(g[1])
		maxAge, _ = model.ParseAge(g[2])
		return
	}
	if g := ageOlder.FindStringSubmatch(s); g != nil {
		minAge, _ = model.ParseAge(g[1])
		return
	}
	if g := ageUpTo.FindStringSubmatch(s); g != nil {
		maxAge, _ = model.ParseAge(g[1])
	}
	return
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
		v := lv.first()
		switch lv.label {
		case "Ages Eligible for Study":
			e.MinAge, e.MaxAge = parseAgeRange(v)
		case "Sexes Eligible for Study", "Sexes Eligible", "Gender":
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
	inc, exc := splitInclusionExclusion(ls[start:])
	e.Inclusion = parseCriteria(inc)
	e.Exclusion = parseCriteria(exc)
	e.Raw = rawCriteria(inc, exc)
}

var locationRow = regexp.MustCompile(`^(\d{1,4})\s+(\S.*)$`)

// readClassicLocations reads the sites table, one run-together row per line.
func readClassicLocations(t *model.Trial, ls []line) {
	inTable := false
	for _, l := range texts(ls) {
		switch {
		case strings.HasPrefix(l, "Site City") || l == "Locations" || l == "Contacts":
			inTable = strings.HasPrefix(l, "Site City") || inTable
			continue
		case strings.HasPrefix(l, "Contact:") || strings.HasPrefix(l, "Principal Investigator:") || strings.HasPrefix(l, "Sub-Investigator:"):
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

// splitLocationRow splits "Mayo Clinic Rochester Minnesota United States
// 55905" into facility, city, state, country and postal code. The country is
// found by name from the right, the postal code is what follows it, a state
// or province is matched by name for countries the registry lists them for,
// and the city is the words between the facility's last institutional word
// ("Hospital", "University", "Clinic") and the state — or, failing that, the
// last word or two.
func splitLocationRow(row string) model.Location {
	words := strings.Fields(row)
	var loc model.Location
	end := len(words)
	countryAt := -1
	for i := len(words); i > 0; i-- {
		if n, c := matchCountrySuffix(words, i); n > 0 {
			loc.Country = c
			countryAt = i - n
			loc.Zip = strings.Join(words[i:], " ")
			end = countryAt
			break
		}
		if len(words)-i >= 3 {
			break // a postal code is at most a few words
		}
	}
	if countryAt < 0 {
		loc.Facility = row
		return loc
	}
	if n, s := matchSubdivisionSuffix(loc.Country, words, end); n > 0 && n < end {
		loc.State = s
		end -= n
	}
	rest := words[:end]
	cityStart := cityStartIn(rest)
	loc.City = strings.Join(rest[cityStart:], " ")
	loc.Facility = strings.Join(rest[:cityStart], " ")
	loc.Facility = strings.TrimRight(loc.Facility, ",; ")
	return loc
}

// cityStartIn finds where the city begins in "facility words… city words".
// The facility ends at its last institutional word ("Hospital", "Medical",
// "Oncology") when one to three words follow it; a row with no such word
// and at most three words is a city alone ("Fort Smith"); otherwise the
// city is the last word, with the words that open compound city names
// ("New", "San", "Fort") before it.
func cityStartIn(rest []string) int {
	n := len(rest)
	if n <= 1 {
		return 0
	}
	// A facility named after its city ends with it: "… Medical Center -
	// Burbank Burbank", "Medizinische Hochschule Hannover Hannover".
	if strings.EqualFold(rest[n-1], rest[n-2]) {
		return n - 1
	}
	// A name that opens with an institutional word ("Hôpital Saint-Louis",
	// "Hospital Universitario La Paz") goes on past it, so only the last
	// word(s) can be told to be the city.
	if !opensName(rest[0]) {
		for i := n - 2; i >= 1; i-- {
			if isInstitutionWord(rest[i]) {
				after := rest[i+1:]
				// "Cox Medical Center South Springfield": a compass word
				// after the institution is part of its name unless it
				// opens a city known to start with one ("West Palm Beach").
				if len(after) >= 2 && isCompass(after[0]) && !directionCities[strings.ToLower(strings.Join(after, " "))] {
					after = after[1:]
					i++
				}
				if len(after) <= 3 && !isLowerWord(after[0]) && !strings.ContainsAny(after[0], "-–(") {
					return i + 1
				}
				break
			}
		}
		anyInstitution := false
		for _, w := range rest {
			anyInstitution = anyInstitution || isInstitutionWord(w)
		}
		if !anyInstitution && n <= 3 {
			return 0
		}
	}
	start := n - 1
	for start > 1 && isCityPrefix(rest[start-1]) {
		start--
	}
	return start
}

// opensName: head nouns that names in many languages begin with and
// continue after ("Hospital Universitario La Paz", "Hôpital Saint-Louis").
func opensName(w string) bool {
	switch strings.ToLower(strings.Trim(w, ",.")) {
	case "hospital", "hôpital", "hopital", "ospedale", "klinikum", "klinik", "centro", "instituto",
		"clínica", "clinica", "policlinico", "azienda", "fundación", "fundacion", "chu", "hospices",
		"centre", "universitätsklinikum", "universitair", "szpital", "hospitales":
		return true
	}
	return false
}

func isCompass(w string) bool {
	switch strings.ToLower(w) {
	case "north", "south", "east", "west":
		return true
	}
	return false
}

// directionCities are United States cities whose names open with a compass
// word, which would otherwise be read as the end of a facility's name.
var directionCities = map[string]bool{
	"west palm beach": true, "south bend": true, "east lansing": true, "north charleston": true,
	"north little rock": true, "west bloomfield": true, "south burlington": true, "east orange": true,
	"west hollywood": true, "north miami": true, "south portland": true, "west des moines": true,
	"east providence": true, "north las vegas": true, "south san francisco": true, "west covina": true,
	"east hartford": true, "north chicago": true, "south euclid": true, "west lafayette": true,
	"east meadow": true, "north hills": true, "west islip": true, "south miami": true,
	"west orange": true, "east syracuse": true, "north adams": true, "west reading": true,
	"south weymouth": true, "east setauket": true, "north canton": true, "west chester": true,
	"north kansas city": true, "east stroudsburg": true, "west columbia": true, "south pasadena": true,
}

func isLowerWord(w string) bool {
	r := firstRune(w)
	return r >= 'a' && r <= 'z'
}

func isInstitutionWord(w string) bool {
	w = strings.ToLower(strings.Trim(w, ",.;()"))
	for _, s := range []string{"hospital", "hospitals", "university", "clinic", "clinics", "center",
		"centre", "centers", "institute", "college", "foundation", "inc", "ltd", "llc", "pllc", "gmbh",
		"hôpital", "hopital", "klinikum", "klinik", "hochschule", "universität", "ospedale",
		"policlinico", "infirmary", "ncorp", "consortium", "associates", "research", "site",
		"medical", "oncology", "hematology", "health", "healthcare", "cancer", "radiology",
		"specialists", "physicians", "services", "network", "group", "pc", "pa", "ccop", "sjukhus",
		"ziekenhuis", "szpital", "instituto", "clínica", "clinica", "universitario", "universitaria",
		"hospitalier", "hospitalario", "chu", "azienda", "fundación", "care", "branch", "campus",
		"unit", "division", "department", "practice", "pharmacy", "hospice", "ccc"} {
		if w == s || strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

func isCityPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "new", "san", "santa", "los", "las", "saint", "st.", "st", "fort", "ft.", "salt", "lake", "el",
		"la", "le", "ann", "baton", "des", "sioux", "cedar", "palo", "grand", "little", "rapid",
		"winston", "chapel", "bowling", "colorado", "corpus", "round", "park", "mount", "mt.", "glen",
		"coral", "boca", "west", "east", "north", "south", "hong", "kuala", "rio", "sao", "são", "buenos",
		"tel", "ho", "chi", "mexico", "hat", "kota", "johor", "alor", "shah", "bangkok", "chiang", "khon",
		"cape", "port", "bay", "beverly", "palm", "long", "mission", "rolling", "overland", "oak", "elk":
		return true
	}
	return false
}

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
		known := strings.EqualFold(s.Name, t.LeadSponsor.Name)
		for _, c := range t.Collaborators {
			known = known || strings.EqualFold(c.Name, s.Name)
		}
		if !known {
			t.Collaborators = append(t.Collaborators, s)
		}
	}
}

var degreeRe = regexp.MustCompile(`(?i)^(M\.?D\.?|Ph\.?D\.?|MSc|M\.?Sc\.?|MPH|MBBS|MBChB|FRCP\w*|FACP|FACS|M\.?S\.?|R\.?N\.?|D\.?O\.?|PharmD|Pharm\.?D\.?|Prof\.?|Professor|Dr\.?|DM|DrPH|BSc|B\.?S\.?|MA|ScD|MRCP|DNP|NP|PA-C|MMed|MBA|MHS|MSCE|MSCI|FRACP|FRCS\w*)$`)

// splitNameAffiliation splits "Jun Lu, MD., Beijing YouAn Hospital" into the
// name with its degrees and the affiliation.
func splitNameAffiliation(s string) (name, affiliation string) {
	parts := strings.Split(s, ",")
	n := 1
	for n < len(parts) && degreeRe.MatchString(strings.TrimSpace(parts[n])) {
		n++
	}
	name = strings.TrimSpace(strings.Join(parts[:n], ","))
	affiliation = strings.TrimSpace(strings.Join(parts[n:], ","))
	return name, affiliation
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
			setDate(t, &t.FirstPosted, stripDateType(v), "first posted")
		case lv.label == "Last Update Posted":
			setDate(t, &t.LastUpdated, stripDateType(v), "last update posted")
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

// stripDateType drops "(Actual)"/"(Estimate)" after a date.
func stripDateType(s string) string {
	if i := strings.IndexByte(s, '('); i > 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}
