package sqlite

import (
	"bytes"
	"cmp"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
)

// The analyst queries of the README (its SQLite section), each asked of the database —
// through database/sql and through the sqlite3 program — and, in Go, of
// the trials written. Each answer is a list of rows of strings and
// numbers, compared in order.

type answer [][]any

// snippetQueries reads the ```sql blocks of the README, keyed by
// their first line's comment.
func snippetQueries(t *testing.T) map[string]string {
	t.Helper()
	doc, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	qs := map[string]string{}
	parts := strings.Split(string(doc), "```sql\n")
	for _, p := range parts[1:] {
		q, _, ok := strings.Cut(p, "```")
		if !ok {
			t.Fatal("README.md: unterminated sql block")
		}
		name, _, _ := strings.Cut(q, "\n")
		qs[strings.TrimSpace(strings.TrimPrefix(name, "--"))] = q
	}
	return qs
}

// foldASCII is SQLite's NOCASE: ASCII letters only.
func foldASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func nocase(a, b string) int { return strings.Compare(foldASCII(a), foldASCII(b)) }

func hasPhase(t *model.Trial, p model.Phase) bool { return slices.Contains(t.Phases, p) }

func optStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// The same questions, asked in Go of the trials.
var goAnswers = map[string]func([]*model.Trial) answer{
	"recruiting phase 3 trials per country": func(trials []*model.Trial) answer {
		count := map[string]int64{}
		spelling := map[string]string{}
		for _, t := range trials {
			if t.Status != model.StatusRecruiting || !hasPhase(t, model.Phase3) {
				continue
			}
			seen := map[string]bool{}
			for _, c := range t.Countries {
				k := foldASCII(c)
				if c == "" || seen[k] {
					continue
				}
				seen[k] = true
				count[k]++
				if _, ok := spelling[k]; !ok {
					spelling[k] = c
				}
			}
		}
		var out answer
		for k, n := range count {
			out = append(out, []any{spelling[k], n})
		}
		slices.SortFunc(out, func(a, b []any) int {
			return cmp.Or(cmp.Compare(b[1].(int64), a[1].(int64)), nocase(a[0].(string), b[0].(string)))
		})
		return out
	},
	"trials whose ECOG limit admits ECOG 2": func(trials []*model.Trial) answer {
		var out answer
		for _, t := range trials {
			bounded, admits := false, true
			for _, r := range t.Eligibility.Requirements {
				if r.Variable != "ecog" || r.Conditional {
					continue
				}
				bounded = true
				strict := func(inc *bool) bool { return inc != nil && !*inc }
				if r.Max != nil && (*r.Max < 2 || (*r.Max == 2 && strict(r.MaxInclusive))) ||
					r.Min != nil && (*r.Min > 2 || (*r.Min == 2 && strict(r.MinInclusive))) {
					admits = false
				}
			}
			if bounded && admits {
				out = append(out, []any{t.ID, optStr(t.Title)})
			}
		}
		slices.SortStableFunc(out, func(a, b []any) int { return strings.Compare(a[0].(string), b[0].(string)) })
		return out
	},
	"the most used interventions": func(trials []*model.Trial) answer {
		count := map[string]int64{}
		spelling := map[string]string{}
		for _, t := range trials {
			seen := map[string]bool{}
			for _, iv := range t.Interventions {
				k := foldASCII(iv.Name)
				if iv.Name == "" || seen[k] {
					continue
				}
				seen[k] = true
				count[k]++
				if _, ok := spelling[k]; !ok {
					spelling[k] = iv.Name
				}
			}
		}
		var out answer
		for k, n := range count {
			out = append(out, []any{spelling[k], n})
		}
		slices.SortFunc(out, func(a, b []any) int {
			return cmp.Or(cmp.Compare(b[1].(int64), a[1].(int64)), nocase(a[0].(string), b[0].(string)))
		})
		return out[:min(20, len(out))]
	},
	"sites and contacts of recruiting trials in a city": func(trials []*model.Trial) answer {
		var out answer
		for _, t := range trials {
			if t.Status != model.StatusRecruiting {
				continue
			}
			for _, l := range t.Locations {
				if nocase(l.Country, "China") != 0 || nocase(l.City, "Tianjin") != 0 {
					continue
				}
				site := []any{t.ID, optStr(l.Facility), optStr(l.Status)}
				if len(l.Contacts) == 0 {
					out = append(out, append(site, nil, nil, nil))
				}
				for _, c := range l.Contacts {
					out = append(out, append(slices.Clone(site), optStr(c.Name), optStr(c.Phone), optStr(c.Email)))
				}
			}
		}
		slices.SortStableFunc(out, func(a, b []any) int { return strings.Compare(a[0].(string), b[0].(string)) })
		return out
	},
	"trials by sponsor class and start year": func(trials []*model.Trial) answer {
		type key struct{ class, year string }
		count := map[key]int64{}
		for _, t := range trials {
			if t.StartDate == "" {
				continue
			}
			class := string(t.LeadSponsor.Class)
			if class == "" {
				class = "(none)"
			}
			count[key{class, t.StartDate[:min(4, len(t.StartDate))]}]++
		}
		var out answer
		for k, n := range count {
			out = append(out, []any{k.class, k.year, n})
		}
		slices.SortFunc(out, func(a, b []any) int {
			return cmp.Or(strings.Compare(a[1].(string), b[1].(string)), strings.Compare(a[0].(string), b[0].(string)))
		})
		return out
	},
}

