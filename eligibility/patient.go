package eligibility

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/trials-app/trials/model"
)

// Patient is a pre-screening profile: the fields of SPEC.md §5 plus age
// and sex, each nil when unknown. Its JSON form is that of an entry of
// examples_patients.json's "patients" (id and summary optional).
type Patient struct {
	ID                  string   `json:"id,omitempty"`
	Summary             string   `json:"summary,omitempty"`
	Sex                 *string  `json:"sex"` // "female" or "male"
	Age                 *float64 `json:"age"` // years
	ECOG                *float64 `json:"ecog"`
	ChildPugh           *float64 `json:"child_pugh_score"`
	BCLC                *string  `json:"bclc_stage"` // "0", "A" … "D"
	Platelets           *float64 `json:"platelets"`  // 10^9/L
	ANC                 *float64 `json:"anc"`        // 10^9/L
	Hemoglobin          *float64 `json:"hemoglobin"` // g/dL
	BilirubinMgDL       *float64 `json:"bilirubin_mg_dl"`
	BilirubinXULN       *float64 `json:"bilirubin_xuln"`
	ASTXULN             *float64 `json:"ast_xuln"`
	ALTXULN             *float64 `json:"alt_xuln"`
	Albumin             *float64 `json:"albumin"` // g/dL
	INR                 *float64 `json:"inr"`     // ratio
	CreatinineMgDL      *float64 `json:"creatinine_mg_dl"`
	CreatinineClearance *float64 `json:"creatinine_clearance"` // mL/min
	LifeExpectancyWeeks *float64 `json:"life_expectancy_weeks"`
}

// FieldKind is how a field's value is written.
type FieldKind int

// Field kinds.
const (
	Number  FieldKind = iota // any number in [Min, Max]
	Integer                  // a whole number in [Min, Max]
	SexKind                  // "female" or "male"
	Stage                    // a BCLC stage: 0, A, B, C or D
)

// Field describes one patient field, so that a form, a command line and
// the validation all come from one list.
type Field struct {
	Key      string     // the JSON name: "platelets"
	Flag     string     // the command-line flag: "platelets", "child-pugh"
	Label    string     // a form's label: "Platelets"
	Name     string     // how messages name it: "platelets"
	Unit     string     // the unit shown beside it: "10^9/L"; "" for none
	Kind     FieldKind  // number, whole number, sex or stage
	Min, Max float64    // the accepted range of a number
	Hint     string     // help for a value out of range: "80,000/µL is 80"
	Variable string     // the SPEC.md variable it is compared with ("" for sex)
	ReqUnit  model.Unit // the requirement unit it is compared with
	get      func(*Patient) any
	set      func(*Patient, any)
}

func numField(ptr func(*Patient) **float64) (func(*Patient) any, func(*Patient, any)) {
	return func(p *Patient) any {
			if v := *ptr(p); v != nil {
				return *v
			}
			return nil
		}, func(p *Patient, v any) {
			if f, ok := v.(float64); ok {
				*ptr(p) = &f
			} else {
				*ptr(p) = nil
			}
		}
}

func strField(ptr func(*Patient) **string) (func(*Patient) any, func(*Patient, any)) {
	return func(p *Patient) any {
			if v := *ptr(p); v != nil {
				return *v
			}
			return nil
		}, func(p *Patient, v any) {
			if s, ok := v.(string); ok {
				*ptr(p) = &s
			} else {
				*ptr(p) = nil
			}
		}
}

