package search

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/trials-app/trials/model"
)

// Record is the slim summary of one trial: what the list shows, sorts and
// counts, and the texts a phrase is checked against. Texts searched only
// by word — sites, cities, collaborators, secondary ids, criteria — are
// not kept here but in the index (see Builder).
//
// Its enumerations, phases and source are read (and set) through methods:
// they are kept as codes and a shared file (see recvalues.go), since 190
// of a record's 344 bytes were the headers of strings that four
// enumerations, a phase list and an input repeat in every record.
type Record struct {
	ID, NCTID  string
	Title      string
	Enrollment int32 // -1 when not stated
	// EnrollmentEstimated marks an anticipated enrollment ("(est.)").
	EnrollmentEstimated bool
	HasResults          bool
	// HealthyVolunteers is 1 when accepted, 0 when not, -1 when not stated.
	HealthyVolunteers int8
	MinAge, MaxAge    Age // NoAge when open
	Start, Updated    Date
	// Verified is when the sponsor last confirmed the status (a month).
	Verified      Date
	Sponsor       string
	Conditions    []string
	Interventions []Intervention

	// status, studyType, sex and class are positions in statusOrder,
	// studyTypes, sexes and sponsorClasses (0: not stated); phases is a
	// phase mask. A value those lists lack is kept whole in odd.
	status, studyType, sex, class, phases uint8
	src                                   recordSource
	odd                                   *oddValues

	// trial is what NewRecord was made from, until a Builder has indexed
	// its texts; then nil, so the record holds no more than itself.
	trial *model.Trial
}

// Intervention is an intervention of a record, with the arms using it.
// Its lists share one slice and its type is a code (48 bytes, not 80: a
// registry's records hold a million of them); see NewIntervention.
type Intervention struct {
	Name string
	// names are its other names, then the arms using it, then — when the
	// type is none of interventionTypes — the type.
	names   []string
	nOther  uint32
	typ     uint8 // position in interventionTypes
	oddType bool
}

// interventionTypes numbers the types for Intervention; 0 is "not stated".
var interventionTypes = []model.InterventionType{"", model.InterventionDrug, model.InterventionBiological,
	model.InterventionProcedure, model.InterventionDevice, model.InterventionRadiation, model.InterventionBehavioral,
	model.InterventionGenetic, model.InterventionDietarySupplement, model.InterventionCombinationProduct,
	model.InterventionDiagnosticTest, model.InterventionOther}

// NewIntervention makes an intervention of a record.
func NewIntervention(name string, typ model.InterventionType, otherNames, arms []string) Intervention {
	iv := Intervention{Name: name, nOther: uint32(len(otherNames))}
	code, ok := code(interventionTypes, typ)
	iv.typ, iv.oddType = code, !ok
	n := len(otherNames) + len(arms)
	if !ok {
		n++
	}
	if n > 0 {
		iv.names = make([]string, 0, n)
		iv.names = append(append(iv.names, otherNames...), arms...)
		if !ok {
			iv.names = append(iv.names, string(typ))
		}
	}
	return iv
}

// Type is the kind of intervention; "" when not stated.
func (iv Intervention) Type() model.InterventionType {
	if iv.oddType {
		return model.InterventionType(iv.names[len(iv.names)-1])
	}
	return interventionTypes[iv.typ]
}

// OtherNames are the intervention's other names. Never modify them.
func (iv Intervention) OtherNames() []string { return iv.names[:iv.nOther:iv.nOther] }

// Arms are the labels of the arms using the intervention. Never modify
// them.
func (iv Intervention) Arms() []string {
	end := len(iv.names)
	if iv.oddType {
		end--
	}
	return iv.names[iv.nOther:end:end]
}

