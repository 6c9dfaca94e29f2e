package search

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/trials-app/trials/model"
)

// statusGroups are the statuses' names beyond the enums.
var statusGroups = map[string][]model.Status{
	"open": {model.StatusRecruiting, model.StatusNotYetRecruiting},
	// Closed: no longer enrolling. Enrolling by invitation, available
	// (expanded access) and unknown are neither open nor closed.
	"closed": {model.StatusActiveNotRecruiting, model.StatusCompleted, model.StatusSuspended, model.StatusTerminated,
		model.StatusWithdrawn, model.StatusNoLongerAvailable, model.StatusTemporarilyNotAvailable,
		model.StatusApprovedForMarketing, model.StatusWithheld},
}

// enumChoice resolves v to one of names: an exact name, or a prefix of
// exactly one. ok is false with the candidates when it is ambiguous.
func enumChoice(v string, names []string) (string, []string) {
	var cands []string
	for _, n := range names {
		if n == v {
			return n, nil
		}
		if strings.HasPrefix(n, v) {
			cands = append(cands, n)
		}
	}
	if len(cands) == 1 {
		return cands[0], nil
	}
	return "", cands
}

func statusNames() []string {
	names := []string{"open", "closed"}
	for _, s := range statusOrder[1:] {
		names = append(names, strings.ToLower(string(s)))
	}
	return names
}

func parseStatusValue(v string) (func(*Index) *Set, string) {
	key := strings.ToLower(strings.Join(Words(v), "_"))
	var want []model.Status
	if s, ok := model.ParseStatus(v); ok {
		want = []model.Status{s}
	} else if key == "" {
		return nil, "status needs a value: recruiting, open, closed, completed, …"
	} else {
		name, cands := enumChoice(key, statusNames())
		switch {
		case name == "" && len(cands) > 1:
			return nil, fmt.Sprintf("%q could be %s", v, strings.Join(cands, " or "))
		case name == "":
			return nil, fmt.Sprintf("unknown status %q (recruiting, open, closed, %s)", v, strings.Join(statusNames()[2:], ", "))
		case statusGroups[name] != nil:
			want = statusGroups[name]
		default:
			s, _ := model.ParseStatus(name)
			want = []model.Status{s}
		}
	}
	var codes [256]bool
	for _, s := range want {
		codes[slices.Index(statusOrder, s)] = true
	}
	return func(ix *Index) *Set { return scan8(ix.col.status, &codes) }, ""
}

func parsePhaseValue(v string) (func(*Index) *Set, string) {
	var need uint8
	for _, part := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return r == '/' || r == '+' || r == ',' || r == '&' }) {
		var b uint8
		switch strings.TrimPrefix(strings.ReplaceAll(part, "_", ""), "phase") {
		case "0", "early1", "early", "earlyphase1", "e1":
			b = phaseBit(model.PhaseEarly1)
		case "1", "i":
			b = phaseBit(model.Phase1)
		case "2", "ii":
			b = phaseBit(model.Phase2)
		case "3", "iii":
			b = phaseBit(model.Phase3)
		case "4", "iv":
			b = phaseBit(model.Phase4)
		case "na", "n/a", "notapplicable":
			b = phaseBit(model.PhaseNA)
		default:
			return nil, fmt.Sprintf("unknown phase %q (1, 2, 3, 4, early1, na, or 2/3 for both)", part)
		}
		need |= b
	}
	if need == 0 {
		return nil, "phase needs a value: 1, 2, 3, 4, early1, na, or 2/3 for both"
	}
	var pass [256]bool
	for m := range pass {
		pass[m] = uint8(m)&need == need
	}
	return func(ix *Index) *Set { return scan8(ix.col.phase, &pass) }, ""
}

