package sqlite

import (
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
)

// fixtures are the real ClinicalTrials.gov records the loader tests with
// (the same as ../shared/ctgov-fixtures).
const fixtures = "../../loader/testdata/ctgov"

// loadCorpus is every fixture record and seed, then the hand-built trials
// that fill what today's parsers leave empty (requirements, contacts,
// mesh terms, references …).
func loadCorpus(t *testing.T) []*model.Trial {
	t.Helper()
	seeds, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(seeds) != 5 {
		t.Fatalf("seed documents: %v %v", seeds, err)
	}
	res := loader.Load(append([]string{filepath.Join(fixtures, "json"), filepath.Join(fixtures, "search-pages"),
		filepath.Join(fixtures, "xml")}, seeds...)...)
	for _, d := range res.Diagnostics {
		t.Errorf("loading the corpus: %v", d)
	}
	if len(res.Trials) < 80 {
		t.Fatalf("only %d trials loaded", len(res.Trials))
	}
	return append(res.Trials, handBuilt()...)
}

func ptr[T any](v T) *T { return &v }

// handBuilt are trials with every field the model has, and one with none.
func handBuilt() []*model.Trial {
	ecog := func(min, max *float64, minInc, maxInc *bool, conditional bool) model.Requirement {
		return model.Requirement{Variable: "ecog", Min: min, Max: max, MinInclusive: minInc,
			MaxInclusive: maxInc, From: "inclusion", Conditional: conditional,
			Text: "ECOG performance status as stated", Span: [2]int{0, 4}}
	}
	full := &model.Trial{
		ID: "NCT99000001", NCTID: "NCT99000001", Title: "Lenvatinib ± TACE in HCC (ß-test ≥ 2)",
		OfficialTitle: "An Official Title", Acronym: "LEN-TACE",
		Status: model.StatusRecruiting, Phases: []model.Phase{model.Phase2, model.Phase3},
		StudyType: model.StudyInterventional, Enrollment: ptr(120), EnrollmentType: model.DateEstimated,
		StartDate: "2024-02-01", StartDateType: model.DateActual,
		PrimaryCompletionDate: "2026-06", PrimaryCompletionDateType: model.DateEstimated,
		CompletionDate: "2027-01-31", CompletionDateType: model.DateEstimated,
		FirstPosted: "2023-12-01", LastUpdated: "2024-05-02", StatusVerified: "2024-05",
		Conditions: []string{"Hepatocellular Carcinoma", "Liver Cancer"}, Keywords: []string{"TACE"},
		LeadSponsor:   model.Sponsor{Name: "Tianjin Medical University Cancer Institute and Hospital", Class: model.ClassOther},
		Collaborators: []model.Sponsor{{Name: "Eisai", Class: model.ClassIndustry}, {Name: "A Network"}},
		BriefSummary:  "Line one.\n\nSecond paragraph with ≥ and μg.", DetailedDescription: "Details.",
		WhyStopped: "",
		Design: model.Design{Allocation: model.AllocRandomized, InterventionModel: model.ModelParallel,
			Masking: model.MaskingDouble, WhoMasked: []model.WhoMasked{model.MaskedParticipant, model.MaskedInvestigator},
			PrimaryPurpose: model.PurposeTreatment, InterventionModelDescription: "Two arms.",
			MaskingDescription: "Pharmacy prepares.", ObservationalModel: "", TimePerspective: ""},
		Arms: []model.Arm{
			{Label: "Lenvatinib + TACE", Type: model.ArmExperimental, Description: "Both.", Interventions: []string{"Lenvatinib", "TACE"}},
			{Label: "Lenvatinib", Type: model.ArmActiveComparator, Interventions: []string{"lenvatinib"}},
		},
		Interventions: []model.Intervention{
			{Name: "Lenvatinib", Type: model.InterventionDrug, Description: "8 or 12 mg daily",
				OtherNames: []string{"Lenvima", "E7080"}, Arms: []string{"Lenvatinib + TACE", "Lenvatinib"}},
			{Name: "TACE", Type: model.InterventionProcedure, Arms: []string{"Lenvatinib + TACE"}},
		},
		Eligibility: model.Eligibility{
			MinAge: "18 Years", MaxAge: "75 Years", Sex: model.SexAll, HealthyVolunteers: ptr(false),
			Inclusion: []model.Criterion{
				{Text: "Adequate organ function, defined as:", Children: []model.Criterion{
					{Text: "Platelets ≥ 75 × 10^9/L"}, {Text: "Bilirubin ≤ 2 × ULN", Children: []model.Criterion{{Text: "unless Gilbert's"}}},
				}},
				{Text: "ECOG 0-2"},
			},
			Exclusion:    []model.Criterion{{Text: "Prior systemic therapy"}},
			Raw:          "Inclusion Criteria:\n- Adequate organ function\n- ECOG 0-2",
			Notes:        []string{"Subjects who meet each of the following:"},
			Requirements: []model.Requirement{ecog(ptr(0.0), ptr(2.0), ptr(true), ptr(true), false), {Variable: "bclc_stage", Values: []string{"B", "C"}, From: "inclusion", Text: "BCLC B or C"}},
		},
		Outcomes: model.Outcomes{
			Primary:   []model.Outcome{{Measure: "Overall survival", TimeFrame: "3 years", Description: "From randomisation."}},
			Secondary: []model.Outcome{{Measure: "PFS"}, {Measure: "ORR", TimeFrame: "1 year"}},
			Other:     []model.Outcome{{Measure: "Quality of life"}},
		},
		Locations: []model.Location{
			{Facility: "Tianjin Cancer Hospital", City: "Tianjin", Zip: "300060", Country: "China", Status: "RECRUITING",
				Contacts: []model.Contact{{Name: "Dr A", Role: "CONTACT", Phone: "+86 22 0000", Email: "a@example.org"}, {Name: "Dr B", Role: "PRINCIPAL_INVESTIGATOR"}}},
			{Facility: "Hospital Two", City: "Paris", Country: "France"},
		},
		Countries:       []string{"China", "France"},
		Investigators:   []model.Investigator{{Name: "Dr A", Role: "PRINCIPAL_INVESTIGATOR", Affiliation: "TMUCIH"}},
		OrgStudyID:      "TMU-2024-1",
		SecondaryIDs:    []model.SecondaryID{{ID: "TMU-2024-1", Type: "ORG"}, {ID: "2023-000001-11", Type: "EUDRACT_NUMBER"}},
		RelatedTrials:   []string{"NCT05033522"},
		SimilarTrials:   []string{"NCT05168163", "NCT05962450"},
		Source:          model.Source{Path: "hand/full.json", Format: model.FormatCTGovJSON, Entry: "studies[3]"},
		Warnings:        []string{"a warning"},
		CentralContacts: []model.Contact{{Name: "Study office", Role: "CONTACT", Email: "office@example.org"}},
		HasResults:      true,
		ExpandedAccess:  &model.ExpandedAccess{NCTID: "NCT99000009", Status: model.StatusAvailable},
		References:      []model.Reference{{PMID: "12345678", Citation: "A paper. 2020.", Type: "BACKGROUND"}},
		MeshConditions:  []string{"Carcinoma, Hepatocellular"}, MeshInterventions: []string{"Lenvatinib"},
	}
	// ECOG 0-1: does not admit 2.
	strict := &model.Trial{ID: "NCT99000002", NCTID: "NCT99000002", Title: "ECOG 0-1",
		Status: model.StatusRecruiting, Phases: []model.Phase{model.Phase3},
		LeadSponsor: model.Sponsor{Name: "Industry Co", Class: model.ClassIndustry}, StartDate: "2024-03",
		Countries: []string{"China"}, Source: model.Source{Path: "hand/strict.json", Format: model.FormatCTGovJSON},
		Eligibility: model.Eligibility{MinAge: "6 Months", Requirements: []model.Requirement{ecog(nil, ptr(1.0), nil, ptr(true), false), ecog(nil, ptr(3.0), nil, ptr(true), true)}}}
	// ECOG < 2: does not admit 2 either; only a conditional bound admits it.
	exclusive := &model.Trial{ID: "NCT99000003", NCTID: "NCT99000003", Title: "ECOG below 2",
		Source:      model.Source{Path: "hand/exclusive.json", Format: model.FormatCTGovJSON},
		Eligibility: model.Eligibility{MaxAge: "N/A", Requirements: []model.Requirement{ecog(nil, ptr(2.0), nil, ptr(false), false)}}}
	// Only a conditional ECOG bound: decides nothing.
	conditional := &model.Trial{ID: "NCT99000004", NCTID: "NCT99000004", Title: "ECOG for a subgroup",
		Source:      model.Source{Path: "hand/conditional.json", Format: model.FormatCTGovJSON},
		Eligibility: model.Eligibility{Requirements: []model.Requirement{ecog(nil, ptr(2.0), nil, ptr(true), true)}}}
	// A page without an NCT id, and nothing else.
	empty := &model.Trial{ID: "CC-00000000", Source: model.Source{Path: "hand/empty.txt", Format: model.FormatClinConnect}}
	return []*model.Trial{full, strict, exclusive, conditional, empty}
}

