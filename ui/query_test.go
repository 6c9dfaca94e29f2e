package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"slices"
	"strings"
	"testing"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
)

// queryTrials are trials of our own for the query language in the list:
// statuses, phases, countries and a drug a typo away from another.
func queryTrials() []*model.Trial {
	enroll := func(n int) *int { return &n }
	yes := true
	ecogAtMost := func(v float64) []model.Requirement {
		return []model.Requirement{{Variable: "ecog", Max: &v, MaxInclusive: &yes, From: "inclusion"}}
	}
	return []*model.Trial{
		{ID: "NCT00000101", NCTID: "NCT00000101", Title: "Lenvatinib Plus TACE in Hepatocellular Carcinoma", Status: model.StatusRecruiting,
			Phases: []model.Phase{model.Phase3}, StudyType: model.StudyInterventional, Enrollment: enroll(300), EnrollmentType: model.DateEstimated,
			StartDate: "2024-03", LastUpdated: "2025-06-01",
			Interventions: []model.Intervention{{Name: "Lenvatinib", Type: model.InterventionDrug}},
			LeadSponsor:   model.Sponsor{Name: "Eisai Inc.", Class: model.ClassIndustry},
			Locations:     []model.Location{{Facility: "Charité", City: "Berlin", Country: "Germany"}}, Countries: []string{"Germany"},
			Eligibility: model.Eligibility{Requirements: ecogAtMost(1)}},
		{ID: "NCT00000102", NCTID: "NCT00000102", Title: "Afatinib in Lung Cancer", Status: model.StatusCompleted,
			Phases: []model.Phase{model.Phase2}, StudyType: model.StudyInterventional, Enrollment: enroll(80),
			StartDate: "2012-01", LastUpdated: "2019-02-01",
			Interventions: []model.Intervention{{Name: "Afatinib", Type: model.InterventionDrug}},
			LeadSponsor:   model.Sponsor{Name: "Boehringer Ingelheim", Class: model.ClassIndustry},
			Locations:     []model.Location{{Facility: "Centre Léon Bérard", City: "Lyon", Country: "France"}}, Countries: []string{"France"},
			Eligibility: model.Eligibility{Requirements: ecogAtMost(2)}},
		{ID: "NCT00000103", NCTID: "NCT00000103", Title: "Atezolizumab and Bevacizumab in Liver Cancer", Status: model.StatusRecruiting,
			Phases: []model.Phase{model.Phase2, model.Phase3}, StudyType: model.StudyInterventional, Enrollment: enroll(500),
			StartDate: "2023-05", LastUpdated: "2026-01-10",
			Interventions: []model.Intervention{{Name: "Atezolizumab"}, {Name: "Bevacizumab"}},
			LeadSponsor:   model.Sponsor{Name: "National Cancer Institute (NCI)", Class: model.ClassNIH},
			Locations:     []model.Location{{Facility: "Mayo Clinic", City: "Rochester", Country: "United States"}, {Facility: "Uniklinik Köln", City: "Köln", Country: "Germany"}},
			Countries:     []string{"United States", "Germany"},
			Eligibility:   model.Eligibility{Requirements: []model.Requirement{}}},
		{ID: "NCT00000104", NCTID: "NCT00000104", Title: "Liver Cancer Registry", Status: model.StatusNotYetRecruiting,
			StudyType: model.StudyObservational, Enrollment: enroll(1000), StartDate: "2027-01", LastUpdated: "2026-11-01",
			LeadSponsor: model.Sponsor{Name: "Mayo Clinic", Class: model.ClassOther},
			Locations:   []model.Location{{Facility: "Mayo Clinic", City: "Rochester", Country: "United States"}}, Countries: []string{"United States"},
			Eligibility: model.Eligibility{Requirements: ecogAtMost(2)}},
	}
}

func queryModel(t *testing.T, w, h int) *Model {
	t.Helper()
	return newTestModel(t, corpus.FromTrials(queryTrials(), nil, "query tests"), w, h)
}

