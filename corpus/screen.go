package corpus

import (
	"context"
	"errors"
	"maps"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

// A patient is screened against every record of a corpus — the browser's
// screen column, the query language's screen:possible — without reading a
// trial again: what eligibility.Screen needs of each trial is kept here,
// beside the slim records, in a compact form. That is the requirements read
// from the criteria without their text (24 bytes each, in one slice for the
// whole corpus) and the registry's age range and sex (indices into a table
// of the few distinct values). A record is screened by rebuilding a trial
// of just those fields and handing it to eligibility.Screen, so the verdict
// is the one `trials screen` gives for the whole trial.

// Screens is what the corpus keeps of every record for screening. It never
// changes once built, so any goroutine may read it.
type Screens struct {
	recs []screenRec
	reqs []compactReq
	strs []string // registry ages and sexes; strs[0] is ""
	// names are the variables and units of the requirements; names[0] is "".
	names []string
	// whole holds, by position in reqs, a requirement the compact form
	// cannot hold exactly (BCLC stages other than 0, A–D in order; more
	// names than 16 bits number): none from the extractor, but nothing is
	// ever approximated.
	whole map[uint32]model.Requirement
}

type screenRec struct {
	first, n               uint32 // reqs[first : first+n]
	minAge, maxAge, sexStr uint32 // into strs
}

// compactReq is a model.Requirement without its text, section or span.
type compactReq struct {
	min, max       float64
	variable, unit uint16 // into names
	flags          uint8
	stages         uint8 // the BCLC stages 0, A, B, C, D as bits 0–4
}

const (
	hasMin uint8 = 1 << iota
	hasMax
	hasMinInc
	minInc
	hasMaxInc
	maxInc
	conditional
	hasValues // Values is not nil
)

var bclcStages = [...]string{"0", "A", "B", "C", "D"}

// screensBuilder gathers Screens as trials arrive.
type screensBuilder struct {
	s         Screens
	strIndex  map[string]uint32
	nameIndex map[string]uint16
}

func newScreensBuilder(n int) *screensBuilder {
	return &screensBuilder{s: Screens{recs: make([]screenRec, 0, n), strs: []string{""}, names: []string{""}},
		strIndex: map[string]uint32{"": 0}, nameIndex: map[string]uint16{"": 0}}
}

func (b *screensBuilder) str(s string) uint32 {
	if i, ok := b.strIndex[s]; ok {
		return i
	}
	i := uint32(len(b.s.strs))
	b.s.strs = append(b.s.strs, s)
	b.strIndex[s] = i
	return i
}

func (b *screensBuilder) name(s string) (uint16, bool) {
	if i, ok := b.nameIndex[s]; ok {
		return i, true
	}
	if len(b.s.names) > 0xFFFF {
		return 0, false
	}
	i := uint16(len(b.s.names))
	b.s.names = append(b.s.names, s)
	b.nameIndex[s] = i
	return i, true
}

// add keeps what screening t needs. Trials from the loader carry their
// requirements; others (made by hand, in tests) are read as
// eligibility.Screen would read them.
func (b *screensBuilder) add(t *model.Trial) {
	reqs := t.Eligibility.Requirements
	if reqs == nil {
		reqs = eligibility.Requirements(t)
	}
	e := &t.Eligibility
	rec := screenRec{first: uint32(len(b.s.reqs)), n: uint32(len(reqs)),
		minAge: b.str(e.MinAge), maxAge: b.str(e.MaxAge), sexStr: b.str(string(e.Sex))}
	for _, r := range reqs {
		c, ok := b.compact(r)
		if !ok {
			if b.s.whole == nil {
				b.s.whole = map[uint32]model.Requirement{}
			}
			r.Text, r.From, r.Span = "", "", [2]int{}
			b.s.whole[uint32(len(b.s.reqs))] = r
		}
		b.s.reqs = append(b.s.reqs, c)
	}
	b.s.recs = append(b.s.recs, rec)
}

// compact is r in 24 bytes; ok is false when that would not be exact.
func (b *screensBuilder) compact(r model.Requirement) (c compactReq, ok bool) {
	v, okV := b.name(r.Variable)
	u, okU := b.name(string(r.Unit))
	if !okV || !okU {
		return c, false
	}
	c.variable, c.unit = v, u
	if r.Min != nil {
		c.flags |= hasMin
		c.min = *r.Min
	}
	if r.Max != nil {
		c.flags |= hasMax
		c.max = *r.Max
	}
	if r.MinInclusive != nil {
		c.flags |= hasMinInc
		if *r.MinInclusive {
			c.flags |= minInc
		}
	}
	if r.MaxInclusive != nil {
		c.flags |= hasMaxInc
		if *r.MaxInclusive {
			c.flags |= maxInc
		}
	}
	if r.Conditional {
		c.flags |= conditional
	}
	if r.Values != nil {
		c.flags |= hasValues
		last := -1
		for _, v := range r.Values {
			k := stageBit(v)
			if k <= last {
				return c, false // not 0…D in order without repeats
			}
			c.stages |= 1 << k
			last = k
		}
	}
	return c, true
}

func stageBit(v string) int {
	for i, s := range bclcStages {
		if v == s {
			return i
		}
	}
	return -1
}

func (b *screensBuilder) done() *Screens {
	s := b.s
	return &s
}

// snapshot is the screening data gathered so far, while the builder goes
// on: it only ever appends, so the slices are shared up to their present
// length; the rare map is copied.
func (b *screensBuilder) snapshot() *Screens {
	s := b.s
	s.recs, s.reqs = s.recs[:len(s.recs):len(s.recs)], s.reqs[:len(s.reqs):len(s.reqs)]
	s.strs, s.names = s.strs[:len(s.strs):len(s.strs)], s.names[:len(s.names):len(s.names)]
	s.whole = maps.Clone(s.whole)
	return &s
}

// ScreensOf builds the screening data of trials, one record each in order
// (for a snapshot, or a corpus assembled from parts).
func ScreensOf(trials []*model.Trial) *Screens {
	b := newScreensBuilder(len(trials))
	for _, t := range trials {
		b.add(t)
	}
	return b.done()
}

// Len is the number of records kept.
func (s *Screens) Len() int { return len(s.recs) }

var (
	yes = true
	no  = false
)

// trial rebuilds record i as a trial holding only what screening reads.
// Pointers into one slab per record, and to shared true and false values:
// eligibility.Screen only reads them.
func (s *Screens) trial(i int) *model.Trial {
	rec := s.recs[i]
	t := &model.Trial{Eligibility: model.Eligibility{MinAge: s.strs[rec.minAge], MaxAge: s.strs[rec.maxAge],
		Sex: model.Sex(s.strs[rec.sexStr])}}
	if rec.n == 0 {
		t.Eligibility.Requirements = []model.Requirement{}
		return t
	}
	reqs := make([]model.Requirement, rec.n)
	nums := make([]float64, 2*rec.n)
	for k := range reqs {
		at := rec.first + uint32(k)
		if w, ok := s.whole[at]; ok {
			reqs[k] = w
			continue
		}
		c := s.reqs[at]
		r := &reqs[k]
		r.Variable, r.Unit, r.Conditional = s.names[c.variable], model.Unit(s.names[c.unit]), c.flags&conditional != 0
		if c.flags&hasMin != 0 {
			nums[2*k] = c.min
			r.Min = &nums[2*k]
		}
		if c.flags&hasMax != 0 {
			nums[2*k+1] = c.max
			r.Max = &nums[2*k+1]
		}
		r.MinInclusive = flag(c.flags, hasMinInc, minInc)
		r.MaxInclusive = flag(c.flags, hasMaxInc, maxInc)
		if c.flags&hasValues != 0 {
			r.Values = []string{}
			for b, st := range bclcStages {
				if c.stages&(1<<b) != 0 {
					r.Values = append(r.Values, st)
				}
			}
		}
	}
	t.Eligibility.Requirements = reqs
	return t
}

func flag(flags, has, set uint8) *bool {
	switch {
	case flags&has == 0:
		return nil
	case flags&set != 0:
		return &yes
	}
	return &no
}

// Requirements are record i's requirements as kept for screening: without
// their text, section or span.
func (s *Screens) Requirements(i int) []model.Requirement { return s.trial(i).Eligibility.Requirements }

// Screen screens patient p against record i.
func (s *Screens) Screen(i int, p *eligibility.Patient) eligibility.Result {
	return eligibility.Screen(s.trial(i), *p)
}

// Screens is what the corpus keeps of its records for screening; nil when
// it keeps nothing (a snapshot would store it).
func (c *Corpus) Screens() *Screens { return c.screens }

// ErrNoScreens is why a corpus cannot screen: it was assembled from parts
// that kept no screening data and no whole trials.
var ErrNoScreens = errors.New("the corpus keeps no requirements to screen with")

// Screen screens patient p against record i from what the corpus keeps of
// it — the verdict eligibility.Screen gives over the whole trial, without
// reading it. ok is false when the corpus keeps nothing to screen with
// (ErrNoScreens). Safe from any goroutine.
func (c *Corpus) Screen(i int, p *eligibility.Patient) (res eligibility.Result, ok bool) {
	if c.screens == nil || i < 0 || i >= c.screens.Len() {
		return eligibility.Result{}, false
	}
	return c.screens.Screen(i, p), true
}

// WithVerdict lists the records whose verdict for p is v, in corpus order:
// what the query language's screen:possible and screen:excluded select. It
// reads no trial; when ctx is cancelled it stops and returns ctx's error.
func (c *Corpus) WithVerdict(ctx context.Context, p eligibility.Patient, v eligibility.Verdict) ([]int, error) {
	if c.screens == nil {
		return nil, ErrNoScreens
	}
	var out []int
	for i := range c.screens.Len() {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return out, err
			}
		}
		if c.screens.Screen(i, &p).Verdict == v {
			out = append(out, i)
		}
	}
	return out, nil
}

// without drops the records a later copy of the same trial replaced,
// renumbering the rest as dropReplaced renumbers the index. The dropped
// records' requirements stay in reqs, unreferenced: rare, and cheaper than
// copying.
func (s *Screens) without(dead map[int]bool) *Screens {
	if s == nil {
		return nil
	}
	c := *s
	c.recs = make([]screenRec, 0, len(s.recs)-len(dead))
	for i, r := range s.recs {
		if !dead[i] {
			c.recs = append(c.recs, r)
		}
	}
	return &c
}
