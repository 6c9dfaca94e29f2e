package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"strings"
	"sync"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// finish applies what every layout needs once its parser is done: text made
// safe, an id, countries derived from the sites when the page lists none,
// arms and interventions linked both ways, and empty lists rather than nil.
func finish(t *model.Trial) {
	cleanStrings(t)
	if t.NCTID != "" {
		t.ID = t.NCTID
	} else if t.ID == "" {
		t.ID = DerivedID(t)
	}
	for i := range t.Locations {
		if c, ok := canonicalCountry(t.Locations[i].Country); ok {
			t.Locations[i].Country = c
		}
	}
	for i, c := range t.Countries {
		if cc, ok := canonicalCountry(c); ok {
			t.Countries[i] = cc
		}
	}
	if len(t.Countries) == 0 {
		for _, l := range t.Locations {
			t.Countries = appendUnique(t.Countries, l.Country)
		}
	}
	t.RelatedTrials = otherTrials(t.RelatedTrials, t.NCTID)
	t.SimilarTrials = otherTrials(t.SimilarTrials, t.NCTID)
	linkBothWays(t)
	t.Eligibility.Requirements = eligibility.Extract(&t.Eligibility)
	t.Canonicalize()
}

// otherTrials drops the trial's own id from a list of trials.
func otherTrials(ids []string, self string) []string {
	out := ids[:0]
	for _, id := range ids {
		if id != self {
			out = append(out, id)
		}
	}
	return out
}

// DerivedID gives a document that names no NCT id a stable id: the same
// trial read again — from another copy of the page, under another file name
// — gets the same id. It hashes what identifies a study on any page: its
// title, its sponsor and its start.
func DerivedID(t *model.Trial) string {
	prefix := idPrefix(t.Source.Format)
	h := sha256.New()
	for _, s := range []string{strings.ToLower(strings.Join(strings.Fields(t.Title), " ")),
		strings.ToLower(strings.TrimSpace(t.LeadSponsor.Name)), t.StartDate} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return prefix + "-" + strings.ToUpper(hex.EncodeToString(h.Sum(nil))[:8])
}

// cleanStrings runs every string of a trial through plain.Clean (prose,
// which keeps its line breaks) or plain.Line (everything else), trimmed:
// nothing a document carries can drive the terminal, and invisible
// characters cannot split a word for search ("Pem\u200bbrolizumab"). It
// walks the trial by reflection, so a field added to the model cannot be
// missed. Source is left alone: it names the file to read again, and its
// readers clean it for display.
func cleanStrings(t *model.Trial) { cleanValue(reflect.ValueOf(t).Elem(), false) }

// proseFields are the fields whose text keeps its line breaks.
var proseFields = map[string]bool{
	"BriefSummary": true, "DetailedDescription": true, "WhyStopped": true, "Description": true,
	"InterventionModelDescription": true, "MaskingDescription": true, "Raw": true,
	"StudyPopulation": true,
}

var sourceType = reflect.TypeFor[model.Source]()

func cleanValue(v reflect.Value, prose bool) {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		var c string
		if prose {
			c = plain.Clean(s)
		} else {
			c = plain.Line(s)
		}
		if c = strings.TrimSpace(c); c != s {
			v.SetString(c)
		}
	case reflect.Struct:
		for _, f := range structPlan(v.Type()) {
			cleanValue(v.Field(f.index), f.prose)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			cleanValue(v.Index(i), prose)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			cleanValue(v.Elem(), prose)
		}
	}
}

// A struct's plan is the fields cleanValue visits: the exported ones that
// hold strings, Source aside. Worked out once per type.
type fieldPlan struct {
	index int
	prose bool
}

var plans sync.Map // reflect.Type → []fieldPlan

func structPlan(t reflect.Type) []fieldPlan {
	if p, ok := plans.Load(t); ok {
		return p.([]fieldPlan)
	}
	var p []fieldPlan
	for i := range t.NumField() {
		f := t.Field(i)
		if f.IsExported() && f.Type != sourceType && holdsStrings(f.Type, map[reflect.Type]bool{}) {
			p = append(p, fieldPlan{i, proseFields[f.Name]})
		}
	}
	plans.Store(t, p)
	return p
}

func holdsStrings(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false // a type that holds itself (Criterion's children) holds strings elsewhere, or none
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.String:
		return true
	case reflect.Slice, reflect.Array, reflect.Pointer:
		return holdsStrings(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && holdsStrings(f.Type, seen) {
				return true
			}
		}
	}
	return false
}
