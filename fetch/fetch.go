// Package fetch downloads studies from the ClinicalTrials.gov API v2 into a
// directory, one NCTxxxxxxxx.json file per study, so that `trials DIR` can
// browse them offline.
//
// Each study is written atomically (a temporary file renamed into place),
// so an interrupted run leaves no half-written file and a rerun skips the
// studies it already has. Requests that fail with 429 or 5xx, stall, or
// return a truncated body are retried with exponential backoff, honouring
// Retry-After.
package fetch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// DefaultBaseURL is the public API.
const DefaultBaseURL = "https://clinicaltrials.gov/api/v2"

// MaxPageSize is the largest page the API serves.
const MaxPageSize = 1000

// Query selects studies. Empty fields are not sent.
type Query struct {
	Condition    string   // query.cond
	Intervention string   // query.intr
	Term         string   // query.term
	Location     string   // query.locn
	Sponsor      string   // query.spons
	Statuses     []string // filter.overallStatus, registry enums
	Phases       []string // through filter.advanced, registry enums
	IDs          []string // fetch these studies instead of searching
}

// Empty reports whether the query selects nothing in particular.
func (q Query) Empty() bool {
	return q.Condition == "" && q.Intervention == "" && q.Term == "" && q.Location == "" &&
		q.Sponsor == "" && len(q.Statuses) == 0 && len(q.Phases) == 0 && len(q.IDs) == 0
}

// Options configure a run.
type Options struct {
	BaseURL   string // DefaultBaseURL when empty
	Dir       string // where the study files go
	Max       int    // stop after this many studies (0: all)
	PageSize  int    // 1..1000 (0: 100)
	UserAgent string
	// Timeout bounds each request, and the wait for each chunk of its body:
	// a server that stops sending is given up on after this long.
	Timeout time.Duration
	// Retries is how many times a failed request is tried again.
	Retries int
	// Backoff is the first retry delay; it doubles each time (with jitter),
	// up to MaxBackoff. A Retry-After header overrides it.
	Backoff    time.Duration
	MaxBackoff time.Duration
	Client     *http.Client
	// Progress, if set, is called after every study and page.
	Progress func(Progress)
	// Log, if set, receives one line per notable event (retries, pages).
	Log func(string)
}

// Progress counts a run.
type Progress struct {
	Total   int // studies the search matches (0 when unknown)
	Saved   int // written in this run
	Skipped int // already in the directory
	Pages   int
	Retries int
}

// Done is how many studies the run has handled.
func (p Progress) Done() int { return p.Saved + p.Skipped }

// Run downloads the studies the query selects. It returns the final counts
// and the first error that stopped it; when ctx is cancelled it stops at once
// and returns ctx.Err().
func Run(ctx context.Context, q Query, o Options) (Progress, error) {
	f, err := newFetcher(o)
	if err != nil {
		return Progress{}, err
	}
	if err := os.MkdirAll(f.o.Dir, 0o755); err != nil {
		return Progress{}, fmt.Errorf("creating %s: %w", f.o.Dir, err)
	}
	if len(q.IDs) > 0 {
		err = f.byID(ctx, q.IDs)
	} else {
		err = f.search(ctx, q)
	}
	return f.p, err
}

type fetcher struct {
	o Options
	p Progress
}

func newFetcher(o Options) (*fetcher, error) {
	if o.BaseURL == "" {
		o.BaseURL = DefaultBaseURL
	}
	o.BaseURL = strings.TrimRight(o.BaseURL, "/")
	if u, err := url.Parse(o.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("base URL %q is not an http(s) URL", o.BaseURL)
	}
	if o.Dir == "" {
		return nil, errors.New("no output directory")
	}
	if o.PageSize <= 0 {
		o.PageSize = 100
	}
	if o.PageSize > MaxPageSize {
		return nil, fmt.Errorf("page size %d is over the API's maximum of %d", o.PageSize, MaxPageSize)
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = time.Minute
	}
	if o.Retries < 0 {
		o.Retries = 0
	}
	if o.Client == nil {
		o.Client = &http.Client{}
	}
	return &fetcher{o: o}, nil
}

func (f *fetcher) log(format string, args ...any) {
	if f.o.Log != nil {
		f.o.Log(fmt.Sprintf(format, args...))
	}
}

func (f *fetcher) progress() {
	if f.o.Progress != nil {
		f.o.Progress(f.p)
	}
}

func (f *fetcher) full() bool { return f.o.Max > 0 && f.p.Done() >= f.o.Max }

