package report

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
)

// A comparison lays two trials side by side, section by section, one row
// per field so that the same field stands on the same line on both sides.
// Lists that two trials can share — conditions, interventions, countries —
// put the shared items first, paired on one line and marked, then each
// side's own.

// Mark says how a comparison row's two sides relate.
type Mark int

const (
	Same    Mark = iota // equal, or nothing to compare
	Differs             // the sides say different things
	Shared              // an item both trials have (a condition, an intervention)
	OnlyOne             // an item only one side has
)

// Row is one line of a comparison (it may wrap onto several).
type Row struct {
	Label       string
	Left, Right string
	Mark        Mark
	// LeftStatus and RightStatus colour a status row's cells as the status
	// reads everywhere else.
	LeftStatus, RightStatus model.Status
}

// Section is a titled group of rows.
type Section struct {
	Title string
	Rows  []Row
}

// NameKey says when two names are the same item for a comparison: two
// conditions, interventions or criteria whose keys are equal are paired as
// shared. The browser and `trials compare` pass the intervention finder's
// folding (search.Key: "AlloStim®" = "Allostim"); nil compares names
// ignoring case and surrounding space.
type NameKey func(string) string

// Compare builds the comparison of a (left) and b (right).
func Compare(a, b *model.Trial, key NameKey) []Section {
	if key == nil {
		key = func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
	}
	interventionKey := func(s string) string {
		if _, name, ok := strings.Cut(s, ": "); ok {
			return key(name)
		}
		return key(s)
	}
	field := func(label, l, r string) Row {
		m := Same
		if !strings.EqualFold(strings.TrimSpace(l), strings.TrimSpace(r)) {
			m = Differs
		}
		return Row{Label: label, Left: orDash(l), Right: orDash(r), Mark: m}
	}
	collabs := func(t *model.Trial) string {
		var ns []string
		for _, c := range t.Collaborators {
			ns = append(ns, c.Name)
		}
		return strings.Join(ns, "; ")
	}
	// Titles and ids always differ; flagging them would only be noise.
	identity := func(label, l, r string) Row { return Row{Label: label, Left: orDash(l), Right: orDash(r)} }
	overview := Section{Title: "Overview", Rows: []Row{
		identity("ID", a.ID, b.ID),
		identity("Title", a.Title, b.Title),
		statusRow(field("Status", present.Status(a.Status), present.Status(b.Status)), a.Status, b.Status),
		field("Phase", present.Phase(a.Phases), present.Phase(b.Phases)),
		field("Study type", model.Label(a.StudyType), model.Label(b.StudyType)),
		field("Enrollment", present.Enrollment(a.Enrollment, a.EnrollmentType), present.Enrollment(b.Enrollment, b.EnrollmentType)),
		field("Start", present.Date(a.StartDate, a.StartDateType), present.Date(b.StartDate, b.StartDateType)),
		field("Primary completion", present.Date(a.PrimaryCompletionDate, a.PrimaryCompletionDateType), present.Date(b.PrimaryCompletionDate, b.PrimaryCompletionDateType)),
		field("Completion", present.Date(a.CompletionDate, a.CompletionDateType), present.Date(b.CompletionDate, b.CompletionDateType)),
		field("Last updated", a.LastUpdated, b.LastUpdated),
		field("Lead sponsor", present.Sponsor(a.LeadSponsor), present.Sponsor(b.LeadSponsor)),
		field("Collaborators", collabs(a), collabs(b)),
	}}
	overview.Rows = append(overview.Rows, pairLists("Conditions", a.Conditions, b.Conditions, key)...)

	design := Section{Title: "Design", Rows: []Row{
		field("Allocation", present.Allocation(a.Design.Allocation), present.Allocation(b.Design.Allocation)),
		field("Model", firstOf(model.Label(a.Design.InterventionModel), model.Label(a.Design.ObservationalModel)),
			firstOf(model.Label(b.Design.InterventionModel), model.Label(b.Design.ObservationalModel))),
		field("Masking", present.Masking(a.Design), present.Masking(b.Design)),
		field("Primary purpose", model.Label(a.Design.PrimaryPurpose), model.Label(b.Design.PrimaryPurpose)),
	}}
	if a.Design.TimePerspective != "" || b.Design.TimePerspective != "" {
		design.Rows = append(design.Rows, field("Time perspective", model.Label(a.Design.TimePerspective), model.Label(b.Design.TimePerspective)))
	}

	arms := Section{Title: "Arms and interventions", Rows: []Row{
		field("Arms", strconv.Itoa(len(a.Arms)), strconv.Itoa(len(b.Arms))),
	}}
	for i := 0; i < max(len(a.Arms), len(b.Arms)); i++ {
		arms.Rows = append(arms.Rows, Row{Label: fmt.Sprintf("Arm %d", i+1), Left: armText(a, i), Right: armText(b, i)})
	}
	arms.Rows = append(arms.Rows, pairLists("Interventions", interventionNames(a), interventionNames(b), interventionKey)...)

	elig := Section{Title: "Eligibility", Rows: []Row{
		field("Ages", present.AgeRange(a.Eligibility), present.AgeRange(b.Eligibility)),
		field("Sex", present.Sex(a.Eligibility.Sex), present.Sex(b.Eligibility.Sex)),
		field("Healthy volunteers", present.HealthyVolunteers(a.Eligibility.HealthyVolunteers), present.HealthyVolunteers(b.Eligibility.HealthyVolunteers)),
		field("Inclusion criteria", present.CriteriaCount(a.Eligibility.Inclusion), present.CriteriaCount(b.Eligibility.Inclusion)),
		field("Exclusion criteria", present.CriteriaCount(a.Eligibility.Exclusion), present.CriteriaCount(b.Eligibility.Exclusion)),
	}}
	incl := Section{Title: "Inclusion criteria", Rows: criteriaRows(a.Eligibility.Inclusion, b.Eligibility.Inclusion, key)}
	excl := Section{Title: "Exclusion criteria", Rows: criteriaRows(a.Eligibility.Exclusion, b.Eligibility.Exclusion, key)}

	outcomes := Section{Title: "Outcomes"}
	for _, kind := range []struct {
		name string
		l, r []model.Outcome
	}{{"Primary", a.Outcomes.Primary, b.Outcomes.Primary}, {"Secondary", a.Outcomes.Secondary, b.Outcomes.Secondary}, {"Other", a.Outcomes.Other, b.Outcomes.Other}} {
		for i := 0; i < max(len(kind.l), len(kind.r)); i++ {
			outcomes.Rows = append(outcomes.Rows, Row{Label: fmt.Sprintf("%s %d", kind.name, i+1), Left: outcomeText(kind.l, i), Right: outcomeText(kind.r, i)})
		}
	}
	if len(outcomes.Rows) == 0 {
		outcomes.Rows = []Row{{Label: "Outcomes", Left: "—", Right: "—"}}
	}

	sites := Section{Title: "Sites", Rows: []Row{field("Sites", strconv.Itoa(len(a.Locations)), strconv.Itoa(len(b.Locations)))}}
	sites.Rows = append(sites.Rows, pairCounts("Countries", siteCountries(a), siteCountries(b), key)...)
	sections := []Section{overview, design, arms, elig, incl, excl, outcomes, sites}
	// A row only one side fills (an arm, an outcome the other lacks) says so.
	for _, sec := range sections {
		for i, r := range sec.Rows {
			if r.Mark == Same && (isEmptyCell(r.Left) != isEmptyCell(r.Right)) {
				sec.Rows[i].Mark = OnlyOne
			}
		}
	}
	return sections
}

