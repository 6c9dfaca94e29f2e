package report

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

func f(x float64) *float64 { return &x }
func b(x bool) *bool       { return &x }

func TestRangeAndRegistryAge(t *testing.T) {
	cases := []struct {
		r    model.Requirement
		want string
	}{
		{model.Requirement{Variable: "ecog", Min: f(0), Max: f(1), MinInclusive: b(true), MaxInclusive: b(true)}, "≤ 1"},
		{model.Requirement{Variable: "platelets", Min: f(75), MinInclusive: b(true), Unit: "10^9/L"}, "≥ 75 ×10^9/L"},
		{model.Requirement{Variable: "bilirubin", Max: f(1.5), MaxInclusive: b(true), Unit: "xULN"}, "≤ 1.5 × ULN"},
		{model.Requirement{Variable: "bclc_stage", Values: []string{"B", "C"}}, "B or C"},
		{model.Requirement{Variable: "child_pugh_score", Max: f(9), MaxInclusive: b(true)}, "≤ 9 (A–B)"},
		{model.Requirement{Variable: "life_expectancy", Min: f(13.035), MinInclusive: b(false), Unit: "weeks"}, "> 3 months"},
	}
	for _, c := range cases {
		if got := Range(c.r); got != c.want {
			t.Errorf("Range(%s) = %q, want %q", eligibility.Describe(c.r), got, c.want)
		}
	}
	for in, want := range map[string]string{"18 Years–75 Years": "18–75 years", "≥ 18 Years": "≥ 18 years", "6 Months–17 Years": "6 months–17 years"} {
		if got := registryAge(in); got != want {
			t.Errorf("registryAge(%q) = %q, want %q", in, got, want)
		}
	}
}

func screenedTrial() *model.Trial {
	text := "Platelets ≥ 100 × 10^9/L (≥ 75 × 10^9/L with marrow involvement)"
	at := strings.Index(text, "≥ 100 × 10^9/L")
	return &model.Trial{ID: "NCT00000001", Eligibility: model.Eligibility{MinAge: "18 Years", MaxAge: "75 Years", Sex: model.SexAll,
		Inclusion: []model.Criterion{{Text: "ECOG 0-1"}, {Text: text}},
		Requirements: []model.Requirement{
			{Variable: "ecog", Max: f(1), MaxInclusive: b(true), From: "inclusion", Text: "ECOG 0-1", Span: [2]int{5, 8}},
			{Variable: "platelets", Min: f(100), MinInclusive: b(true), Unit: "10^9/L", From: "inclusion", Text: text, Span: [2]int{at, at + len("≥ 100 × 10^9/L")}},
			{Variable: "platelets", Min: f(75), MinInclusive: b(true), Unit: "10^9/L", From: "inclusion", Conditional: true, Text: text},
			{Variable: "bilirubin", Max: f(1.5), MaxInclusive: b(true), Unit: "mg/dL", From: "exclusion", Text: "Bilirubin > 1.5 mg/dL"},
		}}}
}

// The table without a patient, and with one: values, verdicts in words,
// a subgroup bound in brackets, the registry's fields, what excludes and
// what could not be checked — a value in another unit said as such.
func TestEligibilityRequirementsTable(t *testing.T) {
	tr := screenedTrial()
	got := squeeze(Eligibility(tr, 100, PlainTheme()))
	for _, want := range []string{
		"Requirements read from the criteria (4)",
		"  Variable         Allowed         From",
		"  ECOG             ≤ 1             inclusion",
		"  platelets        ≥ 75 ×10^9/L    inclusion  subgroup only",
		"  total bilirubin  ≤ 1.5 mg/dL     exclusion",
		"Exclusions are inverted into allowed ranges",
	} {
		if !strings.Contains(got, squeeze(want)) {
			t.Errorf("no patient: %q missing from\n%s", want, got)
		}
	}
	if strings.Contains(got, "Underlined") || strings.Contains(got, "Patient") {
		t.Errorf("a plain report claims underlining, or shows verdicts:\n%s", got)
	}
	p := fuzzPatient() // 67, male, ECOG 1, platelets 80, bilirubin 1.2 × ULN
	got = squeeze(EligibilityFor(tr, p, 100, PlainTheme()))
	for _, want := range []string{
		"✗ Excluded for this patient — not met: platelets ≥ 100 ×10^9/L (patient 80).",
		"? 1 not checked: total bilirubin (the profile gives 1.2 × ULN).",
		"  Variable         Allowed         From       Patient    Verdict",
		"  ECOG             ≤ 1             inclusion  1          ✓ met",
		"  platelets        ≥ 100 ×10^9/L   inclusion  80         ✗ not met",
		"  platelets        ≥ 75 ×10^9/L    inclusion  80         (✓ met)       subgroup only",
		"  total bilirubin  ≤ 1.5 mg/dL     exclusion  1.2 × ULN  ? other unit",
		"  age (registry)   18–75 years                67         ✓ met",
		"  sex (registry)   All                        male       ✓ met",
	} {
		if !strings.Contains(got, squeeze(want)) {
			t.Errorf("patient: %q missing from\n%s", want, got)
		}
	}
	// possible: what it means is said
	plt := 120.0
	p.Platelets = &plt
	if got := flat(EligibilityFor(tr, p, 100, PlainTheme())); !strings.Contains(got, "✓ Possible: "+PossibleMeans) {
		t.Errorf("possible:\n%s", got)
	}
	// nothing read
	none := &model.Trial{Eligibility: model.Eligibility{Inclusion: []model.Criterion{{Text: "Signed consent"}}, Requirements: []model.Requirement{}}}
	if got := Eligibility(none, 80, PlainTheme()); !strings.Contains(got, "None read from the criteria.") || !strings.Contains(got, "Only these are read:") {
		t.Errorf("none read:\n%s", got)
	}
}

