// Package report lays trials out as readable text at a given width: the
// overview, the arms and interventions, the eligibility criteria, and two
// trials side by side. `trials show` and `trials compare` print it and the
// browser shows the same text in its panes, so a trial reads the same
// everywhere. Labels come from present/, styling only from a Theme.
//
// Text from documents is cleaned (plain.Clean) and capped (present.ClipText)
// before it is laid out, so no escape sequence reaches the terminal and no
// field costs more than its cap. Wrapping is plain.Wrap's: linear, and
// never inside "80-160 mg".
package report

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
)

// labelWidth is the column the values of "Label  value" lines start at.
const labelWidth = 21

// siteContacts is how many contacts a site shows before counting the rest.
const siteContacts = 3

// Today is the day a report is read on, for saying how old a status is.
// Tests set it, so that no output depends on when they run.
var Today = time.Now

// builder accumulates a report's lines.
type builder struct {
	b     strings.Builder
	width int
	th    Theme
}

func newBuilder(width int, th Theme) *builder {
	if width < 30 {
		width = 30
	}
	return &builder{width: width, th: th}
}

func (r *builder) String() string { return strings.TrimRight(r.b.String(), "\n") }

func (r *builder) line(s string) {
	r.b.WriteString(s)
	r.b.WriteByte('\n')
}

func (r *builder) blank() {
	if s := r.b.String(); s != "" && !strings.HasSuffix(s, "\n\n") {
		r.b.WriteByte('\n')
	}
}

func (r *builder) heading(s string) {
	r.blank()
	for _, l := range plain.Lines(s, r.width) {
		r.line(r.th.Heading.Render(l))
	}
}

func (r *builder) labelPad() int {
	if r.width < 50 {
		return 14
	}
	return labelWidth
}

// field writes "Label  value", the value wrapped under itself.
func (r *builder) field(label, value string) { r.styledField(label, value, r.th.Value) }

func (r *builder) styledField(label, value string, style lipgloss.Style) {
	value = plain.Clean(present.ClipText(value))
	if strings.TrimSpace(value) == "" {
		return
	}
	pad := r.labelPad()
	for i, l := range plain.Lines(value, r.width-pad) {
		if i == 0 {
			r.line(r.label(label) + style.Render(l))
		} else {
			r.line(strings.Repeat(" ", pad) + style.Render(l))
		}
	}
}

// label is a field's label padded to the value column.
func (r *builder) label(label string) string {
	pad := r.labelPad()
	lbl := ansi.Truncate(label, pad-1, "…")
	return r.th.Label.Render(lbl) + strings.Repeat(" ", pad-ansi.StringWidth(lbl))
}

// para writes text wrapped to the width, with an indent.
// A line of the text that starts with spaces (an item of a nested list in
// a description) keeps them, and a list item's wrapped lines hang under
// its text.
func (r *builder) para(text string, indent int, style lipgloss.Style) {
	text = plain.Clean(present.ClipText(text))
	indent = max(min(indent, r.width-10), 0)
	for src := range strings.SplitSeq(text, "\n") {
		body := strings.TrimLeft(src, " ")
		in := indent + min(len(src)-len(body), max(r.width-indent-20, 0))
		marker := listMarker.FindString(body)
		hang := ansi.StringWidth(marker)
		if hang >= 8 {
			marker, hang = "", 0
		}
		for i, l := range plain.Lines(body[len(marker):], r.width-in-hang) {
			lead := strings.Repeat(" ", in+hang)
			if i == 0 {
				lead = strings.Repeat(" ", in) + marker
			}
			r.line(lead + style.Render(l))
		}
	}
}

// listMarker opens a list item in a description: "1. ", "a) ", "iv. ", "* ".
var listMarker = regexp.MustCompile(`^(?:\d{1,3}[.)]|\(?[a-zA-Z][.)]|[ivxIVX]{1,4}[.)]|[-*•·])\s+`)

// hanging writes a list item: marker then text, continuation lines aligned
// under the text.
func (r *builder) hanging(indent int, marker, text string, style lipgloss.Style) {
	text = plain.Line(present.ClipText(text))
	mw := ansi.StringWidth(marker)
	// Deep nesting gives way before the text does: it keeps ten columns.
	indent = max(min(indent, r.width-mw-10), 0)
	for i, l := range plain.Lines(text, r.width-indent-mw) {
		if i == 0 {
			r.line(strings.Repeat(" ", indent) + r.th.Muted.Render(marker) + style.Render(l))
		} else {
			r.line(strings.Repeat(" ", indent+mw) + style.Render(l))
		}
	}
}