// query types a query into the list's filter, from an empty one.
func query(t *testing.T, m *Model, q string) {
	t.Helper()
	if m.browser.list.filter.state != filtering {
		press(t, m, "/")
	}
	press(t, m, "ctrl+u")
	typeText(t, m, q)
}

func statusLine(m *Model) string {
	lines := strings.Split(screen(m), "\n")
	return lines[len(lines)-2]
}

func TestQueryFielded(t *testing.T) {
	tests := []struct {
		query string
		want  string
	}{
		{"status:recruiting phase:3", "NCT00000101 NCT00000103"},
		{"status:open -phase:3", "NCT00000104"},
		{"country:germany", "NCT00000101 NCT00000103"},
		{`site:"mayo clinic" type:obs`, "NCT00000104"},
		{"liver enroll:>600", "NCT00000104"},
		{"phase:2|3 sponsor:boehringer", "NCT00000102"},
		{"cancer", "NCT00000102 NCT00000103 NCT00000104"},
	}
	for _, tt := range tests {
		m := queryModel(t, 80, 24)
		query(t, m, tt.query)
		got := strings.Fields(ids(m))
		slices.Sort(got)
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s → %v, want %s", tt.query, got, tt.want)
		}
		if want := fmt.Sprintf("%d/4 shown", len(got)); !strings.Contains(statusLine(m), want) {
			t.Errorf("%s: status %q, want %q", tt.query, statusLine(m), want)
		}
	}
}

// TestQueryRanked: with a query, the best match comes first (a title and
// intervention hit before a site's), and the header says the rows are by
// relevance.
func TestQueryRanked(t *testing.T) {
	m := queryModel(t, 80, 24)
	query(t, m, "liver")
	if got := ids(m); got != "NCT00000103 NCT00000104" {
		t.Errorf("liver → %s", got)
	}
	if !strings.Contains(screen(m), "by relevance ↓") || !strings.Contains(screen(m), "1/2") {
		t.Errorf("header:\n%s", screen(m))
	}
}

// TestQueryMalformed: a query that does not read keeps the rows of the
// last one that did, and the status line names the term.
func TestQueryMalformed(t *testing.T) {
	for _, bad := range []string{" enroll:>abc", ` "hepato`, " status:", " (phase:3", " nonsense:x", " a OR"} {
		m := queryModel(t, 80, 24)
		query(t, m, "liver")
		before := ids(m)
		send(t, m, tea.PasteMsg{Content: bad}) // at once: each prefix typed would be a query of its own
		if got := ids(m); got != before {
			t.Errorf("%s: rows %s, want the last good query's %s", bad, got, before)
		}
		status := statusLine(m)
		if !strings.HasPrefix(strings.TrimSpace(status), "query: ") {
			t.Errorf("%s: status %q", bad, status)
		}
		press(t, m, "enter") // applying it keeps the message
		if !strings.Contains(statusLine(m), "query: ") {
			t.Errorf("%s applied: status %q", bad, statusLine(m))
		}
	}
	m := queryModel(t, 80, 24)
	press(t, m, "/")
	send(t, m, tea.PasteMsg{Content: "liver enroll:>abc"})
	if s := statusLine(m); !strings.Contains(s, "enroll:>abc") {
		t.Errorf("the term is not named: %q", s)
	}
}

