package search

import (
	"fmt"
	"slices"
	"strings"
)

// SortKey is what the rows are ordered by.
type SortKey uint8

// The sort keys. Each has a natural direction (see Sort); trials without
// a value for the key come last in both directions.
const (
	SortRelevance  SortKey = iota // best match first; corpus order for the empty query
	SortUpdated                   // most recently updated first
	SortStart                     // latest start first
	SortEnrollment                // largest first
	SortStatus                    // open first: recruiting, not yet, by invitation, …, completed, terminated, withdrawn, unknown
	SortPhase                     // highest phase first: 4, 3, 2/3, 2, 1/2, 1, early 1, n/a
	SortID                        // id ascending (NCT ids by number)
	numSortKeys
)

var sortNames = [numSortKeys]string{"relevance", "updated", "start", "enrollment", "status", "phase", "id"}
var sortLabels = [numSortKeys]string{"Relevance", "Last updated", "Start date", "Enrollment", "Status", "Phase", "NCT id"}

// SortKeys lists the keys in menu order.
func SortKeys() []SortKey {
	return []SortKey{SortRelevance, SortUpdated, SortStart, SortEnrollment, SortStatus, SortPhase, SortID}
}

// String is the key's name for --sort: "updated".
func (k SortKey) String() string {
	if k < numSortKeys {
		return sortNames[k]
	}
	return fmt.Sprintf("SortKey(%d)", k)
}

// Label is the key as a menu shows it: "Last updated".
func (k SortKey) Label() string {
	if k < numSortKeys {
		return sortLabels[k]
	}
	return k.String()
}

// Sort is an order of the rows: a key in its natural direction, or
// reversed. Ties keep corpus order either way.
type Sort struct {
	Key     SortKey
	Reverse bool
}

// naturalDesc says which keys come largest first by nature.
func (k SortKey) naturalDesc() bool {
	return k == SortUpdated || k == SortStart || k == SortEnrollment || k == SortPhase
}

// Descending reports whether the rows come largest value first (for
// relevance: best first).
func (s Sort) Descending() bool {
	if s.Key == SortRelevance {
		return !s.Reverse
	}
	return s.Key.naturalDesc() != s.Reverse
}

// String is the sort as --sort reads it: "updated:desc".
func (s Sort) String() string {
	dir := "asc"
	if s.Descending() {
		dir = "desc"
	}
	return s.Key.String() + ":" + dir
}

// ParseSort reads KEY or KEY:asc|desc ("updated", "enroll:asc"); KEY is a
// key's name or a prefix of one.
func ParseSort(s string) (Sort, error) {
	name, dir, hasDir := strings.Cut(strings.ToLower(strings.TrimSpace(s)), ":")
	var key SortKey
	found := false
	for k, n := range sortNames {
		if n == name || name == "enroll" && n == "enrollment" || name == "nct" && n == "id" {
			key, found = SortKey(k), true
			break
		}
	}
	if !found {
		var cands []string
		for k, n := range sortNames {
			if name != "" && strings.HasPrefix(n, name) {
				cands = append(cands, n)
				key = SortKey(k)
			}
		}
		if len(cands) != 1 {
			return Sort{}, fmt.Errorf("unknown sort %q (want %s, optionally :asc or :desc)", s, strings.Join(sortNames[:], ", "))
		}
	}
	out := Sort{Key: key}
	if hasDir {
		var desc bool
		switch dir {
		case "desc":
			desc = true
		case "asc":
		default:
			return Sort{}, fmt.Errorf("sort %q: the direction is asc or desc", s)
		}
		if key == SortRelevance {
			out.Reverse = !desc
		} else {
			out.Reverse = desc != key.naturalDesc()
		}
	}
	return out, nil
}