func statusRow(r Row, a, b model.Status) Row {
	r.LeftStatus, r.RightStatus = a, b
	return r
}

func isEmptyCell(s string) bool { s = strings.TrimSpace(s); return s == "" || s == "—" }

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func armText(t *model.Trial, i int) string {
	if i >= len(t.Arms) {
		return "—"
	}
	a := t.Arms[i]
	s := firstOf(a.Label, "(unnamed)")
	if a.Type != "" {
		s += " [" + present.ArmType(a.Type) + "]"
	}
	if len(a.Interventions) > 0 {
		s += ": " + strings.Join(a.Interventions, ", ")
	}
	return s
}

func interventionNames(t *model.Trial) []string {
	var out []string
	for _, iv := range t.Interventions {
		out = append(out, present.InterventionName(iv))
	}
	return out
}

// pairLists puts the items both lists have first, one pair per row, then
// the items of each side alone; label heads the first row.
func pairLists(label string, l, r []string, key func(string) string) []Row {
	rk := map[string]int{}
	for i, s := range r {
		if _, ok := rk[key(s)]; !ok {
			rk[key(s)] = i
		}
	}
	usedR := map[int]bool{}
	var shared []Row
	var onlyL, onlyR []string
	for _, s := range l {
		if j, ok := rk[key(s)]; ok && !usedR[j] {
			usedR[j] = true
			shared = append(shared, Row{Left: s, Right: r[j], Mark: Shared})
		} else {
			onlyL = append(onlyL, s)
		}
	}
	for j, s := range r {
		if !usedR[j] {
			onlyR = append(onlyR, s)
		}
	}
	rows := shared
	for i := 0; i < max(len(onlyL), len(onlyR)); i++ {
		row := Row{Left: "", Right: "", Mark: OnlyOne}
		if i < len(onlyL) {
			row.Left = onlyL[i]
		}
		if i < len(onlyR) {
			row.Right = onlyR[i]
		}
		rows = append(rows, row)
	}
	for i := range rows {
		if i == 0 {
			rows[i].Label = label
		}
	}
	if len(rows) == 0 {
		rows = []Row{{Label: label, Left: "—", Right: "—"}}
	}
	return rows
}

