package loader

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
)

// The role tests' cheap tests (criteria_roles.go, parseCriteria's
// disclaimers, criteriaHeadingGroup's memo) must never change an answer:
// each is checked against the test as it was before it.

func isNoticeRef(s string) bool {
	var buf [foldMax]byte
	l := lowerInto(&buf, s)
	if !bytes.Contains(l, []byte("visit")) && !bytes.Contains(l, []byte("information")) &&
		!bytes.Contains(l, []byte("http")) && !bytes.Contains(l, []byte("www.")) {
		return false
	}
	if !noticeRe.MatchString(s) || len(strings.Fields(s)) > 30 {
		return false
	}
	return !strings.ContainsAny(s, "<>≤≥=%") && !bytes.Contains(l, []byte("must "))
}

func isIntroRef(s string, exclusion bool) bool {
	if !containsLower(s, "following") && !containsLower(s, "criteri") {
		return false
	}
	lower := strings.ToLower(s)
	if introQuantity.MatchString(lower) {
		return false
	}
	words := strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) < 4 {
		return false
	}
	for _, w := range words {
		if !introWords[w] || w == "any" && !exclusion {
			return false
		}
	}
	return true
}

func headingRankRef(s string) int {
	s = strings.TrimSpace(s)
	if groupLabel.MatchString(strings.TrimSuffix(s, ":")) {
		return groupHeading
	}
	body, ok := strings.CutSuffix(s, ":")
	if !ok || len(strings.Fields(body)) > 5 || strings.ContainsAny(body, ".;:") {
		return notHeading
	}
	r := firstRune(body)
	if !unicode.IsUpper(r) {
		return notHeading
	}
	if strings.ToUpper(body) == body && strings.IndexFunc(body, unicode.IsLower) < 0 && len(strings.Fields(body)) >= 2 {
		return sectionHeading
	}
	return groupHeading
}

func isQualifierRef(s string) bool {
	if len(s) >= 2 && (s[0]|0x20 == 'n') && notePrefix.MatchString(s) {
		return true
	}
	var buf [foldMax]byte
	l := lowerInto(&buf, s)
	has := func(w string) bool { return bytes.Contains(l, []byte(w)) }
	this := has("criteri") || has("requirement") || has("condition")
	allowed := has("eligible") || has("allowed") || has("permitted") || has("acceptable")
	if !this && !allowed {
		return false
	}
	if sentenceBreak.MatchString(strings.TrimRight(s, ". ")) {
		return false
	}
	return this && thisCriterion.MatchString(s) || allowed && qualifierWho.MatchString(s) && permitted.MatchString(s)
}

var roleLines = []string{
	"For more information regarding BMS clinical trial participation, please visit www.BMSStudyConnect.com",
	"FOR MORE INFORMATION, PLEASE VISIT", "pleaſe viſit the site", "see https://example.org", "HTTP://x", "www.x.org",
	"at the screening visit", "Information about the study", "Subjects who meet each of the following inclusion criteria are eligible to participate in this study:",
	"Patients must meet all of the following criteria:", "Patients must meet at least one of the following criteria:",
	"Patients must meet 2 of the following criteria:", "Participants must meet none of the following criteria", "leaſt of the following criteria",
	"Subjects meeting any of the following criteria will be excluded from the study:", "CRİTERİA of the following",
	"Cohort 1", "Cohort 2 (expansion):", "Part A", "Dose expansion only", "ſtage 1", "Stage IV breast cancer", "PATIENT CHARACTERISTICS:",
	"Age:", "Group B:", "module 3", "Sub-study A", "population 2", "arm iv", "Dose-escalation cohorts only", "Disease:",
	"Note: this criterion applies to women", "N.B. see above", "NOTE - x", "Subjects with indwelling catheters are allowed.",
	"Patients with controlled hypertension are eligible.", "This criterion does not apply. Patients are eligible.",
	"Prior therapy is acceptable; Subjects are permitted", "The above requirement may be waived", "CONDİTİON", "criterİa",
	"The information listed above is not intended to contain all considerations relevant to a patient's potential participation in a clinical trial.",
	"Other protocol-defined inclusion criteria may apply", "NOTE: other protocol defined inclusion/exclusion criteria could apply",
	"Inclusion Criteria:", "Exclusion Criteria:", "Key Inclusion Criteria:", "Inclusion Criteria Stage 1", "Exclusion criteria for Part B:",
	"Exclusion Criteria: 1. Age under 40", "Inclusion of women", "* Exclusion criteria", "Non-inclusion criteria:", "",
	"\u212aelvin acceptable", "tʜe information", "ALLOWED", "criteria", "x",
}

