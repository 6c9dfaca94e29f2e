package eligibility

import (
	"regexp"
	"strconv"
	"strings"
)

// An age range whose ends are taken at different times: "Age 3 at the
// time of screening to age 21 at the time of initial diagnosis". The word
// parser reads no operator in it. The end taken at screening (consent,
// enrolment …) bounds the patient's age now; an end taken at diagnosis
// bounds the age the disease began (dev8's and DEV16's labellers: not an
// age requirement).
var ageTimesRe = regexp.MustCompile(`(?i)\bage\s+(\d{1,2})(?:\s*(years?|months?))?(?:\s+old)?\s+at\s+(?:the\s+)?time\s+of\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:to|through|until|up\s+to)\s+(?:age\s+)?(\d{1,2})(?:\s*(years?|months?))?(?:\s+old)?\s+at\s+(?:the\s+)?time\s+of\s+(?:the\s+)?(?:initial\s+|first\s+|original\s+)?([a-z]+(?:\s+[a-z]+)?)`)

// ageNowWords are the moments an age is the patient's at entry.
var ageNowWords = []string{"screening", "enrollment", "enrolment", "consent", "informed consent", "registration",
	"study entry", "entry", "randomization", "randomisation", "signing", "inclusion"}

func ageNow(w string) bool {
	w = strings.ToLower(w)
	for _, n := range ageNowWords {
		if w == n || strings.HasPrefix(w, n+" ") {
			return true
		}
	}
	return false
}

// ageAtTimes reads such a range in text: the bound on today's age, where
// the range starts and ends.
func ageAtTimes(text string) (c cand, from, to int, ok bool) {
	// both ends are taken "at the time of" something
	i := indexRare(text, "time of", 6)
	if i < 0 || indexRare(text[i+7:], "time of", 6) < 0 || !strings.Contains(text, "ge ") && !strings.Contains(text, "GE ") {
		return cand{}, 0, 0, false
	}
	m := ageTimesRe.FindStringSubmatchIndex(text)
	if m == nil {
		return cand{}, 0, 0, false
	}
	num := func(g int) float64 {
		v, _ := strconv.ParseFloat(text[m[2*g]:m[2*g+1]], 64)
		if m[2*g+2] >= 0 && strings.HasPrefix(strings.ToLower(text[m[2*g+2]:m[2*g+3]]), "month") {
			v /= 12
		}
		return v
	}
	lo, hi := num(1), num(4)
	lowNow, highNow := ageNow(text[m[6]:m[7]]), ageNow(text[m[12]:m[13]])
	c = cand{v: vAge, unit: "years", grp: -1}
	if lowNow {
		c.hasLo, c.loInc, c.lo = true, true, lo
	}
	if highNow {
		c.hasHi, c.hiInc, c.hi = true, true, hi
	}
	if !c.hasLo && !c.hasHi || c.hasLo && c.hasHi && lo > hi {
		return cand{}, 0, 0, false
	}
	c.span = [2]int{m[2], m[3]}
	if !lowNow {
		c.span = [2]int{m[8], m[9]}
	}
	return c, m[0], m[1], true
}
