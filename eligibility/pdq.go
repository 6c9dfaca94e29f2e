package eligibility

import "strings"

// Old NCI PDQ records write their criteria by category, and the registry's
// XML and JSON often lost the line breaks between them: "PATIENT
// CHARACTERISTICS: Age: 18 and over Performance status: ECOG 0-2 Life
// expectancy: At least 12 weeks Hematopoietic: Absolute granulocyte count
// at least 1,500/mm^3 Platelet count at least 100,000/mm^3 Hepatic: …
// Other: Not pregnant …" is one item. Read as one clause, a word far away
// reaches the wrong value ("pregnant" makes "18 and over" an age that is
// not the patient's; "No cardiac disease" negates the LVEF after it). Such
// an item is cut into the statements it was written as — at each category
// label, and where a new statement starts right after a value ends
// ("… 1,500/mm^3 Platelet count …", "… (ULN) SGOT …") — and each
// statement is read on its own.

// pdqLabels are the category labels of the PDQ layout, lower case, and
// pdqLast the last word of each: the cheap test looks at the word before
// every colon.
var pdqLabels = setOf("age", "sex", "gender", "menopausal status", "hormone receptor status", "performance status",
	"life expectancy", "hematopoietic", "haematopoietic", "hematologic", "haematologic", "hematology", "bone marrow",
	"hepatic", "liver", "renal", "kidney", "cardiovascular", "cardiac", "pulmonary", "respiratory", "neurologic",
	"neurological", "immunologic", "gastrointestinal", "metabolic", "endocrine", "coagulation", "other",
	"hepatic function", "renal function", "cardiac function", "pulmonary function", "hematopoietic function",
	"biologic therapy", "chemotherapy", "endocrine therapy", "hormonal therapy", "radiotherapy", "surgery",
	"disease characteristics", "patient characteristics", "prior concurrent therapy")

var pdqLast = func() map[string]bool {
	m := map[string]bool{}
	for l := range pdqLabels {
		ws := strings.Fields(l)
		m[ws[len(ws)-1]] = true
	}
	return m
}()

// mayBePDQ is the cheap test: a PDQ label's last word right before a colon.
func mayBePDQ(s string) bool {
	if len(s) < 40 {
		return false
	}
	var buf [16]byte
	for from := 0; ; {
		c := strings.IndexByte(s[from:], ':')
		if c < 0 {
			return false
		}
		c += from
		from = c + 1
		e := c
		for e > 0 && s[e-1] == ' ' {
			e--
		}
		b := e
		for b > 0 && isASCIILetter(s[b-1]) && e-b < len(buf) {
			b--
		}
		if e-b < 3 || e-b >= len(buf) {
			continue
		}
		for k := b; k < e; k++ {
			buf[k-b] = s[k] | 0x20
		}
		if pdqLast[string(buf[:e-b])] {
			return true
		}
	}
}