func checkRolePrefilters(t *testing.T, s string) {
	t.Helper()
	if got, want := isNotice(s), isNoticeRef(s); got != want {
		t.Errorf("isNotice(%q) = %v, before %v", s, got, want)
	}
	for _, exc := range []bool{false, true} {
		if got, want := isIntro(s, exc), isIntroRef(s, exc); got != want {
			t.Errorf("isIntro(%q, %v) = %v, before %v", s, exc, got, want)
		}
	}
	if got, want := headingRank(s), headingRankRef(s); got != want {
		t.Errorf("headingRank(%q) = %v, before %v", s, got, want)
	}
	if got, want := isQualifier(s), isQualifierRef(s); got != want {
		t.Errorf("isQualifier(%q) = %v, before %v", s, got, want)
	}
	if d := trimBullets(s); !mayBeDisclaimer(d) && criteriaDisclaimers.MatchString(d) {
		t.Errorf("mayBeDisclaimer(%q) is false but criteriaDisclaimers matches", d)
	}
	// The memo gives what reading the line gives, the first time and after.
	var want [4]any
	if mentionsClusion(s) {
		k, r, g, ok := readCriteriaHeading(s)
		want = [4]any{k, r, g, ok}
	} else {
		want = [4]any{"", "", "", false}
	}
	for range 2 {
		k, r, g, ok := criteriaHeadingGroup(s)
		if got := [4]any{k, r, g, ok}; got != want {
			t.Errorf("criteriaHeadingGroup(%q) = %v, read %v", s, got, want)
		}
	}
}

func TestRolePrefilters(t *testing.T) {
	for _, s := range roleLines {
		checkRolePrefilters(t, s)
	}
}

func FuzzRolePrefilters(f *testing.F) {
	for _, s := range roleLines {
		f.Add(s)
	}
	f.Fuzz(checkRolePrefilters)
}

// The cheap tests assume that, of the letters of the patterns' words, the
// case-insensitive patterns fold only s (ſ) and k (the Kelvin sign) beyond
// ASCII.
func TestFoldOrbits(t *testing.T) {
	for c := 'a'; c <= 'z'; c++ {
		for r := unicode.SimpleFold(c); r != c; r = unicode.SimpleFold(r) {
			if r >= 0x80 && !(c == 's' && r == 'ſ' || c == 'k' && r == '\u212a') {
				t.Errorf("%q folds to %q", c, r)
			}
		}
	}
}

func TestFoldNeedles(t *testing.T) {
	n := newFoldNeedles("please visit", "www.", "criteri")
	for s, want := range map[string]bool{"PLEASE Visit": true, "please visi": false, "WWW.x": true, "a Criteria": true,
		"crit eria": false, "": false, "pleasewww": false, "xxwww.": true} {
		if got := n.in(s); got != want {
			t.Errorf("in(%q) = %v, want %v", s, got, want)
		}
	}
}

// in is bytes.Contains on the line with its ASCII letters lowered, for
// any of the needles.
func FuzzFoldNeedles(f *testing.F) {
	for _, s := range roleLines {
		f.Add(s)
	}
	sets := []*foldNeedles{noticePhrases, introNeedles, quantityWords, qualifierNeedles}
	f.Fuzz(func(t *testing.T, s string) {
		lower := []byte(s)
		for i, c := range lower {
			if 'A' <= c && c <= 'Z' {
				lower[i] = c + 'a' - 'A'
			}
		}
		for _, set := range sets {
			want := false
			for _, n := range set.needles {
				want = want || bytes.Contains(lower, []byte(n))
			}
			if got := set.in(s); got != want {
				t.Errorf("in(%q) = %v, want %v (needles %q)", s, got, want, set.needles)
			}
		}
	})
}