// more says how many items of a list were left out by the cap.
func (r *builder) more(n int, what string) {
	if n > 0 {
		r.para(fmt.Sprintf("… and %s more, not shown (see the source).", present.Count(n, what, what+"s")), 2, r.th.Warn)
	}
}

// Show is the whole trial: overview, arms, eligibility.
func Show(t *model.Trial, width int, th Theme) string {
	parts := []string{Overview(t, width, th)}
	if s := Arms(t, width, th); s != "" {
		parts = append(parts, th.Heading.Render("ARMS AND INTERVENTIONS")+"\n"+s)
	}
	parts = append(parts, th.Heading.Render("ELIGIBILITY")+"\n"+Eligibility(t, width, th))
	return strings.Join(parts, "\n\n") + "\n"
}

// Overview is the trial's identification, status, design, descriptions,
// outcomes, sites and identifiers.
func Overview(t *model.Trial, width int, th Theme) string {
	r := newBuilder(width, th)
	r.para(t.Title, 0, th.Title)
	if t.OfficialTitle != "" && t.OfficialTitle != t.Title {
		r.para(t.OfficialTitle, 0, th.Muted)
	}
	r.blank()
	ids := t.ID
	if t.NCTID == "" {
		ids += "  (no NCT id in the source; id derived from the document)"
	}
	r.field("ID", ids)
	r.field("Acronym", t.Acronym)
	statusStyle := th.Muted
	if t.Status != "" {
		statusStyle = th.Status(t.Status)
	}
	r.styledField("Status", present.Status(t.Status), statusStyle)
	r.field("Why stopped", t.WhyStopped)
	r.field("Phase", present.Phase(t.Phases))
	r.field("Study type", model.Label(t.StudyType))
	r.field("Enrollment", present.Enrollment(t.Enrollment, t.EnrollmentType))
	r.field("Start", present.Date(t.StartDate, t.StartDateType))
	r.field("Primary completion", present.Date(t.PrimaryCompletionDate, t.PrimaryCompletionDateType))
	r.field("Completion", present.Date(t.CompletionDate, t.CompletionDateType))
	r.field("First posted", t.FirstPosted)
	r.field("Last updated", t.LastUpdated)
	if line, stale := present.StatusVerified(t.StatusVerified, t.Status, Today()); stale {
		r.styledField("Status verified", line, th.Warn)
	} else {
		r.field("Status verified", line)
	}
	if t.HasResults {
		r.field("Results", "Results posted on ClinicalTrials.gov")
	}
	r.field("Expanded access", present.ExpandedAccess(t.ExpandedAccess))
	r.field("Lead sponsor", present.Sponsor(t.LeadSponsor))
	collabs, more := present.ClipItems(t.Collaborators)
	for i, c := range collabs {
		label := ""
		if i == 0 {
			label = "Collaborators"
		}
		r.field(label, present.Sponsor(c))
	}
	r.more(more, "collaborator")
	r.field("Conditions", strings.Join(t.Conditions, "; "))
	r.field("MeSH terms", strings.Join(t.MeshConditions, "; "))
	r.field("Keywords", strings.Join(t.Keywords, "; "))

	d := t.Design
	if hasDesign(d) {
		r.heading("Design")
		r.field("Allocation", present.Allocation(d.Allocation))
		r.field("Intervention model", model.Label(d.InterventionModel))
		r.field("Observational model", model.Label(d.ObservationalModel))
		r.field("Time perspective", model.Label(d.TimePerspective))
		r.field("Masking", present.Masking(d))
		r.field("Primary purpose", model.Label(d.PrimaryPurpose))
		r.field("Model notes", d.InterventionModelDescription)
		r.field("Masking notes", d.MaskingDescription)
	}
	if t.BriefSummary != "" {
		r.heading("Brief summary")
		r.para(t.BriefSummary, 0, th.Value)
	}
	if t.DetailedDescription != "" {
		r.heading("Detailed description")
		r.para(t.DetailedDescription, 0, th.Value)
	}
	outcomes := func(title string, all []model.Outcome) {
		if len(all) == 0 {
			return
		}
		r.heading(title)
		os, more := present.ClipItems(all)
		for i, o := range os {
			r.hanging(0, fmt.Sprintf("%d. ", i+1), o.Measure, th.Value)
			if o.TimeFrame != "" {
				r.hanging(4, "Time frame: ", o.TimeFrame, th.Muted)
			}
			if o.Description != "" {
				r.para(o.Description, 4, th.Muted)
			}
		}
		r.more(more, "outcome")
	}
	outcomes("Primary outcomes", t.Outcomes.Primary)
	outcomes("Secondary outcomes", t.Outcomes.Secondary)
	outcomes("Other outcomes", t.Outcomes.Other)
	if len(t.CentralContacts) > 0 {
		r.heading("Contacts")
		cs, more := present.ClipItems(t.CentralContacts)
		for _, c := range cs {
			r.hanging(0, "• ", present.Contact(c), th.Value)
		}
		r.more(more, "contact")
	}
	if len(t.Locations) > 0 {
		r.heading(fmt.Sprintf("Sites (%d)", len(t.Locations)))
		locs, more := present.ClipItems(t.Locations)
		for _, g := range present.SitesByCountry(locs) {
			r.hanging(0, "", fmt.Sprintf("%s (%d)", present.Country(g.Country), len(g.Sites)), th.Accent)
			for _, l := range g.Sites {
				r.hanging(2, "• ", present.Site(l, false), th.Value)
				// Whom to ask at the site: a few, the rest counted.
				cs := l.Contacts[:min(len(l.Contacts), siteContacts)]
				for _, c := range cs {
					r.hanging(4, "Contact: ", present.Contact(c), th.Muted)
				}
				r.more(len(l.Contacts)-len(cs), "contact at this site")
			}
		}
		r.more(more, "site")
	} else if len(t.Countries) > 0 {
		r.heading("Countries")
		r.para(strings.Join(t.Countries, ", "), 0, th.Value)
	}
	if len(t.Investigators) > 0 {
		r.heading("Investigators")
		vs, more := present.ClipItems(t.Investigators)
		for _, v := range vs {
			r.hanging(0, "• ", present.Investigator(v), th.Value)
		}
		r.more(more, "investigator")
	}
	if len(t.References) > 0 {
		r.heading("References (" + present.ReferenceCount(t.References) + ")")
		refs, more := present.ClipItems(t.References)
		for _, ref := range refs {
			r.hanging(0, "• ", present.Reference(ref), th.Value)
		}
		r.more(more, "reference")
	}
	if len(t.SecondaryIDs) > 0 || len(t.RelatedTrials) > 0 || len(t.SimilarTrials) > 0 {
		r.heading("Identifiers")
		ids, more := present.ClipItems(t.SecondaryIDs)
		for _, id := range ids {
			s := present.Identifier(id)
			if id.ID == t.OrgStudyID {
				s += " — sponsor's study id"
			}
			r.hanging(0, "• ", s, th.Value)
		}
		r.more(more, "identifier")
		r.field("Related trials", strings.Join(t.RelatedTrials, ", "))
		// The page's own suggestions, not links the registry states.
		r.field("Similar (per page)", strings.Join(t.SimilarTrials, ", "))
	}
	r.heading("Source")
	r.field("File", present.Source(t.Source))
	r.field("Layout", present.Format(t.Source.Format))
	warnings, more := present.ClipItems(t.Warnings)
	for _, w := range warnings {
		r.hanging(0, "! ", w, th.Warn)
	}
	r.more(more, "warning")
	return r.String()
}

