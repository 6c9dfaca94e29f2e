package sqlite

import (
	"database/sql/driver"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// rows turns trials into the rows of each table, on the caller's
// goroutine, and hands them to the building goroutine rowsPerInsert rows of
// a table at a time: cleaning text and boxing values then runs beside
// SQLite instead of before it.
type rows struct {
	bufs      [numInserts]*rowBuf
	send      func(job) error
	contactID int64 // contacts and criteria are keyed across trials
	critID    int64
}

// rowsPerInsert is how many rows one INSERT statement carries. SQLite's
// fixed cost per statement (opening cursors, seeking, halting) and the
// driver's per call outweigh the work of one small row; ~30 rows a
// statement spread it thin while staying far below the 32,766 parameters
// SQLite allows.
const rowsPerInsert = 32

// rowBuf collects the values of up to rowsPerInsert rows of one table.
type rowBuf struct {
	args []driver.NamedValue // rowsPerInsert rows of cols values, Ordinals set
	rows int
}

// job is one unit of work for the building goroutine: rows of insert k
// (all rowsPerInsert of them in one statement when full, else one by one),
// or, when commit is set, the end of a transaction.
type job struct {
	k      int
	buf    *rowBuf
	commit bool
}

// bufPools recycle row buffers per table, so a long export allocates none.
var bufPools [numInserts]sync.Pool

func newBuf(k int) *rowBuf {
	if b, ok := bufPools[k].Get().(*rowBuf); ok {
		return b
	}
	b := &rowBuf{args: make([]driver.NamedValue, columns[k]*rowsPerInsert)}
	for i := range b.args {
		b.args[i].Ordinal = i + 1
	}
	return b
}

// recycle empties a buffer (holding no trial's text) and pools it.
func recycle(k int, b *rowBuf) {
	for i := range b.args {
		b.args[i].Value = nil
	}
	b.rows = 0
	bufPools[k].Put(b)
}

// exec adds a row to insert k: vals are nil, int64, float64 or string.
func (r *rows) exec(k int, vals ...any) error {
	cols := columns[k]
	if len(vals) != cols {
		return fmt.Errorf("%s: %d values for %d columns", tableOf(inserts[k]), len(vals), cols)
	}
	b := r.bufs[k]
	if b == nil {
		b = newBuf(k)
		r.bufs[k] = b
	}
	row := b.args[b.rows*cols:]
	for i, v := range vals {
		row[i].Value = v
	}
	b.rows++
	if b.rows < rowsPerInsert {
		return nil
	}
	r.bufs[k] = nil
	return r.send(job{k: k, buf: b})
}

// flush hands over the rows still buffered.
func (r *rows) flush() error {
	for k, b := range r.bufs {
		if b != nil {
			r.bufs[k] = nil
			if err := r.send(job{k: k, buf: b}); err != nil {
				return err
			}
		}
	}
	return nil
}

func tableOf(q string) string {
	f := strings.Fields(q)
	for i, w := range f {
		if w == "INTO" && i+1 < len(f) {
			return f[i+1]
		}
	}
	return q
}

func (rw *rows) meta(info Info) error {
	kv := [][2]string{
		{"schema_version", SchemaVersion},
		{"program", "trials"},
		{"created", time.Now().UTC().Format(time.RFC3339)},
	}
	if info.ProgramVersion != "" {
		kv = append(kv, [2]string{"program_version", plain.Line(info.ProgramVersion)})
	}
	for _, s := range info.Sources {
		kv = append(kv, [2]string{"source_path", plain.Line(s)})
	}
	for _, p := range kv {
		if err := rw.exec(insMeta, p[0], p[1]); err != nil {
			return err
		}
	}
	return nil
}

// text is a string column: cleaned like every export, NULL when absent.
func text[S ~string](s S) any {
	if s == "" {
		return nil
	}
	c := plain.Clean(string(s))
	if c == "" {
		return nil
	}
	return c
}

// line is text for a one-line value (a name, a city): newlines become spaces.
func line[S ~string](s S) any {
	if s == "" {
		return nil
	}
	c := plain.Line(string(s))
	if c == "" {
		return nil
	}
	return c
}

func boolean(b bool) any {
	if b {
		return int64(1)
	}
	return int64(0)
}

func optFlag(b *bool) any {
	if b == nil {
		return nil
	}
	return boolean(*b)
}

func optFloat(f *float64) any {
	if f == nil || math.IsNaN(*f) || math.IsInf(*f, 0) {
		return nil
	}
	return *f
}

func joined[S ~string](ss []S) any {
	if len(ss) == 0 {
		return nil
	}
	parts := make([]string, 0, len(ss))
	for _, s := range ss {
		if c := plain.Line(string(s)); c != "" {
			parts = append(parts, c)
		}
	}
	if len(parts) == 0 {
		return nil
	}
	return strings.Join(parts, "|")
}

// ageYears reads an age limit in the registry's form ("18 Years",
// "6 Months", "1 Week") as years, for range queries. Anything else —
// "N/A", free text — is NULL: no guess.
func ageYears(s string) any {
	num, unit, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok {
		return nil
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil || n < 0 || strings.ContainsAny(num, "eEinfINFxX") {
		return nil
	}
	var perYear float64
	switch strings.TrimSuffix(strings.ToLower(strings.TrimSpace(unit)), "s") {
	case "year":
		perYear = 1
	case "month":
		perYear = 12
	case "week":
		perYear = 365.25 / 7
	case "day":
		perYear = 365.25
	case "hour":
		perYear = 365.25 * 24
	case "minute":
		perYear = 365.25 * 24 * 60
	default:
		return nil
	}
	return n / perYear
}

func (rw *rows) trial(n int, t *model.Trial) error {
	no := any(int64(n)) // boxed once: it starts every row of the trial
	var enrollment any
	if t.Enrollment != nil {
		enrollment = int64(*t.Enrollment)
	}
	// NULL: the record says nothing; 1 with a NULL id: it says there is
	// expanded access without naming the record.
	var ea, eaID, eaStatus any
	if t.ExpandedAccess != nil {
		ea, eaID, eaStatus = int64(1), line(t.ExpandedAccess.NCTID), line(t.ExpandedAccess.Status)
	}
	d, e := &t.Design, &t.Eligibility
	id := line(t.ID)
	if id == nil {
		return fmt.Errorf("trial without an id (source %s)", plain.Line(t.Source.Path))
	}
	if err := rw.exec(insTrial,
		no, id, line(t.NCTID), line(t.Title), line(t.OfficialTitle), line(t.Acronym),
		line(t.Status), joined(t.Phases), line(t.StudyType), enrollment, line(t.EnrollmentType),
		line(t.StartDate), line(t.StartDateType),
		line(t.PrimaryCompletionDate), line(t.PrimaryCompletionDateType),
		line(t.CompletionDate), line(t.CompletionDateType),
		line(t.FirstPosted), line(t.LastUpdated), line(t.StatusVerified),
		line(t.LeadSponsor.Name), line(t.LeadSponsor.Class),
		text(t.BriefSummary), text(t.DetailedDescription), text(t.WhyStopped),
		line(d.Allocation), line(d.InterventionModel), text(d.InterventionModelDescription),
		line(d.Masking), text(d.MaskingDescription), joined(d.WhoMasked), line(d.PrimaryPurpose),
		line(d.ObservationalModel), line(d.TimePerspective),
		line(e.MinAge), line(e.MaxAge), ageYears(e.MinAge), ageYears(e.MaxAge),
		line(e.Sex), optFlag(e.HealthyVolunteers), text(e.Raw),
		text(e.StudyPopulation), line(e.SamplingMethod),
		boolean(t.HasResults), ea, eaID, eaStatus, line(t.OrgStudyID),
		line(t.Source.Path), line(t.Source.Format), line(t.Source.Entry),
	); err != nil {
		return err
	}
	for _, p := range t.Phases {
		if v := line(p); v != nil {
			if err := rw.exec(insPhase, no, v); err != nil {
				return err
			}
		}
	}
	if err := rw.list(insCondition, no, t.Conditions); err != nil {
		return err
	}
	if err := rw.list(insKeyword, no, t.Keywords); err != nil {
		return err
	}
	if err := rw.kindList(insMesh, no, "condition", t.MeshConditions); err != nil {
		return err
	}
	if err := rw.kindList(insMesh, no, "intervention", t.MeshInterventions); err != nil {
		return err
	}
	for i, c := range t.Collaborators {
		if err := rw.exec(insCollaborator, no, int64(i+1), line(c.Name), line(c.Class)); err != nil {
			return err
		}
	}
	if err := rw.armsAndInterventions(no, t); err != nil {
		return err
	}
	for _, o := range []struct {
		kind string
		os   []model.Outcome
	}{{"primary", t.Outcomes.Primary}, {"secondary", t.Outcomes.Secondary}, {"other", t.Outcomes.Other}} {
		for i, oc := range o.os {
			if err := rw.exec(insOutcome, no, o.kind, int64(i+1), text(oc.Measure), text(oc.TimeFrame), text(oc.Description)); err != nil {
				return err
			}
		}
	}
	if err := rw.list(insCountry, no, t.Countries); err != nil {
		return err
	}
	if err := rw.contacts(no, nil, t.CentralContacts); err != nil {
		return err
	}
	for i, l := range t.Locations {
		site := int64(i + 1)
		if err := rw.exec(insLocation, no, site, line(l.Facility), line(l.City), line(l.State), line(l.Zip), line(l.Country), line(l.Status)); err != nil {
			return err
		}
		if err := rw.contacts(no, site, l.Contacts); err != nil {
			return err
		}
	}
	for i, iv := range t.Investigators {
		if err := rw.exec(insInvestigator, no, int64(i+1), line(iv.Name), line(iv.Role), line(iv.Affiliation)); err != nil {
			return err
		}
	}
	if err := rw.criteria(no, "inclusion", e.Inclusion); err != nil {
		return err
	}
	if err := rw.criteria(no, "exclusion", e.Exclusion); err != nil {
		return err
	}
	for i, s := range e.Notes {
		if v := text(s); v != nil {
			if err := rw.exec(insNote, no, int64(i+1), v); err != nil {
				return err
			}
		}
	}
	for i, r := range e.Requirements {
		if err := rw.requirement(no, int64(i+1), r); err != nil {
			return err
		}
	}
	for i, s := range t.SecondaryIDs {
		if v := line(s.ID); v != nil {
			if err := rw.exec(insSecondaryID, no, int64(i+1), v, line(s.Type)); err != nil {
				return err
			}
		}
	}
	for i, r := range t.References {
		if err := rw.exec(insReference, no, int64(i+1), line(r.PMID), text(r.Citation), line(r.Type)); err != nil {
			return err
		}
	}
	if err := rw.kindList(insLinked, no, "related", t.RelatedTrials); err != nil {
		return err
	}
	if err := rw.kindList(insLinked, no, "similar", t.SimilarTrials); err != nil {
		return err
	}
	for i, s := range t.Warnings {
		if v := text(s); v != nil {
			if err := rw.exec(insWarning, no, int64(i+1), v); err != nil {
				return err
			}
		}
	}
	return nil
}

// list inserts (trial_no, seq, value) rows; empty values are skipped, and
// seq stays the value's place in the record.
func (rw *rows) list(k int, no any, ss []string) error {
	for i, s := range ss {
		if v := line(s); v != nil {
			if err := rw.exec(k, no, int64(i+1), v); err != nil {
				return err
			}
		}
	}
	return nil
}

func (rw *rows) kindList(k int, no any, kind string, ss []string) error {
	for i, s := range ss {
		if v := line(s); v != nil {
			if err := rw.exec(k, no, kind, int64(i+1), v); err != nil {
				return err
			}
		}
	}
	return nil
}

// armsAndInterventions stores the arms, the interventions and which is
// given in which. The record says it twice — each arm names its
// interventions, each intervention labels its arms — and names need not be
// unique (three interventions all called "AKB-6548", one per dose arm). A
// link is certain when a label or name picks out exactly one arm or
// intervention; an arm's name that matches several is settled by which of
// them label that arm. Each arm's rows follow its own list of names, with
// intervention_no NULL where no intervention of the trial fits, and then
// any certain link its list did not name.
func (rw *rows) armsAndInterventions(no any, t *model.Trial) error {
	ivsNamed := make(map[string][]int, len(t.Interventions))
	for i, iv := range t.Interventions {
		k := strings.ToLower(iv.Name)
		ivsNamed[k] = append(ivsNamed[k], i)
		if err := rw.exec(insIntervention, no, int64(i+1), line(iv.Name), line(iv.Type), text(iv.Description)); err != nil {
			return err
		}
		for j, name := range iv.OtherNames {
			if v := line(name); v != nil {
				if err := rw.exec(insInterventionName, no, int64(i+1), int64(j+1), v); err != nil {
					return err
				}
			}
		}
	}
	armsLabelled := make(map[string][]int, len(t.Arms))
	for i, a := range t.Arms {
		k := strings.ToLower(a.Label)
		armsLabelled[k] = append(armsLabelled[k], i)
	}
	type link struct{ arm, iv int }
	linked := map[link]bool{}
	for j, iv := range t.Interventions {
		for _, label := range iv.Arms {
			if arms := armsLabelled[strings.ToLower(label)]; len(arms) == 1 {
				linked[link{arms[0], j}] = true
			}
		}
	}
	for i, a := range t.Arms {
		for _, name := range a.Interventions {
			if ivs := ivsNamed[strings.ToLower(name)]; len(ivs) == 1 {
				linked[link{i, ivs[0]}] = true
			}
		}
	}
	for i, a := range t.Arms {
		if err := rw.exec(insArm, no, int64(i+1), line(a.Label), line(a.Type), text(a.Description)); err != nil {
			return err
		}
		used := map[int]bool{}
		seq := int64(0)
		for _, name := range a.Interventions {
			v := line(name)
			if v == nil {
				continue
			}
			var ivNo any
			for _, j := range ivsNamed[strings.ToLower(name)] {
				if linked[link{i, j}] && !used[j] {
					used[j] = true
					ivNo = int64(j + 1)
					break
				}
			}
			seq++
			if err := rw.exec(insArmIntervention, no, int64(i+1), seq, ivNo, v); err != nil {
				return err
			}
		}
		for j, iv := range t.Interventions {
			if !linked[link{i, j}] || used[j] {
				continue
			}
			v := line(iv.Name)
			if v == nil {
				continue
			}
			seq++
			if err := rw.exec(insArmIntervention, no, int64(i+1), seq, int64(j+1), v); err != nil {
				return err
			}
		}
	}
	return nil
}

// contacts inserts central contacts (site nil) or a site's.
func (rw *rows) contacts(no any, site any, cs []model.Contact) error {
	for i, c := range cs {
		rw.contactID++
		if err := rw.exec(insContact, rw.contactID, no, site, int64(i+1), line(c.Name), line(c.Role), line(c.Phone), line(c.Email)); err != nil {
			return err
		}
	}
	return nil
}

// criteria inserts a criteria list depth first, so item_no is the order in
// which the record reads, and parent_id the item a sub-bullet belongs to.
func (rw *rows) criteria(no any, kind string, cs []model.Criterion) error {
	item := int64(0)
	var walk func(cs []model.Criterion, parent any, depth int64) error
	walk = func(cs []model.Criterion, parent any, depth int64) error {
		for _, c := range cs {
			rw.critID++
			item++
			id := rw.critID
			if err := rw.exec(insCriterion, id, no, kind, item, parent, depth, text(c.Text)); err != nil {
				return err
			}
			if err := walk(c.Children, id, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(cs, nil, 0)
}

func (rw *rows) requirement(no any, seq int64, r model.Requirement) error {
	v := line(r.Variable)
	if v == nil {
		return nil // a requirement of nothing says nothing
	}
	// The inclusivity of an open side is NULL, whatever the record says.
	minInc, maxInc := optFlag(r.MinInclusive), optFlag(r.MaxInclusive)
	if r.Min == nil {
		minInc = nil
	}
	if r.Max == nil {
		maxInc = nil
	}
	var from any
	if r.From == "inclusion" || r.From == "exclusion" {
		from = r.From
	}
	return rw.exec(insRequirement, no, seq, v, optFloat(r.Min), optFloat(r.Max), minInc, maxInc,
		line(r.Unit), joined(r.Values), from, boolean(r.Conditional), text(r.Text))
}
