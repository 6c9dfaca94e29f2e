package fetch

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The fixture search pages, replayed in this order: each page's
// nextPageToken leads to the next; the last page has none.
var pageFiles = []string{
	"search-page-capybara-1.json",    // 10 studies
	"search-page-cyanheads-1.json",   // 1
	"search-page-cyanheads-2.json",   // 2
	"search-page-kylevogeler-1.json", // 1
}

const fixtureStudies = 14

// registry is a fake API: it serves the fixture pages, and single studies
// from them, with faults injected per request number.
type registry struct {
	t       *testing.T
	pages   [][]byte          // page bodies, tokens rewritten into a chain
	tokens  map[string]int    // pageToken → page index
	studies map[string][]byte // NCT id → study JSON
	calls   atomic.Int32
	mu      sync.Mutex
	queries []string
	agents  []string
	// fault, if set, may answer request n (1-based) itself and return true.
	fault func(n int, w http.ResponseWriter, r *http.Request) bool
}

func newRegistry(t *testing.T) (*registry, *httptest.Server) {
	t.Helper()
	reg := &registry{t: t, tokens: map[string]int{}, studies: map[string][]byte{}}
	for i, name := range pageFiles {
		data, err := os.ReadFile(filepath.Join("../loader/testdata/ctgov/search-pages", name))
		if err != nil {
			t.Fatal(err)
		}
		var page map[string]any
		if err := json.Unmarshal(data, &page); err != nil {
			t.Fatal(err)
		}
		tok := "tok" + strconv.Itoa(i+1)
		if i == len(pageFiles)-1 {
			delete(page, "nextPageToken")
		} else {
			page["nextPageToken"] = tok
			reg.tokens[tok] = i + 1
		}
		if i == 0 {
			page["totalCount"] = fixtureStudies
		}
		for _, s := range page["studies"].([]any) {
			b, _ := json.Marshal(s)
			id := s.(map[string]any)["protocolSection"].(map[string]any)["identificationModule"].(map[string]any)["nctId"].(string)
			reg.studies[id] = b
		}
		body, _ := json.Marshal(page)
		reg.pages = append(reg.pages, body)
	}
	srv := httptest.NewServer(reg)
	t.Cleanup(srv.Close)
	return reg, srv
}

func (reg *registry) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := int(reg.calls.Add(1))
	reg.mu.Lock()
	reg.queries = append(reg.queries, r.URL.RequestURI())
	reg.agents = append(reg.agents, r.UserAgent())
	reg.mu.Unlock()
	if reg.fault != nil && reg.fault(n, w, r) {
		return
	}
	switch {
	case r.URL.Path == "/api/v2/studies":
		i := 0
		if tok := r.URL.Query().Get("pageToken"); tok != "" {
			var ok bool
			if i, ok = reg.tokens[tok]; !ok {
				http.Error(w, `{"message":"bad token"}`, http.StatusBadRequest)
				return
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(reg.pages[i])
	case strings.HasPrefix(r.URL.Path, "/api/v2/studies/"):
		b, ok := reg.studies[strings.TrimPrefix(r.URL.Path, "/api/v2/studies/")]
		if !ok {
			http.Error(w, `{"message":"not found"}`, http.StatusNotFound)
			return
		}
		w.Write(b)
	default:
		http.NotFound(w, r)
	}
}

func opts(srv *httptest.Server, dir string) Options {
	return Options{BaseURL: srv.URL + "/api/v2", Dir: dir, PageSize: 10, Timeout: 2 * time.Second,
		Retries: 3, Backoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond, UserAgent: "trials/test"}
}

func savedFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left behind: %s", e.Name())
			continue
		}
		names = append(names, e.Name())
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if !json.Valid(b) {
			t.Errorf("%s is not valid JSON", e.Name())
		}
	}
	return names
}

