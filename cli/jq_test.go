package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/trials-app/trials/search"
)

// jqDefs reads the fields of the export contract the way the query
// language defines them: a word term is the start of a word (words are
// runs of letters and digits, case folded), an age is admitted by open
// bounds, a date known to the month must lie wholly in range.
const jqDefs = `
def words: ascii_downcase | [scan("[a-z0-9]+")];
def word(p): any(words[]; startswith(p));
def anyword(f; p): any(f | select(. != null) | word(p); .);
def years: if . == null or . == "" then null else
  (capture("(?<n>[0-9.]+) *(?<u>[A-Za-z]+)") | (.n | tonumber) /
    (.u | ascii_downcase | if startswith("year") then 1 elif startswith("month") then 12
     elif startswith("week") then (365.25 / 7) elif startswith("day") then 365.25
     elif startswith("hour") then 8766 else 525960 end)) end;
def admits(a): (.eligibility.min_age | years) as $lo | (.eligibility.max_age | years) as $hi
  | ($lo == null or $lo <= a) and ($hi == null or a <= $hi);
def crittexts: .eligibility as $e
  | (if ($e.inclusion | length) + ($e.exclusion | length) > 0
     then ([$e.inclusion[], $e.exclusion[]] | .. | objects | .text), $e.notes[]
     else $e.raw end), $e.study_population;
def ids: .id, .nct_id, .org_study_id, .secondary_ids[].id;
def plain: .title, .acronym, ids, .conditions[], .interventions[].name, .interventions[].other_names[], .lead_sponsor.name;
def phase(p): .phases | index(p) != null;
`

