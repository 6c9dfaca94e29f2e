package present

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/trials-app/trials/model"
)

// Site is a study site on one line: "Facility — City, State Zip [Recruiting]",
// with the country after the state when withCountry is set (lists that do
// not group sites by country).
func Site(l model.Location, withCountry bool) string {
	parts := []string{l.City, strings.TrimSpace(l.State + " " + l.Zip)}
	if withCountry {
		parts = append(parts, l.Country)
	}
	var place []string
	for _, s := range parts {
		if s != "" {
			place = append(place, s)
		}
	}
	s := l.Facility
	if p := strings.Join(place, ", "); p != "" {
		if s != "" {
			s += " — " + p
		} else {
			s = p
		}
	}
	if s == "" {
		s = "(site not named)"
	}
	if l.Status != "" {
		s += " [" + Status(model.Status(l.Status)) + "]"
	}
	return s
}

// Country is a site's country, or "Country not given".
func Country(c string) string {
	if c == "" {
		return "Country not given"
	}
	return c
}

// CountryGroup is the sites of one country.
type CountryGroup struct {
	Country string
	Sites   []model.Location
}

// SitesByCountry groups sites by country, countries with most sites first,
// sites in the order the source lists them.
func SitesByCountry(locs []model.Location) []CountryGroup {
	idx := map[string]int{}
	var groups []CountryGroup
	for _, l := range locs {
		i, ok := idx[l.Country]
		if !ok {
			i = len(groups)
			idx[l.Country] = i
			groups = append(groups, CountryGroup{Country: l.Country})
		}
		groups[i].Sites = append(groups[i].Sites, l)
	}
	sort.SliceStable(groups, func(a, b int) bool { return len(groups[a].Sites) > len(groups[b].Sites) })
	return groups
}

// CriteriaCount says how many criteria a list has: "11", or "11 + 13
// sub-items" — a screener ticks off items, not their sub-points.
func CriteriaCount(cs []model.Criterion) string {
	all := model.CountCriteria(cs)
	if sub := all - len(cs); sub > 0 {
		return fmt.Sprintf("%d + %d sub-items", len(cs), sub)
	}
	return strconv.Itoa(len(cs))
}

// CriterionMarker numbers the i-th criterion at a depth: "3." at the top,
// "b." below, "ii." below that — so the nesting reads without indentation
// or colour.
func CriterionMarker(depth, i int) string {
	switch depth % 3 {
	case 0:
		return strconv.Itoa(i+1) + "."
	case 1:
		return alphaIndex(i) + "."
	default:
		return romanIndex(i+1) + "."
	}
}

func alphaIndex(i int) string {
	s := ""
	for i >= 0 {
		s = string(rune('a'+i%26)) + s
		i = i/26 - 1
	}
	return s
}

func romanIndex(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// Clip cuts s to at most max bytes, on a character boundary, ending it with
// "…" when it was cut. Whatever is drawn for every frame or laid out for
// every trial goes through it first, so that one enormous field (a 50 MB
// title) costs no more than a long one.
func Clip(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max - len("…")
	if cut <= 0 {
		return "…"
	}
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Highlight marks the byte spans of s (in order, not overlapping, as
// search.Spans returns them) with match and the rest with rest, so that
// what a query matched stands out in a title or a name.
func Highlight(s string, spans [][2]int, rest, match func(string) string) string {
	var b strings.Builder
	prev := 0
	for _, sp := range spans {
		if sp[0] < prev || sp[1] > len(s) || sp[0] >= sp[1] {
			continue
		}
		if sp[0] > prev {
			b.WriteString(rest(s[prev:sp[0]]))
		}
		b.WriteString(match(s[sp[0]:sp[1]]))
		prev = sp[1]
	}
	if prev < len(s) || prev == 0 {
		b.WriteString(rest(s[prev:]))
	}
	return b.String()
}

// What one field may contribute to a laid-out output. Every renderer caps
// what it lays out, so that a hostile or broken document (a 50 MB title, a
// million sites) costs time in proportion to what is shown, not to what was
// sent. The registry's own limits are far below: 32,000 characters for a
// description, a few thousand sites for the largest trials.
const (
	MaxText  = 100_000 // bytes of one text: a description, a criterion, a title
	MaxItems = 10_000  // items of one list: sites, criteria, outcomes, arms
)

// ClipText caps a document text at MaxText bytes and says so when it cut:
// a reader must never take a cut text for the whole.
func ClipText(s string) string { return ClipTextAt(s, MaxText) }

// ClipTextAt is ClipText with a cap of max bytes, for layouts that show
// less of each text (a comparison's cells).
func ClipTextAt(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := Clip(s, max)
	kept := len(cut) - len("…")
	return cut + " [cut: " + Count(len(s)-kept, "more byte", "more bytes") + " in the source]"
}

// ClipItems caps a list at MaxItems and reports how many it left out.
func ClipItems[T any](items []T) ([]T, int) {
	if len(items) <= MaxItems {
		return items, 0
	}
	return items[:MaxItems], len(items) - MaxItems
}
