package eligibility

import (
	"math"
	"strconv"
	"strings"

	"github.com/trials-app/trials/model"
)

// Describe is a requirement's allowed range as a clinician reads it, in
// plain text: "ECOG ≤ 1", "platelets ≥ 75 ×10^9/L", "total bilirubin ≤ 1.5 ×
// ULN", "QTc < 470 ms", "BCLC B or C", "age 18–75 years", "Child-Pugh A–B
// (≤ 9)", "life expectancy ≥ 3 months". A bound at a scale's floor or
// ceiling is left out ("ECOG 0–1" reads "ECOG ≤ 1"), as SPEC 4.3 treats it.
func Describe(r model.Requirement) string {
	name := DisplayName(r.Variable)
	if r.Variable == "bclc_stage" {
		return name + " " + orList(r.Values)
	}
	v, known := varByName[r.Variable]
	lo, hi := r.Min, r.Max
	loInc, hiInc := r.MinInclusive != nil && *r.MinInclusive, r.MaxInclusive != nil && *r.MaxInclusive
	if known && vars[v].scale {
		if lo != nil && *lo <= vars[v].floor {
			lo = nil
		}
		if hi != nil && *hi >= vars[v].ceil {
			hi = nil
		}
	}
	if lo == nil && hi == nil {
		return name + " (any)"
	}
	inMonths := ageInMonths(lo, hi)
	num := func(x float64) string { return formatValue(r.Variable, r.Unit, x, inMonths) }
	unit := unitText(r.Variable, r.Unit, lo, hi)
	var s string
	switch {
	case lo != nil && hi != nil && loInc && hiInc:
		s = name + " " + num(*lo) + "–" + num(*hi)
	case lo != nil && hi != nil:
		s = name + " " + sign(true, loInc) + " " + num(*lo) + " and " + sign(false, hiInc) + " " + num(*hi)
	case lo != nil:
		s = name + " " + sign(true, loInc) + " " + num(*lo)
	default:
		s = name + " " + sign(false, hiInc) + " " + num(*hi)
	}
	if unit != "" {
		if unit == "%" {
			s += unit
		} else {
			s += " " + unit
		}
	}
	if r.Variable == "child_pugh_score" && (lo == nil || *lo <= 5) && hi != nil {
		switch *hi {
		case 6:
			s += " (A)"
		case 9:
			s += " (A–B)"
		}
	}
	return s
}

func sign(lower, inclusive bool) string {
	switch {
	case lower && inclusive:
		return "≥"
	case lower:
		return ">"
	case inclusive:
		return "≤"
	}
	return "<"
}

// months reports whether weeks is a whole number of months as SPEC §3
// converts them (3 months = 13.035 weeks), so it reads back as written.
func months(weeks float64) (float64, bool) {
	m := weeks / 4.345
	if r := math.Round(m); r >= 1 && math.Abs(m-r) < 0.005 && math.Abs(weeks-math.Round(weeks)) > 0.001 {
		return r, true
	}
	return 0, false
}

func formatValue(variable string, u model.Unit, x float64, inMonths bool) string {
	switch {
	case variable == "life_expectancy" && u == "weeks":
		if m, ok := months(x); ok {
			return fmtNum(m)
		}
	case variable == "age" && u == "years" && inMonths:
		return fmtNum(math.Round(x * 12))
	}
	return fmtNum(x)
}

// ageInMonths reports an age range best read in months: every bound under
// two years and a whole number of months ("≥ 6 months").
func ageInMonths(lo, hi *float64) bool {
	any := false
	for _, p := range []*float64{lo, hi} {
		if p == nil {
			continue
		}
		m := *p * 12
		if *p >= 2 || math.Abs(m-math.Round(m)) > 0.01 || math.Round(m) < 1 {
			return false
		}
		any = true
	}
	return any
}

func unitText(variable string, u model.Unit, lo, hi *float64) string {
	switch {
	case variable == "life_expectancy" && u == "weeks":
		for _, p := range []*float64{lo, hi} {
			if p != nil {
				if _, ok := months(*p); ok {
					return "months"
				}
			}
		}
		return "weeks"
	case variable == "age" && u == "years":
		if ageInMonths(lo, hi) {
			return "months"
		}
		return "years"
	}
	switch u {
	case "":
		return ""
	case "10^9/L":
		return "×10^9/L"
	case "xULN":
		return "× ULN"
	case "ratio":
		return ""
	case "mL/min/1.73m2":
		return "mL/min/1.73 m²"
	}
	return string(u)
}

func fmtNum(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
}

func orList(vs []string) string {
	switch len(vs) {
	case 0:
		return "(none)"
	case 1:
		return vs[0]
	}
	return strings.Join(vs[:len(vs)-1], ", ") + " or " + vs[len(vs)-1]
}
