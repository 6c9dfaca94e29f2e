package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

// exampleSource is the documents of the eligibility SPEC's worked examples.
var exampleSource = corpus.Source{Paths: []string{"../seeds/NCT05033522.txt", "../seeds/NCT05168163.txt", "../seeds/NCT05233358.txt",
	"../seeds/NCT05962450.txt", "../seeds/clinconnect-hcc-vascular-invasion.txt", "../eligibility/testdata/fixtures"}, Origin: "examples"}

// examplePatients are examples_patients.json's four and the 67-year-old
// man the form tests enter.
func examplePatients(t *testing.T) []eligibility.Patient {
	t.Helper()
	b, err := os.ReadFile("../eligibility/testdata/examples_patients.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Patients []json.RawMessage `json:"patients"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	var ps []eligibility.Patient
	for _, raw := range f.Patients {
		p, err := eligibility.ReadPatient(strings.NewReader(string(raw)))
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	age, ecog, cp, plt, male := 67.0, 1.0, 7.0, 80.0, "male"
	return append(ps, eligibility.Patient{ID: "67M", Age: &age, Sex: &male, ECOG: &ecog, ChildPugh: &cp, Platelets: &plt})
}

// The screen column shows, for every trial, what `trials screen` computes
// over the whole trial (eligibility.Screen, which cli/screen.go calls): the
// same verdict and the same count of unknowns — from the corpus's compact
// requirements, with no trial kept in memory.
func TestScreenColumnAgreesWithTrialsScreen(t *testing.T) {
	c, err := corpus.Load(context.Background(), exampleSource, corpus.Options{Keep: -1})
	if err != nil || len(c.Problems()) > 0 || c.Len() != 18 {
		t.Fatalf("load: %v %v", err, c.Problems())
	}
	var whole []*model.Trial
	corpus.Stream(context.Background(), exampleSource, nil, func(tr *model.Trial) { whole = append(whole, tr) })
	for _, p := range examplePatients(t) {
		m := newTestModel(t, c, 200, 60)
		send(t, m, runCmd(m.ctx.setPatient(&p))...)
		if m.ctx.screen.done != c.Len() {
			t.Fatalf("%s: %d of %d screened", p.ID, m.ctx.screen.done, c.Len())
		}
		rows := screenRows(m)
		excluded := 0
		for i, tr := range whole {
			want := eligibility.Screen(tr, p)
			mark := "✓"
			if want.Verdict == eligibility.Excluded {
				mark = "✗"
				excluded++
			}
			if n := want.UnknownCount(); n > 0 {
				mark += fmt.Sprintf(" ?%2d", n)
			}
			if want.Verdict == eligibility.Possible && len(want.Requirements) == 0 {
				mark = "–" // nothing read: not a ✓
			}
			if got := rows[tr.ID]; got != mark {
				t.Errorf("%s × %s: the column says %q, trials screen %q (%v)", p.ID, tr.ID, got, mark, want.NotMet)
			}
			if cell := m.ctx.screenCellOf(i); (cell&cellExcluded != 0) != (want.Verdict == eligibility.Excluded) || cell.unknowns() != want.UnknownCount() {
				t.Errorf("%s × %s: cell %b", p.ID, tr.ID, cell)
			}
		}
		if st := m.browser.Status(); !strings.Contains(st, fmt.Sprintf("✗ %d excluded", excluded)) || strings.Contains(st, "screening") {
			t.Errorf("%s: status %q, want %d excluded", p.ID, st, excluded)
		}
	}
}

// eligibilityText is the eligibility pane's whole text, wrapped lines joined and
// runs of spaces made one, so that a sentence reads whatever the width.
func eligibilityText(m *Model) string {
	m.View() // panes lay out when drawn
	return strings.Join(strings.Fields(ansi.Strip(strings.Join(m.browser.panes[2].text.lines, " "))), " ")
}

var screenCellRe = regexp.MustCompile(`(NCT\d{8}|CC-[0-9A-F]{8}) ([✓✗…–](?: \?[ \d]\d)?) `)

// screenRows reads the screen column off the list as drawn.
func screenRows(m *Model) map[string]string {
	out := map[string]string{}
	for _, l := range strings.Split(screen(m), "\n") {
		if s := screenCellRe.FindStringSubmatch(l); s != nil {
			out[s[1]] = s[2]
		}
	}
	return out
}

// A corpus larger than a chunk is screened in several background steps,
// the rows on screen first; a step for an older profile is dropped.
func TestScreenInChunksVisibleFirstStaleDropped(t *testing.T) {
	seeds := seedTrials(t)
	var trials []*model.Trial
	for i := range 3*screenChunk + 100 {
		tr := *seeds[i%len(seeds)]
		tr.ID = fmt.Sprintf("NCT%08d", i)
		trials = append(trials, &tr)
	}
	m := newTestModel(t, corpus.FromTrials(trials, nil, "many"), 80, 24)
	press(t, m, "G") // the last rows are on screen
	age, ecog := 67.0, 1.0
	p := &eligibility.Patient{Age: &age, ECOG: &ecog}
	m.ctx.profile.patient = p
	m.ctx.profile.gen++
	first := runCmd(m.ctx.startScreen())
	if len(first) != 1 {
		t.Fatalf("%d messages", len(first))
	}
	chunk := first[0].(screenChunkMsg)
	last := len(trials) - 1
	visible := m.browser.list.visibleRecords()
	if len(visible) < 15 || visible[len(visible)-1] != last {
		t.Fatalf("visible %v", visible)
	}
	if len(chunk.recs) != screenChunk || !slices.Equal(chunk.recs[:len(visible)], visible) ||
		chunk.recs[len(chunk.recs)-1] != screenChunk-len(visible)-1 {
		t.Errorf("first chunk: %d records from %d to %d; want the %d visible ones first, then the first in order",
			len(chunk.recs), chunk.recs[0], chunk.recs[len(chunk.recs)-1], len(visible))
	}
	// while it runs, nothing else is started
	if m.ctx.nextScreenChunk() != nil {
		t.Error("a second chunk while one runs")
	}
	// a new profile: the old chunk arrives late and is dropped
	ecog2 := 3.0
	p2 := &eligibility.Patient{Age: &age, ECOG: &ecog2}
	cmd := m.ctx.setPatient(p2)
	if next := m.ctx.screened(chunk); next != nil || m.ctx.screen.done != 0 {
		t.Fatalf("a stale chunk was taken: %d done", m.ctx.screen.done)
	}
	steps := 0
	queue := runCmd(cmd)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		if _, ok := msg.(screenChunkMsg); ok {
			steps++
		}
		_, c := m.Update(msg)
		queue = append(queue, runCmd(c)...)
	}
	if m.ctx.screen.done != len(trials) || steps < 3 {
		t.Errorf("%d of %d screened in %d steps", m.ctx.screen.done, len(trials), steps)
	}
	// ECOG 3 excludes from the three seeds that ask ≤ 1 or ≤ 2
	for i := range trials {
		want := eligibility.Screen(trials[i], *p2)
		if got := m.ctx.screenCellOf(i); (got&cellExcluded != 0) != (want.Verdict == eligibility.Excluded) {
			t.Fatalf("record %d: cell %b, want %s", i, got, want.Verdict)
		}
	}
}

// The column is there only with a profile; while a record waits it shows …
func TestScreenColumnOnlyWithAProfile(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	if s := screen(m); strings.Contains(s, "✓") || strings.Contains(s, "…  Immuno") {
		t.Errorf("no profile, no column:\n%s", s)
	}
	age := 67.0
	m.ctx.profile.patient = &eligibility.Patient{Age: &age}
	m.ctx.profile.gen++
	_ = m.ctx.startScreen() // not run: nothing screened yet
	if rows := screenRows(m); rows["NCT05033522"] != "…" {
		t.Errorf("unscreened rows: %v\n%s", rows, screen(m))
	}
}

// The eligibility pane with a profile: each requirement's patient value and
// verdict in words, a subgroup bound in brackets (it never decides), the
// registry's age and sex, what excludes the patient and what could not be
// checked.
func TestEligibilityPaneVerdicts(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 200, 60)
	enterProfile(t, m)
	press(t, m, "j", "4") // NCT05168163: Child-Pugh A asked, the patient is B7
	s := eligibilityText(m)
	for _, want := range []string{
		"✗ Excluded for this patient — not met: Child-Pugh ≤ 6 (A) (patient 7).",
		"Variable Allowed From Patient Verdict",
		"Child-Pugh ≤ 6 (A) inclusion 7 ✗ not met",
		"ECOG ≤ 1 inclusion 1 ✓ met",
		"platelets ≥ 75 ×10^9/L inclusion 80 ✓ met",
		"ANC ≥ 1.5 ×10^9/L inclusion — ? unknown",
		"creatinine clearance ≥ 30 mL/min inclusion — (? unknown) subgroup only",
		"age (registry) ≥ 18 years 67 ✓ met",
		"sex (registry) All male ✓ met",
		"? 10 not checked: ANC, lymphocytes, hemoglobin, AST, ALT, total bilirubin, albumin, INR, creatinine, creatinine clearance (subgroup bounds only).",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("pane lacks %q:\n%s", want, s)
		}
	}
	press(t, m, "1", "g", "4") // NCT05033522: Child-Pugh ≤ 9, possible
	s = eligibilityText(m)
	if !strings.Contains(s, "✓ Possible: nothing read from the criteria or the registry excludes the patient — not a judgement of eligibility") {
		t.Errorf("possible, and what it means:\n%s", s)
	}
	// A value given in another unit than the bound's is not converted, and
	// says so (CC-B505B9C8 asks bilirubin < 3 mg/dL).
	press(t, m, "1", "G", "4")
	bili := 1.2
	p := *m.ctx.patient()
	p.BilirubinMgDL = nil
	p.BilirubinXULN = &bili
	send(t, m, runCmd(m.ctx.setPatient(&p))...)
	if s := eligibilityText(m); !strings.Contains(s, "total bilirubin < 3 mg/dL inclusion 1.2 × ULN ? other unit") ||
		!strings.Contains(s, "total bilirubin (the profile gives 1.2 × ULN)") {
		t.Errorf("other unit:\n%s", s)
	}
}

