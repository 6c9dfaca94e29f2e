// Package fetch downloads studies from the ClinicalTrials.gov API v2 into a
// directory, one NCTxxxxxxxx.json file per study, so that `trials DIR` can
// browse them offline.
//
// Answers are streamed, never held whole: each study is read, re-encoded
// and checked with the loader itself before it is written, so every saved
// NCT….json loads and holds the study it is named after; a study that would
// not is skipped with a warning and the run goes on. Each file is written
// atomically (a temporary file renamed into place), so an interrupted run
// leaves no partial file and a rerun skips the studies it already has.
//
// Requests that fail with 429 or 5xx, get no answer, stall, crawl, overrun
// their deadline or are cut short are retried with exponential backoff,
// honouring Retry-After up to MaxRetryAfter. What a retry cannot cure (a
// 4xx, a redirect to another scheme, an answer over the size limit) is not
// retried. A search whose pages loop (a page token seen before, or a page
// that brings nothing new) stops with ErrLoop.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/trials-app/trials/userdir"
)

// DefaultBaseURL is the public API.
const DefaultBaseURL = "https://clinicaltrials.gov/api/v2"

// MaxPageSize is the largest page the API serves.
const MaxPageSize = 1000

// Defaults of Options.
const (
	DefaultTimeout  = 30 * time.Second
	DefaultDeadline = 10 * time.Minute
	// DefaultMaxBody caps one answer. A page of 1000 studies is typically
	// 20–60 MB; a single study rarely passes 5 MB.
	DefaultMaxBody int64 = 128 << 20
	// DefaultMinRate is the slowest transfer tolerated, in bytes per second.
	DefaultMinRate int64 = 1 << 10
)

// ErrLoop is matched (errors.Is) when a search's pages go round in circles.
var ErrLoop = errors.New("the API's pages go round in circles")

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
	// Timeout bounds the wait for the response head, and each window of
	// the body: a window with no byte, or under MinRate, gives the request
	// up. 0: DefaultTimeout.
	Timeout time.Duration
	// MinRate is the slowest body tolerated, in bytes per second (0:
	// DefaultMinRate; negative: any rate).
	MinRate int64
	// Deadline bounds a whole request, body included (0: DefaultDeadline;
	// negative: none).
	Deadline time.Duration
	// MaxBody caps the size of one answer (0: DefaultMaxBody).
	MaxBody int64
	// Retries is how many times a failed request is tried again.
	Retries int
	// Backoff is the first retry delay; it doubles each time (with jitter),
	// up to MaxBackoff. A Retry-After header overrides it.
	Backoff    time.Duration
	MaxBackoff time.Duration
	Client     *http.Client
	Clock      Clock // SystemClock when nil
	// Progress, if set, is called after every study, page and retry.
	Progress func(Progress)
	// Log, if set, receives one line per routine event (pages, retries).
	Log func(string)
	// Warn, if set, receives what the user should know: studies not
	// saved and why, redirects to another host, a Retry-After cut short.
	Warn func(string)
}

// Progress counts a run.
type Progress struct {
	Total   int // studies the search matches (0 when unknown)
	Saved   int // written in this run
	Skipped int // already in the directory
	Invalid int // served but not saved: no valid id, or unreadable by the loader
	Pages   int
	Retries int
}

// Done is how many studies the run has handled.
func (p Progress) Done() int { return p.Saved + p.Skipped }

// Run downloads the studies the query selects. It returns the final counts
// and the error that stopped it, if any; studies it had to skip are counted
// in Progress.Invalid and named through Options.Warn, and do not stop it.
// When ctx is cancelled it stops at once, with context.Cause(ctx).
func Run(ctx context.Context, q Query, o Options) (Progress, error) {
	f, err := newFetcher(o)
	if err != nil {
		return Progress{}, err
	}
	if err := os.MkdirAll(f.o.Dir, 0o755); err != nil {
		return Progress{}, fmt.Errorf("creating the output directory: %w", err)
	}
	if len(q.IDs) > 0 {
		err = f.byID(ctx, q.IDs)
	} else {
		err = f.search(ctx, q)
	}
	return f.p, err
}

