package search

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/trials-app/trials/model"
)

// Doc is a trial's record with its words folded, hashed and de-duplicated:
// what a Builder indexes. Making one is most of the work of adding a trial
// and touches nothing shared, so a loader's workers can make Docs in
// parallel (Prepare) and hand them, in order, to the goroutine that adds
// them (Builder.AddDoc).
type Doc struct {
	rec       Record
	arena     []byte
	toks      []wtok
	countries []string
	buf       *docBuf // arena's and toks' buffers, handed back once indexed
}

// docBuf holds a Doc's words: reused from one Doc to the next once a
// Builder has indexed them, since copies of each trial's words were a
// tenth of what a registry's load allocates (its collector's work).
type docBuf struct {
	toks  []wtok
	arena []byte
}

var docBufs sync.Pool // *docBuf

// maxDocBuf is the most words a reused buffer keeps room for: a rare
// trial with a huge list of sites must not pin its buffers for good.
const maxDocBuf = 1 << 14

// keep copies the words built in p's buffers into d's own.
func (p *prep) keep(d *Doc) {
	p.toks, p.arena = d.toks[:0], d.arena[:0]
	buf, _ := docBufs.Get().(*docBuf)
	if buf == nil {
		buf = &docBuf{}
	}
	d.toks, d.arena, d.buf = append(buf.toks[:0], d.toks...), append(buf.arena[:0], d.arena...), buf
}

// release hands d's buffers back for another Doc; d's words are gone.
func (d *Doc) release() {
	if buf := d.buf; buf != nil && cap(d.toks) <= maxDocBuf && cap(d.arena) <= 16*maxDocBuf {
		buf.toks, buf.arena = d.toks[:0], d.arena[:0]
		docBufs.Put(buf)
	}
	d.toks, d.arena, d.buf = nil, nil, nil
}

// wtok is a word (or joined key) at arena[off:off+n] of the main index
// (kind 0, fields a Field mask) or of store kind-1.
type wtok struct {
	off    uint32
	n      uint16
	kind   uint8
	fields uint8
	hash   uint64
}

func (d *Doc) word(t wtok) []byte { return d.arena[t.off : t.off+uint32(t.n)] }

// Record is the record the Doc adds.
func (d *Doc) Record() *Record { return &d.rec }

// Prepare makes a trial's Doc. It is safe to call from several goroutines.
func Prepare(t *model.Trial) *Doc { return prepareRecord(NewRecord(t)) }

func prepareRecord(r Record) *Doc {
	p := preps.Get().(*prep)
	defer preps.Put(p)
	t := r.trial
	r.trial = nil
	d := &Doc{rec: r}
	p.start(d)
	r.texts(func(f Field, s string) {
		if f == FieldID {
			p.value(0, uint8(f), s)
		} else {
			p.text(0, uint8(f), s, false)
		}
	})
	if t != nil {
		p.text(0, uint8(FieldTitle), t.Acronym, false)
		if t.OrgStudyID != "" {
			p.value(0, uint8(FieldID), t.OrgStudyID)
		}
		for _, s := range t.SecondaryIDs {
			if s.ID != t.OrgStudyID {
				p.value(0, uint8(FieldID), s.ID)
			}
		}
		for _, c := range t.Collaborators {
			p.value(1+storeCollab, 0, c.Name)
		}
		for _, l := range t.Locations {
			p.value(1+storeSite, 0, l.Facility)
			p.value(1+storeCity, 0, l.City)
		}
		contact := func(cs []model.Contact) {
			for _, c := range cs {
				p.value(1+storeContact, 0, c.Name)
				p.text(1+storeContact, 0, c.Email, false)
			}
		}
		contact(t.CentralContacts)
		for _, l := range t.Locations {
			contact(l.Contacts)
		}
		for _, c := range t.Countries {
			p.value(1+storeCountry, 0, c)
			if c = strings.TrimSpace(c); c != "" && !slices.Contains(d.countries, c) {
				d.countries = append(d.countries, c)
			}
		}
		e := &t.Eligibility
		crit := func(s string) { p.text(1+storeCrit, 0, s, true) }
		var walk func([]model.Criterion)
		walk = func(cs []model.Criterion) {
			for _, c := range cs {
				crit(c.Text)
				walk(c.Children)
			}
		}
		if len(e.Inclusion)+len(e.Exclusion) > 0 {
			walk(e.Inclusion)
			walk(e.Exclusion)
			for _, n := range e.Notes {
				crit(n)
			}
		} else {
			crit(e.Raw)
		}
		crit(e.StudyPopulation)
	}
	// Built in the pooled buffers; the Doc gets copies.
	p.keep(d)
	return d
}

// prepareTexts makes a Doc without a record from texts in the main
// index's fields: the catalogue's names.
func prepareTexts(texts func(add func(Field, string))) *Doc {
	p := preps.Get().(*prep)
	defer preps.Put(p)
	d := &Doc{}
	p.start(d)
	texts(func(f Field, s string) { p.text(0, uint8(f), s, false) })
	p.keep(d)
	return d
}

// prep de-duplicates a Doc's words as they are found, in an
// open-addressing table cleared by generation.
type prep struct {
	d      *Doc
	toks   []wtok // reused between Docs
	arena  []byte
	gen    uint32
	slots  []slot
	key    []byte
	joined []byte // a value's joined key
}

type slot struct {
	gen uint32
	idx int32 // into d.toks
}

var preps = sync.Pool{New: func() any { return &prep{slots: make([]slot, 1024)} }}

func (p *prep) start(d *Doc) {
	p.d = d
	d.toks, d.arena = p.toks[:0], p.arena[:0]
	p.gen++
	if p.gen == 0 { // wrapped: clear for real
		clear(p.slots)
		p.gen = 1
	}
}

