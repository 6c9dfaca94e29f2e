package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/export"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
)

// exportDialog is e: export the shortlist, or the list as shown, in one of
// export.Formats, to a file whose name the user edits (by default in the
// working directory: trials-shortlist-2026-12-01.ris). A file that exists
// is replaced only after a second enter. The export runs off the UI
// goroutine, reading trials not kept in memory again through the corpus,
// and writes the file atomically (export.WriteFile); its end is a notice
// naming the file and the count.
type exportDialog struct {
	ctx     *Context
	what    int // 0 the shortlist, 1 the list as shown
	format  int // into export.Formats
	field   int // the field keys go to: 0 what, 1 format, 2 file
	path    textinput.Model
	edited  bool   // the user typed in the file name
	confirm string // the file the user agreed to replace
	problem string // why enter did not export
	dir     string // the working directory
	short   []shortlistRow
	rows    []int
	filter  string
	keys    exportKeys
	width   int
	height  int
}

type exportKeys struct {
	Next, Prev, Choose, Export, Cancel binding
}

const (
	fieldWhat = iota
	fieldFormat
	fieldPath
)

func newExportDialog(ctx *Context, under Component) Component {
	format := slices.Index(export.Formats, ctx.triage.lastFormat)
	if format < 0 {
		format = slices.Index(export.Formats, "csv")
	}
	d := &exportDialog{ctx: ctx, short: ctx.shortlisted(), format: format,
		path: newInput("", "file name"), field: fieldPath, keys: exportKeys{
			Next:   bind("tab/↓", "next field", "tab", "down"),
			Prev:   bind("shift+tab/↑", "previous field", "shift+tab", "up"),
			Choose: bind("←/→", "change the choice", "left", "right"),
			Export: bind("enter", "export", "enter"),
			Cancel: bind("esc", "cancel", "esc"),
		}}
	d.dir = ctx.workDir
	if d.dir == "" {
		d.dir, _ = os.Getwd()
	}
	if ctx.filtered != nil {
		d.rows, d.filter = ctx.filtered()
	}
	_, fromShortlist := under.(*shortlistView)
	switch {
	case fromShortlist:
	case d.filter != "" || len(d.short) == 0:
		d.what = 1
	}
	d.path.CharLimit = 4096
	d.path.SetValue(d.defaultName())
	d.path.CursorEnd()
	return d
}

func (d *exportDialog) Init() tea.Cmd { return d.path.Focus() }

func (d *exportDialog) Title() string { return "export" }

func (d *exportDialog) Typing() bool { return true }

func (d *exportDialog) SetSize(width, height int) {
	d.width, d.height = width, height
	d.path.SetWidth(max(width-14, 10))
}

func (d *exportDialog) formatName() string { return export.Formats[d.format] }

// defaultName is the file the export goes to unless the user names another.
func (d *exportDialog) defaultName() string {
	what := "shortlist"
	if d.what == 1 {
		what = "list"
	}
	return fmt.Sprintf("trials-%s-%s.%s", what, d.ctx.now().Format("2006-01-02"), d.formatName())
}

// records are the trials the export writes, and the shortlisted ones it
// cannot (not in the corpus).
func (d *exportDialog) records() (recs []int, missing []string) {
	if d.what == 1 {
		return d.rows, nil
	}
	for _, r := range d.short {
		if r.rec >= 0 {
			recs = append(recs, r.rec)
		} else {
			missing = append(missing, r.entry.ID)
		}
	}
	return recs, missing
}

// target is the file the name in the input stands for.
func (d *exportDialog) target() string {
	p := strings.TrimSpace(d.path.Value())
	if rest, ok := strings.CutPrefix(p, "~"+string(filepath.Separator)); ok {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, rest)
		}
	}
	if p != "" && !filepath.IsAbs(p) {
		p = filepath.Join(d.dir, p)
	}
	return p
}

