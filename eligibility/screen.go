package eligibility

import (
	"math"
	"strconv"
	"strings"

	"github.com/trials-app/trials/model"
)

// Status is a requirement's verdict for a patient.
type Status string

// Statuses.
const (
	Met     Status = "met"
	NotMet  Status = "not_met"
	Unknown Status = "unknown"
)

// Verdict is a trial's verdict for a patient. "possible" means nothing
// extracted excludes the patient — not that the patient is eligible.
type Verdict string

// Verdicts.
const (
	Possible Verdict = "possible"
	Excluded Verdict = "excluded"
)

// Check is one requirement with the patient's value (a float64, a string
// for bclc_stage, or nil) and its status.
type Check struct {
	Requirement model.Requirement
	Value       any
	Status      Status
}

// VariableCheck is the verdict on one variable of a trial.
type VariableCheck struct {
	Variable string
	Status   Status
}

// StructuredCheck is the verdict on the registry's own age range or sex.
type StructuredCheck struct {
	Field    string // "age" or "sex"
	Registry string // what the registry states: "18 Years–75 Years", "MALE"
	Value    any    // the patient's value, or nil
	Status   Status
}

// Result is a trial screened for a patient (SPEC.md §5).
type Result struct {
	Verdict      Verdict
	Requirements []Check         // in the order of the trial's requirements
	Variables    []VariableCheck // each variable the requirements constrain, in order of first mention
	Structured   []StructuredCheck
	NotMet       []string // variables an unconditional requirement is not met on
	Unknown      []string // variables whose verdict is unknown
}

// UnknownCount is how many things could not be checked: the unknown
// variables and the registry fields whose patient value is unknown.
func (r Result) UnknownCount() int {
	n := len(r.Unknown)
	for _, s := range r.Structured {
		if s.Status == Unknown {
			n++
		}
	}
	return n
}

// Requirements returns the trial's requirements: those already read
// (t.Eligibility.Requirements), or read now.
func Requirements(t *model.Trial) []model.Requirement {
	if len(t.Eligibility.Requirements) > 0 {
		return t.Eligibility.Requirements
	}
	return Extract(&t.Eligibility)
}

// Screen checks a patient against a trial: every requirement, every
// variable, the registry's age range and sex, and the overall verdict.
// Conditional requirements are checked and shown but never decide.
func Screen(t *model.Trial, p Patient) Result {
	res := ScreenRequirements(Requirements(t), p)
	res.Structured = structured(&t.Eligibility, &p)
	for _, s := range res.Structured {
		if s.Status == NotMet {
			res.Verdict = Excluded
		}
	}
	return res
}

// ScreenRequirements checks a patient against requirements alone.
func ScreenRequirements(reqs []model.Requirement, p Patient) Result {
	res := Result{Verdict: Possible, Requirements: make([]Check, 0, len(reqs))}
	type acc struct {
		uncond, notMet, unknown bool
	}
	byVar := map[string]*acc{}
	var order []string
	for _, r := range reqs {
		v, st := check(r, &p)
		res.Requirements = append(res.Requirements, Check{Requirement: r, Value: v, Status: st})
		a := byVar[r.Variable]
		if a == nil {
			a = &acc{}
			byVar[r.Variable] = a
			order = append(order, r.Variable)
		}
		if r.Conditional {
			continue
		}
		a.uncond = true
		switch st {
		case NotMet:
			a.notMet = true
		case Unknown:
			a.unknown = true
		}
	}
	for _, name := range order {
		a := byVar[name]
		st := Met
		switch {
		case a.notMet:
			st = NotMet
		case !a.uncond || a.unknown:
			st = Unknown
		}
		res.Variables = append(res.Variables, VariableCheck{Variable: name, Status: st})
		switch st {
		case NotMet:
			res.NotMet = append(res.NotMet, name)
			res.Verdict = Excluded
		case Unknown:
			res.Unknown = append(res.Unknown, name)
		}
	}
	return res
}

