package ui

import (
	"fmt"

	"charm.land/lipgloss/v2"

	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
)

// column is one column of the trial list. To add one (a screen verdict, a
// country), write its column and add it to columns in display order.
type column struct {
	name string // for the help's description of the list
	head string // the header line's label
	// sorts says the rows can be sorted by the column, by sortKey: the
	// header marks it when they are.
	sorts   bool
	sortKey search.SortKey
	width   int  // cells; 0 for the one column that takes what is left
	right   bool // numbers align right
	// drop orders the columns narrow terminals leave out, the highest
	// first; 0 is never left out.
	drop int
	// text is what the cell says, as plain text; textCtx, when text is
	// nil, the same for a column that needs the Context and the record's
	// number (the tag, the screen; rec is -1 for a shortlisted trial not
	// in the corpus).
	text    func(r *search.Record) string
	textCtx func(ctx *Context, rec int, r *search.Record) string
	// style colours the cell, styleCtx likewise from the Context; nil for
	// none. Colour only repeats the text.
	style    func(r *search.Record, th *theme) lipgloss.Style
	styleCtx func(ctx *Context, rec int, th *theme) lipgloss.Style
	// highlight marks what the filter matched in the cell.
	highlight bool
	// unused, when set, says the column has nothing to show in any row
	// (no trial is tagged): it then gives its room to the others.
	unused func(ctx *Context) bool
}

// columns are the list's columns, left to right.
var columns = []column{statusColumn, phaseColumn, idColumn, screenColumn, tagColumn, titleColumn, enrollmentColumn}

var statusColumn = column{name: "status", head: "status", sorts: true, sortKey: search.SortStatus, width: present.BadgeWidth,
	text:  func(r *search.Record) string { return present.StatusShort(r.Status()) },
	style: func(r *search.Record, th *theme) lipgloss.Style { return th.report.Status(r.Status()) }}

var phaseColumn = column{name: "phase", head: "phase", sorts: true, sortKey: search.SortPhase, width: 5, drop: 1,
	text: func(r *search.Record) string { return present.PhaseShort(r.Phases()) }}

var idColumn = column{name: "id", head: "id", sorts: true, sortKey: search.SortID, width: 11,
	text: func(r *search.Record) string { return r.ID }}

var titleColumn = column{name: "title", head: "title", highlight: true,
	text: func(r *search.Record) string { return r.Title }}

// tagColumn is the user's tag on the trial (shortlist.MaxTagLen is 20; a
// longer tag is cut with "…" here and shown whole in the Detail pane).
var tagColumn = column{name: "your tag", head: "tag", width: 9,
	textCtx: func(ctx *Context, _ int, r *search.Record) string { return ctx.Shortlist.Tag(r.ID) },
	unused:  func(ctx *Context) bool { return !ctx.hasTags() }}

// enrollmentColumn is the enrollment, "(est.)" when it is the sponsor's
// anticipated figure rather than the actual one.
var enrollmentColumn = column{name: "enrollment, (est.) when anticipated", head: "enrollment", sorts: true, sortKey: search.SortEnrollment,
	width: 12, right: true, drop: 2,
	text: func(r *search.Record) string {
		if r.Enrollment < 0 {
			return ""
		}
		if r.EnrollmentEstimated {
			return fmt.Sprint(r.Enrollment) + " (est.)"
		}
		return fmt.Sprint(r.Enrollment)
	}}

// minFlex is the room the flexible column keeps before others drop out.
const minFlex = 24

// rowLead is the gutter bar, the shortlist mark and a space before the
// columns.
const rowLead = 3

// visibleColumns are the columns that fit width and have something to
// show, and the flexible column's width.
func visibleColumns(ctx *Context, width int) ([]column, int) {
	var shown []column
	for _, c := range columns {
		if c.unused == nil || !c.unused(ctx) {
			shown = append(shown, c)
		}
	}
	for {
		fixed := rowLead + len(shown) - 1 // a space between columns
		for _, c := range shown {
			fixed += c.width
		}
		flex := width - fixed
		worst, at := 0, -1
		for i, c := range shown {
			if c.drop > worst {
				worst, at = c.drop, i
			}
		}
		if flex >= minFlex || at < 0 {
			return shown, max(flex, 8)
		}
		shown = append(shown[:at:at], shown[at+1:]...)
	}
}

// maxCell caps what a cell takes from a field before it is cut to width:
// a 50 MB title costs no more per frame than a long one.
const maxCell = 1024

// cell renders one cell at exactly width cells: the text cleaned, cut or
// padded, the filter's matches marked, styled as the row (reverse when
// selected) with the column's colour on top.
func (c column) cell(ctx *Context, rec int, r *search.Record, width int, marks rowMarks, base lipgloss.Style, th *theme, selected bool) string {
	lead := ""
	if c.highlight && marks.lead != "" && width > 12 {
		// The near word before the title, where it is always in view.
		style := th.warn
		if selected {
			style = style.Reverse(true)
		}
		lw := min(plain.Width(marks.lead), width/2)
		lead = style.Render(truncate(marks.lead, lw)) + base.Render(" ")
		width -= lw + 1
	}
	terms := marks.terms
	var s string
	if c.text != nil {
		s = c.text(r)
	} else {
		s = c.textCtx(ctx, rec, r)
	}
	s = plain.Line(present.Clip(s, maxCell))
	if plain.Width(s) > width {
		s = truncate(s, width)
	}
	pad := max(width-plain.Width(s), 0)
	style := base
	switch {
	case c.style != nil:
		style = c.style(r, th)
	case c.styleCtx != nil:
		style = c.styleCtx(ctx, rec, th)
	}
	if selected && (c.style != nil || c.styleCtx != nil) {
		style = style.Reverse(true)
	}
	render := func(s string) string { return style.Render(s) }
	text := render(s)
	if c.highlight && len(terms) > 0 {
		match := th.match
		if selected {
			match = match.Reverse(true)
		}
		text = present.Highlight(s, search.Spans(s, terms), render, func(s string) string { return match.Render(s) })
	}
	if pad == 0 {
		return lead + text
	}
	if c.right {
		return lead + base.Render(spaces(pad)) + text
	}
	return lead + text + base.Render(spaces(pad))
}

// shortID is a trial id for a title or a notice: cleaned, and capped (ids
// come from documents, and a document can say anything).
func shortID(id string) string { return plain.Line(present.Clip(id, 64)) }
