package loader

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/trials-app/trials/model"
)

// The ClinicalTrials.gov mirror prints each section as a heading, one line of
// the site's own boilerplate, and the content. It comes in two variants:
// mirror_labelled.go reads the one whose values carry labels ("Recruitment
// Status", "Group Type EXPERIMENTAL", "Sponsor Role lead"); mirror_bare.go
// reads the one whose values have lost them. This file holds what both share.

const mirrorAbout = "a ClinicalTrials.gov mirror page"

// isMirror recognises either variant: the "Basic Information" heading and
// the "NCT ID:" line under the title.
func isMirror(s *sample) bool { return s.hasLine("Basic Information") && s.hasLinePrefix("NCT ID:") }

// mirrorSections are the headings the mirror uses.
var mirrorSections = map[string]bool{
	"Study Results": true, "Basic Information": true, "Brief Summary": true,
	"Related Clinical Trials": true, "Detailed Description": true, "Conditions": true,
	"Keywords": true, "Study Design": true, "Study Groups": true, "Interventions": true,
	"Other Intervention Names": true, "Outcome Measures": true, "Primary Outcomes": true,
	"Secondary Outcomes": true, "Eligibility Criteria": true, "Sponsors": true,
	"Collaborators": true, "Responsible Party": true, "Principal Investigators": true,
	"Study Officials": true, "Locations": true, "Countries": true, "Related Links": true,
	"Facility Contacts": true, "Other Identifiers": true, "More Related Trials": true,
	"Publications": true, "References": true,
}

// mirrorBlurbs is the mirror's fixed text under its headings. It belongs in
// no field.
var mirrorBlurbs = map[string]bool{
	"Get a concise snapshot of the trial, including recruitment status, study phase, enrollment targets, and key timeline milestones.":          true,
	"Review the sponsor-provided synopsis that highlights what the study is about and why it is being conducted.":                               true,
	"Explore similar clinical trials based on study characteristics and research focus.":                                                        true,
	"Dive into the extended narrative that explains the scientific background, objectives, and procedures in greater depth.":                    true,
	"See the medical conditions and disease areas that this research is targeting or investigating.":                                            true,
	"Understand how the trial is structured, including allocation methods, masking strategies, primary purpose, and other design elements.":     true,
	"Review each arm or cohort in the study, along with the interventions and objectives associated with them.":                                 true,
	"Learn about the drugs, procedures, or behavioral strategies being tested and how they are applied within this trial.":                      true,
	"Discover alternative or legacy names that may be used to describe the listed interventions across different sources.":                      true,
	"Check the participation requirements, including inclusion and exclusion rules, age limits, and whether healthy volunteers are accepted.":   true,
	"Meet the organizations funding or collaborating on the study and learn about their roles.":                                                 true,
	"Identify the individual or organization who holds primary responsibility for the study information submitted to regulators.":               true,
	"Learn about the lead researchers overseeing the trial and their institutional affiliations.":                                               true,
	"Explore where the study is taking place and check the recruitment status at each participating site.":                                      true,
	"Review the countries where the study has at least one active or historical site.":                                                          true,
	"Access external resources that provide additional context or updates about the study.":                                                     true,
	"Find local site contact details for specific facilities participating in the trial.":                                                       true,
	"Review additional registry numbers or institutional identifiers associated with this trial.":                                               true,
	"Additional clinical trials that may be relevant based on similarity analysis.":                                                             true,
	"The study team has not published outcome measurements, participant flow, or safety data for this trial yet. Check back later for updates.": true,
	"Results pending": true,
}

// blurbVerbs open the mirror's boilerplate sentences; with the shape checks in
// isBlurb they let a section the mirror adds later be recognised too.
var blurbVerbs = []string{"Review ", "Get ", "Dive ", "See ", "Understand ", "Learn ", "Discover ",
	"Check ", "Meet ", "Identify ", "Explore ", "Access ", "Find ", "Browse ", "View ", "Read ", "Compare "}

func isBlurb(s string) bool {
	if mirrorBlurbs[s] {
		return true
	}
	if !strings.HasSuffix(s, ".") || len(strings.Fields(s)) < 9 {
		return false
	}
	lower := strings.ToLower(s)
	if !strings.Contains(lower, "trial") && !strings.Contains(lower, "study") {
		return false
	}
	for _, v := range blurbVerbs {
		if strings.HasPrefix(s, v) {
			return true
		}
	}
	return false
}

