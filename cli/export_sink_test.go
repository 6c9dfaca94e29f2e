package cli

import (
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

func TestExportSQLite(t *testing.T) {
	db := filepath.Join(t.TempDir(), "trials.db")
	r := run(t, "export", "--format", "sqlite", "-o", db)
	if r.code != ExitOK || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM trials").Scan(&n); err != nil || n != 5 {
		t.Fatalf("%d trials in the database (%v), want the 5 seeds", n, err)
	}
	var reqs int
	if err := conn.QueryRow("SELECT count(*) FROM requirements").Scan(&reqs); err != nil || reqs == 0 {
		t.Errorf("%d requirements (%v): the seeds' thresholds are missing", reqs, err)
	}
	if path, err := exec.LookPath("sqlite3"); err == nil {
		out, err := exec.Command(path, db, "SELECT id FROM trials WHERE id = 'NCT05033522'").Output()
		if err != nil || strings.TrimSpace(string(out)) != "NCT05033522" {
			t.Errorf("sqlite3 reads %q (%v)", out, err)
		}
	} else {
		t.Log("sqlite3 is not installed: the database was checked through database/sql only")
	}
}

func TestExportSQLiteNeedsAFile(t *testing.T) {
	r := run(t, "export", "--format", "sqlite")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "-o FILE") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestExportToFile: -o writes the file whole, in any format, and nothing on
// stdout; a failed export leaves the old file as it was.
func TestExportToFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "seeds.json")
	r := run(t, "export", "-o", out)
	if r.code != ExitOK || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	var trials []map[string]any
	b, _ := os.ReadFile(out)
	if err := json.Unmarshal(b, &trials); err != nil || len(trials) != 5 {
		t.Fatalf("%d trials in the file (%v)", len(trials), err)
	}
	blocked := filepath.Join(dir, "no-such-dir", "x.csv")
	if r := run(t, "export", "--format", "csv", "-o", blocked); r.code != ExitError || !strings.Contains(r.stderr, "no-such-dir") {
		t.Errorf("export into a missing folder: exit %d, stderr %q", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}
