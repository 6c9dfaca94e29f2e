package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
)

// newHelp lists every key of the view it was opened from — the same
// bindings that view acts on — then the global keys and a legend of what
// the screen shows.
func newHelp(ctx *Context, under Component) Component {
	close := bind("esc/q/?", "close help", "esc", "q", "?")
	return newOverlay(ctx, "help", close, func(width int) []string {
		th := ctx.Theme
		h := help.New()
		h.Styles = th.help
		h.ShowAll = true
		groups := under.KeyMap().FullHelp()
		if g := globalBindings(under, true); len(g) > 0 {
			groups = append(groups, g)
		}
		lines := []string{th.header.Render(" Keys"), ""}
		for _, l := range strings.Split(packGroups(h, groups, width-1), "\n") {
			lines = append(lines, " "+l)
		}
		lines = append(lines, "", th.header.Render(" Reading the screen"), "")
		para := func(s string) {
			for _, l := range plain.Wrap(s, width-2) {
				lines = append(lines, " "+l)
			}
		}
		var names []string
		for _, c := range columns {
			names = append(names, c.name)
		}
		para("The list shows, per trial: " + strings.Join(names, ", ") + ". ▌ marks the selected row; ★ a trial on your shortlist (space puts it there, L lists the shortlist, where 1–4 number the trials picked to compare). c in the list compares the two trials last shortlisted, or the one and the selected trial.")
		lines = append(lines, "", " Status column (colour only repeats the word):")
		for _, e := range present.StatusLegend() {
			lines = append(lines, "   "+fit(e.Short, present.BadgeWidth)+"  "+e.Long)
		}
		lines = append(lines, "", " Phase column:")
		for _, e := range present.PhaseLegend() {
			lines = append(lines, "   "+fit(e.Short, 6)+"  "+e.Long)
		}
		lines = append(lines, "")
		para("The filter (/ in the list) matches the start of words in titles, ids, conditions, interventions and their other names, and sponsors; every word must match, and long words forgive a typo. In a reading pane, / searches the pane's text: n and N go to the next and previous match.")
		para("In a comparison, ≠ marks differing fields, = what every trial has and · what not every trial has. Criteria are numbered 1., a., i. by depth, as the source nests them.")
		para("The patient screen: p enters a patient profile (age, sex, ECOG, Child-Pugh, BCLC, counts, liver and kidney values, life expectancy; any may be left unknown), kept in your configuration directory, never sent; P clears it. With a profile the list gains a screen column: ✓ means nothing read from the criteria or the registry excludes the patient — not that the patient is eligible; ✗ that a requirement applying to everyone is not met; ? N how many things could not be checked; – that nothing was read from its criteria (only the registry's age and sex were checked); … not screened yet. The Eligibility pane shows each requirement with the patient's value and met, not met or unknown; a bound for a subgroup only is shown in brackets and never decides. The comparison lines the trials' requirements up by variable, with the verdicts.")
		para("Your notes and tags: a writes a one-paragraph note on the selected trial (shown at the top of its Detail pane), t gives it a one-word tag (the tag column). They are kept with the shortlist in your data directory, even for trials taken off it. e exports the shortlist or the list as shown (csv, md, json, jsonl, ris) with them; o opens the trial's ClinicalTrials.gov page, y copies its NCT id and Y a citation, through the terminal's clipboard (OSC 52, which some terminals refuse). In the Detail pane, ] and [ pick a contact and y copies its e-mail.")
		return append(lines, "", th.muted.Render(" esc, q or ? closes this help."))
	})
}

// packGroups lays key groups out as columns, as many side by side as fit
// the width, the rest in further rows: every key is listed, none cut.
func packGroups(h help.Model, groups [][]binding, width int) string {
	h.SetWidth(0)
	var rows []string
	var chunk [][]binding
	for _, g := range groups {
		if len(chunk) > 0 && lipgloss.Width(h.FullHelpView(append(chunk, g))) > width {
			rows = append(rows, h.FullHelpView(chunk))
			chunk = nil
		}
		chunk = append(chunk, g)
	}
	if len(chunk) > 0 {
		rows = append(rows, h.FullHelpView(chunk))
	}
	return strings.Join(rows, "\n\n")
}