// underlinedRuns are the stretches of an ANSI line drawn underlined (SGR 4).
func underlinedRuns(s string) []string {
	var runs []string
	var cur strings.Builder
	on := false
	flush := func() {
		if cur.Len() > 0 {
			runs = append(runs, cur.String())
			cur.Reset()
		}
	}
	for i := 0; i < len(s); {
		if loc := sgr.FindStringIndex(s[i:]); loc != nil && loc[0] == 0 {
			for _, p := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(s[i:i+loc[1]], "\x1b["), "m"), ";") {
				switch p {
				case "", "0", "24":
					on = false
				case "4":
					on = true
				}
			}
			i += loc[1]
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		if on {
			cur.WriteString(s[i : i+size])
		} else {
			flush()
		}
		i += size
	}
	flush()
	return runs
}

// The words each requirement was read from are underlined in the
// criteria (and bold: never colour alone), also under NO_COLOR.
func TestEligibilityPaneMarksSources(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 200, 60)
	press(t, m, "j", "4")
	var marked []string
	for _, l := range m.browser.panes[2].text.lines {
		marked = append(marked, underlinedRuns(l)...)
	}
	for _, want := range []string{">= 18 years", "0 or 1", "A", ">= 75 x 10^9/L", "=< 3 x ULN", ">= 30 mL/min"} {
		if !slices.Contains(marked, want) {
			t.Errorf("%q is not underlined; underlined: %q", want, marked)
		}
	}
}

