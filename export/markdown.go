package export

import (
	"fmt"
	"strings"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/present"
)

// writeMarkdown writes one trial as a Markdown section. Labels are
// present's, as in `trials show`; every text is capped (present.ClipText)
// and every list (present.ClipItems), so one broken document cannot make
// the export balloon.
func writeMarkdown(b *strings.Builder, t *model.Trial, a Annotation) {
	fmt.Fprintf(b, "# %s\n\n", mdCell(t.Title))
	b.WriteString("| Field | Value |\n|---|---|\n")
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(b, "| %s | %s |\n", k, mdCell(v))
		}
	}
	row("ID", t.ID)
	if t.NCTID != t.ID {
		row("NCT ID", t.NCTID)
	}
	row("Shortlist tag", a.Tag)
	row("Official title", t.OfficialTitle)
	row("Acronym", t.Acronym)
	row("Status", present.Status(t.Status))
	row("Phase", present.Phase(t.Phases))
	row("Study type", model.Label(t.StudyType))
	row("Enrollment", present.Enrollment(t.Enrollment, t.EnrollmentType))
	row("Start", present.Date(t.StartDate, t.StartDateType))
	row("Primary completion", present.Date(t.PrimaryCompletionDate, t.PrimaryCompletionDateType))
	row("Completion", present.Date(t.CompletionDate, t.CompletionDateType))
	row("First posted", t.FirstPosted)
	row("Last updated", t.LastUpdated)
	row("Conditions", join(t.Conditions))
	row("Keywords", join(t.Keywords))
	row("Lead sponsor", present.Sponsor(t.LeadSponsor))
	var collabs []string
	for _, c := range t.Collaborators {
		collabs = append(collabs, present.Sponsor(c))
	}
	row("Collaborators", join(collabs))
	d := t.Design
	row("Allocation", present.Allocation(d.Allocation))
	row("Intervention model", model.Label(d.InterventionModel))
	row("Observational model", model.Label(d.ObservationalModel))
	row("Time perspective", model.Label(d.TimePerspective))
	row("Masking", present.Masking(d))
	row("Primary purpose", model.Label(d.PrimaryPurpose))
	row("Source", present.Source(t.Source))
	row("Layout", present.Format(t.Source.Format))
	b.WriteString("\n")

	para := func(title, text string) {
		if text != "" {
			fmt.Fprintf(b, "## %s\n\n%s\n\n", title, mdEscape(present.ClipText(text)))
		}
	}
	para("Shortlist note", a.Note)
	para("Brief summary", t.BriefSummary)
	para("Detailed description", t.DetailedDescription)
	para("Why stopped", t.WhyStopped)

	if len(t.Arms) > 0 || len(t.Interventions) > 0 {
		b.WriteString("## Arms and interventions\n\n")
		arms, more := present.ClipItems(t.Arms)
		for _, a := range arms {
			title := a.Label
			if a.Type != "" {
				title += " (" + present.ArmType(a.Type) + ")"
			}
			fmt.Fprintf(b, "### %s\n\n", mdCell(title))
			if a.Description != "" {
				fmt.Fprintf(b, "%s\n\n", mdEscape(present.ClipText(a.Description)))
			}
			names, moreNames := present.ClipItems(a.Interventions)
			for _, name := range names {
				fmt.Fprintf(b, "- %s\n", interventionLine(t, name))
			}
			mdMore(b, moreNames, "intervention")
			if len(a.Interventions) > 0 {
				b.WriteString("\n")
			}
		}
		mdMore(b, more, "arm")
		if all := t.UnassignedInterventions(); len(all) > 0 {
			b.WriteString("### Interventions not assigned to an arm\n\n")
			loose, more := present.ClipItems(all)
			for _, name := range loose {
				fmt.Fprintf(b, "- %s\n", interventionLine(t, name))
			}
			mdMore(b, more, "intervention")
			b.WriteString("\n")
		}
	}

	e := t.Eligibility
	b.WriteString("## Eligibility\n\n")
	var facts []string
	if e.MinAge != "" || e.MaxAge != "" {
		facts = append(facts, "Ages: "+present.AgeRange(e))
	}
	if e.Sex != "" {
		facts = append(facts, "Sex: "+present.Sex(e.Sex))
	}
	if e.HealthyVolunteers != nil {
		facts = append(facts, "Healthy volunteers: "+present.HealthyVolunteers(e.HealthyVolunteers))
	}
	if len(facts) > 0 {
		fmt.Fprintf(b, "%s\n\n", mdCell(strings.Join(facts, " · ")))
	}
	if e.StudyPopulation != "" {
		fmt.Fprintf(b, "Study population: %s\n\n", mdEscape(present.ClipText(e.StudyPopulation)))
	}
	writeRequirements(b, e.Requirements)
	criteria := func(title string, cs []model.Criterion) {
		if len(cs) == 0 {
			return
		}
		fmt.Fprintf(b, "### %s\n\n", title)
		budget := present.MaxItems
		writeCriteria(b, cs, 0, &budget)
		mdMore(b, -budget, "criterion line")
		b.WriteString("\n")
	}
	if len(e.Notes) > 0 {
		b.WriteString("Notes on the criteria:\n\n")
		notes, more := present.ClipItems(e.Notes)
		for _, n := range notes {
			fmt.Fprintf(b, "- %s\n", mdCell(n))
		}
		mdMore(b, more, "note")
		b.WriteString("\n")
	}
	criteria("Inclusion criteria", e.Inclusion)
	criteria("Exclusion criteria", e.Exclusion)

	outcomes := func(title string, all []model.Outcome) {
		if len(all) == 0 {
			return
		}
		fmt.Fprintf(b, "### %s\n\n", title)
		os, more := present.ClipItems(all)
		for _, o := range os {
			fmt.Fprintf(b, "- **%s**", mdCell(o.Measure))
			if o.TimeFrame != "" {
				fmt.Fprintf(b, " — time frame: %s", mdCell(o.TimeFrame))
			}
			if o.Description != "" {
				fmt.Fprintf(b, "  \n  %s", mdCell(o.Description))
			}
			b.WriteString("\n")
		}
		mdMore(b, more, "outcome")
		b.WriteString("\n")
	}
	if n := len(t.Outcomes.Primary) + len(t.Outcomes.Secondary) + len(t.Outcomes.Other); n > 0 {
		b.WriteString("## Outcome measures\n\n")
		outcomes("Primary", t.Outcomes.Primary)
		outcomes("Secondary", t.Outcomes.Secondary)
		outcomes("Other", t.Outcomes.Other)
	}
	if len(t.Locations) > 0 {
		fmt.Fprintf(b, "## Locations (%d)\n\n", len(t.Locations))
		locs, more := present.ClipItems(t.Locations)
		for _, l := range locs {
			fmt.Fprintf(b, "- %s\n", mdCell(present.Site(l, true)))
		}
		mdMore(b, more, "site")
		b.WriteString("\n")
	}
	if len(t.Investigators) > 0 {
		b.WriteString("## Investigators\n\n")
		vs, more := present.ClipItems(t.Investigators)
		for _, v := range vs {
			fmt.Fprintf(b, "- %s\n", mdCell(present.Investigator(v)))
		}
		mdMore(b, more, "investigator")
		b.WriteString("\n")
	}
	if len(t.SecondaryIDs) > 0 || len(t.RelatedTrials) > 0 {
		b.WriteString("## Identifiers\n\n")
		ids, more := present.ClipItems(t.SecondaryIDs)
		for _, id := range ids {
			fmt.Fprintf(b, "- %s\n", mdCell(present.Identifier(id)))
		}
		mdMore(b, more, "identifier")
		if len(t.RelatedTrials) > 0 {
			fmt.Fprintf(b, "- Related trials: %s\n", mdCell(strings.Join(t.RelatedTrials, ", ")))
		}
		b.WriteString("\n")
	}
}

