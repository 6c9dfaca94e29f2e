package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// TestFetchThenBrowse: fetch saves what the API serves, and the directory
// then loads like any other input.
func TestFetchThenBrowse(t *testing.T) {
	page, err := os.ReadFile("../loader/testdata/ctgov/search-pages/search-page-capybara-1.json")
	if err != nil {
		t.Fatal(err)
	}
	var p map[string]any
	_ = json.Unmarshal(page, &p)
	delete(p, "nextPageToken")
	page, _ = json.Marshal(p)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("query.intr") != "lenvatinib" {
			http.Error(w, "unexpected query "+r.URL.RawQuery, http.StatusBadRequest)
			return
		}
		w.Write(page)
	}))
	defer srv.Close()
	dir := t.TempDir()
	var out, errb strings.Builder
	env := &Env{Stdout: &out, Stderr: &errb, fetchClient: srv.Client(), fetchBackoff: time.Millisecond}
	code := Main([]string{"fetch", "--intr", "lenvatinib", "--base-url", srv.URL, "-o", dir}, env)
	if code != ExitOK || !strings.Contains(errb.String(), "10 saved") {
		t.Fatalf("fetch: exit %d\n%s", code, errb.String())
	}
	r := run(t, "export", "--format", "jsonl", dir)
	if r.code != ExitOK || strings.Count(r.stdout, "\n") != 10 {
		t.Errorf("export of the fetched directory: exit %d, %d lines, %s", r.code, strings.Count(r.stdout, "\n"), r.stderr)
	}
	// Run again: everything is already there.
	errb.Reset()
	if code := Main([]string{"fetch", "--intr", "lenvatinib", "--base-url", srv.URL, "-o", dir}, env); code != ExitOK || !strings.Contains(errb.String(), "0 saved, 10 already there") {
		t.Errorf("rerun: exit %d %s", code, errb.String())
	}
}

func TestFetchUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"fetch"},
		{"fetch", "--cond", "x", "--status", "open-ish"},
		{"fetch", "--cond", "x", "--phase", "seven"},
		{"fetch", "NCT123"},
		{"fetch", "--cond", "x", "NCT05033522"},
		{"fetch", "--cond", "x", "--page-size", "5000"},
	} {
		r := run(t, args...)
		if r.code != ExitUsage {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

func TestFetchReportsFailure(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	var out, errb strings.Builder
	env := &Env{Stdout: &out, Stderr: &errb, fetchClient: srv.Client(), fetchBackoff: time.Millisecond}
	code := Main([]string{"fetch", "--cond", "x", "--retries", "1", "--base-url", srv.URL, "-o", t.TempDir()}, env)
	if code != ExitError || !strings.Contains(errb.String(), "HTTP 503") || !strings.Contains(errb.String(), "run the same command again") {
		t.Errorf("exit %d: %s", code, errb.String())
	}
}
