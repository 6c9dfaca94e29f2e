package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/report"
)

// detailPane is the trial's overview — the same text `trials show` prints
// first — under the user's own lines (shortlisted, tag, note), and over
// the contacts, central and per site, which ] and [ step through (y copies
// the picked one's e-mail).
var detailPane = paneSpec{name: "Detail", rich: func(in paneInput) paneText {
	th := in.ctx.Theme
	var b strings.Builder
	contacts := contactCount(in.trial)
	if triage := triageLines(in.ctx, in.trial.ID, in.width, contacts); len(triage) > 0 {
		b.WriteString(strings.Join(triage, "\n") + "\n\n")
	}
	b.WriteString(report.Overview(in.trial, in.width, th.report))
	b.WriteString("\n\n")
	lines := strings.Count(b.String(), "\n")
	text, picks := contactLines(in, lines)
	b.WriteString(text)
	return paneText{text: b.String(), picks: picks}
}}

// triageLines are what the user wrote about the trial, and where its
// contacts are.
func triageLines(ctx *Context, id string, width, contacts int) []string {
	th := ctx.Theme
	l := ctx.Shortlist
	var lines []string
	var head []string
	if l.Has(id) {
		head = append(head, th.mark.Render("★")+" On your shortlist")
	}
	if tag := l.Tag(id); tag != "" {
		head = append(head, th.report.Label.Render("Tag ")+plain.Line(tag))
	}
	if contacts > 0 {
		head = append(head, th.muted.Render(present.Count(contacts, "contact", "contacts")+" at the end: ] picks one"))
	}
	// The parts share a line while they fit, each cut to the width.
	sep := th.muted.Render("  ·  ")
	cur := ""
	for _, h := range head {
		h = fitMax(h, width)
		switch {
		case cur == "":
			cur = h
		case plain.Width(ansi.Strip(cur+sep+h)) <= width:
			cur += sep + h
		default:
			lines = append(lines, cur)
			cur = h
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if note := l.Note(id); note != "" {
		for i, w := range plain.Lines(plain.Clean(note), max(width-6, 10)) {
			label := "      "
			if i == 0 {
				label = th.report.Label.Render("Note  ")
			}
			lines = append(lines, label+w)
		}
	}
	return lines
}

func contactCount(t *model.Trial) int {
	n := len(t.CentralContacts)
	for _, l := range t.Locations {
		n += len(l.Contacts)
	}
	return n
}

// maxSiteContacts caps the sites whose contacts are listed: a registry
// record can list hundreds.
const maxSiteContacts = 200

// contactLines lays out the contacts from line first of the pane: central
// ones, then each site's under its name, the picked one with a bar and in
// reverse video.
func contactLines(in paneInput, first int) (string, []pick) {
	th := in.ctx.Theme
	t := in.trial
	var lines []string
	var picks []pick
	add := func(indent string, c model.Contact) {
		i := len(picks)
		picks = append(picks, pick{line: first + len(lines), name: contactName(c), email: plain.Line(c.Email)})
		bar := " "
		text := contactText(c)
		wrapped := plain.Lines(text, max(in.width-len(indent)-1, 10))
		for j, w := range wrapped {
			if i == in.picked {
				if j == 0 {
					bar = th.header.Render("▌")
				}
				w = th.selected.Render(w)
			}
			lines = append(lines, bar+indent+w)
			bar = " "
		}
	}
	lines = append(lines, th.report.Heading.Render("Contacts"))
	if contactCount(t) == 0 {
		lines = append(lines, th.muted.Render(fitMax("The record names no contact.", in.width)))
		return strings.Join(lines, "\n"), nil
	}
	if len(t.CentralContacts) > 0 {
		lines = append(lines, th.report.Label.Render(fitMax("For the study", in.width)))
		for _, c := range t.CentralContacts {
			add("  ", c)
		}
	}
	sites := 0
	for _, l := range t.Locations {
		if len(l.Contacts) == 0 {
			continue
		}
		if sites++; sites > maxSiteContacts {
			continue
		}
		for _, w := range plain.Lines(plain.Line(present.Clip(present.Site(l, true), maxCell)), max(in.width, 10)) {
			lines = append(lines, th.report.Label.Render(w))
		}
		for _, c := range l.Contacts {
			add("  ", c)
		}
	}
	if sites > maxSiteContacts {
		for _, w := range plain.Wrap(fmt.Sprintf("… and %d more sites with contacts, not shown.", sites-maxSiteContacts), max(in.width, 10)) {
			lines = append(lines, th.muted.Render(w))
		}
	}
	lines = append(lines, "")
	for _, w := range plain.Wrap("] and [ pick a contact; y copies its e-mail; esc leaves them.", max(in.width, 10)) {
		lines = append(lines, th.muted.Render(w))
	}
	return strings.Join(lines, "\n"), picks
}

func contactName(c model.Contact) string {
	if n := strings.TrimSpace(c.Name); n != "" {
		return present.Clip(n, 200)
	}
	return "This contact"
}

// contactText is a contact on one line: name (role) · phone · e-mail.
func contactText(c model.Contact) string {
	var parts []string
	name := plain.Line(present.Clip(c.Name, 500))
	if role := strings.TrimSpace(c.Role); role != "" && !strings.EqualFold(role, "CONTACT") {
		name = strings.TrimSpace(name + " (" + model.Label(plain.Line(present.Clip(role, 100))) + ")")
	}
	for _, s := range []string{name, plain.Line(present.Clip(c.Phone, 200)), plain.Line(present.Clip(c.Email, 320))} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return "(a contact with no name, phone or e-mail)"
	}
	return strings.Join(parts, " · ")
}
