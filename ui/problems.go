package ui

import (
	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/plain"
)

// newProblems lists the inputs that did not load, with the reason.
func newProblems(ctx *Context, _ Component) Component {
	close := bind("esc/q/!", "close", "esc", "q", "!")
	return newOverlay(ctx, "load problems", close, func(width int) []string {
		th := ctx.Theme
		lines := []string{th.header.Render(" Inputs that did not load"), ""}
		all := ctx.Corpus.Problems()
		var problems, copies []corpus.Problem
		for _, p := range all {
			if p.Duplicate {
				copies = append(copies, p)
			} else {
				problems = append(problems, p)
			}
		}
		if len(problems) == 0 {
			msg := "Every input loaded."
			if ctx.Corpus.Len() == 0 {
				msg = "No input failed to load, but no trial document was found in " + plain.Line(ctx.Corpus.Origin()) + "."
			}
			for _, l := range plain.Wrap(msg, width-2) {
				lines = append(lines, " "+l)
			}
		}
		item := func(p corpus.Problem) {
			for i, l := range plain.Wrap(plain.Line(p.Path), width-4) {
				if i == 0 {
					lines = append(lines, " "+th.warn.Render("• ")+l)
				} else {
					lines = append(lines, "   "+l)
				}
			}
			for _, l := range plain.Wrap(plain.Line(p.Reason), width-4) {
				lines = append(lines, "   "+l)
			}
		}
		for _, p := range problems {
			item(p)
		}
		if len(copies) > 0 {
			// Each trial counts once: the copies of a trial read twice that
			// were left out, and which copy was kept.
			lines = append(lines, "", th.header.Render(" Copies of trials read twice, left out"), "")
			for _, p := range copies {
				item(p)
			}
		}
		if len(ctx.triage.problems) > 0 {
			lines = append(lines, "", th.header.Render(" The shortlist and exports"), "")
			for _, p := range ctx.triage.problems {
				for i, l := range plain.Wrap(p, width-4) {
					if i == 0 {
						lines = append(lines, " "+th.warn.Render("• ")+l)
					} else {
						lines = append(lines, "   "+l)
					}
				}
			}
			if path := ctx.Shortlist.Path(); path != "" {
				lines = append(lines, "", " The shortlist is kept in "+plain.Line(path)+".")
			} else {
				lines = append(lines, "", " The shortlist is kept in memory only, for this session.")
			}
		}
		return append(lines, "", th.muted.Render(" esc or q closes this list."))
	})
}
