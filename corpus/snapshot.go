package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
	"github.com/trials-app/trials/snapshot"
)

// Snapshots. A corpus loaded from paths is written, after the load, to a
// snapshot in the cache directory (see package snapshot): its records and
// index, the intervention catalogue, what screening reads, the problems
// and the notes about copies left out. The next Open of the same paths —
// unchanged, by the same build of the program — reads that instead of
// loading: the whole registry opens in about a second instead of minutes.
// Whole trials are not in it: a trial opened is read again from its source,
// with the loader's check that the file is still the one loaded.
//
// A snapshot that does not fit — an input changed, another build wrote
// it, it is damaged — is never used: Open says why (Cache.Notice), loads,
// and replaces it.

// Cache says where snapshots are kept and how Open uses them.
type Cache struct {
	// Dir is the cache directory; "" uses no snapshot (--no-cache).
	Dir string
	// Program names the build (snapshot.Program): a snapshot written by
	// another is rebuilt.
	Program string
	// MinTrials is the smallest corpus worth a snapshot; 0 means more than
	// DefaultKeep (below that a load is quick, and keeps trials whole).
	MinTrials int
	// Notice is told, before the load starts, why a snapshot there was is
	// not used ("ctg-studies.zip changed since the snapshot of …:
	// reloading"). It may be nil.
	Notice func(string)
}

// Opened says how Open made the corpus.
type Opened struct {
	// FromSnapshot is set when the corpus was read from the snapshot made
	// at Created.
	FromSnapshot bool
	Created      time.Time
	// Saved, when not nil, delivers the outcome of writing the snapshot,
	// which runs in the background after the load; a command that exits
	// soon after should wait for it.
	Saved <-chan error
}

// The snapshot's sections (snapshot.MetaSection is 1).
const (
	sectionIndex = iota + 2
	sectionCatalog
	sectionScreens
	sectionExtras
)

// Open reads src from its snapshot when there is a good one, and otherwise
// loads it (see Load) and writes the snapshot in the background.
func Open(ctx context.Context, src Source, opts Options, cache Cache) (*Corpus, Opened, error) {
	if cache.Dir == "" || len(src.Paths) == 0 || !snapshot.LittleEndian {
		c, err := Load(ctx, src, opts)
		return c, Opened{}, err
	}
	cwd, _ := os.Getwd()
	path := filepath.Join(cache.Dir, snapshot.Name(src.Paths, cwd))
	inputs := snapshot.Fingerprint(src.Paths)
	c, created, why := readSnapshot(path, src, inputs, cache, opts)
	if c != nil {
		return c, Opened{FromSnapshot: true, Created: created}, nil
	}
	if why != "" && cache.Notice != nil {
		cache.Notice(why + ": reloading")
	}
	c, err := Load(ctx, src, opts)
	minTrials := cache.MinTrials
	if minTrials <= 0 {
		minTrials = DefaultKeep + 1
	}
	if err != nil || c.Len() < minTrials {
		return c, Opened{}, err
	}
	// An input changed while it loaded: what was read matches neither the
	// old fingerprint nor the new one.
	if snapshot.Changed(inputs, snapshot.Fingerprint(src.Paths)) != "" {
		return c, Opened{}, nil
	}
	saved := make(chan error, 1)
	meta := snapshot.Meta{Program: cache.Program, Created: time.Now().UTC(), Paths: src.Paths, Inputs: inputs,
		Origin: src.Origin, Trials: c.Len()}
	restore := func() {}
	if c.Len() > bigLoad {
		restore = tightGC() // the catalogue is built for it, beside what the viewer does
	}
	go func() {
		defer restore()
		saved <- WriteSnapshot(path, meta, c)
	}()
	return c, Opened{Saved: saved}, nil
}

func when(t time.Time) string { return t.Local().Format("2006-01-02 15:04") }