// looksLikeHeading: a short Title Case line without a final full stop.
func looksLikeHeading(s string) bool {
	w := strings.Fields(s)
	if len(w) == 0 || len(w) > 5 || strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":") {
		return false
	}
	for _, x := range w {
		r := firstRune(x)
		if !(r >= 'A' && r <= 'Z') && !isMinorWord(x) {
			return false
		}
	}
	return true
}

// labelShaped: an arm's or a group's label is short and is no sentence;
// a line that is neither continues the description before it.
func labelShaped(s string) bool {
	return len(strings.Fields(s)) <= 8 && !strings.HasSuffix(s, ".")
}

func isMinorWord(w string) bool {
	switch w {
	case "and", "or", "of", "the", "for", "in", "to", "&":
		return true
	}
	return false
}

// mirrorDoc is a mirror page cut into its sections, boilerplate removed.
type mirrorDoc struct {
	title    string
	head     []line // lines between the title and the first section
	sections []section
	unknown  []string // headings of sections this parser does not read
}

func cutMirror(data []byte) (*mirrorDoc, error) {
	ls := splitLines(data)
	next := func(i int) string {
		for j := i + 1; j < len(ls); j++ {
			if !ls[j].blank() {
				return ls[j].text
			}
		}
		return ""
	}
	secs := splitSections(ls, func(i int) (string, bool) {
		t := ls[i].text
		if mirrorSections[t] {
			return t, true
		}
		if looksLikeHeading(t) && isBlurb(next(i)) {
			return t, true
		}
		return "", false
	})
	d := &mirrorDoc{}
	for i := range secs {
		kept := secs[i].lines[:0:0]
		for _, l := range secs[i].lines {
			if !isBlurb(l.text) {
				kept = append(kept, l)
			}
		}
		secs[i].lines = kept
		if secs[i].name != "" && !mirrorSections[secs[i].name] {
			d.unknown = append(d.unknown, secs[i].name)
		}
	}
	head := secs[0].nonBlank()
	if len(head) == 0 {
		return nil, fmt.Errorf("%w: no title before the first section", ErrNotTrial)
	}
	d.title = head[0].text
	d.head = head[1:]
	d.sections = secs[1:]
	if _, ok := find(d.sections, "More Related Trials"); !ok {
		last := "the title"
		if len(d.sections) > 0 {
			last = "the " + d.sections[len(d.sections)-1].name + " section"
		}
		return nil, fmt.Errorf("%w: the page ends after %s, before the \"More Related Trials\" section that closes every mirror page", ErrTruncated, last)
	}
	return d, nil
}

