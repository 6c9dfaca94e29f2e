package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/trials-app/trials/search"
)

// queryTestdata holds nine trials written for these tests (eight API v2
// JSON studies and one legacy XML record), each field's values chosen so
// that every term below has hits and misses:
//
//	1 RECRUITING  PHASE3        Germany+US  Eisai (+MSD)   HCC       lenvatinib  ≥18 all   enroll 120
//	2 COMPLETED   PHASE2        France      Boehringer     NSCLC     afatinib    18–75 F   results
//	3 NOT_YET     PHASE2+3      Japan       NCI            childhood axitinib    6mo–17 M  hv
//	4 ACTIVE_NOT  PHASE1        Germany     Univ. Munich   "Carcinoma, Hepatocellular"  40–64
//	5 RECRUITING  observational Spain       Barcelona      HCC                   ≥18 hv    enroll 1000
//	6 AVAILABLE   expanded acc. US          MSD            melanoma  pembrolizumab ≥12
//	7 WITHDRAWN   EARLY_PHASE1  US          Stanford       prostate              ≥18 M
//	8 BY_INVITE   PHASE4        Germany     Eisai          thyroid   lenvatinib  "Phase 3" in its title
//	9 RECRUITING  NA (XML)      Germany     Charité (+NCI) colorectal            ≥18 hv    verified 2012-06
const queryTestdata = "testdata/query"

func nct(ns ...int) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = fmt.Sprintf("NCT9000000%d", n)
	}
	return out
}

