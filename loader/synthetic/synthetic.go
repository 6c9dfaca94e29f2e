// Package synthetic writes registry-shaped downloads for benchmarks: a zip
// of ClinicalTrials.gov API v2 study files, like the site's bulk
// ctg-studies.json.zip, of any size. The studies are built from the real
// fixture records (their descriptions, outcomes, references, results and
// criteria) with what varies across the registry generated: ids, titles,
// conditions, sponsors, statuses, phases and dates, interventions from a
// large pool of drug-like names, sites skewed as the registry's are (half
// the trials at one site, a few at hundreds), criteria with one word in
// twenty-five from a long tail (the registry's criteria have about a
// million distinct words). A study is about 13 KB of JSON indented by one space, as the
// registry's are on average; the same seed and index always give the same
// study.
//
// It is for benchmarks and the tools that make their corpora: nothing in
// the program imports it.
package synthetic

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Generator makes studies from the fixtures it was given.
type Generator struct {
	seed      uint64
	templates []template
	results   []json.RawMessage // resultsSection of the fixtures that have one
	words     []string          // for titles and conditions
	criteria  []string          // real criteria texts
	drugs     []string
	tail      []string
	cities    []string
	sites     []string
	orgs      []string
}

// template is what a study takes unchanged from one fixture.
type template struct {
	description, outcomes, references, derived json.RawMessage
	designInfo                                 json.RawMessage
	officials                                  json.RawMessage
	armDescriptions                            []string
}

var countries = []string{"United States", "China", "France", "Germany", "United Kingdom", "Canada", "Italy", "Spain",
	"Japan", "Korea, Republic of", "Egypt", "Turkey (Türkiye)", "Brazil", "Australia", "Netherlands", "Belgium", "Denmark",
	"Switzerland", "Israel", "Taiwan", "Poland", "Sweden", "Iran, Islamic Republic of", "India", "Mexico", "Austria",
	"Norway", "Russian Federation", "Argentina", "Greece", "Czechia", "Hungary", "Finland", "Pakistan", "Thailand",
	"Portugal", "Ireland", "Singapore", "South Africa", "Chile", "Colombia", "Romania", "Saudi Arabia", "Hong Kong",
	"New Zealand", "Peru", "Ukraine", "Bulgaria", "Vietnam", "Malaysia", "Nigeria", "Kenya", "Uganda", "Tanzania"}

var realDrugs = []string{"Lenvatinib", "Sorafenib", "Atezolizumab", "Bevacizumab", "Pembrolizumab", "Nivolumab",
	"Afatinib", "Regorafenib", "Cabozantinib", "Durvalumab", "Tremelimumab", "Carboplatin", "Paclitaxel", "Placebo"}

