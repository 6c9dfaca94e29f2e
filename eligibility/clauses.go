// This file reads the clauses that say whose a bound is, beside the bound
// itself: the announcement ending a lead-in, causes that are exceptions,
// bounds marked "preferred", sentences whose full stop was lost, places
// that pick a subgroup, and "i.e." lists of the conditions that pick one.

package eligibility

import "strings"

// announcement is the part of a lead-in that announces the list under it:
// the words up to a colon that closes "… the following (requirements):"
// when notes follow the colon ("Laboratory values must fulfill the
// following requirements: Growth factors may not be used to meet
// eligibility criteria."). The notes speak of how the values are
// obtained, not of the items: their "may not" makes no item an exclusion.
// Any other lead-in is announced by all its words.
func announcement(toks []token) []token {
	for k := 0; k < len(toks)-1; k++ {
		if toks[k].kind != kColon || toks[k].depth != 0 {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-5; j-- {
			if wordAt(toks, j, "following", "follows") {
				return toks[:k]
			}
		}
		return toks
	}
	return toks
}

// notCause reports whether the cause word at i ("due", "secondary" …) is
// negated: "not due to leukemia", "not secondary to lymphoma".
func notCause(toks []token, i int) bool {
	// "(if not mainly caused by leukemia)": an adverb between
	if wordAt(toks, i-1, "mainly", "primarily", "solely", "entirely", "predominantly", "directly", "exclusively", "only") {
		i--
	}
	return wordAt(toks, i-1, "not")
}

// forInstitution consumes "for (the) institution" after a ULN phrase
// ("< 2.5 × upper limit of normal (ULN) for institution (or < 5.0 × ULN in
// presence of liver metastases)"): whose normal range it is, not a
// subgroup's "for", so the relaxation after it is read.
func forInstitution(toks []token, k int) int {
	if !wordAt(toks, k, "for") {
		return k
	}
	m := k + 1
	if wordAt(toks, m, "the", "each", "your") {
		m++
	}
	if wordAt(toks, m, "institution", "site", "laboratory", "lab", "center", "centre", "hospital") {
		return m + 1
	}
	return k
}

// preferredAside reports the "preferred" that ends a bracket after a
// value ("(under 75 preferred)", "(ECOG 0 or 1 preferred)"): a bound
// wished for, met by some of those the trial takes (old PDQ records give
// the patients who meet every preferred criterion one regimen, the rest
// another), so a subgroup's bound, never everyone's.
//
// The bracket must hold that value: "(ECHO preferred)", "(serum
// preferred)" prefer a method, and the bound before them stays everyone's.
func preferredAside(toks []token, i int) bool {
	if toks[i].depth == 0 || i == 0 || toks[i-1].kind == kLParen || !kindAt(toks, i+1, kRParen) {
		return false
	}
	for k := i - 1; k >= 0 && toks[k].depth >= toks[i].depth; k-- {
		if toks[k].kind == kLParen && toks[k].depth < toks[i].depth {
			break
		}
		if toks[k].kind == kNum {
			return true
		}
	}
	return false
}

// preferredCategory reports a PDQ category whose label is marked
// "(preferred)" ("Hematopoietic: (preferred) WBC at least 3,000/mm3
// Platelet count at least 100,000/mm3"): every value up to the next
// label is the preferred regimen's, a subgroup's (see preferredAside).
func preferredCategory(s string) bool {
	c := strings.IndexByte(s, ':')
	if c < 0 || c > 40 {
		return false
	}
	return hasPrefixFold(strings.TrimLeft(s[c+1:], " "), "(preferred)")
}

// runOnSentence reports a capitalised word at i that starts a sentence
// whose full stop the page lost, right after a value ("… <2.5 x ULN If
// organ function abnormalities are due to leukemic infiltration, …",
// "≥ 80 g/L (may receive transfusions) Patients with known marrow
// disease …"): it opens a clause of its own and qualifies nothing before.
func (p *parser) runOnSentence(i int) bool {
	t := &p.toks[i]
	if !t.upper || t.caps || i == 0 {
		return false
	}
	prev := &p.toks[i-1]
	if prev.depth != t.depth {
		return false
	}
	switch prev.kind {
	case kRParen, kNum:
		return true
	case kTimes:
		// "… ≤ 1.5 × ULN *For patients with Gilbert's syndrome …": a
		// footnote's asterisk glued to the sentence it opens
		return t.glued && !prev.glued && p.text[prev.start] == '*'
	case kWord:
		// a unit ends right before it: "x ULN", "x 10^9/L" (whose 9 is a
		// number too, so every number a few tokens back is tried)
		for k := i - 2; k >= 0 && k >= i-8; k-- {
			if p.toks[k].kind == kNum {
				if u, e := unit(p.toks, k+1); e == i && u != ruNone && u != ruForeign {
					return true
				}
			}
		}
	}
	return false
}

// opensRunOn reports a run-on sentence's trigger in [from, to): a trigger
// after it is that sentence's, qualifying no bound before it.
func (p *parser) opensRunOn(from, to int) bool {
	for ti := range p.trigs {
		if t := &p.trigs[ti]; t.runOn && t.pos >= from && t.pos < to {
			return true
		}
	}
	return false
}

// fromPlace reads "from Japan", "in Japan", "enrolled in Korea", "at
// Japanese sites" after a word for patients at j: a country's patients,
// a subgroup (SPEC 4.6), its name written with a capital. It returns the
// end of the name.
func fromPlace(toks []token, j int) (int, bool) {
	if wordAt(toks, j, "enrolled", "recruited", "treated") {
		j++
	}
	if !wordAt(toks, j, "from", "in", "at") {
		return 0, false
	}
	k := j + 1
	if wordAt(toks, k, "the") {
		k++
	}
	if !wordAt(toks, k, placeNames...) || !toks[k].upper {
		return 0, false
	}
	e := k + 1
	for e < len(toks) && e < k+3 && toks[e].kind == kWord && toks[e].upper && !toks[e].caps {
		e++ // "the United Kingdom", "South Korea"
	}
	return e, true
}

// placeLabel reads a bracket's words from j that name only places —
// "(Japan)", "(in Korea)", "(other countries)", "(rest of the world)" —
// and returns the index of its closing bracket.
func placeLabel(toks []token, j int) (int, bool) {
	named, all, other := false, false, false
	k := j
	for ; k < len(toks) && k < j+6 && toks[k].kind == kWord; k++ {
		switch {
		case wordAt(toks, k, placeNames...) && toks[k].upper, wordAt(toks, k, "countries", "world", "row", "elsewhere", "regions"):
			named = true
		case wordAt(toks, k, "all"):
			all = true
		case wordAt(toks, k, "other", "rest", "outside", "non"):
			other = true
		case wordAt(toks, k, "of", "the", "in", "and", "sites", "site"):
		default:
			return 0, false
		}
	}
	// "(in all countries)" names everyone
	return k, named && !(all && !other) && kindAt(toks, k, kRParen)
}

// placeNames are the countries and regions criteria set apart ("Patients
// from Japan …"), the first word of each: a title-cased "Patients In
// Complete Remission" names no place.
var placeNames = []string{"japan", "korea", "south", "china", "taiwan", "hong", "singapore", "india", "france",
	"germany", "italy", "spain", "netherlands", "belgium", "united", "uk", "us", "usa", "canada", "europe",
	"european", "eu", "australia", "brazil", "russia", "poland", "sweden", "switzerland", "austria", "israel"}

// comorbidityList reports the "e" of an "(i.e." that opens the list of
// conditions a subgroup is picked by ("due to concurrent medical
// conditions (i.e. ejection fraction less than 50, …)"): the values in it
// say who has a condition; they require nothing of anyone. An "i.e." after
// anything else restates a requirement ("adequate renal function (i.e.,
// creatinine ≤ 1.5 mg/dL)") and is read.
func comorbidityList(toks []token, i int) bool {
	k := i - 1
	if kindAt(toks, k, kOther) {
		k--
	}
	if !wordAt(toks, k, "i") || !kindAt(toks, k-1, kLParen) {
		return false
	}
	return wordAt(toks, k-2, "conditions", "condition", "comorbidities", "comorbidity", "comorbid", "reasons", "illnesses", "illness")
}

// thousandsPerUL reports a count per µL too small for any cell count a
// trial bounds ("ANC ≥ 1.5/uL": no trial asks for 1.5 cells per µL, and
// its lowest real bounds are in the hundreds): the "× 10^3" was lost, so
// the number is already in 10^9/L (SPEC 4.14, only one reading possible).
// Read for the ANC only: a white count this small is a spinal fluid's
// ("CSF WBC at least 5/microliter"), and real.
func thousandsPerUL(v float64) bool {
	return v > 0 && v < 20
}

// preferredLead reports a category label marked "(preferred)" over the
// items it holds ("Hematopoietic: (preferred)", "Renal (preferred):"), as
// preferredCategory does for a packed PDQ item: its values are a
// subgroup's.
func preferredLead(text string) bool {
	if len(text) > 60 {
		return false
	}
	s := strings.TrimSuffix(strings.TrimRight(text, " "), ":")
	return len(s) >= len("(preferred)") && strings.EqualFold(s[len(s)-len("(preferred)"):], "(preferred)")
}

// anyAgeElse reports an item that also admits patients "of any age"
// ("High risk: stage 4 over 18 months of age and MYCN amplified
// neuroblastoma of any stage and any age until 25 years"): its other age
// bound picks one of its groups (SPEC 4.6), bounding no one's age. Asked
// of one statement (a packed PDQ item's "Any age with prior oophorectomy"
// defines menopause, beside "Age: 70 and under"), and
// only of items with an age bound.
func anyAgeElse(text string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], "ny age")
		if j < 0 {
			return false
		}
		j += i
		if j > 0 && (text[j-1] == 'a' || text[j-1] == 'A') && (j < 2 || text[j-2] == ' ' || text[j-2] == '(') {
			return true
		}
		i = j + 1
	}
}

