package fetch

import (
	"context"
	"errors"
	"fmt"
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

	"github.com/go-json-experiment/json"

	"github.com/trials-app/trials/loader"
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

// run is one fetch with a fake clock; it returns what Warn received.
type run struct {
	o     Options
	clock *fakeClock
	mu    sync.Mutex
	warns []string
}

func newRun(srv *httptest.Server, dir string) *run {
	r := &run{clock: newFakeClock()}
	r.o = Options{BaseURL: srv.URL + "/api/v2", Dir: dir, PageSize: 10, Timeout: 2 * time.Second,
		Retries: 3, Backoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond, UserAgent: "trials/test",
		Client: srv.Client(), Clock: r.clock}
	r.o.Warn = func(s string) {
		r.mu.Lock()
		r.warns = append(r.warns, s)
		r.mu.Unlock()
	}
	return r
}

func (r *run) run(ctx context.Context, q Query) (Progress, error) { return Run(ctx, q, r.o) }

func (r *run) warnings() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.warns, "\n")
}

// savedFiles lists the studies in dir, checking that each loads, as the
// study it is named after, and that no temporary file was left behind.
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
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		trials, err := loader.Parse(e.Name(), b)
		if err != nil || len(trials) != 1 || trials[0].NCTID+".json" != e.Name() {
			t.Errorf("%s does not load as the study it is named after: %v", e.Name(), err)
		}
	}
	return names
}

func TestSearchFollowsPagesAndSavesEveryStudy(t *testing.T) {
	reg, srv := newRegistry(t)
	dir := t.TempDir()
	q := Query{Condition: "liver cancer", Statuses: []string{"RECRUITING", "NOT_YET_RECRUITING"}, Phases: []string{"PHASE2", "PHASE3"}}
	r := newRun(srv, dir)
	p, err := r.run(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if p.Saved != fixtureStudies || p.Pages != 4 || p.Total != fixtureStudies || p.Invalid != 0 {
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
	if w := r.warnings(); w != "" {
		t.Errorf("warnings on a clean run: %s", w)
	}
}

func TestMaxStopsEarly(t *testing.T) {
	reg, srv := newRegistry(t)
	dir := t.TempDir()
	r := newRun(srv, dir)
	r.o.Max = 12
	p, err := r.run(context.Background(), Query{Term: "x"})
	if err != nil || p.Saved != 12 || len(savedFiles(t, dir)) != 12 {
		t.Errorf("%+v %v", p, err)
	}
	if !strings.Contains(reg.queries[1], "pageSize=2") {
		t.Errorf("the last page should ask only for what is left: %q", reg.queries[1])
	}
}

func TestRetryAfterIsHonouredOnTheInjectedClock(t *testing.T) {
	tests := []struct {
		name   string
		header func(now time.Time) string
		want   time.Duration
		warned bool
	}{
		{"seconds", func(time.Time) string { return "1" }, time.Second, false},
		{"date", func(now time.Time) string { return now.Add(30 * time.Second).Format(http.TimeFormat) }, 30 * time.Second, false},
		{"int64 overflow", func(time.Time) string { return "18446744074" }, MaxRetryAfter, true},
		{"year 9999", func(time.Time) string { return "Fri, 31 Dec 9999 23:59:59 GMT" }, MaxRetryAfter, true},
		{"garbage falls back to the backoff", func(time.Time) string { return "soon" }, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg, srv := newRegistry(t)
			r := newRun(srv, t.TempDir())
			reg.fault = func(n int, w http.ResponseWriter, _ *http.Request) bool {
				if n == 1 {
					w.Header().Set("Retry-After", tt.header(r.clock.Now()))
					w.WriteHeader(http.StatusTooManyRequests)
					return true
				}
				return false
			}
			p, err := r.run(context.Background(), Query{Term: "x"})
			if err != nil || p.Saved != fixtureStudies || p.Retries != 1 {
				t.Fatalf("%+v %v", p, err)
			}
			slept := r.clock.sleeps()
			if len(slept) != 1 {
				t.Fatalf("waits %v, want one", slept)
			}
			if tt.want == 0 {
				if slept[0] < r.o.Backoff || slept[0] > r.o.MaxBackoff {
					t.Errorf("waited %s, want the backoff", slept[0])
				}
			} else if slept[0] != tt.want {
				t.Errorf("waited %s, want %s", slept[0], tt.want)
			}
			if got := strings.Contains(r.warnings(), "longer than trials ever waits"); got != tt.warned {
				t.Errorf("warned %v, want %v: %q", got, tt.warned, r.warnings())
			}
		})
	}
}

func TestRetryAfterParse(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		h      string
		want   time.Duration
		capped bool
	}{
		{"", 0, false},
		{"0", 0, false},
		{"  120 ", 2 * time.Minute, false},
		{"600", MaxRetryAfter, false},
		{"601", MaxRetryAfter, true},
		{"18446744074", MaxRetryAfter, true}, // overflows int64 nanoseconds
		{"99999999999999999999999", MaxRetryAfter, true},
		{"-1", 0, false},
		{"1.5", 0, false},
		{"+5", 0, false},
		{"Sat, 01 Mar 2025 12:00:30 GMT", 30 * time.Second, false},
		{"Sat, 01 Mar 2025 11:00:00 GMT", 0, false}, // past
		{"Fri, 31 Dec 9999 23:59:59 GMT", MaxRetryAfter, true},
		{"tomorrow", 0, false},
	}
	for _, tt := range tests {
		got, capped := retryAfter(tt.h, now)
		if got != tt.want || capped != tt.capped {
			t.Errorf("retryAfter(%q) = %s, %v; want %s, %v", tt.h, got, capped, tt.want, tt.capped)
		}
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
	if p, err := newRun(srv, t.TempDir()).run(context.Background(), Query{Term: "x"}); err != nil || p.Saved != fixtureStudies {
		t.Fatalf("a single 500: %+v %v", p, err)
	}
	reg2, srv2 := newRegistry(t)
	reg2.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
		return true
	}
	r := newRun(srv2, t.TempDir())
	_, err := r.run(context.Background(), Query{Term: "x"})
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != 503 || !strings.Contains(err.Error(), "page 1: giving up after 4 attempts: HTTP 503") {
		t.Errorf("persistent 503: %v", err)
	}
	if got := reg2.calls.Load(); got != 4 {
		t.Errorf("%d requests, want 1 + 3 retries", got)
	}
	slept := r.clock.sleeps()
	if len(slept) != 3 || slept[0] < 10*time.Millisecond || slept[1] < 20*time.Millisecond || slept[2] > 50*time.Millisecond {
		t.Errorf("backoff %v, want about 10ms, 20ms, 40ms (capped at 50ms)", slept)
	}
}