func parseTypeValue(v string) (func(*Index) *Set, string) {
	var want model.StudyType
	switch k := strings.ToLower(strings.Join(Words(v), "_")); {
	case k == "int" || strings.HasPrefix("interventional", k) && len(k) >= 3:
		want = model.StudyInterventional
	case k == "obs" || strings.HasPrefix("observational", k) && len(k) >= 3:
		want = model.StudyObservational
	case k == "ea" || strings.HasPrefix("expanded_access", k) && len(k) >= 2:
		want = model.StudyExpandedAccess
	default:
		return nil, fmt.Sprintf("unknown study type %q (int, obs or ea)", v)
	}
	var pass [256]bool
	pass[slices.Index(studyTypes, want)] = true
	return func(ix *Index) *Set { return scan8(ix.col.typ, &pass) }, ""
}

func parseSexValue(v string) (func(*Index) *Set, string) {
	var ok [256]bool
	all := uint8(slices.Index(sexes, model.SexAll))
	switch strings.ToLower(v) {
	case "f", "female", "women", "w":
		ok[slices.Index(sexes, model.SexFemale)], ok[all] = true, true
	case "m", "male", "men":
		ok[slices.Index(sexes, model.SexMale)], ok[all] = true, true
	case "all", "both", "a":
		ok[all] = true
	default:
		return nil, fmt.Sprintf("unknown sex %q (f or m; all for trials open to both)", v)
	}
	return func(ix *Index) *Set { return scan8(ix.col.sex, &ok) }, ""
}

func yesNo(v string) (bool, bool) {
	switch strings.ToLower(v) {
	case "yes", "y", "true", "1":
		return true, true
	case "no", "n", "false", "0":
		return false, true
	}
	return false, false
}

func parseHVValue(v string) (func(*Index) *Set, string) {
	yes, ok := yesNo(v)
	if !ok {
		return nil, fmt.Sprintf("%q: want yes or no", v)
	}
	want := int8(0)
	if yes {
		want = 1
	}
	return func(ix *Index) *Set {
		s := NewSet(ix.Len())
		for i, h := range ix.col.hv {
			if h == want {
				s.Add(i)
			}
		}
		return s
	}, ""
}

func parseResultsValue(v string) (func(*Index) *Set, string) {
	yes, ok := yesNo(v)
	if !ok {
		return nil, fmt.Sprintf("%q: want yes or no", v)
	}
	return func(ix *Index) *Set {
		s := ix.col.results.clone()
		if !yes {
			all := fullSet(ix.Len())
			all.andNot(s)
			return all
		}
		return s
	}, ""
}

// bound is one side of a range; inclusive unless strict.
type rangeOp struct {
	lo, hi         float64 // math.Inf for open sides
	loStrict, hiSt bool
}

// parseRange reads N, >N, >=N, <N, <=N, N..M (either side may be empty)
// with num reading each number and giving the interval it stands for.
func parseRange(v string, num func(string) (lo, hi float64, ok bool)) (rangeOp, string, bool) {
	r := rangeOp{lo: math.Inf(-1), hi: math.Inf(1)}
	bad := func(s string) (rangeOp, string, bool) { return r, s, false }
	switch {
	case strings.HasPrefix(v, ">=") || strings.HasPrefix(v, "≥"):
		s := strings.TrimPrefix(strings.TrimPrefix(v, ">="), "≥")
		lo, _, ok := num(s)
		if !ok {
			return bad(s)
		}
		r.lo = lo
	case strings.HasPrefix(v, "<=") || strings.HasPrefix(v, "≤"):
		s := strings.TrimPrefix(strings.TrimPrefix(v, "<="), "≤")
		_, hi, ok := num(s)
		if !ok {
			return bad(s)
		}
		r.hi = hi
	case strings.HasPrefix(v, ">"):
		_, hi, ok := num(v[1:])
		if !ok {
			return bad(v[1:])
		}
		r.lo, r.loStrict = hi, true
	case strings.HasPrefix(v, "<"):
		lo, _, ok := num(v[1:])
		if !ok {
			return bad(v[1:])
		}
		r.hi, r.hiSt = lo, true
	case strings.Contains(v, ".."):
		a, b, _ := strings.Cut(v, "..")
		if a == "" && b == "" {
			return bad(v)
		}
		if a != "" {
			lo, _, ok := num(a)
			if !ok {
				return bad(a)
			}
			r.lo = lo
		}
		if b != "" {
			_, hi, ok := num(b)
			if !ok {
				return bad(b)
			}
			r.hi = hi
		}
		if r.lo > r.hi {
			return r, "", true // an empty range: matches nothing
		}
	default:
		lo, hi, ok := num(v)
		if !ok {
			return bad(v)
		}
		r.lo, r.hi = lo, hi
	}
	return r, "", true
}