// writeRequirements is the table of the thresholds read from the criteria,
// each with the criterion it was read from; nothing when none were read.
func writeRequirements(b *strings.Builder, reqs []model.Requirement) {
	if len(reqs) == 0 {
		return
	}
	b.WriteString("### Requirements read from the criteria\n\n")
	b.WriteString("Allowed ranges (exclusions inverted), read by `trials` from the criteria below: an aid to reading them, not a replacement. " +
		"A bound that applies to a subgroup only, or is an alternative, never decides a screen.\n\n")
	b.WriteString("| Requirement | From | Applies to | Criterion |\n|---|---|---|---|\n")
	reqs, more := present.ClipItems(reqs)
	for _, r := range reqs {
		applies := "everyone"
		if r.Conditional {
			applies = "a subgroup, or as an alternative"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", mdCell(eligibility.Describe(r)), mdCell(r.From), applies, mdCell(r.Text))
	}
	mdMore(b, more, "requirement")
	b.WriteString("\n")
}

func join(ss []string) string {
	ss, _ = present.ClipItems(ss)
	return strings.Join(ss, "; ")
}

// mdMore says how many items the cap left out of a list.
func mdMore(b *strings.Builder, n int, what string) {
	if n > 0 {
		fmt.Fprintf(b, "- … and %s more, not shown (see the source)\n", present.Count(n, what, what+"s"))
	}
}

func writeCriteria(b *strings.Builder, cs []model.Criterion, depth int, budget *int) {
	for i, c := range cs {
		if *budget <= 0 {
			*budget -= model.CountCriteria(cs[i:])
			return
		}
		*budget--
		fmt.Fprintf(b, "%s%d. %s\n", strings.Repeat("   ", depth), i+1, mdCell(c.Text))
		writeCriteria(b, c.Children, depth+1, budget)
	}
}

func interventionLine(t *model.Trial, name string) string {
	iv := t.Intervention(name)
	if iv == nil {
		return mdCell(name)
	}
	s := "**" + mdCell(iv.Name) + "**"
	if iv.Type != "" {
		s = model.Label(iv.Type) + ": " + s
	}
	if iv.Description != "" {
		s += " — " + mdCell(iv.Description)
	}
	if len(iv.OtherNames) > 0 {
		s += " (other names: " + mdCell(strings.Join(iv.OtherNames, ", ")) + ")"
	}
	return s
}

var mdReplacer = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, "|", `\|`)

// mdEscape escapes the characters Markdown would read as markup.
func mdEscape(s string) string { return mdReplacer.Replace(s) }

// mdCell is a text on one line (a table cell, a list item, a heading):
// capped, line breaks folded into spaces, escaped.
func mdCell(s string) string {
	return mdEscape(strings.Join(strings.Fields(present.ClipText(s)), " "))
}