// readSnapshot returns the corpus in the snapshot at path, or why it could
// not ("" when there is none).
func readSnapshot(path string, src Source, inputs []snapshot.Input, cache Cache, opts Options) (*Corpus, time.Time, string) {
	meta, _, err := snapshot.ReadMeta(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, time.Time{}, ""
	case errors.Is(err, snapshot.ErrForeign):
		return nil, time.Time{}, fmt.Sprintf("the snapshot in the cache (%s) is not one this program reads (%v)", path, err)
	case err != nil:
		return nil, time.Time{}, fmt.Sprintf("the snapshot in the cache (%s) is damaged (%v)", path, err)
	}
	of := "the snapshot of " + when(meta.Created)
	if meta.Program != cache.Program {
		return nil, meta.Created, fmt.Sprintf("%s was written by another build of trials (%s; this is %s)", of, meta.Program, cache.Program)
	}
	if !slices.Equal(meta.Paths, src.Paths) {
		return nil, meta.Created, of + " in the cache is of other inputs"
	}
	if why := snapshot.Changed(meta.Inputs, inputs); why != "" {
		return nil, meta.Created, why + " since " + of
	}
	f, err := snapshot.Open(path)
	if err != nil {
		return nil, meta.Created, fmt.Sprintf("%s is damaged (%v)", of, err)
	}
	c, err := FromSnapshot(f, src.Origin, opts.Reread)
	if err != nil {
		return nil, meta.Created, fmt.Sprintf("%s is damaged (%v)", of, err)
	}
	return c, meta.Created, ""
}

// extras are the snapshot's small parts.
type extras struct {
	Problems []Problem                    `json:"problems"`
	Notes    map[int][]string             `json:"notes,omitempty"`
	Whole    map[uint32]model.Requirement `json:"whole_requirements,omitempty"`
}

// WriteSnapshot writes c to path (atomically: see snapshot.Write).
func WriteSnapshot(path string, meta snapshot.Meta, c *Corpus) error {
	snapshot.RemoveStale(filepath.Dir(path), time.Hour, time.Now())
	ex := extras{Problems: c.problems, Notes: c.notes}
	if c.screens != nil {
		ex.Whole = c.screens.whole
	}
	sections := []snapshot.Section{
		{ID: sectionIndex, Write: func(w io.Writer) error { _, err := c.index.WriteTo(w); return err }},
		{ID: sectionCatalog, Write: func(w io.Writer) error { _, err := c.Catalog().WriteTo(w); return err }}, // built now if the finder has not yet
		{ID: sectionScreens, Write: func(w io.Writer) error { return c.screens.writeTo(w) }},
		{ID: sectionExtras, Write: func(w io.Writer) error { return json.NewEncoder(w).Encode(ex) }},
	}
	if err := snapshot.Write(path, meta, sections); err != nil {
		return fmt.Errorf("writing the snapshot of %s: %w", meta.Origin, err)
	}
	return nil
}

// FromSnapshot makes the corpus a snapshot holds. Trials are read again
// through reread, or a loader of the corpus's own when nil.
func FromSnapshot(f *snapshot.File, origin string, reread func(model.Source) (*model.Trial, error)) (*Corpus, error) {
	part := func(id uint32) ([]byte, error) {
		b, ok := f.Section(id)
		if !ok {
			return nil, fmt.Errorf("%w: section %d missing", snapshot.ErrCorrupt, id)
		}
		return b, nil
	}
	var bufs [4][]byte
	for i, id := range []uint32{sectionIndex, sectionCatalog, sectionScreens, sectionExtras} {
		b, err := part(id)
		if err != nil {
			return nil, err
		}
		bufs[i] = b
	}
	// The index and the catalogue are the big parts: one core each.
	var ix *search.Index
	var ixErr error
	var wg sync.WaitGroup
	wg.Go(func() { ix, ixErr = search.ReadIndex(bufs[0]) })
	cat, catErr := search.ReadCatalog(bufs[1], f.Meta.Trials)
	var ex extras
	exErr := json.Unmarshal(bufs[3], &ex)
	screens, scErr := readScreens(bufs[2], ex.Whole)
	wg.Wait()
	if err := errors.Join(ixErr, catErr, scErr); err != nil {
		return nil, err
	}
	if exErr != nil {
		return nil, fmt.Errorf("%w: %v", snapshot.ErrCorrupt, exErr)
	}
	if len(ix.Records()) != ix.Len() || ix.Len() != f.Meta.Trials || screens != nil && screens.Len() != ix.Len() {
		return nil, fmt.Errorf("%w: the parts disagree on the number of trials", snapshot.ErrCorrupt)
	}
	for i := range ex.Notes {
		if i < 0 || i >= ix.Len() {
			return nil, fmt.Errorf("%w: a note on record %d", snapshot.ErrCorrupt, i)
		}
	}
	if reread == nil {
		reread = loader.New().Reload // keeps the archives it opens open, as Load's does
	}
	c := FromParts(Parts{Index: ix, Catalog: cat, Screens: screens, Reread: reread, Problems: ex.Problems, Origin: origin})
	if len(ex.Notes) > 0 {
		c.notes = ex.Notes
	}
	return c, nil
}

