package eligibility

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/trials-app/trials/model"
)

// A table of the highest serum creatinine allowed at each age, flattened
// into one item as registries print it: "Maximum Serum Creatinine (mg/dL).
// Age Male Female 1 to < 2 years 0.6 0.6 2 to < 6 years 0.8 0.8 … ≥ 16
// years 1.7 1.4". The word parser reads its ages as bounds and its values as
// bare numbers; the table is read here instead, as SPEC 4.7 reads bounds
// given only per subgroup: the loosest everyone's, the others conditional.

// ageTableHeadRe is the header: it names the side (maximum) and the unit.
var ageTableHeadRe = regexp.MustCompile(`(?i)\bmaximum\s+(?:serum\s+)?creatinine\s*\(\s*(mg/dl|[µμu]mol/l)\s*\)`)

// ageTableRowRe is the end of a row: the age band's unit, then the row's
// value (one column) or its male and female values (two).
var (
	ageTableRow1Re = regexp.MustCompile(`(?i)\b(?:years?|months?|yrs?)\b\.?\s*[:;,|]?\s*(\d{1,3}(?:\.\d{1,2})?)\b`)
	ageTableRow2Re = regexp.MustCompile(`(?i)\b(?:years?|months?|yrs?)\b\.?\s*[:;,|]?\s*(\d{1,3}(?:\.\d{1,2})?)\s*[;,/|]?\s*(\d{1,3}(?:\.\d{1,2})?)\b`)
)

// ageTableOrRe is an alternative stated before the table ("Creatinine
// clearance ≥ 70 mL/min/1.73 m² or a serum creatinine based on age …").
var ageTableOrRe = regexp.MustCompile(`(?i)\bor\b`)

// mayBeAgeTable is the cheap test before ageTableHeadRe: the words of the
// header as a record writes them.
func mayBeAgeTable(text string) bool {
	i := indexRare(text, "aximum", 1)
	if i < 0 {
		i = indexRare(text, "AXIMUM", 1)
	}
	return i >= 0 && (strings.Contains(text[i:], "reatinine") || strings.Contains(text[i:], "REATININE"))
}

// ageTableCell is one value of the table and where it was read: the span
// in the text of the item (1 + its index among the rows' items, 0 for the
// item addAgeTable is given).
type ageTableCell struct {
	v    float64
	span [2]int
	item int
}

// ageTable reads a flattened table of maximum creatinine by age in text.
// It returns the cells in mg/dL, where the table starts and ends, and
// whether the text before the table offers it as an alternative. When it
// reads none, from is -1 if the text holds the header all the same.
func ageTable(text string) (cells []ageTableCell, from, to int, alt, ok bool) {
	if !mayBeAgeTable(text) {
		return nil, 0, 0, false, false
	}
	h := ageTableHeadRe.FindStringSubmatchIndex(text)
	if h == nil {
		return nil, 0, 0, false, false
	}
	from = -1 // the header is there; the rows may not be
	scale := 1.0
	if u := strings.ToLower(text[h[2]:h[3]]); u != "mg/dl" {
		scale = 1 / 88.4
	}
	rest := text[h[1]:]
	re := ageTableRow1Re
	if lead := strings.ToLower(text[max(0, h[0]-60):min(len(text), h[1]+40)]); strings.Contains(lead, "female") &&
		strings.Contains(strings.ReplaceAll(lead, "female", ""), "male") {
		re = ageTableRow2Re // "Age Male Female"
	}
	rows := re.FindAllStringSubmatchIndex(rest, -1)
	last := 0
	for i, r := range rows {
		// a row starts where the one before ended: only an age band (and
		// the column names before the first row) may come between
		if !ageBandGap(rest[last:r[0]], i == 0) {
			rows = rows[:i]
			break
		}
		last = r[1]
	}
	if len(rows) < 3 {
		return nil, from, 0, false, false
	}
	for _, r := range rows {
		for g := 2; g+1 < len(r); g += 2 {
			if r[g] < 0 {
				continue
			}
			v, err := strconv.ParseFloat(rest[r[g]:r[g+1]], 64)
			if err != nil {
				return nil, from, 0, false, false
			}
			v *= scale
			if v < 0.1 || v > 4 {
				return nil, from, 0, false, false // no creatinine limit: not this table
			}
			cells = append(cells, ageTableCell{v: v, span: [2]int{h[1] + r[g], h[1] + r[g+1]}})
		}
	}
	return cells, h[0], h[1] + last, ageTableOrRe.MatchString(text[:h[0]]), true
}

