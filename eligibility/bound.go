package eligibility

// A bound is a comparison read from the text — "≥ 1.5 × 10^9/L",
// "less than 2 times ULN", "0-1", "between 18 and 75 years", "of 3,000 or
// more" — before it is tied to a variable. Its numbers stay in the unit
// they were written in; convert turns them into the canonical one.

type bound struct {
	start, end int  // token range
	fromRow    bool // a table row's value (parser.rowValue): the subject's, for the row's band
	rowOf      int  // for a row that names its subject itself (parser.inlineRows): 1 + that group
	hasLo      bool
	hasHi      bool
	loInc      bool
	hiInc      bool
	lo, hi     float64
	loAlt      float64 // a second reading of lo ("100.000" = 100000), 0 if none
	hiAlt      float64
	loUnit     string
	hiUnit     string
	written    op   // the sign as written, for a one-sided bound
	isRange    bool // a range or a list of values ("0-1", "0 or 1")
	ageHint    bool // "older than", "years of age", "or older"
	uln        bool // "≤ ULN" with no number
	// letter classes (Child-Pugh, BCLC) are read by the mention parsers
	stages    uint8 // BCLC: bit 0 = "0", 1 = A … 4 = D
	isStages  bool
	consumed  bool
	discarded bool
	other     bool // claimed by a quantity outside the list ("shortening fraction ≥ 28%")
	allowedIf bool // a single grade allowed for a subgroup ("ECOG 2 allowed if …"): kept only conditional
	scaleOf   int  // a scale bound: 1 + the index of the group it was read after
	// a bare restatement in another unit right after: "≥ 6.2 mmol/L (10 g/dL)"
	restated     float64
	restatedUnit string
	// one value of "X and Y ≥ a and b, respectively": 1 + the group, and the
	// part of it the value is for
	respOf   int
	respVars varMask
}

// phrase tables: sequences of lower-case words
type phrase struct {
	words []string
	op    op
	age   bool
}

