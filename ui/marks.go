package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/model"
)

// space and c in the list: space puts the selected trial on the shortlist
// (or takes it off); c compares the two trials most recently shortlisted
// — or the one and the selected trial. Comparing three or four is the
// shortlist view's (shortlist_view.go).

// toggleShortlist is space in the list.
func (b *browser) toggleShortlist() tea.Cmd {
	rec := b.list.selected()
	if rec < 0 {
		b.ctx.Notify("No trial is selected.")
		return nil
	}
	return b.ctx.toggle(b.ctx.selectionOf(rec))
}

// latestShortlisted is the n trials last put on the shortlist that are in
// the corpus, older first.
func (c *Context) latestShortlisted(n int) []int {
	rows := c.shortlisted()
	var recs []int
	for i := len(rows) - 1; i >= 0 && len(recs) < n; i-- {
		if rows[i].rec >= 0 {
			recs = append([]int{rows[i].rec}, recs...)
		}
	}
	return recs
}

// compareReadyMsg brings the trials of a comparison, read off the UI
// goroutine.
type compareReadyMsg struct {
	gen    int
	trials []*model.Trial
	err    error
}

// compare opens the comparison of the two trials last shortlisted, or of
// the one shortlisted and the selected one.
func (b *browser) compare() tea.Cmd {
	latest, sel := b.ctx.latestShortlisted(2), b.list.selected()
	var recs []int
	switch {
	case len(latest) == 2:
		recs = latest
	case len(latest) == 1 && sel >= 0 && sel != latest[0]:
		recs = []int{latest[0], sel}
	case len(latest) == 0:
		b.ctx.Notify("Shortlist a trial with space, then select another (or shortlist it too) and press c.")
		return nil
	case sel < 0:
		b.ctx.Notify("No trial is selected to compare with the shortlisted one; clear the filter (esc) or shortlist a second trial.")
		return nil
	default:
		b.ctx.Notify("Select a trial other than the shortlisted one, then press c.")
		return nil
	}
	return readForCompare(b.ctx, recs)
}

// readForCompare reads the trials of records recs off the UI goroutine,
// for a comparison the root opens when they arrive.
func readForCompare(ctx *Context, recs []int) tea.Cmd {
	ctx.compareGen++
	gen, c := ctx.compareGen, ctx.Corpus
	return func() tea.Msg {
		trials := make([]*model.Trial, len(recs))
		for i, rec := range recs {
			t, err := c.Trial(rec)
			if err != nil {
				return compareReadyMsg{gen: gen, err: fmt.Errorf("%s: %w", shortID(c.Record(rec).ID), err)}
			}
			trials[i] = t
		}
		return compareReadyMsg{gen: gen, trials: trials}
	}
}