// New reads the API v2 JSON fixtures in dir (NCT*.json) and makes a
// generator of studies for seed.
func New(dir string, seed uint64) (*Generator, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no API v2 JSON fixtures in %s", dir)
	}
	g := &Generator{seed: seed}
	seen := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var doc struct {
			Protocol struct {
				Identification struct {
					BriefTitle, OfficialTitle string
				} `json:"identificationModule"`
				Description json.RawMessage `json:"descriptionModule"`
				Design      struct {
					DesignInfo json.RawMessage `json:"designInfo"`
				} `json:"designModule"`
				Arms struct {
					ArmGroups []struct {
						Description string `json:"description"`
					} `json:"armGroups"`
				} `json:"armsInterventionsModule"`
				Outcomes    json.RawMessage `json:"outcomesModule"`
				Eligibility struct {
					Criteria string `json:"eligibilityCriteria"`
				} `json:"eligibilityModule"`
				Contacts struct {
					Officials json.RawMessage `json:"overallOfficials"`
				} `json:"contactsLocationsModule"`
				References json.RawMessage `json:"referencesModule"`
			} `json:"protocolSection"`
			Results json.RawMessage `json:"resultsSection"`
			Derived json.RawMessage `json:"derivedSection"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		p := doc.Protocol
		t := template{description: p.Description, outcomes: slimOutcomes(p.Outcomes), references: p.References, derived: slimDerived(doc.Derived),
			designInfo: p.Design.DesignInfo, officials: p.Contacts.Officials}
		for _, a := range p.Arms.ArmGroups {
			t.armDescriptions = append(t.armDescriptions, a.Description)
		}
		g.templates = append(g.templates, t)
		if len(doc.Results) > 0 {
			g.results = append(g.results, doc.Results)
		}
		if len(p.Eligibility.Criteria) > 200 {
			g.criteria = append(g.criteria, p.Eligibility.Criteria)
		}
		var desc struct{ BriefSummary, DetailedDescription string }
		_ = json.Unmarshal(p.Description, &desc)
		for _, s := range []string{p.Identification.BriefTitle, p.Identification.OfficialTitle, desc.BriefSummary, desc.DetailedDescription} {
			for _, w := range strings.Fields(s) {
				w = strings.Trim(w, ".,;:()[]\"'")
				if len(w) > 2 && !seen[strings.ToLower(w)] {
					seen[strings.ToLower(w)] = true
					g.words = append(g.words, w)
				}
			}
		}
	}
	if len(g.criteria) == 0 || len(g.words) < 100 {
		return nil, fmt.Errorf("the fixtures in %s have too little text to build studies from", dir)
	}
	g.pools()
	return g, nil
}

// slimDerived keeps of a fixture's derivedSection the MeSH terms and their
// ancestors: the browse leaves and branches of the fixtures (picked for
// their rich records) would make every study twice the registry's mean.
func slimDerived(raw json.RawMessage) json.RawMessage {
	var d map[string]map[string]json.RawMessage
	if len(raw) == 0 || json.Unmarshal(raw, &d) != nil {
		return raw
	}
	for _, m := range d {
		delete(m, "browseLeaves")
		delete(m, "browseBranches")
	}
	out, err := json.Marshal(d)
	if err != nil {
		return raw
	}
	return out
}

// slimOutcomes keeps a fixture's first two primary and four secondary
// outcomes: the fixtures list more than the registry's typical study.
func slimOutcomes(raw json.RawMessage) json.RawMessage {
	var o map[string][]json.RawMessage
	if len(raw) == 0 || json.Unmarshal(raw, &o) != nil {
		return raw
	}
	for k, keep := range map[string]int{"primaryOutcomes": 2, "secondaryOutcomes": 4, "otherOutcomes": 0} {
		if len(o[k]) > keep {
			o[k] = o[k][:keep]
		}
		if len(o[k]) == 0 {
			delete(o, k)
		}
	}
	out, err := json.Marshal(o)
	if err != nil {
		return raw
	}
	return out
}

func (g *Generator) pools() {
	r := rand.New(rand.NewPCG(g.seed, 1))
	syl := []string{"ab", "ze", "li", "mu", "ta", "ni", "ve", "ra", "fe", "lo", "zu", "ki", "ro", "pa", "de", "si"}
	ends := []string{"mab", "nib", "tinib", "ciclib", "parib", "stat", "vir", "prazole", "olol", "pril", "sartan", "cept"}
	word := func(k int) string {
		var sb strings.Builder
		for range k {
			sb.WriteString(syl[r.IntN(len(syl))])
		}
		return sb.String()
	}
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	for range 300_000 {
		g.drugs = append(g.drugs, title(word(2+r.IntN(3))+ends[r.IntN(len(ends))]))
	}
	for i := range 1_000_000 {
		switch i % 4 {
		case 0:
			g.tail = append(g.tail, fmt.Sprintf("%d.%d", r.IntN(500), r.IntN(100)))
		case 1:
			g.tail = append(g.tail, strings.ToUpper(word(1))+fmt.Sprint(r.IntN(99999)))
		default:
			g.tail = append(g.tail, word(3+r.IntN(3)))
		}
	}
	for range 15_000 {
		g.cities = append(g.cities, title(word(2+r.IntN(2))))
	}
	kinds := []string{"University Hospital", "Medical Center", "Cancer Institute", "Clinic", "Research Site", "General Hospital", "Oncology Associates"}
	for range 40_000 {
		g.sites = append(g.sites, g.cities[r.IntN(len(g.cities))]+" "+kinds[r.IntN(len(kinds))])
	}
	for range 30_000 {
		g.orgs = append(g.orgs, title(word(2+r.IntN(2)))+" "+[]string{"Pharmaceuticals", "University", "Foundation", "Inc.", "Hospital", "Group"}[r.IntN(6)])
	}
}

// Zipf picks an index below n, small ones far more often.
func Zipf(r *rand.Rand, n int) int {
	x := r.Float64()
	return min(int(float64(n)*x*x*x), n-1)
}

// Sites draws a trial's number of sites as the registry has them: half
// the trials at one, a few at hundreds.
func Sites(r *rand.Rand) int {
	switch x := r.IntN(1000); {
	case x < 500:
		return 1
	case x < 750:
		return 2 + r.IntN(4)
	case x < 920:
		return 6 + r.IntN(15)
	case x < 990:
		return 21 + r.IntN(80)
	default:
		return 101 + r.IntN(200)
	}
}

// NCTID is the id of study i.
func NCTID(i int) string { return fmt.Sprintf("NCT9%07d", i) }

type (
	obj   = map[string]any
	list  = []any
	dated struct {
		Date string `json:"date"`
		Type string `json:"type,omitempty"`
	}
)

// Study is study i as indented JSON.
func (g *Generator) Study(i int) []byte {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)+2))
	pick := func(k int) string {
		ws := make([]string, k)
		for j := range ws {
			ws[j] = g.words[r.IntN(len(g.words))]
		}
		return strings.Join(ws, " ")
	}
	t := &g.templates[r.IntN(len(g.templates))]
	id := NCTID(i)
	briefTitle := pick(6 + r.IntN(10))
	conditions := list{}
	if r.IntN(30) == 0 {
		briefTitle = "Hepatocellular Carcinoma: " + briefTitle
		conditions = append(conditions, "Hepatocellular Carcinoma")
	}
	for range 1 + r.IntN(3) {
		conditions = append(conditions, pick(1+r.IntN(3)))
	}
	ident := obj{"nctId": id, "briefTitle": briefTitle, "officialTitle": pick(12 + r.IntN(14)),
		"orgStudyIdInfo": obj{"id": fmt.Sprintf("%s-%d", strings.ToUpper(g.words[r.IntN(len(g.words))][:2]), r.IntN(99999))}}
	if r.IntN(7) == 0 {
		ident["secondaryIdInfos"] = list{obj{"id": fmt.Sprintf("20%02d-%06d-%02d", r.IntN(25), r.IntN(999999), r.IntN(99)), "type": "EUDRACT_NUMBER"}}
	}
	statuses := []string{"COMPLETED", "COMPLETED", "COMPLETED", "RECRUITING", "UNKNOWN", "TERMINATED", "ACTIVE_NOT_RECRUITING", "NOT_YET_RECRUITING", "WITHDRAWN"}
	date := func(from, years int) string {
		return fmt.Sprintf("%d-%02d-%02d", from+r.IntN(years), 1+r.IntN(12), 1+r.IntN(28))
	}
	start := date(1999, 27)
	status := obj{"overallStatus": statuses[r.IntN(len(statuses))], "statusVerifiedDate": start[:7],
		"startDateStruct": dated{start[:7], "ACTUAL"}, "primaryCompletionDateStruct": dated{date(2005, 22), "ESTIMATED"},
		"completionDateStruct": dated{date(2005, 22), "ESTIMATED"}, "studyFirstPostDateStruct": dated{date(1999, 27), "ACTUAL"},
		"lastUpdatePostDateStruct": dated{date(2008, 18), "ACTUAL"}, "expandedAccessInfo": obj{"hasExpandedAccess": false}}
	sponsor := obj{"leadSponsor": obj{"name": g.orgs[Zipf(r, len(g.orgs))], "class": []string{"INDUSTRY", "OTHER", "OTHER", "NIH"}[r.IntN(4)]}}
	if k := r.IntN(3); k > 0 {
		var cs list
		for range k {
			cs = append(cs, obj{"name": g.orgs[Zipf(r, len(g.orgs))], "class": "OTHER"})
		}
		sponsor["collaborators"] = cs
	}
	studyType := []string{"INTERVENTIONAL", "INTERVENTIONAL", "INTERVENTIONAL", "OBSERVATIONAL"}[r.IntN(4)]
	design := obj{"studyType": studyType, "enrollmentInfo": obj{"count": r.IntN(1000), "type": "ESTIMATED"}}
	if studyType == "INTERVENTIONAL" {
		design["phases"] = [][]string{{"NA"}, {"PHASE1"}, {"PHASE2"}, {"PHASE3"}, {"PHASE2", "PHASE3"}, {"PHASE4"}, {"PHASE1", "PHASE2"}}[r.IntN(7)]
		if len(t.designInfo) > 0 {
			design["designInfo"] = t.designInfo
		}
	}
	// Arms and interventions.
	var arms, ivs list
	narms := 1 + r.IntN(3)
	labels := make([]string, narms)
	for a := range labels {
		labels[a] = fmt.Sprintf("Arm %c: %s", 'A'+a, pick(2))
	}
	for range 1 + r.IntN(4) {
		name := g.drugs[r.IntN(len(g.drugs))]
		if r.IntN(20) == 0 {
			name = realDrugs[r.IntN(len(realDrugs))]
		}
		iv := obj{"type": "DRUG", "name": name, "description": pick(10 + r.IntN(20)), "armGroupLabels": list{labels[r.IntN(narms)]}}
		if r.IntN(3) == 0 {
			iv["otherNames"] = list{strings.ToUpper(g.drugs[r.IntN(len(g.drugs))][:3]) + fmt.Sprint(r.IntN(9999))}
		}
		ivs = append(ivs, iv)
	}
	for a, label := range labels {
		desc := pick(15)
		if len(t.armDescriptions) > 0 {
			desc = t.armDescriptions[a%len(t.armDescriptions)]
		}
		var names list
		for _, iv := range ivs {
			if iv.(obj)["armGroupLabels"].(list)[0] == label {
				names = append(names, "Drug: "+iv.(obj)["name"].(string))
			}
		}
		arms = append(arms, obj{"label": label, "type": []string{"EXPERIMENTAL", "ACTIVE_COMPARATOR", "PLACEBO_COMPARATOR"}[a%3], "description": desc, "interventionNames": names})
	}
	// Criteria: a real text, one word in twenty-five from the long tail.
	crit := g.criteria[r.IntN(len(g.criteria))]
	lines := strings.Split(crit, "\n")
	for l, line := range lines {
		words := strings.Split(line, " ")
		for j := range words {
			if r.IntN(25) == 0 && len(words[j]) > 3 {
				words[j] = g.tail[Zipf(r, len(g.tail))]
			}
		}
		lines[l] = strings.Join(words, " ")
	}
	elig := obj{"eligibilityCriteria": strings.Join(lines, "\n"), "sex": []string{"ALL", "ALL", "ALL", "FEMALE", "MALE"}[r.IntN(5)],
		"minimumAge": fmt.Sprintf("%d Years", []int{18, 18, 18, 2, 40, 65}[r.IntN(6)]), "healthyVolunteers": r.IntN(4) == 0}
	if r.IntN(2) == 0 {
		elig["maximumAge"] = fmt.Sprintf("%d Years", 50+r.IntN(40))
	}
	nsites := Sites(r)
	home := Zipf(r, len(countries))
	var locs list
	for range nsites {
		c := home
		if r.IntN(4) == 0 {
			c = Zipf(r, len(countries))
		}
		s := g.sites[Zipf(r, len(g.sites))]
		loc := obj{"facility": s, "city": strings.Fields(s)[0], "country": countries[c]}
		if r.IntN(3) == 0 {
			loc["status"] = "RECRUITING"
			loc["contacts"] = list{obj{"name": pick(2), "role": "CONTACT", "email": strings.ToLower(strings.Fields(s)[0]) + "@example.org"}}
		}
		locs = append(locs, loc)
	}
	contacts := obj{"locations": locs}
	if len(t.officials) > 0 {
		contacts["overallOfficials"] = t.officials
	}
	protocol := obj{"identificationModule": ident, "statusModule": status, "sponsorCollaboratorsModule": sponsor,
		"conditionsModule": obj{"conditions": conditions, "keywords": list{pick(1), pick(2)}}, "designModule": design,
		"armsInterventionsModule": obj{"armGroups": arms, "interventions": ivs}, "eligibilityModule": elig,
		"contactsLocationsModule": contacts}
	for k, m := range map[string]json.RawMessage{"descriptionModule": t.description, "outcomesModule": t.outcomes, "referencesModule": t.references} {
		if len(m) > 0 {
			protocol[k] = m
		}
	}
	study := obj{"protocolSection": protocol, "hasResults": false}
	if len(t.derived) > 0 {
		study["derivedSection"] = t.derived
	}
	// Results: one study in forty, as large as the fixtures' (which are
	// among the registry's largest): with them a study is about 12 KB on
	// average, as the registry's are.
	if len(g.results) > 0 && r.IntN(40) == 0 {
		study["hasResults"] = true
		study["resultsSection"] = g.results[r.IntN(len(g.results))]
	}
	out, err := json.MarshalIndent(study, "", " ")
	if err != nil {
		panic(err) // only maps, strings, numbers and valid raw JSON from the fixtures
	}
	return out
}

// Stats describe a written zip.
type Stats struct {
	Studies   int
	JSONBytes int64 // uncompressed
	ZipBytes  int64
}

// WriteZip writes n studies (study i as NCT9xxxxxxx.json) into a zip at
// path, deflated, using every core.
func (g *Generator) WriteZip(path string, n int) (Stats, error) {
	f, err := os.Create(path)
	if err != nil {
		return Stats{}, err
	}
	st, err := g.writeZip(f, n)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return Stats{}, err
	}
	if info, err := os.Stat(path); err == nil {
		st.ZipBytes = info.Size()
	}
	return st, nil
}

type member struct {
	name       string
	crc        uint32
	raw        int
	compressed []byte
}

func (g *Generator) writeZip(f *os.File, n int) (Stats, error) {
	zw := zip.NewWriter(f)
	workers := runtime.GOMAXPROCS(0)
	const batch = 256
	type chunk struct {
		at      int
		members []member
	}
	jobs := make(chan int)
	done := make(chan chunk, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
			for at := range jobs {
				c := chunk{at: at}
				for i := at; i < min(at+batch, n); i++ {
					data := g.Study(i)
					buf.Reset()
					fw.Reset(&buf)
					fw.Write(data)
					fw.Close()
					c.members = append(c.members, member{name: NCTID(i) + ".json", crc: crc32.ChecksumIEEE(data), raw: len(data), compressed: bytes.Clone(buf.Bytes())})
				}
				done <- c
			}
		}()
	}
	go func() {
		for at := 0; at < n; at += batch {
			jobs <- at
		}
		close(jobs)
		wg.Wait()
		close(done)
	}()
	var st Stats
	pending := map[int][]member{}
	next := 0
	var werr error
	for c := range done {
		pending[c.at] = c.members
		for ms, ok := pending[next]; ok; ms, ok = pending[next] {
			delete(pending, next)
			for _, m := range ms {
				if werr != nil {
					break
				}
				w, err := zw.CreateRaw(&zip.FileHeader{Name: m.name, Method: zip.Deflate, CRC32: m.crc,
					CompressedSize64: uint64(len(m.compressed)), UncompressedSize64: uint64(m.raw)})
				if err == nil {
					_, err = w.Write(m.compressed)
				}
				werr = err
				st.Studies++
				st.JSONBytes += int64(m.raw)
			}
			next += batch
		}
	}
	if werr != nil {
		return st, werr
	}
	return st, zw.Close()
}

// Version changes whenever Study would write different studies, so that a
// zip kept by Cached from an older generator is never reused.
const Version = 2

// Cached returns a zip of n studies for seed in dir, writing it first if
// it is not there yet (through a temporary file renamed into place, so an
// interrupted run leaves no half zip to be mistaken for a whole one).
// Benchmarks share it across runs: a registry-sized zip takes minutes to
// write. The caller deletes dir when done.
func Cached(dir, fixtures string, n int, seed uint64) (string, Stats, error) {
	path := filepath.Join(dir, fmt.Sprintf("ctg-studies-%d-seed%d-v%d.json.zip", n, seed, Version))
	if st, err := statZip(path); err == nil && st.Studies == n {
		return path, st, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", Stats{}, err
	}
	g, err := New(fixtures, seed)
	if err != nil {
		return "", Stats{}, err
	}
	tmp := path + ".partial"
	st, err := g.WriteZip(tmp, n)
	if err != nil {
		return "", Stats{}, err
	}
	return path, st, os.Rename(tmp, path)
}

// statZip counts a zip's members and their uncompressed bytes.
func statZip(path string) (Stats, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return Stats{}, err
	}
	defer zr.Close()
	st := Stats{Studies: len(zr.File)}
	for _, f := range zr.File {
		st.JSONBytes += int64(f.UncompressedSize64)
	}
	if info, err := os.Stat(path); err == nil {
		st.ZipBytes = info.Size()
	}
	return st, nil
}