// TestQueryNearIsMarked: axitinib is in no trial; the afatinib trial is
// listed, and says so in its row — at 80 columns too — and in the status
// line. Never unmarked.
func TestQueryNearIsMarked(t *testing.T) {
	for _, w := range []int{80, 200} {
		m := queryModel(t, w, 24)
		query(t, m, "axitinib")
		if got := ids(m); got != "NCT00000102" {
			t.Fatalf("%d: axitinib → %s", w, got)
		}
		row := ""
		for _, l := range strings.Split(screen(m), "\n") {
			if strings.Contains(l, "NCT00000102 Afatinib") || strings.Contains(l, "NCT00000102 ≈") {
				row = l
			}
		}
		if !strings.Contains(row, "≈ afatinib") {
			t.Errorf("%d: the afatinib row is not marked: %q", w, row)
		}
		if s := statusLine(m); !strings.Contains(s, "near matches for axitinib: ≈ afatinib") {
			t.Errorf("%d: status %q", w, s)
		}
	}
	// A word found as typed is never answered with near words.
	m := queryModel(t, 80, 24)
	query(t, m, "afatinib")
	if strings.Contains(screen(m), "≈") || strings.Contains(screen(m), "near matches") {
		t.Errorf("afatinib found as typed, yet marked near:\n%s", screen(m))
	}
	// A short word, a number or an id is never corrected.
	for _, q := range []string{"lung3", "phase:4", "id:NCT00000109"} {
		query(t, m, q)
		if m.browser.list.len() != 0 {
			t.Errorf("%s → %s", q, ids(m))
		}
	}
}

// TestSortMenu: s opens the menu, enter sorts by the key chosen, S
// reverses; the header marks the column and its direction.
func TestSortMenu(t *testing.T) {
	m := queryModel(t, 80, 24)
	press(t, m, "s")
	if !strings.Contains(screen(m), "Sort by") || !strings.Contains(screen(m), "Enrollment (largest first") {
		t.Fatalf("sort menu:\n%s", screen(m))
	}
	press(t, m, "j", "j", "j", "enter") // as loaded, updated, start, enrollment
	if got := ids(m); got != "NCT00000104 NCT00000103 NCT00000101 NCT00000102" {
		t.Errorf("by enrollment: %s", got)
	}
	if !strings.Contains(screen(m), "enrollment ↓") {
		t.Errorf("the header does not mark the sort:\n%s", screen(m))
	}
	press(t, m, "S")
	if got := ids(m); got != "NCT00000102 NCT00000101 NCT00000103 NCT00000104" {
		t.Errorf("reversed: %s", got)
	}
	if !strings.Contains(screen(m), "enrollment ↑") {
		t.Errorf("the header does not mark the reversed sort:\n%s", screen(m))
	}
	press(t, m, "s", "k", "k", "enter") // last updated, newest first
	if got := ids(m); got != "NCT00000104 NCT00000103 NCT00000101 NCT00000102" {
		t.Errorf("by last updated: %s", got)
	}
	if !strings.Contains(screen(m), "by last updated ↓") {
		t.Errorf("the header does not name a sort without a column:\n%s", screen(m))
	}
	// A query keeps the sort chosen; esc closes the menu untouched.
	query(t, m, "cancer")
	if got := ids(m); got != "NCT00000104 NCT00000103 NCT00000102" {
		t.Errorf("cancer by last updated: %s", got)
	}
	press(t, m, "enter", "s", "esc")
	if m.browser.list.menu != nil || ids(m) != "NCT00000104 NCT00000103 NCT00000102" {
		t.Errorf("esc: menu %v rows %s", m.browser.list.menu, ids(m))
	}
	// The cursor's place among the rows.
	press(t, m, "j")
	if !strings.Contains(screen(m), "2/3") {
		t.Errorf("no 2/3:\n%s", screen(m))
	}
}

