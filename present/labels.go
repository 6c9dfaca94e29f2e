// Package present says trial values in words, the same way in every output:
// the readable report (`trials show`, the browser's panes), the comparison,
// the Markdown and CSV exports and the browser's list. Each label, line and
// count is written here once, so a status or an age range never reads one
// way in one place and another way in the next.
//
// The package is pure: plain strings in, plain strings out, no styling and
// no terminal code. Callers style what it returns and clean document text
// (plain.Clean) before they print it.
package present

import (
	"strconv"
	"strings"

	"github.com/trials-app/trials/model"
)

// NotStated is what a field the source leaves empty reads as, where saying
// nothing would hide that the question was asked.
const NotStated = "not stated"

// statusWords are the long and short labels of each status: the long in the
// detail, the comparison and the exports, the short as the list's badge
// (BadgeWidth columns at most). The list order is the legend's.
var statusWords = []struct {
	status      model.Status
	long, short string
}{
	{model.StatusRecruiting, "Recruiting", "Recruiting"},
	{model.StatusNotYetRecruiting, "Not yet recruiting", "Not yet"},
	{model.StatusEnrollingByInvitation, "Enrolling by invitation", "By invite"},
	{model.StatusActiveNotRecruiting, "Active, not recruiting", "Closed"},
	{model.StatusSuspended, "Suspended", "Suspended"},
	{model.StatusCompleted, "Completed", "Completed"},
	{model.StatusTerminated, "Terminated", "Terminated"},
	{model.StatusWithdrawn, "Withdrawn", "Withdrawn"},
	{model.StatusUnknown, "Unknown status", "Unknown"},
	{model.StatusAvailable, "Available (expanded access)", "Available"},
	{model.StatusTemporarilyNotAvailable, "Temporarily not available (expanded access)", "Paused"},
	{model.StatusNoLongerAvailable, "No longer available (expanded access)", "Ended"},
	{model.StatusApprovedForMarketing, "Approved for marketing", "Approved"},
	{model.StatusWithheld, "Withheld", "Withheld"},
}

// BadgeWidth is the widest short status label.
const BadgeWidth = 10

// Status is a recruitment status in words: "Active, not recruiting".
// An empty status is "Status not stated".
func Status(st model.Status) string {
	if st == "" {
		return "Status " + NotStated
	}
	for _, w := range statusWords {
		if w.status == st {
			return w.long
		}
	}
	return model.Label(st)
}

// StatusShort is a status as the list's badge: "Closed" for active, not
// recruiting — closed to new patients, which is what a screener asks.
// Every badge is explained by Legend; "—" is a status not stated.
func StatusShort(st model.Status) string {
	for _, w := range statusWords {
		if w.status == st {
			return w.short
		}
	}
	if st == "" {
		return "—"
	}
	if r := []rune(model.Label(st)); len(r) > BadgeWidth {
		return string(r[:BadgeWidth-1]) + "…"
	}
	return model.Label(st)
}

// LegendEntry pairs a badge with what it stands for.
type LegendEntry struct{ Short, Long string }

// StatusLegend lists every status badge with its meaning, for help screens.
func StatusLegend() []LegendEntry {
	out := make([]LegendEntry, 0, len(statusWords)+1)
	for _, w := range statusWords {
		out = append(out, LegendEntry{w.short, w.long})
	}
	return append(out, LegendEntry{"—", "status not stated"})
}

// PhaseLegend explains the short phase labels of the list.
func PhaseLegend() []LegendEntry {
	return []LegendEntry{
		{"P1…P4", "phase 1 to phase 4"},
		{"P2/3", "a combined phase 2 and phase 3 trial"},
		{"E1", "early phase 1 (formerly phase 0)"},
		{"N/A", "phases do not apply (device, behavioural, observational studies)"},
		{"—", "phase not stated"},
	}
}

// Phase is a list of phases in words: "Phase 2/3", "Early phase 1",
// "Not applicable"; "" when none is stated.
func Phase(ps []model.Phase) string {
	return phaseWords{"Not applicable", "Early phase 1", "Phase ", ""}.say(ps)
}

// PhaseShort is a list of phases in five columns at most: "P2/3", "E1",
// "N/A", "—" when none is stated (see PhaseLegend).
func PhaseShort(ps []model.Phase) string {
	return Clip(phaseWords{"N/A", "E1", "P", "—"}.say(ps), 5)
}

// phaseWords are the words one way of writing phases uses.
type phaseWords struct{ na, early, numbered, none string }

func (w phaseWords) say(ps []model.Phase) string {
	nums, early, na := phaseParts(ps)
	switch {
	case na:
		return w.na
	case early && len(nums) == 0:
		return w.early
	case early:
		return w.early + "/" + w.numbered + strings.Join(nums, "/")
	case len(nums) > 0:
		return w.numbered + strings.Join(nums, "/")
	}
	return w.none
}

// phaseParts splits phases into their numbers ("2", "3"), early phase 1
// and not-applicable.
func phaseParts(ps []model.Phase) (nums []string, early, na bool) {
	for _, p := range ps {
		switch p {
		case model.PhaseNA:
			na = true
		case model.PhaseEarly1:
			early = true
		default:
			nums = append(nums, strings.TrimPrefix(string(p), "PHASE"))
		}
	}
	return nums, early, na
}