func slotHash(h uint64, kind uint8) uint64 { return h ^ uint64(kind)*0x9E3779B97F4A7C15 }

// add records word w (hash h) in the main index's fields (kind 0) or in
// store kind-1. A word met again in the main index adds its field to the
// wtok.
func (p *prep) add(w []byte, h uint64, kind, fields uint8) {
	if len(w) == 0 || len(w) > 1<<16-1 {
		return
	}
	d := p.d
	if 2*len(d.toks) >= len(p.slots) {
		p.grow()
	}
	mask := uint64(len(p.slots) - 1)
	for i := slotHash(h, kind) & mask; ; i = (i + 1) & mask {
		s := &p.slots[i]
		if s.gen != p.gen {
			*s = slot{p.gen, int32(len(d.toks))}
			d.toks = append(d.toks, wtok{off: uint32(len(d.arena)), n: uint16(len(w)), kind: kind, fields: fields, hash: h})
			d.arena = append(d.arena, w...)
			return
		}
		t := &d.toks[s.idx]
		if t.kind == kind && t.hash == h && string(d.word(*t)) == string(w) {
			t.fields |= fields
			return
		}
	}
}

// grow doubles the table and re-inserts what is in it.
func (p *prep) grow() {
	p.slots = make([]slot, 2*len(p.slots))
	p.gen = 1
	mask := uint64(len(p.slots) - 1)
	for idx, t := range p.d.toks {
		for i := slotHash(t.hash, t.kind) & mask; ; i = (i + 1) & mask {
			if p.slots[i].gen != p.gen {
				p.slots[i] = slot{p.gen, int32(idx)}
				break
			}
		}
	}
}

// text indexes the words of s (and its compounds) in the main index's
// field f, or in store st when st >= 0.
func (p *prep) text(kind, fields uint8, s string, compounds bool) {
	scanWords(s, compounds, &p.key, func(w []byte, h uint64) { p.add(w, h, kind, fields) })
}

// value indexes a value by its words and, when it has several, whole (its
// joined key).
func (p *prep) value(kind, fields uint8, s string) {
	if k, ok := scanValue(s, &p.key, &p.joined, func(w []byte, h uint64) { p.add(w, h, kind, fields) }); ok {
		p.add(k, hashBytes(k), kind, fields)
	}
}

// scanValue is scanWords without compounds that also gives s's joined key
// as joinedKey does, from the same pass: the sites, cities and contacts
// of a registry's trials were read twice over, the second time slowly (a
// rune at a time), 2% of a cold load. The key is built in *joined.
func scanValue(s string, buf, joined *[]byte, emit func(w []byte, h uint64)) ([]byte, bool) {
	key := (*joined)[:0]
	words := 0
	scanWords(s, false, buf, func(w []byte, h uint64) {
		emit(w, h)
		if words > 0 {
			key = append(key, '-')
		}
		key = append(key, w...)
		words++
	})
	*joined = key
	return key, words > 1 && len(key) <= maxKeyLen
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h ^ h>>29
}

const (
	classPunct = iota
	classWord
	classUpper
	classSpace
)

// asciiClass sorts the ASCII bytes for scanWords: word bytes (lower case
// and digits), upper case, spaces and controls, and punctuation.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = classWord
		case 'A' <= c && c <= 'Z':
			t[c] = classUpper
		case c <= ' ' || c == 0x7f:
			t[c] = classSpace
		}
	}
	return t
}()

// scanWords folds s into words (see Words), hashing each as it goes, and
// — with compounds — also gives each compound: words joined by
// punctuation without a space ("Child-Pugh", "10^9/L", "PD-L1", "1.5"),
// as a joined key ("child-pugh"), so that the criteria, whose text is not
// kept, still answer such a phrase exactly where it is written as one.
// w is only valid during the call.
func scanWords(s string, compounds bool, buf *[]byte, emit func(w []byte, h uint64)) {
	b := (*buf)[:0]
	var comp []byte // the compound being read
	compWords, gap := 0, 0
	var h uint64
	inWord := false
	endWord := func() {
		emit(b, h^h>>29)
		if compounds {
			if compWords > 0 {
				comp = append(comp, '-')
			}
			comp = append(comp, b...)
			compWords++
			gap = 0
		}
		b = b[:0]
		inWord = false
	}
	flush := func() {
		if compWords > 1 && len(comp) <= maxKeyLen {
			emit(comp, hashBytes(comp))
		}
		comp, compWords, gap = comp[:0], 0, 0
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch asciiClass[c] {
			case classWord:
			case classUpper:
				c += 'a' - 'A'
			case classSpace:
				if inWord {
					endWord()
				}
				if compounds {
					flush()
				}
				continue
			default:
				if inWord {
					endWord()
				}
				if compounds {
					if gap++; gap > 2 {
						flush()
					}
				}
				continue
			}
			if !inWord {
				inWord, h = true, fnvOffset
			}
			b = append(b, c)
			h = (h ^ uint64(c)) * fnvPrime
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !isWordRune(r) {
			if inWord {
				endWord()
			}
			if compounds {
				if unicode.IsSpace(r) || unicode.IsControl(r) {
					flush()
				} else if gap++; gap > 2 {
					flush()
				}
			}
			continue
		}
		if !inWord {
			inWord, h = true, fnvOffset
		}
		n := len(b)
		b = utf8.AppendRune(b, foldRune(r))
		for _, c := range b[n:] {
			h = (h ^ uint64(c)) * fnvPrime
		}
	}
	if inWord {
		endWord()
	}
	if compounds {
		flush()
	}
	*buf = b
}