// TestFacets: f counts the rows shown; enter on a value adds its term to
// the query and runs it.
func TestFacets(t *testing.T) {
	m := queryModel(t, 80, 24)
	query(t, m, "cancer")
	press(t, m, "enter", "f")
	s := screen(m)
	for _, want := range []string{"Counts of the 3 trials shown", "Status", "Recruiting", "Country (of a site)", "United States", "Sponsor class"} {
		if !strings.Contains(s, want) {
			t.Errorf("facets: no %q in\n%s", want, s)
		}
	}
	// The first value is the most frequent status; move to France.
	menu := m.browser.list.menu
	at := -1
	for i, it := range menu.items {
		if it.label == "France" {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("no France in %+v", menu.items)
	}
	for menu.cursor != at {
		press(t, m, "j")
	}
	press(t, m, "enter")
	if got := m.browser.list.filter.input.Value(); got != "cancer country:France" {
		t.Errorf("query %q", got)
	}
	if got := ids(m); got != "NCT00000102" || m.browser.list.menu != nil {
		t.Errorf("after the facet: %s, menu %v", got, m.browser.list.menu)
	}
}

// TestCompletion: tab completes a field's name, then its values from the
// corpus with their counts; tab again cycles.
func TestCompletion(t *testing.T) {
	m := queryModel(t, 80, 24)
	query(t, m, "liver coun")
	press(t, m, "tab")
	f := m.browser.list.filter
	if got := f.input.Value(); got != "liver country:" {
		t.Fatalf("field completion: %q", got)
	}
	press(t, m, "g", "tab")
	if got := f.input.Value(); got != "liver country:Germany" {
		t.Errorf("value completion: %q", got)
	}
	press(t, m, "ctrl+u")
	typeText(t, m, "country:")
	press(t, m, "tab")
	first := f.input.Value()
	if !strings.Contains(screen(m), "tab 1/3") || !strings.Contains(screen(m), "(2)") {
		t.Errorf("the candidates with counts:\n%s", screen(m))
	}
	press(t, m, "tab")
	second := f.input.Value()
	press(t, m, "tab", "tab")
	if first == second || f.input.Value() != first {
		t.Errorf("cycling: %q, %q, back to %q", first, second, f.input.Value())
	}
	// Status values too, and the query runs with what was completed.
	press(t, m, "ctrl+u")
	typeText(t, m, "status:rec")
	press(t, m, "tab")
	if got := f.input.Value(); got != "status:recruiting" || ids(m) != "NCT00000101 NCT00000103" {
		t.Errorf("status completion: %q → %s", got, ids(m))
	}
	// Another key ends the cycle: tab then starts from what is typed.
	press(t, m, "space")
	typeText(t, m, "ph")
	press(t, m, "tab")
	if got := f.input.Value(); got != "status:recruiting phase:" {
		t.Errorf("after a space: %q", got)
	}
}

// TestScreenField: screen: needs a patient profile, and says so; with one
// it selects by verdict.
func TestScreenField(t *testing.T) {
	m := queryModel(t, 80, 24)
	query(t, m, "screen:possible")
	if m.browser.list.len() != 0 || !strings.Contains(screen(m), "screen: needs a patient profile (p)") {
		t.Errorf("without a profile:\n%s", screen(m))
	}
	ecog := 2.0
	send(t, m, runCmd(m.ctx.setPatient(&eligibility.Patient{ECOG: &ecog}))...)
	if got := ids(m); got != "NCT00000102 NCT00000104" {
		t.Errorf("screen:possible with ECOG 2: %s", got)
	}
	if strings.Contains(screen(m), "needs a patient profile") {
		t.Error("still asks for a profile")
	}
	for q, want := range map[string]string{
		"screen:excluded":         "NCT00000101",
		"screen:unknown":          "NCT00000103",
		"-screen:excluded liver":  "NCT00000103 NCT00000104",
		"screen:possible|unknown": "NCT00000102 NCT00000103 NCT00000104",
	} {
		query(t, m, q)
		got := strings.Fields(ids(m))
		slices.Sort(got)
		if strings.Join(got, " ") != want {
			t.Errorf("%s → %v, want %s", q, got, want)
		}
	}
}

// TestNoteAndTagFields: plain words find the user's notes; note: and tag:
// look only there; a note changed re-runs the query.
func TestNoteAndTagFields(t *testing.T) {
	m := queryModel(t, 80, 24)
	if err := m.ctx.Shortlist.SetNote("NCT00000103", "", "Ask Dr Okafor about the axitinib arm"); err != nil {
		t.Fatal(err)
	}
	if err := m.ctx.Shortlist.SetTag("NCT00000102", "", "ask-PI"); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{
		"okafor":         "NCT00000103",
		"okafor liver":   "NCT00000103",
		"note:dr":        "NCT00000103",
		"note:cancer":    "",
		"tag:ask-pi":     "NCT00000102",
		"tag:ASK-PI":     "NCT00000102",
		"-tag:ask-pi":    "NCT00000101 NCT00000103 NCT00000104",
		"axitinib":       "NCT00000103", // written in a note: found as typed, no near match
		"tag:ask-pi|lee": "NCT00000102",
	} {
		query(t, m, q)
		got := strings.Fields(ids(m))
		slices.Sort(got)
		if strings.Join(got, " ") != want {
			t.Errorf("%s → %v, want %s", q, got, want)
		}
	}
	query(t, m, "axitinib")
	if strings.Contains(screen(m), "≈") {
		t.Errorf("a note's word answered as near:\n%s", screen(m))
	}
	// tag: completes from the tags in use.
	query(t, m, "tag:a")
	press(t, m, "tab")
	if got := m.browser.list.filter.input.Value(); got != "tag:ask-pi" {
		t.Errorf("tag completion: %q", got)
	}
	// A note written meanwhile: the query runs again.
	query(t, m, "okafor")
	press(t, m, "enter")
	if err := m.ctx.Shortlist.SetNote("NCT00000101", "", "Okafor says no"); err != nil {
		t.Fatal(err)
	}
	send(t, m, runCmd(m.ctx.changed())...)
	got := strings.Fields(ids(m))
	slices.Sort(got)
	if strings.Join(got, " ") != "NCT00000101 NCT00000103" {
		t.Errorf("after a note: %v", got)
	}
}

// TestFilterResultKeepsSearchOptions: a phrase in a field the records do
// not keep is checked against the trials kept in memory, so no row is
// marked unchecked with a small corpus.
func TestFilterResultKeepsSearchOptions(t *testing.T) {
	m := queryModel(t, 80, 24)
	query(t, m, `site:"mayo clinic"`)
	if got := ids(m); m.browser.list.len() != 2 || strings.Contains(screen(m), "not checked") {
		t.Errorf("site phrase: %s\n%s", got, screen(m))
	}
}

// TestFinderNearIsMarked: the finder finds afatinib for axitinib, and says
// so in the row and the status line; a name found as typed is not marked.
func TestFinderNearIsMarked(t *testing.T) {
	m := queryModel(t, 80, 24)
	press(t, m, "i")
	typeText(t, m, "axitinib")
	s := screen(m)
	row := ""
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "Afatinib") {
			row = l
		}
	}
	if !strings.Contains(row, "≈ afatinib") {
		t.Errorf("the row is not marked: %q\n%s", row, s)
	}
	if !strings.Contains(s, "near matches for axitinib: ≈ afatinib") {
		t.Errorf("no near summary:\n%s", s)
	}
	press(t, m, "ctrl+u")
	typeText(t, m, "afatinib")
	if s := screen(m); strings.Contains(s, "≈") || !strings.Contains(s, "Afatinib") {
		t.Errorf("afatinib as typed:\n%s", s)
	}
}

