package search_test

import (
	"slices"
	"testing"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
)

// fixtureTrials are trials written for these tests, one field or shape
// each: the comments say what each is there to show.
func fixtureTrials() []*model.Trial {
	intp := func(n int) *int { return &n }
	boolp := func(b bool) *bool { return &b }
	crit := func(ss ...string) []model.Criterion {
		var out []model.Criterion
		for _, s := range ss {
			out = append(out, model.Criterion{Text: s})
		}
		return out
	}
	return []*model.Trial{
		{ // T1: recruiting phase 3, two countries, a EudraCT number, criteria with "Child-Pugh".
			ID: "NCT00000001", NCTID: "NCT00000001", Acronym: "LEAP-012",
			Title:  "Lenvatinib Plus TACE in Hepatocellular Carcinoma",
			Status: model.StatusRecruiting, Phases: []model.Phase{model.Phase3}, StudyType: model.StudyInterventional,
			Enrollment: intp(120), EnrollmentType: model.DateEstimated, StartDate: "2024-03", LastUpdated: "2025-02-10",
			Conditions:    []string{"Hepatocellular Carcinoma"},
			Interventions: []model.Intervention{{Name: "Lenvatinib", Type: model.InterventionDrug, OtherNames: []string{"E7080", "Lenvima"}, Arms: []string{"Arm A"}}},
			LeadSponsor:   model.Sponsor{Name: "Eisai Inc.", Class: model.ClassIndustry},
			Collaborators: []model.Sponsor{{Name: "Mayo Clinic", Class: model.ClassOther}},
			Locations: []model.Location{
				{Facility: "Mayo Clinic", City: "Rochester", Country: "United States"},
				{Facility: "Charité Universitätsmedizin Berlin", City: "Berlin", Country: "Germany"},
			},
			Countries:       []string{"United States", "Germany"},
			OrgStudyID:      "E7080-G000-311",
			StatusVerified:  "2025-01",
			CentralContacts: []model.Contact{{Name: "Jane Smith", Email: "jane.smith@eisai.com"}},
			SecondaryIDs:    []model.SecondaryID{{ID: "E7080-G000-311"}, {ID: "2011-004792-36", Type: "EudraCT"}},
			Eligibility: model.Eligibility{MinAge: "18 Years", Sex: model.SexAll, HealthyVolunteers: boolp(false),
				Inclusion: crit("Child-Pugh class A liver function", "ECOG performance status 0-1"),
				Exclusion: crit("Prior systemic therapy for hepatocellular carcinoma")},
		},
		{ // T2: completed phase 2 with results, women only; "Child Pugh" with a space.
			ID: "NCT00000002", NCTID: "NCT00000002",
			Title:  "Afatinib in Lung Cancer",
			Status: model.StatusCompleted, Phases: []model.Phase{model.Phase2}, StudyType: model.StudyInterventional,
			Enrollment: intp(40), StartDate: "2015-06-01", LastUpdated: "2019-01", HasResults: true,
			Conditions:     []string{"Non-small Cell Lung Cancer"},
			Interventions:  []model.Intervention{{Name: "Afatinib", Type: model.InterventionDrug}},
			LeadSponsor:    model.Sponsor{Name: "Boehringer Ingelheim", Class: model.ClassIndustry},
			Locations:      []model.Location{{Facility: "University Hospital", City: "Lyon", Country: "France", Contacts: []model.Contact{{Name: "Paul Martin"}}}},
			StatusVerified: "2018-12",
			Countries:      []string{"France"},
			Eligibility: model.Eligibility{MinAge: "18 Years", MaxAge: "75 Years", Sex: model.SexFemale, HealthyVolunteers: boolp(false),
				Raw: "Inclusion: Child Pugh score B or better. Exclusion: pregnancy."},
		},
		{ // T3: not yet recruiting phase 2/3, men only, a child's age, healthy volunteers.
			ID: "NCT05168163", NCTID: "NCT05168163",
			Title:  "Atezolizumab and Bevacizumab, a Phase 2/3 Study",
			Status: model.StatusNotYetRecruiting, Phases: []model.Phase{model.Phase2, model.Phase3}, StudyType: model.StudyInterventional,
			StartDate: "2026", LastUpdated: "2025-06-30",
			Conditions:    []string{"Hepatocellular Carcinoma"},
			Interventions: []model.Intervention{{Name: "Atezolizumab"}, {Name: "Bevacizumab"}},
			LeadSponsor:   model.Sponsor{Name: "National Cancer Institute (NCI)", Class: model.ClassNIH},
			Locations:     []model.Location{{Facility: "Memorial Sloan Kettering Cancer Center", City: "New York", Country: "United States"}},
			Countries:     []string{"United States"},
			Eligibility: model.Eligibility{MinAge: "6 Months", MaxAge: "65 Years", Sex: model.SexMale, HealthyVolunteers: boolp(true),
				Inclusion: crit("Adequate liver function")},
		},
		{ // T4: observational, no phase, no ages; its sponsor is T1's collaborator.
			ID: "NCT00000004", NCTID: "NCT00000004",
			Title:  "Registry of Liver Transplant Outcomes",
			Status: model.StatusActiveNotRecruiting, StudyType: model.StudyObservational,
			Enrollment: intp(1000), StartDate: "2010-01-15", LastUpdated: "2023-11-02",
			Conditions:  []string{"Liver Transplant"},
			LeadSponsor: model.Sponsor{Name: "Mayo Clinic", Class: model.ClassOther},
			Locations:   []model.Location{{Facility: "Mayo Clinic Rochester", City: "Rochester", Country: "United States"}},
			Countries:   []string{"United States"},
			Eligibility: model.Eligibility{Sex: model.SexAll, StudyPopulation: "Adults after liver transplant"},
		},
		{ // T5: no NCT id (a derived one); a collaborator; early phase.
			ID:     "CC-ABCDEF12",
			Title:  "Sorafenib for Children With Hepatoblastoma",
			Status: model.StatusEnrollingByInvitation, Phases: []model.Phase{model.PhaseEarly1}, StudyType: model.StudyInterventional,
			Enrollment: intp(30), StartDate: "2021-09", LastUpdated: "2024-12-01",
			Conditions:    []string{"Hepatoblastoma"},
			Interventions: []model.Intervention{{Name: "Sorafenib"}},
			LeadSponsor:   model.Sponsor{Name: "Children's Oncology Group", Class: model.ClassNetwork},
			Collaborators: []model.Sponsor{{Name: "Pfizer", Class: model.ClassIndustry}},
			Locations:     []model.Location{{Facility: "Hospital Sant Joan de Déu", City: "Barcelona", Country: "Spain"}},
			Countries:     []string{"Spain"},
			Eligibility:   model.Eligibility{MaxAge: "17 Years", Sex: model.SexAll},
		},
		{ // T6: expanded access.
			ID: "NCT00000006", NCTID: "NCT00000006",
			Title:  "Expanded Access to Drug XY-101",
			Status: model.StatusAvailable, StudyType: model.StudyExpandedAccess, LastUpdated: "2022-05",
			Interventions: []model.Intervention{{Name: "XY-101"}},
			LeadSponsor:   model.Sponsor{Name: "Xylo Pharma", Class: model.ClassIndustry},
		},
		{ // T7: terminated phase 4, updated in January 2025.
			ID: "NCT00000007", NCTID: "NCT00000007",
			Title:  "Pembrolizumab After Surgery",
			Status: model.StatusTerminated, Phases: []model.Phase{model.Phase4}, StudyType: model.StudyInterventional,
			Enrollment: intp(500), StartDate: "2020-01-01", LastUpdated: "2025-01-15",
			Conditions:    []string{"Melanoma"},
			Interventions: []model.Intervention{{Name: "Pembrolizumab", OtherNames: []string{"MK-3475"}}},
			LeadSponsor:   model.Sponsor{Name: "Merck Sharp & Dohme LLC", Class: model.ClassIndustry},
			Eligibility:   model.Eligibility{MinAge: "12 Years", Sex: model.SexAll},
		},
		{ // T8: a device trial, phase N/A, status unknown.
			ID: "NCT00000008", NCTID: "NCT00000008",
			Title:  "Device for Phase Monitoring",
			Status: model.StatusUnknown, Phases: []model.Phase{model.PhaseNA}, StudyType: model.StudyInterventional,
			Conditions:  []string{"Atrial Fibrillation"},
			LeadSponsor: model.Sponsor{Name: "Acme Devices", Class: model.ClassIndustry},
		},
	}
}

// fixture indexes fixtureTrials, keeping the trials for Options.Trial.
func fixture(t testing.TB) (*search.Index, []*model.Trial) {
	t.Helper()
	trials := fixtureTrials()
	b := search.NewBuilder(len(trials))
	for _, tr := range trials {
		b.AddTrial(tr)
	}
	return b.Index(), trials
}

func run(t testing.TB, ix *search.Index, q string, o search.Options) *search.Matches {
	t.Helper()
	pq, err := search.Parse(q)
	if err != nil {
		t.Fatalf("Parse(%q): %v", q, err)
	}
	return ix.Run(pq, o)
}

func rowIDs(ix *search.Index, rows []int) []string {
	out := []string{}
	for _, r := range rows {
		out = append(out, ix.Record(r).ID)
	}
	return out
}

// sortedIDs is the ids of the matches, sorted: for tests about which
// trials match rather than their order.
func sortedIDs(ix *search.Index, m *search.Matches) []string {
	ids := rowIDs(ix, m.All())
	slices.Sort(ids)
	return ids
}