func phrases(op op, age bool, ps ...string) []phrase {
	out := make([]phrase, 0, len(ps))
	for _, p := range ps {
		out = append(out, phrase{words: splitWords(p), op: op, age: age})
	}
	return out
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// comparator phrases, longest first within each first word
var compPhrases = func() map[string][]phrase {
	var all []phrase
	all = append(all, phrases(opGE, false,
		"greater than or equal to", "greater than or equal", "greater or equal to", "greater or equal than",
		"greater than equal to", "greater equal to", "greater or equal", "more than or equal to", "more or equal to",
		"higher than or equal to", "higher or equal to", "higher or equal than", "larger than or equal to",
		"equal to or greater than", "equal or greater than", "equal to or more than", "equal or more than",
		"equal to or higher than", "equal or higher than", "equal to or above", "equal or above",
		"equal or superior to", "equal to or larger than", "superior or equal to", "at least", "a minimum of",
		"minimum of", "minimum", "min", "no less than", "not less than", "no lower than", "not lower than",
		"not below", "not under", "no fewer than", "not fewer than", "no smaller than", "not smaller than",
		"no shorter than", "not shorter than")...)
	// "than" lost: "greater the upper limit of normal" (SPEC 4.14)
	all = append(all, phrases(opGT, false, "greater the", "higher the", "more the")...)
	all = append(all, phrases(opLT, false, "less the", "lower the")...)
	all = append(all, phrases(opGT, false,
		"greater than", "more than", "higher than", "larger than", "bigger than", "superior to", "above", "over",
		"exceeding", "exceeds", "exceed", "exceeded", "in excess of", "not equal or less than", "longer than")...)
	all = append(all, phrases(opGT, true, "older than")...)
	all = append(all, phrases(opLE, false,
		"less than or equal to", "less than or equal", "less or equal to", "less or equal than", "less than equal to",
		"lower than or equal to", "lower or equal to", "lower or equal than", "smaller than or equal to",
		"smaller or equal to", "equal to or less than", "equal or less than", "equal to or lower than",
		"equal or lower than", "equal to or below", "equal or below", "equal to or under", "equal or inferior to",
		"equal to or smaller than", "inferior or equal to", "at most", "up to", "a maximum of", "maximum of",
		"maximum", "max", "no more than", "not more than", "no greater than", "not greater than", "no higher than",
		"not higher than", "not exceeding", "not to exceed", "not exceed", "does not exceed", "do not exceed",
		"must not exceed", "should not exceed", "shall not exceed", "cannot exceed", "will not exceed",
		"may not exceed", "not above", "not over", "no larger than", "not larger than", "within")...)
	all = append(all, phrases(opLT, false,
		"less than", "lower than", "smaller than", "fewer than", "inferior to", "below", "under", "shorter than")...)
	all = append(all, phrases(opLT, true, "younger than")...)
	m := map[string][]phrase{}
	for _, p := range all {
		m[p.words[0]] = append(m[p.words[0]], p)
	}
	for k, ps := range m { // longest first
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		m[k] = ps
	}
	return m
}()

var postfixPhrases = func() map[string][]phrase {
	var all []phrase
	all = append(all, phrases(opGE, false, "or more", "or greater", "or higher", "or above", "or over",
		"and above", "and over", "and higher", "and greater", "or larger", "or beyond", "and beyond", "or bigger",
		"at least", "minimum", "or more than", "and more", "or superior", "or longer", "and longer")...)
	all = append(all, phrases(opGE, true, "or older", "and older", "years or older", "years and older")...)
	all = append(all, phrases(opLE, false, "or less", "or lower", "or below", "or fewer", "or under", "and below",
		"and under", "and less", "or smaller", "at most", "maximum", "or lesser", "or inferior")...)
	all = append(all, phrases(opLE, true, "or younger", "and younger")...)
	m := map[string][]phrase{}
	for _, p := range all {
		m[p.words[0]] = append(m[p.words[0]], p)
	}
	return m
}()

// matchPhrase finds the longest comparison phrase starting at token i:
// a postfix one ("or more") when post is set.
func matchPhrase(toks []token, i int, post bool) (phrase, int, bool) {
	if i >= len(toks) || toks[i].kind != kWord || toks[i].w == nil {
		return phrase{}, i, false
	}
	table := toks[i].w.comp
	if post {
		table = toks[i].w.post
	}
	for _, p := range table {
		j := i
		ok := true
		for _, w := range p.words {
			// "greater-than" and "greater than" alike
			for j < len(toks) && toks[j].kind == kDash && j > i {
				j++
			}
			if j >= len(toks) || toks[j].kind != kWord || toks[j].text != w {
				ok = false
				break
			}
			j++
		}
		if ok {
			return p, j, true
		}
	}
	return phrase{}, i, false
}

func invert(o op) op {
	switch o {
	case opLT:
		return opGE
	case opLE:
		return opGT
	case opGT:
		return opLE
	case opGE:
		return opLT
	}
	return o
}

// comparator reads a comparison sign or phrase at token i and returns it
// with the index after it. "=" alone is no comparison.
func comparator(toks []token, i int) (op, int, bool) {
	if i >= len(toks) {
		return opNone, i, false
	}
	t := &toks[i]
	if t.kind == kOp {
		var lt, gt, eq bool
		j := i
		for j < len(toks) {
			switch {
			case toks[j].kind == kOp:
				switch toks[j].op {
				case opLT:
					lt = true
				case opGT:
					gt = true
				case opEQ:
					eq = true
				case opLE:
					lt, eq = true, true
				case opGE:
					gt, eq = true, true
				}
				j++
				continue
			case (toks[j].kind == kSlash || toks[j].kind == kWord && toks[j].text == "or") &&
				j+1 < len(toks) && toks[j+1].kind == kOp && j > i:
				j++
				continue
			}
			break
		}
		if lt && gt || !lt && !gt {
			return opNone, i, false
		}
		o := opLT
		switch {
		case lt && eq:
			o = opLE
		case gt && eq:
			o = opGE
		case gt:
			o = opGT
		}
		return o, skipRepeatedSign(toks, j), true
	}
	if t.kind != kWord {
		return opNone, i, false
	}
	neg := false
	j := i
	if (t.text == "not" || t.text == "no" || t.text == "never") && i+1 < len(toks) {
		if p, k, ok := matchPhrase(toks, i, false); ok {
			return p.op, skipRepeatedSign(toks, k), true
		}
		neg = true
		j = i + 1
	}
	p, k, ok := matchPhrase(toks, j, false)
	if !ok {
		return opNone, i, false
	}
	o := p.op
	if neg {
		o = invert(o)
	}
	// "max. 1.5 mg/dl", "min. 100,000/µl": the abbreviation's full stop
	if k < len(toks) && toks[k].kind == kOther && toks[k].end-toks[k].start == 1 && wordAt(toks, k-1, "max", "min") &&
		kindAt(toks, k+1, kNum) {
		k++
	}
	return o, skipRepeatedSign(toks, k), true
}

// skipRepeatedSign skips a sign that restates a worded comparison: "less
// than (<) 40", "greater than or equal to (≥)", and a "=" or "to" left over.
func skipRepeatedSign(toks []token, j int) int {
	if j+2 < len(toks) && toks[j].kind == kLParen {
		k := j + 1
		for k < len(toks) && (toks[k].kind == kOp || toks[k].kind == kSlash) {
			k++
		}
		if k > j+1 && k < len(toks) && toks[k].kind == kRParen {
			return k + 1
		}
	}
	if j < len(toks) && toks[j].kind == kOp && toks[j].op == opEQ {
		j++
	}
	// ">or = to 18 years", ">= to 18": the sign read aloud, "to" and all
	if j > 0 && toks[j-1].kind == kOp && wordAt(toks, j, "to") && kindAt(toks, j+1, kNum) {
		return j + 1
	}
	return j
}

// number reads the number at token j: "1.5", "1,500", "100 000/mm³",
// "1,5" (a European decimal, when euro is set). alt is a second reading of
// "100.000" (thousands written with a dot), or 0.
func number(toks []token, j int, euro bool) (v, alt float64, end int, ok bool) {
	if j >= len(toks) || toks[j].kind != kNum {
		return 0, 0, j, false
	}
	t := &toks[j]
	v = t.val
	end = j + 1
	if euro && t.decimals < 0 && !t.grouped && t.intLen <= 3 && end+1 < len(toks) &&
		toks[end].kind == kComma && toks[end].glued && toks[end+1].kind == kNum && toks[end+1].glued &&
		toks[end+1].decimals < 0 && toks[end+1].intLen <= 2 {
		d := toks[end+1]
		scale := 1.0
		for k := 0; k < int(d.intLen); k++ {
			scale *= 10
		}
		return v + d.val/scale, 0, end + 2, true
	}
	if t.decimals < 0 && !t.grouped && t.intLen <= 3 && end+1 < len(toks) && toks[end].kind == kNum &&
		!toks[end].glued && toks[end].intLen == 3 && toks[end].decimals < 0 && !toks[end].grouped &&
		startsCellUnit(toks, end+1) {
		return v*1000 + toks[end].val, 0, end + 1, true
	}
	if t.decimals == 3 && t.intLen <= 3 {
		alt = v * 1000
	}
	return v, alt, end, true
}

func startsCellUnit(toks []token, j int) bool {
	if j >= len(toks) {
		return false
	}
	t := &toks[j]
	return t.kind == kSlash || t.kind == kWord && (t.text == "per" || t.text == "cells" || t.text == "cell")
}

func wordAt(toks []token, j int, ws ...string) bool {
	if j < 0 || j >= len(toks) || toks[j].kind != kWord {
		return false
	}
	for _, w := range ws {
		if toks[j].text == w {
			return true
		}
	}
	return false
}

func kindAt(toks []token, j int, k kind) bool { return j >= 0 && j < len(toks) && toks[j].kind == k }

// ulnPhrase reads "ULN", "upper limit of (the institutional) normal
// (range)", "upper normal limit", "institutional ULN" … at token j; after
// a multiplication sign "institutional norm" and "normal" count too.
func ulnPhrase(toks []token, j int, afterTimes bool) (int, bool) {
	k := j
	for n := 0; n < 2 && wordAt(toks, k, "the"); n++ {
		k++ // "1.5×the the upper limit of normal"
	}
	qualified := false
	// "1.5 x age-adjusted upper limit of normal", "× the age-appropriate ULN"
	if wordAt(toks, k, "age") {
		m := k + 1
		if kindAt(toks, m, kDash) {
			m++
		}
		if wordAt(toks, m, "adjusted", "appropriate", "specific", "related", "corrected") {
			k = m + 1
		}
	}
	for wordAt(toks, k, "institutional", "institution", "institutions", "local", "site", "laboratory", "lab", "reference",
		"hospital", "center", "centre") {
		k++
		qualified = true
		if kindAt(toks, k, kApos) && wordAt(toks, k+1, "s") && wordAt(toks, k-1, "institution", "laboratory", "lab", "site",
			"hospital", "center", "centre") {
			k += 2 // "1.5 x institution's ULN", "3 x the laboratory's upper limit of normal"
		}
	}
	// "ULRR": upper limit of the reference range; "IULN": institutional ULN;
	// "LSN", "LNS", "× N": the French "limite supérieure de la normale",
	// "limite normale supérieure"
	// ("≤ 2,5 N" without the ×, as the French records write it, when no
	// word follows that would make N part of something else)
	if wordAt(toks, k, "uln", "ulns", "ulm", "ulrr", "iuln", "ulr", "lsn", "lns", "unl") ||
		k == j && wordAt(toks, k, "n") && toks[k].upper && (afterTimes || !kindAt(toks, k+1, kNum) &&
			(!kindAt(toks, k+1, kWord) || wordAt(toks, k+1, "if", "in", "for", "or", "and", "except", "unless", "with", "en", "si", "ou", "et", "chez"))) {
		return skipULNTail(toks, k+1), true
	}
	// "2.5 maximum normal level", "3 times the maximum normal value": the
	// upper limit of normal in other words
	if wordAt(toks, k, "maximum", "maximal") && wordAt(toks, k+1, "normal") && wordAt(toks, k+2, "level", "limit", "value") {
		return skipULNTail(toks, k+3), true
	}
	if wordAt(toks, k, "upper") {
		m := k + 1
		for wordAt(toks, m, "limit", "limits", "limitation", "level", "of", "the", "institutional", "institution", "normal", "norm",
			"normality", "range", "value", "values", "reference", "lab", "laboratory", "boundary", "site", "local") ||
			kindAt(toks, m, kApos) && wordAt(toks, m+1, "s") && wordAt(toks, m-1, "laboratory", "lab", "institution", "site") {
			if kindAt(toks, m, kApos) {
				m++ // "the laboratory's normal range"
			}
			m++
		}
		if m > k+1 {
			// it must name normality: "upper limit of normal", "upper normal limit"
			for q := k + 1; q < m; q++ {
				if wordAt(toks, q, "normal", "norm", "normality", "reference") {
					return skipULNTail(toks, m), true
				}
			}
			// "Transaminase ≤ 3 x upper limit" at the end of its clause:
			// after a multiplier, no other upper limit is meant
			if afterTimes && m == k+2 && wordAt(toks, k+1, "limit") && (m == len(toks) || kindAt(toks, m, kComma) ||
				kindAt(toks, m, kSemi) || kindAt(toks, m, kPeriod) || kindAt(toks, m, kRParen)) {
				return m, true
			}
		}
		return j, false
	}
	if wordAt(toks, k, "normal") && wordAt(toks, k+1, "upper") && wordAt(toks, k+2, "limit", "limits", "value") {
		return skipULNTail(toks, k+3), true
	}
	if (afterTimes || qualified) && wordAt(toks, k, "norm", "normal") {
		m := k + 1
		if wordAt(toks, m, "value", "values", "limit", "range") {
			m++
		}
		if afterTimes || qualified {
			return skipULNTail(toks, m), true
		}
	}
	return j, false
}

// skipULNTail consumes "(ULN)" and "for the institution" after a ULN phrase.
func skipULNTail(toks []token, k int) int {
	if kindAt(toks, k, kLParen) && wordAt(toks, k+1, "uln", "ulrr", "iuln", "lns", "unl") && kindAt(toks, k+2, kRParen) {
		k += 3
	}
	return forInstitution(toks, k)
}

// isTimes reports a multiplication sign at j: ×, *, "x", "X", "times".
func isTimes(toks []token, j int) bool {
	if j >= len(toks) {
		return false
	}
	t := &toks[j]
	return t.kind == kTimes || t.kind == kWord && (t.text == "x" || t.text == "times" || t.text == "fold" || t.text == "folds")
}

// unit reads the unit after a number at token j. It returns ruNone (and j)
// when none follows, ruForeign for the unit of some other quantity.
func unit(toks []token, j int) (string, int) {
	if j >= len(toks) {
		return ruNone, j
	}
	t := &toks[j]
	// "1.5-fold ULN", "18-year-old"
	if t.kind == kDash && t.glued && j+1 < len(toks) && toks[j+1].glued &&
		wordAt(toks, j+1, "fold", "year", "years", "month", "months", "week", "weeks") {
		return unit(toks, j+1)
	}
	if isTimes(toks, j) {
		k := j + 1
		if wordAt(toks, j, "fold") && wordAt(toks, k, "the") {
			k++
		}
		// "≤ 3 times of ULN", "lower than 3 folds of normal range"
		if wordAt(toks, j, "times", "fold", "folds") && wordAt(toks, k, "of") && !wordAt(toks, k+1, "baseline") {
			k++
		}
		if wordAt(toks, j, "x") && kindAt(toks, k, kApos) && wordAt(toks, k+1, "s") {
			k += 2 // "2.5x's the ULN"
		}
		if wordAt(toks, k, "above", "over") {
			// "< 2.5 times above the upper limits of the institutional
			// normal": the multiple of the limit, loosely worded
			if e, ok := ulnPhrase(toks, k+1, true); ok {
				return ruXULN, e
			}
		}
		if e, ok := ulnPhrase(toks, k, true); ok {
			return ruXULN, e
		}
		if u, e, ok := cellUnit(toks, k, true); ok {
			return u, e
		}
		return ruNone, j
	}
	if t.kind == kWord && (t.text == "xuln" || t.text == "xunl") { // "2.5xUNL": the UNL spelling glued too
		return ruXULN, skipULNTail(toks, j+1)
	}
	// "TB≤1.5(UNL)": the ULN in brackets right after the number
	if t.kind == kLParen && t.glued && wordAt(toks, j+1, "uln", "unl") && kindAt(toks, j+2, kRParen) {
		return ruXULN, j + 3
	}
	// "less than twice normal": "twice" is already two times
	if e, ok := ulnPhrase(toks, j, j > 0 && (toks[j-1].text == "twice" || toks[j-1].text == "thrice")); ok {
		return ruXULN, e
	}
	if u, e, ok := cellUnit(toks, j, false); ok {
		return u, e
	}
	switch t.kind {
	case kPercent:
		return ruPercent, j + 1
	case kSlash:
		// "0-1 / ECOG 2-3", "ECOG 0-1/KPS ≥ 70": a slash before a spaced word
		// or another variable joins two statements; glued to a word it
		// writes some other unit ("mg/kg")
		if j+1 >= len(toks) || !toks[j+1].glued {
			return ruNone, j
		}
		if _, ok := matchMention(toks, j+1); ok {
			return ruNone, j
		}
		return ruForeign, j + 1
	case kWord:
	default:
		return ruNone, j
	}
	w := t.text
	switch w {
	case "percent", "pct":
		return ruPercent, j + 1
	case "per":
		if wordAt(toks, j+1, "cent") {
			return ruPercent, j + 2
		}
		return ruForeign, j + 1
	case "g", "gm", "gr", "gram", "grams", "gms":
		if kindAt(toks, j+1, kPercent) {
			return ruGdL, j + 2
		}
		// "8.0 grams (g)/deciliter (dL)": each word spelt out, then abbreviated
		if (t.text == "grams" || t.text == "gram") && abbrevAt(toks, j+1, "g") {
			if d, e, ok := per(toks, j+4); ok && d == "dl" && abbrevAt(toks, e, "dl") {
				return ruGdL, e + 3
			}
		}
		if d, e, ok := per(toks, j+1); ok {
			switch d {
			case "dl", "100ml":
				return ruGdL, e
			case "l":
				return ruGL, e
			}
		}
		return ruForeign, j + 1
	case "mg", "mgs":
		if kindAt(toks, j+1, kPercent) {
			return ruMgdL, j + 2
		}
		if d, e, ok := per(toks, j+1); ok {
			switch d {
			case "dl", "100ml":
				return ruMgdL, e
			case "l":
				return ruMgL, e
			case "ml":
				return ruMgmL, e
			}
		}
		return ruForeign, j + 1
	case "mmol":
		if d, e, ok := per(toks, j+1); ok && d == "l" {
			return ruMmolL, e
		}
		return ruForeign, j + 1
	case "umol", "micromol", "mcmol", "micromole", "micromoles", "umole", "umul", "mumol":
		if d, e, ok := per(toks, j+1); ok && d == "l" {
			return ruUmolL, e
		}
		return ruForeign, j + 1
	case "um":
		// "serum creatinine level <150µM": micromolar is µmol/L (only a
		// creatinine or bilirubin is read in it)
		if !kindAt(toks, j+1, kSlash) && !wordAt(toks, j+1, "per") {
			return ruUmolL, j + 1
		}
		return ruForeign, j + 1
	case "u", "iu", "units", "unit", "ui":
		if d, e, ok := per(toks, j+1); ok && d == "l" {
			return ruUL, e
		}
		return ruForeign, j + 1
	case "ml", "milliliter", "milliliters", "millilitre", "millilitres", "cc", "mls":
		if d, e, ok := per(toks, j+1); ok && (d == "min" || d == "s") {
			e2, bsa := perBSA(toks, e)
			switch {
			case d == "s" && bsa:
				return ruMLs173, e2
			case d == "s":
				return ruMLs, e
			case bsa:
				return ruMLmin173, e2
			}
			// "(mL/min)" restating "milliliter per minute"
			return ruMLmin, e
		}
		return ruForeign, j + 1
	case "week", "weeks", "wk", "wks", "wk.", "semaines":
		return ruWeeks, j + 1
	case "month", "months", "mo", "mos", "mth", "mths", "mon", "mois":
		return ruMonths, j + 1
	case "year", "years", "yr", "yrs", "yo", "ans":
		// "ans", "mois", "semaines": the French records' years, months, weeks
		return ruYears, j + 1
	case "y":
		if kindAt(toks, j+1, kSlash) && wordAt(toks, j+2, "o") {
			return ruYears, j + 3 // "18 y/o"
		}
		if t.glued {
			return ruYears, j + 1
		}
	case "day", "days":
		return ruDays, j + 1
	case "d":
		if t.glued {
			return ruDays, j + 1
		}
	case "hour", "hours", "hr", "hrs", "h":
		return ruHours, j + 1
	case "ms", "msec", "msecs", "millisecond", "milliseconds", "mseconds":
		return ruMs, j + 1
	case "milli":
		if wordAt(toks, j+1, "seconds", "second") {
			return ruMs, j + 2
		}
	case "s", "sec", "secs", "second", "seconds":
		return ruSeconds, j + 1
	case "point", "points", "pts":
		return ruPoints, j + 1
	case "kg", "mmhg", "bpm", "mm", "cm", "gy", "cgy", "ng", "mcg", "ug", "pg", "copies", "cps", "lines",
		"cycles", "doses", "meq", "mol", "mu", "mui", "mcl", "ul", "l", "cells", "cell", "nmol", "pmol",
		"fl", "mcmol/l", "beats", "breaths", "mg/m", "kpa", "cmh", "lb", "lbs", "inches", "liters", "litres",
		"mosm", "iu/ml", "log", "logs", "seconds/", "grade", "x":
		return ruForeign, j + 1
	}
	return ruNone, j
}

// per reads "/ DENOMINATOR" or "per DENOMINATOR" at j and names the
// denominator: "dl", "100ml", "l", "min", "ul", "mm3", "ml", "nl", or "" .
func per(toks []token, j int) (string, int, bool) {
	if !(kindAt(toks, j, kSlash) || wordAt(toks, j, "per")) {
		return perInverse(toks, j)
	}
	k := j + 1
	if kindAt(toks, k, kNum) && toks[k].val == 100 && wordAt(toks, k+1, "ml") {
		return "100ml", k + 2, true
	}
	if kindAt(toks, k, kSup) && toks[k].text == "3" {
		// "leukocytes <2500/³": the "mm" of "/mm³" lost, its cube kept
		return "mm3", k + 1, true
	}
	if k >= len(toks) || toks[k].kind != kWord {
		return "", j, false
	}
	switch toks[k].text {
	case "dl", "deciliter", "decilitre", "deciliters":
		return "dl", k + 1, true
	case "l", "liter", "litre", "liters", "litres", "lt":
		return "l", k + 1, true
	case "min", "minute", "minutes", "mn", "mins":
		return "min", k + 1, true
	case "s", "sec", "second":
		return "s", k + 1, true
	case "ul", "mcl", "microliter", "microlitre", "microliters", "microlitres", "ui", "microl":
		return "ul", k + 1, true
	case "u":
		// "ANC >/= 1500 cells/µ b) …" (DEV44 NCT03175432): the litre lost
		// after the micro sign; only after "cells", where no unit is meant
		if k >= 2 && wordAt(toks, k-2, "cells", "cell") && (k+1 == len(toks) || !toks[k+1].glued) {
			return "ul", k + 1, true
		}
	case "mm", "cmm", "cumm", "cubicmillimeter", "cubicmillimetre", "cubicmillimeters":
		if toks[k].text == "mm" {
			return "mm3", skipCube(toks, k+1), true
		}
		return "mm3", k + 1, true
	case "cu", "cubic":
		// "per cubic milliliter (/mm^3)": a millilitre is no length to cube,
		// the millimetre is meant
		if wordAt(toks, k+1, "mm", "millimeter", "millimetre", "millimeters", "milliliter", "millilitre", "milliliters") {
			return "mm3", k + 2, true
		}
	case "ml", "milliliter", "millilitre":
		return "ml", k + 1, true
	case "nl", "nanoliter", "nanolitre":
		return "nl", k + 1, true
	}
	return "", j, false
}

// perInverse reads a denominator written as a negative power at j, the SI
// way: "µmol.L-1", "g.dL-1", "× 10^9.L-1", "× 10^9 L-1" (European records).
func perInverse(toks []token, j int) (string, int, bool) {
	k := j
	if (kindAt(toks, k, kPeriod) || kindAt(toks, k, kOther) && toks[k].end-toks[k].start <= 2) && toks[k].glued {
		k++ // "." or "·" between the units
	}
	if k >= len(toks) || toks[k].kind != kWord || !kindAt(toks, k+1, kDash) || !toks[k+1].glued ||
		!kindAt(toks, k+2, kNum) || !toks[k+2].glued || toks[k+2].text != "1" {
		return "", j, false
	}
	switch toks[k].text {
	case "l":
		return "l", k + 3, true
	case "dl":
		return "dl", k + 3, true
	case "ml":
		return "ml", k + 3, true
	case "min":
		return "min", k + 3, true
	}
	return "", j, false
}

// abbrevAt reports a bracketed abbreviation w at j: "(g)", "(dL)".
func abbrevAt(toks []token, j int, w string) bool {
	return kindAt(toks, j, kLParen) && wordAt(toks, j+1, w) && kindAt(toks, j+2, kRParen)
}

func skipCube(toks []token, k int) int {
	switch {
	case kindAt(toks, k, kNum) && toks[k].glued && toks[k].text == "3":
		return k + 1
	case kindAt(toks, k, kSup) && toks[k].text == "3":
		return k + 1
	case kindAt(toks, k, kCaret) && kindAt(toks, k+1, kNum) && toks[k+1].text == "3":
		return k + 2
	}
	return k
}

// perBSA reads "/1.73 m²", "per 1.73 m2", "/1,73m2" at j.
func perBSA(toks []token, j int) (int, bool) {
	if !(kindAt(toks, j, kSlash) || wordAt(toks, j, "per")) {
		return j, false
	}
	k := j + 1
	switch {
	case kindAt(toks, k, kNum) && toks[k].text == "1.73":
		k++
	case kindAt(toks, k, kNum) && toks[k].text == "1" && kindAt(toks, k+1, kComma) && kindAt(toks, k+2, kNum) && toks[k+2].text == "73":
		k += 3
	default:
		return j, false
	}
	switch {
	case wordAt(toks, k, "m2", "sqm"):
		return k + 1, true
	case wordAt(toks, k, "m"):
		k++
		switch {
		case kindAt(toks, k, kSup) || kindAt(toks, k, kNum) && toks[k].text == "2":
			return k + 1, true
		case kindAt(toks, k, kCaret) && kindAt(toks, k+1, kNum):
			return k + 2, true
		}
		return k, true
	case wordAt(toks, k, "square"):
		if wordAt(toks, k+1, "meter", "meters", "metre", "metres") {
			return k + 2, true
		}
	}
	return k, true
}

// cellUnit reads a cell-count unit at j: "10^9/L", "10⁹/L", "10E9/L",
// "109/L" (a superscript lost), "10^3/µL", "K/µL", "/mm³", "cells/µL",
// "per cu mm", "G/L", "/nL". afterTimes says a × came first.
func cellUnit(toks []token, j int, afterTimes bool) (string, int, bool) {
	k := j
	exp := 0
	if kindAt(toks, k, kNum) && toks[k].decimals < 0 {
		switch {
		case toks[k].text == "10":
			m := k + 1
			switch {
			case kindAt(toks, m, kSup) && toks[m].glued:
				exp = atoiSmall(toks[m].text)
				m++
			case kindAt(toks, m, kCaret) && kindAt(toks, m+1, kNum):
				exp = int(toks[m+1].val)
				m += 2
			case kindAt(toks, m, kCaret) && kindAt(toks, m+1, kSup):
				exp = atoiSmall(toks[m+1].text)
				m += 2
			case wordAt(toks, m, "e", "exp") && kindAt(toks, m+1, kNum):
				exp = int(toks[m+1].val)
				m += 2
			case kindAt(toks, m, kTimes) && kindAt(toks, m+1, kTimes) && kindAt(toks, m+2, kNum):
				exp = int(toks[m+2].val)
				m += 3
			case kindAt(toks, m, kTimes) && kindAt(toks, m+1, kNum):
				exp = int(toks[m+1].val)
				m += 2
			case kindAt(toks, m, kLParen) && kindAt(toks, m+1, kNum) && kindAt(toks, m+2, kRParen):
				exp = int(toks[m+1].val)
				m += 3
			case kindAt(toks, m, kNum) && !toks[m].glued && toks[m].intLen == 1 && (toks[m].text == "9" || toks[m].text == "3"):
				exp = int(toks[m].val) // "x 10 9/L"
				m++
			}
			if exp == 0 {
				return "", j, false
			}
			k = m
		case afterTimes && (toks[k].text == "109" || toks[k].text == "103" || toks[k].text == "104"):
			exp = int(toks[k].val) - 100
			k++
		case afterTimes && toks[k].text == "1000":
			exp = 3
			k++
		default:
			return "", j, false
		}
	} else if wordAt(toks, k, "k", "thou", "thousand", "thousands") {
		exp = 3
		k++
	} else if wordAt(toks, k, "giga") {
		if d, e, ok := per(toks, k+1); ok && d == "l" {
			return ruCells109, e, true
		}
		return "", j, false
	} else if wordAt(toks, k, "g") && (kindAt(toks, k+1, kSlash)) && wordAt(toks, k+2, "l") && toks[k].upper {
		// "G/L": giga per litre; a lower-case "g/L" is grams (the caller's unit
		// parser reads it), both arrive as ruGL and the variable decides
		return ruGL, k + 3, true
	}
	if wordAt(toks, k, "cells", "cell") {
		k++
	}
	d, e, ok := per(toks, k)
	if !ok && exp == 0 && k == j && wordAt(toks, k, "mm") {
		// "ANC ≥ 1500 mm3" (DEV42 NCT01300299): the slash lost; a cubed
		// millimetre after a count is only ever its denominator
		if c := skipCube(toks, k+1); c > k+1 {
			return ruCellsUL, c, true
		}
	}
	if !ok {
		if exp != 0 {
			return ruForeign, k, true
		}
		return "", j, false
	}
	switch {
	case exp == 9 && d == "l", exp == 3 && (d == "ul" || d == "mm3"), exp == 0 && d == "nl":
		return ruCells109, e, true
	case exp == 9 && (d == "ul" || d == "mm3"):
		// "50x 109 /µL": 10^9/L or 10^3/µL meant, the same number either way
		// (a billion cells per microlitre is no count)
		return ruCells109, e, true
	case exp == 4 && (d == "ul" || d == "mm3"):
		return ruCells104, e, true
	case exp == 0 && (d == "ul" || d == "mm3"):
		return ruCellsUL, e, true
	case exp == 0 && d == "ml" && k > j: // "cells/mL" is not a typo we can read
		return ruForeign, e, true
	case exp == 0 && d == "ml":
		return ruCellsML, e, true
	case exp == 0 && d == "l" && k == j:
		return "", j, false // "/L" alone: leave it to the mass units
	}
	return ruForeign, e, true
}

func atoiSmall(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 3; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// postfix reads "or more", "or less", "and older", "+" … at j.
func postfix(toks []token, j int) (op, int, bool, bool) {
	if kindAt(toks, j, kPlus) && toks[j].glued {
		return opGE, j + 1, false, true
	}
	p, e, ok := matchPhrase(toks, j, true)
	if !ok {
		return opNone, j, false, false
	}
	return p.op, e, p.age, true
}

func setSide(b *bound, o op, v, alt float64, u string) {
	switch o {
	case opGE, opGT:
		b.hasLo, b.lo, b.loAlt, b.loUnit, b.loInc = true, v, alt, u, o == opGE
	case opLE, opLT:
		b.hasHi, b.hi, b.hiAlt, b.hiUnit, b.hiInc = true, v, alt, u, o == opLE
	}
	b.written = o
}

// ageTail reports whether an age phrase follows at j ("of age", "old",
// "years of age") and returns the index after it.
func ageTail(toks []token, j int) (int, bool) {
	k := j
	if wordAt(toks, k, "of") && wordAt(toks, k+1, "age") {
		return k + 2, true
	}
	if kindAt(toks, k, kDash) && wordAt(toks, k+1, "old") {
		return k + 2, true
	}
	if wordAt(toks, k, "old", "aged", "yo") {
		return k + 1, true
	}
	return j, false
}

// boundAt reads a bound starting at token i.
func boundAt(toks []token, i int) (bound, bool) {
	b := bound{start: i}
	if o, j, ok := comparator(toks, i); ok {
		// "over the age of 21", "under age 18", "less than or equal to age 66"
		if wordAt(toks, j, "the") && wordAt(toks, j+1, "age") && wordAt(toks, j+2, "of") {
			j += 3
			b.ageHint = true
		} else if wordAt(toks, j, "age") && kindAt(toks, j+1, kNum) {
			j++
			b.ageHint = true
		}
		// "at least a 12-week life expectancy": an article before a
		// duration written as one word with its unit
		if wordAt(toks, j, "a", "an") && kindAt(toks, j+1, kNum) && kindAt(toks, j+2, kDash) && toks[j+2].glued {
			if u, _ := unit(toks, j+3); isTimeUnit(u) {
				j++
			}
		}
		if e, ok := ulnPhrase(toks, j, false); ok {
			// "Total bilirubin within institutional normal limits": a value
			// within the normal range, no threshold (SPEC 4.16); the same
			// words read "within normal institutional limits" never were one
			// ("Creatinine within ULN", "within the upper limit of normal"
			// name the limit itself: ≤ 1 × ULN)
			if wordAt(toks, i, "within") && !kindAt(toks, e, kTimes) && !wordAt(toks, e, "x") && !namesUpperLimit(toks, j, e) {
				return b, false
			}
			// "≤ upper limit of normal (ULN)*1.5", "≤ ULN x 2.5": the
			// multiple written after the limit
			if kindAt(toks, e, kTimes) || wordAt(toks, e, "x") {
				if v, alt, k, ok := number(toks, e+1, true); ok && v > 0 && v <= 20 && !(kindAt(toks, k, kWord) && unitWord(toks, k)) {
					setSide(&b, o, v, alt, ruXULN)
					b.end = k
					return b, true
				}
			}
			// "< ULN·3", "< ULN Х2": a multiple after the limit behind a
			// sign not read as "times" — the limit alone would be a wrong
			// value
			if e < len(toks) && (toks[e].kind == kNum ||
				(toks[e].kind == kOther || toks[e].kind == kSep || toks[e].kind == kWord && len(toks[e].text) <= 2) && kindAt(toks, e+1, kNum) && toks[e+1].glued) {
				return b, false
			}
			setSide(&b, o, 1, 0, ruXULN)
			b.uln = true
			b.end = e
			return b, true
		}
		v, alt, k, ok := number(toks, j, true)
		if !ok {
			return b, false
		}
		u, k2 := unit(toks, k)
		if u == ruNone || u == ruForeign {
			// "thrombocyte count ≥1011/l": 10^11/L with its superscript
			// lost, 100 × 10^9/L
			if v2, k3, ok := lostPowerOfTen(toks, k-1); ok {
				v, alt, u, k2 = v2, 0, ruCells109, k3
			}
		}
		if isTimeUnit(u) && wordAt(toks, i, "within") {
			return b, false // "within 7 days": when, not how much
		}
		if u == ruNone && wordAt(toks, k2, "consecutive", "occasions", "occasion", "separate", "measurements",
			"readings", "determinations", "assessments", "samples", "tests", "sets") {
			// "INR … on at least two consecutive occasions": how often it
			// is measured, not its value
			return b, false
		}
		setSide(&b, o, v, alt, u)
		b.end = k2
		if u != ruNone && u != ruForeign && kindAt(toks, k2, kLParen) {
			// "> 450 milliseconds (msec) (men)": the unit's abbreviation
			// in brackets is part of the value, so what follows it is
			// what the value is for
			if u2, k3 := unit(toks, k2+1); u2 == u && k3 > k2+1 && kindAt(toks, k3, kRParen) {
				k2 = k3 + 1
				b.end = k2
			}
		}
		if kindAt(toks, k2, kLParen) {
			if v2, _, k3, ok := number(toks, k2+1, true); ok {
				if u2, k4 := unit(toks, k3); u2 != ruNone && u2 != u && kindAt(toks, k4, kRParen) {
					b.restated, b.restatedUnit = v2, u2
				}
			}
		}
		if p, e, age, ok := postfix(toks, k2); ok && p == o {
			b.end = e
			b.ageHint = b.ageHint || age
		}
		if e, ok := ageTail(toks, b.end); ok {
			b.ageHint = true
			b.end = e
		} else if e, ok := restatedAgeTail(toks, k2, u); ok {
			// "< 18 months (< 547 days) of age": the age restated in days
			b.ageHint = true
			b.end = e
		} else if e, ok := restatedTime(toks, k2, u); ok && wordAt(toks, e, "and", "to") {
			// "≥ 6 months (≥ 183 days) and < 18 years": the restatement is
			// passed over so the upper end joins the lower one
			b.end = e
		}
		if age := toks[i].kind == kWord && (toks[i].text == "older" || toks[i].text == "younger"); age {
			b.ageHint = true
		}
		// "≥ 18 years old to 70 years old", "≥ 18 to 75"
		if (o == opGE || o == opGT) && (wordAt(toks, b.end, "to") || kindAt(toks, b.end, kDash)) {
			at, hiInc := b.end+1, true
			// "> 1.5 to <= 3.0 × ULN": the upper end with its own sign
			if o2, k, ok := comparator(toks, at); ok && (o2 == opLT || o2 == opLE) && wordAt(toks, b.end, "to") {
				at, hiInc = k, o2 == opLE
			}
			if v2, alt2, k3, ok := number(toks, at, true); ok && v2 > v {
				u2, k4 := unit(toks, k3)
				if u2 == ruNone {
					u2 = u
				}
				if u == ruNone && u2 != ruNone && u2 != ruForeign {
					b.loUnit = u2
				}
				b.hasHi, b.hi, b.hiAlt, b.hiUnit, b.hiInc = true, v2, alt2, u2, hiInc
				b.end = k4
				if e, ok := ageTail(toks, b.end); ok {
					b.ageHint = true
					b.end = e
				}
			}
		}
		b.age(toks, i)
		return b, true
	}
	j := i
	between := wordAt(toks, i, "between", "from")
	if between {
		j++
		// "between the ages of 18 and 75"
		if wordAt(toks, j, "the") && wordAt(toks, j+1, "ages", "age") && wordAt(toks, j+2, "of") {
			j += 3
			b.ageHint = true
		}
	}
	v, alt, k, ok := number(toks, j, true)
	if !ok {
		return b, false
	}
	if e, ok := timesMoreThanULN(toks, k); ok && !between {
		// "bilirubin 5-folds more than the normal value", "5 times higher
		// than the upper limit of normal" (DEV35 NCT02350400): the
		// multiple, then the comparison
		setSide(&b, opGT, v, alt, ruXULN)
		b.end = e
		return b, true
	}
	u, k2 := unit(toks, k)
	// a range: "0-1", "18 to 75 years", "between 1.5 and 3", "from 18 to 75"
	sep := k2
	if kindAt(toks, sep, kDash) || wordAt(toks, sep, "to", "through", "thru") ||
		between && wordAt(toks, sep, "and") {
		// "6 months to < 18 years": the upper end may carry its own sign
		hiInc := true
		at := sep + 1
		if o, k, ok := comparator(toks, at); ok && (o == opLT || o == opLE) && wordAt(toks, sep, "to") {
			hiInc, at = o == opLE, k
		}
		if v2, alt2, k3, ok := number(toks, at, true); ok {
			// "between 2 and 18, inclusive, years of age"
			inclusive := kindAt(toks, k3, kComma) && wordAt(toks, k3+1, "inclusive") && kindAt(toks, k3+2, kComma)
			if inclusive {
				k3 += 3
			}
			u2, k4 := unit(toks, k3)
			// "Karnofsky 100-70": the scale written from its top down
			if v == 100 && v2 < v && v2 >= 10 && kindAt(toks, sep, kDash) && (u == ruNone || u == ruPercent) && (u2 == ruNone || u2 == ruPercent) {
				v, v2, alt, alt2 = v2, v, 0, 0
			}
			if u2 == ruNone {
				u2 = u
			}
			if u == ruNone {
				u = u2
			}
			if v2 >= v || u != u2 {
				b.hasLo, b.lo, b.loAlt, b.loUnit, b.loInc = true, v, alt, u, true
				b.hasHi, b.hi, b.hiAlt, b.hiUnit, b.hiInc = true, v2, alt2, u2, hiInc
				b.isRange = true
				b.end = k4
				if wordAt(toks, b.end, "inclusive") {
					b.end++
				}
				if e, ok := ageTail(toks, b.end); ok {
					b.ageHint = true
					b.end = e
				}
				return b, true
			}
		}
		return b, false
	}
	if between {
		return b, false
	}
	if p, e, age, ok := postfix(toks, k2); ok {
		setSide(&b, p, v, alt, u)
		b.end = e
		b.ageHint = age
		if e2, ok := ageTail(toks, b.end); ok {
			b.ageHint = true
			b.end = e2
		}
		// "18 years of age or older"
		return b, true
	}
	// "18 years of age or older": the postfix after the age phrase
	if e, ok := ageTail(toks, k2); ok {
		if p, e2, _, ok := postfix(toks, e); ok {
			setSide(&b, p, v, alt, u)
			b.end = e2
			b.ageHint = true
			return b, true
		}
	}
	return b, false
}

// lostPowerOfTen reads a count written as a bare power of ten per litre
// whose superscript was lost, at the number token n: "1011/l" is 10^11/L.
// It returns the value in 10^9/L and the end.
func lostPowerOfTen(toks []token, n int) (float64, int, bool) {
	if n < 0 || toks[n].kind != kNum || !kindAt(toks, n+1, kSlash) || !wordAt(toks, n+2, "l") {
		return 0, 0, false
	}
	if kindAt(toks, n-1, kTimes) || wordAt(toks, n-1, "x") {
		return 0, 0, false // "× 109/L" is read as a unit
	}
	switch toks[n].text {
	case "1010":
		return 10, n + 3, true
	case "1011":
		return 100, n + 3, true
	case "1012":
		return 1000, n + 3, true
	}
	return 0, 0, false
}

// restatedAgeTail reads, at k after a time, the same time restated in
// another unit in brackets and then an age phrase: "(< 547 days) of age".
func restatedAgeTail(toks []token, k int, u string) (int, bool) {
	e, ok := restatedTime(toks, k, u)
	if !ok {
		return 0, false
	}
	return ageTail(toks, e)
}

// restatedTime reads, at k after a time, the same time restated in another
// unit in brackets ("(< 547 days)"), and returns the index after them.
func restatedTime(toks []token, k int, u string) (int, bool) {
	if !isTimeUnit(u) || !kindAt(toks, k, kLParen) {
		return 0, false
	}
	m := k + 1
	if _, m2, ok := comparator(toks, m); ok {
		m = m2
	}
	_, _, k3, ok := number(toks, m, true)
	if !ok {
		return 0, false
	}
	u2, k4 := unit(toks, k3)
	if !isTimeUnit(u2) || !kindAt(toks, k4, kRParen) {
		return 0, false
	}
	return k4 + 1, true
}

// age marks a bound read as an age by its wording.
func (b *bound) age(toks []token, i int) {
	if wordAt(toks, i, "older", "younger") {
		b.ageHint = true
	}
}

// unitWord reports a unit at k ("≤ ULN × 10 days" is no multiple).
func unitWord(toks []token, k int) bool {
	u, _ := unit(toks, k)
	return u != ruNone
}

// namesUpperLimit reports "upper" or "ULN" among toks[a:b].
func namesUpperLimit(toks []token, a, b int) bool {
	for k := a; k < b && k < len(toks); k++ {
		if wordAt(toks, k, "upper", "uln", "unl", "iuln") {
			return true
		}
	}
	return false
}

// timesMoreThanULN reads "times more than the ULN" (or "-fold higher than
// the normal value") at j, right after a number, and returns its end.
func timesMoreThanULN(toks []token, j int) (int, bool) {
	if kindAt(toks, j, kDash) && toks[j].glued {
		j++
	}
	if !wordAt(toks, j, "times", "fold", "folds") {
		return 0, false
	}
	j++
	switch {
	case wordAt(toks, j, "more", "higher", "greater") && wordAt(toks, j+1, "than"):
		j += 2
	case wordAt(toks, j, "above", "over"):
		j++
	default:
		return 0, false
	}
	if wordAt(toks, j, "the") {
		j++
	}
	// "the normal value", "the normal range": the upper limit meant
	if wordAt(toks, j, "normal") && wordAt(toks, j+1, "value", "values", "range") {
		return j + 2, true
	}
	return ulnPhrase(toks, j, true)
}
