package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// pager is a scrollable block of pre-rendered lines.
type pager struct {
	lines  []string
	offset int
	height int
}

func (p *pager) setLines(ls []string) {
	p.lines = ls
	p.clamp()
}

func (p *pager) setHeight(h int) {
	p.height = max(h, 1)
	p.clamp()
}

func (p *pager) maxOffset() int { return max(len(p.lines)-p.height, 0) }

func (p *pager) clamp() { p.offset = min(max(p.offset, 0), p.maxOffset()) }

func (p *pager) scroll(n int) {
	p.offset += n
	p.clamp()
}

func (p *pager) top()    { p.offset = 0 }
func (p *pager) bottom() { p.offset = p.maxOffset() }

// The pager as a scroller: the movement keys scroll it.
func (p *pager) step(n int) { p.scroll(n) }
func (p *pager) toStart()   { p.top() }
func (p *pager) toEnd()     { p.bottom() }
func (p *pager) page() int  { return p.height }

// view renders the visible lines, each cut or padded to width.
func (p *pager) view(width int) string {
	var b strings.Builder
	for i := 0; i < p.height; i++ {
		line := ""
		if j := p.offset + i; j < len(p.lines) {
			line = p.lines[j]
		}
		b.WriteString(fit(line, width))
		if i < p.height-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// percent is how far down the pager is, for its title.
func (p *pager) percent() int {
	if p.maxOffset() == 0 {
		return 100
	}
	return p.offset * 100 / p.maxOffset()
}

// fit cuts or pads a (possibly styled) line to exactly width columns.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(s)
	if w > width {
		return ansi.Truncate(s, width, "…")
	}
	return s + strings.Repeat(" ", width-w)
}