// Fields lists the patient fields in form order.
var Fields = func() []Field {
	f := func(key, flag, label, name, unit string, kind FieldKind, lo, hi float64, hint, variable string, ru model.Unit,
		acc func(*Patient, any), get func(*Patient) any) Field {
		return Field{Key: key, Flag: flag, Label: label, Name: name, Unit: unit, Kind: kind, Min: lo, Max: hi, Hint: hint,
			Variable: variable, ReqUnit: ru, get: get, set: acc}
	}
	type num = func(*Patient) **float64
	n := func(key, flag, label, name, unit string, kind FieldKind, lo, hi float64, hint, variable string, ru model.Unit, ptr num) Field {
		get, set := numField(ptr)
		return f(key, flag, label, name, unit, kind, lo, hi, hint, variable, ru, set, get)
	}
	sexGet, sexSet := strField(func(p *Patient) **string { return &p.Sex })
	bclcGet, bclcSet := strField(func(p *Patient) **string { return &p.BCLC })
	return []Field{
		n("age", "age", "Age", "age", "years", Number, 0, 120, "", "age", "years", func(p *Patient) **float64 { return &p.Age }),
		f("sex", "sex", "Sex", "sex", "female/male", SexKind, 0, 0, "", "", "", sexSet, sexGet),
		n("ecog", "ecog", "ECOG performance status", "ECOG", "", Integer, 0, 5, "", "ecog", "", func(p *Patient) **float64 { return &p.ECOG }),
		n("child_pugh_score", "child-pugh", "Child-Pugh score", "Child-Pugh score", "5–15", Integer, 5, 15,
			"A5 is 5, B7 is 7", "child_pugh_score", "", func(p *Patient) **float64 { return &p.ChildPugh }),
		f("bclc_stage", "bclc", "BCLC stage", "BCLC stage", "0/A/B/C/D", Stage, 0, 0, "", "bclc_stage", "", bclcSet, bclcGet),
		n("platelets", "platelets", "Platelets", "platelets", "10^9/L", Number, 0, 2000, "80,000/µL is 80",
			"platelets", unit109, func(p *Patient) **float64 { return &p.Platelets }),
		n("anc", "anc", "Absolute neutrophil count", "ANC", "10^9/L", Number, 0, 100, "1,500/µL is 1.5",
			"anc", unit109, func(p *Patient) **float64 { return &p.ANC }),
		n("hemoglobin", "hemoglobin", "Hemoglobin", "hemoglobin", "g/dL", Number, 0, 25, "90 g/L is 9",
			"hemoglobin", "g/dL", func(p *Patient) **float64 { return &p.Hemoglobin }),
		n("bilirubin_mg_dl", "bilirubin-mg-dl", "Total bilirubin", "total bilirubin", "mg/dL", Number, 0, 50,
			"17.1 µmol/L is 1 mg/dL", "bilirubin", "mg/dL", func(p *Patient) **float64 { return &p.BilirubinMgDL }),
		n("bilirubin_xuln", "bilirubin-xuln", "Total bilirubin", "total bilirubin", "× ULN", Number, 0, 50, "",
			"bilirubin", "xULN", func(p *Patient) **float64 { return &p.BilirubinXULN }),
		n("ast_xuln", "ast-xuln", "AST", "AST", "× ULN", Number, 0, 100, "", "ast", "xULN", func(p *Patient) **float64 { return &p.ASTXULN }),
		n("alt_xuln", "alt-xuln", "ALT", "ALT", "× ULN", Number, 0, 100, "", "alt", "xULN", func(p *Patient) **float64 { return &p.ALTXULN }),
		n("albumin", "albumin", "Albumin", "albumin", "g/dL", Number, 0, 10, "35 g/L is 3.5",
			"albumin", "g/dL", func(p *Patient) **float64 { return &p.Albumin }),
		n("inr", "inr", "INR", "INR", "", Number, 0, 20, "", "inr", "ratio", func(p *Patient) **float64 { return &p.INR }),
		n("creatinine_mg_dl", "creatinine-mg-dl", "Creatinine", "creatinine", "mg/dL", Number, 0, 30,
			"88.4 µmol/L is 1 mg/dL", "creatinine", "mg/dL", func(p *Patient) **float64 { return &p.CreatinineMgDL }),
		n("creatinine_clearance", "creatinine-clearance", "Creatinine clearance", "creatinine clearance", "mL/min",
			Number, 0, 300, "", "creatinine_clearance", "mL/min", func(p *Patient) **float64 { return &p.CreatinineClearance }),
		n("life_expectancy_weeks", "life-expectancy-weeks", "Life expectancy", "life expectancy", "weeks", Number,
			0, 1000, "3 months is 13 weeks", "life_expectancy", "weeks", func(p *Patient) **float64 { return &p.LifeExpectancyWeeks }),
	}
}()

