package loader

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/trials-app/trials/model"
)

// Field values every layout reads alike: status, phases, study type,
// enrollment, ages, masking, identifiers — normalised by model, with a
// warning for a value that cannot be read.

// appendUnique appends s to ss unless an equal (case-insensitive) string is there.
func appendUnique(ss []string, s string) []string {
	if s == "" {
		return ss
	}
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return ss
		}
	}
	return append(ss, s)
}

// parseCount reads a participant count: "150 participants", "84", "1,200".
func parseCount(s string) (int, bool) {
	s = strings.TrimSpace(s)
	n, digits := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n > 100_000_000 {
				return 0, false
			}
			n = n*10 + int(c-'0')
			digits++
		case c == ',' && digits > 0:
		default:
			rest := strings.TrimSpace(s[i:])
			if digits == 0 || !isCountUnit(rest) {
				return 0, false
			}
			return n, true
		}
	}
	return n, digits > 0
}

func isCountUnit(s string) bool {
	switch strings.ToLower(strings.Trim(s, " .")) {
	case "participants", "participant", "patients", "patient", "subjects", "subject", "people", "persons", "":
		return true
	}
	return false
}

// setEnrollment reads "150 participants", optionally "(Actual)".
func setEnrollment(t *model.Trial, s string) {
	if count, typ := cutDateType(s); typ != "" {
		s, t.EnrollmentType = count, typ
	}
	if n, ok := parseCount(s); ok {
		t.Enrollment = &n
		return
	}
	if s != "" {
		t.Warnings = append(t.Warnings, fmt.Sprintf("enrollment %q not understood", s))
	}
}

// parseOrWarn stores what parse reads from s in dst; a value it cannot
// read leaves dst alone and is reported in the trial's warnings as the
// what that was not understood. The registry's "N/A" states nothing.
func parseOrWarn[T any](t *model.Trial, dst *T, parse func(string) (T, bool), s, what string) {
	if v, ok := parse(s); ok {
		*dst = v
	} else if s != "" && !strings.EqualFold(s, "N/A") {
		t.Warnings = append(t.Warnings, fmt.Sprintf("%s %q not understood", what, s))
	}
}

func setStatus(t *model.Trial, s string) { parseOrWarn(t, &t.Status, model.ParseStatus, s, "status") }

func setPhases(t *model.Trial, s string) { parseOrWarn(t, &t.Phases, model.ParsePhases, s, "phase") }

func setStudyType(t *model.Trial, s string) {
	parseOrWarn(t, &t.StudyType, model.ParseStudyType, s, "study type")
}

func ageOrWarn(t *model.Trial, s string) string {
	var age string
	parseOrWarn(t, &age, model.ParseAge, s, "age limit")
	return age
}

// isPhaseShaped keeps a phase from being read out of some other bare value:
// the mirror prints phases as PHASE2, PHASE1/PHASE2, EARLY_PHASE1 or NA.
func isPhaseShaped(v string) bool {
	u := strings.ToUpper(v)
	return strings.HasPrefix(u, "PHASE") || strings.HasPrefix(u, "EARLY") || u == "NA" || u == "N/A" || strings.HasPrefix(u, "NOT APPLICABLE")
}

func parses[T any](f func(string) (T, bool), s string) bool {
	_, ok := f(s)
	return ok
}

// isMaskingShaped: NONE, SINGLE … QUADRUPLE, possibly with the masked parties.
func isMaskingShaped(v string) bool {
	_, _, ok := model.ParseMasking(v)
	return ok
}

// isPhaseShapedText: "Phase 2", "Phase 1/Phase 2", "Early Phase 1", "Not Applicable".
func isPhaseShapedText(v string) bool {
	l := strings.ToLower(v)
	return strings.HasPrefix(l, "phase") || strings.HasPrefix(l, "early phase") || l == "not applicable" || l == "n/a"
}

func appendPhase(ps []model.Phase, p model.Phase) []model.Phase {
	for _, x := range ps {
		if x == p {
			return ps
		}
	}
	return append(ps, p)
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

// readMasking reads a masking level, the masked parties on the lines after
// it ("Outcome Assessors") and the masking description after those.
func readMasking(d *model.Design, level string, rest []string) {
	d.Masking, d.WhoMasked, _ = model.ParseMasking(level)
	var desc []string
	for _, r := range rest {
		if who := model.ParseWhoMaskedList(r); len(who) > 0 && len(desc) == 0 && len(strings.Fields(r)) <= 8 {
			for _, w := range who {
				if !slices.Contains(d.WhoMasked, w) {
					d.WhoMasked = append(d.WhoMasked, w)
				}
			}
			continue
		}
		desc = append(desc, r)
	}
	d.MaskingDescription = strings.Join(desc, "\n")
}
