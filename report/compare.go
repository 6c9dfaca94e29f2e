package report

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
)

// A comparison lays trials side by side — two, or up to four from the
// browser's shortlist — section by section, one row per field so that the
// same field stands on the same line in every column. Lists that trials can
// share — conditions, interventions, countries — put the items every trial
// has first, on one line and marked; then, with more than two trials, the
// items some of them share, each on its own line; then each trial's own.

// Mark says how the cells of a comparison row relate.
type Mark int

const (
	Same    Mark = iota // equal, or nothing to compare
	Differs             // the trials say different things
	Shared              // an item every trial has (a condition, an intervention)
	NotAll              // an item some trials have and others lack (with two: only one)
)

// Row is one line of a comparison (it may wrap onto several).
type Row struct {
	Label string
	// Cells are what each trial says, in the order the trials were given.
	Cells []string
	Mark  Mark
	// Statuses, on the status row only, colour each cell as the status
	// reads everywhere else.
	Statuses []model.Status
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

// Compare builds the comparison of trials, in columns in their order (at
// least two are expected; fewer give a one-column table).
func Compare(trials []*model.Trial, key NameKey) []Section { return CompareFor(trials, key, nil) }

// CompareFor is Compare with the trials' requirements screened for a
// patient: each aligned requirement carries the patient's verdict on that
// side, and the requirements open with each trial's overall verdict and
// close with the registry's age and sex. A nil patient is Compare.
func CompareFor(trials []*model.Trial, key NameKey, p *eligibility.Patient) []Section {
	if key == nil {
		key = func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
	}
	interventionKey := func(s string) string {
		if _, name, ok := strings.Cut(s, ": "); ok {
			return key(name)
		}
		return key(s)
	}
	// each is one value per trial.
	each := func(f func(t *model.Trial) string) []string {
		out := make([]string, len(trials))
		for i, t := range trials {
			out[i] = f(t)
		}
		return out
	}
	// A field differs when two trials state different values; one that
	// some state and others do not is marked as not had by all (by the
	// final pass), not as a difference: "not stated" is no value.
	field := func(label string, f func(t *model.Trial) string) Row {
		vals := each(f)
		m, first := Same, ""
		for _, v := range vals {
			switch v = strings.TrimSpace(v); {
			case isEmptyCell(v):
			case first == "":
				first = v
			case !strings.EqualFold(v, first):
				m = Differs
			}
		}
		return Row{Label: label, Cells: dashes(vals), Mark: m}
	}
	// Titles and ids always differ; flagging them would only be noise.
	identity := func(label string, f func(t *model.Trial) string) Row {
		return Row{Label: label, Cells: dashes(each(f))}
	}
	collabs := func(t *model.Trial) string {
		var ns []string
		for _, c := range t.Collaborators {
			ns = append(ns, c.Name)
		}
		return strings.Join(ns, "; ")
	}
	date := func(d func(t *model.Trial) (string, model.DateType)) func(t *model.Trial) string {
		return func(t *model.Trial) string { return present.Date(d(t)) }
	}
	status := field("Status", func(t *model.Trial) string { return present.Status(t.Status) })
	for _, t := range trials {
		status.Statuses = append(status.Statuses, t.Status)
	}
	overview := Section{Title: "Overview", Rows: []Row{
		identity("ID", func(t *model.Trial) string { return t.ID }),
		identity("Title", func(t *model.Trial) string { return t.Title }),
		status,
		field("Phase", func(t *model.Trial) string { return present.Phase(t.Phases) }),
		field("Study type", func(t *model.Trial) string { return model.Label(t.StudyType) }),
		field("Enrollment", func(t *model.Trial) string { return present.Enrollment(t.Enrollment, t.EnrollmentType) }),
		field("Start", date(func(t *model.Trial) (string, model.DateType) { return t.StartDate, t.StartDateType })),
		field("Primary completion", date(func(t *model.Trial) (string, model.DateType) {
			return t.PrimaryCompletionDate, t.PrimaryCompletionDateType
		})),
		field("Completion", date(func(t *model.Trial) (string, model.DateType) { return t.CompletionDate, t.CompletionDateType })),
		field("Last updated", func(t *model.Trial) string { return t.LastUpdated }),
		field("Lead sponsor", func(t *model.Trial) string { return present.Sponsor(t.LeadSponsor) }),
		field("Collaborators", collabs),
	}}
	lists := func(f func(t *model.Trial) []string) [][]string {
		out := make([][]string, len(trials))
		for i, t := range trials {
			out[i] = f(t)
		}
		return out
	}
	overview.Rows = append(overview.Rows, pairLists("Conditions", lists(func(t *model.Trial) []string { return t.Conditions }), key)...)

	design := Section{Title: "Design", Rows: []Row{
		field("Allocation", func(t *model.Trial) string { return present.Allocation(t.Design.Allocation) }),
		field("Model", func(t *model.Trial) string {
			return firstOf(model.Label(t.Design.InterventionModel), model.Label(t.Design.ObservationalModel))
		}),
		field("Masking", func(t *model.Trial) string { return present.Masking(t.Design) }),
		field("Primary purpose", func(t *model.Trial) string { return model.Label(t.Design.PrimaryPurpose) }),
	}}
	for _, t := range trials {
		if t.Design.TimePerspective != "" {
			design.Rows = append(design.Rows, field("Time perspective", func(t *model.Trial) string { return model.Label(t.Design.TimePerspective) }))
			break
		}
	}

	most := func(n func(t *model.Trial) int) int {
		m := 0
		for _, t := range trials {
			m = max(m, n(t))
		}
		return m
	}
	arms := Section{Title: "Arms and interventions", Rows: []Row{
		field("Arms", func(t *model.Trial) string { return strconv.Itoa(len(t.Arms)) }),
	}}
	for i := range most(func(t *model.Trial) int { return len(t.Arms) }) {
		arms.Rows = append(arms.Rows, Row{Label: fmt.Sprintf("Arm %d", i+1), Cells: each(func(t *model.Trial) string { return armText(t, i) })})
	}
	arms.Rows = append(arms.Rows, pairLists("Interventions", lists(interventionNames), interventionKey)...)

	elig := Section{Title: "Eligibility", Rows: []Row{
		field("Ages", func(t *model.Trial) string { return present.AgeRange(t.Eligibility) }),
		field("Sex", func(t *model.Trial) string { return present.Sex(t.Eligibility.Sex) }),
		field("Healthy volunteers", func(t *model.Trial) string { return present.HealthyVolunteers(t.Eligibility.HealthyVolunteers) }),
		field("Inclusion criteria", func(t *model.Trial) string { return present.CriteriaCount(t.Eligibility.Inclusion) }),
		field("Exclusion criteria", func(t *model.Trial) string { return present.CriteriaCount(t.Eligibility.Exclusion) }),
	}}
	criteria := func(f func(t *model.Trial) []model.Criterion) [][]model.Criterion {
		out := make([][]model.Criterion, len(trials))
		for i, t := range trials {
			out[i] = f(t)
		}
		return out
	}
	incl := Section{Title: "Inclusion criteria", Rows: criteriaRows(criteria(func(t *model.Trial) []model.Criterion { return t.Eligibility.Inclusion }), key)}
	excl := Section{Title: "Exclusion criteria", Rows: criteriaRows(criteria(func(t *model.Trial) []model.Criterion { return t.Eligibility.Exclusion }), key)}

	outcomes := Section{Title: "Outcomes"}
	for _, kind := range []struct {
		name string
		of   func(t *model.Trial) []model.Outcome
	}{
		{"Primary", func(t *model.Trial) []model.Outcome { return t.Outcomes.Primary }},
		{"Secondary", func(t *model.Trial) []model.Outcome { return t.Outcomes.Secondary }},
		{"Other", func(t *model.Trial) []model.Outcome { return t.Outcomes.Other }},
	} {
		for i := range most(func(t *model.Trial) int { return len(kind.of(t)) }) {
			outcomes.Rows = append(outcomes.Rows, Row{Label: fmt.Sprintf("%s %d", kind.name, i+1),
				Cells: each(func(t *model.Trial) string { return outcomeText(kind.of(t), i) })})
		}
	}
	if len(outcomes.Rows) == 0 {
		outcomes.Rows = []Row{{Label: "Outcomes", Cells: dashes(make([]string, len(trials)))}}
	}

	sites := Section{Title: "Sites", Rows: []Row{field("Sites", func(t *model.Trial) string { return strconv.Itoa(len(t.Locations)) })}}
	countries := make([]map[string]int, len(trials))
	for i, t := range trials {
		countries[i] = siteCountries(t)
	}
	sites.Rows = append(sites.Rows, pairCounts("Countries", countries, key)...)
	sections := []Section{overview, design, arms, elig, requirementsSection(trials, p), incl, excl, outcomes, sites}
	// A row some trials fill and others leave empty (an arm, an outcome
	// the others lack) says so.
	for _, sec := range sections {
		for i, r := range sec.Rows {
			if r.Mark == Same && someEmpty(r.Cells) {
				sec.Rows[i].Mark = NotAll
			}
		}
	}
	return sections
}

// someEmpty reports whether some cells are empty and others are not.
func someEmpty(cells []string) bool {
	empty := 0
	for _, c := range cells {
		if isEmptyCell(c) {
			empty++
		}
	}
	return empty > 0 && empty < len(cells)
}

// isEmptyCell reports a cell that states nothing: empty, a dash, or
// present's "not stated" ("Status not stated").
func isEmptyCell(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || s == "—" || strings.HasSuffix(s, present.NotStated)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func dashes(vals []string) []string {
	for i, v := range vals {
		vals[i] = orDash(v)
	}
	return vals
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

// pairLists lines up one list per trial: first the items every trial has,
// one row each; then items some trials share (more than two trials only);
// then what is left of each list, side by side in order. label heads the
// first row.
func pairLists(label string, lists [][]string, key func(string) string) []Row {
	n := len(lists)
	used := make([][]bool, n)
	for i, l := range lists {
		used[i] = make([]bool, len(l))
	}
	// find is the first unused item of list j with key k, or -1.
	find := func(j int, k string) int {
		for x, s := range lists[j] {
			if !used[j][x] && key(s) == k {
				return x
			}
		}
		return -1
	}
	var rows []Row
	// gather makes a row of the unused items with key k, when at least
	// need lists have one.
	gather := func(k string, need int, mark Mark) bool {
		at := make([]int, n)
		have := 0
		for j := range n {
			if at[j] = find(j, k); at[j] >= 0 {
				have++
			}
		}
		if have < need {
			return false
		}
		row := Row{Cells: make([]string, n), Mark: mark}
		for j, x := range at {
			if x >= 0 {
				used[j][x] = true
				row.Cells[j] = lists[j][x]
			}
		}
		rows = append(rows, row)
		return true
	}
	if n > 0 {
		for x, s := range lists[0] {
			if !used[0][x] {
				gather(key(s), n, Shared)
			}
		}
	}
	if n > 2 {
		for j := range n {
			for x, s := range lists[j] {
				if !used[j][x] {
					gather(key(s), 2, NotAll)
				}
			}
		}
	}
	var own [][]string
	longest := 0
	for j := range n {
		var rest []string
		for x, s := range lists[j] {
			if !used[j][x] {
				rest = append(rest, s)
			}
		}
		own = append(own, rest)
		longest = max(longest, len(rest))
	}
	for i := range longest {
		row := Row{Cells: make([]string, n), Mark: NotAll}
		for j := range n {
			if i < len(own[j]) {
				row.Cells[j] = own[j][i]
			}
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return []Row{{Label: label, Cells: dashes(make([]string, n))}}
	}
	rows[0].Label = label
	return rows
}

// pairCounts is pairLists for counted items ("China (12)").
func pairCounts(label string, counts []map[string]int, key NameKey) []Row {
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
	lists := make([][]string, len(counts))
	for i, m := range counts {
		lists[i] = names(m)
	}
	rows := pairLists(label, lists, key)
	for i := range rows {
		for j, c := range rows[i].Cells {
			if n, ok := counts[j][c]; ok {
				rows[i].Cells[j] = fmt.Sprintf("%s (%d)", c, n)
			}
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

// criteriaRows lines up the criteria lists item by item, in reading order,
// numbered as the eligibility pane numbers them ("3.b"). A row whose first
// trial's criterion every other trial states too is marked shared.
func criteriaRows(lists [][]model.Criterion, key NameKey) []Row {
	n := len(lists)
	flat := make([][][2]string, n)
	longest := 0
	for j, l := range lists {
		flat[j] = flattenCriteria(l, "")
		longest = max(longest, len(flat[j]))
	}
	stated := make([]map[string]bool, n)
	for j := 1; j < n; j++ {
		stated[j] = map[string]bool{}
		for _, c := range flat[j] {
			stated[j][key(c[1])] = true
		}
	}
	var rows []Row
	for i := range longest {
		row := Row{Cells: make([]string, n)}
		short := false
		for j := range n {
			if i < len(flat[j]) {
				row.Cells[j] = flat[j][i][0] + " " + flat[j][i][1]
			} else {
				short = true
			}
		}
		shared := n > 1 && i < len(flat[0])
		for j := 1; j < n && shared; j++ {
			shared = stated[j][key(flat[0][i][1])]
		}
		switch {
		case shared:
			row.Mark = Shared
		case short:
			row.Mark = NotAll // some lists are shorter than others
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		cells := make([]string, n)
		for j := range cells {
			cells[j] = "None stated."
		}
		rows = []Row{{Cells: cells}}
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
	Trials int // how many trial columns
}

// maxCell is what one cell of a comparison shows of a text: a comparison
// summarises, and a narrow column turns a long text into thousands of lines.
const maxCell = 10_000

// MinCompareWidth is the narrowest two-trial comparison laid out within its
// width; a narrower one is laid out at this width.
const MinCompareWidth = 2 + 11 + 10 + 3 + 10

// minColumn is the narrowest trial column a layout makes.
const minColumn = 10

// MinTrialColumn is the width each trial's column needs before a third or
// fourth trial stands beside the others: narrower, criteria wrap into
// columns too tall to read across.
const MinTrialColumn = 50

// NewCompareLayout splits width into a label column and one equal column
// per trial (at least two), with a two-column gutter for the row mark and a
// separator between the trials. Every line of the comparison fits in
// max(width, MinCompareWidth) for two trials; more trials need
// minColumn+3 more columns each.
func NewCompareLayout(width, trials int) CompareLayout {
	trials = max(trials, 2)
	width = max(width, MinCompareWidth+(trials-2)*(minColumn+3))
	label := labelColumn(width)
	col := func() int { return (width - label - 2 - 3*(trials-1)) / trials } // gutter "≠ " and " │ " between columns
	if col() < minColumn {
		label = 11 // labels give way before the trials' columns do
	}
	return CompareLayout{Width: width, Label: label, Column: max(col(), minColumn), Trials: trials}
}

func labelColumn(width int) int {
	switch {
	case width < 60:
		return 11
	case width < 100:
		return 14
	}
	return 20
}

// TrialsThatFit is how many of n trials (four at most) stand side by side
// in width with every column at least MinTrialColumn wide — never fewer
// than two: a two-trial comparison narrows its columns instead.
func TrialsThatFit(width, n int) int {
	k := max(min(n, 4), 2)
	for ; k > 2; k-- {
		if (width-labelColumn(width)-2-3*(k-1))/k >= MinTrialColumn {
			break
		}
	}
	return k
}

// RenderCompare lays out a comparison as lines: a heading per section, then
// each row wrapped within its columns and padded so that every column
// starts and ends on the same lines. Rows whose cells differ carry "≠" in
// the gutter, items every trial shares "=", items not every trial has "·"
// — so the marks read without colour; the theme adds emphasis on top.
func RenderCompare(sections []Section, lay CompareLayout, th Theme) []string {
	var lines []string
	pad := func(s string, w int) string {
		if d := w - ansi.StringWidth(s); d > 0 {
			return s + strings.Repeat(" ", d)
		}
		return s
	}
	sep := th.Muted.Render(" │ ")
	for _, sec := range sections {
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, th.Heading.Render(sec.Title))
		rows, more := present.ClipItems(sec.Rows)
		if more > 0 {
			rows = append(rows, Row{Label: "…", Cells: []string{present.Count(more, "more row", "more rows") + ", not shown"}})
		}
		for _, row := range rows {
			cols := max(len(row.Cells), lay.Trials, 1)
			cells := make([][]string, cols)
			n := 0
			for j := range cols {
				if j < len(row.Cells) {
					cells[j] = wrapHanging(plain.Line(present.ClipTextAt(row.Cells[j], maxCell)), lay.Column)
				}
				n = max(n, len(cells[j]))
			}
			lbl := plain.Lines(row.Label, lay.Label-1)
			n = max(n, len(lbl))
			mark, style := " ", th.Value
			switch row.Mark {
			case Differs:
				mark, style = "≠", th.Accent
			case Shared:
				mark, style = "=", th.Value
			case NotAll:
				mark = "·"
			}
			var b strings.Builder
			for i := range n {
				g, lb := " ", ""
				if i == 0 {
					g = mark
				}
				if i < len(lbl) {
					lb = lbl[i]
				}
				b.Reset()
				b.WriteString(th.Warn.Render(g) + " " + th.Label.Render(pad(lb, lay.Label)))
				for j := range cols {
					c := ""
					if i < len(cells[j]) {
						c = cells[j][i]
					}
					st := style
					if j < len(row.Statuses) && row.Statuses[j] != "" {
						st = th.Status(row.Statuses[j])
					}
					if j > 0 {
						b.WriteString(sep)
					}
					if j < cols-1 {
						c = pad(c, lay.Column)
					}
					b.WriteString(st.Render(c))
				}
				lines = append(lines, b.String())
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
