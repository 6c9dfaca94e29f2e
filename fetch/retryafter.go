package fetch

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// MaxRetryAfter is the longest trials waits before a retry, whatever a
// server's Retry-After asks: past it, a person is better served by an error
// they can act on than by a silent wait.
const MaxRetryAfter = 10 * time.Minute

// retryAfter reads a Retry-After header (RFC 9110 §10.2.3): a number of
// seconds, or an HTTP date. It returns the wait, at most MaxRetryAfter, and
// whether the server asked for more than that. A missing, past or unreadable
// value gives 0 (the caller's own backoff applies).
//
// The seconds are compared with the ceiling before they become a
// time.Duration: 18446744074 s would overflow int64 nanoseconds into a
// wait of about 290 ms.
func retryAfter(h string, now time.Time) (wait time.Duration, capped bool) {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0, false
	}
	if isDigits(h) {
		s, err := strconv.ParseUint(h, 10, 64)
		if errors.Is(err, strconv.ErrRange) || err == nil && s > uint64(MaxRetryAfter/time.Second) {
			return MaxRetryAfter, true
		}
		if err != nil {
			return 0, false
		}
		return time.Duration(s) * time.Second, false
	}
	t, err := http.ParseTime(h)
	if err != nil {
		return 0, false
	}
	d := t.Sub(now) // saturates rather than overflows
	switch {
	case d <= 0:
		return 0, false
	case d > MaxRetryAfter:
		return MaxRetryAfter, true
	}
	return d, false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
