package search

import (
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/snapshot"
)

// An Index and a Catalog to and from bytes, for a snapshot (see package
// snapshot). The index's arrays — vocabularies, postings, stores, columns,
// heavy prefixes — are written as they lie in memory and read back as
// slices of the snapshot's bytes, so opening one costs no more than
// reading the file. Records are a fixed-size array plus a table of
// strings; reading them fills one slice of Records whose strings point
// into the table: a few big allocations, none per record. Everything read
// is checked (lengths, offsets, record numbers) before it is used, so a
// damaged snapshot is an error, never a panic or a wrong answer that the
// checksums let through.

// encodingVersion changes with the layout below (the snapshot format's
// version covers it too).
const encodingVersion = 1

// recordWire is a Record's fixed part as written.
type recordWire struct {
	size, modTime, member, nested, study int64

	id, nct, title, sponsor, status, studyType, sex, class snapshot.StrRef
	path, format, entry, originID                          snapshot.StrRef

	enrollment                 int32
	minAge, maxAge             float32
	start, updated, verified   uint32
	condFirst, condN           uint32
	ivFirst, ivN               uint32
	phases, estimated, results uint8
	hv                         int8
}

type interventionWire struct {
	name, typ          snapshot.StrRef
	otherFirst, otherN uint32
	armsFirst, armsN   uint32
}

// WriteTo writes the index, with its records, to w.
func (ix *Index) WriteTo(w io.Writer) (int64, error) {
	e := snapshot.NewEncoder(w)
	e.Uint(encodingVersion)
	if err := ix.encode(e, false); err != nil {
		return 0, err
	}
	return 0, e.Flush()
}

// encode writes the index; ownTexts allows an index whose texts are not
// its records' (the catalogue's: its reader sets them again).
func (ix *Index) encode(e *snapshot.Encoder, ownTexts bool) error {
	if ix.textsOf != nil && !ownTexts {
		return fmt.Errorf("an index with its own texts and records cannot be written")
	}
	e.Uint(uint64(ix.n))
	if err := encodeRecords(e, ix.records); err != nil {
		return err
	}
	encodeVocab(e, &ix.voc)
	snapshot.Put(e, ix.offsets)
	snapshot.Put(e, ix.posts)
	for _, s := range ix.stores {
		encodeVocab(e, &s.voc)
		snapshot.Put(e, s.start)
		snapshot.Put(e, s.df)
		snapshot.Put(e, s.data)
		snapshot.Put(e, s.denseWord)
		snapshot.Put(e, s.dense)
		keys := sortedKeys(s.heavy)
		e.Uint(uint64(len(keys)))
		for _, k := range keys {
			e.String(k)
			snapshot.Put(e, s.heavy[k])
		}
	}
	keys := sortedKeys(ix.heavy)
	e.Uint(uint64(len(keys)))
	for _, k := range keys {
		e.String(k)
		h := ix.heavy[k]
		for _, f := range h.fields {
			e.Uint(boolUint(f != nil))
			snapshot.Put(e, f)
		}
	}
	c := &ix.col
	snapshot.Put(e, c.status)
	snapshot.Put(e, c.phase)
	snapshot.Put(e, c.typ)
	snapshot.Put(e, c.sex)
	snapshot.Put(e, c.hv)
	snapshot.Put(e, c.results.words)
	snapshot.Put(e, c.class)
	snapshot.Put(e, c.enroll)
	snapshot.Put(e, c.start)
	snapshot.Put(e, c.updated)
	snapshot.Put(e, c.verified)
	snapshot.Put(e, c.minAge)
	snapshot.Put(e, c.maxAge)
	snapshot.Put(e, c.countryOff)
	snapshot.Put(e, c.countryCodes)
	e.Uint(uint64(len(c.countryNames)))
	for _, s := range c.countryNames {
		e.String(s)
	}
	return e.Err()
}