func lines(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func sorted(ss []string) []string {
	ss = slices.Clone(ss)
	slices.Sort(ss)
	return ss
}

// TestSearchFields asks every field through `trials search --format ids`
// and compares the set of ids.
func TestSearchFields(t *testing.T) {
	all := nct(1, 2, 3, 4, 5, 6, 7, 8, 9)
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"status:recruiting", nct(1, 5, 9)},
		{"status:open", nct(1, 3, 5, 9)},
		{"status:closed", nct(2, 4, 7)},
		{"status:completed", nct(2)},
		{"status:not_yet", nct(3)},
		{"status:enrolling_by_invitation", nct(8)},
		{"phase:3", nct(1, 3)}, // exactly the trials whose phases include PHASE3: not 8, "Phase 3" in its title
		{"phase:2", nct(2, 3)},
		{"phase:2/3", nct(3)},
		{"phase:2|3", nct(1, 2, 3)},
		{"phase:1", nct(4)},
		{"phase:early1", nct(7)},
		{"phase:4", nct(8)},
		{"phase:na", nct(9)},
		{"type:int", nct(1, 2, 3, 4, 7, 8, 9)},
		{"type:obs", nct(5)},
		{"type:ea", nct(6)},
		{"country:germany", nct(1, 4, 8, 9)},
		{`country:"united states"`, nct(1, 6, 7)},
		{"country:japan", nct(3)},
		{"city:berlin", nct(1, 8, 9)},
		{`city:"new york"`, nct(6)},
		{`city:"palo alto"`, nct(7)},
		{"site:charite", nct(1, 8, 9)},
		{`site:"mayo clinic"`, nct(1)},
		{`site:"charite campus"`, nct(9)},
		{"sponsor:eisai", nct(1, 8)},
		{"sponsor:merck", nct(1, 6)}, // a collaborator of 1, the lead of 6
		{`sponsor:"national cancer institute"`, nct(3, 9)},
		{"cond:hepatocellular", nct(1, 4, 5)},
		{`cond:"hepatocellular carcinoma"`, nct(1, 5)}, // 4 says "Carcinoma, Hepatocellular"
		{"cond:cancer", nct(2, 7, 8, 9)},
		{"intr:lenvatinib", nct(1, 8)},
		{"intr:keytruda", nct(6)}, // an other name
		{"intr:e7080", nct(1)},
		{"id:NCT90000003", nct(3)},
		{"id:2011-004792-36", nct(1)}, // EudraCT, a secondary id
		{"id:E7080-G000-311", nct(1)}, // the sponsor's own id
		{"id:e7080-j000", nct(8)},
		{"id:NCI-2012-04444", nct(9)}, // a secondary id from the XML
		{"90000003", nct(3)},          // bare digits find the NCT id
		{"2011-004792-36", nct(1)},
		{"age:67", nct(1, 2, 5, 6, 7, 8, 9)},
		{"age:16", nct(3, 6)},
		{"age:6mo", nct(3)},
		{"sex:f", nct(1, 2, 4, 5, 6, 8, 9)},
		{"sex:m", nct(1, 3, 4, 5, 6, 7, 8, 9)},
		{"hv:yes", nct(3, 5, 9)},
		{"hv:no", nct(1, 2, 4, 6, 7, 8)},
		{"updated:>2025-01", nct(1, 3, 5, 8)},
		{"updated:2025", nct(1, 3, 5)},
		{"updated:<2020", nct(2, 9)},
		{"start:2024..2025", nct(1, 8)},
		{"start:<2016", nct(2, 9)},
		{"start:2026..", nct(3)},
		{"verified:<2013", nct(9)},
		{"enroll:>100", nct(1, 3, 5, 9)},
		{"enroll:50..200", nct(1, 8, 9)},
		{"enroll:0", nct(6, 7)},
		{"results:yes", nct(2)},
		{"results:no", nct(1, 3, 4, 5, 6, 7, 8, 9)},
		{"crit:child-pugh", nct(1, 2, 4)}, // "Child Pugh" with a space too
		{`crit:"brain metastases"`, nct(3, 9)},
		{"crit:ecog", nct(1, 2, 4, 6, 9)},
		{"crit:lansky", nct(3)},
		{"contact:smith", nct(1)},
		{"cond:hepatocellular -status:recruiting", nct(4)},
		{"-status:completed", []string{"NCT90000001", "NCT90000003", "NCT90000004", "NCT90000005", "NCT90000006", "NCT90000007", "NCT90000008", "NCT90000009"}},
		{"-type:int", nct(5, 6)},
		{"afatinib OR sorafenib", nct(2, 4)},
		{"afatinib | sorafenib", nct(2, 4)},
		{"(afatinib OR sorafenib) country:germany", nct(4)},
		{`"lung cancer"`, nct(2)},
		{`"hepatocellular carcinoma"`, nct(1, 5)},
		{"hepatocellular carcinoma", nct(1, 4, 5)},
		{"title:phase", nct(7, 8)},
		{"lenvatinib", nct(1, 8)},
		{"axitinib", nct(3)}, // never the afatinib trial
		{"status:recruiting phase:3 country:germany cond:hepatocellular", nct(1)},
		{"status:open age:67 sex:f", nct(1, 5, 9)},
		{"crit:ecog", nct(1, 2, 4, 6, 9)},
		{"nosuchword", nil},
	} {
		args := []string{"search", "--format", "ids"}
		if strings.HasPrefix(tc.query, "-") {
			args = append(args, "--")
		}
		r := run(t, append(args, tc.query, queryTestdata)...)
		if r.code != ExitOK {
			t.Errorf("%s: exit %d, stderr %q", tc.query, r.code, r.stderr)
			continue
		}
		if got := sorted(lines(r.stdout)); !slices.Equal(got, sorted(tc.want)) {
			t.Errorf("%s: got %v, want %v", tc.query, got, tc.want)
		}
		if len(tc.want) == 0 && !strings.Contains(r.stderr, "no trial matches") {
			t.Errorf("%s: nothing found and nothing said: %q", tc.query, r.stderr)
		}
		_ = all
	}
}