func hasDesign(d model.Design) bool {
	return d.Allocation != "" || d.InterventionModel != "" || d.ObservationalModel != "" ||
		d.TimePerspective != "" || d.Masking != "" || d.PrimaryPurpose != "" ||
		d.InterventionModelDescription != "" || d.MaskingDescription != ""
}

// Arms lists each arm with its type, description and interventions, then
// the interventions attached to no arm; "" when the trial lists neither.
func Arms(t *model.Trial, width int, th Theme) string {
	r := newBuilder(width, th)
	if len(t.Arms) == 0 && len(t.Interventions) == 0 {
		return ""
	}
	arms, more := present.ClipItems(t.Arms)
	for i, a := range arms {
		title := a.Label
		if title == "" {
			title = "(unnamed arm)"
		}
		r.blank()
		r.hanging(0, fmt.Sprintf("%d. ", i+1), title+"  ["+present.ArmType(a.Type)+"]", th.Title)
		if a.Description != "" {
			r.para(a.Description, 3, th.Value)
		}
		names, moreNames := present.ClipItems(a.Interventions)
		for _, name := range names {
			writeIntervention(r, t, name, 5)
		}
		r.more(moreNames, "intervention")
		if len(a.Interventions) == 0 {
			r.para("No intervention listed for this arm.", 5, th.Muted)
		}
	}
	r.more(more, "arm")
	if all := t.UnassignedInterventions(); len(all) > 0 {
		r.heading("Interventions not assigned to an arm")
		loose, more := present.ClipItems(all)
		for _, name := range loose {
			writeIntervention(r, t, name, 2)
		}
		r.more(more, "intervention")
	}
	return r.String()
}

