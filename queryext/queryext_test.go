package queryext_test

import (
	"slices"
	"testing"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/queryext"
	"github.com/trials-app/trials/search"
	"github.com/trials-app/trials/shortlist"
)

func ecogAtMost(v float64) []model.Requirement {
	yes := true
	return []model.Requirement{{Variable: "ecog", Max: &v, MaxInclusive: &yes, From: "inclusion"}}
}

// fixture: NCT1 admits ECOG ≤ 1, NCT2 ECOG ≤ 2, NCT3 states nothing read,
// NCT4 admits women only.
func fixture(t testing.TB) *corpus.Corpus {
	t.Helper()
	trials := []*model.Trial{
		{ID: "NCT00000001", NCTID: "NCT00000001", Title: "Lenvatinib in Hepatocellular Carcinoma", Eligibility: model.Eligibility{Requirements: ecogAtMost(1)}},
		{ID: "NCT00000002", NCTID: "NCT00000002", Title: "Afatinib in Lung Cancer", Eligibility: model.Eligibility{Requirements: ecogAtMost(2)}},
		{ID: "NCT00000003", NCTID: "NCT00000003", Title: "Registry of Liver Cancer", Eligibility: model.Eligibility{Requirements: []model.Requirement{}}},
		{ID: "NCT00000004", NCTID: "NCT00000004", Title: "Breast Cancer Screening", Eligibility: model.Eligibility{Sex: model.SexFemale, Requirements: ecogAtMost(2)}},
	}
	return corpus.FromTrials(trials, nil, "test")
}

func patient(t *testing.T, kv ...string) *eligibility.Patient {
	t.Helper()
	var p eligibility.Patient
	for i := 0; i < len(kv); i += 2 {
		f, ok := eligibility.FieldByKey(kv[i])
		if !ok {
			t.Fatalf("no field %s", kv[i])
		}
		if err := f.Set(&p, kv[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return &p
}

func ids(ix *search.Index, m *search.Matches) []string {
	out := []string{}
	for _, r := range m.All() {
		out = append(out, ix.Record(r).ID)
	}
	slices.Sort(out)
	return out
}

func TestFields(t *testing.T) {
	c := fixture(t)
	list, err := shortlist.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	mustDo(t, list.SetNote("NCT00000002", "", "Ask Dr Lee about axitinib instead"))
	mustDo(t, list.SetNote("NCT00000003", "", "lee: registry only"))
	mustDo(t, list.SetNote("NCT99999999", "", "lee, a trial not in this corpus"))
	mustDo(t, list.SetTag("NCT00000001", "", "ask-PI"))
	mustDo(t, list.SetTag("NCT00000004", "", "Ask-pi"))
	mustDo(t, list.SetTag("NCT00000002", "", "no"))
	mustDo(t, list.SetTag("NCT00000003", "", "not-yet"))
	recordOf := func(id string) (int, bool) {
		for i := range c.Len() {
			if c.Record(i).ID == id {
				return i, true
			}
		}
		return 0, false
	}
	notes, tags := queryext.FromShortlist(list, recordOf)
	male := patient(t, "age", "67", "sex", "male", "ecog", "2")
	src := queryext.Sources{Screen: queryext.NewScreener(c, male).Screen, Notes: notes, Tags: tags}
	for name, src := range map[string]queryext.Sources{"sources": src, "ForCorpus": queryext.ForCorpus(c, list, male)} {
		t.Run(name, func(t *testing.T) { checkFields(t, c, src) })
	}
}

func checkFields(t *testing.T, c *corpus.Corpus, src queryext.Sources) {
	ix := c.Index()
	lang, err := search.NewLanguage(queryext.Fields(src)...)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"screen:possible", []string{"NCT00000002"}},
		{"screen:excluded", []string{"NCT00000001", "NCT00000004"}},
		{"screen:unknown", []string{"NCT00000003"}},
		{"screen:possible|unknown", []string{"NCT00000002", "NCT00000003"}},
		{"-screen:excluded cancer", []string{"NCT00000002", "NCT00000003"}},
		{"note:lee", []string{"NCT00000002", "NCT00000003"}},
		{`note:"dr le"`, []string{"NCT00000002"}},
		{"note:registry", []string{"NCT00000003"}},
		{"note:corpus", []string{}},
		{"lee", []string{"NCT00000002", "NCT00000003"}}, // plain words read the notes
		{"lee lung", []string{"NCT00000002"}},
		{"axitinib", []string{"NCT00000002"}}, // as written in a note: no near words
		{"tag:ask-pi", []string{"NCT00000001", "NCT00000004"}},
		{"tag:ASK-PI", []string{"NCT00000001", "NCT00000004"}},
		{"tag:no", []string{"NCT00000002"}}, // the whole tag, not not-yet
		{"tag:no|not-yet", []string{"NCT00000002", "NCT00000003"}},
		{"-tag:no cancer", []string{"NCT00000003", "NCT00000004"}},
	}
	for _, tt := range tests {
		q, err := lang.Parse(tt.query)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.query, err)
		}
		m := ix.Run(q, search.Options{})
		if got := ids(ix, m); !slices.Equal(got, tt.want) {
			t.Errorf("%s = %v, want %v", tt.query, got, tt.want)
		}
		if len(m.Near()) > 0 {
			t.Errorf("%s: near %v", tt.query, m.Near())
		}
	}

	// completion: the tags in use with their counts, the notes' words
	tagValues := lang.Complete(ix, "tag", "a", 0)
	if len(tagValues) != 1 || tagValues[0].Term != "tag:ask-pi" || tagValues[0].Count != 2 {
		t.Errorf("Complete(tag, a) = %+v", tagValues)
	}
	noteValues := lang.Complete(ix, "note", "le", 0)
	if len(noteValues) != 1 || noteValues[0].Term != "note:lee" || noteValues[0].Count != 2 {
		t.Errorf("Complete(note, le) = %+v", noteValues)
	}
	screenValues := lang.Complete(ix, "screen", "", 0)
	if len(screenValues) != 3 || screenValues[0].Term != "screen:possible" || screenValues[0].Count != 1 {
		t.Errorf("Complete(screen) = %+v", screenValues)
	}
}