// parseMirror reads a mirror page: the sections both variants print alike
// here, the others with readVariant.
func parseMirror(data []byte, readVariant func(*model.Trial, *mirrorDoc)) (*model.Trial, error) {
	d, err := cutMirror(data)
	if err != nil {
		return nil, err
	}
	t := &model.Trial{}
	readMirrorHead(t, d)
	readMirrorLists(t, d)
	readVariant(t, d)
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

func (d *mirrorDoc) section(name string) []line {
	s, _ := find(d.sections, name)
	return s.lines
}

// readMirrorHead reads "NCT ID: …" and "Last Updated: …" under the title.
func readMirrorHead(t *model.Trial, d *mirrorDoc) {
	t.Title = d.title
	for _, l := range d.head {
		label, value, ok := splitLabel(l.text)
		if !ok {
			continue
		}
		switch strings.ToLower(label) {
		case "nct id":
			if model.IsNCTID(value) {
				t.NCTID = value
			}
		case "last updated", "last update posted":
			setDate(t, &t.LastUpdated, value, "last updated")
		case "first posted":
			setDate(t, &t.FirstPosted, value, "first posted")
		}
	}
}

// readMirrorLists reads the sections that are plain lists of values.
func readMirrorLists(t *model.Trial, d *mirrorDoc) {
	for _, c := range texts(d.section("Conditions")) {
		t.Conditions = appendUnique(t.Conditions, c)
	}
	for _, k := range texts(d.section("Keywords")) {
		t.Keywords = appendUnique(t.Keywords, k)
	}
	t.BriefSummary = prose(d.section("Brief Summary"))
	t.DetailedDescription = prose(d.section("Detailed Description"))
	// The mirror's "Related Clinical Trials" and "More Related Trials" are
	// its own suggestions ("based on similarity analysis"), not links the
	// registry states: similar trials, never related ones.
	for _, s := range d.sections {
		if s.name != "Related Clinical Trials" && s.name != "More Related Trials" {
			continue
		}
		for _, l := range texts(s.lines) {
			if strings.HasPrefix(l, "NCT") {
				for _, id := range model.FindNCTIDs(l) {
					t.SimilarTrials = appendUnique(t.SimilarTrials, id)
				}
			}
		}
	}
	if c := oneLine(d.section("Countries")); c != "" {
		t.Countries = splitCountries(c)
	}
	for _, name := range d.unknown {
		t.Warnings = append(t.Warnings, fmt.Sprintf("section %q not read", name))
	}
}

var (
	identifierType   = regexp.MustCompile(`^Identifier Type:\s*(.*)$`)
	identifierSource = regexp.MustCompile(`^Identifier Source:\s*(.*)$`)
)

// readMirrorIdentifiers reads "Other Identifiers": an id, then its type and
// source ("org_study_id" or "secondary_id").
func readMirrorIdentifiers(t *model.Trial, d *mirrorDoc) {
	var cur *model.SecondaryID
	var ids []model.SecondaryID
	org := ""
	for _, l := range texts(d.section("Other Identifiers")) {
		if g := identifierType.FindStringSubmatch(l); g != nil {
			if cur != nil && g[1] != "-" {
				cur.Type = g[1]
			}
			continue
		}
		if g := identifierSource.FindStringSubmatch(l); g != nil {
			if cur != nil && strings.EqualFold(g[1], "org_study_id") && org == "" {
				org = cur.ID
			}
			continue
		}
		ids = append(ids, model.SecondaryID{ID: l})
		cur = &ids[len(ids)-1]
	}
	t.OrgStudyID = org
	t.SecondaryIDs = orderIdentifiers(org, ids)
}

var siteStatus = regexp.MustCompile(`^Site Status\b:?\s*(.*)$`)

// readMirrorLocations reads sites: a facility line, a "City, State, Country"
// line and, in the labelled variant, a "Site Status" line.
func readMirrorLocations(t *model.Trial, d *mirrorDoc) {
	var pendingFacility string
	var cur *model.Location
	awaitingStatus := false
	for _, l := range texts(d.section("Locations")) {
		if g := siteStatus.FindStringSubmatch(l); g != nil {
			if cur != nil {
				if s, ok := model.ParseStatus(g[1]); ok {
					cur.Status = string(s)
				}
				awaitingStatus = g[1] == ""
			}
			continue
		}
		if awaitingStatus && cur != nil {
			awaitingStatus = false
			if s, ok := model.ParseStatus(l); ok {
				cur.Status = string(s)
				continue
			}
		}
		loc, isAddr := parseAddress(l)
		if isAddr && (pendingFacility != "" || !looksLikeFacility(l)) {
			loc.Facility = pendingFacility
			t.Locations = append(t.Locations, loc)
			cur = &t.Locations[len(t.Locations)-1]
			pendingFacility = ""
			continue
		}
		if pendingFacility != "" {
			// Two facility lines in a row: the first had no address.
			t.Locations = append(t.Locations, model.Location{Facility: pendingFacility})
			cur = &t.Locations[len(t.Locations)-1]
		}
		pendingFacility = l
	}
	if pendingFacility != "" {
		t.Locations = append(t.Locations, model.Location{Facility: pendingFacility})
	}
}

// readMirrorInvestigators reads "Principal Investigators": a name, "Role: …"
// and the affiliation.
func readMirrorInvestigators(t *model.Trial, d *mirrorDoc) {
	ls := texts(d.section("Principal Investigators"))
	ls = append(ls, texts(d.section("Study Officials"))...)
	for i := 1; i < len(ls); i++ {
		role, ok := strings.CutPrefix(ls[i], "Role:")
		if !ok {
			continue
		}
		inv := model.Investigator{Name: ls[i-1], Role: roleEnum(role)}
		// The line after the role is the affiliation, unless it is the next
		// official's name (followed by that official's role).
		if i+1 < len(ls) && !strings.HasPrefix(ls[i+1], "Role:") &&
			!(i+2 < len(ls) && strings.HasPrefix(ls[i+2], "Role:")) {
			inv.Affiliation = ls[i+1]
		}
		t.Investigators = append(t.Investigators, inv)
	}
}
