// Package search holds what the browser keeps of each trial and finds
// trials in it at keyboard speed, up to the whole registry (~550,000 trials)
// on a two-core laptop.
//
// A Record is a slim summary of a trial (about a kilobyte): what the list
// shows and the fields the filter searches — title, ids, conditions,
// interventions and their other names, sponsor — never the long texts.
// An Index answers space-separated terms, ANDed, by word prefix (with a
// little typo tolerance for long words) and ranks bounded result sets by
// where the terms matched. A Catalog lists every intervention in the corpus,
// de-duplicated across case, symbols and spacing, with the trials and arms
// that use it.
package search

import (
	"slices"
	"strings"

	"github.com/trials-app/trials/model"
)

// Record is the slim summary of one trial.
type Record struct {
	ID, NCTID     string
	Title         string
	Status        model.Status
	Phases        []model.Phase
	StudyType     model.StudyType
	Enrollment    int32 // -1 when not stated
	Sponsor       string
	Conditions    []string
	Interventions []Intervention
	Countries     []string
	LastUpdated   string
	Source        model.Source
}

// Intervention is an intervention of a record, with the arms using it.
type Intervention struct {
	Name       string
	Type       model.InterventionType
	OtherNames []string
	Arms       []string
}

// NewRecord summarises a trial.
func NewRecord(t *model.Trial) Record {
	r := Record{
		ID: t.ID, NCTID: t.NCTID, Title: t.Title, Status: t.Status, Phases: t.Phases,
		StudyType: t.StudyType, Enrollment: -1, Sponsor: t.LeadSponsor.Name,
		Conditions: t.Conditions, Countries: t.Countries, LastUpdated: t.LastUpdated, Source: t.Source,
	}
	if t.Enrollment != nil && *t.Enrollment >= 0 && *t.Enrollment < 1<<31 {
		r.Enrollment = int32(*t.Enrollment)
	}
	for _, iv := range t.Interventions {
		r.Interventions = append(r.Interventions, Intervention{Name: iv.Name, Type: iv.Type, OtherNames: iv.OtherNames, Arms: iv.Arms})
	}
	// Arms can name interventions the interventions list lacks; each such
	// intervention is given in every arm that names it.
	for _, a := range t.Arms {
		for _, name := range a.Interventions {
			i := slices.IndexFunc(r.Interventions, func(iv Intervention) bool { return strings.EqualFold(iv.Name, name) })
			if i < 0 {
				r.Interventions = append(r.Interventions, Intervention{Name: name})
				i = len(r.Interventions) - 1
			}
			if !slices.Contains(r.Interventions[i].Arms, a.Label) {
				r.Interventions[i].Arms = append(r.Interventions[i].Arms, a.Label)
			}
		}
	}
	return r
}

// Field is a part of a record the filter searches.
type Field uint8

// The searchable fields. IDs are the NCT id, the derived id and nothing else.
const (
	FieldTitle Field = 1 << iota
	FieldID
	FieldCondition
	FieldIntervention
	FieldSponsor

	FieldAll = FieldTitle | FieldID | FieldCondition | FieldIntervention | FieldSponsor
)

// ParseField reads the --in values of `trials search`.
func ParseField(s string) (Field, bool) {
	switch strings.ToLower(s) {
	case "all", "":
		return FieldAll, true
	case "title", "titles":
		return FieldTitle | FieldID, true
	case "interventions", "intervention", "drugs":
		return FieldIntervention, true
	case "conditions", "condition":
		return FieldCondition, true
	case "sponsor", "sponsors":
		return FieldSponsor, true
	}
	return 0, false
}

// texts calls fn with each searchable text of the record and its field.
func (r *Record) texts(fn func(Field, string)) {
	fn(FieldTitle, r.Title)
	fn(FieldID, r.ID)
	if r.NCTID != "" && r.NCTID != r.ID {
		fn(FieldID, r.NCTID)
	}
	for _, c := range r.Conditions {
		fn(FieldCondition, c)
	}
	for _, iv := range r.Interventions {
		fn(FieldIntervention, iv.Name)
		for _, o := range iv.OtherNames {
			fn(FieldIntervention, o)
		}
	}
	fn(FieldSponsor, r.Sponsor)
}