// TestSearchNearMatchesAreMarked: without the axitinib trial, "axitinib"
// is answered by afatinib — marked in the row and named on stderr, in
// every format.
func TestSearchNearMatchesAreMarked(t *testing.T) {
	paths := []string{filepath.Join(queryTestdata, "NCT90000001.json"), filepath.Join(queryTestdata, "NCT90000002.json")}
	r := run(t, append([]string{"search", "axitinib"}, paths...)...)
	if r.code != ExitOK || len(lines(r.stdout)) != 1 {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if row := r.stdout; !strings.Contains(row, "NCT90000002") || !strings.Contains(row, "≈ afatinib") {
		t.Errorf("the afatinib row is not marked: %q", row)
	}
	if !strings.Contains(r.stderr, "near matches for axitinib: afatinib") || !strings.Contains(r.stderr, "1 trial found through a near word, marked ≈") || !strings.Contains(r.stderr, `"axitinib" matches it only as written`) {
		t.Errorf("stderr does not name the near match: %q", r.stderr)
	}
	// An id or an exported trial carries no mark: left out, unless --near.
	for _, args := range [][]string{{"search", "-f", "ids"}, {"search", "-f", "jsonl"}, {"export", "-f", "jsonl", "--where"}, {"export", "-f", "csv", "--where"}} {
		r := run(t, append(append(args, "axitinib"), paths...)...)
		if r.code != ExitOK || strings.Contains(r.stdout, "NCT90000002") || !strings.Contains(r.stderr, "near matches for axitinib: afatinib") ||
			!strings.Contains(r.stderr, "1 trial found through a near word, left out (--near writes them)") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
		r = run(t, append(append(append(args[:1:1], "--near"), append(args[1:], "axitinib")...), paths...)...)
		if r.code != ExitOK || !strings.Contains(r.stdout, "NCT90000002") || !strings.Contains(r.stderr, "written, unmarked (--near)") {
			t.Errorf("%v --near: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	// Quoted, the word is matched only as written.
	r = run(t, append([]string{"search", "-f", "ids", `"axitinib"`}, paths...)...)
	if r.stdout != "" || strings.Contains(r.stderr, "near") {
		t.Errorf(`"axitinib": stdout %q, stderr %q`, r.stdout, r.stderr)
	}
	// Exact hits rank before near ones, and only they are unmarked.
	r = run(t, "search", "lenvatinib OR axitinb", queryTestdata)
	for _, row := range lines(r.stdout) {
		near := strings.Contains(row, "≈")
		if exact := strings.Contains(row, "NCT90000001") || strings.Contains(row, "NCT90000008"); exact == near {
			t.Errorf("row %q: exact %v, marked %v", row, exact, near)
		}
	}
}

// TestSearchUncheckedPhrase: a phrase in a field the index holds by word,
// over trials not kept whole, cannot be checked — and is said so. With
// few trials (kept), it is checked: "mayo clinic" finds only trial 1.
func TestSearchUncheckedPhrase(t *testing.T) {
	r := run(t, "search", `site:"mayo clinic"`, queryTestdata)
	if r.code != ExitOK || strings.Contains(r.stderr, "word by word") || strings.Contains(r.stdout, "~") {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestSearchSortAndLimit(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"--sort", "enrollment", "type:int|obs"}, nct(5, 3, 9, 1, 8, 2, 4, 7)},
		{[]string{"--sort", "enroll:asc", "enroll:>30"}, nct(2, 8, 1, 9, 3, 5)},
		{[]string{"--sort", "updated", "country:germany"}, nct(8, 1, 4, 9)},
		{[]string{"--sort", "start:asc", "country:germany"}, nct(9, 4, 1, 8)},
		{[]string{"--sort", "phase", "phase:1|2|3|4"}, nct(8, 1, 3, 2, 4)},
		{[]string{"--sort", "id:desc", "-n", "3", "sex:f"}, nct(9, 8, 6)},
		{[]string{"--sort", "status", "cond:hepatocellular"}, nct(1, 5, 4)},
		// Relevance by default: a title and intervention hit before an intervention-only one.
		{[]string{"lenvatinib"}, nct(1, 8)},
		{[]string{"-n", "1", "lenvatinib"}, nct(1)},
		// No words: input order.
		{[]string{"country:germany"}, nct(1, 4, 8, 9)},
	} {
		r := run(t, append(append([]string{"search", "-f", "ids"}, tc.args...), queryTestdata)...)
		if got := lines(r.stdout); r.code != ExitOK || !slices.Equal(got, tc.want) {
			t.Errorf("%v: exit %d, got %v, want %v (stderr %q)", tc.args, r.code, got, tc.want, r.stderr)
		}
	}
}

// TestSearchIn keeps --in working: plain words go to one field.
func TestSearchIn(t *testing.T) {
	for _, tc := range []struct {
		in, query string
		want      []string
	}{
		{"interventions", "lenvatinib", nct(1, 8)},
		{"interventions", "keytruda OR sorafenib", nct(4, 6)},
		{"conditions", "cancer", nct(2, 7, 8, 9)},
		{"conditions", "cancer -thyroid status:open|closed", nct(2, 7, 9)},
		{"title", "lenvatinib", nct(1, 8)},
		{"title", "e7080", nil}, // an other name, not in the title
		{"sponsor", "eisai", nct(1, 8)},
		{"all", "liver", nct(4)},
		{"conditions", `"lung cancer"`, nct(2)},
	} {
		r := run(t, "search", "-f", "ids", "--in", tc.in, tc.query, queryTestdata)
		if got := sorted(lines(r.stdout)); r.code != ExitOK || !slices.Equal(got, sorted(tc.want)) {
			t.Errorf("--in %s %s: exit %d, got %v, want %v (stderr %q)", tc.in, tc.query, r.code, got, tc.want, r.stderr)
		}
	}
	if r := run(t, "search", "--in", "sites", "x", queryTestdata); r.code != ExitUsage {
		t.Errorf("--in sites: exit %d", r.code)
	}
}

func TestScopeWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a b", "intr:a intr:b"},
		{"a OR b", "intr:a OR intr:b"},
		{"a|b", "intr:a | intr:b"},
		{"-a (b OR -c)", "-intr:a (intr:b OR -intr:c)"},
		{`"e 7080" status:open|closed`, `intr:"e 7080" status:open|closed`},
		{`site:"mayo clinic" x`, `site:"mayo clinic" intr:x`},
		{"-(a b)", "-(intr:a intr:b)"},
		{`"unbalanced`, `"unbalanced`},
		{"child-pugh", "intr:child-pugh"},
	} {
		if got := scopeWords(tc.in, "intr"); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSearchTextRows(t *testing.T) {
	r := run(t, "search", "status:recruiting phase:3", queryTestdata)
	if r.code != ExitOK || len(lines(r.stdout)) != 1 {
		t.Fatalf("exit %d, stdout %q", r.code, r.stdout)
	}
	row := r.stdout
	for _, want := range []string{"NCT90000001", "Recruiting", "Phase 3", "Lenvatinib Plus TACE"} {
		if !strings.Contains(row, want) {
			t.Errorf("row %q lacks %q", row, want)
		}
	}
	if strings.Contains(row, "\x1b") {
		t.Errorf("escape sequences in output to a pipe: %q", row)
	}
}

func TestSearchJSONLIsTheExportObject(t *testing.T) {
	s := run(t, "search", "-f", "jsonl", "--sort", "id", "country:germany", queryTestdata)
	e := run(t, "export", "-f", "jsonl", "--where", "country:germany", queryTestdata)
	if s.code != ExitOK || e.code != ExitOK {
		t.Fatalf("search exit %d (%q), export exit %d (%q)", s.code, s.stderr, e.code, e.stderr)
	}
	if s.stdout != e.stdout {
		t.Errorf("search --format jsonl and export --where differ:\n%s\n---\n%s", s.stdout, e.stdout)
	}
	var ids []string
	for _, l := range lines(s.stdout) {
		var o struct{ ID string }
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, o.ID)
	}
	if !slices.Equal(ids, nct(1, 4, 8, 9)) {
		t.Errorf("ids %v", ids)
	}
}

// TestMalformedQuery: a query that cannot be read is a usage error naming
// the term, in both commands, before anything is read.
func TestMalformedQuery(t *testing.T) {
	for _, tc := range []struct{ query, term string }{
		{"status:", "'status:'"},
		{"enroll:>abc", "'enroll:>abc'"},
		{`cond:"hepato`, `'cond:"hepato'`},
		{`"hepato`, `'"hepato'`},
		{"lenvatinib foo:bar", "'foo:bar'"},
		{"phase:5", "'phase:5'"},
		{"updated:>2025-13", "'updated:>2025-13'"},
		{"(a OR b", "'(a OR b'"},
		{"a OR", "'OR'"},
		{"screen:possible", "--patient"},
		{"age:old", "'age:old'"},
	} {
		for _, cmd := range [][]string{{"search"}, {"export", "--where"}} {
			r := run(t, append(cmd, tc.query, "/nonexistent/never/read")...)
			if r.code != ExitUsage || !strings.Contains(r.stderr, tc.term) || r.stdout != "" {
				t.Errorf("%s %q: exit %d, stderr %q", cmd[0], tc.query, r.code, r.stderr)
			}
			if strings.Contains(r.stderr, "nonexistent") {
				t.Errorf("%s %q: the inputs were read: %q", cmd[0], tc.query, r.stderr)
			}
		}
	}
	if r := run(t, "search", "-status:completed", queryTestdata); r.code != ExitUsage || !strings.Contains(r.stderr, "a query starting with '-' follows '--'") {
		t.Errorf("a dash query before --: exit %d, %q", r.code, r.stderr)
	}
	for _, args := range [][]string{
		{"search", "--sort", "color", "x"},
		{"search", "--format", "xml", "x"},
		{"search"},
		{"export", "--where", " "},
	} {
		if r := run(t, args...); r.code != ExitUsage {
			t.Errorf("%v: exit %d", args, r.code)
		}
	}
}

// FuzzScopeWords: --in never makes a readable query unreadable, and never
// panics on any text.
func FuzzScopeWords(f *testing.F) {
	for _, s := range []string{"lenvatinib hepato", `"hepatocellular carcinoma" -status:completed`, "a OR b | c", "(a -(b c))",
		`site:"mayo clinic"|"new york" x`, "≥ 2", `""`, "-OR", "status:open|", `"unbalanced`, "child-pugh", "a|b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, field := range []string{"title", "intr", "cond", "sponsor"} {
			scoped := scopeWords(q, field)
			if _, err := search.Parse(q); err == nil {
				if _, err := search.Parse(scoped); err != nil {
					t.Fatalf("%q reads, scoped to %s as %q it does not: %v", q, field, scoped, err)
				}
			}
		}
	})
}

