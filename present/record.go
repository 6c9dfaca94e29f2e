package present

import (
	"strconv"
	"strings"
	"time"

	"github.com/trials-app/trials/model"
)

// What the record says about itself and whom to ask: contacts, when the
// status was last verified, results, expanded access, references.

// Contact is a contact on one line: "Ann Lee, RN (principal investigator)
// · 555-0100 · ann@example.org".
func Contact(c model.Contact) string {
	name := c.Name
	if name == "" {
		name = "(no name given)"
	}
	if c.Role != "" && c.Role != "CONTACT" {
		name += " (" + strings.ToLower(model.Label(c.Role)) + ")"
	}
	parts := []string{name}
	for _, s := range []string{c.Phone, c.Email} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

// StaleAfter is how old a status may be before it is questioned: the
// registry marks a study's status unknown when it has not been verified
// for two years.
const StaleAfter = 2

// claimsToRecruit reports the statuses that say a trial is taking (or will
// take) patients.
func claimsToRecruit(st model.Status) bool {
	switch st {
	case model.StatusRecruiting, model.StatusNotYetRecruiting, model.StatusEnrollingByInvitation, model.StatusAvailable:
		return true
	}
	return false
}

// StatusVerified says when the status was last verified ("2019-03") and,
// when that is more than StaleAfter years before today and the trial
// still claims to recruit, why that matters; stale reports the warning.
// Today is the caller's, so that the text does not depend on when a test
// runs.
func StatusVerified(verified string, st model.Status, today time.Time) (line string, stale bool) {
	if verified == "" {
		return "", false
	}
	at, err := time.Parse("2006-01", verified)
	if err != nil {
		return verified, false
	}
	// A month verified counts to its end.
	if !claimsToRecruit(st) || !today.After(at.AddDate(StaleAfter, 1, 0)) {
		return verified, false
	}
	years := today.Year() - at.Year()
	if today.Month() < at.Month() {
		years--
	}
	return verified + " — " + Count(years, "year", "years") + " ago, yet the status still says " +
		strings.ToLower(Status(st)) + ": it may be out of date; ask the study team", true
}

// ExpandedAccess says how a study's expanded-access programme can be found:
// "NCT03559686 (available)", or that the record names none.
func ExpandedAccess(ea *model.ExpandedAccess) string {
	if ea == nil {
		return ""
	}
	if ea.NCTID == "" {
		return "offered (the record names no expanded-access record)"
	}
	if ea.Status == "" {
		return ea.NCTID
	}
	return ea.NCTID + " (" + strings.ToLower(strings.TrimSuffix(Status(ea.Status), " (expanded access)")) + ")"
}

// Reference is a citation with its PubMed id and kind: "Lee A. … 2020.
// PMID 123456 (results)".
func Reference(r model.Reference) string {
	s := r.Citation
	if r.PMID != "" {
		if s != "" {
			s += " "
		}
		s += "PMID " + r.PMID
	}
	switch r.Type {
	case "RESULT":
		s += " (results)"
	case "DERIVED":
		s += " (indexed by the registry)"
	}
	return s
}

// ReferenceCount is "3 references, 1 of results".
func ReferenceCount(rs []model.Reference) string {
	results := 0
	for _, r := range rs {
		if r.Type == "RESULT" {
			results++
		}
	}
	s := Count(len(rs), "reference", "references")
	if results > 0 {
		s += ", " + strconv.Itoa(results) + " of results"
	}
	return s
}
