package cli

import (
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/trials-app/trials/shortlist"
)

// idsIn reads the trial ids out of an export in any text format, in order.
func idsIn(t *testing.T, format, out string) []string {
	t.Helper()
	var got []string
	switch format {
	case "json":
		var trials []struct{ ID string }
		if err := json.Unmarshal([]byte(out), &trials); err != nil {
			t.Fatalf("json: %v", err)
		}
		for _, tr := range trials {
			got = append(got, tr.ID)
		}
	case "jsonl":
		if s := ids(t, out); s != "" {
			got = strings.Split(s, " ")
		}
	case "csv":
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(rows) == 0 || rows[0][0] != "id" {
			t.Fatalf("csv: %v, %d rows", err, len(rows))
		}
		for _, r := range rows[1:] {
			got = append(got, r[0])
		}
	case "md":
		for _, m := range regexp.MustCompile(`(?m)^\| ID \| (NCT\d{8}) \|$`).FindAllStringSubmatch(out, -1) {
			got = append(got, m[1])
		}
	case "ris":
		for _, rec := range readRIS(t, out) {
			got = append(got, rec["AN"]...)
		}
	default:
		t.Fatalf("no reader for %s", format)
	}
	return got
}

// TestExportWhere: --where chooses the same trials in every format, on
// stdout and with -o, in input order.
func TestExportWhere(t *testing.T) {
	want := nct(1, 4, 8, 9) // country:germany, in input order
	for _, f := range []string{"json", "jsonl", "csv", "md", "ris"} {
		r := run(t, "export", "--format", f, "--where", "country:germany", queryTestdata)
		if got := idsIn(t, f, r.stdout); r.code != ExitOK || !slices.Equal(got, want) {
			t.Errorf("%s: exit %d, got %v, want %v (stderr %q)", f, r.code, got, want, r.stderr)
		}
		out := filepath.Join(t.TempDir(), "out."+f)
		r = run(t, "export", "--format", f, "-o", out, "--where", "country:germany -phase:4", queryTestdata)
		data, err := os.ReadFile(out)
		if r.code != ExitOK || r.stdout != "" || err != nil {
			t.Fatalf("%s -o: exit %d, stdout %q, stderr %q, %v", f, r.code, r.stdout, r.stderr, err)
		}
		if got := idsIn(t, f, string(data)); !slices.Equal(got, nct(1, 4, 9)) {
			t.Errorf("%s -o: got %v", f, got)
		}
	}
	// Nothing matches: an empty, valid export, and a note why.
	r := run(t, "export", "--format", "json", "--where", "country:atlantis", queryTestdata)
	if got := idsIn(t, "json", r.stdout); r.code != ExitOK || len(got) != 0 {
		t.Errorf("no match: exit %d, %v", r.code, got)
	}
}

func TestExportWhereSQLite(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hcc.db")
	r := run(t, "export", "--format", "sqlite", "-o", db, "--where", "cond:hepatocellular OR site:charite", queryTestdata)
	if r.code != ExitOK || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	want := nct(1, 4, 5, 8, 9)
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query("SELECT id FROM trials ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		got = append(got, id)
	}
	if rows.Close(); !slices.Equal(got, want) {
		t.Errorf("database holds %v, want %v", got, want)
	}
	var sites int
	if err := conn.QueryRow("SELECT count(*) FROM locations JOIN trials USING (trial_no) WHERE trials.id = 'NCT90000001'").Scan(&sites); err != nil || sites != 2 {
		t.Errorf("NCT90000001 has %d sites (%v), want 2", sites, err)
	}
	if path, err := exec.LookPath("sqlite3"); err == nil {
		out, err := exec.Command(path, db, "SELECT id FROM trials ORDER BY id").Output()
		if got := lines(string(out)); err != nil || !slices.Equal(got, want) {
			t.Errorf("sqlite3 reads %v (%v), want %v", got, err, want)
		}
	} else {
		t.Log("sqlite3 is not installed: the database was read through database/sql only")
	}
}

