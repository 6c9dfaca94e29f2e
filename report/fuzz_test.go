package report

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/seeds"
)

// seedTrials are the five bundled seeds, the documents the fuzz targets
// start from.
func seedTrials(tb testing.TB) []*model.Trial {
	tb.Helper()
	res := loader.LoadFS(context.Background(), loader.Options{}, seeds.FS)
	if len(res.Trials) != 5 {
		tb.Fatalf("seeds: %v", res.Diagnostics)
	}
	return res.Trials
}

// inject puts text into every kind of field a renderer lays out: one-line
// values, paragraphs, list items at depth, names in lists.
func inject(t *model.Trial, text string) *model.Trial {
	c := *t
	c.Title = text
	c.LeadSponsor.Name = text
	c.DetailedDescription = text + "\n" + text
	c.Conditions = append([]string{text}, c.Conditions...)
	c.Locations = append([]model.Location{{Facility: text, City: text, Country: text}}, c.Locations...)
	c.Arms = append([]model.Arm{{Label: text, Description: text, Interventions: []string{text}}}, c.Arms...)
	c.Interventions = append([]model.Intervention{{Name: text, OtherNames: []string{text}}}, c.Interventions...)
	c.Outcomes.Primary = append([]model.Outcome{{Measure: text, TimeFrame: text}}, c.Outcomes.Primary...)
	deep := model.Criterion{Text: text}
	for range 8 {
		deep = model.Criterion{Text: text, Children: []model.Criterion{deep}}
	}
	c.Eligibility.Inclusion = append([]model.Criterion{deep}, c.Eligibility.Inclusion...)
	// a requirement quoting the text, its value read from half of it
	one := 1.0
	c.Eligibility.Requirements = append([]model.Requirement{{Variable: text, Unit: model.Unit(text), Max: &one, From: text,
		Conditional: true, Text: text, Span: [2]int{len(text) / 4, len(text) / 2}}}, c.Eligibility.Requirements...)
	c.Eligibility.MinAge, c.Eligibility.Sex = text, model.Sex(text)
	return &c
}

// fuzzPatient knows some fields and not others.
func fuzzPatient() *eligibility.Patient {
	age, ecog, plt, bili, male := 67.0, 1.0, 80.0, 1.2, "male"
	return &eligibility.Patient{Age: &age, ECOG: &ecog, Platelets: &plt, BilirubinXULN: &bili, Sex: &male}
}

// fuzzSeeds adds texts from the real documents, and the shapes that broke
// renderers before: an unbroken word far wider than a line, wide
// characters, escape sequences.
func fuzzSeeds(f *testing.F, trials []*model.Trial) {
	for _, t := range trials {
		f.Add(t.Title, 80)
		f.Add(t.BriefSummary, 40)
		if len(t.Eligibility.Inclusion) > 0 {
			f.Add(t.Eligibility.Inclusion[0].Text, 120)
		}
	}
	f.Add(strings.Repeat("x", 3000), 60)
	f.Add(strings.Repeat("肝癌", 300), 33)
	f.Add("a\x1b]52;c;ZXZpbA==\x07b\x1b[2J \u202e80-160 mg", 31)
}

// checkLines fails when a line is wider than width, and when the output is
// out of proportion to the input: a cost that is not roughly linear shows
// as output growing faster than what went in.
func checkLines(t *testing.T, what, out string, width, in int) {
	t.Helper()
	for i, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Fatalf("%s: line %d is %d wide, over %d: %q", what, i, w, width, l)
		}
	}
	if limit := (in + 20_000) * (width + 40); len(out) > limit {
		t.Fatalf("%s: %d bytes out for %d in at width %d", what, len(out), in, width)
	}
}

func FuzzReport(f *testing.F) {
	trials := seedTrials(f)
	fuzzSeeds(f, trials)
	f.Fuzz(func(t *testing.T, text string, width int) {
		width = 30 + abs(width)%250
		for _, tr := range trials[:1] {
			out := Show(inject(tr, text), width, DefaultTheme())
			checkLines(t, "show", out, width, len(text)*40)
			if strings.ContainsAny(ansi.Strip(out), "\x1b\x07\u009b\u202e") {
				t.Fatal("a control character reached the report")
			}
			out = EligibilityFor(inject(tr, text), fuzzPatient(), width, DefaultTheme())
			checkLines(t, "eligibility", out, width, len(text)*40)
			if strings.ContainsAny(ansi.Strip(out), "\x1b\x07\u009b\u202e") {
				t.Fatal("a control character reached the screened eligibility")
			}
		}
	})
}

func FuzzCompare(f *testing.F) {
	trials := seedTrials(f)
	fuzzSeeds(f, trials)
	f.Fuzz(func(t *testing.T, text string, width int) {
		width = MinCompareWidth + abs(width)%250
		a, b := inject(trials[0], text), trials[1]
		out := strings.Join(RenderCompare(Compare([]*model.Trial{a, b}, nil), NewCompareLayout(width, 2), DefaultTheme()), "\n")
		checkLines(t, "compare", out, width, len(text)*40)
		out = strings.Join(RenderCompare(CompareFor([]*model.Trial{a, b}, nil, fuzzPatient()), NewCompareLayout(width, 2), DefaultTheme()), "\n")
		checkLines(t, "compare with a patient", out, width, len(text)*40)
		// Three and four trials, at the widths the browser gives them.
		for n := 3; n <= 4; n++ {
			w := max(width, MinCompareWidth+(n-2)*(minColumn+3))
			out := strings.Join(RenderCompare(Compare(append([]*model.Trial{a}, trials[1:n]...), nil), NewCompareLayout(w, n), DefaultTheme()), "\n")
			checkLines(t, "compare", out, w, len(text)*40*n)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TestHugeFieldsAreCapped: a 1 MB unbroken word in the title and the
// criteria lays out no more than the caps allow.
func TestHugeFieldsAreCapped(t *testing.T) {
	huge := strings.Repeat("y", 1<<20)
	tr := *seedTrials(t)[0]
	tr.Title, tr.DetailedDescription = huge, huge
	tr.Eligibility.Inclusion = []model.Criterion{{Text: huge}}
	out := Show(&tr, 100, PlainTheme())
	if !strings.Contains(out, "[cut: ") {
		t.Error("a cut text must say it was cut")
	}
	// Each of the three fields lays out at most present.MaxText.
	if len(out) > 4*100_000*102/100 {
		t.Errorf("the report of a 1 MB word is %d bytes", len(out))
	}
	cmp := RenderCompare(Compare([]*model.Trial{&tr, &tr}, nil), NewCompareLayout(100, 2), PlainTheme())
	if n := len(strings.Join(cmp, "\n")); n > 10*maxCell*3 {
		t.Errorf("the comparison of a 1 MB word is %d bytes", n)
	}
}

func BenchmarkShowHugeWord(b *testing.B) {
	tr := inject(seedTrials(b)[0], strings.Repeat("y", 1<<20))
	for b.Loop() {
		Show(tr, 120, DefaultTheme())
	}
}

func BenchmarkCompareHugeWord(b *testing.B) {
	trials := seedTrials(b)
	tr := inject(trials[0], strings.Repeat("y", 1<<20))
	for b.Loop() {
		RenderCompare(Compare([]*model.Trial{tr, trials[1]}, nil), NewCompareLayout(160, 2), DefaultTheme())
	}
}
