package ui

import (
	"github.com/trials-app/trials/plain"
)

// newProblems lists the inputs that did not load, with the reason.
func newProblems(ctx *Context, _ Component) Component {
	close := bind("esc/q/!", "close", "esc", "q", "!")
	return newOverlay(ctx, "load problems", close, func(width int) []string {
		th := ctx.Theme
		lines := []string{th.header.Render(" Inputs that did not load"), ""}
		problems := ctx.Corpus.Problems()
		if len(problems) == 0 {
			msg := "Every input loaded."
			if ctx.Corpus.Len() == 0 {
				msg = "No input failed to load, but no trial document was found in " + plain.Line(ctx.Corpus.Origin()) + "."
			}
			for _, l := range plain.Wrap(msg, width-2) {
				lines = append(lines, " "+l)
			}
		}
		for _, p := range problems {
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
