package eligibility

import (
	"math"
	"math/bits"

	"github.com/trials-app/trials/model"
)

// varID identifies one variable of SPEC.md §2.
type varID uint8

const (
	vNone varID = iota
	vECOG
	vKarnofsky
	vLansky
	vChildPugh
	vBCLC
	vPlatelets
	vANC
	vWBC
	vLymphocytes
	vHemoglobin
	vBilirubin
	vAST
	vALT
	vAlbumin
	vINR
	vCreatinine
	vCrCl
	vEGFR
	vLifeExpectancy
	vLVEF
	vQTc
	vAge
	nVars
)

// varMask is a set of variables: a mention such as "transaminases" names two.
type varMask uint32

func (m varMask) has(v varID) bool { return m&(1<<v) != 0 }

func maskOf(vs ...varID) varMask {
	var m varMask
	for _, v := range vs {
		m |= 1 << v
	}
	return m
}

// each calls fn for every variable in m, in the order of varID.
func (m varMask) each(fn func(varID)) {
	// bit by bit over the set ones only: most masks name one variable, and
	// emit asks for every candidate's
	for b := uint32(m) & (1<<nVars - 1) &^ 1; b != 0; b &= b - 1 {
		fn(varID(bits.TrailingZeros32(b)))
	}
}

type varInfo struct {
	name    string // the SPEC.md name
	display string // how a clinician reads it
	scale   bool   // an integer scale: bounds are always inclusive
	floor   float64
	ceil    float64
	// the plausible range of a threshold, per canonical unit
	plausible map[model.Unit][2]float64
}

var vars = [nVars]varInfo{
	vECOG:      {name: "ecog", display: "ECOG", scale: true, floor: 0, ceil: 5, plausible: map[model.Unit][2]float64{"": {0, 5}}},
	vKarnofsky: {name: "karnofsky", display: "Karnofsky", scale: true, floor: 0, ceil: 100, plausible: map[model.Unit][2]float64{"": {10, 100}}},
	vLansky:    {name: "lansky", display: "Lansky", scale: true, floor: 0, ceil: 100, plausible: map[model.Unit][2]float64{"": {10, 100}}},
	vChildPugh: {name: "child_pugh_score", display: "Child-Pugh", scale: true, floor: 5, ceil: 15, plausible: map[model.Unit][2]float64{"": {5, 15}}},
	vBCLC:      {name: "bclc_stage", display: "BCLC"},
	vPlatelets: {name: "platelets", display: "platelets", plausible: map[model.Unit][2]float64{unit109: {5, 1000}}},
	vANC:       {name: "anc", display: "ANC", plausible: map[model.Unit][2]float64{unit109: {0.1, 20}}},
	vWBC:       {name: "wbc", display: "WBC", plausible: map[model.Unit][2]float64{unit109: {0.5, 200}}},
	vLymphocytes: {name: "lymphocytes", display: "lymphocytes",
		plausible: map[model.Unit][2]float64{unit109: {0.05, 150}}}, // CLL trials exclude lymphocytosis up to 100 ×10^9/L
	vHemoglobin: {name: "hemoglobin", display: "hemoglobin", plausible: map[model.Unit][2]float64{"g/dL": {3, 20}}},
	vBilirubin: {name: "bilirubin", display: "total bilirubin",
		plausible: map[model.Unit][2]float64{"xULN": {0.5, 20}, "mg/dL": {0.1, 30}}},
	vAST:     {name: "ast", display: "AST", plausible: map[model.Unit][2]float64{"xULN": {0.5, 50}, "U/L": {5, 2000}}},
	vALT:     {name: "alt", display: "ALT", plausible: map[model.Unit][2]float64{"xULN": {0.5, 50}, "U/L": {5, 2000}}},
	vAlbumin: {name: "albumin", display: "albumin", plausible: map[model.Unit][2]float64{"g/dL": {1, 6}}},
	vINR:     {name: "inr", display: "INR", plausible: map[model.Unit][2]float64{"ratio": {0.5, 10}, "xULN": {0.5, 10}}},
	vCreatinine: {name: "creatinine", display: "creatinine",
		plausible: map[model.Unit][2]float64{"mg/dL": {0.2, 15}, "xULN": {0.5, 10}}},
	vCrCl: {name: "creatinine_clearance", display: "creatinine clearance",
		plausible: map[model.Unit][2]float64{"mL/min": {5, 250}}},
	vEGFR: {name: "egfr", display: "eGFR", plausible: map[model.Unit][2]float64{"mL/min/1.73m2": {5, 250}}},
	vLifeExpectancy: {name: "life_expectancy", display: "life expectancy",
		plausible: map[model.Unit][2]float64{"weeks": {1, 1100}}},
	vLVEF: {name: "lvef", display: "LVEF", plausible: map[model.Unit][2]float64{"%": {5, 95}}},
	vQTc:  {name: "qtc", display: "QTc", plausible: map[model.Unit][2]float64{"ms": {250, 700}}},
	vAge:  {name: "age", display: "age", plausible: map[model.Unit][2]float64{"years": {0.001, 120}}},
}

