package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/trials-app/trials/model"
)

func writeMarkdown(b *strings.Builder, t *model.Trial) {
	fmt.Fprintf(b, "# %s\n\n", mdEscape(t.Title))
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
	row("Official title", t.OfficialTitle)
	row("Acronym", t.Acronym)
	row("Status", model.Label(t.Status))
	row("Phase", model.PhaseLabel(t.Phases))
	row("Study type", model.Label(t.StudyType))
	if t.Enrollment != nil {
		e := strconv.Itoa(*t.Enrollment)
		if t.EnrollmentType != "" {
			e += " (" + strings.ToLower(string(t.EnrollmentType)) + ")"
		}
		row("Enrollment", e)
	}
	row("Start", withType(t.StartDate, t.StartDateType))
	row("Primary completion", withType(t.PrimaryCompletionDate, t.PrimaryCompletionDateType))
	row("Completion", withType(t.CompletionDate, t.CompletionDateType))
	row("First posted", t.FirstPosted)
	row("Last updated", t.LastUpdated)
	row("Conditions", strings.Join(t.Conditions, "; "))
	row("Keywords", strings.Join(t.Keywords, "; "))
	row("Lead sponsor", sponsorText(t.LeadSponsor))
	var collabs []string
	for _, c := range t.Collaborators {
		collabs = append(collabs, sponsorText(c))
	}
	row("Collaborators", strings.Join(collabs, "; "))
	d := t.Design
	row("Allocation", model.Label(d.Allocation))
	row("Intervention model", model.Label(d.InterventionModel))
	row("Observational model", model.Label(d.ObservationalModel))
	row("Time perspective", model.Label(d.TimePerspective))
	if d.Masking != "" {
		m := model.Label(d.Masking)
		var who []string
		for _, x := range d.WhoMasked {
			who = append(who, strings.ToLower(model.Label(x)))
		}
		if len(who) > 0 {
			m += " (" + strings.Join(who, ", ") + ")"
		}
		row("Masking", m)
	}
	row("Primary purpose", model.Label(d.PrimaryPurpose))
	row("Source", t.Source.Path+" ("+string(t.Source.Format)+")")
	b.WriteString("\n")

	para := func(title, text string) {
		if text != "" {
			fmt.Fprintf(b, "## %s\n\n%s\n\n", title, mdEscape(text))
		}
	}
	para("Brief summary", t.BriefSummary)
	para("Detailed description", t.DetailedDescription)
	para("Why stopped", t.WhyStopped)

	if len(t.Arms) > 0 || len(t.Interventions) > 0 {
		b.WriteString("## Arms and interventions\n\n")
		for _, a := range t.Arms {
			title := a.Label
			if a.Type != "" {
				title += " (" + model.Label(a.Type) + ")"
			}
			fmt.Fprintf(b, "### %s\n\n", mdEscape(title))
			if a.Description != "" {
				fmt.Fprintf(b, "%s\n\n", mdEscape(a.Description))
			}
			for _, name := range a.Interventions {
				fmt.Fprintf(b, "- %s\n", interventionLine(t, name))
			}
			if len(a.Interventions) > 0 {
				b.WriteString("\n")
			}
		}
		if loose := t.UnassignedInterventions(); len(loose) > 0 {
			b.WriteString("### Interventions not assigned to an arm\n\n")
			for _, name := range loose {
				fmt.Fprintf(b, "- %s\n", interventionLine(t, name))
			}
			b.WriteString("\n")
		}
	}

	e := t.Eligibility
	b.WriteString("## Eligibility\n\n")
	var facts []string
	if e.MinAge != "" || e.MaxAge != "" {
		facts = append(facts, "Ages: "+ageRange(e.MinAge, e.MaxAge))
	}
	if e.Sex != "" {
		facts = append(facts, "Sex: "+model.Label(e.Sex))
	}
	if e.HealthyVolunteers != nil {
		facts = append(facts, "Healthy volunteers: "+yesNo(*e.HealthyVolunteers))
	}
	if len(facts) > 0 {
		fmt.Fprintf(b, "%s\n\n", strings.Join(facts, " · "))
	}
	if e.StudyPopulation != "" {
		fmt.Fprintf(b, "Study population: %s\n\n", mdEscape(e.StudyPopulation))
	}
	criteria := func(title string, cs []model.Criterion) {
		if len(cs) == 0 {
			return
		}
		fmt.Fprintf(b, "### %s\n\n", title)
		writeCriteria(b, cs, 0)
		b.WriteString("\n")
	}
	criteria("Inclusion criteria", e.Inclusion)
	criteria("Exclusion criteria", e.Exclusion)

	outcomes := func(title string, os []model.Outcome) {
		if len(os) == 0 {
			return
		}
		fmt.Fprintf(b, "### %s\n\n", title)
		for _, o := range os {
			fmt.Fprintf(b, "- **%s**", mdEscape(o.Measure))
			if o.TimeFrame != "" {
				fmt.Fprintf(b, " — time frame: %s", mdEscape(o.TimeFrame))
			}
			if o.Description != "" {
				fmt.Fprintf(b, "  \n  %s", mdEscape(strings.ReplaceAll(o.Description, "\n", " ")))
			}
			b.WriteString("\n")
		}
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
		for _, l := range t.Locations {
			fmt.Fprintf(b, "- %s\n", mdEscape(LocationText(l)))
		}
		b.WriteString("\n")
	}
	if len(t.Investigators) > 0 {
		b.WriteString("## Investigators\n\n")
		for _, v := range t.Investigators {
			s := v.Name
			if v.Role != "" {
				s += " (" + model.Label(v.Role) + ")"
			}
			if v.Affiliation != "" {
				s += ", " + v.Affiliation
			}
			fmt.Fprintf(b, "- %s\n", mdEscape(s))
		}
		b.WriteString("\n")
	}
	if len(t.SecondaryIDs) > 0 || len(t.RelatedTrials) > 0 {
		b.WriteString("## Identifiers\n\n")
		for _, id := range t.SecondaryIDs {
			s := id.ID
			if id.Type != "" {
				s += " (" + id.Type + ")"
			}
			fmt.Fprintf(b, "- %s\n", mdEscape(s))
		}
		if len(t.RelatedTrials) > 0 {
			fmt.Fprintf(b, "- Related trials: %s\n", strings.Join(t.RelatedTrials, ", "))
		}
		b.WriteString("\n")
	}
}

