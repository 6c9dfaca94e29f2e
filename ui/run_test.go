package ui

import (
	"bytes"
	"context"
	"strings"
	"syscall"
	"testing"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/seeds"
)

// TestRunRestoresTheWindowTitle: the title is pushed before the browser
// starts and popped after it ends, around Bubble Tea's own clearing.
func TestRunRestoresTheWindowTitle(t *testing.T) {
	var out bytes.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // ends the program as soon as it starts
	res, err := Run(Options{Ctx: ctx, Source: corpus.Source{FS: seeds.FS}, Input: strings.NewReader(""), Output: &out, Env: testEnv, DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if !strings.HasPrefix(s, pushTitle) || !strings.HasSuffix(s, popTitle) {
		t.Errorf("output %q", s)
	}
	if res.Signal == nil {
		t.Error("a browser stopped from outside does not end as if the user quit")
	}
}

func TestASignalEndsTheProgram(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "a")
	typeText(t, m, "half a note")
	if !send(t, m, stopMsg{syscall.SIGHUP}) || m.stoppedBy != syscall.SIGHUP {
		t.Errorf("SIGHUP: stopped by %v", m.stoppedBy)
	}
	if m.ctx.Shortlist.Note("NCT05033522") != "half a note" || !m.ctx.Shortlist.Dirty() {
		t.Error("a note being typed when a signal ends the program is kept, for Run to save")
	}
}