const unit109 model.Unit = "10^9/L"

// varByName maps SPEC.md names to ids.
var varByName = func() map[string]varID {
	m := make(map[string]varID, nVars)
	for v := vECOG; v < nVars; v++ {
		m[vars[v].name] = v
	}
	return m
}()

// Variables lists the SPEC.md variable names in their canonical order.
func Variables() []string {
	out := make([]string, 0, nVars-1)
	for v := vECOG; v < nVars; v++ {
		out = append(out, vars[v].name)
	}
	return out
}

// DisplayName is how a variable reads to a clinician: "ECOG",
// "Child-Pugh", "platelets", "total bilirubin", "creatinine clearance".
// An unknown name is returned as given.
func DisplayName(variable string) string {
	if v, ok := varByName[variable]; ok {
		return vars[v].display
	}
	return variable
}

// Raw units, as the unit parser names them before conversion.
const (
	ruNone      = ""
	ruCells109  = "10^9/L"  // × 10^9/L, × 10^3/µL, K/µL, /nL
	ruCellsUL   = "/uL"     // /µL, /mm³, /mcL, per cu mm
	ruCellsML   = "/mL"     // a typo for /µL (SPEC 4.14)
	ruCells104  = "10^4/uL" // Japanese records: "10 × 10^4/µL" = 100 × 10^9/L
	ruGdL       = "g/dL"
	ruGL        = "g/L" // grams per litre, or giga (cells) per litre
	ruMgdL      = "mg/dL"
	ruMgL       = "mg/L"
	ruMgmL      = "mg/mL" // a bilirubin or creatinine "≤ 1.5 mg/mL" is mg/dL mistyped (SPEC 4.14)
	ruMmolL     = "mmol/L"
	ruUmolL     = "umol/L"
	ruUL        = "U/L"
	ruXULN      = "xULN"
	ruMLmin     = "mL/min"
	ruMLmin173  = "mL/min/1.73m2"
	ruMLs       = "mL/s"
	ruMLs173    = "mL/s/1.73m2"
	ruPercent   = "%"
	ruMs        = "ms"
	ruSeconds   = "s"
	ruWeeks     = "weeks"
	ruMonths    = "months"
	ruYears     = "years"
	ruDays      = "days"
	ruHours     = "hours"
	ruPoints    = "points"
	ruForeign   = "?" // a unit of something else: kg, mmHg, ng/mL …
	ruLLN       = "xLLN"
	ruRatioWord = "ratio"
)

func isTimeUnit(u string) bool {
	return u == ruWeeks || u == ruMonths || u == ruYears || u == ruDays || u == ruHours
}

