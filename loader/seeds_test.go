package loader

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/seeds"
)

func loadSeeds(t *testing.T) map[string]*model.Trial {
	t.Helper()
	res := LoadFS(context.Background(), Options{}, seeds.FS)
	if len(res.Diagnostics) > 0 {
		t.Fatalf("seed diagnostics: %v", res.Diagnostics)
	}
	if len(res.Trials) != 5 {
		t.Fatalf("%d seed trials, want 5", len(res.Trials))
	}
	byID := map[string]*model.Trial{}
	for _, tr := range res.Trials {
		byID[tr.ID] = tr
		if tr.NCTID == "" {
			byID["clinconnect"] = tr
		}
	}
	return byID
}

// TestSeedExports compares each seed's whole export with the expectation in
// testdata/seeds/, which was checked line by line against the document.
func TestSeedExports(t *testing.T) {
	trials := loadSeeds(t)
	files, _ := filepath.Glob("testdata/seeds/*.json")
	if len(files) != 5 {
		t.Fatalf("%d seed expectations, want 5", len(files))
	}
	for _, f := range files {
		want := readExpected(t, f)
		id := want.(map[string]any)["id"].(string)
		tr := trials[id]
		if tr == nil {
			t.Errorf("%s: no seed trial with id %s", f, id)
			continue
		}
		for _, d := range matchSubset("", want, toJSONValue(t, tr)) {
			t.Errorf("%s: %s", id, d)
		}
	}
}

// The checks below restate, as code, what issue 2 asks of each layout.

func TestSeedsCarryNoBoilerplate(t *testing.T) {
	boilerplate := []string{"Review the sponsor-provided synopsis", "Get a concise snapshot",
		"Dive into the extended narrative", "See the medical conditions", "Check back later",
		"Learn about the drugs", "All Rights Reserved", "ClinConnect Summary", "Patients applied",
		"Not reported", "About National Cancer Center", "GroupInterventionDescription", "NameTimeMethod"}
	for id, tr := range loadSeeds(t) {
		b, _ := json.Marshal(tr)
		s := string(b)
		for _, bp := range boilerplate {
			if strings.Contains(s, bp) {
				t.Errorf("%s: export contains boilerplate %q", id, bp)
			}
		}
		if strings.Contains(s, `\\<`) || strings.Contains(s, `\\>`) {
			t.Errorf("%s: a markdown escape survived", id)
		}
	}
}

func TestSeedLabelledMirror(t *testing.T) {
	tr := loadSeeds(t)["NCT05033522"]
	if got := tr.Source.Format; got != model.FormatMirrorLabelled {
		t.Fatalf("format %s", got)
	}
	if !strings.Contains(tr.DetailedDescription, "(p<0.05)") {
		t.Error(`"p\<0.05" should read "p<0.05"`)
	}
	if !strings.Contains(tr.BriefSummary, "AlloStim® immunotherapy") {
		t.Error("® lost from the brief summary")
	}
	hv := tr.Eligibility.Inclusion[8]
	if len(hv.Children) != 4 || hv.Children[1].Text != "Platelet count > 75,000/μl" {
		t.Errorf("item 9's bullets should be its four children, got %+v", hv.Children)
	}
	lenv := tr.Intervention("Lenvatinib")
	if lenv == nil || len(lenv.OtherNames) != 1 || lenv.OtherNames[0] != "Levantinib Physician's Choice" {
		t.Errorf("Lenvatinib other names: %+v", lenv)
	}
	if got := tr.Design.WhoMasked; len(got) != 1 || got[0] != model.MaskedOutcomesAssessor {
		t.Errorf("who masked %v", got)
	}
}

