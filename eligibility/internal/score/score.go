// Package score is a faithful port of ../shared/eligibility/compare.py's
// scoring (SPEC.md §6): extracted requirements are matched to hand-made
// truth per trial and per (variable, unit, conditional) group, after both
// sides are normalised the same way.
package score

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Req is one requirement in the truth schema, as decoded from JSON.
type Req struct {
	Variable     string   `json:"variable"`
	Min          *float64 `json:"min"`
	Max          *float64 `json:"max"`
	MinInclusive *bool    `json:"min_inclusive"`
	MaxInclusive *bool    `json:"max_inclusive"`
	Unit         *string  `json:"unit"`
	Values       []any    `json:"values"`
	From         string   `json:"from"`
	Conditional  bool     `json:"conditional"`
	Text         string   `json:"text"`
}

// Trial is the requirements of one trial.
type Trial struct {
	ID           string `json:"id"`
	Requirements []Req  `json:"requirements"`
}

var variables = []string{"ecog", "karnofsky", "lansky", "child_pugh_score", "bclc_stage", "platelets", "anc", "wbc",
	"lymphocytes", "hemoglobin", "bilirubin", "ast", "alt", "albumin", "inr", "pt_seconds_over",
	"creatinine", "creatinine_clearance", "egfr", "life_expectancy", "lvef", "qtc", "age"}

var scale = map[string][2]float64{"ecog": {0, 5}, "karnofsky": {0, 100}, "lansky": {0, 100}, "child_pugh_score": {5, 15}}

var varAliases = map[string]string{"child_pugh": "child_pugh_score", "childpugh": "child_pugh_score", "cps": "child_pugh_score",
	"bclc": "bclc_stage", "platelet": "platelets", "platelet_count": "platelets",
	"neutrophils": "anc", "absolute_neutrophil_count": "anc", "hgb": "hemoglobin", "haemoglobin": "hemoglobin",
	"hb": "hemoglobin", "total_bilirubin": "bilirubin", "crcl": "creatinine_clearance",
	"gfr": "egfr", "qtcf": "qtc", "kps": "karnofsky", "lymphocyte": "lymphocytes",
	"leukocytes": "wbc", "white_blood_cells": "wbc"}

var defaultUnit = map[string]string{"inr": "ratio"}

var sepRe = regexp.MustCompile(`[\s\-]+`)

func normVar(v string) string {
	k := sepRe.ReplaceAllString(strings.ToLower(strings.TrimSpace(v)), "_")
	if a, ok := varAliases[k]; ok {
		return a
	}
	return k
}

var (
	ulnRe   = regexp.MustCompile(`^(?:(?:x|times)?uln|x?upperlimitofnormal|\*uln)$`)
	cellsRe = regexp.MustCompile(`^(?:x?(?:10e?9|109|1e9)/l|g/l_cells|x?(?:10e?3|103|1e3)/(?:ul|mcl|mm3)|k/ul|thou/ul|giga/l)$`)
)

var unitTable = map[string]string{"g/dl": "g/dL", "mg/dl": "mg/dL", "u/l": "U/L", "iu/l": "U/L", "ml/min": "mL/min",
	"ml/min/1.73m2": "mL/min/1.73m2", "ml/min/1.73m²": "mL/min/1.73m2", "ml/min/1.73": "mL/min/1.73m2",
	"week": "weeks", "weeks": "weeks", "wk": "weeks", "wks": "weeks", "w": "weeks",
	"%": "%", "percent": "%", "ms": "ms", "msec": "ms", "milliseconds": "ms",
	"year": "years", "years": "years", "y": "years", "yr": "years", "yrs": "years",
	"ratio": "ratio", "s": "s", "sec": "s", "seconds": "s"}

// normUnit returns the canonical unit, and false for "no unit" (Python's None).
func normUnit(v string, u *string) (string, bool) {
	if u == nil {
		d, ok := defaultUnit[v]
		return d, ok
	}
	t := strings.ToLower(strings.TrimSpace(*u))
	switch t {
	case "", "none", "null", "points", "score", "stage", "class":
		d, ok := defaultUnit[v]
		return d, ok
	}
	s := strings.NewReplacer("µ", "u", "μ", "u", "×", "x", " ", "").Replace(t)
	s = strings.NewReplacer("^", "", "**", "").Replace(s)
	if _, ok := scale[v]; ok || v == "bclc_stage" {
		return "", false
	}
	if ulnRe.MatchString(s) {
		return "xULN", true
	}
	if cellsRe.MatchString(s) {
		return "10^9/L", true
	}
	if c, ok := unitTable[s]; ok {
		return c, true
	}
	if v == "creatinine_clearance" && strings.HasPrefix(s, "ml/min") {
		return "mL/min", true
	}
	if v == "egfr" && strings.HasPrefix(s, "ml/min") {
		return "mL/min/1.73m2", true
	}
	return strings.TrimSpace(*u), true
}

type key struct {
	variable string
	unit     string
	hasUnit  bool
	cond     bool
}

type canon struct {
	lo, hi       float64
	hasLo, hasHi bool
	li, hii      bool // meaningful only when the bound is present
	vals         string
	hasVals      bool
}