// writeTo writes the screening data; a corpus without writes an empty
// marker.
func (s *Screens) writeTo(w io.Writer) error {
	e := snapshot.NewEncoder(w)
	if s == nil {
		e.Uint(0)
		return e.Flush()
	}
	e.Uint(1)
	snapshot.Put(e, s.recs)
	snapshot.Put(e, s.reqs)
	for _, list := range [][]string{s.strs, s.names} {
		e.Uint(uint64(len(list)))
		for _, x := range list {
			e.String(x)
		}
	}
	return e.Flush()
}

func readScreens(buf []byte, whole map[uint32]model.Requirement) (*Screens, error) {
	d := snapshot.NewDecoder(buf)
	if d.Uint() == 0 {
		return nil, d.Done()
	}
	s := &Screens{whole: whole}
	s.recs = snapshot.Get[screenRec](d)
	s.reqs = snapshot.Get[compactReq](d)
	for _, list := range []*[]string{&s.strs, &s.names} {
		n := d.Uint()
		if n > uint64(len(buf)) {
			d.Fail("strings")
			break
		}
		*list = make([]string, 0, n)
		for range n {
			*list = append(*list, d.String())
		}
	}
	if err := d.Done(); err != nil {
		return nil, fmt.Errorf("reading the requirements: %w", err)
	}
	if len(s.strs) == 0 || len(s.names) == 0 {
		return nil, fmt.Errorf("reading the requirements: %w", snapshot.ErrCorrupt)
	}
	for _, r := range s.recs {
		if uint64(r.first)+uint64(r.n) > uint64(len(s.reqs)) || int(max(r.minAge, r.maxAge, r.sexStr)) >= len(s.strs) {
			return nil, fmt.Errorf("reading the requirements: %w: a record's requirements", snapshot.ErrCorrupt)
		}
	}
	for _, c := range s.reqs {
		if int(max(c.variable, c.unit)) >= len(s.names) {
			return nil, fmt.Errorf("reading the requirements: %w: a requirement's names", snapshot.ErrCorrupt)
		}
	}
	return s, nil
}

// FromCache reads src from its snapshot and never loads: the corpus, or
// nil when there is no good snapshot (Cache.Notice is told why one there
// was is not used, with ": reading the inputs").
func FromCache(src Source, cache Cache) (*Corpus, time.Time) {
	if cache.Dir == "" || len(src.Paths) == 0 || !snapshot.LittleEndian {
		return nil, time.Time{}
	}
	cwd, _ := os.Getwd()
	path := filepath.Join(cache.Dir, snapshot.Name(src.Paths, cwd))
	c, created, why := readSnapshot(path, src, snapshot.Fingerprint(src.Paths), cache, Options{})
	if why != "" && cache.Notice != nil {
		cache.Notice(why + ": reading the inputs")
	}
	return c, created
}

// Find returns the record whose id or NCT id is id (ignoring case and
// surrounding space).
func (c *Corpus) Find(id string) (int, bool) {
	id = strings.TrimSpace(id)
	recs := c.index.Records()
	for i := range recs {
		if strings.EqualFold(recs[i].ID, id) || recs[i].NCTID != "" && strings.EqualFold(recs[i].NCTID, id) {
			return i, true
		}
	}
	return 0, false
}
