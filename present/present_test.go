package present

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/trials-app/trials/model"
)

func TestStatusLabels(t *testing.T) {
	tests := []struct {
		st          model.Status
		long, short string
	}{
		{model.StatusActiveNotRecruiting, "Active, not recruiting", "Closed"},
		{model.StatusRecruiting, "Recruiting", "Recruiting"},
		{model.StatusNotYetRecruiting, "Not yet recruiting", "Not yet"},
		{model.StatusEnrollingByInvitation, "Enrolling by invitation", "By invite"},
		{model.StatusTemporarilyNotAvailable, "Temporarily not available (expanded access)", "Paused"},
		{"", "Status not stated", "—"},
		{"SOMETHING_NEW", "Something new", "Something…"},
	}
	for _, tt := range tests {
		if got := Status(tt.st); got != tt.long {
			t.Errorf("Status(%q) = %q, want %q", tt.st, got, tt.long)
		}
		if got := StatusShort(tt.st); got != tt.short {
			t.Errorf("StatusShort(%q) = %q, want %q", tt.st, got, tt.short)
		}
	}
}

// TestEveryBadgeFitsAndHasALegend: the list's badge column is BadgeWidth
// wide, and help explains every badge.
func TestEveryBadgeFitsAndHasALegend(t *testing.T) {
	legend := map[string]string{}
	for _, e := range StatusLegend() {
		legend[e.Short] = e.Long
	}
	for _, w := range statusWords {
		if n := utf8.RuneCountInString(w.short); n > BadgeWidth {
			t.Errorf("badge %q is %d wide", w.short, n)
		}
		if legend[w.short] == "" {
			t.Errorf("badge %q has no legend", w.short)
		}
	}
}

func TestPhases(t *testing.T) {
	tests := []struct {
		ps          []model.Phase
		long, short string
	}{
		{nil, "", "—"},
		{[]model.Phase{model.Phase2, model.Phase3}, "Phase 2/3", "P2/3"},
		{[]model.Phase{model.Phase1}, "Phase 1", "P1"},
		{[]model.Phase{model.PhaseEarly1}, "Early phase 1", "E1"},
		{[]model.Phase{model.PhaseEarly1, model.Phase1}, "Early phase 1/Phase 1", "E1/P1"},
		{[]model.Phase{model.PhaseNA}, "Not applicable", "N/A"},
	}
	for _, tt := range tests {
		if got := Phase(tt.ps); got != tt.long {
			t.Errorf("Phase(%v) = %q, want %q", tt.ps, got, tt.long)
		}
		if got := PhaseShort(tt.ps); got != tt.short {
			t.Errorf("PhaseShort(%v) = %q, want %q", tt.ps, got, tt.short)
		}
	}
}

func TestLines(t *testing.T) {
	n, yes := 122, true
	tests := []struct{ got, want string }{
		{Allocation(model.AllocNA), "Not applicable (single group)"},
		{Allocation(model.AllocRandomized), "Randomized"},
		{Masking(model.Design{Masking: model.MaskingNone}), "None (open label)"},
		{Masking(model.Design{Masking: model.MaskingDouble, WhoMasked: []model.WhoMasked{model.MaskedParticipant, model.MaskedInvestigator}}), "Double (participant, investigator)"},
		{AgeRange(model.Eligibility{MinAge: "18 Years", MaxAge: "75 Years"}), "18 Years to 75 Years"},
		{AgeRange(model.Eligibility{MinAge: "18 Years"}), "18 Years and older"},
		{AgeRange(model.Eligibility{MaxAge: "17 Years"}), "up to 17 Years"},
		{AgeRange(model.Eligibility{}), "not stated"},
		{Enrollment(&n, model.DateActual), "122 participants (actual)"},
		{Enrollment(nil, model.DateActual), ""},
		{Date("2023-08", model.DateEstimated), "2023-08 (estimated)"},
		{Date("2023-08-01", ""), "2023-08-01"},
		{Sponsor(model.Sponsor{Name: "NCI", Class: model.ClassNIH}), "NCI (NIH)"},
		{Sponsor(model.Sponsor{Name: "Roche", Class: model.ClassIndustry}), "Roche (industry)"},
		{HealthyVolunteers(&yes), "Yes"},
		{HealthyVolunteers(nil), "not stated"},
		{Sex(""), "not stated"},
		{Investigator(model.Investigator{Name: "A. Chan", Role: "PRINCIPAL_INVESTIGATOR", Affiliation: "HKU"}), "A. Chan (Principal investigator), HKU"},
		{Site(model.Location{Facility: "Mayo", City: "Rochester", State: "MN", Zip: "55905", Country: "United States", Status: "ACTIVE_NOT_RECRUITING"}, true), "Mayo — Rochester, MN 55905, United States [Active, not recruiting]"},
		{Site(model.Location{City: "Beijing", Country: "China"}, false), "Beijing"},
		{Site(model.Location{}, false), "(site not named)"},
		{InterventionName(model.Intervention{Name: "Lenvatinib", Type: model.InterventionDrug}), "Drug: Lenvatinib"},
		{Source(model.Source{Path: "a.zip", Entry: "NCT1.json"}), "a.zip → NCT1.json"},
		{Count(1, "trial", "trials"), "1 trial"},
		{Count(0, "trial", "trials"), "0 trials"},
		{Count(550000, "trial", "trials"), "550,000 trials"},
		{Number(1204), "1,204"},
		{Number(-1234567), "-1,234,567"},
		{CriterionMarker(0, 2), "3."},
		{CriterionMarker(1, 27), "ab."},
		{CriterionMarker(2, 3), "iv."},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"abcdefghij", 6, "abc…"},
		{"ααααα", 6, "α…"}, // never cuts inside a character
		{"abc", 1, "…"},
	}
	for _, tt := range tests {
		if got := Clip(tt.s, tt.max); got != tt.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
		}
		if got := Clip(tt.s, tt.max); len(got) > max(tt.max, len("…")) {
			t.Errorf("Clip(%q, %d) is %d bytes", tt.s, tt.max, len(got))
		}
	}
	long := strings.Repeat("x", MaxText+500)
	got := ClipText(long)
	if len(got) > MaxText+100 || !strings.Contains(got, "[cut: 503 more bytes in the source]") {
		t.Errorf("ClipText: %d bytes, ends %q", len(got), got[len(got)-60:])
	}
	items, more := ClipItems(make([]int, MaxItems+3))
	if len(items) != MaxItems || more != 3 {
		t.Errorf("ClipItems: %d, %d more", len(items), more)
	}
}