// atDiscretion reports the "discretion" of "at the discretion of …", "at
// the investigator's discretion", "per investigator discretion", right
// after a value or its bracket: "(transfusion is allowed at the
// discretion of the investigator)" grants no bound.
func atDiscretion(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if wordAt(toks, k, "at", "per", "upon", "under") {
			return valueEndsAt(toks, k) && (toks[k].depth == 0 || kindAt(toks, k-1, kLParen) || comparesInBracket(toks, k))
		}
		if toks[k].kind != kWord && toks[k].kind != kApos {
			return false
		}
	}
	return false
}

// valueEndsAt reports a number, or a number's unit, ending right before
// token k, or before the bracket that opens at k-1.
func valueEndsAt(toks []token, k int) bool {
	if kindAt(toks, k-1, kLParen) {
		k--
	}
	if kindAt(toks, k-1, kNum) || kindAt(toks, k-1, kPercent) {
		return true
	}
	for j := k - 2; j >= 0 && j >= k-8; j-- {
		if toks[j].kind == kNum {
			if u, e := unit(toks, j+1); e == k && u != ruNone && u != ruForeign {
				return true
			}
		}
	}
	return false
}

// leadRelaxation reports a bound that opens a bracket right after a bound
// read for the lead-in's subject ("Age:" over "18 and over (under 75
// preferred)", "Platelets:" over "At least 100,000/mm3 (75,000/mm3 if
// marrow involvement)"): the same subject's second bound, its trigger
// deciding whose.
func (p *parser) leadRelaxation(bi int) bool {
	if bi == 0 || p.owner[bi-1] != ownerLead {
		return false
	}
	b, prev := &p.bounds[bi], &p.bounds[bi-1]
	return b.start == prev.end+1 && kindAt(p.toks, prev.end, kLParen)
}