func TestClientErrorIsNotRetried(t *testing.T) {
	reg, srv := newRegistry(t)
	reg.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		http.Error(w, `{"message":"unknown field"}`, http.StatusBadRequest)
		return true
	}
	_, err := newRun(srv, t.TempDir()).run(context.Background(), Query{Term: "x"})
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
	dir := t.TempDir()
	p, err := newRun(srv, dir).run(context.Background(), Query{Term: "x"})
	if err != nil || p.Saved != fixtureStudies || p.Retries != 1 {
		t.Errorf("%+v %v", p, err)
	}
	savedFiles(t, dir)
	// A body cut short without a length (chunked) is caught as malformed JSON.
	reg2, srv2 := newRegistry(t)
	reg2.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n != 1 {
			return false
		}
		w.Write(reg2.pages[0][:100])
		return true
	}
	if p, err := newRun(srv2, t.TempDir()).run(context.Background(), Query{Term: "x"}); err != nil || p.Retries != 1 || p.Saved != fixtureStudies {
		t.Errorf("chunked truncation: %+v %v", p, err)
	}
}

// TestSlowServersAreGivenUp: each limit of a request fires on its own and
// says which it is; time is the fake clock's, passed inside the reads.
func TestSlowServersAreGivenUp(t *testing.T) {
	const timeout = 10 * time.Second
	tests := []struct {
		name     string
		tr       slowTransport
		deadline time.Duration
		kind     string
		attempts int // with Retries: 3
	}{
		{"no response head", slowTransport{headDelay: timeout, piece: 1 << 20}, 0, NoResponse, 4},
		{"body stops", slowTransport{piece: 100, each: timeout * 3 / 2}, 0, Stalled, 4},
		// 1 byte every 2.5 s: 4 bytes per 10 s window, far under 1 KiB/s.
		// Too slow twice in a row is given up without the other retries.
		{"slowloris", slowTransport{piece: 1, each: timeout / 4}, 0, TooSlow, 2},
		// A read every 5 s never stalls (and no minimum rate is set), but
		// the page does not end within the deadline.
		{"deadline", slowTransport{piece: 1 << 10, each: timeout / 2}, 25 * time.Second, Deadline, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, srv := newRegistry(t)
			dir := t.TempDir()
			r := newRun(srv, dir)
			tr := tt.tr
			tr.clock, tr.base = r.clock, srv.Client().Transport
			r.o.Client = &http.Client{Transport: &tr}
			r.o.Timeout, r.o.Deadline = timeout, tt.deadline
			if tt.kind == Deadline {
				r.o.MinRate = -1
			}
			start := r.clock.Now()
			p, err := r.run(context.Background(), Query{Term: "x"})
			var te *TimeoutError
			if !errors.As(err, &te) || te.Kind != tt.kind {
				t.Fatalf("got %v, want a %q timeout", err, tt.kind)
			}
			if !strings.Contains(err.Error(), "giving up after") {
				t.Errorf("message %q", err)
			}
			if got := p.Retries + 1; got != tt.attempts {
				t.Errorf("%d attempts, want %d", got, tt.attempts)
			}
			if d := r.clock.Now().Sub(start); d > 5*time.Minute {
				t.Errorf("gave up after %s of (fake) time", d)
			}
			savedFiles(t, dir)
		})
	}
}

