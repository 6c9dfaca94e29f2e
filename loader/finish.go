package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// finish applies what every layout needs once its parser is done: text made
// safe, an id, countries derived from the sites when the page lists none,
// arms and interventions linked both ways, and empty lists rather than nil.
func finish(t *model.Trial) {
	cleanStrings(t)
	if t.NCTID != "" {
		t.ID = t.NCTID
	} else if t.ID == "" {
		t.ID = DerivedID(t)
	}
	for i := range t.Locations {
		if c, ok := canonicalCountry(t.Locations[i].Country); ok {
			t.Locations[i].Country = c
		}
	}
	for i, c := range t.Countries {
		if cc, ok := canonicalCountry(c); ok {
			t.Countries[i] = cc
		}
	}
	if len(t.Countries) == 0 {
		for _, l := range t.Locations {
			t.Countries = appendUnique(t.Countries, l.Country)
		}
	}
	related := t.RelatedTrials[:0]
	for _, id := range t.RelatedTrials {
		if id != t.NCTID {
			related = append(related, id)
		}
	}
	t.RelatedTrials = related
	linkBothWays(t)
	t.Canonicalize()
}

// DerivedID gives a document that names no NCT id a stable id: the same
// trial read again — from another copy of the page, under another file name
// — gets the same id. It hashes what identifies a study on any page: its
// title, its sponsor and its start.
func DerivedID(t *model.Trial) string {
	prefix := idPrefix(t.Source.Format)
	h := sha256.New()
	for _, s := range []string{strings.ToLower(strings.Join(strings.Fields(t.Title), " ")),
		strings.ToLower(strings.TrimSpace(t.LeadSponsor.Name)), t.StartDate} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return prefix + "-" + strings.ToUpper(hex.EncodeToString(h.Sum(nil))[:8])
}

// cleanStrings runs every text field through model.CleanText, so nothing a
// document carries can drive the terminal, and trims single-line values.
func cleanStrings(t *model.Trial) {
	line := func(p *string) { *p = strings.TrimSpace(plain.Line(*p)) }
	text := func(p *string) { *p = strings.TrimSpace(plain.Clean(*p)) }
	lines := func(ss []string) {
		for i := range ss {
			line(&ss[i])
		}
	}
	for _, p := range []*string{&t.ID, &t.NCTID, &t.Title, &t.OfficialTitle, &t.Acronym,
		&t.LeadSponsor.Name, &t.OrgStudyID, &t.Eligibility.MinAge, &t.Eligibility.MaxAge,
		&t.Eligibility.SamplingMethod} {
		line(p)
	}
	for _, p := range []*string{&t.BriefSummary, &t.DetailedDescription, &t.WhyStopped,
		&t.Design.InterventionModelDescription, &t.Design.MaskingDescription,
		&t.Eligibility.Raw, &t.Eligibility.StudyPopulation} {
		text(p)
	}
	lines(t.Conditions)
	lines(t.Keywords)
	lines(t.Countries)
	lines(t.RelatedTrials)
	lines(t.Warnings)
	for i := range t.Collaborators {
		line(&t.Collaborators[i].Name)
	}
	for i := range t.Arms {
		a := &t.Arms[i]
		line(&a.Label)
		text(&a.Description)
		lines(a.Interventions)
	}
	for i := range t.Interventions {
		iv := &t.Interventions[i]
		line(&iv.Name)
		text(&iv.Description)
		lines(iv.OtherNames)
		lines(iv.Arms)
	}
	cleanCriteria(t.Eligibility.Inclusion)
	cleanCriteria(t.Eligibility.Exclusion)
	for _, list := range [][]model.Outcome{t.Outcomes.Primary, t.Outcomes.Secondary, t.Outcomes.Other} {
		for i := range list {
			line(&list[i].Measure)
			line(&list[i].TimeFrame)
			text(&list[i].Description)
		}
	}
	for i := range t.Locations {
		l := &t.Locations[i]
		for _, p := range []*string{&l.Facility, &l.City, &l.State, &l.Zip, &l.Country, &l.Status} {
			line(p)
		}
	}
	for i := range t.Investigators {
		v := &t.Investigators[i]
		line(&v.Name)
		line(&v.Role)
		line(&v.Affiliation)
	}
	for i := range t.SecondaryIDs {
		line(&t.SecondaryIDs[i].ID)
		line(&t.SecondaryIDs[i].Type)
	}
}

func cleanCriteria(cs []model.Criterion) {
	for i := range cs {
		cs[i].Text = strings.TrimSpace(plain.Line(cs[i].Text))
		cleanCriteria(cs[i].Children)
	}
}