func boolUint(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func encodeVocab(e *snapshot.Encoder, v *vocab) {
	e.Bytes(v.blob)
	snapshot.Put(e, v.offs)
}

func encodeRecords(e *snapshot.Encoder, recs []Record) error {
	strs := snapshot.NewStrings()
	wires := make([]recordWire, len(recs))
	var lists []snapshot.StrRef // conditions, other names, arms
	var ivs []interventionWire
	list := func(ss []string) (uint32, uint32) {
		first := uint32(len(lists))
		for _, s := range ss {
			lists = append(lists, strs.Ref(s))
		}
		return first, uint32(len(ss))
	}
	for i := range recs {
		r := &recs[i]
		src := r.Source()
		o := src.Origin
		// Ids, titles and members seldom repeat: not looked up (a map entry
		// each at 550,000 trials); the NCT id and the origin's id are
		// mostly the id itself.
		id := strs.Unique(r.ID)
		same := func(s string) snapshot.StrRef {
			if s == r.ID {
				return id
			}
			return strs.Unique(s)
		}
		w := recordWire{
			size: o.Size, modTime: o.ModTime, member: int64(o.Member), nested: int64(o.Nested), study: int64(o.Study),
			id: id, nct: same(r.NCTID), title: strs.Unique(r.Title), sponsor: strs.Ref(r.Sponsor),
			status: strs.Ref(string(r.Status())), studyType: strs.Ref(string(r.StudyType())), sex: strs.Ref(string(r.Sex())),
			class: strs.Ref(string(r.SponsorClass())), path: strs.Ref(src.Path), format: strs.Ref(string(src.Format)),
			entry: strs.Unique(src.Entry), originID: same(o.ID),
			enrollment: r.Enrollment, minAge: float32(r.MinAge), maxAge: float32(r.MaxAge),
			start: uint32(r.Start), updated: uint32(r.Updated), verified: uint32(r.Verified),
			phases: r.phases, estimated: uint8(boolUint(r.EnrollmentEstimated)), results: uint8(boolUint(r.HasResults)),
			hv: r.HealthyVolunteers,
		}
		w.condFirst, w.condN = list(r.Conditions)
		w.ivFirst, w.ivN = uint32(len(ivs)), uint32(len(r.Interventions))
		for _, iv := range r.Interventions {
			x := interventionWire{name: strs.Ref(iv.Name), typ: strs.Ref(string(iv.Type()))}
			x.otherFirst, x.otherN = list(iv.OtherNames())
			x.armsFirst, x.armsN = list(iv.Arms())
			ivs = append(ivs, x)
		}
		wires[i] = w
		if !strs.Fits() || len(lists) >= 1<<32-1 || len(ivs) >= 1<<32-1 {
			return fmt.Errorf("too many records' texts for a snapshot")
		}
	}
	e.Uint(uint64(len(recs)))
	e.Bytes(strs.Blob())
	snapshot.Put(e, wires)
	snapshot.Put(e, lists)
	snapshot.Put(e, ivs)
	return e.Err()
}

// ReadIndex reads an index written by WriteTo. The index uses buf's bytes
// where they lie: buf must not change while it is in use.
func ReadIndex(buf []byte) (*Index, error) {
	d := snapshot.NewDecoder(buf)
	if v := d.Uint(); d.Err() == nil && v != encodingVersion {
		return nil, fmt.Errorf("index encoding %d, want %d", v, encodingVersion)
	}
	ix := decodeIndex(d)
	if err := d.Done(); err != nil {
		return nil, fmt.Errorf("reading the index: %w", err)
	}
	return ix, nil
}

func decodeIndex(d *snapshot.Decoder) *Index {
	n64 := d.Uint()
	if n64 >= 1<<27 { // record numbers are 27 bits in the postings
		d.Fail("too many records")
		return nil
	}
	n := int(n64)
	ix := &Index{n: n}
	ix.records = decodeRecords(d)
	if len(ix.records) != 0 && len(ix.records) != n {
		d.Fail("records and index disagree")
	}
	stride := (n + 63) / 64
	ix.voc = decodeVocab(d)
	ix.offsets = snapshot.GetN[uint32](d, ix.voc.len()+1, "offsets")
	ix.posts = snapshot.Get[uint32](d)
	if d.Err() == nil && !monotone(ix.offsets, uint32(len(ix.posts))) {
		d.Fail("postings offsets")
	}
	for _, p := range ix.posts {
		if int(p>>5) >= n {
			d.Fail("a posting past the last record")
			break
		}
	}
	for i := range ix.stores {
		s := &store{n: n, stride: stride}
		s.voc = decodeVocab(d)
		words := s.voc.len()
		s.start = snapshot.GetN[uint32](d, words+1, "store starts")
		s.df = snapshot.GetN[uint32](d, words, "store counts")
		s.data = snapshot.Get[byte](d)
		s.denseWord = snapshot.Get[uint32](d)
		s.dense = snapshot.GetN[uint64](d, len(s.denseWord)*stride, "store bitmaps")
		if d.Err() == nil && !monotone(s.start, uint32(len(s.data))) {
			d.Fail("store offsets")
		}
		for k, w := range s.denseWord {
			if int(w) >= words || k > 0 && w <= s.denseWord[k-1] {
				d.Fail("store bitmap words")
				break
			}
		}
		s.heavy = map[string][]uint64{}
		for range d.Uint() {
			if d.Err() != nil {
				break
			}
			k := d.String()
			s.heavy[k] = snapshot.GetN[uint64](d, stride, "heavy prefix")
		}
		ix.stores[i] = s
	}
	// Gaps are not decoded here (that would read every posting): a search
	// never sets a bit past the last record, whatever they say. Bitmaps
	// are merged whole, so their last words are checked.
	for _, s := range ix.stores {
		tailClear(d, s.dense, stride, n)
		for _, bm := range s.heavy {
			tailClear(d, bm, stride, n)
		}
	}
	ix.heavy = map[string]*heavyMain{}
	for range d.Uint() {
		if d.Err() != nil {
			break
		}
		k := d.String()
		h := &heavyMain{}
		for f := range h.fields {
			present := d.Uint() == 1
			bm := snapshot.Get[uint64](d)
			if present {
				if len(bm) != stride {
					d.Fail("heavy prefix bitmap")
				}
				if bm == nil {
					bm = []uint64{}
				}
				h.fields[f] = bm
			}
		}
		for _, bm := range h.fields {
			tailClear(d, bm, stride, n)
		}
		ix.heavy[k] = h
	}
	m := len(ix.records) // a catalogue's index has no columns
	c := &ix.col
	c.status = snapshot.GetN[uint8](d, m, "status")
	c.phase = snapshot.GetN[uint8](d, m, "phase")
	c.typ = snapshot.GetN[uint8](d, m, "type")
	c.sex = snapshot.GetN[uint8](d, m, "sex")
	c.hv = snapshot.GetN[int8](d, m, "hv")
	c.results = &Set{words: snapshot.GetN[uint64](d, (m+63)/64, "results"), n: m}
	c.class = snapshot.GetN[uint8](d, m, "class")
	c.enroll = snapshot.GetN[int32](d, m, "enroll")
	c.start = snapshot.GetN[Date](d, m, "start")
	c.updated = snapshot.GetN[Date](d, m, "updated")
	c.verified = snapshot.GetN[Date](d, m, "verified")
	c.minAge = snapshot.GetN[Age](d, m, "min age")
	c.maxAge = snapshot.GetN[Age](d, m, "max age")
	c.countryOff = snapshot.GetN[uint32](d, n+1, "country offsets")
	c.countryCodes = snapshot.Get[uint16](d)
	names := d.Uint()
	if names > 1<<16 {
		d.Fail("countries")
		names = 0
	}
	c.countryNames = make([]string, 0, names)
	for range names {
		c.countryNames = append(c.countryNames, d.String())
	}
	if d.Err() == nil && !monotone(c.countryOff, uint32(len(c.countryCodes))) {
		d.Fail("country offsets")
	}
	for _, code := range c.countryCodes {
		if int(code) >= len(c.countryNames) {
			d.Fail("country code")
			break
		}
	}
	for _, col := range []struct {
		codes []uint8
		n     int
	}{{c.status, len(statusOrder)}, {c.phase, 64}, {c.typ, len(studyTypes)}, {c.sex, len(sexes)}, {c.class, len(sponsorClasses)}} {
		for _, v := range col.codes {
			if int(v) >= col.n {
				d.Fail("a value out of its column's range")
				break
			}
		}
	}
	if c.results.words == nil {
		c.results.words = []uint64{}
	}
	if d.Err() != nil {
		return nil
	}
	return ix
}

// monotone reports whether offs never decrease and end at most at limit.
func monotone(offs []uint32, limit uint32) bool {
	if len(offs) == 0 {
		return false
	}
	for i := 1; i < len(offs); i++ {
		if offs[i] < offs[i-1] {
			return false
		}
	}
	return offs[len(offs)-1] <= limit && offs[0] == 0
}

// tailClear fails unless the bitmaps (of stride words each, end to end)
// have no bit past record n-1.
func tailClear(d *snapshot.Decoder, bms []uint64, stride, n int) {
	if stride == 0 || n%64 == 0 {
		return
	}
	mask := ^uint64(0) << (uint(n) % 64)
	for last := stride - 1; last < len(bms); last += stride {
		if bms[last]&mask != 0 {
			d.Fail("a bitmap past the last record")
			return
		}
	}
}

func decodeVocab(d *snapshot.Decoder) vocab {
	v := vocab{blob: d.Bytes(), offs: snapshot.Get[uint32](d)}
	if d.Err() != nil {
		return vocab{offs: []uint32{0}}
	}
	if !monotone(v.offs, uint32(len(v.blob))) {
		d.Fail("vocabulary offsets")
		return vocab{offs: []uint32{0}}
	}
	// A vocabulary out of order would answer prefixes wrongly.
	for i := 1; i < v.len(); i++ {
		if v.word(i-1) >= v.word(i) {
			d.Fail("vocabulary out of order")
			return vocab{offs: []uint32{0}}
		}
	}
	return v
}

func decodeRecords(d *snapshot.Decoder) []Record {
	n := d.Uint()
	t := snapshot.NewTable(d.Bytes())
	wires := snapshot.GetN[recordWire](d, int(min(n, 1<<40)), "records")
	lists := snapshot.Get[snapshot.StrRef](d)
	ivs := snapshot.Get[interventionWire](d)
	if d.Err() != nil || n == 0 {
		return nil
	}
	texts := make([]string, len(lists))
	for i, r := range lists {
		texts[i] = t.Get(r)
	}
	sub := func(first, k uint32) []string {
		if k == 0 {
			return nil
		}
		if uint64(first)+uint64(k) > uint64(len(texts)) {
			d.Fail("a record's list")
			return nil
		}
		return texts[first : first+k : first+k]
	}
	allIvs := make([]Intervention, len(ivs))
	for i, w := range ivs {
		allIvs[i] = decodeIntervention(t.Get(w.name), model.InterventionType(t.Get(w.typ)), w, sub)
	}
	recs := make([]Record, len(wires))
	files := map[sourceFile]*sourceFile{} // one per input, not per record
	for i := range wires {
		w := &wires[i]
		r := &recs[i]
		r.ID, r.NCTID, r.Title, r.Sponsor = t.Get(w.id), t.Get(w.nct), t.Get(w.title), t.Get(w.sponsor)
		r.SetValues(model.Status(t.Get(w.status)), model.StudyType(t.Get(w.studyType)), model.Sex(t.Get(w.sex)), model.SponsorClass(t.Get(w.class)))
		r.phases = w.phases & 63
		r.Enrollment, r.EnrollmentEstimated, r.HasResults, r.HealthyVolunteers = w.enrollment, w.estimated != 0, w.results != 0, w.hv
		r.MinAge, r.MaxAge = Age(w.minAge), Age(w.maxAge)
		r.Start, r.Updated, r.Verified = Date(w.start), Date(w.updated), Date(w.verified)
		r.Conditions = sub(w.condFirst, w.condN)
		if w.ivN > 0 {
			if uint64(w.ivFirst)+uint64(w.ivN) > uint64(len(allIvs)) {
				d.Fail("a record's interventions")
				return nil
			}
			r.Interventions = allIvs[w.ivFirst : w.ivFirst+w.ivN : w.ivFirst+w.ivN]
		}
		r.setSource(model.Source{Path: t.Get(w.path), Format: model.Format(t.Get(w.format)), Entry: t.Get(w.entry),
			Origin: model.Origin{ID: t.Get(w.originID), Member: int(w.member), Nested: int(w.nested), Study: int(w.study),
				Size: w.size, ModTime: w.modTime}}, files)
	}
	if t.Bad() {
		d.Fail("a string outside the table")
		return nil
	}
	return recs
}

// catalog wires

type entryWire struct {
	name               snapshot.StrRef
	aliasFirst, aliasN uint32
	useFirst, useN     uint32
}

type useWire struct {
	record           uint32
	name             snapshot.StrRef
	armsFirst, armsN uint32
}

// WriteTo writes the catalogue to w.
func (c *Catalog) WriteTo(w io.Writer) (int64, error) {
	e := snapshot.NewEncoder(w)
	e.Uint(encodingVersion)
	strs := snapshot.NewStrings()
	var lists []snapshot.StrRef
	list := func(ss []string) (uint32, uint32) {
		first := uint32(len(lists))
		for _, s := range ss {
			lists = append(lists, strs.Ref(s))
		}
		return first, uint32(len(ss))
	}
	entries := make([]entryWire, len(c.entries))
	var uses []useWire
	for i, en := range c.entries {
		x := entryWire{name: strs.Ref(en.Name)}
		x.aliasFirst, x.aliasN = list(en.Aliases)
		x.useFirst, x.useN = uint32(len(uses)), uint32(len(en.Uses))
		for _, u := range en.Uses {
			uw := useWire{record: uint32(u.Record), name: strs.Ref(u.Name)}
			uw.armsFirst, uw.armsN = list(u.Arms)
			uses = append(uses, uw)
		}
		entries[i] = x
	}
	if !strs.Fits() {
		return 0, fmt.Errorf("too many interventions' texts for a snapshot")
	}
	e.Bytes(strs.Blob())
	snapshot.Put(e, entries)
	snapshot.Put(e, lists)
	snapshot.Put(e, uses)
	snapshot.Put(e, c.entryOf)
	snapshot.Put(e, c.aliasOf)
	if err := c.index.encode(e, true); err != nil {
		return 0, err
	}
	return 0, e.Flush()
}

// ReadCatalog reads a catalogue written by WriteTo, over an index of
// records records. It uses buf's bytes where they lie.
func ReadCatalog(buf []byte, records int) (*Catalog, error) {
	d := snapshot.NewDecoder(buf)
	if v := d.Uint(); d.Err() == nil && v != encodingVersion {
		return nil, fmt.Errorf("catalogue encoding %d, want %d", v, encodingVersion)
	}
	t := snapshot.NewTable(d.Bytes())
	entries := snapshot.Get[entryWire](d)
	lists := snapshot.Get[snapshot.StrRef](d)
	uses := snapshot.Get[useWire](d)
	c := &Catalog{entryOf: snapshot.Get[int32](d), aliasOf: snapshot.Get[int32](d)}
	c.index = decodeIndex(d)
	if err := d.Done(); err != nil {
		return nil, fmt.Errorf("reading the catalogue: %w", err)
	}
	texts := make([]string, len(lists))
	for i, r := range lists {
		texts[i] = t.Get(r)
	}
	bad := false
	sub := func(first, k uint32) []string {
		if k == 0 {
			return nil
		}
		if uint64(first)+uint64(k) > uint64(len(texts)) {
			bad = true
			return nil
		}
		return texts[first : first+k : first+k]
	}
	allUses := make([]Use, len(uses))
	for i, u := range uses {
		if int(u.record) >= records {
			bad = true
		}
		allUses[i] = Use{Record: int(u.record), Name: t.Get(u.name), Arms: sub(u.armsFirst, u.armsN)}
	}
	c.entries = make([]Entry, len(entries))
	for i, x := range entries {
		e := &c.entries[i]
		e.Name, e.Aliases = t.Get(x.name), sub(x.aliasFirst, x.aliasN)
		if uint64(x.useFirst)+uint64(x.useN) > uint64(len(allUses)) {
			bad = true
			continue
		}
		e.Uses = allUses[x.useFirst : x.useFirst+x.useN : x.useFirst+x.useN]
	}
	if len(c.entryOf) != c.index.Len() || len(c.aliasOf) != c.index.Len() || len(c.index.records) != 0 {
		bad = true
	}
	for r := range c.entryOf {
		if bad {
			break
		}
		e := int(c.entryOf[r])
		bad = e < 0 || e >= len(c.entries) || c.aliasOf[r] < -1 || int(c.aliasOf[r]) >= len(c.entries[e].Aliases)
	}
	if bad || t.Bad() {
		return nil, fmt.Errorf("reading the catalogue: %w", snapshot.ErrCorrupt)
	}
	c.index.textsOf = func(r int, fn func(Field, string)) {
		e := &c.entries[c.entryOf[r]]
		if a := c.aliasOf[r]; a >= 0 {
			fn(FieldIntervention, e.Aliases[a])
		} else {
			fn(FieldTitle, e.Name)
		}
	}
	return c, nil
}

// decodeIntervention makes an intervention whose other names and arms are
// read from the snapshot's lists. Written by encodeRecords, the two lie
// side by side there, and the intervention uses them where they are.
func decodeIntervention(name string, typ model.InterventionType, w interventionWire, sub func(first, k uint32) []string) Intervention {
	tc, known := code(interventionTypes, typ)
	first, n := w.otherFirst, uint64(w.otherN)+uint64(w.armsN)
	switch {
	case w.otherN == 0:
		first = w.armsFirst
	case w.armsN != 0 && uint64(w.otherFirst)+uint64(w.otherN) != uint64(w.armsFirst):
		known = false // not side by side: copied
	}
	if known && n <= math.MaxUint32 {
		if names := sub(first, uint32(n)); uint64(len(names)) == n {
			return Intervention{Name: name, names: names, nOther: w.otherN, typ: tc}
		}
	}
	return NewIntervention(name, typ, sub(w.otherFirst, w.otherN), sub(w.armsFirst, w.armsN))
}
