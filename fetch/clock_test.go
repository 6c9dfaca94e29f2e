package fetch

import (
	"context"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
)

// fakeClock is a Clock whose time passes only when told: by Advance, or by
// a Sleep, which passes its whole duration at once (unless block is set:
// then it waits for its context, as a long wait interrupted would).
// Timers due fire in the goroutine that moved the time, in order.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*fakeTimer
	slept  []time.Duration
	block  bool
}

type fakeTimer struct {
	at   time.Time
	f    func()
	done bool
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) func() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{at: c.now.Add(d), f: f}
	c.timers = append(c.timers, t)
	return func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		was := !t.done
		t.done = true
		return was
	}
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.slept = append(c.slept, d)
	block := c.block
	c.mu.Unlock()
	if block {
		<-ctx.Done()
		return context.Cause(ctx)
	}
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	c.Advance(d)
	return nil
}

// Advance moves the time on by d and fires the timers then due.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	var due []*fakeTimer
	live := c.timers[:0]
	for _, t := range c.timers {
		switch {
		case t.done:
		case !t.at.After(c.now):
			t.done = true
			due = append(due, t)
		default:
			live = append(live, t)
		}
	}
	c.timers = live
	c.mu.Unlock()
	slices.SortStableFunc(due, func(a, b *fakeTimer) int { return a.at.Compare(b.at) })
	for _, t := range due {
		t.f()
	}
}

func (c *fakeClock) sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.slept)
}

// slowTransport plays a real server's answers (from 127.0.0.1) as a slow
// network would: the head after headDelay of fake time, then the body in
// pieces of piece bytes, each after each of fake time. Time passes inside
// the fetcher's own reads, so what its watchdog sees does not depend on
// goroutine scheduling.
type slowTransport struct {
	clock     *fakeClock
	base      http.RoundTripper
	headDelay time.Duration
	piece     int
	each      time.Duration
}

func (t *slowTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if t.headDelay > 0 {
		t.clock.Advance(t.headDelay)
		if err := r.Context().Err(); err != nil {
			return nil, err
		}
	}
	resp, err := t.base.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	resp.Body = &slowBody{ReadCloser: resp.Body, t: t, ctx: r.Context()}
	return resp, nil
}

type slowBody struct {
	io.ReadCloser
	t   *slowTransport
	ctx context.Context
}

func (b *slowBody) Read(p []byte) (int, error) {
	b.t.clock.Advance(b.t.each)
	if err := b.ctx.Err(); err != nil {
		return 0, err
	}
	if len(p) > b.t.piece {
		p = p[:b.t.piece]
	}
	return b.ReadCloser.Read(p)
}