func TestSeedBareMirror(t *testing.T) {
	tr := loadSeeds(t)["NCT05168163"]
	if tr.Status != model.StatusRecruiting || len(tr.Phases) != 1 || tr.Phases[0] != model.Phase2 {
		t.Errorf("status/phase by shape: %s %v", tr.Status, tr.Phases)
	}
	if tr.LeadSponsor.Name != "Academic and Community Cancer Research United" || len(tr.Collaborators) != 2 {
		t.Errorf("the mirror lists the lead sponsor last: %+v / %+v", tr.LeadSponsor, tr.Collaborators)
	}
	if tr.BriefSummary != "" {
		t.Errorf("the page's brief summary is empty; got %q", tr.BriefSummary)
	}
	// The mirror's own suggestions are similar trials; it states no
	// related ones.
	if len(tr.SimilarTrials) != 5 || len(tr.RelatedTrials) != 0 {
		t.Errorf("similar trials %v, related %v", tr.SimilarTrials, tr.RelatedTrials)
	}
	// The page lists 31 inclusion and 51 exclusion "* " items, all at one
	// level; its notes and exceptions (5 and 9) go back under the items
	// they qualify, and none is lost.
	if n := model.CountCriteria(tr.Eligibility.Inclusion); n != 31 || len(tr.Eligibility.Inclusion) != 26 {
		t.Errorf("%d inclusion items, %d at the top, want 31 and 26", n, len(tr.Eligibility.Inclusion))
	}
	if n := model.CountCriteria(tr.Eligibility.Exclusion); n != 51 || len(tr.Eligibility.Exclusion) != 42 {
		t.Errorf("%d exclusion items, %d at the top, want 51 and 42", n, len(tr.Eligibility.Exclusion))
	}
	for _, c := range append(tr.Eligibility.Inclusion, tr.Eligibility.Exclusion...) {
		if isQualifier(c.Text) {
			t.Errorf("qualifier at the top: %q", c.Text)
		}
	}
	if tr.Eligibility.MinAge != "18 Years" || tr.Eligibility.MaxAge != "" {
		t.Errorf("ages %q–%q", tr.Eligibility.MinAge, tr.Eligibility.MaxAge)
	}
}

func TestSeedClassicPage(t *testing.T) {
	tr := loadSeeds(t)["NCT05962450"]
	ivs := map[string]model.Intervention{}
	for _, iv := range tr.Interventions {
		ivs[iv.Name] = iv
	}
	if len(ivs) != 3 {
		t.Fatalf("interventions %v", tr.Interventions)
	}
	// The scrape prints "• Drug: PD-1" as an Other Name of iNKT Cells.
	if on := ivs["iNKT Cells"].OtherNames; len(on) != 1 || on[0] != "Vα24+ T Cells" {
		t.Errorf("iNKT other names %v", on)
	}
	if a := ivs["PD-1"].Arms; len(a) != 2 {
		t.Errorf("PD-1 arms %v", a)
	}
	if len(tr.Arms) != 2 || tr.Arms[1].Type != model.ArmOther || tr.Arms[1].Label != "RP group" {
		t.Errorf("arms %+v", tr.Arms)
	}
	want := model.Location{Facility: "Beijing Youan Hospital,Capital Medical University", City: "Beijing",
		State: "Beijing", Zip: "100069", Country: "China"}
	want.Contacts = []model.Contact{}
	if len(tr.Locations) != 1 || !reflect.DeepEqual(tr.Locations[0], want) {
		t.Errorf("location row %+v", tr.Locations)
	}
}

func TestSeedClinConnect(t *testing.T) {
	tr := loadSeeds(t)["clinconnect"]
	if tr.NCTID != "" || !strings.HasPrefix(tr.ID, "CC-") {
		t.Errorf("ids %q %q", tr.ID, tr.NCTID)
	}
	again, err := Parse("elsewhere/other-name.txt", mustRead(t, "../seeds/clinconnect-hcc-vascular-invasion.txt"))
	if err != nil || again[0].ID != tr.ID {
		t.Errorf("derived id not stable across file names: %v %v", again, err)
	}
	inc := tr.Eligibility.Inclusion
	if len(inc) != 11 || len(inc[7].Children) != 8 || !strings.HasPrefix(inc[8].Text, "Documented virology") {
		t.Errorf("the '- 8.' group: %d items, item 8 has %d children", len(inc), len(inc[7].Children))
	}
	if c := inc[3].Children; len(c) != 1 || len(c[0].Children) != 2 {
		t.Errorf("4. > a. > two bullets: %+v", inc[3])
	}
	if got := tr.Countries; len(got) != 1 || got[0] != "Korea, Republic of" {
		t.Errorf("countries derived from locations: %v", got)
	}
}

func TestSeedMedPath(t *testing.T) {
	tr := loadSeeds(t)["NCT05233358"]
	if len(tr.Arms) != 2 {
		t.Fatalf("arms %+v", tr.Arms)
	}
	for _, a := range tr.Arms {
		if len(a.Interventions) != 3 || a.Interventions[2] != "Regorafenib" {
			t.Errorf("arm %q interventions %v", a.Label, a.Interventions)
		}
		if !strings.HasSuffix(a.Label, "immune checkpoint inhibitors") {
			t.Errorf("arm label %q", a.Label)
		}
	}
	if o := tr.Outcomes.Primary; len(o) != 1 || o[0].Measure != "Progression Free Survival" || !strings.HasPrefix(o[0].TimeFrame, "The time from enrollment") {
		t.Errorf("primary outcome %+v", o)
	}
	if n := len(tr.Outcomes.Secondary); n != 6 {
		t.Errorf("%d secondary outcomes, want 6", n)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
