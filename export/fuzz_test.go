package export

import (
	"context"
	"strings"
	"testing"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/seeds"
)

// FuzzMarkdown puts arbitrary text into every kind of field of a real seed
// trial and checks the Markdown: no control character, no line longer than
// the cap on one text allows, and output in proportion to the input.
func FuzzMarkdown(f *testing.F) {
	res := loader.LoadFS(context.Background(), loader.Options{}, seeds.FS)
	if len(res.Trials) != 5 {
		f.Fatalf("seeds: %v", res.Diagnostics)
	}
	for _, t := range res.Trials {
		f.Add(t.Title)
		f.Add(t.DetailedDescription)
	}
	f.Add(strings.Repeat("z", 3000))
	f.Add("a\x1b]52;c;ZXZpbA==\x07|*_[x](y)<b>\n\n# h")
	base := res.Trials[1]
	f.Fuzz(func(t *testing.T, text string) {
		c := *base
		c.Title, c.BriefSummary, c.WhyStopped = text, text, text
		c.Conditions = []string{text}
		c.Arms = append([]model.Arm{{Label: text, Description: text, Interventions: []string{text}}}, c.Arms...)
		c.Interventions = append([]model.Intervention{{Name: text, Description: text, OtherNames: []string{text}}}, c.Interventions...)
		c.Eligibility.Inclusion = []model.Criterion{{Text: text, Children: []model.Criterion{{Text: text}}}}
		one := 1.0
		c.Eligibility.Requirements = append([]model.Requirement{{Variable: text, Max: &one, Unit: model.Unit(text), From: text, Text: text}},
			c.Eligibility.Requirements...)
		c.Locations = []model.Location{{Facility: text, City: text}}
		c.Source.Path = text
		var b strings.Builder
		enc := &Encoder{notes: func(string) Annotation { return Annotation{Note: text, Tag: text} }}
		writeMarkdown(&b, cleaned(&c), enc.annotation(&c))
		out := b.String()
		if strings.ContainsAny(out, "\x1b\x07\u009b\u202e") {
			t.Fatal("a control character reached the Markdown")
		}
		for i, l := range strings.Split(out, "\n") {
			// A line holds at most a few capped texts, each escaped (at most
			// doubled) — the interventions line is the widest.
			if len(l) > 8*present.MaxText+1000 {
				t.Fatalf("line %d is %d bytes", i, len(l))
			}
		}
		if limit := 60*len(text) + 200_000; len(out) > limit {
			t.Fatalf("%d bytes of Markdown for %d of text", len(out), len(text))
		}
	})
}