func normalise(r Req) (key, canon, bool) {
	v := normVar(r.Variable)
	known := false
	for _, x := range variables {
		if x == v {
			known = true
		}
	}
	if !known {
		return key{}, canon{}, false
	}
	u, hasU := normUnit(v, r.Unit)
	k := key{variable: v, unit: u, hasUnit: hasU, cond: r.Conditional}
	var c canon
	if r.Min != nil {
		c.lo, c.hasLo = *r.Min, true
		c.li = r.MinInclusive == nil || *r.MinInclusive
	}
	if r.Max != nil {
		c.hi, c.hasHi = *r.Max, true
		c.hii = r.MaxInclusive == nil || *r.MaxInclusive
	}
	if v == "bclc_stage" {
		set := map[string]bool{}
		for _, x := range r.Values {
			set[strings.ToUpper(strings.TrimSpace(fmt.Sprint(x)))] = true
		}
		var vs []string
		for x := range set {
			vs = append(vs, x)
		}
		sort.Strings(vs)
		c = canon{vals: strings.Join(vs, ","), hasVals: true}
	}
	if sc, ok := scale[v]; ok {
		if c.hasLo && !c.li {
			c.lo, c.li = math.Floor(c.lo)+1, true
		}
		if c.hasHi && !c.hii {
			c.hi, c.hii = math.Ceil(c.hi)-1, true
		}
		if c.hasLo && c.lo <= sc[0] {
			c.hasLo, c.lo, c.li = false, 0, false
		}
		if c.hasHi && c.hi >= sc[1] {
			c.hasHi, c.hi, c.hii = false, 0, false
		}
	}
	return k, c, true
}

func close(a, b float64, hasA, hasB bool, tol float64) bool {
	if !hasA || !hasB {
		return !hasA && !hasB
	}
	if a == b {
		return true
	}
	return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b))
}

func match(a, b canon, tol float64) bool {
	if a.hasVals || b.hasVals {
		return a.hasVals == b.hasVals && a.vals == b.vals
	}
	return close(a.lo, b.lo, a.hasLo, b.hasLo, tol) && close(a.hi, b.hi, a.hasHi, b.hasHi, tol) &&
		a.hasLo == b.hasLo && a.hasHi == b.hasHi && (!a.hasLo || a.li == b.li) && (!a.hasHi || a.hii == b.hii)
}

type entry struct {
	c canon
	r Req
}

func groups(reqs []Req) (map[key][]entry, []key, int) {
	g := map[key][]entry{}
	var order []key
	ignored := 0
	type seenKey struct {
		k key
		c canon
	}
	seen := map[seenKey]bool{}
	for _, r := range reqs {
		k, c, ok := normalise(r)
		if !ok {
			ignored++
			continue
		}
		if seen[seenKey{k, c}] {
			continue
		}
		seen[seenKey{k, c}] = true
		if _, ok := g[k]; !ok {
			order = append(order, k)
		}
		g[k] = append(g[k], entry{c, r})
	}
	return g, order, ignored
}

// Result is the outcome of scoring.
type Result struct {
	Matched, Extracted, Truth int
	Misses                    []string // truth requirements not extracted
	FalsePositives            []string // extracted requirements not in the truth
	MissingTrials             int
}

// Precision is matched/extracted in percent.
func (r Result) Precision() float64 {
	if r.Extracted == 0 {
		return 0
	}
	return 100 * float64(r.Matched) / float64(r.Extracted)
}

// Recall is matched/truth in percent.
func (r Result) Recall() float64 {
	if r.Truth == 0 {
		return 0
	}
	return 100 * float64(r.Matched) / float64(r.Truth)
}

// Line is compare.py's last line.
func (r Result) Line() string {
	return fmt.Sprintf("eligibility: P=%.1f%% R=%.1f%% (%d/%d, %d/%d)", r.Precision(), r.Recall(),
		r.Matched, r.Extracted, r.Matched, r.Truth)
}

// Score compares the export (trial id → requirements) with the truth.
// Exported trials absent from the truth are ignored.
func Score(truth []Trial, export map[string][]Req, tol float64) Result {
	var res Result
	byID := map[string][]Req{}
	var ids []string
	for _, t := range truth {
		if _, ok := byID[t.ID]; !ok {
			ids = append(ids, t.ID)
		}
		byID[t.ID] = append(byID[t.ID], t.Requirements...)
	}
	sort.Strings(ids)
	for _, id := range ids {
		tg, torder, _ := groups(byID[id])
		ex, ok := export[id]
		if !ok {
			res.MissingTrials++
		}
		eg, eorder, _ := groups(ex)
		keys := append([]key{}, torder...)
		for _, k := range eorder {
			if _, ok := tg[k]; !ok {
				keys = append(keys, k)
			}
		}
		for _, k := range keys {
			tl, el := tg[k], eg[k]
			used := make([]bool, len(el))
			for _, t := range tl {
				hit := -1
				for i, e := range el {
					if !used[i] && match(t.c, e.c, tol) {
						hit = i
						break
					}
				}
				if hit < 0 {
					res.Misses = append(res.Misses, id+" "+format(k, t.c, t.r))
				} else {
					used[hit] = true
					res.Matched++
				}
				res.Truth++
			}
			for i, e := range el {
				res.Extracted++
				if !used[i] {
					res.FalsePositives = append(res.FalsePositives, id+" "+format(k, e.c, e.r))
				}
			}
		}
	}
	return res
}

func format(k key, c canon, r Req) string {
	rng := ""
	if c.hasVals {
		rng = "{" + c.vals + "}"
	} else {
		if c.hasLo {
			if c.li {
				rng += "["
			} else {
				rng += "("
			}
			rng += strconv.FormatFloat(c.lo, 'g', -1, 64)
		}
		rng += ".."
		if c.hasHi {
			rng += strconv.FormatFloat(c.hi, 'g', -1, 64)
			if c.hii {
				rng += "]"
			} else {
				rng += ")"
			}
		}
	}
	cond := ""
	if k.cond {
		cond = " cond"
	}
	txt := strings.ReplaceAll(r.Text, "\n", " ")
	if len(txt) > 110 {
		txt = txt[:110]
	}
	return fmt.Sprintf("%s %s %s%s | %s", k.variable, rng, k.unit, cond, txt)
}