// TestSearchMarksUncheckedPhrases: over trials not kept whole (a large
// corpus), a phrase in the criteria is matched word by word; such rows are
// marked "~" (as in the browser) and counted on stderr.
func TestSearchMarksUncheckedPhrases(t *testing.T) {
	env, out, errb := bufferEnv()
	c, ok, _ := loadCorpus(env, "trials search", []string{queryTestdata}, true)
	if !ok {
		t.Fatal(errb)
	}
	q, err := search.Parse(`crit:"performance status"`)
	if err != nil {
		t.Fatal(err)
	}
	m := c.Index().Run(q, search.Options{}) // no trial at hand to check the phrase in
	if len(m.Unchecked()) == 0 {
		t.Skip("the index checks this phrase without the trials now: nothing to mark")
	}
	if err := searchText(env, c.Index(), m, m.All()); err != nil {
		t.Fatal(err)
	}
	reportGuesses(env, "trials search", m, nearMarked)
	rows, recs := lines(out.String()), m.All()
	if len(rows) != len(recs) {
		t.Fatalf("%d rows for %d matches", len(rows), len(recs))
	}
	for i, r := range recs {
		if marked := strings.Contains(rows[i], "  ~  "); marked != m.IsUnchecked(r) {
			t.Errorf("row %q: marked %v, unchecked %v", rows[i], marked, m.IsUnchecked(r))
		}
	}
	if !strings.Contains(out.String(), "  ~  ") || !strings.Contains(errb.String(), `crit:"performance status" matched word by word`) || !strings.Contains(errb.String(), "marked ~") {
		t.Errorf("stdout %q, stderr %q", out, errb)
	}
}
