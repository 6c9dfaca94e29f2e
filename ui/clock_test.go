package ui

import (
	"time"

	"github.com/trials-app/trials/report"
)

// The panes say how old a trial's verified status is; the golden screens
// are read on one fixed day, not on the day the tests run.
func init() {
	report.Today = func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }
}
