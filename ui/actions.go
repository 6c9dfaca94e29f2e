package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/export/ris"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
)

// The keys that act on the selected trial without a view: o opens its
// registry page in the web browser, y copies its NCT id and Y a citation
// line, through the terminal's clipboard (OSC 52). None of them blocks the
// screen: the opener runs in a command, and a citation of a trial not in
// memory is read in one.

// opener opens a web address with the platform's opener.
type opener struct {
	name string // what it runs, for messages: "xdg-open"
	run  func(url string) error
}

// openerFor is the platform's opener — xdg-open, open, or rundll32's URL
// handler — or the program TRIALS_OPENER names (with any arguments, the
// address added last), which tests and unusual desktops use.
func openerFor(goos string, env []string) opener {
	argv := strings.Fields(getenv(env)("TRIALS_OPENER"))
	if len(argv) == 0 {
		switch goos {
		case "darwin":
			argv = []string{"open"}
		case "windows":
			argv = []string{"rundll32", "url.dll,FileProtocolHandler"}
		default:
			argv = []string{"xdg-open"}
		}
	}
	return opener{name: argv[0], run: func(url string) error { return runOpener(argv, url) }}
}

// runOpener runs the opener with its output kept from the terminal (the
// screen belongs to the browser) and its first error line kept for the
// message.
func runOpener(argv []string, url string) error {
	cmd := exec.Command(argv[0], append(argv[1:len(argv):len(argv)], url)...)
	var stderr bytes.Buffer
	cmd.Stderr = &limited{w: &stderr, n: 1024}
	if err := cmd.Run(); err != nil {
		if line, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n"); line != "" {
			return fmt.Errorf("%w: %s", err, line)
		}
		return err
	}
	return nil
}

// limited keeps the first n bytes written to it and drops the rest.
type limited struct {
	w interface{ Write([]byte) (int, error) }
	n int
}

func (l *limited) Write(p []byte) (int, error) {
	if l.n > 0 {
		k := min(len(p), l.n)
		l.w.Write(p[:k])
		l.n -= k
	}
	return len(p), nil
}

// openedMsg is the end of an opener's run.
type openedMsg struct {
	url, by string
	err     error
}

// studyURL is the registry page of a selected trial, "" when it names no
// valid NCT id (ris.StudyURL builds it only from one).
func (s selection) studyURL() (string, string) {
	nct := s.nctID
	if !model.IsNCTID(nct) && model.IsNCTID(s.id) {
		nct = s.id
	}
	return ris.StudyURL(nct), nct
}

func openInBrowser(ctx *Context, sel selection) tea.Cmd {
	url, _ := sel.studyURL()
	if url == "" {
		ctx.Notify(noNCT(sel) + ", so no registry page to open.")
		return nil
	}
	ctx.Notify("Opening " + url + " with " + plain.Line(ctx.open.name) + "…")
	o := ctx.open
	return func() tea.Msg { return openedMsg{url: url, by: o.name, err: o.run(url)} }
}

// opened reports how the opener ended.
func (c *Context) openedURL(msg openedMsg) {
	by := plain.Line(msg.by)
	if msg.err != nil {
		id := strings.TrimPrefix(msg.url, "https://clinicaltrials.gov/study/")
		if errors.Is(msg.err, exec.ErrNotFound) || errors.Is(msg.err, fs.ErrNotExist) {
			c.Notify("Cannot open " + id + ": no " + by + " here (set TRIALS_OPENER to a program).")
			return
		}
		c.Notify("Cannot open " + id + ": " + by + ": " + plain.Line(msg.err.Error()))
		return
	}
	c.Notify("Opened " + msg.url + " (" + by + ").")
}

// noNCT says a trial names no NCT id (its id was derived from the
// document).
func noNCT(sel selection) string { return shortID(sel.id) + " has no NCT id" }

func copyID(ctx *Context, sel selection) tea.Cmd {
	_, nct := sel.studyURL()
	if nct == "" {
		ctx.Notify(noNCT(sel) + "; nothing copied.")
		return nil
	}
	ctx.Notify("Copied " + nct + " to the clipboard (through the terminal: OSC 52).")
	return ctx.clipboard(nct)
}

// citationMsg brings a citation line read off the UI goroutine.
type citationMsg struct {
	id, line string
	err      error
}

func copyCitation(ctx *Context, sel selection) tea.Cmd {
	if sel.rec < 0 {
		ctx.Notify(shortID(sel.id) + " is not in this corpus: open the inputs that hold it to cite it.")
		return nil
	}
	if t, ok := ctx.Corpus.Kept(sel.rec); ok {
		return ctx.copyCitationLine(citationMsg{id: t.ID, line: citation(t)})
	}
	c, rec := ctx.Corpus, sel.rec
	ctx.Notify("Reading " + shortID(sel.id) + " for its citation…")
	return func() tea.Msg {
		t, err := c.Trial(rec)
		if err != nil {
			return citationMsg{id: sel.id, err: err}
		}
		return citationMsg{id: t.ID, line: citation(t)}
	}
}

func (c *Context) copyCitationLine(msg citationMsg) tea.Cmd {
	if msg.err != nil {
		c.Notify("Cannot cite " + shortID(msg.id) + ": " + plain.Line(msg.err.Error()))
		return nil
	}
	c.Notify("Copied the citation of " + shortID(msg.id) + " to the clipboard (OSC 52).")
	return c.clipboard(msg.line)
}

// maxCitation caps a citation line: a title can be any length, and a
// terminal may refuse a long OSC 52 payload.
const maxCitation = 1000

// citation is one line to paste into a letter or a referral: "Sponsor.
// Title. ClinicalTrials.gov identifier NCT…; Status; first posted DATE;
// URL". What the trial does not state is left out.
func citation(t *model.Trial) string {
	clean := func(s string) string {
		return strings.Join(strings.Fields(plain.Line(present.Clip(s, 2*maxCitation))), " ")
	}
	var parts []string
	sentence := func(s string) {
		if s = strings.TrimRight(clean(s), ". "); s != "" {
			parts = append(parts, s+".")
		}
	}
	sentence(t.LeadSponsor.Name)
	title := t.Title
	if strings.TrimSpace(title) == "" {
		title = t.OfficialTitle
	}
	sentence(present.Clip(clean(title), maxCitation/2))
	var facts []string
	if model.IsNCTID(t.NCTID) {
		facts = append(facts, "ClinicalTrials.gov identifier "+t.NCTID)
	} else {
		facts = append(facts, "trial id "+clean(t.ID)+" (no NCT id)")
	}
	if t.Status != "" {
		facts = append(facts, clean(present.Status(t.Status)))
	}
	if t.FirstPosted != "" {
		facts = append(facts, "first posted "+clean(t.FirstPosted))
	}
	if url := ris.StudyURL(t.NCTID); url != "" {
		facts = append(facts, url)
	}
	line := strings.Join(append(parts, strings.Join(facts, "; ")), " ")
	return present.Clip(line, maxCitation)
}
