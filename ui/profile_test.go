package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/profile"
)

// enterProfile opens the form with p and fills it as a nurse would for a
// 67-year-old man, ECOG 1, Child-Pugh B7, platelets 80 ×10^9/L; enter saves.
func enterProfile(t *testing.T, m *Model) {
	t.Helper()
	press(t, m, "p")
	typeText(t, m, "67")
	press(t, m, "tab")
	typeText(t, m, "male")
	press(t, m, "tab")
	typeText(t, m, "1")
	press(t, m, "tab")
	typeText(t, m, "B7")
	press(t, m, "tab", "tab") // BCLC left unknown
	typeText(t, m, "80")
	press(t, m, "enter")
}

func configDirOf(m *Model) string { return m.ctx.profile.store.dir }

func TestProfileFormFieldsAndSave(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "p")
	f, ok := m.top().(*profileForm)
	if !ok {
		t.Fatalf("p opens the profile form: %T", m.top())
	}
	if len(f.inputs) != len(eligibility.Fields) {
		t.Fatalf("%d inputs, want one per field (%d)", len(f.inputs), len(eligibility.Fields))
	}
	s := screen(m)
	for _, want := range []string{"▌Age", "years", "Sex", "female/male", "ECOG performance status", "Child-Pugh score",
		"5–15  (A5 is 5, B7 is 7)", "Platelets", "10^9/L  (80,000/µL is 80)", "fields 1–15 of 17", "never sent"} {
		if !strings.Contains(s, want) {
			t.Errorf("form lacks %q:\n%s", want, s)
		}
	}
	// Every key types: q and ? neither quit nor open help.
	if quit := press(t, m, "q", "?"); quit || !topIs[*profileForm](m) {
		t.Fatal("q or ? left the form")
	}
	if f.inputs[0].Value() != "q?" {
		t.Errorf("age input %q", f.inputs[0].Value())
	}
	press(t, m, "backspace", "backspace")
	// tab and shift+tab, down and up, move between fields, round the ends.
	for _, step := range []struct {
		key  string
		want int
	}{{"tab", 1}, {"down", 2}, {"shift+tab", 1}, {"up", 0}, {"up", len(f.inputs) - 1}, {"tab", 0}} {
		press(t, m, step.key)
		if f.focus != step.want {
			t.Fatalf("after %s focus %d, want %d", step.key, f.focus, step.want)
		}
	}
	press(t, m, "esc")
	if topIs[*profileForm](m) || m.ctx.patient() != nil || !strings.Contains(m.ctx.notice, "as it was") {
		t.Fatalf("esc cancels: %T %v %q", m.top(), m.ctx.patient(), m.ctx.notice)
	}

	enterProfile(t, m)
	p := m.ctx.patient()
	if p == nil || *p.Age != 67 || *p.Sex != "male" || *p.ECOG != 1 || *p.ChildPugh != 7 || *p.Platelets != 80 || p.BCLC != nil {
		t.Fatalf("profile %+v", p)
	}
	if s := screen(m); !strings.Contains(s, "patient: 67 y male, ECOG 1, CP 7, plt 80") {
		t.Errorf("the header shows the profile:\n%s", s)
	}
	saved, ok, err := profile.Load(configDirOf(m))
	if !ok || err != nil || *saved.Platelets != 80 || saved.Hemoglobin != nil {
		t.Errorf("saved %+v %v %v", saved, ok, err)
	}
	if info, err := os.Stat(profile.Path(configDirOf(m))); err != nil || runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("profile file: %v %v", info, err)
	}
	// Opened again, the form shows the values; a change replaces them.
	press(t, m, "p")
	f = m.top().(*profileForm)
	if f.inputs[0].Value() != "67" || f.inputs[3].Value() != "7" || f.inputs[4].Value() != "" {
		t.Errorf("form reopened: %q %q %q", f.inputs[0].Value(), f.inputs[3].Value(), f.inputs[4].Value())
	}
	press(t, m, "tab", "tab", "backspace")
	typeText(t, m, "2")
	press(t, m, "enter")
	if *m.ctx.patient().ECOG != 2 {
		t.Errorf("ECOG %v after the change", *m.ctx.patient().ECOG)
	}
}

// A value a field refuses is marked, its message shown, and enter does not
// save: the cursor goes to it.
func TestProfileFormRefusesBadValues(t *testing.T) {
	cases := []struct {
		field int // index in eligibility.Fields
		value string
		want  string
	}{
		{2, "9", "ECOG must be 0–5"},
		{2, "1.5", "ECOG must be 0–5"},
		{3, "4", "Child-Pugh score must be 5–15"},
		{1, "x", `sex must be "female" or "male"`},
		{4, "E", "BCLC stage must be 0, A, B, C or D"},
		{5, "80000", "platelets must be a number ≥ 0 and at most 2000 (10^9/L; 80,000/µL is 80)"},
		{0, "-3", "age must be a number from 0 to 120"},
		{0, "sixty", "age must be a number from 0 to 120"},
	}
	for _, c := range cases {
		m := newTestModel(t, seedCorpus(t), 80, 24)
		press(t, m, "p")
		f := m.top().(*profileForm)
		for range c.field {
			press(t, m, "tab")
		}
		typeText(t, m, c.value)
		if s := screen(m); !strings.Contains(s, "✗ "+c.want) {
			t.Errorf("%s = %q: the message %q is not shown:\n%s", eligibility.Fields[c.field].Key, c.value, c.want, s)
		}
		press(t, m, "tab") // leave it: enter still refuses, and goes back to it
		press(t, m, "enter")
		if !topIs[*profileForm](m) || m.ctx.patient() != nil || f.focus != c.field || !strings.Contains(m.ctx.notice, c.want) {
			t.Errorf("%q saved or not refused: top %T, focus %d, notice %q", c.value, m.top(), f.focus, m.ctx.notice)
		}
		if _, err := os.Stat(profile.Path(configDirOf(m))); !os.IsNotExist(err) {
			t.Errorf("%q: a refused profile reached the disk", c.value)
		}
	}
	// An empty form is no profile: saved as such, nothing on disk.
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "p", "enter")
	if m.ctx.patient() != nil || topIs[*profileForm](m) || !strings.Contains(m.ctx.notice, "no patient profile") {
		t.Errorf("empty form: %v %q", m.ctx.patient(), m.ctx.notice)
	}
}