type fetcher struct {
	o         Options
	p         Progress
	clock     Clock
	client    *http.Client
	studies   *studyReader
	seen      map[string]bool // ids handled in this run
	redirects map[string]bool // host changes already reported
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
		o.Timeout = DefaultTimeout
	}
	switch {
	case o.MinRate == 0:
		o.MinRate = DefaultMinRate
	case o.MinRate < 0:
		o.MinRate = 0
	}
	switch {
	case o.Deadline == 0:
		o.Deadline = DefaultDeadline
	case o.Deadline < 0:
		o.Deadline = 0
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
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
	f := &fetcher{o: o, clock: o.Clock, studies: newStudyReader(), seen: map[string]bool{}, redirects: map[string]bool{}}
	if f.clock == nil {
		f.clock = SystemClock{}
	}
	client := http.Client{}
	if o.Client != nil {
		client = *o.Client
	}
	client.CheckRedirect = f.checkRedirect
	f.client = &client
	return f, nil
}

func (f *fetcher) log(format string, args ...any) {
	if f.o.Log != nil {
		f.o.Log(fmt.Sprintf(format, args...))
	}
}

func (f *fetcher) warn(format string, args ...any) {
	if f.o.Warn != nil {
		f.o.Warn(fmt.Sprintf(format, args...))
	}
}

func (f *fetcher) progress() {
	if f.o.Progress != nil {
		f.o.Progress(f.p)
	}
}

func (f *fetcher) full() bool { return f.o.Max > 0 && f.p.Done() >= f.o.Max }

// errFull stops reading a page once Options.Max studies are handled.
var errFull = errors.New("enough studies")

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

// search follows the pages of a search. Each page must bring a study not
// handled before in this run and name a token not followed before;
// otherwise the API is looping, and so, without this, would the fetch —
// and with Max, each page bringing at least one study bounds the pages.
func (f *fetcher) search(ctx context.Context, q Query) error {
	token := ""
	followed := map[string]bool{"": true}
	for !f.full() {
		page := f.p.Pages + 1
		before := f.p.Done()
		var studies, repeated int
		warned := map[int]bool{} // per page, not per attempt: a retried page warns once
		read := func(b *body) error {
			studies, repeated = 0, 0
			next, err := readPage(b, f.studies, pageHandler{
				total: func(n int64) {
					if token == "" { // only the first page, asked with countTotal, carries it
						f.p.Total = int(min(n, int64(1<<31)))
						if f.o.Max > 0 && f.p.Total > f.o.Max {
							f.p.Total = f.o.Max
						}
					}
				},
				study: func(i int, s *study) error {
					studies++
					where := fmt.Sprintf("page %d, study %d", page, i)
					return b.idle(func() error {
						fresh, err := f.take(ctx, where, s, "", warned[i])
						if errors.Is(err, errUnusable) {
							warned[i] = true
							return nil
						}
						if !fresh && err == nil {
							repeated++
						}
						return err
					})
				},
			})
			if err == nil {
				token = next
			}
			return err
		}
		err := f.get(ctx, f.searchURL(q, token), read)
		if errors.Is(err, errFull) {
			f.p.Pages++
			f.progress()
			return nil
		}
		if err != nil {
			return fmt.Errorf("page %d: %w", page, err)
		}
		f.p.Pages++
		f.log("page %d: %d studies", page, studies)
		f.progress()
		switch {
		case token == "":
			return nil
		case followed[token]:
			return fmt.Errorf("page %d: %w: it names as the next page one already fetched (token %s)", page, ErrLoop, quote(token, 40))
		case f.p.Done() == before && studies == 0:
			return fmt.Errorf("page %d: %w: it is empty but names a next page", page, ErrLoop)
		case f.p.Done() == before:
			return fmt.Errorf("page %d: %w: it names a next page but brought no new study (%d studies: %d already seen in this run, %d unusable)",
				page, ErrLoop, studies, repeated, len(warned))
		}
		followed[token] = true
	}
	return nil
}

