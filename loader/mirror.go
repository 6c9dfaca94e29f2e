package loader

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// The ClinicalTrials.gov mirror prints each section as a heading, one line of
// the site's own boilerplate, and the content. It comes in two variants:
// mirror_labelled.go reads the one whose values carry labels ("Recruitment
// Status", "Group Type EXPERIMENTAL", "Sponsor Role lead"); mirror_bare.go
// reads the one whose values have lost them. This file holds what both share.

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

// setDate stores a normalised date, or a warning when it cannot be read.
func setDate(t *model.Trial, dst *string, value, what string) {
	if value == "" {
		return
	}
	if d, ok := model.ParseDate(value); ok {
		*dst = d
		return
	}
	t.Warnings = append(t.Warnings, fmt.Sprintf("%s date %q not understood", what, value))
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
	for _, s := range d.sections {
		if s.name != "Related Clinical Trials" && s.name != "More Related Trials" {
			continue
		}
		for _, l := range texts(s.lines) {
			if strings.HasPrefix(l, "NCT") {
				for _, id := range model.FindNCTIDs(l) {
					t.RelatedTrials = appendUnique(t.RelatedTrials, id)
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

// orderIdentifiers puts the organisation's own id first and drops repeats of
// an id (a page may list the same id as org id and as secondary id).
func orderIdentifiers(org string, ids []model.SecondaryID) []model.SecondaryID {
	var out []model.SecondaryID
	add := func(id model.SecondaryID) {
		for i, x := range out {
			if x.ID == id.ID {
				if x.Type == "" {
					out[i].Type = id.Type
				}
				return
			}
		}
		out = append(out, id)
	}
	for _, id := range ids {
		if id.ID == org {
			add(id)
		}
	}
	for _, id := range ids {
		add(id)
	}
	return out
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

// parseAddress reads "City, State, Country" (and "City, State, Zip, Country",
// "City, , Country"); ok is false unless the last part is a known country.
func parseAddress(s string) (model.Location, bool) {
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	var loc model.Location
	n := len(parts)
	switch {
	case n >= 3:
		if c, ok := canonicalCountry(parts[n-2] + ", " + parts[n-1]); ok {
			loc.Country = c
			parts = parts[:n-2]
			break
		}
		fallthrough
	case n == 2:
		c, ok := canonicalCountry(parts[n-1])
		if !ok {
			return loc, false
		}
		loc.Country = c
		parts = parts[:n-1]
	default:
		if c, ok := canonicalCountry(s); ok {
			return model.Location{Country: c}, true
		}
		return loc, false
	}
	for i, p := range parts {
		switch {
		case i == 0:
			loc.City = p
		case looksLikeZip(p) && loc.Zip == "":
			loc.Zip = p
		case loc.State == "":
			loc.State = p
		}
	}
	return loc, true
}

func looksLikeZip(s string) bool {
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 3 && len(s) <= 10
}

// looksLikeFacility: a line that names an institution rather than a place,
// for the rare facility whose name ends in a country ("Clinic, Singapore").
func looksLikeFacility(s string) bool {
	lower := strings.ToLower(s)
	for _, w := range facilityWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

var facilityWords = []string{"hospital", "universit", "clinic", "center", "centre", "institut",
	"college", "school", "foundation", "medical", "health", "research", "oncology", "cancer",
	"inc.", "ltd", "llc", "gmbh", "pharma", "laborator", "site ", "klinik", "hôpital", "hopital",
	"ospedale", "policlinico", "infirmary", "practice", "associates", "consortium", "ncorp", "group"}

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

// roleEnum normalises an official's role ("Principal Investigator").
func roleEnum(s string) string {
	k := strings.ToUpper(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}), "_"))
	switch k {
	case "PRINCIPAL_INVESTIGATOR", "STUDY_CHAIR", "STUDY_DIRECTOR", "SUB_INVESTIGATOR":
		return k
	case "PI":
		return "PRINCIPAL_INVESTIGATOR"
	}
	return k
}

// splitEligibilityHeadings cuts an eligibility section at its "Inclusion
// Criteria" and "Exclusion Criteria" heading lines; rest is what comes
// before either (labelled fields, on some pages).
func splitEligibilityHeadings(ls []line) (inc, exc, rest []line) {
	cur := &rest
	for _, l := range ls {
		switch l.text {
		case "Inclusion Criteria", "Inclusion Criteria:":
			cur = &inc
			continue
		case "Exclusion Criteria", "Exclusion Criteria:":
			cur = &exc
			continue
		}
		*cur = append(*cur, l)
	}
	return inc, exc, rest
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

// linkArmsAndInterventions records, on each intervention, the arms that use it.
func linkArmsAndInterventions(t *model.Trial) {
	for i := range t.Interventions {
		iv := &t.Interventions[i]
		for _, a := range t.Arms {
			for _, name := range a.Interventions {
				if strings.EqualFold(name, iv.Name) {
					iv.Arms = appendUnique(iv.Arms, a.Label)
				}
			}
		}
	}
}

// splitOtherNames shares a run-together "Other Intervention Names" line
// ("Physician Choice FOLFOX4 Sorafenib Physician's Choice Levantinib
// Physician's Choice") among the interventions. Each name is anchored by a
// word resembling its intervention's name (FOLFOX4 ~ FOLFOX regimen,
// Levantinib ~ Lenvatinib); words before the first anchor belong to it, the
// words after an anchor up to the next one belong to the earlier. When no
// word anchors and there is one intervention, the whole line is its other
// name; otherwise the line cannot be shared out and is reported.
func splitOtherNames(t *model.Trial, blob string) {
	words := strings.Fields(blob)
	if len(words) == 0 || len(t.Interventions) == 0 {
		return
	}
	type anchor struct{ word, iv int }
	var anchors []anchor
	next := 0
	for iv := range t.Interventions {
		for w := next; w < len(words); w++ {
			if resemblesName(words[w], t.Interventions[iv].Name) {
				anchors = append(anchors, anchor{w, iv})
				next = w + 1
				break
			}
		}
	}
	if len(anchors) == 0 {
		if len(t.Interventions) == 1 {
			t.Interventions[0].OtherNames = appendUnique(t.Interventions[0].OtherNames, blob)
			return
		}
		t.Warnings = append(t.Warnings, fmt.Sprintf("other intervention names %q could not be attributed to an intervention", blob))
		return
	}
	for k, a := range anchors {
		start := a.word
		if k == 0 {
			start = 0
		}
		end := len(words)
		if k+1 < len(anchors) {
			end = anchors[k+1].word
		}
		name := strings.Join(words[start:end], " ")
		iv := &t.Interventions[a.iv]
		iv.OtherNames = appendUnique(iv.OtherNames, name)
	}
}

// resemblesName reports whether word looks like one of the significant words
// of an intervention name: equal or a prefix either way ignoring case and
// symbols (FOLFOX4 ~ FOLFOX), or a near-miss spelling of a long word
// (Levantinib ~ Lenvatinib).
func resemblesName(word, name string) bool {
	w := foldWord(word)
	if len(w) < 4 {
		return false
	}
	for _, n := range strings.Fields(name) {
		f := foldWord(n)
		if len(f) < 4 || genericInterventionWords[f] {
			continue
		}
		if w == f || (len(f) >= 5 && strings.HasPrefix(w, f)) || (len(w) >= 5 && strings.HasPrefix(f, w)) {
			return true
		}
		if len(w) >= 7 && len(f) >= 7 && plain.WithinEdits(w, f, 2) {
			return true
		}
	}
	return false
}

var genericInterventionWords = map[string]bool{
	"regimen": true, "therapy": true, "treatment": true, "immunotherapy": true, "chemotherapy": true,
	"placebo": true, "dose": true, "arm": true, "group": true, "cells": true, "cell": true,
	"injection": true, "tablet": true, "tablets": true, "infusion": true, "oral": true,
	"standard": true, "care": true, "choice": true, "physician": true, "physicians": true,
}

func foldWord(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '®' && r != '™' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
