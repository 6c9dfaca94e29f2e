package fetch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dustin/go-humanize"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/trials-app/trials/plain"
)

// HTTPError is a final, non-retried (or no longer retried) HTTP failure.
type HTTPError struct {
	Status int
	URL    string
	Body   string // the start of the server's answer, made safe to print
}

func (e *HTTPError) Error() string {
	msg := fmt.Sprintf("HTTP %d %s", e.Status, http.StatusText(e.Status))
	if e.Body != "" {
		msg += ": " + e.Body
	}
	return msg
}

// ErrTooLarge is matched (errors.Is) by an answer over Options.MaxBody.
var ErrTooLarge = errors.New("answer too large")

// TooLargeError is an answer over the size limit.
type TooLargeError struct {
	Limit  int64
	Length int64 // the declared Content-Length, or -1 when the cap was hit while reading
}

func (e *TooLargeError) Error() string {
	if e.Length >= 0 {
		return fmt.Sprintf("the answer is %s, over the %s limit", ibytes(e.Length), ibytes(e.Limit))
	}
	return fmt.Sprintf("the answer is over the %s limit", ibytes(e.Limit))
}

func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }

// Which limit of a request fired.
const (
	NoResponse = "no response" // no response head within Timeout
	Stalled    = "stalled"     // no byte of body for a window of Timeout
	TooSlow    = "too slow"    // under MinRate over a window of Timeout
	Deadline   = "deadline"    // the whole request took longer than Deadline
)

// TimeoutError is a request given up on by its watchdog.
type TimeoutError struct {
	Kind  string        // NoResponse, Stalled, TooSlow or Deadline
	Limit time.Duration // the timeout or deadline that fired
	Bytes int64         // for TooSlow: what came in the window
	Rate  int64         // for TooSlow: the minimum, in bytes per second
}

func (e *TimeoutError) Error() string {
	switch e.Kind {
	case NoResponse:
		return fmt.Sprintf("no response within %s (the timeout)", e.Limit)
	case Stalled:
		return fmt.Sprintf("the server stopped sending: nothing for %s (the timeout)", e.Limit)
	case TooSlow:
		return fmt.Sprintf("the server is too slow: %s in %s, under the minimum of %s/s", ibytes(e.Bytes), e.Limit, ibytes(e.Rate))
	}
	return fmt.Sprintf("the request took longer than %s (the deadline per request)", e.Limit)
}

// retryable errors are tried again.
type retryable struct {
	err   error
	after string // the server's Retry-After header, if any
}

func (r *retryable) Error() string { return r.err.Error() }
func (r *retryable) Unwrap() error { return r.err }

// get fetches u and hands the body of a 200 answer to read, retrying what
// can succeed on a second try. read is called once per attempt; what it
// returns is final (and returned as it is) unless it comes from the body
// itself: the connection, a watchdog, or JSON that ends early or is
// malformed.
func (f *fetcher) get(ctx context.Context, u string, read func(*body) error) error {
	delay := f.o.Backoff
	slow := false // the last attempt was too slow or overran its deadline
	for attempt := 0; ; attempt++ {
		err := f.getOnce(ctx, u, read)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		var r *retryable
		if !errors.As(err, &r) {
			return err
		}
		// A server too slow twice in a row will not be quick the third
		// time: better an error now than minutes of waiting.
		te, _ := errors.AsType[*TimeoutError](r.err)
		slowAgain := te != nil && (te.Kind == TooSlow || te.Kind == Deadline) && slow
		slow = te != nil && (te.Kind == TooSlow || te.Kind == Deadline)
		if attempt >= f.o.Retries || slowAgain {
			return fmt.Errorf("giving up after %d attempts: %w", attempt+1, r.err)
		}
		wait := min(delay+time.Duration(rand.Int64N(int64(delay)/4+1)), f.o.MaxBackoff)
		if d, capped := retryAfter(r.after, f.clock.Now()); capped {
			f.warn("the server asks to wait longer than trials ever waits (Retry-After: %s); waiting %s instead", quote(r.after, 40), MaxRetryAfter)
			wait = d
		} else if d > 0 {
			wait = d
		}
		f.p.Retries++
		f.log("retrying in %s: %v", wait.Round(time.Millisecond), r.err)
		f.progress()
		if err := f.clock.Sleep(ctx, wait); err != nil {
			return err
		}
		delay = min(delay*2, f.o.MaxBackoff)
	}
}

