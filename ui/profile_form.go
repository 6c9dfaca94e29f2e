package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/plain"
)

// profileForm is p: the patient profile, one field per line — generated
// from eligibility.Fields, each with its unit — tab and shift+tab (or the
// arrows) between them. A value the field refuses is marked ✗ and its
// message ("ECOG must be 0–5") stands under the form; enter saves only
// when every value is accepted, esc leaves the profile as it was. An empty
// field is unknown, which is normal: a screen says what it could not check.
type profileForm struct {
	ctx    *Context
	fields []eligibility.Field
	inputs []textinput.Model
	focus  int
	offset int // the first field on screen, when they do not all fit
	tried  bool
	keys   profileKeys
	width  int
	height int
}

type profileKeys struct {
	Next, Prev, Save, Cancel binding
}

// labelWidth is the form's label column: the longest label and two spaces.
var profileLabelWidth = func() int {
	w := 0
	for _, f := range eligibility.Fields {
		w = max(w, plain.Width(f.Label))
	}
	return w + 2
}()

// inputWidth is room for any accepted value ("1000", "13.035", "female").
const profileInputWidth = 10

func newProfileForm(ctx *Context, _ Component) Component {
	f := &profileForm{ctx: ctx, fields: eligibility.Fields, keys: profileKeys{
		Next:   bind("tab/↓", "next field", "tab", "down"),
		Prev:   bind("shift+tab/↑", "previous field", "shift+tab", "up"),
		Save:   bind("enter", "save", "enter"),
		Cancel: bind("esc", "cancel", "esc"),
	}}
	cur := ctx.patient()
	for _, fd := range f.fields {
		in := newInput("", "")
		in.CharLimit = 16
		in.SetWidth(profileInputWidth)
		if cur != nil {
			in.SetValue(fd.Text(cur))
		}
		f.inputs = append(f.inputs, in)
	}
	return f
}

func (f *profileForm) Init() tea.Cmd { return f.inputs[f.focus].Focus() }

func (f *profileForm) Title() string { return "patient profile" }

func (f *profileForm) Typing() bool { return true }

func (f *profileForm) SetSize(width, height int) {
	f.width, f.height = width, height
	f.follow()
}

// rows is how many fields fit: the body less the heading and the lines
// under the form, and a line saying which fields are shown when not all
// are.
func (f *profileForm) rows() int {
	n := max(f.height-5, 1)
	if n < len(f.fields) {
		n = max(n-1, 1)
	}
	return n
}

func (f *profileForm) follow() {
	n := f.rows()
	if f.focus < f.offset {
		f.offset = f.focus
	}
	if f.focus >= f.offset+n {
		f.offset = f.focus - n + 1
	}
	f.offset = max(0, min(f.offset, max(len(f.fields)-n, 0)))
}

// check is why field i's value is refused, or nil.
func (f *profileForm) check(i int) error {
	var p eligibility.Patient
	return f.fields[i].Set(&p, f.inputs[i].Value())
}

func (f *profileForm) move(d int) tea.Cmd {
	f.inputs[f.focus].Blur()
	f.focus = (f.focus + d + len(f.inputs)) % len(f.inputs)
	f.follow()
	return f.inputs[f.focus].Focus()
}

func (f *profileForm) Update(msg tea.Msg) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, f.keys.Next):
			return f.move(1), true
		case key.Matches(k, f.keys.Prev):
			return f.move(-1), true
		case key.Matches(k, f.keys.Save):
			return f.save(), true
		case key.Matches(k, f.keys.Cancel):
			f.ctx.Notify("The patient profile is as it was.")
			return closeView(f), true
		}
	}
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
	default:
		return nil, false
	}
	var cmd tea.Cmd
	f.inputs[f.focus], cmd = f.inputs[f.focus].Update(msg)
	_, isKey := msg.(tea.KeyPressMsg)
	return cmd, isKey
}

