package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/model"
)

// fuzzTexts seeds the fuzzers with the seeds' own texts and the shapes that
// broke renderers before.
func fuzzTexts(f *testing.F) {
	for _, t := range seedTrials(f) {
		f.Add(t.Title, 80)
		f.Add(t.LeadSponsor.Name, 40)
	}
	f.Add(strings.Repeat("x", 3000), 60)
	f.Add(strings.Repeat("肝癌", 300), 33)
	f.Add("a\x1b]52;c;ZXZpbA==\x07b\x1b[2J \u202e\r\nNCT05033522", 21)
}

// FuzzCitation: whatever a record says, Y copies one line, without control
// characters, within maxCitation.
func FuzzCitation(f *testing.F) {
	fuzzTexts(f)
	f.Fuzz(func(t *testing.T, text string, _ int) {
		tr := &model.Trial{ID: text, NCTID: text, Title: text, OfficialTitle: text, FirstPosted: text,
			Status: model.Status(text), LeadSponsor: model.Sponsor{Name: text}}
		c := citation(tr)
		if strings.ContainsAny(c, "\x1b\x07\n\r\u009b\u202e") {
			t.Fatalf("a control character in the citation: %q", c)
		}
		if len(c) > maxCitation {
			t.Fatalf("citation of %d bytes", len(c))
		}
	})
}

// FuzzDetailPane: contacts, notes and tags of any text lay out within the
// pane's width, and nothing in them reaches the screen as a control.
func FuzzDetailPane(f *testing.F) {
	fuzzTexts(f)
	base := seedTrials(f)[0]
	f.Fuzz(func(t *testing.T, text string, width int) {
		width = 20 + abs(width)%200
		tr := *base
		c := model.Contact{Name: text, Role: text, Phone: text, Email: text}
		tr.CentralContacts = []model.Contact{c, c}
		tr.Locations = append([]model.Location{{Facility: text, City: text, Country: text, Contacts: []model.Contact{c}}}, tr.Locations...)
		m := newTestModel(t, seedCorpus(t), 80, 24)
		m.ctx.Shortlist.Toggle(tr.ID, "")
		m.ctx.Shortlist.SetNote(tr.ID, "", text)
		out := detailPane.rich(paneInput{ctx: m.ctx, trial: &tr, width: width, picked: 1})
		if len(out.picks) != 3 {
			t.Fatalf("%d contacts to pick", len(out.picks))
		}
		lines := strings.Split(out.text, "\n")
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > max(width, 30) {
				t.Fatalf("line %d is %d wide, over %d: %q", i, w, width, l)
			}
			if strings.ContainsAny(ansi.Strip(l), "\x1b\x07\u009b\u202e") {
				t.Fatalf("a control character on line %d: %q", i, l)
			}
		}
		for _, p := range out.picks {
			if p.line >= len(lines) {
				t.Fatalf("a contact picked at line %d of %d", p.line, len(lines))
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