// convert reads value v written in raw unit u as variable x, returning the
// canonical unit and value, or ok=false when the unit does not fit the
// variable or the value is not a plausible threshold. alt is a second
// reading of the number ("100.000" as one hundred thousand), tried when the
// first is implausible.
func convert(x varID, v, alt float64, u string) (model.Unit, float64, bool) {
	cu, cv, ok := convert1(x, v, u)
	if ok && plausible(x, cu, cv) {
		return cu, round3(cv), true
	}
	if alt > 0 && alt != v {
		if cu, cv, ok := convert1(x, alt, u); ok && plausible(x, cu, cv) {
			return cu, round3(cv), true
		}
	}
	// "Platelets ≥ 100,000 × 10^9/L", "ANC ≥ 1,500 × 10^9/L": a count per
	// µL written with the unit of the count per nL — no other reading is
	// possible (SPEC 4.14)
	if u == ruCells109 && v >= 1000 && (x == vPlatelets || x == vANC || x == vWBC || x == vLymphocytes) {
		if cu, cv, ok := convert1(x, v/1000, u); ok && plausible(x, cu, cv) {
			return cu, round3(cv), true
		}
	}
	return "", 0, false
}

func plausible(x varID, u model.Unit, v float64) bool {
	r, ok := vars[x].plausible[u]
	if !ok {
		return false
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	if vars[x].scale && v != math.Trunc(v) {
		return false
	}
	return v >= r[0] && v <= r[1]
}

// round3 rounds to three decimals, or to four significant digits below
// one, so that an age of 72 hours (0.008214 years) keeps its precision.
func round3(v float64) float64 {
	if a := math.Abs(v); a > 0 && a < 1 {
		scale := math.Pow(10, 3-math.Floor(math.Log10(a)))
		return math.Round(v*scale) / scale
	}
	return math.Round(v*1000) / 1000
}

// mgPerL reads a bilirubin or creatinine given in mg/L: ÷ 10, except a
// value below 5, whose only clinically possible reading is mg/dL with a
// typo (an upper limit of 0.15 mg/dL would exclude every patient).
func mgPerL(v float64) float64 {
	if v < 5 {
		return v
	}
	return v / 10
}

// mmolAsUmol reads a bilirubin or creatinine written in mmol/L as µmol/L:
// a whole number of mmol/L ("total bilirubin ≤ 30mmol/L") is µmol/L
// mistyped, a fraction below one is the true unit (0.03 mmol/L).
func mmolAsUmol(v float64) float64 {
	if v >= 1 {
		return v
	}
	return v * 1000
}

// convert1 applies SPEC.md §3 without judging plausibility, except where
// the unit is missing or mistyped and the magnitude decides the reading.
func convert1(x varID, v float64, u string) (model.Unit, float64, bool) {
	switch x {
	case vECOG, vChildPugh:
		if u == ruNone || u == ruPoints {
			return "", v, true
		}
	case vKarnofsky, vLansky: // percent scales: "Lansky 50-100%"
		if u == ruNone || u == ruPoints || u == ruPercent {
			return "", v, true
		}
	case vPlatelets, vANC, vWBC, vLymphocytes:
		switch u {
		case ruCells109, ruGL:
			return unit109, v, true
		case ruCellsUL, ruCellsML:
			if u == ruCellsUL && x == vANC && thousandsPerUL(v) {
				return unit109, v, true
			}
			// "WBC count at least 3.5/mm^3": a fraction of a cell per µL is
			// thousands (SPEC 4.14); a whole count ("CSF WBC < 5/µL") is
			// read as written
			if u == ruCellsUL && x == vWBC && v != math.Trunc(v) && thousandsPerUL(v) {
				return unit109, v, true
			}
			return unit109, v / 1000, true
		case ruCells104:
			return unit109, v * 10, true
		case ruNone:
			// only one canonical unit: the magnitude tells per-µL counts
			// ("ANC ≥ 1500") from 10^9/L ones ("ANC ≥ 1.5")
			if v >= perULFrom(x) {
				return unit109, v / 1000, true
			}
			return unit109, v, true
		}
	case vHemoglobin:
		switch u {
		case ruGdL:
			if v >= 40 { // "hemoglobin < 90g/dl": g/L mistyped (SPEC 4.14)
				return "g/dL", v / 10, true
			}
			return "g/dL", v, true
		case ruGL:
			if v < 30 { // "≥ 8 g/L" is 8 g/dL (SPEC 4.14)
				return "g/dL", v, true
			}
			return "g/dL", v / 10, true
		case ruMgdL: // "Hb < 8.5 mg/dl": only g/dL is compatible with life
			return "g/dL", v, true
		case ruMmolL:
			return "g/dL", v * 1.611, true
		case ruNone:
			if v >= 40 {
				return "g/dL", v / 10, true
			}
			return "g/dL", v, true
		}
	case vAlbumin:
		switch u {
		case ruGdL:
			if v >= 10 { // "albumin ≥ 25 g/dL": g/L mistyped (SPEC 4.14)
				return "g/dL", v / 10, true
			}
			return "g/dL", v, true
		case ruGL:
			if v < 10 {
				return "g/dL", v, true
			}
			return "g/dL", v / 10, true
		case ruMgdL:
			if v >= 10 { // "Albumin ≥ 25mg/dL" (DEV26 NCT01096732): g/L mistyped
				return "g/dL", v / 10, true
			}
			return "g/dL", v, true
		case ruNone:
			if v >= 10 {
				return "g/dL", v / 10, true
			}
			return "g/dL", v, true
		}
	case vBilirubin:
		switch u {
		case ruMgdL, ruMgmL:
			return "mg/dL", v, true
		case ruGdL:
			// "total bilirubin < 3.0g/dl" (DEV43 NCT03258567): a gram of
			// bilirubin per decilitre is incompatible with life, the
			// milligram is meant (SPEC 4.14)
			if v <= 10 {
				return "mg/dL", v, true
			}
		case ruMgL:
			return "mg/dL", mgPerL(v), true
		case ruUmolL:
			return "mg/dL", v / 17.1, true
		case ruMmolL:
			return "mg/dL", mmolAsUmol(v) / 17.1, true
		case ruXULN:
			return "xULN", v, true
		}
	case vCreatinine:
		switch u {
		case ruMgdL, ruMgmL:
			return "mg/dL", v, true
		case ruMgL:
			return "mg/dL", mgPerL(v), true
		case ruUmolL:
			return "mg/dL", v / 88.4, true
		case ruMmolL:
			return "mg/dL", mmolAsUmol(v) / 88.4, true
		case ruXULN:
			return "xULN", v, true
		}
	case vAST, vALT:
		switch u {
		case ruXULN:
			return "xULN", v, true
		case ruUL:
			return "U/L", v, true
		}
	case vINR:
		switch u {
		case ruNone, ruRatioWord:
			return "ratio", v, true
		case ruXULN:
			return "xULN", v, true
		}
	case vCrCl:
		switch u {
		case ruMLmin, ruMLmin173, ruNone:
			return "mL/min", v, true
		case ruMLs, ruMLs173:
			return "mL/min", v * 60, true
		}
	case vEGFR:
		switch u {
		case ruMLmin, ruMLmin173, ruNone:
			return "mL/min/1.73m2", v, true
		case ruMLs, ruMLs173:
			return "mL/min/1.73m2", v * 60, true
		}
	case vLifeExpectancy:
		switch u {
		case ruWeeks:
			return "weeks", v, true
		case ruMonths:
			return "weeks", v * 4.345, true
		case ruYears:
			return "weeks", v * 52.14, true
		case ruDays:
			return "weeks", v / 7, true
		}
	case vLVEF:
		if u == ruNone && v > 0 && v < 1 {
			return "%", v * 100, true // a fraction: "LVEF ≥ 0.50"
		}
		if u == ruPercent || u == ruNone {
			return "%", v, true
		}
	case vQTc:
		if u == ruMs || u == ruNone {
			return "ms", v, true
		}
		if u == ruSeconds {
			// "QTc ≤ 0.47 sec": the same interval in seconds (rounded so
			// that 0.47 reads 470, not 470.00000000000006)
			return "ms", math.Round(v*1e6) / 1e3, true
		}
	case vAge:
		switch u {
		case ruYears, ruNone:
			return "years", v, true
		case ruMonths:
			return "years", v / 12, true
		case ruWeeks:
			return "years", v / 52.14, true
		case ruDays:
			return "years", v / 365.25, true
		case ruHours:
			return "years", v / 8766, true
		}
	}
	return "", 0, false
}

// perULFrom is the smallest unitless count read as cells per µL.
func perULFrom(x varID) float64 {
	switch x {
	case vPlatelets:
		return 5000
	case vANC:
		return 100
	case vWBC:
		return 500
	}
	return 50
}
