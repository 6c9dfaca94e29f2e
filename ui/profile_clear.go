package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/plain"
)

// profileClear is P: it asks before the patient profile is cleared — the
// file removed, the screen column and verdicts gone — since a profile
// typed in is not got back. Until y or n, no other key acts.
type profileClear struct {
	ctx    *Context
	keys   profileClearKeys
	width  int
	height int
}

type profileClearKeys struct {
	Yes, No binding
}

func newProfileClear(ctx *Context, _ Component) Component {
	if ctx.patient() == nil {
		ctx.Notify("No patient profile is set: p enters one.")
		return nil
	}
	return &profileClear{ctx: ctx, keys: profileClearKeys{
		Yes: bind("y", "clear it", "y", "Y"),
		No:  bind("n/esc", "keep it", "n", "N", "esc"),
	}}
}

func (d *profileClear) Title() string { return "clear the patient profile?" }

// Typing: the question takes every key, so that a stray one does nothing.
func (d *profileClear) Typing() bool { return true }

func (d *profileClear) SetSize(width, height int) { d.width, d.height = width, height }

func (d *profileClear) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	switch {
	case key.Matches(k, d.keys.Yes):
		d.ctx.Notify("Patient profile cleared: no screen column, no verdicts.")
		return tea.Batch(d.ctx.setPatient(nil), closeView(d)), true
	case key.Matches(k, d.keys.No):
		d.ctx.Notify("The patient profile is kept.")
		return closeView(d), true
	}
	return nil, true
}

func (d *profileClear) View() string {
	th := d.ctx.Theme
	if d.ctx.patient() == nil {
		// drawn once more between y and the close arriving
		return fitLines([]string{th.header.Render(" Patient profile cleared.")}, d.width, d.height)
	}
	lines := []string{th.header.Render(" Clear the patient profile?"), ""}
	for _, l := range plain.Wrap(patientSummary(d.ctx.patient()), max(d.width-2, 10)) {
		lines = append(lines, " "+l)
	}
	lines = append(lines, "")
	for _, l := range plain.Wrap("y clears it (and removes "+d.ctx.profile.store.where()+"); n or esc keeps it.", max(d.width-2, 10)) {
		lines = append(lines, th.muted.Render(" "+l))
	}
	return fitLines(lines, d.width, d.height)
}

func (d *profileClear) KeyMap() help.KeyMap {
	return keyMap{short: []binding{d.keys.Yes, d.keys.No}, full: [][]binding{{d.keys.Yes, d.keys.No}}}
}

func (d *profileClear) Status() string { return "y clears the profile, n keeps it; ctrl+c quits." }
