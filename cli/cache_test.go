package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func runEnv(t *testing.T, environ []string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Environ: append([]string{"TERM=xterm-256color"}, environ...)})
	return result{code, out.String(), errb.String()}
}

// cacheInputs copies the real registry records into a directory.
func cacheInputs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob("../loader/testdata/ctgov/json/*.json")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestCommandsUseTheSnapshot: search writes a snapshot; search, show,
// compare, export --ids and --where, and screen then answer from it exactly as from
// the inputs; a changed input is named on stderr and the snapshot
// rebuilt; trials cache lists it and --clear removes it.
func TestCommandsUseTheSnapshot(t *testing.T) {
	dir := cacheInputs(t)
	cacheDir := t.TempDir()
	env := []string{"TRIALS_CACHE_DIR=" + cacheDir, "TRIALS_CACHE_MIN_TRIALS=1", "HOME=" + t.TempDir()}

	first := runEnv(t, env, "search", "cancer", dir)
	if first.code != ExitOK || first.stderr != "" || first.stdout == "" {
		t.Fatalf("search: %+v", first)
	}
	if des, _ := os.ReadDir(cacheDir); len(des) != 1 {
		t.Fatalf("%d files in the cache after a search", len(des))
	}
	listed := runEnv(t, env, "cache")
	if listed.code != ExitOK || !strings.Contains(listed.stdout, "17 trials") || !strings.Contains(listed.stdout, "current") ||
		!strings.Contains(listed.stdout, dir+" (17 files") || !strings.Contains(listed.stdout, "1 snapshot,") {
		t.Fatalf("cache: %+v", listed)
	}
	commands := [][]string{
		{"search", "cancer", dir},
		{"search", "--in", "interventions", "placebo", dir},
		{"show", "NCT00517179", dir},
		{"compare", "NCT00517179", "NCT02552212", dir},
		{"export", "--ids", "NCT02552212,NCT00517179", "--no-notes", dir},
		{"screen", "--age", "67", "--ecog", "2", "--platelets", "50", dir},
		{"search", "--format", "ids", "status:completed phase:2|3", dir},
		{"export", "--where", "cancer | crit:ecog", "--format", "jsonl", "--no-notes", dir},
	}
	for _, args := range commands {
		fromSnap := runEnv(t, env, args...)
		fresh := runEnv(t, env, append([]string{args[0], "--no-cache"}, args[1:]...)...)
		if fromSnap.code != fresh.code || fromSnap.stdout != fresh.stdout || fromSnap.stderr != fresh.stderr || fresh.stdout == "" {
			t.Errorf("%v from the snapshot:\n%+v\nfrom the inputs:\n%+v", args, fromSnap, fresh)
		}
	}
	later := time.Now().Add(time.Hour)
	os.Chtimes(filepath.Join(dir, "NCT00517179.json"), later, later)
	if r := runEnv(t, env, "cache"); !strings.Contains(r.stdout, "stale: a file in "+filepath.Base(dir)+" changed") {
		t.Errorf("cache after a change: %+v", r)
	}
	changed := runEnv(t, env, "search", "cancer", dir)
	if changed.stdout != first.stdout || !strings.Contains(changed.stderr, "trials search: a file in "+filepath.Base(dir)+" changed since the snapshot of ") ||
		!strings.HasSuffix(changed.stderr, ": reloading\n") {
		t.Errorf("search after a change: %+v", changed)
	}
	if r := runEnv(t, env, "search", "cancer", dir); r.stderr != "" || r.stdout != first.stdout {
		t.Errorf("search from the rebuilt snapshot: %+v", r)
	}
	cleared := runEnv(t, env, "cache", "--clear")
	if cleared.code != ExitOK || !strings.Contains(cleared.stdout, "removed 1 snapshot file") {
		t.Errorf("clear: %+v", cleared)
	}
	if r := runEnv(t, env, "cache"); !strings.Contains(r.stdout, "no snapshots in "+cacheDir) {
		t.Errorf("cache after clear: %+v", r)
	}
	if r := runEnv(t, env, "search", "--no-cache", "carcinoma", dir); r.code != ExitOK {
		t.Errorf("search --no-cache: %+v", r)
	}
	if des, _ := os.ReadDir(cacheDir); len(des) != 0 {
		t.Errorf("--no-cache wrote %d files", len(des))
	}
}

func TestCacheUsage(t *testing.T) {
	if r := run(t, "cache", "--help"); r.code != ExitOK || !strings.Contains(r.stdout, "--clear") {
		t.Errorf("help: %+v", r)
	}
	if r := run(t, "cache", "extra"); r.code != ExitUsage {
		t.Errorf("an argument: %+v", r)
	}
	if r := run(t, "cache"); r.code != ExitError || !strings.Contains(r.stderr, "no cache directory") {
		t.Errorf("no HOME: %+v", r)
	}
}
