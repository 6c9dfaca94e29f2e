package model

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/trials-app/trials/internal/memo"
)

var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
	"nov": 11, "november": 11, "dec": 12, "december": 12,
}

var (
	isoDate      = regexp.MustCompile(`^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$`)
	slashISODate = regexp.MustCompile(`^(\d{4})/(\d{1,2})(?:/(\d{1,2}))?$`)
	monthDayYear = regexp.MustCompile(`^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$`)
	dayMonthYear = regexp.MustCompile(`^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$`)
	monthYear    = regexp.MustCompile(`^([A-Za-z]+)\.?,?\s+(\d{4})$`)
)

// ParseDate normalises a date to ISO 8601: "Aug 1, 2023", "June 28, 2025",
// "2023-08-01" → "2023-08-01"; "August 2023", "2023-08" → "2023-08" (the
// source gives no day, so none is invented). ok is false for anything else,
// including impossible dates.
func ParseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	var y, d int
	var m time.Month
	if fixedISO(s) {
		// "2023-08-01" or "2023-08", as the registry writes every date:
		// what isoDate would read, without running it on each of them.
		y, m = atoi(s[:4]), time.Month(atoi(s[5:7]))
		if len(s) == 10 {
			d = atoi(s[8:])
		}
	} else if g := isoDate.FindStringSubmatch(s); g != nil {
		y, m, d = atoi(g[1]), time.Month(atoi(g[2])), atoi(g[3])
	} else if g := slashISODate.FindStringSubmatch(s); g != nil {
		y, m, d = atoi(g[1]), time.Month(atoi(g[2])), atoi(g[3])
	} else if g := monthDayYear.FindStringSubmatch(s); g != nil {
		m, d, y = monthNames[strings.ToLower(g[1])], atoi(g[2]), atoi(g[3])
	} else if g := dayMonthYear.FindStringSubmatch(s); g != nil {
		d, m, y = atoi(g[1]), monthNames[strings.ToLower(g[2])], atoi(g[3])
	} else if g := monthYear.FindStringSubmatch(s); g != nil {
		m, y = monthNames[strings.ToLower(g[1])], atoi(g[2])
	} else {
		return "", false
	}
	if m < 1 || m > 12 || y < 1800 || y > 2300 {
		return "", false
	}
	if d == 0 {
		return strconv.Itoa(y) + "-" + pad2(int(m)), true
	}
	if t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); t.Day() != d {
		return "", false // 31 June, 29 February of a common year
	}
	return strconv.Itoa(y) + "-" + pad2(int(m)) + "-" + pad2(d), true
}

// fixedISO reports "dddd-dd" or "dddd-dd-dd".
func fixedISO(s string) bool {
	if len(s) != 7 && len(s) != 10 {
		return false
	}
	for i := range len(s) {
		if dash := i == 4 || i == 7; dash != (s[i] == '-') || !dash && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

var ageRe = regexp.MustCompile(`(?i)^(\d+(?:\.\d+)?)\s*(years?|yrs?|months?|mos?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?)?(?:\s+old)?$`)

var ageUnits = map[string]string{
	"y": "Year", "m": "Month", "w": "Week", "d": "Day", "h": "Hour",
}

// ParseAge normalises an age limit to the registry's form: "18 Years",
// "6 Months", "1 Year". A bare number is read as years. "N/A" and other text
// give ok=false.
func ParseAge(s string) (string, bool) {
	// Every record gives two, the registry's few hundred spellings
	// ("18 Years"): each is read once.
	a := ages.Get(s, func(s string) (parsedAge, bool) {
		v, ok := parseAge(s)
		return parsedAge{v, ok}, true
	})
	return a.age, a.ok
}

type parsedAge struct {
	age string // made anew by parseAge: no part of the string it read
	ok  bool
}

var ages = memo.Strings[parsedAge]{MaxLen: 32, Max: 1 << 10}

// parseAge is ParseAge, not remembered.
func parseAge(s string) (string, bool) {
	g := ageRe.FindStringSubmatch(strings.TrimSpace(s))
	if g == nil {
		return "", false
	}
	unit := "Year"
	if g[2] != "" {
		u := strings.ToLower(g[2])
		if strings.HasPrefix(u, "min") {
			unit = "Minute"
		} else {
			unit = ageUnits[u[:1]]
		}
	}
	if g[1] != "1" {
		unit += "s"
	}
	return g[1] + " " + unit, true
}

var nctRe = regexp.MustCompile(`\bNCT\d{8}\b`)

// FindNCTIDs returns the NCT ids in s, in order, without repeats.
func FindNCTIDs(s string) []string {
	var out []string
	for _, id := range nctRe.FindAllString(s, -1) {
		if !contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// IsNCTID reports whether s is exactly an NCT id.
func IsNCTID(s string) bool {
	return len(s) == 11 && nctRe.MatchString(s)
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