// intBounds turns the range over integers into inclusive bounds.
func (r rangeOp) intBounds() (lo, hi int64) {
	lo, hi = math.MinInt64, math.MaxInt64
	if !math.IsInf(r.lo, -1) {
		lo = int64(r.lo)
		if r.loStrict {
			lo++
		}
	}
	if !math.IsInf(r.hi, 1) {
		hi = int64(r.hi)
		if r.hiSt {
			hi--
		}
	}
	return lo, hi
}

func parseEnrollValue(v string) (func(*Index) *Set, string) {
	num := func(s string) (float64, float64, bool) {
		n, err := strconv.ParseInt(strings.ReplaceAll(s, ",", ""), 10, 64)
		if err != nil || n < 0 {
			return 0, 0, false
		}
		return float64(n), float64(n), true
	}
	r, bad, ok := parseRange(v, num)
	if !ok {
		return nil, fmt.Sprintf("%q is not a number (enroll:100, enroll:>100, enroll:50..200)", bad)
	}
	lo, hi := r.intBounds()
	lo = max(lo, 0) // -1 is "not stated"
	return func(ix *Index) *Set {
		s := NewSet(ix.Len())
		for i, e := range ix.col.enroll {
			if int64(e) >= lo && int64(e) <= hi {
				s.words[i>>6] |= 1 << (uint(i) & 63)
			}
		}
		return s
	}, ""
}

func dateParser(name string, col func(*columns) []Date) func(string) (func(*Index) *Set, string) {
	return func(v string) (func(*Index) *Set, string) {
		num := func(s string) (float64, float64, bool) {
			d := ParseDate(s)
			if d == 0 {
				return 0, 0, false
			}
			return float64(d.first()), float64(d.last()), true
		}
		r, bad, ok := parseRange(v, num)
		if !ok {
			return nil, fmt.Sprintf("%q is not a date (%s:2025, %s:>2025-01, %s:2024..2025-06-30)", bad, name, name, name)
		}
		// Packed dates order as integers: compare them so. A date lies in
		// the range only if all the days it can mean do ("2023-08" is not
		// after 15 August 2023).
		lo, hi := r.intBounds()
		return func(ix *Index) *Set {
			s := NewSet(ix.Len())
			for i, d := range col(&ix.col) {
				if d != 0 && int64(d.first()) >= lo && int64(d.last()) <= hi {
					s.words[i>>6] |= 1 << (uint(i) & 63)
				}
			}
			return s
		}, ""
	}
}

func parseAgeValue(v string) (func(*Index) *Set, string) {
	s := strings.ToLower(strings.TrimSpace(v))
	i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	num, unit := s, "y"
	if i >= 0 {
		num, unit = s[:i], strings.TrimSpace(s[i:])
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil || n < 0 || n > 150 {
		return nil, fmt.Sprintf("%q is not an age (age:67, age:6mo, age:2w)", v)
	}
	years, ok := inYears(n, unit)
	if !ok {
		return nil, fmt.Sprintf("%q is not an age (age:67, age:6mo, age:2w)", v)
	}
	a := Age(years)
	return func(ix *Index) *Set {
		s := NewSet(ix.Len())
		c := &ix.col
		maxAge := c.maxAge[:len(c.minAge)]
		for i, lo := range c.minAge {
			if lo <= a && (maxAge[i] >= a || maxAge[i] == NoAge) { // NoAge (-1) is below every age
				s.words[i>>6] |= 1 << (uint(i) & 63)
			}
		}
		return s
	}, ""
}

// scan8 is the set of records whose column value passes.
func scan8(col []uint8, pass *[256]bool) *Set {
	s := NewSet(len(col))
	for i, c := range col {
		if pass[c] {
			s.words[i>>6] |= 1 << (uint(i) & 63)
		}
	}
	return s
}