// NewRecord summarises a trial. The record keeps t until it is given to a
// Builder (or NewIndex), which indexes the texts the record does not keep.
func NewRecord(t *model.Trial) Record {
	r := Record{
		ID: t.ID, NCTID: t.NCTID, Title: t.Title, Enrollment: -1, EnrollmentEstimated: t.EnrollmentType == model.DateEstimated,
		HasResults: t.HasResults, HealthyVolunteers: -1,
		MinAge: ParseAge(t.Eligibility.MinAge), MaxAge: ParseAge(t.Eligibility.MaxAge),
		Start: ParseDate(t.StartDate), Updated: ParseDate(t.LastUpdated), Verified: ParseDate(t.StatusVerified),
		Sponsor: t.LeadSponsor.Name, Conditions: t.Conditions, trial: t,
	}
	r.SetValues(t.Status, t.StudyType, t.Eligibility.Sex, t.LeadSponsor.Class)
	r.SetPhases(t.Phases)
	r.SetSource(t.Source)
	if r.NCTID == r.ID {
		r.NCTID = r.ID // one string, not two
	}
	if t.Enrollment != nil && *t.Enrollment >= 0 && *t.Enrollment < 1<<31 {
		r.Enrollment = int32(*t.Enrollment)
	}
	if hv := t.Eligibility.HealthyVolunteers; hv != nil {
		r.HealthyVolunteers = 0
		if *hv {
			r.HealthyVolunteers = 1
		}
	}
	type building struct {
		name   string
		typ    model.InterventionType
		others []string
		arms   []string
	}
	ivs := make([]building, 0, len(t.Interventions))
	for _, iv := range t.Interventions {
		ivs = append(ivs, building{iv.Name, iv.Type, iv.OtherNames, slices.Clip(iv.Arms)})
	}
	// Arms can name interventions the interventions list lacks; each such
	// intervention is given in every arm that names it.
	for _, a := range t.Arms {
		for _, name := range a.Interventions {
			i := slices.IndexFunc(ivs, func(iv building) bool { return strings.EqualFold(iv.name, name) })
			if i < 0 {
				ivs = append(ivs, building{name: name})
				i = len(ivs) - 1
			}
			if !slices.Contains(ivs[i].arms, a.Label) {
				ivs[i].arms = append(ivs[i].arms, a.Label)
			}
		}
	}
	if len(ivs) > 0 {
		r.Interventions = make([]Intervention, len(ivs))
		for i, iv := range ivs {
			r.Interventions[i] = NewIntervention(iv.name, iv.typ, iv.others, iv.arms)
		}
	}
	return r
}

// phaseBit is the bit of a phase in a phase mask.
func phaseBit(p model.Phase) uint8 {
	switch p {
	case model.PhaseEarly1:
		return 1
	case model.Phase1:
		return 2
	case model.Phase2:
		return 4
	case model.Phase3:
		return 8
	case model.Phase4:
		return 16
	case model.PhaseNA:
		return 32
	}
	return 0
}

var phaseByBit = []model.Phase{model.PhaseEarly1, model.Phase1, model.Phase2, model.Phase3, model.Phase4, model.PhaseNA}

// phaseSets holds one shared slice per combination of phases, in the
// registry's order, so that records allocate nothing for their phases.
var phaseSets = func() [64][]model.Phase {
	var out [64][]model.Phase
	for m := 1; m < 64; m++ {
		for b, p := range phaseByBit {
			if m&(1<<b) != 0 {
				out[m] = append(out[m], p)
			}
		}
		out[m] = slices.Clip(out[m])
	}
	return out
}()

func phaseMask(ps []model.Phase) uint8 {
	var m uint8
	for _, p := range ps {
		m |= phaseBit(p)
	}
	return m
}

// Date is a date as the registry states it — a year, a month and maybe a
// day — packed into four bytes; the zero Date is not stated. Dates order
// as integers, a month without a day before its first day.
type Date uint32

// ParseDate reads the model's ISO dates: "2023-08-01", "2023-08", "2023".
// Anything else is the zero Date.
func ParseDate(s string) Date {
	y, m, d, ok := splitDate(s)
	if !ok {
		return 0
	}
	return Date(y<<9 | m<<5 | d)
}

