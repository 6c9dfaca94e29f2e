package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/model"
)

// The marks: the trials chosen for comparison, kept in the Context so the
// comparison (and later the shortlist) sees them.

// toggleMark marks the selected trial for comparison; two at most, the
// oldest giving way.
func (b *browser) toggleMark() {
	rec := b.list.selected()
	if rec < 0 {
		return
	}
	c, ctx := b.ctx.Corpus, b.ctx
	for i, r := range ctx.Marks {
		if r == rec {
			ctx.Marks = append(ctx.Marks[:i:i], ctx.Marks[i+1:]...)
			ctx.Notify("Unmarked " + shortID(c.Record(rec).ID) + ".")
			return
		}
	}
	msg := ""
	if len(ctx.Marks) == 2 {
		msg = "Unmarked " + shortID(c.Record(ctx.Marks[0]).ID) + " (two marks at most). "
		ctx.Marks = ctx.Marks[1:]
	}
	ctx.Marks = append(ctx.Marks, rec)
	if len(ctx.Marks) == 1 {
		msg += "Marked " + shortID(c.Record(rec).ID) + ": select another trial and press c to compare, or mark a second."
	} else {
		msg += "Marked two trials: press c to compare them."
	}
	ctx.Notify(msg)
}

// compareReadyMsg brings the two trials of a comparison, read off the UI
// goroutine.
type compareReadyMsg struct {
	gen  int
	a, b *model.Trial
	err  error
}

// compare opens the comparison of the two marked trials, or of the marked
// one and the selected one.
func (b *browser) compare() tea.Cmd {
	marks, sel := b.ctx.Marks, b.list.selected()
	var ra, rb int
	switch {
	case len(marks) == 2:
		ra, rb = marks[0], marks[1]
	case len(marks) == 1 && sel >= 0 && sel != marks[0]:
		ra, rb = marks[0], sel
	case len(marks) == 0:
		b.ctx.Notify("Mark a trial with space, then select another (or mark it too) and press c.")
		return nil
	case sel < 0:
		b.ctx.Notify("No trial is selected to compare with the marked one; clear the filter (esc) or mark a second trial.")
		return nil
	default:
		b.ctx.Notify("Select a different trial from the marked one, then press c.")
		return nil
	}
	b.compareGen++
	gen, c := b.compareGen, b.ctx.Corpus
	return func() tea.Msg {
		ta, err := c.Trial(ra)
		var tb *model.Trial
		if err == nil {
			tb, err = c.Trial(rb)
		}
		return compareReadyMsg{gen: gen, a: ta, b: tb, err: err}
	}
}
