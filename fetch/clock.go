package fetch

import (
	"context"
	"time"
)

// Clock is the time a run goes by: the per-request watchdogs, the waits
// between retries and the reading of a dated Retry-After all use it, so
// tests can let time pass without waiting for it.
type Clock interface {
	Now() time.Time
	// AfterFunc calls f (in its own goroutine, or in the caller's for a
	// fake) once d has passed, unless stop is called first.
	AfterFunc(d time.Duration, f func()) (stop func() bool)
	// Sleep waits for d, or until ctx is done (then it returns ctx's cause).
	Sleep(ctx context.Context, d time.Duration) error
}

// SystemClock is the wall clock.
type SystemClock struct{}

// Now is time.Now.
func (SystemClock) Now() time.Time { return time.Now() }

// AfterFunc is time.AfterFunc.
func (SystemClock) AfterFunc(d time.Duration, f func()) func() bool {
	return time.AfterFunc(d, f).Stop
}

// Sleep waits for d or for ctx.
func (SystemClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}