// save stores the profile when every value is accepted; otherwise it puts
// the cursor on the first one refused and says why.
func (f *profileForm) save() tea.Cmd {
	var p eligibility.Patient
	if cur := f.ctx.patient(); cur != nil {
		p.ID, p.Summary = cur.ID, cur.Summary // kept from a file written by hand
	}
	for i, fd := range f.fields {
		if err := fd.Set(&p, f.inputs[i].Value()); err != nil {
			f.tried = true
			f.inputs[f.focus].Blur()
			f.focus = i
			f.follow()
			f.ctx.Notify("Not saved: " + plain.Line(err.Error()) + ".")
			return f.inputs[i].Focus()
		}
	}
	store := f.ctx.profile.store
	if !p.Known() {
		f.ctx.Notify("Every field is empty: no patient profile, no screen.")
		return tea.Batch(f.ctx.setPatient(nil), closeView(f))
	}
	where := "kept for this session only"
	if store != nil && store.dir != "" {
		where = "kept in " + store.where()
	}
	f.ctx.Notify("Patient profile saved (" + where + "); the list screens the trials for it.")
	return tea.Batch(f.ctx.setPatient(&p), closeView(f))
}

func (f *profileForm) View() string {
	th := f.ctx.Theme
	lines := []string{th.header.Render(" Patient profile") + th.muted.Render(" — to pre-screen trials: kept on this computer, never sent"), ""}
	end := min(f.offset+f.rows(), len(f.fields))
	for i := f.offset; i < end; i++ {
		fd := f.fields[i]
		bar := " "
		label := th.report.Label.Render(fit(fd.Label, profileLabelWidth))
		if i == f.focus {
			bar = th.header.Render("▌")
			label = th.header.Render(fit(fd.Label, profileLabelWidth))
		}
		mark := "  "
		if f.check(i) != nil {
			mark = th.warn.Render(" ✗")
		}
		unit := fd.Unit
		if fd.Hint != "" {
			unit = strings.TrimSpace(unit + "  (" + fd.Hint + ")")
		}
		lines = append(lines, " "+bar+label+fit(f.inputs[i].View(), profileInputWidth+1)+mark+" "+th.muted.Render(unit))
	}
	for i := end - f.offset; i < f.rows(); i++ {
		lines = append(lines, "")
	}
	if f.rows() < len(f.fields) {
		lines = append(lines, th.muted.Render("  fields "+itoa(f.offset+1)+"–"+itoa(end)+" of "+itoa(len(f.fields))+": tab and shift+tab move through them all"))
	}
	var msg string
	switch err := f.check(f.focus); {
	case err != nil:
		msg = th.warn.Render(" ✗ " + plain.Line(err.Error()))
	case f.invalid() > 0:
		msg = th.warn.Render(" ✗ marks a value refused; enter will not save until it is corrected or emptied")
	default:
		msg = th.muted.Render(" Empty is unknown — normal: the screen counts what it could not check (? N).")
	}
	where := "this session only: no configuration directory"
	if s := f.ctx.profile.store; s != nil && s.dir != "" {
		where = s.where()
	}
	lines = append(lines, "", msg, th.muted.Render(" Kept in "+where))
	return fitLines(lines, f.width, f.height)
}

// invalid is how many values are refused.
func (f *profileForm) invalid() int {
	n := 0
	for i := range f.inputs {
		if f.check(i) != nil {
			n++
		}
	}
	return n
}

func (f *profileForm) KeyMap() help.KeyMap {
	k := f.keys
	return keyMap{short: []binding{k.Next, k.Prev, k.Save, k.Cancel}, full: [][]binding{{k.Next, k.Prev, k.Save, k.Cancel}}}
}

func (f *profileForm) Status() string {
	if f.tried {
		return "Every key types here; a value refused is marked ✗; ctrl+c quits."
	}
	return "Every key types here; ctrl+c quits."
}
