package model

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestParseStatus(t *testing.T) {
	tests := map[string]Status{
		"Not yet recruiting": StatusNotYetRecruiting, "NOT_YET_RECRUITING": StatusNotYetRecruiting,
		"Recruiting": StatusRecruiting, "Active, not recruiting": StatusActiveNotRecruiting,
		"Enrolling by invitation": StatusEnrollingByInvitation, "Unknown status": StatusUnknown,
		"Available": StatusAvailable, "No longer available": StatusNoLongerAvailable,
		"withdrawn": StatusWithdrawn, " Completed ": StatusCompleted,
	}
	for in, want := range tests {
		if got, ok := ParseStatus(in); !ok || got != want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "Recruiting soon", "Open"} {
		if got, ok := ParseStatus(bad); ok {
			t.Errorf("ParseStatus(%q) = %q, want no match", bad, got)
		}
	}
}

func TestParsePhases(t *testing.T) {
	tests := []struct {
		in   string
		want []Phase
	}{
		{"PHASE2/PHASE3", []Phase{Phase2, Phase3}},
		{"Phase 2", []Phase{Phase2}},
		{"Phase 1/Phase 2", []Phase{Phase1, Phase2}},
		{"Phase 2/3", []Phase{Phase2, Phase3}},
		{"Phase II", []Phase{Phase2}},
		{"Early Phase 1", []Phase{PhaseEarly1}},
		{"EARLY_PHASE1", []Phase{PhaseEarly1}},
		{"Not Applicable", []Phase{PhaseNA}},
		{"N/A", []Phase{PhaseNA}},
		{"NA", []Phase{PhaseNA}},
		{"PHASE3, PHASE2", []Phase{Phase2, Phase3}},
	}
	for _, tt := range tests {
		got, ok := ParsePhases(tt.in)
		if !ok || !slices.Equal(got, tt.want) {
			t.Errorf("ParsePhases(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
	if _, ok := ParsePhases("Recruiting"); ok {
		t.Error("a status is not a phase")
	}
}

func TestParseEnums(t *testing.T) {
	check := func(name string, got, want string, ok bool) {
		t.Helper()
		if !ok || got != want {
			t.Errorf("%s = %q, %v; want %q", name, got, ok, want)
		}
	}
	a, ok := ParseArmType("Experimental:")
	check("arm Experimental:", string(a), "EXPERIMENTAL", ok)
	a, ok = ParseArmType("Group Type ACTIVE_COMPARATOR")
	check("arm Group Type", string(a), "ACTIVE_COMPARATOR", ok)
	a, ok = ParseArmType("Placebo Comparator")
	check("arm Placebo Comparator", string(a), "PLACEBO_COMPARATOR", ok)
	i, ok := ParseInterventionType("Biological:")
	check("intervention Biological:", string(i), "BIOLOGICAL", ok)
	i, ok = ParseInterventionType("Intervention Type DRUG")
	check("intervention Intervention Type DRUG", string(i), "DRUG", ok)
	i, ok = ParseInterventionType("Dietary Supplement")
	check("intervention Dietary Supplement", string(i), "DIETARY_SUPPLEMENT", ok)
	m, ok := ParseInterventionModel("Parallel Assignment")
	check("model", string(m), "PARALLEL", ok)
	al, ok := ParseAllocation("Non-Randomized")
	check("allocation", string(al), "NON_RANDOMIZED", ok)
	al, ok = ParseAllocation("N/A")
	check("allocation N/A", string(al), "NA", ok)
	st, ok := ParseStudyType("Observational [Patient Registry]")
	check("study type", string(st), "OBSERVATIONAL", ok)
	c, ok := ParseSponsorClass("U.S. Fed")
	check("class", string(c), "FED", ok)
	c, ok = ParseSponsorClass("Other")
	check("class Other", string(c), "OTHER", ok)
	p, ok := ParsePrimaryPurpose("Supportive Care")
	check("purpose", string(p), "SUPPORTIVE_CARE", ok)
	sm, ok := ParseSamplingMethod("Non-Probability Sample")
	check("sampling", sm, "NON_PROBABILITY_SAMPLE", ok)

	mask, who, ok := ParseMasking("None (Open Label)")
	if !ok || mask != MaskingNone || len(who) != 0 {
		t.Errorf("masking None (Open Label) = %q %v %v", mask, who, ok)
	}
	mask, who, ok = ParseMasking("Double (Participant, Outcomes Assessor)")
	if !ok || mask != MaskingDouble || !slices.Equal(who, []WhoMasked{MaskedParticipant, MaskedOutcomesAssessor}) {
		t.Errorf("masking Double (…) = %q %v %v", mask, who, ok)
	}
	if w, ok := ParseWhoMasked("Outcome Assessors"); !ok || w != MaskedOutcomesAssessor {
		t.Errorf("who masked %q", w)
	}
}

func TestParseDate(t *testing.T) {
	tests := map[string]string{
		"Aug 1, 2023": "2023-08-01", "June 28, 2025": "2025-06-28", "August 2023": "2023-08",
		"2023-08-01": "2023-08-01", "2023-08": "2023-08", "Sept 5, 2021": "2021-09-05",
		"1 March 2020": "2020-03-01", "2020/3/4": "2020-03-04", "Feb 29, 2024": "2024-02-29",
	}
	for in, want := range tests {
		if got, ok := ParseDate(in); !ok || got != want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "soon", "Feb 29, 2023", "2023-13-01", "June 31, 2025", "Smarch 2020"} {
		if got, ok := ParseDate(bad); ok {
			t.Errorf("ParseDate(%q) = %q, want failure", bad, got)
		}
	}
}

func TestParseAge(t *testing.T) {
	tests := map[string]string{
		"18 Years": "18 Years", "18 years": "18 Years", "1 Year": "1 Year", "6 Months": "6 Months",
		"6 months old": "6 Months", "18": "18 Years", "28 Days": "28 Days", "12 Weeks": "12 Weeks",
	}
	for in, want := range tests {
		if got, ok := ParseAge(in); !ok || got != want {
			t.Errorf("ParseAge(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "N/A", "adult"} {
		if _, ok := ParseAge(bad); ok {
			t.Errorf("ParseAge(%q) should fail", bad)
		}
	}
}

// TestCanonicalizeEmptyLists: absent lists export as [], never null.
func TestCanonicalizeEmptyLists(t *testing.T) {
	tr := &Trial{Eligibility: Eligibility{Inclusion: []Criterion{{Text: "x"}}}}
	tr.Canonicalize()
	b, _ := json.Marshal(tr)
	// Only the three fields the contract allows to be null are.
	if n := strings.Count(string(b), "null"); n != 3 {
		t.Errorf("%d nulls, want 3 (enrollment, healthy_volunteers, expanded_access): %s", n, b)
	}
	for _, key := range []string{`"phases":[]`, `"children":[]`, `"healthy_volunteers":null`, `"who_masked":[]`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("missing %s in %s", key, b)
		}
	}
}

func TestPhaseLabel(t *testing.T) {
	tests := map[string][]Phase{"Phase 2/3": {Phase2, Phase3}, "N/A": {PhaseNA}, "Early 1": {PhaseEarly1}, "": nil}
	for want, in := range tests {
		if got := PhaseLabel(in); got != want {
			t.Errorf("PhaseLabel(%v) = %q, want %q", in, got, want)
		}
	}
}