// pairCounts is pairLists for counted items ("China (12)").
func pairCounts(label string, l, r map[string]int, key NameKey) []Row {
	names := func(m map[string]int) []string {
		out := make([]string, 0, len(m))
		for k := range m {
			out = append(out, k)
		}
		sort.Slice(out, func(i, j int) bool {
			if m[out[i]] != m[out[j]] {
				return m[out[i]] > m[out[j]]
			}
			return out[i] < out[j]
		})
		return out
	}
	rows := pairLists(label, names(l), names(r), key)
	for i := range rows {
		if n, ok := l[rows[i].Left]; ok {
			rows[i].Left = fmt.Sprintf("%s (%d)", rows[i].Left, n)
		}
		if n, ok := r[rows[i].Right]; ok {
			rows[i].Right = fmt.Sprintf("%s (%d)", rows[i].Right, n)
		}
	}
	return rows
}

func siteCountries(t *model.Trial) map[string]int {
	m := map[string]int{}
	for _, l := range t.Locations {
		m[present.Country(l.Country)]++
	}
	if len(m) == 0 {
		for _, c := range t.Countries {
			m[c] = 0
		}
	}
	return m
}

// criteriaRows lines up two criteria lists item by item, in reading order,
// numbered as the eligibility pane numbers them ("3.b"). Identical
// criteria are marked shared.
func criteriaRows(l, r []model.Criterion, key NameKey) []Row {
	fl, fr := flattenCriteria(l, ""), flattenCriteria(r, "")
	inRight := map[string]bool{}
	for _, c := range fr {
		inRight[key(c[1])] = true
	}
	var rows []Row
	for i := 0; i < max(len(fl), len(fr)); i++ {
		row := Row{Label: ""}
		if i < len(fl) {
			row.Left = fl[i][0] + " " + fl[i][1]
		}
		if i < len(fr) {
			row.Right = fr[i][0] + " " + fr[i][1]
		}
		switch {
		case i < len(fl) && inRight[key(fl[i][1])]:
			row.Mark = Shared
		case i >= len(fl) || i >= len(fr):
			row.Mark = OnlyOne // one list is longer than the other
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		rows = []Row{{Left: "None stated.", Right: "None stated."}}
	}
	return rows
}

// flattenCriteria lists criteria depth-first as (number, text).
func flattenCriteria(cs []model.Criterion, prefix string) [][2]string {
	var out [][2]string
	var walk func(cs []model.Criterion, depth int, prefix string)
	walk = func(cs []model.Criterion, depth int, prefix string) {
		for i, c := range cs {
			num := strings.TrimSuffix(present.CriterionMarker(depth, i), ".")
			if prefix != "" {
				num = prefix + "." + num
			}
			out = append(out, [2]string{num + ".", c.Text})
			walk(c.Children, depth+1, num)
		}
	}
	walk(cs, 0, prefix)
	return out
}

func outcomeText(os []model.Outcome, i int) string {
	if i >= len(os) {
		return ""
	}
	s := os[i].Measure
	if os[i].TimeFrame != "" {
		s += " [" + os[i].TimeFrame + "]"
	}
	return s
}

// CompareLayout sizes the columns of a rendered comparison.
type CompareLayout struct {
	Width  int // total width
	Label  int // width of the label column
	Column int // width of each trial's column
}

// maxCell is what one cell of a comparison shows of a text: a comparison
// summarises, and a narrow column turns a long text into thousands of lines.
const maxCell = 10_000

// MinCompareWidth is the narrowest comparison laid out within its width;
// a narrower one is laid out at this width.
const MinCompareWidth = 2 + 11 + 10 + 3 + 10

// NewCompareLayout splits width into a label column and two equal columns,
// with a two-column gutter for the row mark and a separator between the
// trials. Every line of the comparison fits in max(width, MinCompareWidth).
func NewCompareLayout(width int) CompareLayout {
	width = max(width, MinCompareWidth)
	label := 20
	switch {
	case width < 60:
		label = 11
	case width < 100:
		label = 14
	}
	col := (width - label - 2 - 3) / 2 // gutter "≠ " and " │ " between columns
	return CompareLayout{Width: width, Label: label, Column: max(col, 10)}
}

// RenderCompare lays out a comparison as lines: a heading per section, then
// each row wrapped within its columns and padded so that both sides start
// and end on the same lines. Rows whose sides differ carry "≠" in the
// gutter, shared items "=", one-sided items "·" — so the marks read without
// colour; the theme adds emphasis on top.
func RenderCompare(sections []Section, lay CompareLayout, th Theme) []string {
	var lines []string
	pad := func(s string, w int) string {
		if d := w - ansi.StringWidth(s); d > 0 {
			return s + strings.Repeat(" ", d)
		}
		return s
	}
	for _, sec := range sections {
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, th.Heading.Render(sec.Title))
		rows, more := present.ClipItems(sec.Rows)
		if more > 0 {
			rows = append(rows, Row{Label: "…", Left: present.Count(more, "more row", "more rows") + ", not shown"})
		}
		for _, row := range rows {
			lc := wrapHanging(plain.Line(present.ClipTextAt(row.Left, maxCell)), lay.Column)
			rc := wrapHanging(plain.Line(present.ClipTextAt(row.Right, maxCell)), lay.Column)
			lbl := plain.Lines(row.Label, lay.Label-1)
			n := max(len(lc), len(rc), len(lbl))
			mark, style := " ", th.Value
			switch row.Mark {
			case Differs:
				mark, style = "≠", th.Accent
			case Shared:
				mark, style = "=", th.Value
			case OnlyOne:
				mark = "·"
			}
			for i := range n {
				g := " "
				if i == 0 {
					g = mark
				}
				l, r, lb := "", "", ""
				if i < len(lc) {
					l = lc[i]
				}
				if i < len(rc) {
					r = rc[i]
				}
				if i < len(lbl) {
					lb = lbl[i]
				}
				ls, rs := style, style
				if row.LeftStatus != "" {
					ls = th.Status(row.LeftStatus)
				}
				if row.RightStatus != "" {
					rs = th.Status(row.RightStatus)
				}
				lines = append(lines, th.Warn.Render(g)+" "+th.Label.Render(pad(lb, lay.Label))+
					ls.Render(pad(l, lay.Column))+th.Muted.Render(" │ ")+rs.Render(r))
			}
		}
	}
	return lines
}

var numbered = regexp.MustCompile(`^(\d+(?:\.[a-z]+)*(?:\.[ivxl]+)?\.) `)

// wrapHanging wraps a cell; a numbered criterion ("3.b. text") wraps under
// its text, so the numbers stand out down the column.
func wrapHanging(s string, width int) []string {
	g := numbered.FindString(s)
	if g == "" || len(g) > width/2 || width-len(g) < 10 {
		return plain.Lines(s, width)
	}
	lines := plain.Lines(s[len(g):], width-len(g))
	for i := range lines {
		if i == 0 {
			lines[i] = g + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", len(g)) + lines[i]
		}
	}
	return lines
}
