package search_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/loader/synthetic"
	"github.com/trials-app/trials/model"
)

// The benchmarks index a synthetic registry shaped like the real one:
// titles, conditions and sponsors drawn from the words of the real fixture
// records; criteria texts of the real records with one word in twenty-five
// replaced from a long tail (the registry's criteria have about a million
// distinct words); interventions from a large pool of generated drug-like
// names and a few real ones; sites, cities and countries skewed as the
// registry's are (half the trials at one site, a few at hundreds).

var (
	poolOnce  sync.Once
	pool      []string // title words
	criteria  []string // real criteria texts
	drugs     []string
	tail      []string // rare words for criteria
	cityNames []string
	siteNames []string
	orgNames  []string
)

// Pool sizes: the registry's, for benchmarks; tests that only need many
// trials of the same shape take a tenth (made in a tenth of the time).
var poolDrugs, poolTail, poolCities, poolSites, poolOrgs = 300_000, 1_000_000, 15_000, 40_000, 30_000

var realDrugs = []string{"Lenvatinib", "Sorafenib", "Atezolizumab", "Bevacizumab", "Pembrolizumab", "Nivolumab",
	"Afatinib", "Regorafenib", "Cabozantinib", "Durvalumab", "Tremelimumab", "Carboplatin", "Paclitaxel", "Placebo"}

var countryPool = []string{"United States", "China", "France", "Germany", "United Kingdom", "Canada", "Italy", "Spain",
	"Japan", "Korea, Republic of", "Egypt", "Turkey (Türkiye)", "Brazil", "Australia", "Netherlands", "Belgium", "Denmark",
	"Switzerland", "Israel", "Taiwan", "Poland", "Sweden", "Iran, Islamic Republic of", "India", "Mexico", "Austria",
	"Norway", "Russian Federation", "Argentina", "Greece", "Czechia", "Hungary", "Finland", "Pakistan", "Thailand",
	"Portugal", "Ireland", "Singapore", "South Africa", "Chile", "Colombia", "Romania", "Saudi Arabia", "Hong Kong",
	"New Zealand", "Peru", "Ukraine", "Bulgaria", "Vietnam", "Malaysia", "Nigeria", "Kenya", "Uganda", "Tanzania"}

func corpusPools(tb testing.TB) {
	poolOnce.Do(func() {
		if _, bench := tb.(*testing.B); !bench {
			poolDrugs, poolTail, poolCities, poolSites, poolOrgs = 5_000, 20_000, 500, 1_000, 1_000
		}
		seen := map[string]bool{}
		res := loader.Load("../loader/testdata/ctgov/json", "../loader/testdata/ctgov/xml", "../seeds")
		for _, tr := range res.Trials {
			for _, s := range []string{tr.Title, tr.OfficialTitle, tr.BriefSummary, tr.DetailedDescription} {
				for _, w := range strings.Fields(s) {
					w = strings.Trim(w, ".,;:()[]\"'")
					if len(w) > 2 && !seen[strings.ToLower(w)] {
						seen[strings.ToLower(w)] = true
						pool = append(pool, w)
					}
				}
			}
			if c := criteriaText(tr); len(c) > 200 {
				criteria = append(criteria, c)
			}
		}
		r := rand.New(rand.NewPCG(1, 2))
		syl := []string{"ab", "ze", "li", "mu", "ta", "ni", "ve", "ra", "fe", "lo", "zu", "ki", "ro", "pa", "de", "si"}
		ends := []string{"mab", "nib", "tinib", "ciclib", "parib", "stat", "vir", "prazole", "olol", "pril", "sartan", "cept"}
		word := func(k int) string {
			var sb strings.Builder
			for range k {
				sb.WriteString(syl[r.IntN(len(syl))])
			}
			return sb.String()
		}
		for range poolDrugs {
			name := word(2+r.IntN(3)) + ends[r.IntN(len(ends))]
			drugs = append(drugs, strings.ToUpper(name[:1])+name[1:])
		}
		for i := range poolTail {
			switch i % 4 {
			case 0:
				tail = append(tail, fmt.Sprintf("%d.%d", r.IntN(500), r.IntN(100)))
			case 1:
				tail = append(tail, strings.ToUpper(word(1))+fmt.Sprint(r.IntN(99999)))
			default:
				tail = append(tail, word(3+r.IntN(3)))
			}
		}
		for range poolCities {
			c := word(2 + r.IntN(2))
			cityNames = append(cityNames, strings.ToUpper(c[:1])+c[1:])
		}
		kinds := []string{"University Hospital", "Medical Center", "Cancer Institute", "Clinic", "Research Site", "General Hospital", "Oncology Associates"}
		for range poolSites {
			c := cityNames[r.IntN(len(cityNames))]
			siteNames = append(siteNames, c+" "+kinds[r.IntN(len(kinds))])
		}
		for range poolOrgs {
			w := word(2 + r.IntN(2))
			orgNames = append(orgNames, strings.ToUpper(w[:1])+w[1:]+" "+[]string{"Pharmaceuticals", "University", "Foundation", "Inc.", "Hospital", "Group"}[r.IntN(6)])
		}
	})
	if _, bench := tb.(*testing.B); bench && poolTail < 1_000_000 {
		tb.Fatal("the benchmarks need the full pools: run them apart from the tests (-run XXX)")
	}
	if len(pool) < 1000 || len(criteria) < 20 {
		tb.Fatalf("word pool of %d words, %d criteria texts", len(pool), len(criteria))
	}
}

