package report

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/model"
)

func TestCriteriaNumbering(t *testing.T) {
	tr := &model.Trial{Eligibility: model.Eligibility{Inclusion: []model.Criterion{
		{Text: "Adequate function:", Children: []model.Criterion{{Text: "Hb ≥ 9", Children: []model.Criterion{{Text: "or transfused"}}}, {Text: "ANC ≥ 1.5"}}},
		{Text: "ECOG 0-1"},
	}}}
	got := ansi.Strip(Eligibility(tr, 60, PlainTheme()))
	for _, want := range []string{"Inclusion criteria (2 + 3 sub-items)", "1. Adequate function:", "   a. Hb ≥ 9", "      i. or transfused", "   b. ANC ≥ 1.5", "2. ECOG 0-1", "Exclusion criteria (0)", "None stated."} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

func TestCompareAlignsSharedItems(t *testing.T) {
	a := &model.Trial{ID: "A", Conditions: []string{"HCC", "Cirrhosis"}, Interventions: []model.Intervention{{Name: "Lenvatinib", Type: model.InterventionDrug}, {Name: "TACE"}}}
	b := &model.Trial{ID: "B", Conditions: []string{"Liver metastases", "hcc"}, Interventions: []model.Intervention{{Name: "lenvatinib"}}}
	var conds, ivs []Row
	for _, s := range Compare([]*model.Trial{a, b}, nil) {
		for _, r := range s.Rows {
			if r.Label == "Conditions" || (len(conds) > 0 && r.Label == "" && s.Title == "Overview") {
				if r.Label == "Conditions" && len(conds) > 0 {
					t.Error("two rows labelled Conditions")
				}
				conds = append(conds, r)
			}
			if r.Label == "Interventions" || (len(ivs) > 0 && r.Label == "" && s.Title == "Arms and interventions") {
				ivs = append(ivs, r)
			}
		}
	}
	if len(conds) != 2 || conds[0].Mark != Shared || !slices.Equal(conds[0].Cells, []string{"HCC", "hcc"}) || conds[1].Mark != NotAll {
		t.Errorf("conditions %+v", conds)
	}
	if len(ivs) != 2 || ivs[0].Mark != Shared || !slices.Equal(ivs[1].Cells, []string{"TACE", ""}) {
		t.Errorf("interventions %+v", ivs)
	}
	// Both sides of every rendered row end at the same line.
	lines := RenderCompare(Compare([]*model.Trial{a, b}, nil), NewCompareLayout(80, 2), PlainTheme())
	for _, l := range lines {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("line wider than 80: %q", l)
		}
	}
}

// TestCompareThreeTrials: with more than two trials, what all share comes
// first and is marked =, what some share next (·), then each one's own; and
// a field is ≠ as soon as one trial differs.
func TestCompareThreeTrials(t *testing.T) {
	a := &model.Trial{ID: "A", Status: model.StatusRecruiting, Conditions: []string{"HCC", "Cirrhosis", "Pain"},
		Eligibility: model.Eligibility{Inclusion: []model.Criterion{{Text: "ECOG 0-1"}, {Text: "Child-Pugh A"}}}}
	b := &model.Trial{ID: "B", Status: model.StatusRecruiting, Conditions: []string{"cirrhosis", "hcc"},
		Eligibility: model.Eligibility{Inclusion: []model.Criterion{{Text: "Child-Pugh A"}, {Text: "ECOG 0-1"}}}}
	c := &model.Trial{ID: "C", Status: model.StatusCompleted, Conditions: []string{"HCC", "Fatigue", "pain"},
		Eligibility: model.Eligibility{Inclusion: []model.Criterion{{Text: "ECOG 0-1"}}}}
	rows := map[string][]Row{}
	var section string
	for _, s := range Compare([]*model.Trial{a, b, c}, nil) {
		for _, r := range s.Rows {
			switch {
			case strings.HasSuffix(s.Title, "criteria"):
				section = s.Title
			case r.Label != "":
				section = s.Title + "/" + r.Label
			}
			rows[section] = append(rows[section], r)
		}
	}
	conds := rows["Overview/Conditions"]
	want := []struct {
		cells []string
		mark  Mark
	}{
		{[]string{"HCC", "hcc", "HCC"}, Shared},
		{[]string{"Cirrhosis", "cirrhosis", ""}, NotAll},
		{[]string{"Pain", "", "pain"}, NotAll},
		{[]string{"", "", "Fatigue"}, NotAll},
	}
	if len(conds) != len(want) {
		t.Fatalf("conditions: %+v", conds)
	}
	for i, w := range want {
		if !slices.Equal(conds[i].Cells, w.cells) || conds[i].Mark != w.mark {
			t.Errorf("condition row %d: %q %d, want %q %d", i, conds[i].Cells, conds[i].Mark, w.cells, w.mark)
		}
	}
	if st := rows["Overview/Status"]; len(st) != 1 || st[0].Mark != Differs || len(st[0].Statuses) != 3 || st[0].Statuses[2] != model.StatusCompleted {
		t.Errorf("status: %+v", st)
	}
	incl := rows["Inclusion criteria"]
	if len(incl) != 2 || incl[0].Mark != Shared || incl[1].Mark != NotAll || incl[1].Cells[2] != "" {
		t.Errorf("criteria: %+v", incl)
	}
	for _, width := range []int{60, 120, 200, 240} {
		lines := RenderCompare(Compare([]*model.Trial{a, b, c}, nil), NewCompareLayout(width, 3), PlainTheme())
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("%d columns: a line is %d wide: %q", width, w, l)
			}
		}
		if !strings.Contains(strings.Join(lines, "\n"), "│ Fatigue") {
			t.Errorf("%d columns: the third column is missing", width)
		}
	}
}

