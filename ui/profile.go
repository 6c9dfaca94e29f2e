package ui

import (
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/profile"
	"github.com/trials-app/trials/report"
)

// The patient profile in the browser: p enters it (profile_form.go), P
// clears it (profile_clear.go). It is kept in the user's configuration
// directory (package profile), restored when the browser starts, and used
// only here: the screen column (screen.go), the eligibility pane's
// verdicts, the comparison's. It is never sent, and neither notices nor
// errors repeat its values.

// profileState is the Context's part of the profile.
type profileState struct {
	// patient is the profile in use; nil for none. A profile is never
	// changed in place, only replaced, so the screening goroutines may
	// read the one they were given.
	patient *eligibility.Patient
	// gen counts changes, so that views laid out with a profile lay out
	// again, and screening results for an older one are dropped.
	gen   int
	store *profileStore
}

// profileStore writes the profile in its directory, off the UI
// goroutine, one write at a time and never an older over a newer one.
type profileStore struct {
	dir     string // "" when there is no configuration directory: the profile lasts the session
	dirErr  error  // why there is none
	mu      sync.Mutex
	seq     int // the newest write asked for (UI goroutine)
	written int // the newest write done (under mu)
}

// profileSavedMsg is the end of a write of the profile.
type profileSavedMsg struct {
	err     error
	cleared bool
}

// save asks for p (nil: none) to be written, returning the command that
// writes it.
func (s *profileStore) save(p *eligibility.Patient) tea.Cmd {
	s.seq++
	seq, dir := s.seq, s.dir
	if dir == "" {
		err := s.dirErr
		return func() tea.Msg { return profileSavedMsg{err: err, cleared: p == nil} }
	}
	return func() tea.Msg {
		s.mu.Lock()
		defer s.mu.Unlock()
		if seq < s.written {
			return nil // a newer profile is already on disk
		}
		s.written = seq
		var err error
		if p == nil {
			err = profile.Clear(dir)
		} else {
			err = profile.Save(dir, *p)
		}
		return profileSavedMsg{err: err, cleared: p == nil}
	}
}

// where names the profile's file for messages.
func (s *profileStore) where() string {
	if s.dir == "" {
		return "this session only"
	}
	return plain.Line(profile.Path(s.dir))
}

// restoreProfile opens the profile kept in dir when the browser starts; a
// file that cannot be read is said, and left as it is until a new profile
// replaces it.
func (c *Context) restoreProfile(dir string, dirErr error) {
	c.profile.store = &profileStore{dir: dir, dirErr: dirErr}
	if dir == "" {
		return
	}
	p, ok, err := profile.Load(dir)
	if err != nil {
		c.storeProblem(err)
		c.Notify(plain.Line(err.Error()) + " — p enters a new profile, which replaces it.")
		return
	}
	if ok {
		c.profile.patient = &p
		c.profile.gen++
	}
}

// setPatient makes p the profile in use (nil: none) and saves it.
func (c *Context) setPatient(p *eligibility.Patient) tea.Cmd {
	if p != nil && !p.Known() {
		p = nil
	}
	c.profile.patient = p
	c.profile.gen++
	return tea.Batch(c.profile.store.save(p), c.startScreen(), c.requeryCmd())
}

// profileSaved takes the result of a save.
func (c *Context) profileSaved(msg profileSavedMsg) {
	if msg.err != nil {
		c.storeProblem(msg.err)
		c.Notify("The patient profile is in use but not kept: " + plain.Line(msg.err.Error()) + ".")
	}
}

// patient is the profile in use, or nil.
func (c *Context) patient() *eligibility.Patient { return c.profile.patient }

// profileSummary is the header's word on the profile: "patient: 67 y male,
// ECOG 1, CP 7, plt 80"; "" when none is set.
func (c *Context) profileSummary() string {
	p := c.profile.patient
	if p == nil {
		return ""
	}
	return "patient: " + patientSummary(p)
}

// shortNames are the header's names of the patient fields.
var shortNames = map[string]string{
	"ecog": "ECOG", "child_pugh_score": "CP", "bclc_stage": "BCLC", "platelets": "plt", "anc": "ANC",
	"hemoglobin": "Hb", "bilirubin_mg_dl": "bili", "bilirubin_xuln": "bili", "ast_xuln": "AST", "alt_xuln": "ALT",
	"albumin": "alb", "inr": "INR", "creatinine_mg_dl": "Cr", "creatinine_clearance": "CrCl",
	"life_expectancy_weeks": "LE",
}

// shortUnits follow a value in the header where the field's unit is not
// the only one its variable is read in.
var shortUnits = map[string]string{
	"bilirubin_mg_dl": " mg/dL", "bilirubin_xuln": "×ULN", "ast_xuln": "×ULN", "alt_xuln": "×ULN",
	"creatinine_mg_dl": " mg/dL", "life_expectancy_weeks": " wk",
}

// patientSummary is the known fields of p, in form order, short; "" for
// none.
func patientSummary(p *eligibility.Patient) string {
	if p == nil {
		return ""
	}
	var parts []string
	lead := ""
	for _, f := range eligibility.Fields {
		v := f.Value(p)
		if v == nil {
			continue
		}
		text := report.ValueText(v)
		switch f.Key {
		case "age":
			lead = text + " y"
		case "sex":
			lead = strings.TrimSpace(lead + " " + text)
		default:
			parts = append(parts, shortNames[f.Key]+" "+text+shortUnits[f.Key])
		}
	}
	if lead != "" {
		parts = append([]string{lead}, parts...)
	}
	return strings.Join(parts, ", ")
}
