package ui

import (
	"fmt"
	"strconv"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
)

// The list's screen column: with a patient profile set, each trial's
// verdict — ✓ possible, ✗ excluded — and how many things could not be
// checked (? 3). Verdicts come from the corpus's compact requirements
// (corpus.Screens), never from rereading trials, and are worked out off the
// UI goroutine in chunks: the rows on screen first, then the rest in corpus
// order, one chunk at a time, so a registry of 550,000 trials is screened
// in the background while the keys stay quick. Each chunk carries the
// profile's generation; one for an older profile is dropped.

// screenChunk is how many records one background step screens: about
// 10 ms of work (eligibility.Screen takes a few µs a trial).
const screenChunk = 2048

// screenCell is one record's verdict: 0 until screened.
type screenCell uint16

const (
	cellScreened screenCell = 1 << 15
	cellExcluded screenCell = 1 << 14
	cellNoData   screenCell = 1 << 13 // the corpus keeps nothing to screen with
	cellNoneRead screenCell = 1 << 12 // no requirement was read from the criteria
	cellUnknowns screenCell = 0xFF    // the count of unknowns, in the low byte
)

func newScreenCell(res eligibility.Result, ok bool) screenCell {
	if !ok {
		return cellScreened | cellNoData
	}
	c := cellScreened | screenCell(min(res.UnknownCount(), int(cellUnknowns)))
	if res.Verdict == eligibility.Excluded {
		c |= cellExcluded
	}
	if len(res.Requirements) == 0 {
		c |= cellNoneRead
	}
	return c
}

// noneRead reports a possible verdict with nothing read from the criteria
// (the registry's age and sex alone): a ✓ there would read as a screen
// that was not done.
func (c screenCell) noneRead() bool { return c&cellNoneRead != 0 && c&cellExcluded == 0 }

func (c screenCell) unknowns() int { return int(c & cellUnknowns) }

// screenState is the Context's part of the screen: the verdicts for the
// profile of generation gen.
type screenState struct {
	gen     int
	cells   []screenCell
	next    int  // the first record the in-order pass has not handed out
	running bool // a chunk is being screened
	done    int
	// excluded, noneRead and noData count the screened records that are
	// excluded, possible with nothing read from their criteria, and that
	// could not be screened.
	excluded, noneRead, noData int
}

// screenChunkMsg brings the verdicts of a chunk of records.
type screenChunkMsg struct {
	gen   int
	corp  *corpus.Corpus // the chunk's records are this corpus's
	recs  []int
	cells []screenCell
}

// startScreen drops the verdicts of the previous profile (or corpus) and
// starts screening for the current one.
func (c *Context) startScreen() tea.Cmd {
	c.screen = screenState{gen: c.profile.gen}
	if c.profile.patient == nil || c.Corpus == nil {
		return nil
	}
	c.screen.cells = make([]screenCell, c.Corpus.Len())
	return c.nextScreenChunk()
}

// nextScreenChunk hands the next records to a background step: the
// visible rows not yet screened, then the next ones in corpus order.
func (c *Context) nextScreenChunk() tea.Cmd {
	s := &c.screen
	p := c.profile.patient
	if p == nil || s.running || s.done >= len(s.cells) {
		return nil
	}
	var recs []int
	if c.visible != nil {
		for _, r := range c.visible() {
			if r >= 0 && r < len(s.cells) && s.cells[r] == 0 {
				recs = append(recs, r)
			}
		}
	}
	for ; s.next < len(s.cells) && len(recs) < screenChunk; s.next++ {
		if s.cells[s.next] == 0 {
			recs = append(recs, s.next)
		}
	}
	if len(recs) == 0 {
		return nil
	}
	s.running = true
	gen, corp := s.gen, c.Corpus
	return func() tea.Msg {
		return screenChunkMsg{gen: gen, corp: corp, recs: recs, cells: screenRecords(corp, recs, p)}
	}
}

// screenRecords screens p against records recs of corp.
func screenRecords(corp *corpus.Corpus, recs []int, p *eligibility.Patient) []screenCell {
	cells := make([]screenCell, len(recs))
	for i, r := range recs {
		cells[i] = newScreenCell(corp.Screen(r, p))
	}
	return cells
}

// screened takes a chunk's verdicts and asks for the next chunk.
func (c *Context) screened(msg screenChunkMsg) tea.Cmd {
	s := &c.screen
	if msg.gen != s.gen || s.cells == nil || msg.corp != c.Corpus {
		return nil // for a profile (or a part of the corpus) no longer in use; its own chain goes on
	}
	s.running = false
	for i, r := range msg.recs {
		if r < len(s.cells) && s.cells[r] == 0 {
			s.cells[r] = msg.cells[i]
			s.done++
			switch c := msg.cells[i]; {
			case c&cellNoData != 0:
				s.noData++
			case c&cellExcluded != 0:
				s.excluded++
			case c.noneRead():
				s.noneRead++
			}
		}
	}
	return c.nextScreenChunk()
}

// screenCellOf is record rec's verdict, 0 when not screened yet.
func (c *Context) screenCellOf(rec int) screenCell {
	if rec < 0 || rec >= len(c.screen.cells) {
		return 0
	}
	return c.screen.cells[rec]
}

// screenColumn shows the verdict: ✓ possible or ✗ excluded, then ? N for
// what could not be checked; – for a trial nothing was read from (possible
// on the registry's age and sex alone); … while the record waits.
var screenColumn = column{name: "screen (with a patient profile)", head: "screen", width: 6,
	textCtx: func(ctx *Context, rec int, _ *search.Record) string {
		if rec < 0 {
			return "" // a shortlisted trial not in the corpus: nothing to screen
		}
		return screenText(ctx.screenCellOf(rec))
	},
	styleCtx: func(ctx *Context, rec int, th *theme) lipgloss.Style {
		c := ctx.screenCellOf(rec)
		switch {
		case c == 0 || c&cellNoData != 0 || c.noneRead():
			return th.muted
		case c&cellExcluded != 0:
			return th.report.NotMet
		}
		return th.report.Met
	},
	unused: func(ctx *Context) bool { return ctx.profile.patient == nil }}

func screenText(c screenCell) string {
	switch {
	case c == 0:
		return "…"
	case c&cellNoData != 0:
		return ""
	case c.noneRead():
		return "–"
	}
	mark := "✓"
	if c&cellExcluded != 0 {
		mark = "✗"
	}
	if n := c.unknowns(); n > 0 {
		return fmt.Sprintf("%s ?%2d", mark, n)
	}
	return mark
}

// screenStatus is the status line's word on the screen: the counts, and
// how far it has got; "" with no profile.
func (c *Context) screenStatus() string {
	s := c.screen
	if c.profile.patient == nil || s.cells == nil {
		return ""
	}
	possible := s.done - s.excluded - s.noneRead - s.noData
	out := "screen: ✓ " + present.Number(possible) + " not excluded · ✗ " + present.Number(s.excluded) + " excluded"
	if s.noneRead > 0 {
		out += " · – " + present.Number(s.noneRead) + " nothing read"
	}
	if s.noData > 0 {
		out += " · " + present.Number(s.noData) + " cannot be screened"
	}
	if s.done < len(s.cells) {
		out += " · screening " + strconv.Itoa(s.done*100/max(len(s.cells), 1)) + "%…"
	}
	if c.Corpus.Loading() != nil {
		out += " · of the first " + present.Number(c.Corpus.Len()) + " trials read"
	}
	return out
}