func (f *fetcher) getOnce(ctx context.Context, u string, read func(*body) error) error {
	reqCtx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	req, err := http.NewRequestWithContext(reqCtx, http.MethodGet, u, nil)
	if err != nil {
		return fmt.Errorf("bad request URL: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	if f.o.UserAgent != "" {
		req.Header.Set("User-Agent", f.o.UserAgent)
	}
	wd := startWatchdog(f.clock, f.o.Timeout, f.o.MinRate, f.o.Deadline, cancel)
	defer wd.stop()
	resp, err := f.client.Do(req)
	if err != nil {
		return f.failed(ctx, reqCtx, err)
	}
	defer resp.Body.Close()
	wd.gotHead()
	b := &body{r: resp.Body, wd: wd, limit: f.o.MaxBody, left: f.o.MaxBody}
	if resp.StatusCode != http.StatusOK {
		he := &HTTPError{Status: resp.StatusCode, URL: u, Body: snippet(io.LimitReader(b, 4<<10))}
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
			return &retryable{err: he, after: resp.Header.Get("Retry-After")}
		}
		return he
	}
	if resp.ContentLength > f.o.MaxBody {
		return &TooLargeError{Limit: f.o.MaxBody, Length: resp.ContentLength}
	}
	err = read(b)
	var pe *permanentError
	var se *jsontext.SyntacticError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &pe):
		return pe.err
	case errors.Is(err, errFull) || errors.Is(err, errUnusable):
		return err
	case b.err != nil:
		if errors.Is(b.err, io.ErrUnexpectedEOF) {
			return f.failed(ctx, reqCtx, fmt.Errorf("the answer was cut short: %w", b.err))
		}
		return f.failed(ctx, reqCtx, b.err)
	case errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF):
		return &retryable{err: fmt.Errorf("the answer is cut short or malformed: %w", err)}
	}
	return err
}

// failed tells what a failed request or body read means: a watchdog that
// fired, the run cancelled, or the connection (retried) — or something a
// second try would not cure (returned as it is).
func (f *fetcher) failed(ctx, reqCtx context.Context, err error) error {
	var te *TimeoutError
	if errors.As(context.Cause(reqCtx), &te) {
		return &retryable{err: te}
	}
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	var tl *TooLargeError
	if errors.As(err, &tl) {
		return tl
	}
	var re *redirectError
	if errors.As(err, &re) {
		return re // without *url.Error's long "Get URL:" prefix
	}
	if ue, ok := errors.AsType[*url.Error](err); ok && !transient(err) {
		return ue.Err // the page or id the caller names says more than the URL
	}
	if transient(err) {
		return &retryable{err: err}
	}
	return err
}

// transient reports connection failures a later try may not meet. TLS
// certificate problems, unsupported schemes, unreadable redirects and the
// like are not.
func transient(err error) bool {
	var cv *tls.CertificateVerificationError
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var ci x509.CertificateInvalidError
	if errors.As(err, &cv) || errors.As(err, &ua) || errors.As(err, &he) || errors.As(err, &ci) {
		return false
	}
	if ue, ok := errors.AsType[*url.Error](err); ok {
		err = ue.Err // *url.Error is a net.Error whatever it wraps
	}
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.EPIPE)
}

// redirectError is a redirect trials does not follow.
type redirectError struct{ msg string }

func (e *redirectError) Error() string { return e.msg }

// checkRedirect follows http(s) redirects only, and says when one leaves
// the host the request was sent to.
func (f *fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	to := req.URL
	if len(via) >= 10 {
		return &redirectError{fmt.Sprintf("stopped after %d redirects (last to %s)", len(via), safeURL(to))}
	}
	if to.Scheme != "http" && to.Scheme != "https" {
		return &redirectError{fmt.Sprintf("redirected to a %s: URL (%s), which trials does not follow", shorten(to.Scheme, 20), safeURL(to))}
	}
	from := via[0].URL
	if to.Host != from.Host || to.Scheme != from.Scheme {
		key := from.Scheme + "://" + from.Host + " " + to.Scheme + "://" + to.Host
		if !f.redirects[key] {
			f.redirects[key] = true
			note := ""
			if from.Scheme == "https" && to.Scheme == "http" {
				note = ", without encryption"
			}
			f.warn("redirected from %s to %s%s", shorten(from.Scheme+"://"+from.Host, 80), shorten(to.Scheme+"://"+to.Host, 80), note)
		}
	}
	return nil
}