// The comparison lines requirements up by variable, one row each, with
// the patient's verdict on each side.
func TestCompareAlignsRequirements(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 200, 60)
	enterProfile(t, m)
	press(t, m, "space", "j", "c", "/")
	typeText(t, m, "Requirements read")
	press(t, m, "enter")
	if !topIs[*comparison](m) {
		t.Fatalf("no comparison: %T", m.top())
	}
	s := screen(m)
	rows := map[string]string{}
	for _, l := range strings.Split(s, "\n") {
		if len(l) > 22 {
			rows[strings.TrimSpace(l[:22])] = strings.Join(strings.Fields(l[22:]), " ")
		}
	}
	for label, want := range map[string]string{
		"≠ Pre-screen": "✓ possible · ? 4 unknown │ ✗ excluded: Child-Pugh · ? 10 unknown",
		"ECOG":         "≤ 1 — ✓ met │ ≤ 1 — ✓ met",
		"≠ Child-Pugh": "≤ 9 (A–B) — ✓ met │ ≤ 6 (A) — ✗ not met",
		"≠ platelets":  "> 75 ×10^9/L — ✓ met │ ≥ 75 ×10^9/L — ✓ met",
		"· ANC":        "none read │ ≥ 1.5 ×10^9/L — ? unknown",
	} {
		if rows[label] != want {
			t.Errorf("row %q: %q, want %q", label, rows[label], want)
		}
	}
	// without a profile the same rows, no verdicts
	press(t, m, "esc", "esc", "P", "y", "c")
	if s := screen(m); strings.Contains(s, "✓ met") || strings.Contains(s, "Pre-screen") {
		t.Errorf("verdicts without a profile:\n%s", s)
	}
}

