// Package report lays trials out as readable text at a given width: the
// overview, the arms and interventions, and the eligibility criteria. The
// command line prints it (`trials show`), and the terminal UI shows the same
// text in its panes, so a trial reads the same everywhere.
//
// Text from documents is passed through model.CleanText before it is laid
// out; styling comes only from the Theme.
package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// Theme styles the parts of a report.
type Theme struct {
	Title   lipgloss.Style
	Heading lipgloss.Style
	Label   lipgloss.Style
	Value   lipgloss.Style
	Muted   lipgloss.Style
	Accent  lipgloss.Style
	Warn    lipgloss.Style
	// Status styles a recruitment status badge.
	Status func(model.Status) lipgloss.Style
}

// PlainTheme styles nothing: for pipes and NO_COLOR.
func PlainTheme() Theme {
	s := lipgloss.NewStyle()
	return Theme{Title: s, Heading: s, Label: s, Value: s, Muted: s, Accent: s, Warn: s,
		Status: func(model.Status) lipgloss.Style { return s }}
}

// DefaultTheme is the colour theme. Colours only ever add to what the text
// says; nothing is conveyed by colour alone.
func DefaultTheme() Theme {
	s := lipgloss.NewStyle()
	return Theme{
		Title:   s.Bold(true),
		Heading: s.Bold(true).Foreground(lipgloss.Color("12")),
		Label:   s.Foreground(lipgloss.Color("8")),
		Value:   s,
		Muted:   s.Foreground(lipgloss.Color("8")),
		Accent:  s.Foreground(lipgloss.Color("6")),
		Warn:    s.Foreground(lipgloss.Color("3")),
		Status:  StatusStyle,
	}
}

// StatusStyle colours a status by what it means for a patient looking for a
// trial: open (green), soon (cyan), closed (grey), stopped (red).
func StatusStyle(st model.Status) lipgloss.Style {
	s := lipgloss.NewStyle().Bold(true)
	switch st {
	case model.StatusRecruiting, model.StatusAvailable, model.StatusEnrollingByInvitation:
		return s.Foreground(lipgloss.Color("2"))
	case model.StatusNotYetRecruiting, model.StatusTemporarilyNotAvailable:
		return s.Foreground(lipgloss.Color("6"))
	case model.StatusSuspended, model.StatusTerminated, model.StatusWithdrawn, model.StatusWithheld, model.StatusNoLongerAvailable:
		return s.Foreground(lipgloss.Color("1"))
	case model.StatusActiveNotRecruiting:
		return s.Foreground(lipgloss.Color("3"))
	}
	return s.Foreground(lipgloss.Color("8"))
}

// labelWidth is the column the values of "Label  value" lines start at.
const labelWidth = 21

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
	r.line(r.th.Heading.Render(s))
}

// field writes "Label  value", the value wrapped under itself.
func (r *builder) field(label, value string) {
	value = plain.Clean(value)
	if strings.TrimSpace(value) == "" {
		return
	}
	pad := labelWidth
	if r.width < 50 {
		pad = 14
	}
	lbl := ansi.Truncate(label, pad-1, "…")
	prefix := r.th.Label.Render(lbl) + strings.Repeat(" ", pad-ansi.StringWidth(lbl))
	lines := plain.Lines(value, r.width-pad)
	for i, l := range lines {
		if i == 0 {
			r.line(prefix + r.th.Value.Render(l))
		} else {
			r.line(strings.Repeat(" ", pad) + r.th.Value.Render(l))
		}
	}
}

// para writes text wrapped to the width, with an indent.
func (r *builder) para(text string, indent int, style lipgloss.Style) {
	text = plain.Clean(text)
	for _, l := range plain.Lines(text, r.width-indent) {
		r.line(strings.Repeat(" ", indent) + style.Render(l))
	}
}

// hanging writes a list item: marker then text, continuation lines aligned
// under the text.
func (r *builder) hanging(indent int, marker, text string, style lipgloss.Style) {
	text = plain.Line(text)
	mw := ansi.StringWidth(marker)
	for i, l := range plain.Lines(text, r.width-indent-mw) {
		if i == 0 {
			r.line(strings.Repeat(" ", indent) + r.th.Muted.Render(marker) + style.Render(l))
		} else {
			r.line(strings.Repeat(" ", indent+mw) + style.Render(l))
		}
	}
}

