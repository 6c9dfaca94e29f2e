package cli

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/go-json-experiment/json"

	"github.com/trials-app/trials/fetch"
)

// instantClock lets every wait pass at once and fires no watchdog: the
// tests here are about what fetch says, not about time.
type instantClock struct{}

func (instantClock) Now() time.Time                              { return time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC) }
func (instantClock) AfterFunc(time.Duration, func()) func() bool { return func() bool { return true } }
func (instantClock) Sleep(ctx context.Context, _ time.Duration) error {
	return context.Cause(ctx)
}

func fetchEnv(srv *httptest.Server, out, errb *strings.Builder) *Env {
	return &Env{Stdout: out, Stderr: errb, fetchClient: srv.Client(), fetchClock: instantClock{}}
}

// TestFetchThenBrowse: fetch saves what the API serves, and the directory
// then loads like any other input.
func TestFetchThenBrowse(t *testing.T) {
	page, err := os.ReadFile("../loader/testdata/ctgov/search-pages/search-page-capybara-1.json")
	if err != nil {
		t.Fatal(err)
	}
	var p map[string]any
	if err := json.Unmarshal(page, &p); err != nil {
		t.Fatal(err)
	}
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
	env := fetchEnv(srv, &out, &errb)
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
		{"fetch", "--cond", "x", "--max-body", "lots"},
		{"fetch", "--cond", "x", "--max-body", "0"},
		{"fetch", "--cond", "x", "--deadline", "0s"},
	} {
		r := run(t, args...)
		if r.code != ExitUsage {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// TestFetchSaysWhatHappened: each way a fetch ends gets its exit status
// and advice — "run it again" only where running it again helps — and no
// escape sequence from the server reaches the terminal.
func TestFetchSaysWhatHappened(t *testing.T) {
	study := func(id string) string {
		return `{"protocolSection":{"identificationModule":{"nctId":"` + id + `","briefTitle":"t"}}}`
	}
	tests := []struct {
		name    string
		handler http.HandlerFunc
		args    []string
		code    int
		want    []string
		notWant []string
	}{
		{"server down", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "maintenance \x1b]52;c;SGk=\x07", http.StatusServiceUnavailable)
		}, []string{"--retries", "1"}, ExitError,
			[]string{"page 1: giving up after 2 attempts: HTTP 503", "run the same command again to continue"}, nil},
		{"a bad study is skipped", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`{"studies":[` + study("NCT00000001") + "," + study(`../../\u001b[2Jx`) + "," + study("NCT00000003") + `]}`))
		}, nil, ExitError,
			[]string{`page 1, study 2: not saved: its nctId "../../\x1b[2Jx" is not an NCT id`, "2 saved, 0 already there, 1 not saved",
				"1 study the API served could not be saved"},
			[]string{"run the same command again"}},
		{"looping pages", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`{"studies":[` + study("NCT00000011") + `],"nextPageToken":"A"}`))
		}, []string{"--max", "5"}, ExitError,
			[]string{"page 2: the API's pages go round in circles", "running it again would loop the same way"},
			[]string{"run the same command again"}},
		{"answer too large", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`{"studies":[` + study("NCT00000001") + `]}` + strings.Repeat(" ", 4096)))
		}, []string{"--max-body", "2KiB"}, ExitError,
			[]string{"page 1: the answer is over the 2.0 KiB limit", "raise --max-body (now 2.0 KiB)"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			var out, errb strings.Builder
			args := append([]string{"fetch", "--cond", "x", "--base-url", srv.URL, "-o", t.TempDir()}, tt.args...)
			code := Main(args, fetchEnv(srv, &out, &errb))
			msg := errb.String()
			if code != tt.code {
				t.Errorf("exit %d, want %d: %s", code, tt.code, msg)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("stderr lacks %q:\n%s", w, msg)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(msg, w) {
					t.Errorf("stderr has %q:\n%s", w, msg)
				}
			}
			if strings.ContainsAny(msg, "\x1b\x07") {
				t.Errorf("an escape sequence reached stderr: %q", msg)
			}
		})
	}
}

// TestFetchStopsOnASignal: main.go turns SIGINT and SIGTERM into the
// cancellation of Env.Ctx, with the signal as its cause.
func TestFetchStopsOnASignal(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	signal := errors.New("interrupt signal received")
	gone := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"studies":[{"protocolSection":{"identificationModule":{"nctId":"NCT00000001"}}},`))
		w.(http.Flusher).Flush()
		cancel(signal)
		<-r.Context().Done()
		close(gone)
	}))
	defer srv.Close()
	var out, errb strings.Builder
	env := fetchEnv(srv, &out, &errb)
	env.Ctx = ctx
	dir := t.TempDir()
	code := Main([]string{"fetch", "--cond", "x", "--base-url", srv.URL, "-o", dir}, env)
	<-gone // the request in flight was cancelled
	if code != ExitError || !strings.Contains(errb.String(), "stopped: page 1: interrupt signal received") ||
		!strings.Contains(errb.String(), "run the same command again to continue") {
		t.Errorf("exit %d: %s", code, errb.String())
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("partial file left: %s", filepath.Join(dir, e.Name()))
		}
	}
}

// TestProgressBarFitsInCells: the bar is measured in terminal cells, so a
// note of wide characters does not wrap the line.
func TestProgressBarFitsInCells(t *testing.T) {
	for _, width := range []int{20, 40, 80, 120} {
		var b strings.Builder
		bar := &progressBar{w: &b, width: width}
		bar.note("retrying in 1s: HTTP 503: 服务暂时不可用，请稍后再试 🚑🚑🚑")
		bar.draw(fetch.Progress{Total: 1000, Saved: 300, Skipped: 40, Invalid: 2, Pages: 4})
		bar.println("trials fetch: page 4, study 2: not saved: 名前")
		for _, line := range strings.Split(b.String(), "\r\x1b[K") {
			if strings.HasSuffix(line, "\n") {
				continue // a message above the bar: printed whole, on its own lines
			}
			if w := ansi.StringWidth(line); w > width-1 {
				t.Errorf("width %d: a line of %d cells: %q", width, w, line)
			}
		}
		if width >= 80 && !strings.Contains(b.String(), "340/1000") {
			t.Errorf("width %d: counts missing: %q", width, b.String())
		}
	}
}