func TestProfileClearAsksFirst(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "P")
	if topIs[*profileClear](m) || !strings.Contains(m.ctx.notice, "No patient profile is set") {
		t.Fatalf("P with no profile: %T %q", m.top(), m.ctx.notice)
	}
	enterProfile(t, m)
	press(t, m, "P")
	if !topIs[*profileClear](m) || !strings.Contains(screen(m), "Clear the patient profile?") {
		t.Fatalf("P asks: %T\n%s", m.top(), screen(m))
	}
	// a stray key does nothing; n keeps the profile
	if quit := press(t, m, "q", "j"); quit || !topIs[*profileClear](m) {
		t.Fatal("a stray key left the question")
	}
	press(t, m, "n")
	if m.ctx.patient() == nil || topIs[*profileClear](m) {
		t.Fatal("n cleared the profile")
	}
	press(t, m, "P", "esc")
	if m.ctx.patient() == nil {
		t.Fatal("esc cleared the profile")
	}
	press(t, m, "P", "y")
	if m.ctx.patient() != nil {
		t.Fatal("y did not clear the profile")
	}
	if _, err := os.Stat(profile.Path(configDirOf(m))); !os.IsNotExist(err) {
		t.Errorf("the file is left: %v", err)
	}
	s := screen(m)
	if strings.Contains(s, "patient:") || strings.Contains(s, "✓") || strings.Contains(s, "✗") {
		t.Errorf("after clearing, no profile in the header and no screen column:\n%s", s)
	}
}

// The profile kept in the configuration directory is in use when the
// browser starts; one that cannot be read is said, never used, never
// overwritten until a new one is entered.
func TestProfileRestoredAtStart(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "config"), 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "config", profile.FileName)
	if err := os.WriteFile(path, []byte(`{"age": 67, "sex": "male", "ecog": 1, "child_pugh_score": 7, "platelets": 80}`), 0o600); err != nil {
		t.Fatal(err)
	}
	m := newTestModelIn(t, seedCorpus(t), dir, 80, 24)
	if s := screen(m); !strings.Contains(s, "patient: 67 y male, ECOG 1, CP 7, plt 80") || !strings.Contains(s, "✗ ?10") {
		t.Errorf("restored profile:\n%s", s)
	}

	if err := os.WriteFile(path, []byte(`{"ecog": 11}`), 0o600); err != nil {
		t.Fatal(err)
	}
	m = newTestModelIn(t, seedCorpus(t), dir, 80, 24)
	if m.ctx.patient() != nil || !strings.Contains(m.ctx.notice, "ECOG must be 0–5") || !strings.Contains(m.ctx.notice, path) {
		t.Errorf("bad profile file: %v, notice %q", m.ctx.patient(), m.ctx.notice)
	}
	if b, _ := os.ReadFile(path); string(b) != `{"ecog": 11}` {
		t.Error("a bad profile file was changed")
	}
}

// Notices about the profile name the file, never the patient's values.
func TestProfileNoticesCarryNoValues(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	enterProfile(t, m)
	for _, v := range []string{"67", "80", "B7"} {
		if strings.Contains(m.ctx.notice, v) && !strings.Contains(configDirOf(m), v) {
			t.Errorf("notice %q repeats a value", m.ctx.notice)
		}
	}
	if len(m.ctx.triage.problems) != 0 {
		t.Errorf("problems %v", m.ctx.triage.problems)
	}
}

// Every view is drawn after each message, before the commands it returned
// have run: the question drawn between y and its closing must not fail
// (the runtime draws it; send in these tests runs the commands first).
func TestProfileClearDrawnBeforeItCloses(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	enterProfile(t, m)
	press(t, m, "P")
	_, cmd := m.Update(keyMsg("y"))
	if s := screen(m); !strings.Contains(s, "Patient profile cleared.") {
		t.Errorf("between y and the close:\n%s", s)
	}
	send(t, m, runCmd(cmd)...)
	if topIs[*profileClear](m) || m.ctx.patient() != nil {
		t.Error("not closed and cleared")
	}
	// the form, saved: drawn before it closes
	press(t, m, "p")
	typeText(t, m, "5")
	_, cmd = m.Update(keyMsg("enter"))
	screen(m)
	send(t, m, runCmd(cmd)...)
	if m.ctx.patient() == nil || *m.ctx.patient().Age != 5 {
		t.Error("the form did not save")
	}
}