// check evaluates one requirement against the field of the same variable
// and unit; there is no conversion between units.
func check(r model.Requirement, p *Patient) (any, Status) {
	var f *Field
	for i := range Fields {
		if Fields[i].Variable == r.Variable && Fields[i].ReqUnit == r.Unit {
			f = &Fields[i]
			break
		}
	}
	if f == nil {
		return nil, Unknown
	}
	v := f.get(p)
	if v == nil {
		return nil, Unknown
	}
	if r.Variable == "bclc_stage" {
		s, _ := v.(string)
		for _, x := range r.Values {
			if strings.EqualFold(x, s) {
				return v, Met
			}
		}
		return v, NotMet
	}
	x, ok := v.(float64)
	if !ok {
		return v, Unknown
	}
	return v, within(x, r)
}

func within(x float64, r model.Requirement) Status {
	if r.Min != nil {
		inc := r.MinInclusive == nil || *r.MinInclusive
		if x < *r.Min || x == *r.Min && !inc {
			return NotMet
		}
	}
	if r.Max != nil {
		inc := r.MaxInclusive == nil || *r.MaxInclusive
		if x > *r.Max || x == *r.Max && !inc {
			return NotMet
		}
	}
	return Met
}

// structured checks the registry's minimum and maximum age and its sex.
func structured(el *model.Eligibility, p *Patient) []StructuredCheck {
	var out []StructuredCheck
	lo, loOK := registryAge(el.MinAge)
	hi, hiOK := registryAge(el.MaxAge)
	if loOK || hiOK {
		c := StructuredCheck{Field: "age", Registry: ageRange(el.MinAge, el.MaxAge, loOK, hiOK), Status: Unknown}
		if p.Age != nil {
			c.Value = *p.Age
			c.Status = Met
			// a registry maximum of "75 Years" admits a patient of 75 years and
			// some months
			if loOK && *p.Age < lo.years || hiOK && math.Floor(*p.Age*hi.per)/hi.per > hi.years {
				c.Status = NotMet
			}
		}
		out = append(out, c)
	}
	switch el.Sex {
	case model.SexAll:
		c := StructuredCheck{Field: "sex", Registry: string(el.Sex), Status: Met}
		if p.Sex != nil {
			c.Value = *p.Sex
		}
		out = append(out, c)
	case model.SexFemale, model.SexMale:
		c := StructuredCheck{Field: "sex", Registry: string(el.Sex), Status: Unknown}
		if p.Sex != nil {
			c.Value = *p.Sex
			c.Status = NotMet
			if strings.EqualFold(*p.Sex, string(el.Sex)) {
				c.Status = Met
			}
		}
		out = append(out, c)
	}
	return out
}

type regAge struct {
	years float64 // the limit in years
	per   float64 // units per year of the limit as written (1 for years, 12 for months)
}

// registryAge reads "18 Years", "6 Months", "2 Weeks"; "N/A" and "" are no limit.
func registryAge(s string) (regAge, bool) {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return regAge{}, false
	}
	n, err := strconv.ParseFloat(f[0], 64)
	if err != nil || n < 0 || math.IsNaN(n) || math.IsInf(n, 0) {
		return regAge{}, false
	}
	unit := "years"
	if len(f) > 1 {
		unit = f[1]
	}
	switch {
	case strings.HasPrefix(unit, "year"):
		return regAge{n, 1}, true
	case strings.HasPrefix(unit, "month"):
		return regAge{n / 12, 12}, true
	case strings.HasPrefix(unit, "week"):
		return regAge{n / 52.14, 52.14}, true
	case strings.HasPrefix(unit, "day"):
		return regAge{n / 365.25, 365.25}, true
	case strings.HasPrefix(unit, "hour"):
		return regAge{n / 8766, 8766}, true
	case strings.HasPrefix(unit, "minute"):
		return regAge{n / 525960, 525960}, true
	}
	return regAge{}, false
}

func ageRange(min, max string, loOK, hiOK bool) string {
	switch {
	case loOK && hiOK:
		return min + "–" + max
	case loOK:
		return "≥ " + min
	}
	return "≤ " + max
}