func writeIntervention(r *builder, t *model.Trial, name string, indent int) {
	iv := t.Intervention(name)
	if iv == nil {
		r.hanging(indent, "• ", name, r.th.Value)
		return
	}
	r.hanging(indent, "• ", present.InterventionName(*iv), r.th.Accent)
	if iv.Description != "" {
		r.para(iv.Description, indent+2, r.th.Muted)
	}
	if len(iv.OtherNames) > 0 {
		r.hanging(indent+2, "Other names: ", strings.Join(iv.OtherNames, "; "), r.th.Muted)
	}
}

// Eligibility is the age range, sex, healthy volunteers, the requirements
// read from the criteria, and the numbered, nested inclusion and exclusion
// criteria with the words each requirement was read from underlined.
func Eligibility(t *model.Trial, width int, th Theme) string {
	return EligibilityFor(t, nil, width, th)
}

// EligibilityFor is Eligibility screened for a patient: the requirements
// table gains the patient's values and the verdicts, and the registry's
// age range and sex. A nil patient is Eligibility.
func EligibilityFor(t *model.Trial, p *eligibility.Patient, width int, th Theme) string {
	r := newBuilder(width, th)
	e := t.Eligibility
	r.field("Ages", present.AgeRange(e))
	r.field("Sex", present.Sex(e.Sex))
	r.field("Healthy volunteers", present.HealthyVolunteers(e.HealthyVolunteers))
	r.field("Sampling", model.Label(e.SamplingMethod))
	for _, w := range t.Warnings {
		if note, ok := strings.CutPrefix(w, "eligibility: "); ok {
			r.hanging(0, "! ", note, th.Warn)
		}
	}
	if e.StudyPopulation != "" {
		r.heading("Study population")
		r.para(e.StudyPopulation, 0, th.Value)
	}
	reqs := eligibility.Requirements(t)
	r.requirementsSection(t, reqs, p)
	spans := sourceSpans(reqs)
	list := func(title string, cs []model.Criterion) {
		r.heading(title + " (" + present.CriteriaCount(cs) + ")")
		if len(cs) == 0 {
			r.para("None stated.", 2, th.Muted)
			return
		}
		budget := present.MaxItems
		writeCriteria(r, cs, 0, 0, &budget, spans)
		r.more(-budget, "criterion line")
	}
	if len(e.Notes) > 0 {
		// What introduces or annotates the lists: read with them, never
		// one of them.
		r.heading("Notes on the criteria")
		notes, more := present.ClipItems(e.Notes)
		for _, n := range notes {
			r.hanging(0, "• ", n, th.Muted)
		}
		r.more(more, "note")
	}
	list("Inclusion criteria", e.Inclusion)
	list("Exclusion criteria", e.Exclusion)
	// Criteria text that could not be itemised is shown as the source has it.
	if len(e.Inclusion) == 0 && len(e.Exclusion) == 0 && strings.TrimSpace(e.Raw) != "" {
		r.heading("Criteria as the source gives them")
		r.para(e.Raw, 0, th.Value)
	}
	return r.String()
}

// writeCriteria numbers criteria 1., 2. at the top, a., b. below, i., ii.
// below that, so the nesting reads without colour; an item's children
// start under its text, however wide its number ("10.", "viii."). It lays
// out at most *budget items; past that it counts what it left out (as a
// negative budget). The spans mark where requirements were read from.
func writeCriteria(r *builder, cs []model.Criterion, depth, indent int, budget *int, spans map[string][][2]int) {
	for i, c := range cs {
		if *budget <= 0 {
			*budget -= model.CountCriteria(cs[i:])
			return
		}
		*budget--
		marker := present.CriterionMarker(depth, i) + " "
		if !r.markedItem(indent, marker, c.Text, spans, r.th.Value) {
			r.hanging(indent, marker, c.Text, r.th.Value)
		}
		writeCriteria(r, c.Children, depth+1, indent+ansi.StringWidth(marker), budget, spans)
	}
}