func TestTrialsThatFit(t *testing.T) {
	tests := []struct{ width, n, want int }{
		{80, 4, 2}, {120, 3, 2}, {150, 3, 2}, {200, 3, 3}, {200, 4, 3}, {230, 4, 3}, {231, 4, 4}, {300, 2, 2}, {300, 7, 4}, {300, 1, 2},
	}
	for _, tt := range tests {
		if got := TrialsThatFit(tt.width, tt.n); got != tt.want {
			t.Errorf("TrialsThatFit(%d, %d) = %d, want %d", tt.width, tt.n, got, tt.want)
		}
		if k := TrialsThatFit(tt.width, tt.n); k > 2 {
			if col := NewCompareLayout(tt.width, k).Column; col < MinTrialColumn {
				t.Errorf("%d trials at %d: columns of %d", k, tt.width, col)
			}
		}
	}
}

// TestCriteriaNotesAndHangingIndents: the notes of a list read above it,
// never numbered; an item's children start under its text however wide its
// number; a nested list in a description keeps its indentation.
func TestCriteriaNotesAndHangingIndents(t *testing.T) {
	var inc []model.Criterion
	for i := range 10 {
		inc = append(inc, model.Criterion{Text: "Item " + string(rune('A'+i))})
	}
	inc[9].Children = []model.Criterion{{Text: "under ten"}}
	tr := &model.Trial{Eligibility: model.Eligibility{Inclusion: inc, Notes: []string{"Subjects who meet each of the following criteria are eligible:"}}}
	got := ansi.Strip(Eligibility(tr, 60, PlainTheme()))
	for _, want := range []string{"Notes on the criteria\n• Subjects who meet each", "10. Item J\n    a. under ten"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "1. Subjects who meet") {
		t.Errorf("a note numbered as a criterion:\n%s", got)
	}
	arm := &model.Trial{Arms: []model.Arm{{Label: "A", Description: "Tools:\n1. EHR tools\n   a. alerts that wrap over more than one line of the pane"}}}
	got = ansi.Strip(Arms(arm, 40, PlainTheme()))
	if !strings.Contains(got, "   1. EHR tools\n      a. alerts that wrap over more than\n         one line of the pane") {
		t.Errorf("nested description lost its indentation:\n%s", got)
	}
}

// TestOverviewRecordFields: the detail shows whom to ask (centrally and at
// each site), how old the verified status is — a warning when a trial
// still claims to recruit years later — results, expanded access,
// references and the page's similar trials (issue 10 §3).
func TestOverviewRecordFields(t *testing.T) {
	defer func(f func() time.Time) { Today = f }(Today)
	Today = func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }
	tr := &model.Trial{
		ID: "NCT00001177", NCTID: "NCT00001177", Title: "Mood study", Status: model.StatusRecruiting, StartDate: "1981-03",
		StatusVerified: "2019-03", HasResults: true,
		ExpandedAccess:  &model.ExpandedAccess{NCTID: "NCT03559686", Status: model.StatusAvailable},
		CentralContacts: []model.Contact{{Name: "Peter J Schmidt, M.D.", Role: "CONTACT", Phone: "(301) 496-6120", Email: "ps@example.gov"}},
		Locations: []model.Location{{Facility: "NIH Clinical Center", City: "Bethesda", Country: "United States",
			Contacts: []model.Contact{{Name: "Office of Patient Recruitment", Phone: "800-411-1222"}, {Name: "P. Schmidt", Role: "PRINCIPAL_INVESTIGATOR"}}}},
		References:    []model.Reference{{Citation: "Rubinow DR. JAMA. 1992.", PMID: "1404717"}},
		SimilarTrials: []string{"NCT00711542"},
	}
	got := ansi.Strip(Overview(tr, 100, PlainTheme()))
	for _, want := range []string{
		"Status verified      2019-03 — 7 years ago, yet the status still says recruiting",
		"Results              Results posted on ClinicalTrials.gov",
		"Expanded access      NCT03559686 (available)",
		"Contacts\n• Peter J Schmidt, M.D. · (301) 496-6120 · ps@example.gov",
		"• NIH Clinical Center — Bethesda\n    Contact: Office of Patient Recruitment · 800-411-1222\n    Contact: P. Schmidt (principal investigator)",
		"References (1 reference)\n• Rubinow DR. JAMA. 1992. PMID 1404717",
		"Similar (per page)   NCT00711542",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	tr.Status = model.StatusCompleted
	if got := ansi.Strip(Overview(tr, 100, PlainTheme())); strings.Contains(got, "years ago") {
		t.Errorf("a completed trial's old verification is no warning:\n%s", got)
	}
}