func TestHighlight(t *testing.T) {
	up := func(s string) string { return "[" + s + "]" }
	same := func(s string) string { return s }
	tests := []struct {
		s     string
		spans [][2]int
		want  string
	}{
		{"Lenvatinib plus TACE", [][2]int{{0, 4}, {16, 20}}, "[Lenv]atinib plus [TACE]"},
		{"abc", nil, "abc"},
		{"abc", [][2]int{{0, 3}}, "[abc]"},
		{"abc", [][2]int{{2, 9}, {1, 0}}, "abc"}, // spans out of range are ignored
	}
	for _, tt := range tests {
		if got := Highlight(tt.s, tt.spans, same, up); got != tt.want {
			t.Errorf("Highlight(%q, %v) = %q, want %q", tt.s, tt.spans, got, tt.want)
		}
	}
}

func TestStatusVerified(t *testing.T) {
	today := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		verified string
		status   model.Status
		stale    bool
		want     string
	}{
		{"2019-03", model.StatusRecruiting, true, "2019-03 — 7 years ago, yet the status still says recruiting: it may be out of date; ask the study team"},
		{"2019-03", model.StatusCompleted, false, "2019-03"},
		{"2024-11", model.StatusRecruiting, false, "2024-11"}, // two years to the month: not yet
		{"2024-10", model.StatusNotYetRecruiting, true, "2024-10 — 2 years ago, yet the status still says not yet recruiting: it may be out of date; ask the study team"},
		{"", model.StatusRecruiting, false, ""},
		{"March 2019", model.StatusRecruiting, false, "March 2019"},
	}
	for _, tt := range tests {
		got, stale := StatusVerified(tt.verified, tt.status, today)
		if got != tt.want || stale != tt.stale {
			t.Errorf("%q %s: %q %v, want %q %v", tt.verified, tt.status, got, stale, tt.want, tt.stale)
		}
	}
}

func TestContactReferenceExpandedAccess(t *testing.T) {
	if got := Contact(model.Contact{Name: "Ann Lee", Role: "PRINCIPAL_INVESTIGATOR", Phone: "555-0100", Email: "a@x.org"}); got != "Ann Lee (principal investigator) · 555-0100 · a@x.org" {
		t.Errorf("contact %q", got)
	}
	if got := Contact(model.Contact{Role: "CONTACT", Email: "a@x.org"}); got != "(no name given) · a@x.org" {
		t.Errorf("contact %q", got)
	}
	if got := Reference(model.Reference{Citation: "Lee A. 2020.", PMID: "123", Type: "RESULT"}); got != "Lee A. 2020. PMID 123 (results)" {
		t.Errorf("reference %q", got)
	}
	if got := ExpandedAccess(&model.ExpandedAccess{NCTID: "NCT03559686", Status: model.StatusAvailable}); got != "NCT03559686 (available)" {
		t.Errorf("expanded access %q", got)
	}
	if got := ExpandedAccess(&model.ExpandedAccess{}); !strings.Contains(got, "names no expanded-access record") {
		t.Errorf("expanded access %q", got)
	}
	if ExpandedAccess(nil) != "" {
		t.Error("no expanded access says nothing")
	}
}