// TestSearchAgreesWithJQ asks the ctgov fixtures each question of
// `trials search --format ids` and of `trials export --format jsonl` read
// with jq, the exported fields read as the query language defines them:
// the answers must be the same trials. The fixtures are read once for
// search, whose corpus, index and printer export --where shares (its
// first read is search's load); a few questions go through both whole
// commands.
func TestSearchAgreesWithJQ(t *testing.T) {
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("jq is not installed: the agreement with jq is not checked (apt-get install jq)")
	}
	paths := []string{ctgovJSON, "../loader/testdata/ctgov/xml", "../loader/testdata/ctgov/search-pages"}
	r := run(t, append([]string{"export", "--format", "jsonl", "--no-notes"}, paths...)...)
	if r.code != ExitOK {
		t.Fatalf("export: exit %d: %s", r.code, r.stderr)
	}
	jsonl := filepath.Join(t.TempDir(), "fixtures.jsonl")
	if err := os.WriteFile(jsonl, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	// One jq run answers every question (each costs a parse of the file).
	askJQ := func(filters ...string) [][]string {
		t.Helper()
		prog := jqDefs + "["
		for i, f := range filters {
			if i > 0 {
				prog += ", "
			}
			prog += "[.[] | select(" + f + ") | .id]"
		}
		out, err := exec.Command(jq, "-s", "-c", prog+"]", jsonl).Output()
		if err != nil {
			t.Fatalf("jq: %v", err)
		}
		var answers [][]string
		if err := json.Unmarshal(out, &answers); err != nil || len(answers) != len(filters) {
			t.Fatalf("jq: %v: %s", err, out)
		}
		for i := range answers {
			answers[i] = sorted(answers[i])
		}
		return answers
	}
	env, out, errb := bufferEnv()
	c, ok, _ := loadCorpus(env, "trials search", paths, true)
	if !ok {
		t.Fatalf("the fixtures did not load: %s", errb)
	}
	// The search pages repeat studies of json/: each counts once, on both sides.
	if n := len(lines(r.stdout)); c.Len() != n || n != 70 {
		t.Fatalf("search holds %d trials, the export %d: want the fixtures' 70 each", c.Len(), n)
	}
	lang, err := search.NewLanguage()
	if err != nil {
		t.Fatal(err)
	}
	questions := []struct {
		query, jq string
		some      bool // the fixtures have matches: an empty answer is a failure
	}{
		{"status:recruiting phase:3", `.status == "RECRUITING" and phase("PHASE3")`, false},
		{"status:recruiting", `.status == "RECRUITING"`, true},
		{"status:open phase:2", `(.status == "RECRUITING" or .status == "NOT_YET_RECRUITING") and phase("PHASE2")`, true},
		{"status:closed", `.status as $s | any("ACTIVE_NOT_RECRUITING","COMPLETED","SUSPENDED","TERMINATED","WITHDRAWN","NO_LONGER_AVAILABLE","TEMPORARILY_NOT_AVAILABLE","APPROVED_FOR_MARKETING","WITHHELD"; . == $s)`, true},
		{"-status:completed", `.status != "COMPLETED"`, true},
		{"phase:3", `phase("PHASE3")`, true},
		{"phase:2/3", `phase("PHASE2") and phase("PHASE3")`, true},
		{"phase:1|4", `phase("PHASE1") or phase("PHASE4")`, true},
		{"phase:na", `phase("NA")`, true},
		{"type:obs", `.study_type == "OBSERVATIONAL"`, true},
		{"type:ea", `.study_type == "EXPANDED_ACCESS"`, true},
		{"type:int phase:4", `.study_type == "INTERVENTIONAL" and phase("PHASE4")`, true},
		{"country:germany", `anyword(.countries[]; "germany")`, true},
		{`country:"united kingdom"`, `any(.countries[]; ascii_downcase | test("\\bunited kingdom"))`, true},
		{"country:china -country:germany", `anyword(.countries[]; "china") and (anyword(.countries[]; "germany") | not)`, true},
		{"city:paris", `anyword(.locations[].city; "paris")`, true},
		{"city:lyon OR city:montpellier", `anyword(.locations[].city; "lyon") or anyword(.locations[].city; "montpellier")`, true},
		{"site:duke", `anyword(.locations[].facility; "duke")`, true},
		{"sponsor:duke", `anyword(.lead_sponsor.name, .collaborators[].name; "duke")`, true},
		{"sponsor:national", `anyword(.lead_sponsor.name, .collaborators[].name; "national")`, true},
		{"cond:cancer", `anyword(.conditions[]; "cancer")`, true},
		{"cond:leuk", `anyword(.conditions[]; "leuk")`, true},
		{"intr:placebo", `anyword(.interventions[].name, .interventions[].other_names[]; "placebo")`, true},
		{"intr:vaccine OR intr:mab", `anyword(.interventions[].name, .interventions[].other_names[]; "vaccine") or anyword(.interventions[].name, .interventions[].other_names[]; "mab")`, true},
		{"id:NCT02465060", `.id == "NCT02465060"`, true},
		{"0246", `anyword(plain; "0246") or anyword(ids; "nct0246")`, true},
		{"id:nci", `anyword(ids; "nci")`, true},
		{"age:67", `admits(67)`, true},
		{"age:10", `admits(10)`, true},
		{"age:2mo", `admits(2 / 12)`, true},
		{"sex:f", `.eligibility.sex == "FEMALE" or .eligibility.sex == "ALL"`, true},
		{"sex:m -sex:f", `.eligibility.sex == "MALE"`, true},
		{"hv:yes", `.eligibility.healthy_volunteers == true`, true},
		{"hv:no", `.eligibility.healthy_volunteers == false`, true},
		{"updated:>2018-01", `.last_updated >= "2018-02"`, true},
		{"updated:2017", `.last_updated | startswith("2017")`, true},
		{"start:2015..2016", `.start_date >= "2015" and .start_date < "2017"`, true},
		{"start:<2005", `.start_date != "" and .start_date < "2005"`, true},
		{"enroll:>1000", `.enrollment != null and .enrollment > 1000`, true},
		{"enroll:50..200", `.enrollment != null and .enrollment >= 50 and .enrollment <= 200`, true},
		{"results:yes", `.has_results`, true},
		{"results:no type:int", `(.has_results | not) and .study_type == "INTERVENTIONAL"`, true},
		{"crit:pregnan", `anyword(crittexts; "pregnan")`, true},
		{"crit:ecog -crit:pregnan", `anyword(crittexts; "ecog") and (anyword(crittexts; "pregnan") | not)`, true},
		{"cancer", `anyword(plain; "cancer")`, true},
		{"breast OR prostate", `anyword(plain; "breast") or anyword(plain; "prostate")`, true},
		{`cond:"lung cancer"`, `any(.conditions[]; ascii_downcase | test("\\blung\\W+cancer\\b"))`, true},
		{"status:open age:67 sex:f country:\"united states\"", `(.status == "RECRUITING" or .status == "NOT_YET_RECRUITING") and admits(67) and (.eligibility.sex == "FEMALE" or .eligibility.sex == "ALL") and any(.countries[]; ascii_downcase | test("\\bunited states"))`, true},
	}
	var filters []string
	for _, tc := range questions {
		filters = append(filters, tc.jq)
	}
	answers := askJQ(filters...)
	for i, tc := range questions {
		want := answers[i]
		if tc.some && len(want) == 0 {
			t.Errorf("%s: jq finds nothing in the fixtures: the question checks nothing", tc.query)
		}
		out.Reset()
		errb.Reset()
		q, code := parseQuery(env, "trials search", tc.query, lang)
		if code < 0 {
			code = answerSearch(env, c, q, searchOutput{format: "ids"})
		}
		if code != ExitOK {
			t.Errorf("%s: exit %d: %s", tc.query, code, errb)
			continue
		}
		if strings.Contains(errb.String(), "near matches") || strings.Contains(errb.String(), "word by word") {
			t.Errorf("%s: a guess in the answer, not a question for jq: %s", tc.query, errb)
		}
		if got := sorted(lines(out.String())); !slices.Equal(got, want) {
			t.Errorf("%s: search and jq disagree:\n search: %v\n jq:     %v", tc.query, got, want)
		}
	}

	// Whole commands, as a user types them.
	whole := []struct{ query, jq string }{
		{"status:recruiting phase:3", `.status == "RECRUITING" and phase("PHASE3")`},
		{"-status:completed country:germany", `.status != "COMPLETED" and anyword(.countries[]; "germany")`},
	}
	filters = filters[:0]
	for _, tc := range whole {
		filters = append(filters, tc.jq)
	}
	answers = askJQ(filters...)
	for i, tc := range whole {
		want := answers[i]
		args := []string{"search", "--format", "ids"}
		if strings.HasPrefix(tc.query, "-") {
			args = append(args, "--")
		}
		s := run(t, append(append(args, tc.query), paths...)...)
		if got := sorted(lines(s.stdout)); s.code != ExitOK || !slices.Equal(got, want) {
			t.Errorf("trials search %s: exit %d, got %v, jq %v", tc.query, s.code, got, want)
		}
		e := run(t, append([]string{"export", "--format", "jsonl", "--no-notes", "--where", tc.query}, paths...)...)
		cmd := exec.Command(jq, "-r", ".id")
		cmd.Stdin = strings.NewReader(e.stdout)
		ids, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: jq on export --where: %v", tc.query, err)
		}
		if got := sorted(lines(string(ids))); e.code != ExitOK || !slices.Equal(got, want) {
			t.Errorf("trials export --where %s: exit %d, got %v, jq %v", tc.query, e.code, got, want)
		}
	}
}

func bufferEnv() (*Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Environ: []string{"TERM=xterm-256color"}, Ctx: context.Background()}, &out, &errb
}