func TestCompareFourAlignsRequirements(t *testing.T) {
	c, dir := missingCorpus(t)
	m := newTestModelIn(t, c, dir, 200, 60)
	enterProfile(t, m)
	press(t, m, "L", "space", "j", "j", "space", "j", "space", "j", "space", "c")
	cmp, ok := m.top().(*comparison)
	if !ok || len(cmp.trials) != 4 {
		t.Fatalf("four picked: %T", m.top())
	}
	text := strings.Join(cmp.text.lines, "\n")
	for _, want := range []string{"Requirements read from the criteria", "Pre-screen", "Child-Pugh", "Registry age"} {
		if !strings.Contains(text, want) {
			t.Errorf("four-way comparison lacks %q", want)
		}
	}
}

// A trial nothing was read from shows –, not ✓: possible on the registry's
// age and sex alone is no screen of its criteria. The pane says so.
func TestScreenColumnNothingRead(t *testing.T) {
	bare := &model.Trial{ID: "NCT00000009", Title: "Criteria in prose only", Eligibility: model.Eligibility{MinAge: "18 Years", Sex: model.SexAll,
		Inclusion: []model.Criterion{{Text: "Adequate organ function"}}}}
	female := &model.Trial{ID: "NCT00000010", Title: "Women only", Eligibility: model.Eligibility{Sex: model.SexFemale}}
	c := corpus.FromTrials(append(seedTrials(t)[:1], bare, female), nil, "three")
	m := newTestModel(t, c, 200, 60)
	enterProfile(t, m)
	rows := screenRows(m)
	if rows["NCT00000009"] != "–" || rows["NCT00000010"] != "✗" || rows["NCT05033522"] != "✓ ? 4" {
		t.Errorf("rows %v", rows)
	}
	if st := m.browser.Status(); !strings.Contains(st, "screen: ✓ 1 not excluded · ✗ 1 excluded · – 1 nothing read") {
		t.Errorf("status %q", st)
	}
	press(t, m, "j", "4")
	if s := eligibilityText(m); !strings.Contains(s, "None read from the criteria. Only the registry's age range and sex were checked.") ||
		!strings.Contains(s, "age (registry) ≥ 18 years 67 ✓ met") {
		t.Errorf("pane of a trial nothing was read from:\n%s", s)
	}
}

// In the shortlist view, a trial not in the corpus has an empty screen
// cell, not one waiting forever.
func TestScreenColumnInShortlist(t *testing.T) {
	c, dir := missingCorpus(t)
	m := newTestModelIn(t, c, dir, 120, 30)
	enterProfile(t, m)
	press(t, m, "L")
	rows := screenRows(m)
	if _, ok := rows["NCT01234567"]; ok || rows["NCT05168163"] != "✗ ?10" {
		t.Errorf("shortlist rows %v:\n%s", rows, screen(m))
	}
	for _, l := range strings.Split(screen(m), "\n") {
		if strings.Contains(l, "NCT01234567") && strings.Contains(l, "…") && !strings.Contains(l, "folder") {
			t.Errorf("a missing trial waits to be screened: %q", l)
		}
	}
}