// searchURL builds the /studies request for one page.
func (f *fetcher) searchURL(q Query, token string) string {
	v := url.Values{}
	v.Set("format", "json")
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("query.cond", q.Condition)
	set("query.intr", q.Intervention)
	set("query.term", q.Term)
	set("query.locn", q.Location)
	set("query.spons", q.Sponsor)
	if len(q.Statuses) > 0 {
		v.Set("filter.overallStatus", strings.Join(q.Statuses, ","))
	}
	if len(q.Phases) > 0 {
		v.Set("filter.advanced", "AREA[Phase]("+strings.Join(q.Phases, " OR ")+")")
	}
	size := f.o.PageSize
	if f.o.Max > 0 {
		size = min(size, f.o.Max-f.p.Done())
	}
	v.Set("pageSize", strconv.Itoa(max(size, 1)))
	if token != "" {
		v.Set("pageToken", token)
	} else {
		v.Set("countTotal", "true")
	}
	return f.o.BaseURL + "/studies?" + v.Encode()
}

type searchPage struct {
	TotalCount    *int              `json:"totalCount"`
	Studies       []json.RawMessage `json:"studies"`
	NextPageToken string            `json:"nextPageToken"`
}

func (f *fetcher) search(ctx context.Context, q Query) error {
	token := ""
	seen := map[string]bool{}
	for !f.full() {
		body, err := f.get(ctx, f.searchURL(q, token))
		if err != nil {
			return err
		}
		var page searchPage
		if err := json.Unmarshal(body, &page); err != nil {
			return fmt.Errorf("page %d: the API's answer is not a search page: %w", f.p.Pages+1, err)
		}
		f.p.Pages++
		// Only the first page, asked with countTotal, carries the total.
		if page.TotalCount != nil && token == "" {
			f.p.Total = *page.TotalCount
			if f.o.Max > 0 && f.p.Total > f.o.Max {
				f.p.Total = f.o.Max
			}
		}
		f.log("page %d: %d studies", f.p.Pages, len(page.Studies))
		for _, raw := range page.Studies {
			if f.full() {
				break
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			id, err := studyID(raw)
			if err != nil {
				return fmt.Errorf("page %d: %w", f.p.Pages, err)
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			if err := f.save(id, raw); err != nil {
				return err
			}
		}
		f.progress()
		if page.NextPageToken == "" || len(page.Studies) == 0 {
			return nil
		}
		if page.NextPageToken == token {
			return fmt.Errorf("page %d: the API repeated its page token %q", f.p.Pages, token)
		}
		token = page.NextPageToken
	}
	return nil
}

func (f *fetcher) byID(ctx context.Context, ids []string) error {
	f.p.Total = len(ids)
	for _, id := range ids {
		if f.full() {
			return nil
		}
		if f.have(id) {
			f.p.Skipped++
			f.progress()
			continue
		}
		body, err := f.get(ctx, f.o.BaseURL+"/studies/"+url.PathEscape(id)+"?format=json")
		if err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		got, err := studyID(body)
		if err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		if got != id {
			return fmt.Errorf("%s: the API returned study %s", id, got)
		}
		if err := f.save(id, body); err != nil {
			return err
		}
	}
	return nil
}

// studyID reads protocolSection.identificationModule.nctId.
func studyID(raw []byte) (string, error) {
	var s struct {
		ProtocolSection struct {
			IdentificationModule struct {
				NCTID string `json:"nctId"`
			} `json:"identificationModule"`
		} `json:"protocolSection"`
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("study is not valid JSON: %w", err)
	}
	id := s.ProtocolSection.IdentificationModule.NCTID
	if !model.IsNCTID(id) {
		return "", fmt.Errorf("study without a valid NCT id (%q)", id)
	}
	return id, nil
}

func (f *fetcher) path(id string) string { return filepath.Join(f.o.Dir, id+".json") }

func (f *fetcher) have(id string) bool {
	info, err := os.Stat(f.path(id))
	return err == nil && info.Mode().IsRegular() && info.Size() > 0
}

// save writes a study atomically, unless the directory already has it.
func (f *fetcher) save(id string, raw []byte) error {
	if f.have(id) {
		f.p.Skipped++
		f.progress()
		return nil
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "  "); err != nil {
		return fmt.Errorf("%s: %w", id, err)
	}
	buf.WriteByte('\n')
	if err := writeAtomic(f.path(id), buf.Bytes()); err != nil {
		return fmt.Errorf("saving %s: %w", id, err)
	}
	f.p.Saved++
	f.progress()
	return nil
}

// writeAtomic writes data to a temporary file in the same directory and
// renames it into place, so readers never see a partial file.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	ok = true
	return nil
}

// HTTPError is a final, non-retried (or no longer retried) HTTP failure.
type HTTPError struct {
	Status int
	URL    string
	Body   string
}

func (e *HTTPError) Error() string {
	msg := fmt.Sprintf("HTTP %d %s", e.Status, http.StatusText(e.Status))
	if e.Body != "" {
		msg += ": " + e.Body
	}
	return msg
}

// retryable errors are tried again.
type retryable struct {
	err   error
	after time.Duration // the server's Retry-After, or 0
}

func (r *retryable) Error() string { return r.err.Error() }
func (r *retryable) Unwrap() error { return r.err }

// get fetches a URL, retrying what can succeed on a second try.
func (f *fetcher) get(ctx context.Context, u string) ([]byte, error) {
	delay := f.o.Backoff
	for attempt := 0; ; attempt++ {
		body, err := f.getOnce(ctx, u)
		if err == nil {
			return body, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var r *retryable
		if !errors.As(err, &r) {
			return nil, err
		}
		if attempt >= f.o.Retries {
			return nil, fmt.Errorf("giving up after %d attempts: %w", attempt+1, r.err)
		}
		wait := min(delay+time.Duration(rand.Int64N(int64(delay)/4+1)), f.o.MaxBackoff)
		if r.after > 0 {
			// The server said when; a sane ceiling guards against nonsense.
			wait = min(r.after, 10*time.Minute)
		}
		f.p.Retries++
		f.log("retrying in %s: %v", wait.Round(time.Millisecond), r.err)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		delay = min(delay*2, f.o.MaxBackoff)
	}
}

func (f *fetcher) getOnce(ctx context.Context, u string) ([]byte, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	if f.o.UserAgent != "" {
		req.Header.Set("User-Agent", f.o.UserAgent)
	}
	// The timeout covers the wait for the response head and then each
	// stretch without a byte of body: a slow but moving download is fine,
	// a stalled one is not.
	stall := time.AfterFunc(f.o.Timeout, func() { cancel(errStalled) })
	defer stall.Stop()
	resp, err := f.o.Client.Do(req)
	if err != nil {
		if errors.Is(context.Cause(ctx), errStalled) {
			return nil, &retryable{err: fmt.Errorf("no response within %s", f.o.Timeout)}
		}
		if ctx.Err() != nil && !errors.Is(context.Cause(ctx), errStalled) && errors.Is(err, context.Canceled) {
			return nil, err
		}
		return nil, &retryable{err: err}
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	chunk := make([]byte, 32<<10)
	for {
		stall.Reset(f.o.Timeout)
		n, rerr := resp.Body.Read(chunk)
		buf.Write(chunk[:n])
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			if errors.Is(context.Cause(ctx), errStalled) {
				return nil, &retryable{err: fmt.Errorf("the server stopped sending for %s", f.o.Timeout)}
			}
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, &retryable{err: fmt.Errorf("reading the response: %w", rerr)}
		}
	}
	body := buf.Bytes()
	switch {
	case resp.StatusCode == http.StatusOK:
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return nil, &retryable{err: &HTTPError{Status: resp.StatusCode, URL: u, Body: snippet(body)}, after: retryAfter(resp.Header.Get("Retry-After"))}
	default:
		return nil, &HTTPError{Status: resp.StatusCode, URL: u, Body: snippet(body)}
	}
	if resp.ContentLength >= 0 && int64(len(body)) != resp.ContentLength {
		return nil, &retryable{err: fmt.Errorf("truncated response: %d of %d bytes", len(body), resp.ContentLength)}
	}
	if !json.Valid(body) {
		return nil, &retryable{err: fmt.Errorf("truncated or malformed JSON response (%d bytes)", len(body))}
	}
	return body, nil
}

var errStalled = errors.New("stalled")

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(h string) time.Duration {
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		if d := time.Until(t); d > 0 {
			return d
		}
	}
	return 0
}

func snippet(b []byte) string {
	s := strings.Join(strings.Fields(plain.Line(string(b))), " ")
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200]) + "…"
	}
	return s
}

// DefaultDir is the per-user data directory studies are saved to:
// $XDG_DATA_HOME/trials/studies (~/.local/share/trials/studies) on Linux
// and BSD, ~/Library/Application Support/trials/studies on macOS,
// %LocalAppData%\trials\studies on Windows.
func DefaultDir(goos string, getenv func(string) string) (string, error) {
	home := getenv("HOME")
	switch goos {
	case "darwin":
		if home == "" {
			return "", errors.New("$HOME is not set")
		}
		return filepath.Join(home, "Library", "Application Support", "trials", "studies"), nil
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "trials", "studies"), nil
		}
		return "", errors.New("%LocalAppData% is not set")
	}
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "trials", "studies"), nil
	}
	if home == "" {
		return "", errors.New("neither $XDG_DATA_HOME nor $HOME is set")
	}
	return filepath.Join(home, ".local", "share", "trials", "studies"), nil
}