func criteriaText(t *model.Trial) string {
	var b strings.Builder
	var walk func([]model.Criterion)
	walk = func(cs []model.Criterion) {
		for _, c := range cs {
			b.WriteString(c.Text)
			b.WriteByte('\n')
			walk(c.Children)
		}
	}
	walk(t.Eligibility.Inclusion)
	walk(t.Eligibility.Exclusion)
	if b.Len() == 0 {
		return t.Eligibility.Raw
	}
	return b.String()
}

// synthTrial makes trial i of a synthetic corpus; the same i always
// gives the same trial.
func synthTrial(i int) *model.Trial {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	pick := func(k int) string {
		ws := make([]string, k)
		for j := range ws {
			ws[j] = pool[r.IntN(len(pool))]
		}
		return strings.Join(ws, " ")
	}
	t := &model.Trial{ID: fmt.Sprintf("NCT%08d", i), Title: pick(8 + r.IntN(8))}
	t.NCTID = t.ID
	if r.IntN(30) == 0 {
		t.Title = "Hepatocellular Carcinoma: " + t.Title
		t.Conditions = append(t.Conditions, "Hepatocellular Carcinoma")
	}
	for range 1 + r.IntN(3) {
		t.Conditions = append(t.Conditions, pick(1+r.IntN(3)))
	}
	statuses := []model.Status{model.StatusCompleted, model.StatusCompleted, model.StatusCompleted, model.StatusRecruiting,
		model.StatusUnknown, model.StatusTerminated, model.StatusActiveNotRecruiting, model.StatusNotYetRecruiting, model.StatusWithdrawn}
	t.Status = statuses[r.IntN(len(statuses))]
	t.StudyType = []model.StudyType{model.StudyInterventional, model.StudyInterventional, model.StudyInterventional, model.StudyObservational}[r.IntN(4)]
	if t.StudyType == model.StudyInterventional {
		t.Phases = [][]model.Phase{{model.PhaseNA}, {model.Phase1}, {model.Phase2}, {model.Phase3}, {model.Phase2, model.Phase3}, {model.Phase4}, {model.Phase1, model.Phase2}}[r.IntN(7)]
	}
	n := r.IntN(1000)
	t.Enrollment = &n
	t.StartDate = fmt.Sprintf("%d-%02d", 1999+r.IntN(27), 1+r.IntN(12))
	t.LastUpdated = fmt.Sprintf("%d-%02d-%02d", 2008+r.IntN(18), 1+r.IntN(12), 1+r.IntN(28))
	t.Eligibility.MinAge = fmt.Sprintf("%d Years", []int{18, 18, 18, 2, 40, 65}[r.IntN(6)])
	if r.IntN(2) == 0 {
		t.Eligibility.MaxAge = fmt.Sprintf("%d Years", 50+r.IntN(40))
	}
	t.Eligibility.Sex = []model.Sex{model.SexAll, model.SexAll, model.SexAll, model.SexFemale, model.SexMale}[r.IntN(5)]
	hv := r.IntN(4) == 0
	t.Eligibility.HealthyVolunteers = &hv
	t.HasResults = r.IntN(6) == 0
	t.LeadSponsor = model.Sponsor{Name: orgNames[synthetic.Zipf(r, len(orgNames))], Class: []model.SponsorClass{model.ClassIndustry, model.ClassOther, model.ClassOther, model.ClassNIH}[r.IntN(4)]}
	for range r.IntN(3) {
		t.Collaborators = append(t.Collaborators, model.Sponsor{Name: orgNames[synthetic.Zipf(r, len(orgNames))]})
	}
	t.OrgStudyID = fmt.Sprintf("%s-%d", strings.ToUpper(pool[r.IntN(len(pool))][:2]), r.IntN(99999))
	t.SecondaryIDs = []model.SecondaryID{{ID: t.OrgStudyID}}
	if r.IntN(7) == 0 {
		t.SecondaryIDs = append(t.SecondaryIDs, model.SecondaryID{ID: fmt.Sprintf("20%02d-%06d-%02d", r.IntN(25), r.IntN(999999), r.IntN(99)), Type: "EudraCT"})
	}
	for range 1 + r.IntN(4) {
		name := drugs[r.IntN(len(drugs))]
		if r.IntN(20) == 0 {
			name = realDrugs[r.IntN(len(realDrugs))]
		}
		iv := model.Intervention{Name: name, Type: model.InterventionDrug, Arms: []string{"Arm A"}}
		if r.IntN(3) == 0 {
			iv.OtherNames = []string{strings.ToUpper(drugs[r.IntN(len(drugs))][:3]) + fmt.Sprint(r.IntN(9999))}
		}
		t.Interventions = append(t.Interventions, iv)
	}
	nsites := synthetic.Sites(r)
	home := synthetic.Zipf(r, len(countryPool))
	seenC := map[string]bool{}
	for range nsites {
		c := home
		if r.IntN(4) == 0 {
			c = synthetic.Zipf(r, len(countryPool))
		}
		s := synthetic.Zipf(r, len(siteNames))
		t.Locations = append(t.Locations, model.Location{Facility: siteNames[s], City: strings.Fields(siteNames[s])[0], Country: countryPool[c]})
		if !seenC[countryPool[c]] {
			seenC[countryPool[c]] = true
			t.Countries = append(t.Countries, countryPool[c])
		}
	}
	// Criteria: a real text, one word in twenty-five from the long tail.
	words := strings.Fields(criteria[r.IntN(len(criteria))])
	for j := range words {
		if r.IntN(25) == 0 {
			words[j] = tail[synthetic.Zipf(r, len(tail))]
		}
	}
	t.Eligibility.Raw = strings.Join(words, " ")
	return t
}