// padded inserts spaces into a JSON object so that it takes n bytes or more.
func padded(page []byte, n int) []byte {
	pad := strings.Repeat(" ", max(n-len(page), 0))
	return []byte("{" + pad + string(page[1:]))
}

// TestStalledServerTimesOut: a real server that never answers is given up
// after the timeout of the clock, then asked again.
func TestStalledServerTimesOut(t *testing.T) {
	reg, srv := newRegistry(t)
	entered := make(chan struct{}, 1)
	reg.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n != 1 {
			return false
		}
		entered <- struct{}{}
		<-r.Context().Done() // no answer, until the client gives up
		return true
	}
	r := newRun(srv, t.TempDir())
	go func() {
		<-entered
		// The watchdog was armed before the request left.
		r.clock.Advance(r.o.Timeout)
	}()
	p, err := r.run(context.Background(), Query{Term: "x"})
	if err != nil || p.Saved != fixtureStudies || p.Retries != 1 {
		t.Fatalf("%+v %v", p, err)
	}
}

func TestLoopingPagesStop(t *testing.T) {
	study := func(id string) string {
		return `{"protocolSection":{"identificationModule":{"nctId":"` + id + `","briefTitle":"t"}}}`
	}
	tests := []struct {
		name string
		page func(token string) string // the answer to a request with this pageToken
		max  int
		want string
	}{
		{"same token", func(string) string {
			return `{"studies":[` + study("NCT00000010") + `],"nextPageToken":"SAME"}`
		}, 0, "already fetched"},
		{"A→B→A", func(tok string) string {
			next := map[string]string{"": "A", "A": "B", "B": "A"}[tok]
			n := map[string]string{"": "1", "A": "2", "B": "3"}[tok]
			return `{"studies":[` + study("NCT0000001"+n) + `],"nextPageToken":"` + next + `"}`
		}, 0, "already fetched"},
		{"A→B→A, the same studies, with --max", func(tok string) string {
			next := map[string]string{"": "B", "A": "B", "B": "A"}[tok]
			return `{"studies":[` + study("NCT00000011") + "," + study("NCT00000012") + `],"nextPageToken":"` + next + `"}`
		}, 5, "brought no new study"},
		{"new tokens, the same study", func(tok string) string {
			return `{"studies":[` + study("NCT00000013") + `],"nextPageToken":"t` + tok + `x"}`
		}, 0, "brought no new study"},
		{"new tokens, unusable studies", func(tok string) string {
			return `{"studies":[` + study("../x") + `],"nextPageToken":"t` + tok + `x"}`
		}, 0, "brought no new study"},
		{"empty pages with tokens", func(tok string) string {
			return `{"studies":[],"nextPageToken":"t` + tok + `x"}`
		}, 100, "empty but names a next page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if calls.Add(1) > 20 {
					http.Error(w, "looped", http.StatusTeapot)
					return
				}
				w.Write([]byte(tt.page(r.URL.Query().Get("pageToken"))))
			}))
			defer srv.Close()
			dir := t.TempDir()
			r := newRun(srv, dir)
			r.o.BaseURL, r.o.Max = srv.URL, tt.max
			_, err := r.run(context.Background(), Query{Term: "x"})
			if !errors.Is(err, ErrLoop) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want ErrLoop (%s)", err, tt.want)
			}
			if n := calls.Load(); n > 4 {
				t.Errorf("%d requests before stopping", n)
			}
			savedFiles(t, dir)
		})
	}
}

