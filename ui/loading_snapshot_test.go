package ui

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"
)

// TestLoadingSaysWhyTheSnapshotIsNotUsed: the reason a snapshot was not
// used is on the loading screen, cleaned of escape sequences (a file name
// is in it).
func TestLoadingSaysWhyTheSnapshotIsNotUsed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		release := make(chan struct{})
		m, l := loadingModel(t, context.Background(), release)
		if s := screen(m); strings.Contains(s, "snapshot") {
			t.Errorf("a notice before there is one:\n%s", s)
		}
		l.notice = func() string {
			return "ctg\x1b[31m-studies.zip changed since the snapshot of 2026-12-01 09:14: reloading"
		}
		s := screen(m)
		if !strings.Contains(s, "ctg-studies.zip changed since the snapshot of 2026-12-01 09:14: reloading") || strings.Contains(s, "\x1b[31m") {
			t.Errorf("the notice:\n%q", s)
		}
		close(release)
	})
}