func writeCriteria(b *strings.Builder, cs []model.Criterion, depth int) {
	for i, c := range cs {
		fmt.Fprintf(b, "%s%d. %s\n", strings.Repeat("   ", depth), i+1, mdEscape(c.Text))
		writeCriteria(b, c.Children, depth+1)
	}
}

func interventionLine(t *model.Trial, name string) string {
	iv := t.Intervention(name)
	if iv == nil {
		return mdEscape(name)
	}
	s := "**" + mdEscape(iv.Name) + "**"
	if iv.Type != "" {
		s = model.Label(iv.Type) + ": " + s
	}
	if iv.Description != "" {
		s += " — " + mdEscape(strings.ReplaceAll(iv.Description, "\n", " "))
	}
	if len(iv.OtherNames) > 0 {
		s += " (other names: " + mdEscape(strings.Join(iv.OtherNames, ", ")) + ")"
	}
	return s
}

func withType(date string, typ model.DateType) string {
	if date == "" || typ == "" {
		return date
	}
	return date + " (" + strings.ToLower(string(typ)) + ")"
}

func sponsorText(s model.Sponsor) string {
	if s.Class == "" {
		return s.Name
	}
	return s.Name + " (" + string(s.Class) + ")"
}

func ageRange(lo, hi string) string {
	switch {
	case lo != "" && hi != "":
		return lo + " to " + hi
	case lo != "":
		return lo + " and older"
	case hi != "":
		return "up to " + hi
	}
	return "any"
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// LocationText is a site on one line: "Facility — City, State Zip, Country [Recruiting]".
func LocationText(l model.Location) string {
	var place []string
	for _, s := range []string{l.City, strings.TrimSpace(l.State + " " + l.Zip), l.Country} {
		if s != "" {
			place = append(place, s)
		}
	}
	s := strings.Join(place, ", ")
	if l.Facility != "" {
		if s != "" {
			s = l.Facility + " — " + s
		} else {
			s = l.Facility
		}
	}
	if l.Status != "" {
		s += " [" + model.Label(l.Status) + "]"
	}
	return s
}

var mdReplacer = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, "|", `\|`)

// mdEscape escapes the characters Markdown would read as markup.
func mdEscape(s string) string { return mdReplacer.Replace(s) }

// mdCell escapes a table cell, which must stay on one line.
func mdCell(s string) string { return mdEscape(strings.ReplaceAll(s, "\n", " ")) }