func TestSearchFollowsPagesAndSavesEveryStudy(t *testing.T) {
	reg, srv := newRegistry(t)
	dir := t.TempDir()
	q := Query{Condition: "liver cancer", Statuses: []string{"RECRUITING", "NOT_YET_RECRUITING"}, Phases: []string{"PHASE2", "PHASE3"}}
	p, err := Run(context.Background(), q, opts(srv, dir))
	if err != nil {
		t.Fatal(err)
	}
	if p.Saved != fixtureStudies || p.Pages != 4 || p.Total != fixtureStudies {
		t.Errorf("progress %+v", p)
	}
	files := savedFiles(t, dir)
	if len(files) != fixtureStudies || !strings.HasPrefix(files[0], "NCT") {
		t.Errorf("files %v", files)
	}
	first := reg.queries[0]
	for _, want := range []string{"query.cond=liver+cancer", "filter.overallStatus=RECRUITING%2CNOT_YET_RECRUITING",
		"filter.advanced=AREA%5BPhase%5D%28PHASE2+OR+PHASE3%29", "pageSize=10", "countTotal=true", "format=json"} {
		if !strings.Contains(first, want) {
			t.Errorf("first request %q lacks %q", first, want)
		}
	}
	if !strings.Contains(reg.queries[1], "pageToken=tok1") {
		t.Errorf("second request does not follow the token: %q", reg.queries[1])
	}
	if reg.agents[0] != "trials/test" {
		t.Errorf("User-Agent %q", reg.agents[0])
	}
}

func TestMaxStopsEarly(t *testing.T) {
	reg, srv := newRegistry(t)
	dir := t.TempDir()
	o := opts(srv, dir)
	o.Max = 12
	p, err := Run(context.Background(), Query{Term: "x"}, o)
	if err != nil || p.Saved != 12 || len(savedFiles(t, dir)) != 12 {
		t.Errorf("%+v %v", p, err)
	}
	if !strings.Contains(reg.queries[1], "pageSize=2") {
		t.Errorf("the last page should ask only for what is left: %q", reg.queries[1])
	}
}

func TestRetryAfter429(t *testing.T) {
	reg, srv := newRegistry(t)
	reg.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return true
		}
		return false
	}
	start := time.Now()
	p, err := Run(context.Background(), Query{Term: "x"}, opts(srv, t.TempDir()))
	if err != nil || p.Saved != fixtureStudies || p.Retries != 1 {
		t.Fatalf("%+v %v", p, err)
	}
	if time.Since(start) < time.Second {
		t.Error("Retry-After: 1 was not honoured")
	}
}

func TestRetries5xxAndGivesUp(t *testing.T) {
	reg, srv := newRegistry(t)
	reg.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n == 2 { // one 500 in the middle: retried
			http.Error(w, "upstream hiccup", http.StatusInternalServerError)
			return true
		}
		return false
	}
	if p, err := Run(context.Background(), Query{Term: "x"}, opts(srv, t.TempDir())); err != nil || p.Saved != fixtureStudies {
		t.Fatalf("a single 500: %+v %v", p, err)
	}
	reg2, srv2 := newRegistry(t)
	reg2.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
		return true
	}
	_, err := Run(context.Background(), Query{Term: "x"}, opts(srv2, t.TempDir()))
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != 503 || !strings.Contains(err.Error(), "giving up after 4 attempts") {
		t.Errorf("persistent 503: %v", err)
	}
	if got := reg2.calls.Load(); got != 4 {
		t.Errorf("%d requests, want 1 + 3 retries", got)
	}
}

func TestClientErrorIsNotRetried(t *testing.T) {
	reg, srv := newRegistry(t)
	reg.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		http.Error(w, `{"message":"unknown field"}`, http.StatusBadRequest)
		return true
	}
	_, err := Run(context.Background(), Query{Term: "x"}, opts(srv, t.TempDir()))
	if err == nil || !strings.Contains(err.Error(), "HTTP 400") || !strings.Contains(err.Error(), "unknown field") || reg.calls.Load() != 1 {
		t.Errorf("%v after %d calls", err, reg.calls.Load())
	}
}

func TestTruncatedBodyIsRetried(t *testing.T) {
	reg, srv := newRegistry(t)
	reg.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n != 1 {
			return false
		}
		body := reg.pages[0]
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body[:len(body)/2])
		// Returning with less than Content-Length written makes the
		// server cut the connection: the client sees a short body.
		return true
	}
	p, err := Run(context.Background(), Query{Term: "x"}, opts(srv, t.TempDir()))
	if err != nil || p.Saved != fixtureStudies || p.Retries != 1 {
		t.Errorf("%+v %v", p, err)
	}
	// A body cut short without a length (chunked) is caught as malformed JSON.
	reg2, srv2 := newRegistry(t)
	reg2.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n != 1 {
			return false
		}
		w.Write(reg2.pages[0][:100])
		return true
	}
	if p, err := Run(context.Background(), Query{Term: "x"}, opts(srv2, t.TempDir())); err != nil || p.Retries != 1 {
		t.Errorf("chunked truncation: %+v %v", p, err)
	}
}