// discretionAt reports "at the (investigator's) discretion", "per
// investigator discretion" starting at k: "(ECOG 2 at the discretion of
// the investigator)" admits that grade as "ECOG 2 allowed" does.
func discretionAt(toks []token, k int) bool {
	if !wordAt(toks, k, "at", "per", "upon") {
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+4; j++ {
		if wordAt(toks, j, "discretion") {
			return true
		}
		if toks[j].kind != kWord && toks[j].kind != kApos {
			return false
		}
	}
	return false
}

// comparesInBracket reports a comparison in the bracket that holds token k,
// before it: "(up to 75 at the investigator's discretion)" has a bound of
// its own for the discretion to grant; "(60% at the investigator's
// discretion)" has none the parser reads, and the discretion must not
// fall on the bound before the bracket.
func comparesInBracket(toks []token, k int) bool {
	d := toks[k].depth
	for j := k - 1; j >= 0 && toks[j].depth >= d; j-- {
		if toks[j].depth > d {
			continue
		}
		if toks[j].kind == kOp || wordAt(toks, j, "up", "under", "over", "less", "greater", "least", "most", "below",
			"above", "than", "minimum", "maximum", "ecog", "ps", "zubrod", "karnofsky", "kps", "lansky") {
			return true
		}
	}
	return false
}