func splitDate(s string) (y, m, d uint32, ok bool) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return 0, 0, 0, false
	}
	var vals [3]uint32
	for i, p := range parts {
		n, err := strconv.ParseUint(p, 10, 16)
		if err != nil || i > 0 && len(p) != 2 {
			return 0, 0, 0, false
		}
		vals[i] = uint32(n)
	}
	y, m, d = vals[0], vals[1], vals[2]
	if y < 1000 || m > 12 || d > 31 || len(parts) > 1 && m == 0 || len(parts) > 2 && d == 0 {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// Year, Month and Day are the date's parts; 0 when not stated.
func (d Date) Year() int  { return int(d >> 9) }
func (d Date) Month() int { return int(d >> 5 & 15) }
func (d Date) Day() int   { return int(d & 31) }

// String is the date in the model's ISO form, "" when not stated.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	s := strconv.Itoa(d.Year())
	if d.Month() > 0 {
		s += "-" + pad2(d.Month())
		if d.Day() > 0 {
			s += "-" + pad2(d.Day())
		}
	}
	return s
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// first and last are the earliest and latest day the date can mean:
// "2023-08" is any day of August 2023.
func (d Date) first() uint32 {
	y, m, day := uint32(d>>9), uint32(d>>5&15), uint32(d&31)
	return y<<9 | max(m, 1)<<5 | max(day, 1)
}

func (d Date) last() uint32 {
	y, m, day := uint32(d>>9), uint32(d>>5&15), uint32(d&31)
	if m == 0 {
		m = 12
	}
	if day == 0 {
		day = 31
	}
	return y<<9 | m<<5 | day
}

// Age is an age limit in years (six months is 0.5); NoAge when the trial
// states none.
type Age float32

// NoAge is an open age bound.
const NoAge Age = -1

// ParseAge reads the model's age limits: "18 Years", "6 Months", "28 Days".
// Anything else is NoAge.
func ParseAge(s string) Age {
	num, unit, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok {
		return NoAge
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return NoAge
	}
	years, ok := inYears(v, unit)
	if !ok {
		return NoAge
	}
	return Age(years)
}

// inYears converts an amount of a unit of time into years.
func inYears(v float64, unit string) (float64, bool) {
	switch strings.TrimSuffix(strings.ToLower(unit), "s") {
	case "year", "y", "yr":
		return v, true
	case "month", "mo":
		return v / 12, true
	case "week", "w", "wk":
		return v * 7 / 365.25, true
	case "day", "d":
		return v / 365.25, true
	case "hour", "h", "hr":
		return v / (24 * 365.25), true
	case "minute", "min":
		return v / (60 * 24 * 365.25), true
	}
	return 0, false
}

// Field is a part of a record the filter searches.
type Field uint8

// The fields plain words search. IDs are the NCT id, the derived id, the
// sponsor's own id and the secondary ids.
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

// anyText reports whether one of the record's texts in field f passes.
func (r *Record) anyText(f Field, pass func(string) bool) bool {
	switch f {
	case FieldTitle:
		return pass(r.Title)
	case FieldID:
		return pass(r.ID) || r.NCTID != r.ID && pass(r.NCTID)
	case FieldCondition:
		for _, c := range r.Conditions {
			if pass(c) {
				return true
			}
		}
	case FieldIntervention:
		for _, iv := range r.Interventions {
			if pass(iv.Name) {
				return true
			}
			for _, o := range iv.OtherNames() {
				if pass(o) {
					return true
				}
			}
		}
	case FieldSponsor:
		return pass(r.Sponsor)
	}
	return false
}

// texts calls fn with each text of the record kept in the record, and its
// field: what a phrase in those fields is checked against.
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
		for _, o := range iv.OtherNames() {
			fn(FieldIntervention, o)
		}
	}
	fn(FieldSponsor, r.Sponsor)
}