func TestStalledServerTimesOut(t *testing.T) {
	reg, srv := newRegistry(t)
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	reg.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		switch n {
		case 1: // no response at all
			select {
			case <-release:
			case <-r.Context().Done():
			}
			return true
		case 2: // the head and some of the body, then nothing
			w.Write(reg.pages[0][:200])
			w.(http.Flusher).Flush()
			select {
			case <-release:
			case <-r.Context().Done():
			}
			return true
		}
		return false
	}
	o := opts(srv, t.TempDir())
	o.Timeout = 150 * time.Millisecond
	start := time.Now()
	p, err := Run(context.Background(), Query{Term: "x"}, o)
	if err != nil || p.Saved != fixtureStudies || p.Retries != 2 {
		t.Fatalf("%+v %v", p, err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s: the timeout did not cut the stalled requests", d)
	}
}

func TestInterruptedRunResumes(t *testing.T) {
	_, srv := newRegistry(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	o := opts(srv, dir)
	o.Progress = func(p Progress) {
		if p.Saved == 5 {
			cancel()
		}
	}
	p, err := Run(ctx, Query{Term: "x"}, o)
	if !errors.Is(err, context.Canceled) || p.Saved != 5 {
		t.Fatalf("interrupted run: %+v %v", p, err)
	}
	if n := len(savedFiles(t, dir)); n != 5 {
		t.Fatalf("%d files after the interruption, want 5", n)
	}
	p, err = Run(context.Background(), Query{Term: "x"}, opts(srv, dir))
	if err != nil || p.Saved != fixtureStudies-5 || p.Skipped != 5 {
		t.Errorf("resumed run: %+v %v", p, err)
	}
	if n := len(savedFiles(t, dir)); n != fixtureStudies {
		t.Errorf("%d files, want %d", n, fixtureStudies)
	}
}

func TestFetchByID(t *testing.T) {
	reg, srv := newRegistry(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "NCT05147467.json"), []byte(`{"kept":true}`), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Run(context.Background(), Query{IDs: []string{"NCT05147467", "NCT00711542"}}, opts(srv, dir))
	if err != nil || p.Saved != 1 || p.Skipped != 1 {
		t.Fatalf("%+v %v", p, err)
	}
	if reg.calls.Load() != 1 {
		t.Errorf("%d requests: a study already saved should not be requested", reg.calls.Load())
	}
	if _, err := Run(context.Background(), Query{IDs: []string{"NCT09999999"}}, opts(srv, dir)); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("unknown id: %v", err)
	}
}

func TestBadOptions(t *testing.T) {
	for _, o := range []Options{
		{BaseURL: "ftp://x", Dir: "d"},
		{BaseURL: "not a url", Dir: "d"},
		{Dir: ""},
		{Dir: "d", PageSize: 5000},
	} {
		if _, err := Run(context.Background(), Query{Term: "x"}, o); err == nil {
			t.Errorf("%+v: want an error", o)
		}
	}
}

func TestDefaultDir(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", map[string]string{"HOME": "/home/a"}, "/home/a/.local/share/trials/studies"},
		{"linux", map[string]string{"HOME": "/home/a", "XDG_DATA_HOME": "/data"}, "/data/trials/studies"},
		{"linux", map[string]string{"HOME": "/home/a", "XDG_DATA_HOME": "relative"}, "/home/a/.local/share/trials/studies"},
		{"darwin", map[string]string{"HOME": "/Users/a"}, "/Users/a/Library/Application Support/trials/studies"},
	}
	for _, tt := range tests {
		got, err := DefaultDir(tt.goos, env(tt.env))
		if err != nil || got != tt.want {
			t.Errorf("%s %v: %q %v, want %q", tt.goos, tt.env, got, err, tt.want)
		}
	}
	if _, err := DefaultDir("linux", env(nil)); err == nil {
		t.Error("no HOME: want an error")
	}
}