// The corpus and its database are built once and shared by the tests that
// only read them: under -race, loading and building dominate the suite.
var (
	sharedOnce   sync.Once
	sharedTrials []*model.Trial
	sharedPath   string
	sharedDir    string
	sharedErr    error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

// corpusDB returns the corpus and the path of its database.
func corpusDB(t *testing.T) ([]*model.Trial, string) {
	t.Helper()
	sharedOnce.Do(func() {
		sharedTrials = loadCorpus(t)
		if sharedDir, sharedErr = os.MkdirTemp("", "trials-sqlite-test"); sharedErr != nil {
			return
		}
		sharedPath = buildDB(t, sharedDir, sharedTrials)
	})
	if sharedErr != nil || sharedPath == "" {
		t.Fatalf("building the shared database failed: %v", sharedErr)
	}
	return sharedTrials, sharedPath
}

// buildDB writes trials into a database in dir and returns its path.
func buildDB(t testing.TB, dir string, trials []*model.Trial) string {
	t.Helper()
	path := filepath.Join(dir, "trials.db")
	w, err := Create(path, Info{ProgramVersion: "test", Sources: []string{"fixtures", "seeds"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range trials {
		if err := w.Write(tr); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func open(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open(driverName, dataSource(path)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestRoundTrip reads every trial back from the tables, with database/sql,
// and compares it field by field with the trial written.
func TestRoundTrip(t *testing.T) {
	trials, path := corpusDB(t)
	db := open(t, path)
	got := readTrials(t, db)
	if len(got) != len(trials) {
		t.Fatalf("%d trials read back, %d written", len(got), len(trials))
	}
	for i, want := range trials {
		compareTrial(t, i+1, expected(want), got[i])
	}
	var meta []string
	rows := query(t, db, "SELECT key, value FROM meta ORDER BY key, value")
	for _, r := range rows {
		if r[0] != "created" {
			meta = append(meta, r[0].(string)+"="+r[1].(string))
		} else if _, err := time.Parse(time.RFC3339, r[1].(string)); err != nil {
			t.Errorf("meta created: %v", err)
		}
	}
	want := []string{"program=trials", "program_version=test", "schema_version=" + SchemaVersion, "source_path=fixtures", "source_path=seeds"}
	if !slices.Equal(meta, want) {
		t.Errorf("meta = %q, want %q", meta, want)
	}
}

// expected is what the tables can give back of t: the same trial, but
// with each arm's interventions as a set of names, Intervention.Arms in arm
// order (the tables hold each link once), and no highlight spans (not part
// of the export).
func expected(t *model.Trial) *model.Trial {
	c := *t
	c.Source.Origin = model.Origin{} // how to reread it: kept in memory only
	c.Arms = slices.Clone(t.Arms)
	for i := range c.Arms {
		c.Arms[i].Interventions = nameSet(c.Arms[i].Interventions)
	}
	c.Interventions = slices.Clone(t.Interventions)
	armOrder := map[string]int{}
	for i, a := range t.Arms {
		armOrder[strings.ToLower(a.Label)] = i
	}
	for i := range c.Interventions {
		arms := slices.Clone(c.Interventions[i].Arms)
		slices.SortStableFunc(arms, func(a, b string) int { return armOrder[strings.ToLower(a)] - armOrder[strings.ToLower(b)] })
		c.Interventions[i].Arms = arms
	}
	c.Eligibility.Requirements = slices.Clone(t.Eligibility.Requirements)
	for i := range c.Eligibility.Requirements {
		c.Eligibility.Requirements[i].Span = [2]int{}
	}
	c.Canonicalize()
	return &c
}

// nameSet keeps the first of names that differ only in case.
func nameSet(names []string) []string {
	var out []string
	for _, n := range names {
		if !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, n) }) {
			out = append(out, n)
		}
	}
	return out
}

// compareTrial reports each top-level field that differs, as JSON.
func compareTrial(t *testing.T, no int, want, got *model.Trial) {
	t.Helper()
	for i := range got.Arms {
		got.Arms[i].Interventions = nameSet(got.Arms[i].Interventions)
	}
	got.Canonicalize()
	if reflect.DeepEqual(want, got) {
		return
	}
	wv, gv := reflect.ValueOf(want).Elem(), reflect.ValueOf(got).Elem()
	for i := range wv.NumField() {
		w, g := wv.Field(i).Interface(), gv.Field(i).Interface()
		if !reflect.DeepEqual(w, g) {
			wj, _ := json.Marshal(w)
			gj, _ := json.Marshal(g)
			t.Errorf("trial #%d %s: %s\n got  %s\n want %s", no, want.ID, wv.Type().Field(i).Name, gj, wj)
		}
	}
}

// query returns every row of q, each column as database/sql gives it:
// nil, int64, float64 or string.
func query(t testing.TB, db *sql.DB, q string, args ...any) [][]any {
	t.Helper()
	rs, err := db.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rs.Close()
	cols, _ := rs.Columns()
	var out [][]any
	for rs.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = string(b)
			}
		}
		out = append(out, vals)
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func str(v any) string {
	if v == nil {
		return ""
	}
	return v.(string)
}

func split(v any) []string {
	if v == nil {
		return nil
	}
	return strings.Split(v.(string), "|")
}

func optBool(v any) *bool {
	if v == nil {
		return nil
	}
	return ptr(v.(int64) == 1)
}

func optFloatOf(v any) *float64 {
	switch x := v.(type) {
	case float64:
		return &x
	case int64:
		f := float64(x)
		return &f
	}
	return nil
}

// readTrials rebuilds every trial from the tables, in trial_no order.
func readTrials(t *testing.T, db *sql.DB) []*model.Trial {
	var trials []*model.Trial
	byNo := map[int64]*model.Trial{}
	for _, r := range query(t, db, "SELECT * FROM trials ORDER BY trial_no") {
		s := func(i int) string { return str(r[i]) }
		tr := &model.Trial{
			ID: s(1), NCTID: s(2), Title: s(3), OfficialTitle: s(4), Acronym: s(5),
			Status: model.Status(s(6)), StudyType: model.StudyType(s(8)),
			EnrollmentType: model.DateType(s(10)),
			StartDate:      s(11), StartDateType: model.DateType(s(12)),
			PrimaryCompletionDate: s(13), PrimaryCompletionDateType: model.DateType(s(14)),
			CompletionDate: s(15), CompletionDateType: model.DateType(s(16)),
			FirstPosted: s(17), LastUpdated: s(18), StatusVerified: s(19),
			LeadSponsor:  model.Sponsor{Name: s(20), Class: model.SponsorClass(s(21))},
			BriefSummary: s(22), DetailedDescription: s(23), WhyStopped: s(24),
			Design: model.Design{Allocation: model.Allocation(s(25)), InterventionModel: model.InterventionModel(s(26)),
				InterventionModelDescription: s(27), Masking: model.Masking(s(28)), MaskingDescription: s(29),
				PrimaryPurpose: model.PrimaryPurpose(s(31)), ObservationalModel: model.ObservationalModel(s(32)),
				TimePerspective: model.TimePerspective(s(33))},
			Eligibility: model.Eligibility{MinAge: s(34), MaxAge: s(35), Sex: model.Sex(s(38)),
				HealthyVolunteers: optBool(r[39]), Raw: s(40), StudyPopulation: s(41), SamplingMethod: s(42)},
			HasResults: r[43].(int64) == 1, OrgStudyID: s(47),
			Source: model.Source{Path: s(48), Format: model.Format(s(49)), Entry: s(50)},
		}
		if r[9] != nil {
			tr.Enrollment = ptr(int(r[9].(int64)))
		}
		for _, w := range split(r[30]) {
			tr.Design.WhoMasked = append(tr.Design.WhoMasked, model.WhoMasked(w))
		}
		if r[44] != nil {
			tr.ExpandedAccess = &model.ExpandedAccess{NCTID: s(45), Status: model.Status(s(46))}
		}
		phases := split(r[7])
		for _, p := range phases {
			tr.Phases = append(tr.Phases, model.Phase(p))
		}
		trials = append(trials, tr)
		byNo[r[0].(int64)] = tr
	}
	each := func(q string, f func(tr *model.Trial, r []any)) {
		for _, r := range query(t, db, q) {
			tr := byNo[r[0].(int64)]
			if tr == nil {
				t.Fatalf("%s: row for trial_no %v, which trials lacks", q, r[0])
			}
			f(tr, r)
		}
	}
	phasesFromTable := map[*model.Trial][]model.Phase{}
	each("SELECT trial_no, phase FROM trial_phases ORDER BY trial_no, phase", func(tr *model.Trial, r []any) {
		phasesFromTable[tr] = append(phasesFromTable[tr], model.Phase(r[1].(string)))
	})
	for _, tr := range trials {
		want := slices.Sorted(slices.Values(slices.Clone(tr.Phases)))
		if !slices.Equal(phasesFromTable[tr], slices.Compact(want)) {
			t.Errorf("%s: trial_phases %v, phases column %v", tr.ID, phasesFromTable[tr], tr.Phases)
		}
	}
	each("SELECT trial_no, condition FROM conditions ORDER BY trial_no, seq", func(tr *model.Trial, r []any) {
		tr.Conditions = append(tr.Conditions, r[1].(string))
	})
	each("SELECT trial_no, keyword FROM keywords ORDER BY trial_no, seq", func(tr *model.Trial, r []any) {
		tr.Keywords = append(tr.Keywords, r[1].(string))
	})
	each("SELECT trial_no, kind, term FROM mesh_terms ORDER BY trial_no, kind, seq", func(tr *model.Trial, r []any) {
		if r[1] == "condition" {
			tr.MeshConditions = append(tr.MeshConditions, r[2].(string))
		} else {
			tr.MeshInterventions = append(tr.MeshInterventions, r[2].(string))
		}
	})
	each("SELECT trial_no, name, class FROM collaborators ORDER BY trial_no, seq", func(tr *model.Trial, r []any) {
		tr.Collaborators = append(tr.Collaborators, model.Sponsor{Name: str(r[1]), Class: model.SponsorClass(str(r[2]))})
	})
	each("SELECT trial_no, label, type, description FROM arms ORDER BY trial_no, arm_no", func(tr *model.Trial, r []any) {
		tr.Arms = append(tr.Arms, model.Arm{Label: str(r[1]), Type: model.ArmType(str(r[2])), Description: str(r[3])})
	})
	each("SELECT trial_no, name, type, description FROM interventions ORDER BY trial_no, intervention_no", func(tr *model.Trial, r []any) {
		tr.Interventions = append(tr.Interventions, model.Intervention{Name: str(r[1]), Type: model.InterventionType(str(r[2])), Description: str(r[3])})
	})
	each("SELECT trial_no, intervention_no, name FROM intervention_names ORDER BY trial_no, intervention_no, seq", func(tr *model.Trial, r []any) {
		iv := &tr.Interventions[r[1].(int64)-1]
		iv.OtherNames = append(iv.OtherNames, r[2].(string))
	})
	each(`SELECT ai.trial_no, ai.arm_no, ai.intervention_no, ai.intervention_name, a.label
		FROM arm_interventions ai JOIN arms a USING (trial_no, arm_no)
		ORDER BY ai.trial_no, ai.arm_no, ai.seq`, func(tr *model.Trial, r []any) {
		arm := &tr.Arms[r[1].(int64)-1]
		arm.Interventions = append(arm.Interventions, r[3].(string))
		if r[2] != nil {
			iv := &tr.Interventions[r[2].(int64)-1]
			iv.Arms = append(iv.Arms, str(r[4]))
		}
	})
	each("SELECT trial_no, kind, measure, time_frame, description FROM outcomes ORDER BY trial_no, kind, seq", func(tr *model.Trial, r []any) {
		o := model.Outcome{Measure: str(r[2]), TimeFrame: str(r[3]), Description: str(r[4])}
		switch r[1] {
		case "primary":
			tr.Outcomes.Primary = append(tr.Outcomes.Primary, o)
		case "secondary":
			tr.Outcomes.Secondary = append(tr.Outcomes.Secondary, o)
		default:
			tr.Outcomes.Other = append(tr.Outcomes.Other, o)
		}
	})
	each("SELECT trial_no, country FROM countries ORDER BY trial_no, seq", func(tr *model.Trial, r []any) {
		tr.Countries = append(tr.Countries, r[1].(string))
	})
	each("SELECT trial_no, facility, city, state, zip, country, status FROM locations ORDER BY trial_no, site_no", func(tr *model.Trial, r []any) {
		tr.Locations = append(tr.Locations, model.Location{Facility: str(r[1]), City: str(r[2]), State: str(r[3]), Zip: str(r[4]), Country: str(r[5]), Status: str(r[6])})
	})
	each("SELECT trial_no, site_no, name, role, phone, email FROM contacts ORDER BY trial_no, site_no NULLS FIRST, seq", func(tr *model.Trial, r []any) {
		c := model.Contact{Name: str(r[2]), Role: str(r[3]), Phone: str(r[4]), Email: str(r[5])}
		if r[1] == nil {
			tr.CentralContacts = append(tr.CentralContacts, c)
		} else {
			l := &tr.Locations[r[1].(int64)-1]
			l.Contacts = append(l.Contacts, c)
		}
	})
	each("SELECT trial_no, name, role, affiliation FROM investigators ORDER BY trial_no, seq", func(tr *model.Trial, r []any) {
		tr.Investigators = append(tr.Investigators, model.Investigator{Name: str(r[1]), Role: str(r[2]), Affiliation: str(r[3])})
	})
	readCriteria(t, db, byNo)
	each("SELECT trial_no, text FROM criteria_notes ORDER BY trial_no, seq", func(tr *model.Trial, r []any) {
		tr.Eligibility.Notes = append(tr.Eligibility.Notes, r[1].(string))
	})
	each(`SELECT trial_no, variable, min, max, min_inclusive, max_inclusive, unit, allowed_values,
		from_section, conditional, text FROM requirements ORDER BY trial_no, seq`, func(tr *model.Trial, r []any) {
		tr.Eligibility.Requirements = append(tr.Eligibility.Requirements, model.Requirement{
			Variable: r[1].(string), Min: optFloatOf(r[2]), Max: optFloatOf(r[3]),
			MinInclusive: optBool(r[4]), MaxInclusive: optBool(r[5]), Unit: model.Unit(str(r[6])),
			Values: split(r[7]), From: str(r[8]), Conditional: r[9].(int64) == 1, Text: str(r[10]),
		})
	})
	each("SELECT trial_no, secondary_id, type FROM secondary_ids ORDER BY trial_no, seq", func(tr *model.Trial, r []any) {
		tr.SecondaryIDs = append(tr.SecondaryIDs, model.SecondaryID{ID: r[1].(string), Type: str(r[2])})
	})
	each("SELECT trial_no, pmid, citation, type FROM trial_references ORDER BY trial_no, seq", func(tr *model.Trial, r []any) {
		tr.References = append(tr.References, model.Reference{PMID: str(r[1]), Citation: str(r[2]), Type: str(r[3])})
	})
	each("SELECT trial_no, kind, nct_id FROM linked_trials ORDER BY trial_no, kind, seq", func(tr *model.Trial, r []any) {
		if r[1] == "related" {
			tr.RelatedTrials = append(tr.RelatedTrials, r[2].(string))
		} else {
			tr.SimilarTrials = append(tr.SimilarTrials, r[2].(string))
		}
	})
	each("SELECT trial_no, text FROM warnings ORDER BY trial_no, seq", func(tr *model.Trial, r []any) {
		tr.Warnings = append(tr.Warnings, r[1].(string))
	})
	return trials
}

// readCriteria rebuilds the nesting from parent_id alone, checking that
// item_no and depth agree with it.
func readCriteria(t *testing.T, db *sql.DB, byNo map[int64]*model.Trial) {
	type node struct {
		c        model.Criterion
		children []int64
	}
	nodes := map[int64]*node{}
	type top struct {
		no   int64
		kind string
		id   int64
	}
	var tops []top
	lastItem := map[string]int64{}
	depth := map[int64]int64{}
	for _, r := range query(t, db, "SELECT criterion_id, trial_no, kind, item_no, parent_id, depth, text FROM criteria ORDER BY trial_no, kind, item_no") {
		id, no, kind, item := r[0].(int64), r[1].(int64), r[2].(string), r[3].(int64)
		key := fmt.Sprint(no, kind)
		if item != lastItem[key]+1 {
			t.Errorf("trial_no %d %s: item_no %d after %d", no, kind, item, lastItem[key])
		}
		lastItem[key] = item
		nodes[id] = &node{c: model.Criterion{Text: str(r[6])}}
		if r[4] == nil {
			depth[id] = 0
			tops = append(tops, top{no, kind, id})
		} else {
			parent := r[4].(int64)
			p := nodes[parent]
			if p == nil {
				t.Fatalf("criterion %d: parent %d comes later or not at all", id, parent)
			}
			p.children = append(p.children, id)
			depth[id] = depth[parent] + 1
		}
		if depth[id] != r[5].(int64) {
			t.Errorf("criterion %d: depth %d, parents say %d", id, r[5], depth[id])
		}
	}
	var tree func(id int64) model.Criterion
	tree = func(id int64) model.Criterion {
		n := nodes[id]
		c := n.c
		for _, ch := range n.children {
			c.Children = append(c.Children, tree(ch))
		}
		return c
	}
	for _, tp := range tops {
		tr := byNo[tp.no]
		if tp.kind == "inclusion" {
			tr.Eligibility.Inclusion = append(tr.Eligibility.Inclusion, tree(tp.id))
		} else {
			tr.Eligibility.Exclusion = append(tr.Eligibility.Exclusion, tree(tp.id))
		}
	}
}

// TestAbsentIsNull: a trial that states nothing has NULL in every column
// but its key, id, source and the has_results flag — no "" and no 0.
func TestAbsentIsNull(t *testing.T) {
	db := open(t, buildDB(t, t.TempDir(), handBuilt()[4:]))
	rs, err := db.Query("SELECT * FROM trials")
	if err != nil {
		t.Fatal(err)
	}
	cols, _ := rs.Columns()
	rs.Close()
	row := query(t, db, "SELECT * FROM trials")[0]
	notNull := map[string]bool{"trial_no": true, "id": true, "has_results": true, "source_path": true, "source_format": true}
	for i, c := range cols {
		if notNull[c] {
			if row[i] == nil {
				t.Errorf("%s is NULL", c)
			}
		} else if row[i] != nil {
			t.Errorf("%s = %#v, want NULL", c, row[i])
		}
	}
	for _, table := range []string{"trial_phases", "conditions", "arms", "criteria", "requirements", "contacts", "locations"} {
		if n := query(t, db, "SELECT count(*) FROM "+table)[0][0].(int64); n != 0 {
			t.Errorf("%s: %d rows for a trial with none", table, n)
		}
	}
}

func TestAgeYears(t *testing.T) {
	for _, c := range []struct {
		in   string
		want any
	}{
		{"18 Years", 18.0}, {"1 Year", 1.0}, {"6 Months", 0.5}, {"26 Weeks", 26 * 7 / 365.25},
		{"365.25 Days", 1.0}, {"2.5 Years", 2.5}, {"N/A", nil}, {"", nil}, {"Years", nil},
		{"18 Parsecs", nil}, {"-1 Years", nil}, {"1e3 Years", nil}, {"NaN Years", nil}, {"Inf Years", nil},
	} {
		got := ageYears(c.in)
		if g, ok := got.(float64); ok && c.want != nil && math.Abs(g-c.want.(float64)) < 1e-12 {
			continue
		}
		if got != c.want {
			t.Errorf("ageYears(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestSanitised: escape sequences and control characters in any text
// reach no table.
func TestSanitised(t *testing.T) {
	evil := "Title\x1b]8;;http://x\x07link\x1b]8;;\x07 \x1b[31mred\x1b[0m\u202eevil\x00"
	tr := &model.Trial{ID: "NCT99000010", Title: evil, Conditions: []string{evil},
		Eligibility: model.Eligibility{Inclusion: []model.Criterion{{Text: evil + "\nsecond line"}}},
		Locations:   []model.Location{{City: evil, Contacts: []model.Contact{{Name: evil}}}},
		Source:      model.Source{Path: "evil\x1b[2J.txt"}}
	db := open(t, buildDB(t, t.TempDir(), []*model.Trial{tr}))
	for _, c := range []struct{ table, col, want string }{
		{"trials", "title", "Titlelink redevil"}, {"conditions", "condition", "Titlelink redevil"},
		{"criteria", "text", "Titlelink redevil\nsecond line"}, {"locations", "city", "Titlelink redevil"},
		{"contacts", "name", "Titlelink redevil"}, {"trials", "source_path", "evil.txt"},
	} {
		got := query(t, db, "SELECT "+c.col+" FROM "+c.table)[0][0]
		if got != c.want {
			t.Errorf("%s.%s = %q, want %q", c.table, c.col, got, c.want)
		}
	}
}

// TestAtomic: the file appears at its name only when the export succeeds;
// a failure or an abort leaves the name as it was and no temporary file.
func TestAtomic(t *testing.T) {
	good := handBuilt()[:1]
	dir := t.TempDir()
	path := filepath.Join(dir, "out.db")
	if err := os.WriteFile(path, []byte("previous export"), 0o644); err != nil {
		t.Fatal(err)
	}
	leftovers := func() {
		t.Helper()
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if e.Name() != "out.db" {
				t.Errorf("left behind: %s", e.Name())
			}
		}
	}
	kept := func() {
		t.Helper()
		if b, _ := os.ReadFile(path); string(b) != "previous export" {
			t.Errorf("the previous file was changed: %.20q", b)
		}
	}

	// Aborted part-way.
	w, err := Create(path, Info{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(good[0]); err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(good[0]); err == nil {
		t.Error("Write after Abort succeeded")
	}
	kept()
	leftovers()

	// A trial that cannot be stored: the error names it; Close fails too.
	w, err = Create(path, Info{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(good[0]); err != nil {
		t.Fatal(err)
	}
	err = w.Write(&model.Trial{Source: model.Source{Path: "bad.json"}})
	if err == nil || !strings.Contains(err.Error(), "bad.json") {
		t.Errorf("Write of a trial without id: %v", err)
	}
	if err := w.Close(); err == nil {
		t.Error("Close after a failed Write succeeded")
	}
	kept()
	leftovers()

	// Success replaces the old file.
	w, err = Create(path, Info{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(good[0]); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	db := open(t, path)
	if n := query(t, db, "SELECT count(*) FROM trials")[0][0]; n != int64(1) {
		t.Errorf("%v trials in the new file", n)
	}
	leftovers()

	// Unwritable places fail at once, with the path in the message.
	for _, bad := range []string{filepath.Join(dir, "no", "such", "dir.db"), dir} {
		if _, err := Create(bad, Info{}); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("Create(%s): %v", bad, err)
		}
	}
	leftovers()
}

// TestOddFileName: characters a SQLite URI reads specially are file-name
// characters here.
func TestOddFileName(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a?b#c%20d.db")
	w, err := Create(path, Info{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(handBuilt()[1]); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("%d files in the directory, want 1", len(ents))
	}
}

func TestBuildFailureIsReported(t *testing.T) {
	// Two trials with the same trial_no cannot happen through Write; a
	// broken statement can: the build goroutine's error must reach Write
	// or Close rather than vanish.
	dir := t.TempDir()
	path := filepath.Join(dir, "x.db")
	w, err := Create(path, Info{})
	if err != nil {
		t.Fatal(err)
	}
	w.send(job{k: insCondition, buf: &rowBuf{args: make([]driver.NamedValue, 3*rowsPerInsert), rows: 1}})
	var werr error
	for i := 0; i < 1000 && werr == nil; i++ {
		werr = w.Write(handBuilt()[1])
	}
	cerr := w.Close()
	if werr == nil && cerr == nil {
		t.Fatal("a failed insert was not reported")
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed build left %s: %v", path, err)
	}
}
