package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
)

// The requirements read from a trial's criteria, as a table above the
// criteria: each requirement's variable, its allowed range in its unit,
// the section it came from and, when it applies only to a subgroup (or is
// an alternative), "subgroup only". With a patient profile the table gains
// the patient's value and the verdict on each requirement, and the
// registry's own age range and sex; a summary says what excludes the
// patient and what could not be checked. Verdicts are words and symbols
// (✓ met, ✗ not met, ? unknown); colour only repeats them.

// Reminder says what the extractor reads, and so what it leaves to the
// reader.
const Reminder = "Only these are read: performance status, Child-Pugh, BCLC, blood counts, bilirubin, AST/ALT, " +
	"albumin, INR, creatinine, its clearance, eGFR, LVEF, QTc, life expectancy, age."

// PossibleMeans is how a "possible" verdict is to be read, wherever it is shown.
const PossibleMeans = "nothing read from the criteria or the registry excludes the patient — not a judgement of eligibility: read every criterion"

// VerdictText is a requirement's verdict in words, with its symbol.
func VerdictText(s eligibility.Status) string {
	switch s {
	case eligibility.Met:
		return "✓ met"
	case eligibility.NotMet:
		return "✗ not met"
	}
	return "? unknown"
}

// VerdictStyle is the theme's style for a verdict.
func VerdictStyle(s eligibility.Status, th Theme) lipgloss.Style {
	switch s {
	case eligibility.Met:
		return th.Met
	case eligibility.NotMet:
		return th.NotMet
	}
	return th.Unknown
}

// Range is a requirement's allowed range without its variable's name:
// "≤ 1", "≥ 75 ×10^9/L", "B or C".
func Range(r model.Requirement) string {
	d := eligibility.Describe(r)
	if rest, ok := strings.CutPrefix(d, eligibility.DisplayName(r.Variable)+" "); ok {
		return rest
	}
	return d
}

// ValueText is a patient's value as a table shows it: "80", "male", "—"
// when unknown.
func ValueText(v any) string {
	switch x := v.(type) {
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		return plain.Line(x)
	}
	return "—"
}

// otherUnit is the patient's value of r's variable in another unit than
// r's ("1.2 mg/dL" for a bound in × ULN): why a check is unknown although
// the profile gives the variable. "" when it does not.
func otherUnit(r model.Requirement, p *eligibility.Patient) string {
	for _, f := range eligibility.Fields {
		if f.Variable != r.Variable || f.ReqUnit == r.Unit {
			continue
		}
		if v := f.Value(p); v != nil {
			return strings.TrimSpace(ValueText(v) + " " + f.Unit)
		}
	}
	return ""
}

// maxTableCell caps a table cell: a range, a value, a name.
const maxTableCell = 200

// cell is one cell of a table; short, when set, is what it says when the
// table is too wide ("incl." for "inclusion").
type cell struct {
	text  string
	style lipgloss.Style
	short string
}

// table lays rows out in columns two spaces apart under a header, from
// column indent. Each column is as wide as its widest cell; when that is
// wider than the report, the widest columns give way, their cells wrapping
// (never narrower than 10); when even that is too wide, each row is one
// item of a list instead.
func (r *builder) table(indent int, head []string, rows [][]cell) {
	// cells quote documents (a variable or unit the extractor was handed,
	// a registry's age): cleaned and capped like every other text
	for _, row := range rows {
		for j := range row {
			row[j].text = plain.Line(present.Clip(row[j].text, maxTableCell))
		}
	}
	n := len(head)
	widths := make([]int, n)
	measure := func() {
		for j, h := range head {
			widths[j] = plain.Width(h)
		}
		for _, row := range rows {
			for j, c := range row {
				widths[j] = max(widths[j], plain.Width(c.text))
			}
		}
	}
	total := func() int {
		t := indent + 2*(n-1)
		for _, w := range widths {
			t += w
		}
		return t
	}
	measure()
	if total() > r.width {
		for _, row := range rows {
			for j := range row {
				if row[j].short != "" {
					row[j].text = row[j].short
				}
			}
		}
		measure()
	}
	for total() > r.width {
		widest := 0
		for j := range widths {
			if widths[j] > widths[widest] {
				widest = j
			}
		}
		if widths[widest] <= 10 { // plain.Wrap's narrowest
			r.stacked(indent, head, rows)
			return
		}
		widths[widest]--
	}
	line := func(cells []cell) {
		wrapped := make([][]string, n)
		height := 1
		for j, c := range cells {
			if c.text != "" {
				wrapped[j] = plain.Wrap(c.text, widths[j])
			}
			height = max(height, len(wrapped[j]))
		}
		for i := range height {
			var b strings.Builder
			pad := indent
			for j := range cells {
				s := ""
				if i < len(wrapped[j]) {
					s = wrapped[j][i]
				}
				if s != "" {
					// padding is written only before text, so a line
					// never ends in spaces
					b.WriteString(strings.Repeat(" ", pad) + cells[j].style.Render(s))
					pad = 0
				}
				pad += widths[j] - plain.Width(s) + 2
			}
			r.line(b.String())
		}
	}
	hc := make([]cell, n)
	for j, h := range head {
		hc[j] = cell{text: h, style: r.th.Label}
	}
	line(hc)
	for _, row := range rows {
		line(row)
	}
}