// TestGoldenQueryViews renders the query's views at 80×24 and 200×60 and
// compares them with testdata/TestGoldenQueryViews (-update rewrites).
func TestGoldenQueryViews(t *testing.T) {
	views := []struct {
		name  string
		keys  []string
		paste string // pasted into the filter after the keys
	}{
		{"fielded", []string{"/"}, "status:recruiting phase:3"},
		{"near", []string{"/"}, "axitinib"},
		{"malformed", []string{"/"}, "liver enroll:>abc"},
		{"needs-profile", []string{"/"}, "screen:possible"},
		{"completion", []string{"/"}, "country:"},
		{"sort-menu", []string{"s"}, ""},
		{"sorted-reversed", []string{"s", "j", "j", "j", "enter", "S"}, ""},
		{"facets", []string{"f"}, ""},
		{"finder-near", []string{"i"}, "axitinib"},
	}
	for _, size := range [][2]int{{80, 24}, {200, 60}} {
		for _, v := range views {
			t.Run(fmt.Sprintf("%s-%dx%d", v.name, size[0], size[1]), func(t *testing.T) {
				m := queryModel(t, size[0], size[1])
				press(t, m, v.keys...)
				if v.paste != "" {
					send(t, m, tea.PasteMsg{Content: v.paste})
				}
				if v.name == "completion" {
					press(t, m, "tab", "tab")
				}
				checkGolden(t, m)
			})
		}
	}
}

