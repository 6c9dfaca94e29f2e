package model

import "encoding/json"

// Requirement is one numeric or ordinal threshold read from a trial's
// criteria: the range of a variable the patient may have. Its JSON form is
// the contract of ../shared/eligibility/SPEC.md §1.
type Requirement struct {
	Variable string `json:"variable"` // one of SPEC.md §2: ecog, platelets, bilirubin, …
	// Min and Max bound the allowed range in Unit; nil when that side is open.
	Min *float64 `json:"min"`
	Max *float64 `json:"max"`
	// MinInclusive and MaxInclusive are nil exactly when their bound is.
	MinInclusive *bool `json:"min_inclusive"`
	MaxInclusive *bool `json:"max_inclusive"`
	Unit         Unit  `json:"unit"`
	// Values are the allowed stages, for bclc_stage only.
	Values []string `json:"values"`
	From   string   `json:"from"` // "inclusion" or "exclusion"
	// Conditional is true when the bound applies only to a subgroup or is
	// an alternative: it is shown but never decides a screen.
	Conditional bool   `json:"conditional"`
	Text        string `json:"text"` // the criterion item, verbatim
	// Span is the byte range of Text the value was read from, for
	// highlighting; not part of the export.
	Span [2]int `json:"-"`
}

// Unit is a requirement's canonical unit ("10^9/L", "xULN", "mg/dL" …);
// "" for the unitless scales, exported as null.
type Unit string

// MarshalJSON writes an empty unit as null, as SPEC.md asks.
func (u Unit) MarshalJSON() ([]byte, error) {
	if u == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(u))
}

// UnmarshalJSON reads null as the empty unit.
func (u *Unit) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*u = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*u = Unit(s)
	return nil
}