// stacked writes a table's rows as list items, each cell named by its
// header: for a report too narrow for the columns.
func (r *builder) stacked(indent int, head []string, rows [][]cell) {
	for _, row := range rows {
		var parts []string
		for j, c := range row {
			switch {
			case c.text == "":
			case j == 0 || head[j] == "":
				parts = append(parts, c.text)
			default:
				parts = append(parts, strings.ToLower(head[j])+" "+c.text)
			}
		}
		r.hanging(indent, "• ", strings.Join(parts, " · "), r.th.Value)
	}
}

// requirementsSection writes the requirements table of t, screened for p
// when p is not nil.
func (r *builder) requirementsSection(t *model.Trial, reqs []model.Requirement, p *eligibility.Patient) {
	th := r.th
	r.heading(fmt.Sprintf("Requirements read from the criteria (%d)", len(reqs)))
	var res eligibility.Result
	if p != nil {
		res = eligibility.Screen(t, *p)
		r.screenSummary(res, p)
	}
	if len(reqs) == 0 {
		r.para("None read from the criteria.", 2, th.Muted)
		if p != nil && len(res.Structured) > 0 {
			r.para("Only the registry's age range and sex were checked.", 2, th.Muted)
		}
	}
	if len(reqs) == 0 && (p == nil || len(res.Structured) == 0) {
		r.para(Reminder, 2, th.Muted)
		return
	}
	head := []string{"Variable", "Allowed", "From", ""}
	if p != nil {
		head = []string{"Variable", "Allowed", "From", "Patient", "Verdict", ""}
	}
	shown, more := present.ClipItems(reqs)
	var rows [][]cell
	for i, q := range shown {
		value := cell{style: th.Value}
		scope := cell{style: th.Accent}
		row := []cell{{text: eligibility.DisplayName(q.Variable), style: th.Value}, {text: Range(q), style: th.Value},
			{text: q.From, style: th.Muted, short: shortSection(q.From)}}
		if q.Conditional {
			scope.text = "subgroup only"
		}
		if p != nil {
			c := res.Requirements[i]
			value.text = ValueText(c.Value)
			verdict := cell{text: VerdictText(c.Status), style: VerdictStyle(c.Status, th)}
			if c.Status == eligibility.Unknown {
				if other := otherUnit(q, p); other != "" {
					value.text = other
					verdict.text = "? other unit"
				}
			}
			if q.Conditional {
				// shown, but it never decides: in brackets and muted
				verdict = cell{text: "(" + verdict.text + ")", style: th.Muted}
			}
			row = append(row, value, verdict)
		}
		rows = append(rows, append(row, scope))
	}
	if p != nil {
		for _, s := range res.Structured {
			name, allowed := "age (registry)", registryAge(s.Registry)
			if s.Field == "sex" {
				name, allowed = "sex (registry)", present.Sex(model.Sex(s.Registry))
			}
			rows = append(rows, []cell{{text: name, style: th.Value}, {text: allowed, style: th.Value},
				{}, {text: ValueText(s.Value), style: th.Value},
				{text: VerdictText(s.Status), style: VerdictStyle(s.Status, th)}, {}})
		}
	}
	r.table(2, head, rows)
	r.more(more, "requirement")
	r.blank()
	note := "Exclusions are inverted into allowed ranges; \"subgroup only\" (or an alternative) never decides. " + Reminder
	if th.Source.GetUnderline() {
		note = "Underlined below: where each value was read. " + note
	}
	r.para(note, 2, th.Muted)
}

// shortSection is a section's name where the table is narrow.
func shortSection(s string) string {
	switch s {
	case "inclusion":
		return "incl."
	case "exclusion":
		return "excl."
	}
	return ""
}

// registryAge is the registry's age range as the table reads it:
// "18 Years–75 Years" → "18–75 years".
func registryAge(s string) string {
	s = plain.Line(s)
	if lo, hi, ok := strings.Cut(s, "–"); ok {
		if l, u, ok := strings.Cut(lo, " "); ok && strings.HasSuffix(hi, " "+u) {
			return l + "–" + strings.ToLower(hi)
		}
	}
	return strings.ToLower(s)
}

