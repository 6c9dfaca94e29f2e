package eligibility

import (
	"regexp"
	"strconv"
	"strings"
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

// ageTableCell is one value of the table and where it was read.
type ageTableCell struct {
	v    float64
	span [2]int
}

// ageTable reads a flattened table of maximum creatinine by age in text.
// It returns the cells in mg/dL, where the table starts and ends, and
// whether the text before the table offers it as an alternative.
func ageTable(text string) (cells []ageTableCell, from, to int, alt, ok bool) {
	if !strings.Contains(text, "aximum") && !strings.Contains(text, "AXIMUM") {
		return nil, 0, 0, false, false
	}
	h := ageTableHeadRe.FindStringSubmatchIndex(text)
	if h == nil {
		return nil, 0, 0, false, false
	}
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
		return nil, 0, 0, false, false
	}
	for _, r := range rows {
		for g := 2; g+1 < len(r); g += 2 {
			if r[g] < 0 {
				continue
			}
			v, err := strconv.ParseFloat(rest[r[g]:r[g+1]], 64)
			if err != nil {
				return nil, 0, 0, false, false
			}
			v *= scale
			if v < 0.1 || v > 4 {
				return nil, 0, 0, false, false // no creatinine limit: not this table
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
			if alt || ctx.alt {
				cause = causeAlternative
			}
		}
		x.push(text, ctx, cand{v: vCreatinine, unit: "mg/dL", hasHi: true, hiInc: true, hi: c.v, span: c.span,
			cond: cond, cause: cause, grp: -1})
	}
	push(cells[loosest], !everyone)
	for _, c := range cells {
		push(c, true)
	}
}