func safeURL(u *url.URL) string { return shorten(u.Redacted(), 120) }

// body is a 200 answer being read, watched and capped.
type body struct {
	r     io.Reader
	wd    *watchdog
	limit int64 // Options.MaxBody
	left  int64 // bytes still allowed
	err   error // the first error reading r (or the cap) gave
}

func (b *body) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.r.Read(p)
	if int64(n) > b.left {
		n, err = int(b.left), &TooLargeError{Limit: b.limit, Length: -1}
	}
	b.left -= int64(n)
	b.wd.add(n)
	if err != nil && err != io.EOF {
		b.err = err
	}
	return n, err
}

// idle runs local work (checking and writing a study) with the watchdog
// paused: time the fetch spends on the disk is not the server's slowness.
func (b *body) idle(work func() error) error {
	b.wd.pause(true)
	defer b.wd.pause(false)
	return work()
}

// watchdog cancels a request that gets no response, stalls, crawls or
// overruns its deadline. It looks at the body in windows of the timeout,
// the first starting with the response head: a window with no byte is a
// stall, one with less than minRate per second is too slow. (A stall is
// thus caught between one and two timeouts after the last byte.) Windows
// that saw local work are not judged.
type watchdog struct {
	clock   Clock
	window  time.Duration
	minRate int64
	cancel  context.CancelCauseFunc

	mu        sync.Mutex
	done      bool
	head      bool
	unjudged  bool // this window saw local work
	paused    bool
	n         int64 // body bytes this window
	stopTick  func() bool
	stopClock func() bool
}

func startWatchdog(c Clock, window time.Duration, minRate int64, deadline time.Duration, cancel context.CancelCauseFunc) *watchdog {
	w := &watchdog{clock: c, window: window, minRate: minRate, cancel: cancel}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stopTick = c.AfterFunc(window, w.tick)
	if deadline > 0 {
		w.stopClock = c.AfterFunc(deadline, func() { w.fire(&TimeoutError{Kind: Deadline, Limit: deadline}) })
	}
	return w
}

func (w *watchdog) tick() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return
	}
	need := float64(w.minRate) * w.window.Seconds()
	switch {
	case !w.head:
		w.fireLocked(&TimeoutError{Kind: NoResponse, Limit: w.window})
		return
	case w.unjudged || w.paused:
	case w.n == 0:
		w.fireLocked(&TimeoutError{Kind: Stalled, Limit: w.window})
		return
	case float64(w.n) < need:
		w.fireLocked(&TimeoutError{Kind: TooSlow, Limit: w.window, Bytes: w.n, Rate: w.minRate})
		return
	}
	w.n, w.unjudged = 0, w.paused
	w.stopTick = w.clock.AfterFunc(w.window, w.tick)
}

func (w *watchdog) fire(err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.fireLocked(err)
}

func (w *watchdog) fireLocked(err error) {
	if !w.done {
		w.done = true
		w.cancel(err)
	}
}

// gotHead starts the first window of the body.
func (w *watchdog) gotHead() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return
	}
	w.head, w.n = true, 0
	w.stopTick()
	w.stopTick = w.clock.AfterFunc(w.window, w.tick)
}

func (w *watchdog) add(n int) {
	w.mu.Lock()
	w.n += int64(n)
	w.mu.Unlock()
}

func (w *watchdog) pause(on bool) {
	w.mu.Lock()
	w.paused = on
	w.unjudged = true
	w.mu.Unlock()
}

func (w *watchdog) stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.done = true
	w.stopTick()
	if w.stopClock != nil {
		w.stopClock()
	}
}

// snippet is the start of an error answer, on one line, safe to print.
func snippet(r io.Reader) string {
	b, _ := io.ReadAll(r)
	return shorten(strings.Join(strings.Fields(plain.Line(string(b))), " "), 200)
}

// quote quotes untrusted text for a message, control and invisible
// characters escaped (so "NCT0000000\x005" does not read as a valid id),
// cut to n characters.
func quote(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return strconv.Quote(string(r[:n])) + "…"
	}
	return strconv.Quote(s)
}

// shorten cleans s for a message and cuts it to n characters.
func shorten(s string, n int) string {
	s = plain.Line(s)
	if r := []rune(s); len(r) > n {
		s = string(r[:n]) + "…"
	}
	return s
}

func ibytes(n int64) string { return humanize.IBytes(uint64(max(n, 0))) }