// StatusBadge is a status as a styled word: "Recruiting".
func StatusBadge(st model.Status, th Theme) string {
	if st == "" {
		return th.Muted.Render("Status unknown")
	}
	return th.Status(st).Render(model.Label(st))
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
	r.line(padLabel(r, "Status") + StatusBadge(t.Status, th))
	r.field("Why stopped", t.WhyStopped)
	r.field("Phase", model.PhaseLabel(t.Phases))
	r.field("Study type", model.Label(t.StudyType))
	if t.Enrollment != nil {
		e := strconv.Itoa(*t.Enrollment) + " participants"
		if t.EnrollmentType != "" {
			e += " (" + strings.ToLower(string(t.EnrollmentType)) + ")"
		}
		r.field("Enrollment", e)
	}
	r.field("Start", dateText(t.StartDate, t.StartDateType))
	r.field("Primary completion", dateText(t.PrimaryCompletionDate, t.PrimaryCompletionDateType))
	r.field("Completion", dateText(t.CompletionDate, t.CompletionDateType))
	r.field("First posted", t.FirstPosted)
	r.field("Last updated", t.LastUpdated)
	r.field("Lead sponsor", sponsorText(t.LeadSponsor))
	for i, c := range t.Collaborators {
		label := ""
		if i == 0 {
			label = "Collaborators"
		}
		r.field(label, sponsorText(c))
	}
	r.field("Conditions", strings.Join(t.Conditions, "; "))
	r.field("Keywords", strings.Join(t.Keywords, "; "))

	d := t.Design
	if hasDesign(d) {
		r.heading("Design")
		r.field("Allocation", model.Label(d.Allocation))
		r.field("Intervention model", model.Label(d.InterventionModel))
		r.field("Observational model", model.Label(d.ObservationalModel))
		r.field("Time perspective", model.Label(d.TimePerspective))
		r.field("Masking", MaskingText(d))
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
	outcomes := func(title string, os []model.Outcome) {
		if len(os) == 0 {
			return
		}
		r.heading(title)
		for i, o := range os {
			r.hanging(0, fmt.Sprintf("%d. ", i+1), o.Measure, th.Value)
			if o.TimeFrame != "" {
				r.hanging(4, "Time frame: ", o.TimeFrame, th.Muted)
			}
			if o.Description != "" {
				r.para(o.Description, 4, th.Muted)
			}
		}
	}
	outcomes("Primary outcomes", t.Outcomes.Primary)
	outcomes("Secondary outcomes", t.Outcomes.Secondary)
	outcomes("Other outcomes", t.Outcomes.Other)
	if len(t.Locations) > 0 {
		r.heading(fmt.Sprintf("Sites (%d)", len(t.Locations)))
		for _, g := range SitesByCountry(t.Locations) {
			r.line(th.Accent.Render(fmt.Sprintf("%s (%d)", orUnknown(g.Country), len(g.Sites))))
			for _, l := range g.Sites {
				r.hanging(2, "• ", SiteText(l), th.Value)
			}
		}
	} else if len(t.Countries) > 0 {
		r.heading("Countries")
		r.para(strings.Join(t.Countries, ", "), 0, th.Value)
	}
	if len(t.Investigators) > 0 {
		r.heading("Investigators")
		for _, v := range t.Investigators {
			s := v.Name
			if v.Role != "" {
				s += " (" + model.Label(v.Role) + ")"
			}
			if v.Affiliation != "" {
				s += ", " + v.Affiliation
			}
			r.hanging(0, "• ", s, th.Value)
		}
	}
	if len(t.SecondaryIDs) > 0 || len(t.RelatedTrials) > 0 {
		r.heading("Identifiers")
		for _, id := range t.SecondaryIDs {
			s := id.ID
			if id.Type != "" {
				s += " (" + id.Type + ")"
			}
			if id.ID == t.OrgStudyID {
				s += " — sponsor's study id"
			}
			r.hanging(0, "• ", s, th.Value)
		}
		r.field("Related trials", strings.Join(t.RelatedTrials, ", "))
	}
	r.heading("Source")
	src := t.Source.Path
	if t.Source.Entry != "" {
		src += " → " + t.Source.Entry
	}
	r.field("File", src)
	r.field("Layout", FormatName(t.Source.Format))
	for _, w := range t.Warnings {
		r.hanging(0, "! ", w, th.Warn)
	}
	return r.String()
}

func hasDesign(d model.Design) bool {
	return d.Allocation != "" || d.InterventionModel != "" || d.ObservationalModel != "" ||
		d.TimePerspective != "" || d.Masking != "" || d.PrimaryPurpose != "" ||
		d.InterventionModelDescription != "" || d.MaskingDescription != ""
}

func padLabel(r *builder, label string) string {
	pad := labelWidth
	if r.width < 50 {
		pad = 14
	}
	return r.th.Label.Render(label) + strings.Repeat(" ", pad-ansi.StringWidth(label))
}

// FormatName names a source layout for people.
func FormatName(f model.Format) string {
	switch f {
	case model.FormatMirrorLabelled:
		return "ClinicalTrials.gov mirror (labelled)"
	case model.FormatMirrorBare:
		return "ClinicalTrials.gov mirror (unlabelled values)"
	case model.FormatClassic:
		return "classic ClinicalTrials.gov study page"
	case model.FormatClinConnect:
		return "ClinConnect page"
	case model.FormatMedPath:
		return "MedPath page"
	case model.FormatCTGovJSON:
		return "ClinicalTrials.gov API v2 JSON"
	case model.FormatCTGovXML:
		return "ClinicalTrials.gov legacy XML"
	}
	return string(f)
}

func dateText(date string, typ model.DateType) string {
	if date == "" {
		return ""
	}
	switch typ {
	case model.DateActual:
		return date + " (actual)"
	case model.DateEstimated:
		return date + " (estimated)"
	}
	return date
}

func sponsorText(s model.Sponsor) string {
	if s.Name == "" {
		return ""
	}
	if s.Class == "" {
		return s.Name
	}
	return s.Name + " (" + sponsorClassLabel(s.Class) + ")"
}

func sponsorClassLabel(c model.SponsorClass) string {
	switch c {
	case model.ClassNIH:
		return "NIH"
	case model.ClassFed:
		return "U.S. federal"
	case model.ClassOtherGov:
		return "other government"
	case model.ClassIndiv:
		return "individual"
	}
	return strings.ToLower(string(c))
}

// MaskingText is "Single (outcomes assessor)".
func MaskingText(d model.Design) string {
	if d.Masking == "" {
		return ""
	}
	s := model.Label(d.Masking)
	if d.Masking == model.MaskingNone {
		s = "None (open label)"
	}
	var who []string
	for _, w := range d.WhoMasked {
		who = append(who, strings.ToLower(model.Label(w)))
	}
	if len(who) > 0 {
		s += " (" + strings.Join(who, ", ") + ")"
	}
	return s
}

// CountryGroup is the sites of one country.
type CountryGroup struct {
	Country string
	Sites   []model.Location
}

// SitesByCountry groups sites by country, countries with most sites first.
func SitesByCountry(locs []model.Location) []CountryGroup {
	idx := map[string]int{}
	var groups []CountryGroup
	for _, l := range locs {
		i, ok := idx[l.Country]
		if !ok {
			i = len(groups)
			idx[l.Country] = i
			groups = append(groups, CountryGroup{Country: l.Country})
		}
		groups[i].Sites = append(groups[i].Sites, l)
	}
	sort.SliceStable(groups, func(a, b int) bool { return len(groups[a].Sites) > len(groups[b].Sites) })
	return groups
}

// SiteText is a site without its country: "Facility — City, State [Recruiting]".
func SiteText(l model.Location) string {
	var place []string
	for _, s := range []string{l.City, strings.TrimSpace(l.State + " " + l.Zip)} {
		if s != "" {
			place = append(place, s)
		}
	}
	s := l.Facility
	if p := strings.Join(place, ", "); p != "" {
		if s != "" {
			s += " — " + p
		} else {
			s = p
		}
	}
	if s == "" {
		s = "(site not named)"
	}
	if l.Status != "" {
		s += " [" + model.Label(l.Status) + "]"
	}
	return s
}

func orUnknown(s string) string {
	if s == "" {
		return "Country not given"
	}
	return s
}

// Arms lists each arm with its type, description and interventions, then
// the interventions attached to no arm.
func Arms(t *model.Trial, width int, th Theme) string {
	r := newBuilder(width, th)
	if len(t.Arms) == 0 && len(t.Interventions) == 0 {
		return ""
	}
	for i, a := range t.Arms {
		title := a.Label
		if title == "" {
			title = "(unnamed arm)"
		}
		typ := model.Label(a.Type)
		if typ == "" {
			typ = "type not given"
		}
		r.blank()
		r.hanging(0, fmt.Sprintf("%d. ", i+1), title+"  ["+typ+"]", th.Title)
		if a.Description != "" {
			r.para(a.Description, 3, th.Value)
		}
		for _, name := range a.Interventions {
			writeIntervention(r, t, name, 5)
		}
		if len(a.Interventions) == 0 {
			r.para("No intervention listed for this arm.", 5, th.Muted)
		}
	}
	if loose := t.UnassignedInterventions(); len(loose) > 0 {
		r.heading("Interventions not assigned to an arm")
		for _, name := range loose {
			writeIntervention(r, t, name, 2)
		}
	}
	return r.String()
}

func writeIntervention(r *builder, t *model.Trial, name string, indent int) {
	iv := t.Intervention(name)
	if iv == nil {
		r.hanging(indent, "• ", name, r.th.Value)
		return
	}
	head := iv.Name
	if iv.Type != "" {
		head = model.Label(iv.Type) + ": " + head
	}
	r.hanging(indent, "• ", head, r.th.Accent)
	if iv.Description != "" {
		r.para(iv.Description, indent+2, r.th.Muted)
	}
	if len(iv.OtherNames) > 0 {
		r.hanging(indent+2, "Other names: ", strings.Join(iv.OtherNames, "; "), r.th.Muted)
	}
}

// AgeRange is "18 Years to 75 Years", "18 Years and older", "any age".
func AgeRange(e model.Eligibility) string {
	switch {
	case e.MinAge != "" && e.MaxAge != "":
		return e.MinAge + " to " + e.MaxAge
	case e.MinAge != "":
		return e.MinAge + " and older"
	case e.MaxAge != "":
		return "up to " + e.MaxAge
	}
	return "not stated"
}

// HealthyVolunteersText is "Yes", "No" or "not stated".
func HealthyVolunteersText(b *bool) string {
	switch {
	case b == nil:
		return "not stated"
	case *b:
		return "Yes"
	}
	return "No"
}

// Eligibility is the age range, sex, healthy volunteers and the numbered,
// nested inclusion and exclusion criteria.
func Eligibility(t *model.Trial, width int, th Theme) string {
	r := newBuilder(width, th)
	e := t.Eligibility
	r.field("Ages", AgeRange(e))
	sex := model.Label(e.Sex)
	if sex == "" {
		sex = "not stated"
	}
	r.field("Sex", sex)
	r.field("Healthy volunteers", HealthyVolunteersText(e.HealthyVolunteers))
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
	list := func(title string, cs []model.Criterion) {
		r.heading(title + " (" + CriteriaCount(cs) + ")")
		if len(cs) == 0 {
			r.para("None stated.", 2, th.Muted)
			return
		}
		writeCriteria(r, cs, 0)
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

// CriteriaCount says how many criteria a list has: "11", or "11 + 13
// sub-items" — a screener ticks off items, not their sub-points.
func CriteriaCount(cs []model.Criterion) string {
	all := model.CountCriteria(cs)
	if sub := all - len(cs); sub > 0 {
		return fmt.Sprintf("%d + %d sub-items", len(cs), sub)
	}
	return strconv.Itoa(len(cs))
}

// writeCriteria numbers criteria 1., 2. at the top, a., b. below, i., ii.
// below that, so the nesting reads without colour.
func writeCriteria(r *builder, cs []model.Criterion, depth int) {
	for i, c := range cs {
		marker := CriterionMarker(depth, i) + " "
		r.hanging(depth*3, marker, c.Text, r.th.Value)
		writeCriteria(r, c.Children, depth+1)
	}
}

// CriterionMarker is the number of the i-th criterion at a depth: "3.", "b.", "ii.".
func CriterionMarker(depth, i int) string {
	switch depth % 3 {
	case 0:
		return strconv.Itoa(i+1) + "."
	case 1:
		return alphaIndex(i) + "."
	default:
		return romanIndex(i+1) + "."
	}
}

func alphaIndex(i int) string {
	s := ""
	for i >= 0 {
		s = string(rune('a'+i%26)) + s
		i = i/26 - 1
	}
	return s
}

func romanIndex(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