// TestNoProfile: without a patient profile screen: matches nothing, and
// the query says it needs one.
func TestNoProfile(t *testing.T) {
	c := fixture(t)
	for name, src := range map[string]queryext.Sources{
		"no profile":  {Screen: queryext.NewScreener(c, nil).Screen},
		"no screener": {},
	} {
		lang, err := search.NewLanguage(queryext.Fields(src)...)
		if err != nil {
			t.Fatal(err)
		}
		q, err := lang.Parse("screen:possible OR lung")
		if err != nil {
			t.Fatal(err)
		}
		if !queryext.UsesScreen(q) {
			t.Errorf("%s: UsesScreen false", name)
		}
		if got := ids(c.Index(), c.Index().Run(q, search.Options{})); !slices.Equal(got, []string{"NCT00000002"}) {
			t.Errorf("%s: %v", name, got)
		}
		for _, q := range []string{"note:x", "tag:x", "lung"} {
			pq, err := lang.Parse(q)
			if err != nil {
				t.Fatal(err)
			}
			if queryext.UsesScreen(pq) {
				t.Errorf("%s uses screen:?", q)
			}
			c.Index().Run(pq, search.Options{}) // no sources: no panic
		}
	}
}

func TestVerdictOf(t *testing.T) {
	tests := []struct {
		res  eligibility.Result
		ok   bool
		want queryext.Verdict
	}{
		{eligibility.Result{Verdict: eligibility.Possible, Requirements: make([]eligibility.Check, 1)}, true, queryext.Possible},
		{eligibility.Result{Verdict: eligibility.Possible}, true, queryext.Unknown},
		{eligibility.Result{Verdict: eligibility.Excluded}, true, queryext.Excluded},
		{eligibility.Result{}, false, queryext.Unknown},
	}
	for _, tt := range tests {
		if got := queryext.VerdictOf(tt.res, tt.ok); got != tt.want {
			t.Errorf("VerdictOf(%+v, %v) = %s, want %s", tt.res, tt.ok, got, tt.want)
		}
	}
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// FuzzNoteAndTag: any note, tag and query value — never a panic, and a
// note always finds itself, a tag its own spelling.
func FuzzNoteAndTag(f *testing.F) {
	for _, s := range []string{"Ask Dr Lee about axitinib", "ask-PI", "Ünïcødé ≥ 1.5 × ULN", "", "\x1b[2J\u202e", "a  b\n c"} {
		f.Add(s, "lee")
	}
	c := fixture(f)
	f.Fuzz(func(t *testing.T, text, value string) {
		ann := func() []queryext.Annotation {
			return []queryext.Annotation{{Rec: 1, Text: text}, {Rec: -3, Text: text}, {Rec: 99, Text: text}}
		}
		lang, err := search.NewLanguage(queryext.Fields(queryext.Sources{Notes: ann, Tags: ann})...)
		if err != nil {
			t.Fatal(err)
		}
		ix := c.Index()
		for _, field := range lang.Fields() {
			lang.Complete(ix, field.Name, value, 5)
		}
		if len(search.Words(text)) == 0 {
			return
		}
		for _, e := range queryext.Fields(queryext.Sources{Notes: ann, Tags: ann}) {
			if e.Name == queryext.ScreenField {
				continue
			}
			s := e.Match(ix, text)
			if s == nil || !s.Has(1) || s.Len() != 1 {
				t.Fatalf("%s:%q does not find its own record only", e.Name, text)
			}
			e.Match(ix, value)
		}
	})
}