// FuzzFilterQuery: whatever is typed into the filter — a query or not, with
// a tag or a note of any text — the list, its header, the completion line
// and the menus lay out at the terminal's size, with no control character
// on screen, and never panic.
func FuzzFilterQuery(f *testing.F) {
	for _, q := range []string{"status:recruiting phase:3", "axitinib", `site:"mayo cl`, "liver enroll:>abc", "-tag:x|note:y (a OR", "country:", "screen:possible", `"`, "id:05168163", "age:6mo sex:f"} {
		f.Add(q, "ask-PI", 80)
	}
	f.Add("a\x1b]52;c;ZXZpbA==\x07b\x1b[2J \u202e\r\n", "x\x1b[31m", 61)
	f.Add(strings.Repeat("肝癌 ", 200), strings.Repeat("y", 30), 200)
	f.Fuzz(func(t *testing.T, q, note string, width int) {
		width = 60 + abs(width)%160
		m := queryModel(t, width, 24)
		m.ctx.Shortlist.SetNote("NCT00000102", "", note)
		m.ctx.Shortlist.SetTag("NCT00000103", "", note)
		press(t, m, "/")
		send(t, m, tea.PasteMsg{Content: q})
		check := func(step string) {
			t.Helper()
			out := m.View().Content
			rest := sgr.ReplaceAllString(out, "")
			if i := strings.IndexAny(rest, "\x1b\x07\u009b\u202e\r"); i >= 0 {
				t.Fatalf("%s: a control character on screen at %d: %q", step, i, rest[max(0, i-20):min(len(rest), i+20)])
			}
			lines := strings.Split(screen(m), "\n")
			if len(lines) != 24 {
				t.Fatalf("%s: %d lines", step, len(lines))
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > width {
					t.Fatalf("%s: line %d is %d wide, over %d: %q", step, i, w, width, l)
				}
			}
		}
		check("typed")
		press(t, m, "tab", "tab")
		check("tab")
		press(t, m, "enter", "f")
		check("facets")
		press(t, m, "esc", "s", "j")
		check("sort menu")
		press(t, m, "enter", "S")
		check("sorted")
	})
}

// TestUncheckedPhraseIsMarked: in a corpus that keeps no trial whole, a
// phrase in a field the records do not keep is matched word by word; its
// rows say so (~) and so does the status line.
func TestUncheckedPhraseIsMarked(t *testing.T) {
	b := search.NewBuilder(0)
	for _, tr := range queryTrials() {
		b.AddTrial(tr)
	}
	c := corpus.FromParts(corpus.Parts{Index: b.Index(), Origin: "slim"})
	m := newTestModel(t, c, 80, 24)
	press(t, m, "/")
	send(t, m, tea.PasteMsg{Content: `site:"clinic mayo"`})
	if m.browser.list.len() != 2 {
		t.Fatalf("rows %s", ids(m))
	}
	s := screen(m)
	if !strings.Contains(s, "NCT00000104 ~ Liver") || !strings.Contains(statusLine(m), `~ site:"clinic mayo" not checked`) {
		t.Errorf("unchecked phrase:\n%s", s)
	}
}

// TestReverseAsLoaded: with no query and no sort chosen, S has nothing to
// reverse and says so, rather than claim an order it does not give.
func TestReverseAsLoaded(t *testing.T) {
	m := queryModel(t, 80, 24)
	before := ids(m)
	press(t, m, "S")
	if ids(m) != before || !strings.Contains(statusLine(m), "s chooses an order") || strings.Contains(screen(m), "reversed") {
		t.Errorf("S as loaded: %s\n%s", ids(m), screen(m))
	}
}
