package eligibility_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

// criteriaFromText builds a criteria tree from lines: a line starting with
// two spaces is a child of the line before; the line "EXCLUSION" starts the
// exclusion criteria.
func criteriaFromText(s string) model.Eligibility {
	var el model.Eligibility
	sec := &el.Inclusion
	for _, line := range strings.Split(s, "\n") {
		if line == "EXCLUSION" {
			sec = &el.Exclusion
			continue
		}
		if strings.HasPrefix(line, "  ") && len(*sec) > 0 {
			last := &(*sec)[len(*sec)-1]
			last.Children = append(last.Children, model.Criterion{Text: line})
			continue
		}
		*sec = append(*sec, model.Criterion{Text: line})
	}
	el.Raw = s
	return el
}

func textOf(el model.Eligibility) string {
	var b strings.Builder
	var walk func(cs []model.Criterion, depth int)
	walk = func(cs []model.Criterion, depth int) {
		for _, c := range cs {
			if depth > 0 {
				b.WriteString("  ")
			}
			b.WriteString(strings.ReplaceAll(c.Text, "\n", " "))
			b.WriteByte('\n')
			walk(c.Children, depth+1)
		}
	}
	walk(el.Inclusion, 0)
	b.WriteString("EXCLUSION\n")
	walk(el.Exclusion, 0)
	return b.String()
}

// spelled reports a number written as a word in s ("three months").
func spelled(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r < 'a' || r > 'z' }) {
		switch w {
		case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
			"fifteen", "sixteen", "eighteen", "twenty", "twice", "thrice":
			return true
		}
	}
	return false
}

func FuzzExtract(f *testing.F) {
	for _, tr := range exampleTrials(f) {
		f.Add(textOf(tr.Eligibility))
	}
	for _, s := range sentences {
		f.Add(s.text)
	}
	for _, s := range phenomena {
		f.Add(strings.TrimPrefix(s.text, "E: "))
	}
	for _, s := range round14 {
		f.Add(strings.TrimPrefix(s.text, "E: "))
	}
	for _, s := range round14Trees {
		f.Add(s.lead + "\n  " + strings.Join(s.children, "\n  "))
	}
	// round 16's exceptions, definitions and dangling multiples
	for _, s := range round16 {
		f.Add(strings.TrimPrefix(s.text, "E: "))
	}
	for _, s := range round16Trees {
		f.Add(s.lead + "\n  " + strings.Join(s.children, "\n  "))
	}
	// round 17's run-on sentences, preferred bounds and places
	for _, s := range round17 {
		f.Add(strings.TrimPrefix(s.text, "E: "))
	}
	for _, s := range round17Trees {
		f.Add(s.lead + "\n  " + strings.Join(s.children, "\n  "))
	}
	f.Add("Registration Inclusion Criteria\n  ANC ≥ 1.5 × 10^9/L\nRandomization Inclusion Criteria\n  Platelets ≥ 20000/μL\nEXCLUSION\nCongestive heart failure unless LVEF ≥ 45%")
	// round 16b's (DEV20) names, picks and lists
	for _, s := range round16b {
		f.Add(strings.TrimPrefix(s.text, "E: "))
	}
	for _, s := range round16bTrees {
		f.Add(s.lead + "\n  " + strings.Join(s.children, "\n  "))
	}
	f.Add("Cohort 1:\n  ECOG 0-1\nCohort 2:\n  ECOG 0-2\nEXCLUSION\nCohort D Exclusion criteria\n  Hemoglobin < 9.0 g/dL")
	f.Add("Lead-in:\n  ANC ≥ 1.5 × 10^9/L\nEXCLUSION\nQTcF > 470 ms (females) or > 450 ms (males)")
	// round 22's bare ages, lone grades, spaced points and second "with"s
	for _, s := range slices.Concat(round22, round22b, round22c, round22d) {
		f.Add(strings.TrimPrefix(s.text, "E: "))
	}
	for _, s := range round22Trees {
		f.Add(s.lead + "\n  " + strings.Join(s.children, "\n  "))
	}
	f.Fuzz(func(t *testing.T, s string) {
		el := criteriaFromText(s)
		items := map[string]bool{}
		var walk func(cs []model.Criterion)
		walk = func(cs []model.Criterion) {
			for _, c := range cs {
				items[eligibility.ItemText(c.Text)] = true
				walk(c.Children)
			}
		}
		walk(el.Inclusion)
		walk(el.Exclusion)
		reqs := eligibility.Extract(&el)
		again := eligibility.Extract(&el)
		if len(again) != len(reqs) {
			t.Fatalf("not deterministic: %d then %d requirements", len(reqs), len(again))
		}
		known := map[string]bool{}
		for _, v := range eligibility.Variables() {
			known[v] = true
		}
		for i, r := range reqs {
			if compact(r) != compact(again[i]) {
				t.Fatalf("not deterministic: %s then %s", compact(r), compact(again[i]))
			}
			if !known[r.Variable] {
				t.Fatalf("unknown variable %q", r.Variable)
			}
			if !items[r.Text] {
				t.Fatalf("text %q is none of the items", r.Text)
			}
			if r.From != "inclusion" && r.From != "exclusion" {
				t.Fatalf("from %q", r.From)
			}
			sp := r.Span
			if sp[0] < 0 || sp[1] > len(r.Text) || sp[0] >= sp[1] || !utf8.ValidString(r.Text[sp[0]:sp[1]]) && utf8.ValidString(r.Text) {
				t.Fatalf("span %v outside %q", sp, r.Text)
			}
			read := r.Text[sp[0]:sp[1]]
			switch {
			case r.Variable == "bclc_stage", r.Variable == "child_pugh_score" && !strings.ContainsAny(read, "0123456789"):
				if !strings.ContainsAny(read, "0ABCD") {
					t.Fatalf("%s read from %q", compact(r), read)
				}
			case r.Unit == "xULN" && (r.Min != nil && *r.Min == 1 || r.Max != nil && *r.Max == 1) && !strings.ContainsAny(read, "0123456789"):
				// "≤ ULN"
			default:
				if !strings.ContainsAny(read, "0123456789") && !spelled(read) {
					t.Fatalf("%s: no numeral in its span %q", compact(r), read)
				}
			}
			if (r.Min == nil) != (r.MinInclusive == nil) || (r.Max == nil) != (r.MaxInclusive == nil) {
				t.Fatalf("inclusivity without its bound: %s", compact(r))
			}
			if r.Min != nil && r.Max != nil && (*r.Min > *r.Max || *r.Min == *r.Max && !(*r.MinInclusive && *r.MaxInclusive)) {
				t.Fatalf("empty range: %s", compact(r))
			}
			if r.Variable == "bclc_stage" {
				if len(r.Values) == 0 || r.Min != nil || r.Max != nil {
					t.Fatalf("bclc without stages: %s", compact(r))
				}
			} else if r.Values != nil || r.Min == nil && r.Max == nil {
				t.Fatalf("no bound: %s", compact(r))
			}
			eligibility.Describe(r)
		}
		// screening any trial never fails either
		eligibility.ScreenRequirements(reqs, eligibility.Patient{})
	})
}
