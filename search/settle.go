package search

import (
	"hash/maphash"
	"strings"
)

// recordHome is where a Builder moves the texts and lists of the records
// it keeps. A record made from a decoded trial holds strings and slices
// allocated one by one among the trial's other texts, which become garbage
// as soon as the trial is indexed: kept, they leave the heap's pages a
// tenth full, and each list has its own allocation with room to grow. At
// the registry's size that was most of what the records cost. Here the
// texts are copied side by side into large blocks — those that repeat
// across trials (sponsors, conditions, intervention names) once — and the
// lists are cut, exact, from shared arrays.
type recordHome struct {
	texts  strings.Builder // the current block; see text
	shared textSet
	files  map[sourceFile]*sourceFile // one per input
	lists  []string
	ivs    []Intervention
}

const (
	textBlock = 64 << 10
	listBlock = 4096
	ivBlock   = 1024
)

// settle moves r's texts and lists into h. The values are unchanged.
func (h *recordHome) settle(r *Record) {
	id := r.ID
	r.ID = h.text(id)
	switch r.NCTID {
	case id:
		r.NCTID = r.ID
	default:
		r.NCTID = h.text(r.NCTID)
	}
	r.Title = h.text(r.Title)
	r.Sponsor = h.common(r.Sponsor)
	if f := r.src.file; f != nil {
		if h.files == nil {
			h.files = map[sourceFile]*sourceFile{}
		}
		r.src.file = shareFile(sourceFile{path: h.common(f.path), format: f.format, size: f.size, modTime: f.modTime}, h.files)
	}
	r.Conditions = h.list(r.Conditions, h.common)
	if len(r.Interventions) > 0 {
		ivs := h.interventions(len(r.Interventions))
		for i, iv := range r.Interventions {
			iv.Name, iv.names = h.common(iv.Name), h.list(iv.names, h.text)
			ivs[i] = iv
		}
		r.Interventions = ivs
	}
}

// text is a copy of s in the current block. A strings.Builder only ever
// appends within the room it has grown to, so the bytes a returned string
// covers are never written again.
func (h *recordHome) text(s string) string {
	if len(s) == 0 {
		return ""
	}
	if len(s) > textBlock/8 {
		return strings.Clone(s)
	}
	if h.texts.Cap()-h.texts.Len() < len(s) {
		h.texts = strings.Builder{}
		h.texts.Grow(textBlock)
	}
	at := h.texts.Len()
	h.texts.WriteString(s)
	return h.texts.String()[at:]
}

// common is s stored once however many records hold it.
func (h *recordHome) common(s string) string {
	if len(s) == 0 {
		return ""
	}
	return h.shared.find(s, h.text)
}

// textSet holds each text once, for common. A map[string]string cost 55
// bytes a text (two string headers a slot, and room) and a registry's load
// holds a million of them, mostly conditions, at its top; here a text is
// its header and a four-byte slot.
type textSet struct {
	slots []uint32 // 1 + the text's position in texts; 0: empty. A power of two, at most half full
	texts []string
}

var textSeed = maphash.MakeSeed()

// find returns the text equal to s in the set, adding keep(s) when there
// is none.
func (t *textSet) find(s string, keep func(string) string) string {
	if 2*(len(t.texts)+1) > len(t.slots) {
		t.grow()
	}
	mask := uint64(len(t.slots) - 1)
	for i := maphash.String(textSeed, s) & mask; ; i = (i + 1) & mask {
		k := t.slots[i]
		if k == 0 {
			c := keep(s)
			t.texts = append(t.texts, c)
			t.slots[i] = uint32(len(t.texts))
			return c
		}
		if c := t.texts[k-1]; c == s {
			return c
		}
	}
}

func (t *textSet) grow() {
	t.slots = make([]uint32, max(1024, 2*len(t.slots)))
	mask := uint64(len(t.slots) - 1)
	for k, c := range t.texts {
		i := maphash.String(textSeed, c) & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = uint32(k + 1)
	}
}

// list is ss moved, each text through move, into a shared array; nil
// stays nil, so that a record compares and encodes as it did.
func (h *recordHome) list(ss []string, move func(string) string) []string {
	if len(ss) == 0 {
		return ss
	}
	if len(h.lists) < len(ss) {
		h.lists = make([]string, max(listBlock, len(ss)))
	}
	out := h.lists[:len(ss):len(ss)]
	h.lists = h.lists[len(ss):]
	for i, s := range ss {
		out[i] = move(s)
	}
	return out
}

func (h *recordHome) interventions(n int) []Intervention {
	if len(h.ivs) < n {
		h.ivs = make([]Intervention, max(ivBlock, n))
	}
	out := h.ivs[:n:n]
	h.ivs = h.ivs[n:]
	return out
}