func (f *fetcher) byID(ctx context.Context, ids []string) error {
	f.p.Total = len(ids)
	for _, id := range ids {
		if f.full() {
			return nil
		}
		if f.seen[id] {
			continue
		}
		if f.have(id) {
			f.seen[id] = true
			f.p.Skipped++
			f.progress()
			continue
		}
		err := f.get(ctx, f.o.BaseURL+"/studies/"+url.PathEscape(id)+"?format=json", func(b *body) error {
			s, err := readStudyBody(b, f.studies)
			if err != nil {
				return err
			}
			return b.idle(func() error {
				_, err := f.take(ctx, id, s, id, false)
				return err
			})
		})
		var he *HTTPError
		switch {
		case errors.Is(err, errUnusable):
		case errors.As(err, &he) && he.Status == http.StatusNotFound:
			f.unusable(id, "the registry has no such study (HTTP 404)", false)
		case errors.Is(err, errFull):
			return nil
		case err != nil:
			return fmt.Errorf("%s: %w", id, err)
		}
	}
	return nil
}

// errUnusable is returned by take for a study it skipped (and named).
var errUnusable = errors.New("study not saved")

// take saves a study the API served, unless it is unusable (named through
// Warn, unless warned already, and errUnusable returned), handled already
// in this run (fresh is false), or on disk (counted as skipped). want, if
// set, is the id the study must have.
func (f *fetcher) take(ctx context.Context, where string, s *study, want string, warned bool) (fresh bool, err error) {
	if err := ctx.Err(); err != nil {
		return false, context.Cause(ctx)
	}
	id, problem := studyID(s)
	if problem == "" && want != "" && id != want {
		problem = "the API sent study " + id + " instead"
	}
	if problem == "" && f.seen[id] {
		return false, nil
	}
	if problem == "" && !f.have(id) {
		if problem = checkStudy(id, s.data); problem != "" {
			f.seen[id] = true // a repeat of it is neither new nor worth a second warning
		}
	}
	if problem != "" {
		if id != "" && want == "" {
			where += " (" + id + ")"
		}
		f.unusable(where, problem, warned)
		return false, errUnusable
	}
	f.seen[id] = true
	if f.have(id) {
		f.p.Skipped++
	} else {
		if err := writeAtomic(f.path(id), s.data); err != nil {
			return false, permanent(fmt.Errorf("saving %s: %w", id, err))
		}
		f.p.Saved++
	}
	f.progress()
	if f.full() {
		return true, errFull
	}
	return true, nil
}

func (f *fetcher) unusable(where, problem string, warned bool) {
	if warned {
		return
	}
	f.p.Invalid++
	f.warn("%s: not saved: %s", where, problem)
	f.progress()
}

// studyID is the id a study gives itself, exactly as written (the loader
// matches names case-sensitively too), or what is wrong with it.
func studyID(s *study) (id, problem string) {
	switch {
	case s.kind != '{':
		return "", "it is a JSON " + kindName(s.kind) + ", not a study"
	case s.data == nil:
		return "", fmt.Sprintf("it takes over %s, more than the loader reads", ibytes(maxStudyFile))
	case len(s.ids) == 0:
		return "", "it has no protocolSection.identificationModule.nctId"
	case len(s.ids) > 1:
		return "", fmt.Sprintf("it gives its nctId %d times", len(s.ids))
	case !isNCTID(s.ids[0]):
		return "", fmt.Sprintf("its nctId %s is not an NCT id", quote(s.ids[0], 40))
	}
	return s.ids[0], ""
}

// isNCTID is model.IsNCTID without its regular expression: "NCT" and 8 digits.
func isNCTID(s string) bool {
	return len(s) == 11 && strings.HasPrefix(s, "NCT") && isDigits(s[3:])
}

func (f *fetcher) path(id string) string { return filepath.Join(f.o.Dir, id+".json") }

func (f *fetcher) have(id string) bool {
	info, err := os.Stat(f.path(id))
	return err == nil && info.Mode().IsRegular() && info.Size() > 0
}

// DefaultDir is the per-user data directory studies are saved to:
// $XDG_DATA_HOME/trials/studies (~/.local/share/trials/studies) on Linux
// and BSD, ~/Library/Application Support/trials/studies on macOS,
// %LocalAppData%\trials\studies on Windows.
func DefaultDir(goos string, getenv func(string) string) (string, error) {
	return userdir.Dir(userdir.Data, goos, getenv, "studies")
}