// TestExportWhereIntersects: with --ids or --shortlist, the listed trials
// that match, in the list's order; the others are counted on stderr.
func TestExportWhereIntersects(t *testing.T) {
	home := t.TempDir()
	r := runIn(t, home, "export", "-f", "jsonl", "--ids", "NCT90000008,NCT90000002,NCT90000001", "--where", "country:germany", queryTestdata)
	if r.code != ExitOK || ids(t, r.stdout) != "NCT90000008 NCT90000001" || !strings.Contains(r.stderr, "1 trial of those listed left out: not matching --where") {
		t.Errorf("--ids: exit %d, %q, stderr %q", r.code, ids(t, r.stdout), r.stderr)
	}
	annotate(t, home, func(l *shortlist.List) {
		l.Toggle("NCT90000005", "")
		l.Toggle("NCT90000002", "")
		l.Toggle("NCT90000001", "")
		l.SetTag("NCT90000001", "", "eligible")
		l.SetNote("NCT90000005", "", "ask Dr Moreau about the registry")
	})
	r = runIn(t, home, "export", "-f", "jsonl", "--shortlist", "--where", "status:recruiting", queryTestdata)
	if r.code != ExitOK || ids(t, r.stdout) != "NCT90000005 NCT90000001" {
		t.Errorf("--shortlist: exit %d, %q, stderr %q", r.code, ids(t, r.stdout), r.stderr)
	}
	// The shortlist's own fields: tag: and note:, and plain words in notes.
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"tag:eligible", nct(1)},
		{"note:moreau", nct(5)},
		{"moreau", nct(5)},
		{"status:recruiting -tag:eligible", nct(5, 9)},
	} {
		r := runIn(t, home, "search", "-f", "ids", tc.query, queryTestdata)
		if got := lines(r.stdout); r.code != ExitOK || !slices.Equal(got, tc.want) {
			t.Errorf("search %s: exit %d, got %v, want %v (stderr %q)", tc.query, r.code, got, tc.want, r.stderr)
		}
		r = runIn(t, home, "export", "-f", "jsonl", "--where", tc.query, queryTestdata)
		if got := ids(t, r.stdout); r.code != ExitOK || got != strings.Join(tc.want, " ") {
			t.Errorf("export --where %s: exit %d, got %v, want %v (stderr %q)", tc.query, r.code, got, tc.want, r.stderr)
		}
	}
	// Without a shortlist, note: and tag: match nothing, and say so.
	r = run(t, "search", "-f", "ids", "tag:eligible", queryTestdata)
	if r.stdout != "" || !strings.Contains(r.stderr, "no shortlist found") {
		t.Errorf("tag: without a shortlist: %q, %q", r.stdout, r.stderr)
	}
}

// TestQueryScreen: screen: needs --patient; with it, the verdicts are
// those of trials screen (possible with something read, excluded, and
// unknown when nothing was read from the criteria).
func TestQueryScreen(t *testing.T) {
	p := writeTemp(t, "p67.json", `{"id": "P67", "sex": "female", "age": 67, "ecog": 2}`)
	r := run(t, "screen", "--patient", p, "--format", "json", queryTestdata)
	var screened []screened
	if err := json.Unmarshal([]byte(r.stdout), &screened); err != nil || r.code != ExitOK {
		t.Fatalf("trials screen: exit %d, %v", r.code, err)
	}
	verdicts := map[string][]string{}
	for _, s := range screened {
		v := s.Verdict
		if v == "possible" && len(s.Requirements) == 0 {
			v = "unknown"
		}
		verdicts[v] = append(verdicts[v], s.ID)
	}
	if !slices.Equal(verdicts["excluded"], nct(2, 3, 4, 7)) {
		t.Fatalf("the screen changed under the test: %v", verdicts)
	}
	for _, v := range []string{"possible", "excluded", "unknown"} {
		r := run(t, "search", "-f", "ids", "--patient", p, "screen:"+v, queryTestdata)
		if got := lines(r.stdout); r.code != ExitOK || !slices.Equal(got, verdicts[v]) {
			t.Errorf("search screen:%s: exit %d, got %v, want %v (stderr %q)", v, r.code, got, verdicts[v], r.stderr)
		}
		r = run(t, "export", "-f", "jsonl", "--patient", p, "--where", "screen:"+v, queryTestdata)
		if got := ids(t, r.stdout); r.code != ExitOK || got != strings.Join(verdicts[v], " ") {
			t.Errorf("export --where screen:%s: exit %d, got %v, want %v (stderr %q)", v, r.code, got, verdicts[v], r.stderr)
		}
	}
	r = run(t, "search", "-f", "ids", "--patient", p, "screen:possible country:germany", queryTestdata)
	if got := lines(r.stdout); !slices.Equal(got, nct(1, 9)) {
		t.Errorf("screen:possible country:germany: %v", got)
	}
	for _, args := range [][]string{
		{"search", "screen:possible", queryTestdata},
		{"export", "--where", "-screen:excluded", queryTestdata},
		{"export", "--patient", p, queryTestdata},
		{"export", "--near", queryTestdata},
		{"search", "--patient", p, "screen:maybe", queryTestdata},
	} {
		if r := run(t, args...); r.code != ExitUsage {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	if r := run(t, "search", "--patient", filepath.Join(t.TempDir(), "none.json"), "screen:possible", queryTestdata); r.code != ExitError || !strings.Contains(r.stderr, "none.json") {
		t.Errorf("a missing patient file: exit %d, %q", r.code, r.stderr)
	}
}
