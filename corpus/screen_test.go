package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
)

// exampleSource is the documents of SPEC.md's worked examples: the seeds
// and the registry records copied for the eligibility tests.
func exampleSource() Source {
	return Source{Paths: []string{"../seeds/NCT05033522.txt", "../seeds/NCT05168163.txt", "../seeds/NCT05233358.txt",
		"../seeds/NCT05962450.txt", "../seeds/clinconnect-hcc-vascular-invasion.txt", "../eligibility/testdata/fixtures"}, Origin: "examples"}
}

// examplePatients are examples_patients.json's four patients, and a few
// more with values at and beside the thresholds the examples state.
func examplePatients(t testing.TB) []eligibility.Patient {
	t.Helper()
	b, err := os.ReadFile("../eligibility/testdata/examples_patients.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Patients []json.RawMessage `json:"patients"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	var ps []eligibility.Patient
	for _, raw := range f.Patients {
		p, err := eligibility.ReadPatient(strings.NewReader(string(raw)))
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	for _, flags := range []map[string]string{
		{"age": "67", "sex": "male", "ecog": "1", "child_pugh_score": "7", "platelets": "80"},
		{"age": "18", "sex": "female", "ecog": "2", "platelets": "75", "anc": "1.5", "hemoglobin": "9", "bclc_stage": "B"},
		{"age": "75", "bilirubin_xuln": "1.5", "ast_xuln": "5", "alt_xuln": "5", "creatinine_clearance": "50", "life_expectancy_weeks": "13.035"},
		{},
	} {
		var p eligibility.Patient
		for k, v := range flags {
			f, _ := eligibility.FieldByKey(k)
			if err := f.Set(&p, v); err != nil {
				t.Fatal(err)
			}
		}
		ps = append(ps, p)
	}
	return ps
}

// The compact form gives every record's requirements back exactly (less
// their text, section and span), and screening from it gives the verdicts
// eligibility.Screen gives over the whole trial — for trials kept whole and
// for a corpus that keeps none.
func TestScreensAgreeWithWholeTrials(t *testing.T) {
	for _, keep := range []int{0, -1} {
		c, err := Load(context.Background(), exampleSource(), Options{Keep: keep})
		if err != nil || len(c.Problems()) > 0 || c.Len() != 18 {
			t.Fatalf("load: %v %v, %d trials", err, c.Problems(), c.Len())
		}
		var whole []*model.Trial
		Stream(context.Background(), exampleSource(), nil, func(tr *model.Trial) { whole = append(whole, tr) })
		for i, tr := range whole {
			want := eligibility.Requirements(tr)
			got := c.Screens().Requirements(i)
			if len(got) != len(want) {
				t.Fatalf("%s: %d requirements kept, want %d", tr.ID, len(got), len(want))
			}
			for k := range want {
				w := want[k]
				w.Text, w.From, w.Span = "", "", [2]int{}
				if !reflect.DeepEqual(got[k], w) {
					t.Errorf("%s requirement %d:\n got  %+v\n want %+v", tr.ID, k, got[k], w)
				}
			}
			for _, p := range examplePatients(t) {
				res, ok := c.Screen(i, &p)
				full := eligibility.Screen(tr, p)
				if !ok || res.Verdict != full.Verdict || res.UnknownCount() != full.UnknownCount() ||
					!reflect.DeepEqual(res.NotMet, full.NotMet) || !reflect.DeepEqual(res.Structured, full.Structured) {
					t.Errorf("keep %d, %s × %s: %v %s ?%d %v; whole trial: %s ?%d %v", keep, p.ID, tr.ID, ok,
						res.Verdict, res.UnknownCount(), res.NotMet, full.Verdict, full.UnknownCount(), full.NotMet)
				}
			}
		}
	}
}

func ptr[T any](v T) *T { return &v }

// Requirements the compact form cannot hold in 24 bytes are kept whole.
func TestScreensKeepOddRequirementsExactly(t *testing.T) {
	reqs := []model.Requirement{
		{Variable: "bclc_stage", Values: []string{"C", "B"}, From: "inclusion", Text: "BCLC C or B"},
		{Variable: "bclc_stage", Values: []string{"B", "C"}},
		{Variable: "bclc_stage", Values: []string{"X"}},
		{Variable: "bclc_stage", Values: []string{}},
		{Variable: "ecog", Max: ptr(1.0), MaxInclusive: ptr(true)},
		{Variable: "platelets", Min: ptr(75.0), MinInclusive: ptr(false), Unit: "10^9/L", Conditional: true},
		{Variable: "qtc", Max: ptr(470.0), Unit: "ms"}, // no inclusivity stated
		{Variable: "made_up", Min: ptr(-1.5), Max: ptr(2e9), MinInclusive: ptr(true), MaxInclusive: ptr(false), Unit: "furlongs"},
	}
	tr := &model.Trial{ID: "X", Eligibility: model.Eligibility{MinAge: "6 Months", MaxAge: "N/A", Sex: model.SexFemale, Requirements: reqs}}
	s := ScreensOf([]*model.Trial{tr, {ID: "empty"}})
	got := s.Requirements(0)
	for k, w := range reqs {
		w.Text, w.From = "", ""
		if !reflect.DeepEqual(got[k], w) {
			t.Errorf("requirement %d:\n got  %+v\n want %+v", k, got[k], w)
		}
	}
	if len(s.Requirements(1)) != 0 {
		t.Error("a trial without criteria has no requirements")
	}
	p := eligibility.Patient{Sex: ptr("male")}
	if r := s.Screen(0, &p); r.Verdict != eligibility.Excluded || len(r.Structured) != 2 {
		t.Errorf("the registry's sex excludes a man: %+v", r)
	}
}

func TestWithVerdict(t *testing.T) {
	c, err := Load(context.Background(), exampleSource(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := examplePatients(t)[4] // 67, male, ECOG 1, Child-Pugh 7, platelets 80
	possible, err := c.WithVerdict(context.Background(), p, eligibility.Possible)
	if err != nil {
		t.Fatal(err)
	}
	excluded, _ := c.WithVerdict(context.Background(), p, eligibility.Excluded)
	if len(possible)+len(excluded) != c.Len() || len(possible) == 0 || len(excluded) == 0 {
		t.Fatalf("%d possible + %d excluded of %d", len(possible), len(excluded), c.Len())
	}
	for _, i := range excluded {
		tr, _ := c.Kept(i)
		if eligibility.Screen(tr, p).Verdict != eligibility.Excluded {
			t.Errorf("%s is not excluded", tr.ID)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.WithVerdict(ctx, p, eligibility.Possible); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	// a corpus assembled without screening data or whole trials says so
	bare := FromParts(Parts{Index: search.NewIndex([]search.Record{{ID: "NCT00000001"}})})
	if _, ok := bare.Screen(0, &p); ok {
		t.Error("nothing to screen with, yet a verdict")
	}
	if _, err := bare.WithVerdict(context.Background(), p, eligibility.Possible); !errors.Is(err, ErrNoScreens) {
		t.Errorf("bare corpus: %v", err)
	}
	// screening data for other records is not used
	wrong := FromParts(Parts{Index: search.NewIndex([]search.Record{{ID: "a"}, {ID: "b"}}), Screens: ScreensOf([]*model.Trial{{ID: "a"}})})
	if _, ok := wrong.Screen(0, &p); ok {
		t.Error("screening data of the wrong length used")
	}
}

// BenchmarkScreenCorpus screens one patient against 100,000 records (the
// examples repeated), as the browser's screen column does in the
// background:
//
//	go test ./corpus -run XXX -bench ScreenCorpus -benchmem -count 5
func BenchmarkScreenCorpus(b *testing.B) {
	var ex []*model.Trial
	Stream(context.Background(), exampleSource(), nil, func(tr *model.Trial) { ex = append(ex, tr) })
	const n = 100_000
	trials := make([]*model.Trial, n)
	reqs := 0
	for i := range trials {
		trials[i] = ex[i%len(ex)]
		reqs += len(trials[i].Eligibility.Requirements)
	}
	s := ScreensOf(trials)
	p := examplePatients(b)[4]
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range n {
			s.Screen(i, &p)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/trial")
	b.ReportMetric(float64(reqs)/n, "reqs/trial")
	// what the corpus keeps per record: its requirements and its record
	b.ReportMetric(float64(int(unsafe.Sizeof(compactReq{}))*len(s.reqs)+int(unsafe.Sizeof(screenRec{}))*len(s.recs))/n, "kept-B/trial")
}