// sameAnswer compares rows, names without case (SQLite groups them so and
// shows any one spelling).
func sameAnswer(got, want answer) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if len(got[i]) != len(want[i]) {
			return false
		}
		for j := range got[i] {
			g, w := got[i][j], want[i][j]
			gs, gok := g.(string)
			ws, wok := w.(string)
			if gok && wok {
				if nocase(gs, ws) != 0 {
					return false
				}
			} else if !reflect.DeepEqual(g, w) {
				return false
			}
		}
	}
	return true
}

func sqlAnswer(t *testing.T, db *sql.DB, q string) answer {
	var out answer
	for _, r := range query(t, db, q) {
		out = append(out, r)
	}
	return out
}

// TestAnalystQueries runs the README's queries through database/sql.
func TestAnalystQueries(t *testing.T) {
	trials, path := corpusDB(t)
	db := open(t, path)
	qs := snippetQueries(t)
	if len(qs) != len(goAnswers) {
		t.Errorf("README.md has %d queries, the test knows %d", len(qs), len(goAnswers))
	}
	for name, want := range goAnswers {
		q, ok := qs[name]
		if !ok {
			t.Errorf("README.md lacks the query %q", name)
			continue
		}
		w := want(trials)
		if len(w) == 0 {
			t.Errorf("%s: no answer in the corpus; the test proves nothing", name)
		}
		if got := sqlAnswer(t, db, q); !sameAnswer(got, w) {
			t.Errorf("%s:\n got  %v\n want %v", name, got, w)
		}
	}
}

// TestSQLite3Program opens the database with the sqlite3 program (Debian's
// sqlite3 package), so another tool than our driver is shown to read it:
// integrity and foreign keys check out, and the README's queries give the
// answers Go computes from the trials.
func TestSQLite3Program(t *testing.T) {
	bin, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 is not installed (apt-get install sqlite3): skipping the check with another SQLite reader")
	}
	trials, path := corpusDB(t)
	run := func(sqlText string, args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append(append([]string{"-readonly", "-bail"}, args...), path)...)
		cmd.Stdin = strings.NewReader(sqlText)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil || stderr.Len() > 0 {
			t.Fatalf("sqlite3 %s: %v: %s", firstLine(sqlText), err, stderr.String())
		}
		return stdout.String()
	}
	if got := strings.TrimSpace(run("PRAGMA integrity_check;")); got != "ok" {
		t.Errorf("integrity_check: %s", got)
	}
	if got := strings.TrimSpace(run("PRAGMA foreign_key_check;")); got != "" {
		t.Errorf("foreign_key_check:\n%s", got)
	}
	if got := strings.TrimSpace(run("SELECT count(*) FROM trials;")); got != fmt.Sprint(len(trials)) {
		t.Errorf("sqlite3 counts %s trials, want %d", got, len(trials))
	}
	for name, q := range snippetQueries(t) {
		want := goAnswers[name]
		if want == nil {
			t.Errorf("README.md: unknown query %q", name)
			continue
		}
		out := run(q, "-json")
		got := answer{}
		if strings.TrimSpace(out) != "" {
			dec := json.NewDecoder(strings.NewReader(out))
			dec.UseNumber()
			var objs []map[string]any
			if err := dec.Decode(&objs); err != nil {
				t.Fatalf("%s: sqlite3 -json: %v\n%s", name, err, out)
			}
			cols := columnsOf(q)
			for _, o := range objs {
				var row []any
				for _, c := range cols {
					v := o[c]
					if n, ok := v.(json.Number); ok {
						i, err := n.Int64()
						if err != nil {
							t.Fatalf("%s: %s = %v", name, c, n)
						}
						v = i
					}
					row = append(row, v)
				}
				got = append(got, row)
			}
		}
		if w := want(trials); !sameAnswer(got, w) {
			t.Errorf("sqlite3, %s:\n got  %v\n want %v", name, got, w)
		}
	}
}

// columnsOf names a query's result columns, in order: the word after AS,
// or the column after its table's dot.
func columnsOf(q string) []string {
	sel := q[strings.Index(q, "SELECT")+len("SELECT") : strings.Index(q, "\nFROM")]
	var cols []string
	depth, start := 0, 0
	for i := 0; i <= len(sel); i++ {
		if i < len(sel) {
			switch sel[i] {
			case '(':
				depth++
			case ')':
				depth--
			}
			if sel[i] != ',' || depth > 0 {
				continue
			}
		}
		f := strings.Fields(sel[start:i])
		c := f[len(f)-1]
		if _, after, ok := strings.Cut(c, "."); ok {
			c = after
		}
		cols = append(cols, c)
		start = i + 1
	}
	return cols
}