// pdqLabelAt reports a category label at token i ("Hepatic:", "Life
// expectancy:", "PATIENT CHARACTERISTICS:") and returns the index of its
// colon.
func pdqLabelAt(toks []token, i int) (int, bool) {
	if toks[i].kind != kWord || !toks[i].upper {
		return 0, false
	}
	var b strings.Builder
	caps := true
	for k := i; k < len(toks) && k < i+4; k++ {
		t := &toks[k]
		if t.kind == kColon {
			if k == i {
				return 0, false
			}
			// a heading in capitals: "PRIOR CONCURRENT THERAPY:"
			return k, pdqLabels[b.String()] || caps && k-i >= 2
		}
		if t.kind != kWord {
			return 0, false
		}
		caps = caps && t.caps
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return 0, false
}

// statementJoins are the words that continue a statement even when
// written with a capital: "… 1.8 mg/dL OR Creatinine clearance …".
var statementJoins = setOf("or", "and", "plus", "with", "without", "if", "unless", "except", "but", "for", "in",
	"of", "to", "by", "per", "at", "on", "versus", "vs", "than", "as", "either", "nor", "then", "after", "before",
	"within", "from", "including", "i", "e", "eg")

// pdqCut is where a statement of a packed PDQ item starts, and whether a
// category label opens it.
type pdqCut struct {
	pos   int
	label bool
}

// pdqCuts returns where the statements of a packed PDQ item start (after
// the first), appended to cuts; none when the item has no category label.
func pdqCuts(toks []token, cuts []pdqCut) []pdqCut {
	labels := 0
	for i := range toks {
		if _, ok := pdqLabelAt(toks, i); ok {
			labels++
		}
	}
	if labels == 0 {
		return cuts
	}
	boundEnd := false // a value ended right before the token
	labelColon := -1
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		cut := false
		if c, ok := pdqLabelAt(toks, i); ok {
			if i > 0 {
				cuts = append(cuts, pdqCut{pos: int(t.start), label: true})
			}
			i, labelColon = c, c
			boundEnd = false
			continue
		}
		if i > 0 && t.kind == kWord && t.upper && !statementJoins[t.text] {
			prev := &toks[i-1]
			switch {
			case prev.kind == kColon && i-1 != labelColon:
				// "… one of the following conditions: Over 55 years of age"
				cut = true
			case boundEnd:
				// "… at least 1,500/mm^3 Platelet count …"
				cut = true
			case t.text == "no" || t.text == "not" || t.text == "none":
				// "… Bilirubin normal No hepatitis …"
				cut = !(prev.kind == kWord && statementJoins[prev.text])
			case prev.kind == kWord && !prev.upper && !statementJoins[prev.text] && !mentionModifiers[prev.text]:
				// "… No severe cardiac disease LVEF at least 45%": a subject
				// named with a capital after a word of the statement before
				if m, ok := matchMention(toks, i); ok && m.kind != mkGeneric {
					if _, inPrev := matchMention(toks, i-1); !inPrev && !prevInMention(toks, i) {
						cut = true
					}
				}
			}
		}
		if cut {
			cuts = append(cuts, pdqCut{pos: int(t.start)})
		}
		boundEnd = false
		if mayStartBound(t) {
			if b, ok := boundAt(toks, i); ok && b.end > i {
				i = b.end - 1
				boundEnd = true
			}
		}
	}
	return cuts
}

// mentionModifiers qualify the subject after them: "Creatinine clearance or
// radioisotope GFR at least 70 mL/min" is one statement.
var mentionModifiers = setOf("radioisotope", "radionuclide", "isotopic", "nuclear", "measured", "calculated",
	"estimated", "serum", "total", "absolute", "plasma", "blood", "recommended", "a", "an", "the")

// prevInMention reports a mention that runs from before token i into it or
// up to it: "performance status ECOG" is one subject.
func prevInMention(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if m, ok := matchMention(toks, k); ok && m.end >= i {
			return true
		}
	}
	return false
}

// riskWords make a "one of the following" lead-in a list of the ways a
// patient qualifies ("one of the following conditions that confer an
// increased risk: Over 55 years of age, AST > 2.5 × ULN, …"): each value
// holds only for those who qualify by it, and may lie on either side.
var riskWords = setOf("risk", "risks", "factor", "factors", "feature", "features", "conditions", "characteristics",
	// "NHL of one of the following histologies:" — a value under it defines a subtype
	"histologies", "histology", "subtypes", "diagnoses")

// routesLead reports a lead-in asking for one of the criteria under it
// to be eligible ("To be eligible a patient MUST meet at least one of the
// next 4 criteria"): each
// child is one route into the trial, none everyone's (the labellers of
// DEV3, DEV11, DEV12 read them so).
func routesLead(toks []token) bool {
	if !hasPhrase(toks, oneOfLead) && !oneOfNumbered(toks) {
		return false
	}
	// the lead speaks of eligibility itself: "Adequate renal function,
	// defined as meeting any 1 of the following criteria:" lists
	// alternative values of one organ (SPEC 4.8: the first everyone's)
	crit, elig := false, false
	for i := range toks {
		switch {
		case wordAt(toks, i, "criteria", "criterion", "routes", "ways"):
			crit = true
		case wordAt(toks, i, "eligible", "eligibility", "qualify", "enrolled", "enrollment", "enrolment", "entry"):
			elig = true
		case wordAt(toks, i, "function", "adequate"):
			return false
		}
	}
	return crit && elig
}

// opensRiskList reports a statement introducing such a list: a
// "one of the following" phrase, a risk word, and a colon at the end.
func opensRiskList(toks []token) bool {
	if len(toks) == 0 || toks[len(toks)-1].kind != kColon || !hasPhrase(toks, oneOfLead) && !oneOfNumbered(toks) {
		return false
	}
	for i := range toks {
		if toks[i].kind == kWord && riskWords[toks[i].text] {
			return true
		}
	}
	return false
}