func (d *exportDialog) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, isKey := msg.(tea.KeyPressMsg)
	if !isKey {
		if _, paste := msg.(tea.PasteMsg); paste && d.field == fieldPath {
			return d.typePath(msg), false
		}
		return nil, false
	}
	switch {
	case key.Matches(k, d.keys.Cancel):
		return closeView(d), true
	case key.Matches(k, d.keys.Export):
		return d.start(), true
	case key.Matches(k, d.keys.Next):
		d.field = (d.field + 1) % 3
		return d.focusPath(), true
	case key.Matches(k, d.keys.Prev):
		d.field = (d.field + 2) % 3
		return d.focusPath(), true
	case d.field != fieldPath && key.Matches(k, d.keys.Choose):
		step := 1
		if k.String() == "left" {
			step = -1
		}
		d.choose(step)
		return nil, true
	case d.field != fieldPath:
		return nil, true // letters do nothing on a choice; they never fire global keys
	}
	return d.typePath(msg), true
}

func (d *exportDialog) typePath(msg tea.Msg) tea.Cmd {
	before := d.path.Value()
	var cmd tea.Cmd
	d.path, cmd = d.path.Update(msg)
	if d.path.Value() != before {
		d.edited, d.confirm, d.problem = true, "", ""
	}
	return cmd
}

func (d *exportDialog) focusPath() tea.Cmd {
	if d.field == fieldPath {
		return d.path.Focus()
	}
	d.path.Blur()
	return nil
}

// choose steps the focused choice; an untouched file name follows it, an
// edited one keeps its name and changes its extension.
func (d *exportDialog) choose(step int) {
	oldExt := "." + d.formatName()
	switch d.field {
	case fieldWhat:
		d.what = (d.what + 1) % 2
	case fieldFormat:
		d.format = (d.format + step + len(export.Formats)) % len(export.Formats)
	}
	d.confirm, d.problem = "", ""
	switch p := d.path.Value(); {
	case !d.edited:
		d.path.SetValue(d.defaultName())
	case strings.HasSuffix(p, oldExt):
		d.path.SetValue(strings.TrimSuffix(p, oldExt) + "." + d.formatName())
	}
	d.path.CursorEnd()
}

// exportDoneMsg ends an export.
type exportDoneMsg struct {
	path     string
	n, total int
	unread   []string // trials that could not be read again: "NCT…: why"
	missing  []string
	err      error
}

// start checks the choice and starts the export.
func (d *exportDialog) start() tea.Cmd {
	recs, missing := d.records()
	recs = slices.Clone(recs) // the export reads them on its goroutine
	path := d.target()
	d.problem = ""
	switch info, err := os.Stat(path); {
	case d.ctx.triage.exporting != "":
		d.problem = "An export is running; wait for it to end."
	case len(recs) == 0:
		d.problem = "Nothing to export: " + d.whatLabel(d.what) + "."
	case path == "":
		d.problem = "Name the file to write."
	case err == nil && info.IsDir():
		d.problem = plain.Line(path) + " is a directory: add a file name."
	case err == nil && d.confirm != path:
		d.confirm = path
		d.problem = plain.Line(filepath.Base(path)) + " exists: enter again replaces it, or edit the name."
	case err != nil && !errors.Is(err, os.ErrNotExist):
		d.problem = "Cannot write there: " + plain.Line(err.Error())
	default:
		if _, err := os.Stat(filepath.Dir(path)); err != nil {
			d.problem = "No such directory: " + plain.Line(filepath.Dir(path))
		}
	}
	if d.problem != "" {
		return nil
	}
	overwrite := d.confirm == path
	format, c, list := d.formatName(), d.ctx.Corpus, d.ctx.Shortlist
	d.ctx.triage.lastFormat = format
	d.ctx.triage.exporting = fmt.Sprintf("exporting %s to %s…", present.Count(len(recs), "trial", "trials"), plain.Line(filepath.Base(path)))
	run := func() tea.Msg {
		done := exportDoneMsg{path: path, total: len(recs), missing: missing}
		done.err = export.WriteFile(path, overwrite, func(w io.Writer) error {
			enc, err := export.NewEncoder(w, format)
			if err != nil {
				return err
			}
			enc.Annotate(func(id string) export.Annotation { return export.Annotation{Note: list.Note(id), Tag: list.Tag(id)} })
			for _, rec := range recs {
				t, err := c.Trial(rec)
				if err != nil {
					done.unread = append(done.unread, shortID(c.Record(rec).ID)+": "+err.Error())
					continue
				}
				if err := enc.Encode(t); err != nil {
					return err
				}
				done.n++
			}
			return enc.Close()
		})
		return done
	}
	return tea.Batch(closeView(d), run)
}