// FieldByKey finds a field by its JSON name or its flag name.
func FieldByKey(key string) (Field, bool) {
	for _, f := range Fields {
		if f.Key == key || f.Flag == key {
			return f, true
		}
	}
	return Field{}, false
}

// Value is the field's value for p: a float64, a string, or nil (unknown).
func (f Field) Value(p *Patient) any { return f.get(p) }

// Text is the field's value as a form shows it, "" when unknown.
func (f Field) Text(p *Patient) string {
	switch v := f.get(p).(type) {
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case string:
		return v
	}
	return ""
}

// Set parses text as the field's value and stores it in p; "", "unknown"
// and "?" clear it. A value out of range is refused with a message naming
// the field, and p is left as it was.
func (f Field) Set(p *Patient, text string) error {
	t := strings.TrimSpace(text)
	switch strings.ToLower(t) {
	case "", "unknown", "?", "-", "null", "n/a", "na":
		f.set(p, nil)
		return nil
	}
	v, err := f.parse(t)
	if err != nil {
		return err
	}
	f.set(p, v)
	return nil
}

func (f Field) parse(t string) (any, error) {
	switch f.Kind {
	case SexKind:
		switch strings.ToLower(t) {
		case "f", "female", "woman", "w":
			return "female", nil
		case "m", "male", "man":
			return "male", nil
		}
		return nil, errors.New(`sex must be "female" or "male"`)
	case Stage:
		s := strings.ToUpper(t)
		switch s {
		case "0", "A", "B", "C", "D":
			return s, nil
		}
		return nil, errors.New("BCLC stage must be 0, A, B, C or D")
	}
	if f.Key == "child_pugh_score" && len(t) >= 2 && strings.ContainsRune("AaBbCc", rune(t[0])) {
		t = t[1:] // "B7" is 7
	}
	x, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return nil, f.rangeError()
	}
	return x, f.check(x)
}

func (f Field) check(x float64) error {
	if x < f.Min || x > f.Max || f.Kind == Integer && x != math.Trunc(x) {
		return f.rangeError()
	}
	return nil
}

// rangeError is the plain message for a refused value: "ECOG must be 0–5",
// "platelets must be a number from 0 to 2000 (10^9/L; 80,000/µL is 80)".
func (f Field) rangeError() error {
	if f.Kind == Integer {
		return fmt.Errorf("%s must be %g–%g", f.Name, f.Min, f.Max)
	}
	unit := f.Unit
	if f.Hint != "" {
		unit += "; " + f.Hint
	}
	if f.Min == 0 && f.Key != "age" {
		return fmt.Errorf("%s must be a number ≥ 0 and at most %g (%s)", f.Name, f.Max, unit)
	}
	return fmt.Errorf("%s must be a number from %g to %g (%s)", f.Name, f.Min, f.Max, unit)
}

// Validate reports every field whose value is out of range, joined.
func (p *Patient) Validate() error {
	var errs []error
	for _, f := range Fields {
		switch v := f.get(p).(type) {
		case float64:
			if err := f.check(v); err != nil {
				errs = append(errs, err)
			}
		case string:
			if _, err := f.parse(v); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// Known reports whether any field of p is known.
func (p *Patient) Known() bool {
	for _, f := range Fields {
		if f.get(p) != nil {
			return true
		}
	}
	return false
}

// ReadPatient reads one patient profile in JSON, refusing unknown fields
// (a misspelt "platlets" would otherwise be silently unknown) and values
// out of range.
func ReadPatient(r io.Reader) (Patient, error) {
	var p Patient
	b, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return p, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return Patient{}, fmt.Errorf("not a patient profile: %w", err)
	}
	if dec.More() {
		return Patient{}, errors.New("not a patient profile: more than one JSON value")
	}
	if p.Sex != nil {
		s := strings.ToLower(*p.Sex)
		p.Sex = &s
	}
	if p.BCLC != nil {
		s := strings.ToUpper(*p.BCLC)
		p.BCLC = &s
	}
	if err := p.Validate(); err != nil {
		return Patient{}, err
	}
	return p, nil
}

// WritePatient writes p as indented JSON, unknown fields as null.
func WritePatient(w io.Writer, p Patient) error {
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