// TestUnusableStudiesAreSkipped: a study that cannot be saved as a file
// the loader reads under its name is named and skipped; the rest of the
// page is saved, and a rerun does not trip on it.
func TestUnusableStudiesAreSkipped(t *testing.T) {
	good := func(id string) string {
		return `{"protocolSection":{"identificationModule":{"nctId":"` + id + `","briefTitle":"t"}}}`
	}
	page := `{"totalCount":9,"studies":[` + strings.Join([]string{
		good("NCT00000001"),
		good("../../../tmp/pwned"),
		`"a string"`,
		good("nct00000007"),
		good(`NCT0000000\u00005`),
		`{"protocolSection":{"identificationModule":{"nctId":"NCT00000041","NCTID":"NCT00000042"}}}`, // saved: names are case-sensitive
		`{"protocolSection":{"identificationModule":{"NctId":"NCT00000043"}}}`,
		`{"protocolSection":{"identificationModule":{"nctId":"NCT00000044","nctId":"NCT00000045"}}}`,
		`{"protocolSection":{"identificationModule":{"nctId":"NCT00000046"},"statusModule":"not an object"}}`,
		good("NCT00000003"),
	}, ",") + `]}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(page)) }))
	defer srv.Close()
	dir := t.TempDir()
	r := newRun(srv, dir)
	r.o.BaseURL = srv.URL
	p, err := r.run(context.Background(), Query{Term: "x"})
	if err != nil || p.Saved != 3 || p.Invalid != 7 {
		t.Fatalf("%+v %v\n%s", p, err, r.warnings())
	}
	if got := strings.Join(savedFiles(t, dir), " "); got != "NCT00000001.json NCT00000003.json NCT00000041.json" {
		t.Errorf("saved %s", got)
	}
	warns := r.warnings()
	for _, want := range []string{
		`page 1, study 2: not saved: its nctId "../../../tmp/pwned" is not an NCT id`,
		"page 1, study 3: not saved: it is a JSON string, not a study",
		`page 1, study 4: not saved: its nctId "nct00000007" is not an NCT id`,
		`page 1, study 5: not saved: its nctId "NCT0000000\x005" is not an NCT id`,
		"page 1, study 7: not saved: it has no protocolSection.identificationModule.nctId",
		"page 1, study 8: not saved: it gives its nctId 2 times",
		"page 1, study 9 (NCT00000046): not saved: the loader would refuse it",
	} {
		if !strings.Contains(warns, want) {
			t.Errorf("warnings lack %q:\n%s", want, warns)
		}
	}
	p, err = newRun(srv, dir).run(context.Background(), Query{Term: "x"})
	if err != nil || p.Skipped != 3 || p.Saved != 0 {
		t.Errorf("rerun: %+v %v", p, err)
	}
}

func TestStudyOverTheLoaderLimitIsNotKept(t *testing.T) {
	sr := newStudyReader()
	sr.limit = 200
	big := `{"protocolSection":{"identificationModule":{"nctId":"NCT00000001","briefTitle":"` + strings.Repeat("x", 500) + `"}}}`
	var got []*study
	_, err := readPage(strings.NewReader(`{"studies":[`+big+`,{"protocolSection":{"identificationModule":{"nctId":"NCT00000002"}}}]}`), sr, pageHandler{
		total: func(int64) {},
		study: func(i int, s *study) error {
			c := *s
			c.data = append([]byte(nil), s.data...)
			if s.data == nil {
				c.data = nil
			}
			got = append(got, &c)
			return nil
		},
	})
	if err != nil || len(got) != 2 {
		t.Fatalf("%v, %d studies", err, len(got))
	}
	if _, problem := studyID(got[0]); got[0].data != nil || !strings.Contains(problem, "more than the loader reads") || got[0].size <= 200 {
		t.Errorf("the big study: %q, size %d", problem, got[0].size)
	}
	if id, problem := studyID(got[1]); id != "NCT00000002" || problem != "" {
		t.Errorf("the study after it: %q %q", id, problem)
	}
}

func TestBodyLimit(t *testing.T) {
	tests := []struct {
		name    string
		chunked bool
	}{{"declared length", false}, {"chunked", true}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg, srv := newRegistry(t)
			reg.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
				body := padded(reg.pages[0], 1<<20)
				if !tt.chunked {
					w.Header().Set("Content-Length", strconv.Itoa(len(body)))
				}
				w.Write(body)
				return true
			}
			dir := t.TempDir()
			r := newRun(srv, dir)
			r.o.MaxBody = 512 << 10
			_, err := r.run(context.Background(), Query{Term: "x"})
			if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "over the 512 KiB limit") {
				t.Errorf("got %v, want ErrTooLarge", err)
			}
			if n := reg.calls.Load(); n != 1 {
				t.Errorf("%d requests: an answer too large is not asked again", n)
			}
			if files := savedFiles(t, dir); len(files) != 0 {
				t.Errorf("saved %v from an answer over the limit", files)
			}
		})
	}
}

func TestRedirects(t *testing.T) {
	reg, srv := newRegistry(t)
	// 127.0.0.1 and localhost are the same server under two host names.
	other := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	reg.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		switch {
		case strings.HasPrefix(r.URL.Path, "/file/"):
			http.Redirect(w, r, "file:///etc/passwd", http.StatusMovedPermanently)
		case strings.HasPrefix(r.URL.Path, "/loop/"):
			http.Redirect(w, r, r.URL.RequestURI(), http.StatusFound)
		case strings.HasPrefix(r.URL.Path, "/away/"):
			http.Redirect(w, r, other+"/api/v2/studies?"+r.URL.RawQuery, http.StatusFound)
		default:
			return false
		}
		return true
	}
	tests := []struct {
		prefix string
		calls  int32
		err    string
		warn   string
	}{
		{"/file", 1, "redirected to a file: URL (file:///etc/passwd), which trials does not follow", ""},
		{"/loop", 10, "stopped after 10 redirects", ""},
		{"/away", 8, "", "redirected from " + srv.URL + " to " + other},
	}
	for _, tt := range tests {
		t.Run(tt.prefix, func(t *testing.T) {
			reg.calls.Store(0)
			r := newRun(srv, t.TempDir())
			r.o.BaseURL = srv.URL + tt.prefix
			p, err := r.run(context.Background(), Query{Term: "x"})
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("%v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("got %v, want %q", err, tt.err)
			case tt.err == "" && p.Saved != fixtureStudies:
				t.Errorf("%+v", p)
			}
			if n := reg.calls.Load(); n != tt.calls {
				t.Errorf("%d requests, want %d (a redirect that cannot succeed is not retried)", n, tt.calls)
			}
			if w := r.warnings(); tt.warn != "" && strings.Count(w, tt.warn) != 1 || tt.warn == "" && w != "" {
				t.Errorf("warnings %q, want %q once", w, tt.warn)
			}
		})
	}
}

// TestCancelStopsAtOnce: SIGINT or SIGTERM cancels the run's context (see
// main.go); the request in flight is cancelled, a wait between retries cut
// short, no partial file is left, and the cause is returned.
func TestCancelStopsAtOnce(t *testing.T) {
	signal := errors.New("interrupt signal received")
	t.Run("in flight", func(t *testing.T) {
		reg, srv := newRegistry(t)
		ctx, cancel := context.WithCancelCause(context.Background())
		seen := make(chan struct{})
		reg.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
			if n == 1 {
				return false
			}
			w.Write(reg.pages[n-1][:500]) // a part of the page, then nothing
			w.(http.Flusher).Flush()
			cancel(signal)
			<-r.Context().Done()
			close(seen)
			return true
		}
		dir := t.TempDir()
		p, err := newRun(srv, dir).run(ctx, Query{Term: "x"})
		if !errors.Is(err, signal) || p.Saved != 10 {
			t.Errorf("%+v %v", p, err)
		}
		<-seen // the server saw the request go away
		if n := len(savedFiles(t, dir)); n != 10 {
			t.Errorf("%d files, want the 10 of the first page", n)
		}
	})
	t.Run("waiting to retry", func(t *testing.T) {
		reg, srv := newRegistry(t)
		reg.fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
			w.Header().Set("Retry-After", "600")
			w.WriteHeader(http.StatusTooManyRequests)
			return true
		}
		ctx, cancel := context.WithCancelCause(context.Background())
		r := newRun(srv, t.TempDir())
		r.clock.block = true
		r.o.Log = func(s string) {
			if strings.HasPrefix(s, "retrying in 10m0s") {
				cancel(signal)
			}
		}
		if _, err := r.run(ctx, Query{Term: "x"}); !errors.Is(err, signal) || !errors.Is(err, context.Canceled) && !errors.Is(err, signal) {
			t.Errorf("%v", err)
		}
	})
}

func TestInterruptedRunResumes(t *testing.T) {
	_, srv := newRegistry(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	r := newRun(srv, dir)
	r.o.Progress = func(p Progress) {
		if p.Saved == 5 {
			cancel()
		}
	}
	p, err := r.run(ctx, Query{Term: "x"})
	if !errors.Is(err, context.Canceled) || p.Saved != 5 {
		t.Fatalf("interrupted run: %+v %v", p, err)
	}
	if n := len(savedFiles(t, dir)); n != 5 {
		t.Fatalf("%d files after the interruption, want 5", n)
	}
	p, err = newRun(srv, dir).run(context.Background(), Query{Term: "x"})
	if err != nil || p.Saved != fixtureStudies-5 || p.Skipped != 5 {
		t.Errorf("resumed run: %+v %v", p, err)
	}
	if n := len(savedFiles(t, dir)); n != fixtureStudies {
		t.Errorf("%d files, want %d", n, fixtureStudies)
	}
}

func TestFetchByID(t *testing.T) {
	reg, srv := newRegistry(t)
	reg.studies["NCT00000099"] = reg.studies["NCT00711542"] // served under another id
	dir := t.TempDir()
	kept := filepath.Join(dir, "NCT05147467.json")
	if err := os.WriteFile(kept, reg.studies["NCT05147467"], 0o644); err != nil {
		t.Fatal(err)
	}
	r := newRun(srv, dir)
	p, err := r.run(context.Background(), Query{IDs: []string{"NCT05147467", "NCT00711542", "NCT09999999", "NCT00000099"}})
	if err != nil || p.Saved != 1 || p.Skipped != 1 || p.Invalid != 2 {
		t.Fatalf("%+v %v", p, err)
	}
	if reg.calls.Load() != 3 {
		t.Errorf("%d requests: a study already saved should not be requested", reg.calls.Load())
	}
	for _, want := range []string{"NCT09999999: not saved: the registry has no such study (HTTP 404)",
		"NCT00000099: not saved: the API sent study NCT00711542 instead"} {
		if !strings.Contains(r.warnings(), want) {
			t.Errorf("warnings lack %q: %s", want, r.warnings())
		}
	}
	if files := savedFiles(t, dir); len(files) != 2 {
		t.Errorf("files %v", files)
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

func ExampleRun() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"totalCount":1,"studies":[{"protocolSection":{"identificationModule":{"nctId":"NCT00000001","briefTitle":"A trial"}}}]}`)
	}))
	defer srv.Close()
	dir, _ := os.MkdirTemp("", "fetch")
	defer os.RemoveAll(dir)
	p, err := Run(context.Background(), Query{Condition: "melanoma"}, Options{BaseURL: srv.URL, Dir: dir})
	fmt.Println(p.Saved, p.Total, err)
	// Output: 1 1 <nil>
}