// squeeze makes every run of spaces one, line by line: the tests read the
// table's cells, not the widths of its columns.
func squeeze(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

// flat is s on one line, runs of spaces made one: a sentence however it
// wrapped.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// Too narrow for the columns, the table becomes a list; no line is wider
// than asked.
func TestRequirementsTableNarrow(t *testing.T) {
	out := EligibilityFor(screenedTrial(), fuzzPatient(), 30, DefaultTheme())
	for _, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > 30 {
			t.Errorf("line %d wide: %q", w, ansi.Strip(l))
		}
	}
	if s := flat(ansi.Strip(out)); !strings.Contains(s, "• platelets · allowed ≥ 100") || !strings.Contains(s, "verdict ✗ not met") {
		t.Errorf("narrow:\n%s", s)
	}
}

// The words a requirement was read from are underlined in its criterion,
// wherever the criterion wraps.
func TestCriteriaMarkSources(t *testing.T) {
	out := Eligibility(screenedTrial(), 40, DefaultTheme())
	var runs []string
	for _, l := range strings.Split(out, "\n") {
		runs = append(runs, underlinedIn(l)...)
	}
	joined := strings.Join(runs, "")
	if !strings.Contains(joined, "0-1") || !strings.Contains(joined, "≥ 100 ×") || strings.Contains(joined, "75") {
		t.Errorf("underlined %q", runs)
	}
	if !strings.Contains(out, "Underlined below") {
		t.Error("the note on underlining is missing where it underlines")
	}
}

// underlinedIn is the text of an ANSI line drawn with SGR 4 on.
func underlinedIn(s string) []string {
	var out []string
	on := false
	var cur strings.Builder
	p := ansi.NewParser()
	state := byte(0)
	for len(s) > 0 {
		seq, width, n, newState := ansi.DecodeSequence(s, state, p)
		state = newState
		if width == 0 && strings.HasPrefix(seq, "\x1b[") && strings.HasSuffix(seq, "m") {
			for _, prm := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(seq, "\x1b["), "m"), ";") {
				switch prm {
				case "", "0", "24":
					on = false
				case "4":
					on = true
				}
			}
		} else if width > 0 {
			if on {
				cur.WriteString(seq)
			} else if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		}
		s = s[n:]
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// Three trials' requirements line up by variable, with the patient's
// verdict on each side; a variable one trial states and another does not
// reads "none read", marked ·.
func TestCompareRequirementsRows(t *testing.T) {
	a := screenedTrial()
	bT := &model.Trial{ID: "B", Eligibility: model.Eligibility{Requirements: []model.Requirement{
		{Variable: "ecog", Max: f(2), MaxInclusive: b(true), From: "inclusion"},
		{Variable: "platelets", Min: f(100), MinInclusive: b(true), Unit: "10^9/L", From: "inclusion"},
	}}}
	c := &model.Trial{ID: "C", Eligibility: model.Eligibility{Requirements: []model.Requirement{
		{Variable: "ecog", Max: f(1), MaxInclusive: b(true), From: "inclusion"},
	}}}
	var sec Section
	for _, s := range CompareFor([]*model.Trial{a, bT, c}, nil, fuzzPatient()) {
		if s.Title == "Requirements read from the criteria" {
			sec = s
		}
	}
	rows := map[string]Row{}
	for _, r := range sec.Rows {
		rows[r.Label] = r
	}
	check := func(label string, mark Mark, cells ...string) {
		t.Helper()
		r, ok := rows[label]
		if !ok || r.Mark != mark || strings.Join(r.Cells, " | ") != strings.Join(cells, " | ") {
			t.Errorf("row %s: %+v, want mark %d and %q", label, r, mark, cells)
		}
	}
	check("Pre-screen", Differs, "✗ excluded: platelets · ? 1 unknown", "✗ excluded: platelets", "✓ possible")
	check("ECOG", Differs, "≤ 1 — ✓ met", "≤ 2 — ✓ met", "≤ 1 — ✓ met")
	check("platelets", Differs, "≥ 100 ×10^9/L; ≥ 75 ×10^9/L (subgroup) — ✗ not met", "≥ 100 ×10^9/L — ✗ not met", noneRead)
	check("total bilirubin", NotAll, "≤ 1.5 mg/dL — ? unknown", noneRead, noneRead)
	check("Registry age", NotAll, "18–75 years — ✓ met", "not stated", "not stated")
	// without a patient: the bounds only
	for _, s := range Compare([]*model.Trial{a, bT}, nil) {
		for _, r := range s.Rows {
			if r.Label == "Pre-screen" || strings.Contains(strings.Join(r.Cells, ""), "✓") {
				t.Errorf("verdicts without a patient: %+v", r)
			}
		}
	}
}