// ageBandGap reports text between two rows of the table that holds no more
// than an age band: "; 2 to < 6 ", " 13 to less than 16 ", "≥ 16 ".
func ageBandGap(s string, first bool) bool {
	if len(s) > 60 {
		return false
	}
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == ';' || r == ',' || r == ':' || r == '|' || r == '(' || r == ')'
	}) {
		switch f {
		case "to", "less", "greater", "more", "than", "or", "equal", "and", "over", "under", "up", "from", "age",
			"aged", "year", "years", "month", "months", "yrs", "<", ">", "<=", ">=", "≤", "≥", "=", "+", "-", "–", ".", "older",
			"younger":
			continue
		case "male", "female", "males", "females", "boys", "girls", "(years)", "years)", "(mg/dl)", "gender", "sex", "by":
			if first {
				continue
			}
			return false
		}
		if strings.Trim(f, "0123456789.<>=≤≥+-–") == "" {
			continue
		}
		return false
	}
	return true
}

// addAgeTable pushes the requirements of a table ageTable read from text:
// its loosest value everyone's (unless the table is an alternative or the
// item a subgroup's), each stricter value once, conditional.
func (x *extractor) addAgeTable(text string, ctx itemCtx, cells []ageTableCell, alt bool) {
	x.addAgeTableRows([]string{text}, ctx, cells, alt)
}

// addAgeTableRows is addAgeTable for a table whose rows are items of their
// own: texts[c.item] is the item each cell was read from.
func (x *extractor) addAgeTableRows(texts []string, ctx itemCtx, cells []ageTableCell, alt bool) {
	loosest := 0
	for i, c := range cells {
		if c.v > cells[loosest].v {
			loosest = i
		}
	}
	everyone := !alt && !ctx.cond && !ctx.alt && !ctx.risk && !ctx.donor
	var seen []float64
	push := func(c ageTableCell, cond bool) {
		for _, s := range seen {
			if s == round3(c.v) {
				return
			}
		}
		seen = append(seen, round3(c.v))
		cause := causeNone
		if cond {
			cause = causeSubgroup
			if alt || ctx.alt || ctx.risk {
				cause = causeAlternative
			}
		}
		// as the word parser marks a bound under a restricting lead-in or a
		// study group's heading, so that no per-subgroup pass (bands) makes
		// the loosest everyone's again
		if ctx.cond {
			cond, cause = true, causeContext
		} else if ctx.scope > 0 && !cond {
			cond, cause = true, causeScope
		}
		x.push(texts[c.item], ctx, cand{v: vCreatinine, unit: "mg/dL", hasHi: true, hiInc: true, hi: c.v, span: c.span,
			cond: cond, cause: cause, grp: -1})
	}
	push(cells[loosest], !everyone)
	for _, c := range cells {
		push(c, true)
	}
}

// ageTableAcross reads a table of maximum creatinine by age whose header is
// an item of its own and whose rows are the items after it ("Maximum Serum
// Creatinine (mg/dL). Age Male Female" / "1 to < 2 years 0.6 0.6 2 to < 6
// years 0.8 0.8 …" / "≥ 16 years 1.7 1.4."), as a page keeps the lines of
// one list item apart. Each value is its row item's.
func (x *extractor) ageTableAcross(items []model.Criterion, ctx itemCtx, first int) {
	if ctx.exclusion || ctx.donor || x.ageHeads == 0 {
		return
	}
	for i := 0; i+1 < len(items); i++ {
		if len(items[i].Children) > 0 || !mayBeAgeTable(items[i].Text) {
			continue
		}
		head := ItemText(items[i].Text)
		if ageTableHeadRe.FindStringIndex(head) == nil {
			continue
		}
		if _, _, _, _, ok := ageTable(head); ok {
			continue // the rows are in the header's item: add has read them
		}
		// the header, then each row item, joined as one text
		joined := head
		starts := []int{}
		texts := []string{head}
		j := i + 1
		for ; j < len(items) && len(items[j].Children) == 0; j++ {
			t := ItemText(items[j].Text)
			if r, _ := utf8.DecodeRuneInString(t); !strings.ContainsRune("0123456789<>≤≥", r) && !strings.HasPrefix(t, "to ") {
				break
			}
			starts = append(starts, len(joined)+1)
			joined += " " + t
			texts = append(texts, t)
		}
		if len(starts) == 0 {
			continue
		}
		cells, _, to, alt, ok := ageTable(joined)
		if !ok || to < len(joined)-2 {
			continue // rows the table does not read to the end: leave them
		}
		for c := range cells {
			k := len(starts) - 1
			for k > 0 && cells[c].span[0] < starts[k] {
				k--
			}
			if cells[c].span[0] < starts[k] {
				return
			}
			cells[c].item = k + 1
			cells[c].span[0] -= starts[k]
			cells[c].span[1] -= starts[k]
		}
		// a row the word parser read a bound from is not only a row
		read := false
		for f := first; f < len(x.found) && !read; f++ {
			read = slices.Contains(texts[1:], x.found[f].r.Text)
		}
		if read {
			continue
		}
		x.addAgeTableRows(texts, ctx, cells, alt)
		i = j - 1
	}
}