// screenSummary says what the screen found: what excludes the patient, or
// that nothing read does (and what that does not mean), and what could not
// be checked.
func (r *builder) screenSummary(res eligibility.Result, p *eligibility.Patient) {
	th := r.th
	if res.Verdict == eligibility.Excluded {
		var why []string
		for _, c := range res.Requirements {
			if c.Status == eligibility.NotMet && !c.Requirement.Conditional {
				why = append(why, eligibility.Describe(c.Requirement)+" (patient "+ValueText(c.Value)+")")
			}
		}
		for _, s := range res.Structured {
			if s.Status == eligibility.NotMet {
				why = append(why, "registry "+s.Field+" "+plain.Line(s.Registry)+" (patient "+ValueText(s.Value)+")")
			}
		}
		r.para("✗ Excluded for this patient — not met: "+strings.Join(dedupe(why), "; ")+".", 2, th.NotMet)
	} else {
		r.para("✓ Possible: "+PossibleMeans+".", 2, th.Met)
	}
	var unknown []string
	reqOf := map[string]model.Requirement{}
	for _, c := range res.Requirements {
		if _, ok := reqOf[c.Requirement.Variable]; !ok && !c.Requirement.Conditional {
			reqOf[c.Requirement.Variable] = c.Requirement
		}
	}
	for _, v := range res.Unknown {
		s := eligibility.DisplayName(v)
		if q, ok := reqOf[v]; ok {
			if other := otherUnit(q, p); other != "" {
				s += " (the profile gives " + other + ")"
			}
		} else {
			s += " (subgroup bounds only)"
		}
		unknown = append(unknown, s)
	}
	for _, s := range res.Structured {
		if s.Status == eligibility.Unknown {
			unknown = append(unknown, "registry "+s.Field)
		}
	}
	if len(unknown) > 0 {
		r.para(fmt.Sprintf("? %d not checked: %s.", len(unknown), strings.Join(unknown, ", ")), 2, th.Unknown)
	}
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// sourceSpans maps each criterion's text, as requirements quote it
// (eligibility.ItemText), to the spans of it values were read from.
func sourceSpans(reqs []model.Requirement) map[string][][2]int {
	m := map[string][][2]int{}
	for _, q := range reqs {
		a, b := q.Span[0], q.Span[1]
		if b > a && a >= 0 && b <= len(q.Text) && utf8.RuneStart(q.Text[a]) && (b == len(q.Text) || utf8.RuneStart(q.Text[b])) {
			m[q.Text] = append(m[q.Text], q.Span)
		}
	}
	for k, spans := range m {
		m[k] = mergeSpans(spans)
	}
	return m
}

// mergeSpans sorts spans and joins the ones that overlap or touch.
func mergeSpans(spans [][2]int) [][2]int {
	for i := 1; i < len(spans); i++ { // insertion sort: a criterion has a few
		for j := i; j > 0 && spans[j][0] < spans[j-1][0]; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	out := spans[:0:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], s[1])
			continue
		}
		out = append(out, s)
	}
	return out
}

// markedItem writes a criterion whose text requirements were read from,
// the source words in the Source style (underlined), wrapped as hanging
// does. It reports false, writing nothing, when the criterion has no
// marks or its text is not the one the spans index.
func (r *builder) markedItem(indent int, marker, text string, spans map[string][][2]int, style lipgloss.Style) bool {
	if len(spans) == 0 || len(text) > present.MaxText {
		return false
	}
	s := eligibility.ItemText(text)
	sp := spans[s]
	if len(sp) == 0 || plain.Line(s) != s {
		return false
	}
	mw := plain.Width(marker)
	indent = max(min(indent, r.width-mw-10), 0)
	pos := 0
	for i, l := range plain.Wrap(s, r.width-indent-mw) {
		lead := strings.Repeat(" ", indent+mw)
		if i == 0 {
			lead = strings.Repeat(" ", indent) + r.th.Muted.Render(marker)
		}
		at := strings.Index(s[pos:], l)
		if at < 0 {
			r.line(lead + style.Render(l))
			continue
		}
		off := pos + at
		pos = off + len(l)
		var local [][2]int
		for _, x := range sp {
			a, b := max(x[0], off)-off, min(x[1], pos)-off
			if a < b {
				local = append(local, [2]int{a, b})
			}
		}
		r.line(lead + present.Highlight(l, local, func(s string) string { return style.Render(s) },
			func(s string) string { return r.th.Source.Render(s) }))
	}
	return true
}