// Allocation is how participants are assigned: "Randomized"; the registry's
// NA, which a single-group study states, reads "Not applicable (single
// group)".
func Allocation(a model.Allocation) string {
	if a == model.AllocNA {
		return "Not applicable (single group)"
	}
	return model.Label(a)
}

// Masking is the blinding and who is blinded: "Double (participant,
// investigator)", "None (open label)".
func Masking(d model.Design) string {
	if d.Masking == "" {
		return ""
	}
	s := model.Label(d.Masking)
	if d.Masking == model.MaskingNone {
		s = "None (open label)"
	}
	var who []string
	for _, w := range d.WhoMasked {
		who = append(who, strings.ToLower(model.Label(w)))
	}
	if len(who) > 0 {
		s += " (" + strings.Join(who, ", ") + ")"
	}
	return s
}

// Sex is who may enrol by sex, or "not stated".
func Sex(s model.Sex) string {
	if s == "" {
		return NotStated
	}
	return model.Label(s)
}

// HealthyVolunteers is "Yes", "No" or "not stated".
func HealthyVolunteers(b *bool) string {
	switch {
	case b == nil:
		return NotStated
	case *b:
		return "Yes"
	}
	return "No"
}

// AgeRange is "18 Years to 75 Years", "18 Years and older", "up to 17
// Years", or "not stated".
func AgeRange(e model.Eligibility) string {
	switch {
	case e.MinAge != "" && e.MaxAge != "":
		return e.MinAge + " to " + e.MaxAge
	case e.MinAge != "":
		return e.MinAge + " and older"
	case e.MaxAge != "":
		return "up to " + e.MaxAge
	}
	return NotStated
}

// Enrollment is "122 participants (actual)"; "" when not stated.
func Enrollment(n *int, typ model.DateType) string {
	if n == nil {
		return ""
	}
	s := Count(*n, "participant", "participants")
	if typ != "" {
		s += " (" + strings.ToLower(string(typ)) + ")"
	}
	return s
}

// Date is "2023-08-01 (actual)", "2026-12 (estimated)"; "" when not stated.
func Date(date string, typ model.DateType) string {
	if date == "" || typ == "" {
		return date
	}
	return date + " (" + strings.ToLower(string(typ)) + ")"
}

// Sponsor is "Name (industry)"; "" when no name is given.
func Sponsor(s model.Sponsor) string {
	if s.Name == "" {
		return ""
	}
	if s.Class == "" {
		return s.Name
	}
	return s.Name + " (" + SponsorClass(s.Class) + ")"
}

// SponsorClass is a sponsor's class in words: "NIH", "U.S. federal".
func SponsorClass(c model.SponsorClass) string {
	switch c {
	case model.ClassNIH:
		return "NIH"
	case model.ClassFed:
		return "U.S. federal"
	case model.ClassOtherGov:
		return "other government"
	case model.ClassIndiv:
		return "individual"
	}
	return strings.ToLower(string(c))
}

// Investigator is "Name (Principal investigator), Affiliation".
func Investigator(v model.Investigator) string {
	s := v.Name
	if v.Role != "" {
		s += " (" + model.Label(v.Role) + ")"
	}
	if v.Affiliation != "" {
		s += ", " + v.Affiliation
	}
	return s
}

// Identifier is "ID (type)".
func Identifier(id model.SecondaryID) string {
	if id.Type == "" {
		return id.ID
	}
	return id.ID + " (" + id.Type + ")"
}

// InterventionName is an intervention with its type: "Drug: Lenvatinib".
func InterventionName(iv model.Intervention) string {
	if iv.Type == "" {
		return iv.Name
	}
	return model.Label(iv.Type) + ": " + iv.Name
}

// ArmType is an arm's role in words, or "type not given".
func ArmType(t model.ArmType) string {
	if t == "" {
		return "type not given"
	}
	return model.Label(t)
}

// Format names a source layout for people.
func Format(f model.Format) string {
	switch f {
	case model.FormatMirrorLabelled:
		return "ClinicalTrials.gov mirror (labelled)"
	case model.FormatMirrorBare:
		return "ClinicalTrials.gov mirror (unlabelled values)"
	case model.FormatClassic:
		return "classic ClinicalTrials.gov study page"
	case model.FormatClinConnect:
		return "ClinConnect page"
	case model.FormatMedPath:
		return "MedPath page"
	case model.FormatCTGovJSON:
		return "ClinicalTrials.gov API v2 JSON"
	case model.FormatCTGovXML:
		return "ClinicalTrials.gov legacy XML"
	}
	return string(f)
}

// Source is where a trial was read from: "studies.zip → NCT01234567.json".
func Source(src model.Source) string {
	if src.Entry == "" {
		return src.Path
	}
	return src.Path + " → " + src.Entry
}

// Count is a number with its noun: "1 trial", "5 trials", "1,204 trials".
func Count(n int, one, many string) string {
	if n == 1 || n == -1 {
		return Number(n) + " " + one
	}
	return Number(n) + " " + many
}

// Number writes n with thousands separators: 550,000.
func Number(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if len(s) > 3 {
		var b strings.Builder
		lead := len(s) % 3
		if lead > 0 {
			b.WriteString(s[:lead])
		}
		for i := lead; i < len(s); i += 3 {
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString(s[i : i+3])
		}
		s = b.String()
	}
	if neg {
		return "-" + s
	}
	return s
}