// sortValue is record i's value for a key sort, ascending; ok false when
// it has none.
func (ix *Index) sortValue(k SortKey, i int) (uint64, bool) {
	c := &ix.col
	switch k {
	case SortUpdated:
		return uint64(c.updated[i].first()), c.updated[i] != 0
	case SortStart:
		return uint64(c.start[i].first()), c.start[i] != 0
	case SortEnrollment:
		return uint64(c.enroll[i]), c.enroll[i] >= 0
	case SortStatus:
		return uint64(c.status[i]), c.status[i] != 0
	case SortPhase:
		return phaseRank(c.phase[i])
	}
	return 0, false
}

// phaseRank orders phase sets: early 1 < 1 < 1/2 < 2 < 2/3 < 3 < 4; N/A
// below them all.
func phaseRank(m uint8) (uint64, bool) {
	if m == 0 {
		return 0, false
	}
	if m&^phaseBit("NA") == 0 {
		return 0, true
	}
	hi, lo := 0, 9
	for b := range 5 { // early 1 … phase 4
		if m&(1<<b) != 0 {
			hi = max(hi, b)
			lo = min(lo, b)
		}
	}
	return uint64(1 + hi*10 + lo), true
}

// permutation is the records in ascending order of key, those without a
// value at the end; the second result is how many have one. It is built
// on first use (a sort of the whole corpus, some 50 ms at 550,000
// records) and kept.
func (ix *Index) permutation(k SortKey) ([]int32, int) {
	ix.sortOnce[k].Do(func() {
		n := ix.Len()
		if k == SortID {
			perm := make([]int32, n)
			for i := range perm {
				perm[i] = int32(i)
			}
			slices.SortStableFunc(perm, func(a, b int32) int { return strings.Compare(ix.records[a].ID, ix.records[b].ID) })
			ix.sortPerm[k] = perm
			return
		}
		// value<<32 | index sorts by value, ties by corpus order.
		keys := make([]uint64, 0, n)
		var missing []int32
		for i := range n {
			if v, ok := ix.sortValue(k, i); ok {
				keys = append(keys, v<<32|uint64(i))
			} else {
				missing = append(missing, int32(i))
			}
		}
		slices.Sort(keys)
		perm := make([]int32, 0, n)
		for _, key := range keys {
			perm = append(perm, int32(uint32(key)))
		}
		ix.sortPerm[k] = append(perm, missing...)
	})
	perm := ix.sortPerm[k]
	present := len(perm)
	if k != SortID {
		for present > 0 {
			if _, ok := ix.sortValue(k, int(perm[present-1])); ok {
				break
			}
			present--
		}
	}
	return perm, present
}

// walkKey puts at least k rows in order by walking the key's permutation
// and keeping the matching records; descending walks it backwards, one
// run of equal values at a time, so that ties keep corpus order.
func (m *Matches) walkKey(k int) {
	ix := m.ix
	perm, present := ix.permutation(m.sort.Key)
	if m.order == nil {
		m.order = make([]int32, 0, min(m.n, max(k, firstScreens)))
	}
	if k <= firstScreens {
		k = min(firstScreens, m.n)
	}
	desc := m.sort.Descending()
	// m.cur counts the permutation entries consumed.
	for len(m.order) < k && m.cur < len(perm) {
		if !desc || m.cur >= present {
			r := perm[m.cur]
			m.cur++
			if m.set.Has(int(r)) {
				m.order = append(m.order, r)
			}
			continue
		}
		// The run of equal values ending at present-1-m.cur.
		end := present - m.cur // exclusive
		v, _ := ix.sortValue(m.sort.Key, int(perm[end-1]))
		start := end - 1
		if m.sort.Key != SortID {
			for start > 0 {
				if w, _ := ix.sortValue(m.sort.Key, int(perm[start-1])); w != v {
					break
				}
				start--
			}
		} else {
			for start > 0 && ix.records[perm[start-1]].ID == ix.records[perm[end-1]].ID {
				start--
			}
		}
		for _, r := range perm[start:end] {
			if m.set.Has(int(r)) {
				m.order = append(m.order, r)
			}
		}
		m.cur += end - start
	}
	m.done = len(m.order) == m.n
}
