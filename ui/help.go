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
		fk := newFilter(ctx).keys
		lk := newListKeys()
		para("The filter (" + fk.Start.Help().Key + " in the list) is a query: plain words must each start a word of the title, ids, conditions, interventions (or their other names), sponsor or your note; fields narrow it — status:open phase:3 type:int country:germany city:lyon site:mayo sponsor:pfizer cond:hepato intr:lenvatinib id:2011-004792-36 age:67 sex:f hv:yes updated:>2025-01 start:2024..2025 enroll:>100 results:yes crit:child-pugh, and your own screen:possible|excluded|unknown (with a patient profile), note:… and tag:…; -term excludes, a OR b (or a|b) either, \"…\" a phrase. While typing, " + fk.Complete.Help().Key + " completes a field's name or a value from the trials, with counts (" + fk.Complete.Help().Key + " again: the next; " + fk.CompleteBack.Help().Key + ": the previous). A query that does not read is named in the status line and the rows stay those of the last one that did.")
		para("No silent guesses: a word that matches nothing as typed (and is longer than five letters, without digits) is answered by words a typo away; those rows say so before the title — ≈ afatinib for axitinib — rank after every exact match, and the status line says \"near matches for axitinib\". ~ marks a row whose phrase could not be checked in the text (its words are there, maybe apart).")
		para(lk.Sort.Help().Key + " in the list opens the sort menu (relevance when a query is set, last updated, start date, enrollment, status, phase, NCT id), " + lk.Reverse.Help().Key + " reverses the order; the column headers mark the sort with ↓ or ↑ and give the selected row's place (12/53). " + lk.Facets.Help().Key + " counts the trials shown by status, phase, study type, sponsor class and country; enter on a value adds it to the query. Enrollment marked (est.) is the sponsor's anticipated figure.")
		para("In a reading pane, / searches the pane's text: n and N go to the next and previous match.")
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