// exported takes the end of an export.
func (c *Context) exported(msg exportDoneMsg) {
	c.triage.exporting = ""
	if msg.err != nil {
		c.Notify("Export failed, nothing written: " + plain.Line(msg.err.Error()))
		return
	}
	s := fmt.Sprintf("Wrote %s to %s", present.Count(msg.n, "trial", "trials"), plain.Line(msg.path))
	if len(msg.unread) > 0 {
		s += fmt.Sprintf("; %d could not be read again (see !)", len(msg.unread))
		for _, u := range msg.unread {
			c.storeProblem(fmt.Errorf("export to %s: %s", msg.path, u))
		}
	}
	if n := len(msg.missing); n > 0 {
		s += fmt.Sprintf("; %s on the shortlist not in this corpus left out", present.Count(n, "trial", "trials"))
	}
	c.Notify(s + ".")
}

func (d *exportDialog) whatLabel(what int) string {
	if what == 1 {
		s := "the list as shown: " + present.Count(len(d.rows), "trial", "trials")
		if d.filter != "" {
			s += fmt.Sprintf(" (filter %q)", present.Clip(d.filter, 60))
		}
		return s
	}
	recs, missing := 0, 0
	for _, r := range d.short {
		if r.rec >= 0 {
			recs++
		} else {
			missing++
		}
	}
	s := "the shortlist: " + present.Count(recs, "trial", "trials")
	if missing > 0 {
		s += fmt.Sprintf(" (and %d not in this corpus, left out)", missing)
	}
	return s
}

func (d *exportDialog) View() string {
	th := d.ctx.Theme
	label := func(f int, s string) string {
		s = fmt.Sprintf(" %-8s", s)
		if f == d.field {
			return th.header.Render("▌") + th.selected.Render(s)
		}
		return " " + s
	}
	lines := []string{th.header.Render(" Export"), ""}
	for w := range 2 {
		radio := "( ) "
		if w == d.what {
			radio = "(•) "
		}
		l := label(fieldWhat, "What")
		if w > 0 {
			l = strings.Repeat(" ", 10)
		}
		lines = append(lines, l+"  "+radio+d.whatLabel(w))
	}
	lines = append(lines, "")
	var formats []string
	for i, f := range export.Formats {
		if i == d.format {
			formats = append(formats, th.selected.Render("["+f+"]"))
		} else {
			formats = append(formats, " "+f+" ")
		}
	}
	lines = append(lines, label(fieldFormat, "Format")+"  "+strings.Join(formats, " "),
		strings.Repeat(" ", 12)+th.muted.Render(formatHint(d.formatName())), "")
	lines = append(lines, label(fieldPath, "File")+"  "+d.path.View(),
		strings.Repeat(" ", 12)+th.muted.Render(plain.Line(present.Clip(d.target(), maxCell))), "")
	if d.problem != "" {
		lines = append(lines, th.warn.Render(" "+d.problem), "")
	}
	lines = append(lines, th.muted.Render(" tab moves between the fields, ←/→ change a choice; enter exports, esc cancels."),
		th.muted.Render(" Notes and tags go with the trials: csv columns, json keys, md lines, ris N1 and KW."))
	return fitLines(lines, d.width, d.height)
}

// formatHint says what a format is for.
func formatHint(f string) string {
	switch f {
	case "csv":
		return "a spreadsheet: one row per trial"
	case "md":
		return "Markdown: a readable section per trial"
	case "json":
		return "one JSON array (the export contract in README.md)"
	case "jsonl":
		return "one JSON object per line"
	case "ris":
		return "EndNote, Zotero, Covidence: one reference per trial"
	}
	return ""
}

func (d *exportDialog) KeyMap() help.KeyMap {
	k := d.keys
	short := []binding{k.Export, k.Cancel, k.Next}
	if d.field != fieldPath {
		short = append(short, k.Choose)
	}
	return keyMap{short: short, full: [][]binding{{k.Next, k.Prev, k.Choose, k.Export, k.Cancel}}}
}

func (d *exportDialog) Status() string {
	return "Every key types in the file name; ctrl+c quits."
}
