package eligibility

import (
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/trials-app/trials/model"
)

// Extract reads the numeric and ordinal requirements of a trial's criteria
// (../shared/eligibility/SPEC.md). It walks the inclusion and exclusion
// trees: a nested item inherits its section, and a lead-in that restricts
// its list ("For patients with HCC:", "Inclusion criteria stage 2") makes
// every bound under it conditional. It is deterministic and safe on any
// input; when a threshold cannot be read with confidence nothing is
// emitted for it.
func Extract(el *model.Eligibility) []model.Requirement {
	return extract(el, false)
}

// extract is Extract; with parseAll every item the scan lets through is
// parsed to the end, as if mayOwnBound always said yes, a leaf with no
// value is parsed too (scan's sValue) and months count without their
// people (scan's months): the tests compare.
func extract(el *model.Eligibility, parseAll bool) []model.Requirement {
	if el == nil {
		return []model.Requirement{}
	}
	x := extractors.Get().(*extractor)
	defer extractors.Put(x)
	x.parseAll = parseAll
	x.found, x.scopes, x.used, x.pendingOr = x.found[:0], x.scopes[:0], 0, false
	x.heirOf = [16]int{}
	x.p.valued = 0
	x.ageHeads = 0
	x.restricted = restrictedItems(el.Raw, el.Raw)
	for _, n := range el.Notes {
		x.restricted = append(x.restricted, restrictedItems(el.Raw, n)...)
	}
	inc, exc := x.rawScopes(el)
	var sex byte
	switch el.Sex {
	case model.SexFemale:
		sex = 'f'
	case model.SexMale:
		sex = 'm'
	}
	x.walk(el.Inclusion, itemCtx{from: "inclusion", onlySex: sex}, inc)
	nInc, incValued := len(x.found), x.p.valued
	x.p.misfiled, x.p.misfiledItems, x.p.misfiledText = 0, 0, ""
	x.walk(el.Exclusion, itemCtx{from: "exclusion", exclusion: true, onlySex: sex}, exc)
	if len(x.found) == nInc && x.p.misfiledItems >= 2 && bits.OnesCount32(uint32(x.p.misfiled)) >= 2 &&
		incValued&x.p.misfiled == 0 {
		// the inclusions give none of those variables a value: an
		// organ-impairment cohort that excludes normal values says what
		// it enrols there
		x.misfiledList(el.Exclusion, sex, exc)
	}
	x.reconcile()
	x.dropContradicted()
	return x.requirements()
}

// dropContradicted drops an unconditional bound that no patient meeting an
// earlier unconditional bound on the same variable could meet ("ECOG 0-2"
// … "Patients with performance status 3-4, based solely on bone pain, will
// be eligible"): together they would exclude everyone, so the later one
// is a subgroup's allowance, a misfiled exclusion or a misreading — not
// read, as no value it could be shown with would be right. Ages have
// rules of their own (routes, bands).
func (x *extractor) dropContradicted() {
	kept := x.found[:0]
	for _, b := range x.found {
		drop := false
		if !b.r.Conditional && b.c.v != vAge && b.c.v != vBCLC {
			// kept holds the earlier bounds that stay: it is written
			// only at indices already read
			for k := range kept {
				a := &kept[k]
				if !a.r.Conditional && a.c.v == b.c.v && a.c.unit == b.c.unit && disjoint(&a.c, &b.c) {
					drop = true
					break
				}
			}
		}
		if !drop {
			kept = append(kept, b)
		}
	}
	x.found = kept
}

// anticoagPick reports an inclusion that names patients by a clotting
// value and says they must be anticoagulated ("Patients with INR > 1.5 (or
// Quick ≤ 70%) OR aPTT > 1.5 times ULN … must be receiving anticoagulant
// medication"), and returns where its "must" starts, or -1.
func anticoagPick(text string) int {
	if !hasPrefixFold(text, "patients with ") && !hasPrefixFold(text, "subjects with ") &&
		!hasPrefixFold(text, "participants with ") {
		return -1
	}
	m := strings.Index(text, " must be ")
	if m < 0 {
		return -1
	}
	if !strings.Contains(text[:m], "INR") {
		return -1
	}
	after := text[m+len(" must be "):]
	after = after[:min(len(after), 40)]
	for _, w := range []string{"nticoag", "arfarin", "eparin", "oumadin"} {
		if strings.Contains(after, w) {
			return m
		}
	}
	return -1
}

// misfiledList reads an exclusion list that holds requirements, not
// exclusions: an old record's organ-function criteria pasted under its
// "Exclusion" line ("Bilirubin less than 2.0 mg/dL", "Creatinine clearance
// at greater than 50 mL/min"). Inverted, two or more variables of two or
// more items landed on their unusual side and nothing in the list read as
// an exclusion, so the list's values are read as written (SPEC 4.14: read
// as meant, when the literal reading would exclude every patient with
// normal organs). Only one-sided bounds on their variable's usual side
// are kept.
func (x *extractor) misfiledList(items []model.Criterion, sex byte, top []int) {
	n0 := len(x.found)
	want := x.p.misfiled
	x.walk(items, itemCtx{from: "exclusion", onlySex: sex}, top)
	kept := x.found[:n0]
	for _, f := range x.found[n0:] {
		c := f.c
		if want.has(c.v) && c.hasLo != c.hasHi && !f.r.Conditional &&
			(c.hasLo && usualSide[c.v] == 1 || c.hasHi && usualSide[c.v] == -1) {
			kept = append(kept, f)
		}
	}
	x.found = kept
}

// extractors keeps parsers and their buffers between calls: a registry
// export extracts from every trial.
var extractors = sync.Pool{New: func() any { return new(extractor) }}

type extractor struct {
	p          parser
	ageHeads   int // items read with a creatinine table's header and no rows: ageTableAcross looks for their rows
	found      []found
	keys       []reqKey // requirements' scratch
	restricted []string // items that a line in the raw text restricts to a subgroup
	scopes     []string // the study groups named (a scope is 1 + an index)
	used       uint64   // the scopes some item was read in
	// the group whose criteria a group's own items say its patients meet
	// ("All patients who fulfill the Eligibility Criteria for Stratum 1"),
	// by scope: its bounds are that group's too
	heirOf [16]int
	// the parser's tokens, subjects and triggers are those of the whole of
	// the item add read last
	parsedWhole bool
	pdqToks     []token // a packed PDQ item's tokens, to find its statements
	cuts        []pdqCut
	pendingOr   bool     // the next walk's first item is an alternative (a bare "OR" with children)
	itemFlags   scanFlag // what the scan found in the item add reads
	parseAll    bool     // no parse stops early (mayOwnBound)
}

// found is a requirement read from an item, before the trial-level pass.
type found struct {
	r         model.Requirement
	k         reqKey
	c         cand
	scope     int  // the study group it was stated for, or 0
	scopeOnly bool // conditional only because a group's heading is above it
	done      bool // reconcile has seen its variable
}

// requirements records each bound once (SPEC 4.11), with the first item's
// text and section, unless only a later one states it unconditionally.
func (x *extractor) requirements() []model.Requirement {
	out := make([]model.Requirement, 0, len(x.found))
	keys := x.keys[:0] // scratch: the key of each of out's requirements
	for i := range x.found {
		f := &x.found[i]
		dup := false
		for k, e := range keys {
			if e == f.k {
				if out[k].Conditional && !f.r.Conditional {
					out[k] = f.r
				}
				dup = true
				break
			}
		}
		if !dup {
			keys = append(keys, f.k)
			out = append(out, f.r)
		}
	}
	x.keys = keys
	return out
}

// walk reads the items of one list. top, when not nil, holds the study
// group the raw text's headings put each item in.
func (x *extractor) walk(items []model.Criterion, ctx itemCtx, top []int) {
	prevOr := false
	prevCoag := false // the item before, ending in "OR", bounded a clotting time ("PT no greater than 1.5 times ULN OR")
	nextCond := false
	restCond := false // a flat line restricted the rest of the list
	var nextSubject varMask
	afterPS := false // the item before stated a performance status
	oneOfSeen := false
	if x.pendingOr {
		prevOr, x.pendingOr = true, false // the first child of a bare "OR"
	}
	var labelled []int // requirements of items led by a study group's label ("Part A: ≤ 21 years of age")
	// requirements of items led by the disease of the patients they are
	// for ("AML patients must be at least 55 years of age"), and that head
	var diseaseLed []int
	var diseaseHeads []string
	// requirements of items that name one sex ("QTc < 450 msec (for male
	// patients)", "QTc < 470 msec (for female patients)"), and that sex
	var sexed []int
	var sexes []byte
	var header itemCtx // a table's header row read from a sibling: the rows after it are its rows
	first := len(x.found)
	parentDonor := ctx.donor
	for i, c := range items {
		text := ItemText(c.Text)
		sc := scan(text, len(c.Children) > 0)
		if x.parseAll && sc.months {
			sc.vars = true // as before months needed their people (scan): the test that checks so
		}
		if h, ok := heading(text, sc); ok {
			restCond = false
			hctx := ctx
			hctx.alt = false
			hctx.subject = 0
			hctx.scope = 0
			// under a donors' lead-in its own headings ("Inclusion:") stay
			// the donors'; on a flat page the next heading ends them
			hctx.donor = donorLead(text, sc) || parentDonor && !namesPeople(text)
			if h.section != "" {
				hctx.from = h.section
				hctx.exclusion = h.section == "exclusion"
			}
			if l := sc.groupLabel(text, 8); l != "" && !restatesLabel(c.Children, l) {
				hctx.scope = x.scopeID(l)
			} else if l == "" && h.later {
				hctx.cond = true
			}
			if len(c.Children) > 0 {
				x.walk(c.Children, hctx, nil)
			} else {
				ctx = hctx // a flat list: the heading governs what follows
			}
			prevOr = false
			continue
		}
		ic := ctx
		if ic.scope == 0 && i < len(top) {
			ic.scope = top[i]
		}
		if ic.scope > 0 && ic.scope < 64 {
			x.used |= 1 << ic.scope
			// (reconcile knows the first sixteen groups only)
			if t := x.criteriaOf(text); t > 0 && t < len(x.heirOf) && t != ic.scope && ic.scope < len(x.heirOf) && x.heirOf[ic.scope] == 0 {
				x.heirOf[ic.scope] = t
			}
		}
		ic.alt = ctx.alt && oneOfSeen
		if ic.subject == 0 {
			ic.subject = nextSubject // "Life expectancy:" then "At least 12 weeks" on a flat page
		}
		if len(c.Children) > 0 {
			header = itemCtx{}
		}
		if header.rowOp != opNone && !ageBandRow(text) {
			header = itemCtx{}
		}
		rowed := header.rowOp != opNone
		if rowed {
			// the header's subject, not the lead-in's: "Creatinine clearance
			// ≥ 70 mL/min or a serum creatinine based on age as follows:"
			// then "Age (Years) Maximum Serum Creatinine (mg/dL)", "6 to 10; 1.0"
			ic.subject, ic.rowOp, ic.rowUnit, ic.noAge = header.subject, header.rowOp, header.rowUnit, true
		}
		if ic.subject == 0 && afterPS && len(c.Children) == 0 && bareDuration(text) {
			// the old PDQ order (age, performance status, life expectancy)
			// with the "Life expectancy:" label lost: "Performance status -
			// Karnofsky 70-100%" then "At least 6 months"
			ic.subject = maskOf(vLifeExpectancy)
		}
		nextSubject = 0
		afterPS = false
		if nextCond || restCond || x.isRestricted(text) {
			ic.cond = true
		}
		nextCond = false
		// ("Serum Creatinine ≤2.0 mg/dL" then "OR - Calculate Creatinine
		// Clearance ≥40 mL/min", DEV36 NCT00356811: the "OR" opens the
		// alternative instead of closing the item before)
		if (prevOr || startsWithOr(text)) && !ic.exclusion && !(prevCoag && startsWithINR(text)) {
			// ("PT no greater than 1.5 times ULN OR" then "INR no greater
			// than 1.3": the INR is the only value read, everyone's, as
			// SPEC 4.9 keeps only the INR of "INR or aPTT ≤ …")
			ic.alt = true
		}
		n := len(x.found)
		x.parsedWhole = false
		if (ic.subject != 0 || sc.vars) && !ic.donor && (len(c.Children) > 0 || x.parseAll || !valueless(text, sc)) &&
			!donorItem(text, sc) {
			x.itemFlags = sc.flags
			// a lead-in's parse is read again by leadIn
			x.p.mayStop = len(c.Children) == 0 && !x.parseAll
			x.add(text, ic)
			if len(x.found) > n && sc.flags&sGroup != 0 && len(c.Children) == 0 && ledByGroup(text) {
				for k := n; k < len(x.found); k++ {
					labelled = append(labelled, k)
				}
			}
			if len(x.found) > n && x.found[n].r.Conditional && len(c.Children) == 0 {
				sex := oneSex(text)
				for k := n; k < len(x.found) && sex != 0; k++ {
					sexed = append(sexed, k)
					sexes = append(sexes, sex)
				}
			}
			if h := diseaseHead(text); h != "" && len(x.found) > n && len(c.Children) == 0 {
				for k := n; k < len(x.found); k++ {
					diseaseLed = append(diseaseLed, k)
					diseaseHeads = append(diseaseHeads, h)
				}
			}
		}
		// the first alternative of "one of the following" is the first child
		// that states a measure, whether or not a requirement could be read
		// from it ("WHO performance status 3" has no comparison): the ones
		// after it are alternatives
		if len(x.found) > n || ctx.alt && (sc.vars || hasBoundSign(text)) {
			oneOfSeen = true
		}
		if len(c.Children) == 0 && len(x.found) == n && x.parsedWhole && len(text) < 40 {
			nextSubject = x.p.labelSubject()
		}
		if rowed {
			// an item that reads no row, or names another variable, ends the table
			if len(x.found) == n {
				header = itemCtx{}
			}
			for k := n; k < len(x.found); k++ {
				if v, ok := varByName[x.found[k].r.Variable]; !ok || !header.subject.has(v) {
					header = itemCtx{}
				}
			}
		}
		if len(c.Children) == 0 && len(x.found) == n && x.parsedWhole && ic.rowOp == opNone {
			// "Age | Maximum Serum Creatinine (mg/dL)" as the first row
			if o, v, u, ok := x.p.tableHeader(true); ok {
				header.subject, header.rowOp, header.rowUnit = v, o, u
			}
		}
		for k := n; k < len(x.found); k++ {
			switch x.found[k].r.Variable {
			case "ecog", "karnofsky", "lansky":
				afterPS = true
			}
		}
		if len(c.Children) > 0 {
			// "OR" on a line of its own, the next lines nested under it: the
			// first of them is the alternative to what came before
			x.pendingOr = endsWithOr(text) && len(text) <= 3
			cctx := x.leadIn(text, sc, ic, x.subjectOf(n))
			if cctx.scope > 0 && cctx.scope != ic.scope && restatesLabel(c.Children, sc.groupLabel(text, 5)) {
				cctx.scope = ic.scope
			}
			m := len(x.found)
			x.walk(c.Children, cctx, nil)
			x.pendingOr = false
			x.bands(n)
			if cctx.alt && cctx.subject == maskOf(vCreatinine) && strings.HasSuffix(text, ":") && ageAlternative(text) {
				// the rows by age are, all of them, the alternative to the
				// clearance: none is everyone's (SPEC 4.8)
				for i := m; i < len(x.found); i++ {
					if f := &x.found[i]; f.r.Variable == "creatinine" {
						f.r.Conditional, f.c.cond, f.c.cause = true, true, causeAlternative
					}
				}
			}
		} else if len(x.found) == n && sc.flags&sOnly != 0 && sc.flags&sRestrict != 0 && restrictsNext(text) {
			// "Criterion 13 applies only to …" restricts the item after it;
			// an item with a value of its own ("INR ≤ 1.5 × ULN. This
			// applies only to patients not on anticoagulation") speaks of
			// itself
			nextCond = true
			// "The following criteria apply only to Part B:" on a flat
			// page: every item after it, up to the next heading
			if strings.HasSuffix(text, ":") || sc.flags&sFollowing != 0 {
				restCond = true
			}
		} else if len(x.found) == n && len(text) < 80 && sc.flags&sGroup != 0 {
			// a flat list's group label ("Part B:") governs what follows,
			// up to the next one
			if l := sc.groupLabel(text, 5); l != "" && !hasBoundSign(text) && !labelThenCriterion(text) {
				ctx.scope = x.scopeID(l)
			}
		}
		if len(c.Children) == 0 && len(x.found) == n && len(text) < 80 && strings.HasSuffix(text, ":") && !hasBoundSign(text) {
			// a flat page's "Donor inclusion criteria:" governs what
			// follows, up to a heading for the patients
			switch {
			case donorLead(text, sc):
				ctx.donor = true
			case ctx.donor && namesPeople(text):
				ctx.donor = false
			}
		}
		// a bare "OR" whose alternative is nested under it has given it
		prevOr = endsWithOr(text) && !(len(c.Children) > 0 && len(text) <= 3) ||
			len(c.Children) == 0 && len(x.found) == n && orIfLead(text)
		prevCoag = prevOr && coagulationFirst(text)
	}
	// "Part A: ≤ 21 years of age", "Part B: ≤ 30 years of age": bounds
	// given only per group, item by item (SPEC 4.7)
	if len(labelled) >= 2 {
		x.bandsOf(first, len(x.found), labelled)
	}
	x.diseaseBands(diseaseLed, diseaseHeads)
	x.sexBands(sexed, sexes, first)
	x.starFootnotes(items, first)
	x.ageTableAcross(items, ctx, first)
}

// sexBands applies SPEC 4.7 to sibling items that each bound a variable
// for one sex only, one item for men and one for women, with no bound for
// everyone among the siblings: the loosest is everyone's.
func (x *extractor) sexBands(sexed []int, sexes []byte, first int) {
	for i, a := range sexed {
		fa := &x.found[a]
		if !fa.r.Conditional || fa.c.cause != causeSubgroup || fa.r.Variable == "age" {
			continue // an age by sex picks who is studied, not a relaxation
		}
		var group []int
		both := false
		for j, b := range sexed {
			fb := &x.found[b]
			if fb.r.Variable == fa.r.Variable && fb.r.Unit == fa.r.Unit && fb.r.Conditional && fb.c.cause == causeSubgroup {
				group = append(group, b)
				both = both || sexes[j] != sexes[i]
			}
		}
		if !both {
			continue
		}
		for k := first; k < len(x.found); k++ {
			if f := &x.found[k]; f.r.Variable == fa.r.Variable && f.r.Unit == fa.r.Unit && !f.r.Conditional {
				group = nil // a bound for everyone: the sexes' are relaxations or restrictions of it
				break
			}
		}
		// one bound for each sex, and nothing else: "men ≥ 55 years", "men
		// ≥ 45 years with diabetes", "women ≥ 65 years" … pick more than sexes
		if len(group) == 2 {
			x.bandsOf(first, len(x.found), group)
		}
	}
}

var (
	maleRe   = regexp.MustCompile(`(?i)\b(?:men|males?)\b`)
	femaleRe = regexp.MustCompile(`(?i)\b(?:women|females?)\b`)
)

// oneSex reports the sex an item names when it names only one: 'm' or 'f'.
func oneSex(text string) byte {
	if !strings.Contains(text, "male") && !strings.Contains(text, "men") && !strings.Contains(text, "Male") &&
		!strings.Contains(text, "Men") && !strings.Contains(text, "MALE") && !strings.Contains(text, "MEN") {
		return 0
	}
	m, f := maleRe.MatchString(text), femaleRe.MatchString(text)
	switch {
	case m && !f:
		return 'm'
	case f && !m:
		return 'f'
	}
	return 0
}

// diseaseBands applies SPEC 4.7 to sibling items that each name the
// disease of the patients they are for and bound the same variable ("AML
// patients must be at least 55 years of age …", "MDS/ICUS patients must
// be at least 18 years of age …"): each bound is that disease's, the
// loosest everyone's.
func (x *extractor) diseaseBands(led []int, heads []string) {
	var keep []int
	for i, a := range led {
		for j, b := range led {
			if heads[i] != heads[j] && x.found[a].r.Variable == x.found[b].r.Variable && x.found[a].r.Unit == x.found[b].r.Unit &&
				!x.found[a].r.Conditional && !x.found[b].r.Conditional {
				keep = append(keep, a)
				break
			}
		}
	}
	if len(keep) < 2 {
		return
	}
	for _, k := range keep {
		f := &x.found[k]
		f.r.Conditional, f.c.cond, f.c.cause = true, true, causeSubgroup
	}
	x.bandsOf(slices.Min(keep), slices.Max(keep)+1, keep)
}

// notDiseases open an item on whom it is for, not on a disease.
var notDiseases = []string{"all", "female", "male", "adult", "eligible", "the", "these", "such", "other", "japanese",
	"pediatric", "paediatric", "elderly", "older", "young", "younger"}

// diseaseHead returns the disease an item opens with before "patients
// must" ("AML patients must be …", "Multiple myeloma patients should …"),
// or "".
func diseaseHead(text string) string {
	// the head is the first words: look no further than they reach
	head := text[:min(len(text), 64)]
	if !strings.Contains(head, "ts must") && !strings.Contains(head, "ts should") {
		return "" // most items: nothing to split
	}
	var ws [5]string
	n, rest := 0, head
	for n < len(ws) {
		rest = strings.TrimLeft(rest, " ")
		w, r, _ := strings.Cut(rest, " ")
		if w == "" {
			break
		}
		ws[n], rest = w, r
		n++
	}
	for i := 1; i <= 3 && i+1 < n; i++ {
		if (ws[i] == "patients" || ws[i] == "subjects") && (ws[i+1] == "must" || ws[i+1] == "should") {
			if r := ws[0][0]; r < 'A' || r > 'Z' {
				return ""
			}
			for _, w := range notDiseases {
				if strings.EqualFold(ws[0], w) {
					return "" // whom, not which disease
				}
			}
			return strings.ToLower(strings.Join(ws[:i], " "))
		}
	}
	return ""
}

// ageBandRow reports a table row that is an age band and then its value:
// "6 to 10; 1.0", "1 month to < 6 months | 0.4", "Greater than 15: 1.5".
// "Number of prior lines: 3" is no row.
func ageBandRow(text string) bool {
	cut := strings.LastIndexAny(text, ";:|")
	if cut <= 0 {
		return false
	}
	for _, f := range strings.FieldsFunc(strings.ToLower(text[:cut]), func(r rune) bool {
		return r == ' ' || r == '\t' || r == '-' || r == '(' || r == ')' || r == ','
	}) {
		switch f {
		case "to", "less", "greater", "more", "than", "or", "equal", "and", "over", "under", "up", "from", "age",
			"year", "years", "month", "months", "yrs", "y", "<", ">", "<=", ">=", "≤", "≥", "=", "+", "older", "younger":
			continue
		}
		if strings.Trim(f, "0123456789.<>=≤≥+") == "" {
			continue
		}
		return false
	}
	return true
}

// ledByGroup reports an item that opens with a study group's label and a
// colon: "Part A: ≤ 21 years of age", "Cohort 2 - ECOG 0-2".
func ledByGroup(text string) bool {
	head, _, ok := strings.Cut(text, ":")
	if !ok || len(head) > 24 {
		head, _, ok = strings.Cut(text, " - ")
		if !ok || len(head) > 24 {
			return false
		}
	}
	return groupLabel(head, 2) != ""
}

// bareDurationRe is an item that is nothing but a bound on a time: "At
// least 6 months", "More than 12 weeks", "> 3 months".
var bareDurationRe = regexp.MustCompile(`(?i)^(?:at least|more than|greater than|longer than|over|no less than|not less than|minimum(?: of)?|>=?|≥)\s*\d{1,2}(?:\.\d)?\s*(?:weeks?|months?|years?|wks?|mos?)\.?$`)

func bareDuration(text string) bool {
	return len(text) < 32 && bareDurationRe.MatchString(text)
}

// bands applies SPEC 4.7 to the children of one lead-in, found since
// index n: a variable bounded in every child only for a subgroup ("≤ 0.8
// mg/dL (≤ 5 years)", "≤ 1.5 mg/dL (> 15 years)"), and nowhere for
// everyone, takes its loosest bound as everyone's.
func (x *extractor) bands(n int) {
	x.bandsOf(n, len(x.found), nil)
}

// bandsOf is bands over the requirements found in [n, e), or only over
// those listed in only when it is not nil.
func (x *extractor) bandsOf(n, e int, only []int) {
	in := func(i int) bool { return only == nil || slices.Contains(only, i) }
	for i := n; i < e; i++ {
		a := &x.found[i]
		if !in(i) || a.c.cause != causeSubgroup || a.r.Variable == "bclc_stage" {
			continue
		}
		loosest, count := -1, 0
		for j := n; j < e; j++ {
			if !in(j) {
				continue
			}
			b := &x.found[j]
			if b.r.Variable != a.r.Variable || b.r.Unit != a.r.Unit {
				continue
			}
			if !b.r.Conditional || b.c.cause != causeSubgroup {
				loosest = -2 // a bound for everyone, or one conditional for another reason
				break
			}
			count++
			switch {
			case loosest < 0 || contains(&b.c, &x.found[loosest].c):
				loosest = j
			case contains(&x.found[loosest].c, &b.c):
			default:
				loosest = -2
			}
			if loosest == -2 {
				break
			}
		}
		if loosest >= 0 && count >= 2 {
			f := &x.found[loosest]
			f.r.Conditional, f.c.cond, f.c.cause = false, false, causeNone
		}
	}
}

var ageAlternativeRe = regexp.MustCompile(`(?i)\bor\b[^:;]{0,40}\b(?:based on|according to|adjusted (?:for|to)|by)\s+(?:the\s+)?(?:patient'?s?\s+)?age\b[^:;]{0,30}:$`)

// ageAlternative reports a lead-in whose last clause offers a value by age
// as the alternative: "… or a serum creatinine based on age/gender as
// follows:". The regular expression runs only when the words it needs are
// there.
func ageAlternative(text string) bool {
	tail := text[max(0, len(text)-90):]
	if !strings.Contains(tail, "age") && !strings.Contains(tail, "AGE") && !strings.Contains(tail, "Age") {
		return false
	}
	if !strings.Contains(tail, "or ") && !strings.Contains(tail, "OR ") && !strings.Contains(tail, "Or ") {
		return false
	}
	return ageAlternativeRe.MatchString(tail)
}

// organFunctionLead reports a lead-in that lists the limits of normal
// organ function: "Participants must have normal organ and marrow function
// as defined below:", "Adequate organ function during screening, defined as:".
func organFunctionLead(text string) bool {
	if !strings.HasSuffix(strings.TrimSpace(text), ":") || len(text) > 160 {
		return false
	}
	l := strings.ToLower(text)
	// "abnormal liver function as defined by:", "hepatic impairment
	// defined as:" list values out of range: read as written
	for _, w := range [...]string{"abnormal", "inadequate", "impair", "dysfunction", "insufficien", "failure", "not ", "no "} {
		if strings.Contains(l, w) {
			return false
		}
	}
	return (strings.Contains(l, "adequate") || strings.Contains(l, "normal")) &&
		(strings.Contains(l, "organ") || strings.Contains(l, "hepatic") || strings.Contains(l, "liver") ||
			strings.Contains(l, "renal") || strings.Contains(l, "kidney")) && strings.Contains(l, "function")
}

// serumCreatinineLast reports a lead-in whose clause after its last "or"
// is a serum creatinine's ("… OR serum creatinine based on age as
// follows:"), not a clearance's, and returns that clause in lower case.
func serumCreatinineLast(text string) (string, bool) {
	l := strings.ToLower(text)
	i := strings.LastIndex(l, " or ")
	if i < 0 {
		return "", false
	}
	tail := l[i:]
	return tail, strings.Contains(tail, "creatinine") && !strings.Contains(tail, "clearance")
}

// coagulationFirst reports an item that opens with a clotting time, a
// quantity outside the list: "PT no greater than 1.5 times ULN OR",
// "aPTT ≤ 1.5 × ULN or".
func coagulationFirst(text string) bool {
	t := strings.TrimSpace(text)
	for _, p := range [...]string{"pt ", "ptt ", "aptt ", "pt/ptt", "pt or ptt", "prothrombin time", "partial thromboplastin"} {
		if hasPrefixFold(t, p) {
			return true
		}
	}
	return false
}

// startsWithINR reports an item that opens with the INR.
func startsWithINR(text string) bool {
	t := strings.TrimSpace(text)
	return hasPrefixFold(t, "inr") || hasPrefixFold(t, "international normali")
}

// hasPrefixFold is strings.HasPrefix ignoring case, for a lower-case ASCII
// prefix, without allocating.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// qualifiesMidItem reports an item that lists, after a colon inside it,
// the ways a patient may qualify: "with at least one of the following
// comorbidities: i. …; ii. …".
func qualifiesMidItem(text string) bool {
	const of = " of the following"
	for off := 0; ; {
		i := strings.Index(text[off:], of)
		if i < 0 {
			return false
		}
		i += off
		off = i + len(of)
		head := strings.ToLower(text[max(0, i-12):i])
		if !strings.HasSuffix(head, "at least one") && !strings.HasSuffix(head, "one or more") &&
			!strings.HasSuffix(head, "any one") && !strings.HasSuffix(head, " any") {
			continue
		}
		// a colon within three words, then what qualifies
		rest := text[off:]
		c := strings.IndexByte(rest, ':')
		if c < 0 || c > 40 || strings.Count(rest[:c], " ") > 3 || strings.TrimSpace(rest[c+1:]) == "" {
			continue
		}
		return true
	}
}

var unfitRe = regexp.MustCompile(`(?i)\b(?:unfit|frail|ineligible|unsuitable|noneligible)\b[^.;:]{0,80}?\b(?:(?:defined|characteri[sz]ed) (?:as|by)|includes? those|i\.e\.)`)

// definesUnfit reports an item that says who counts as unfit, frail or
// ineligible for a treatment by values joined with "or" ("Unfit patients
// are defined as: age ≥ 75 years, or ECOG 2-3, or CrCl < 60 mL/min",
// "Patients ineligible for intensive chemotherapy, i.e. age ≥ 75 years or
// ECOG ≥ 2"): any one of them qualifies. The scan's sUnfit flag is its
// prefilter.
func definesUnfit(text string) bool {
	if !strings.Contains(text, " or ") || !strings.Contains(text, "efined") && !strings.Contains(text, "nclude") &&
		!strings.Contains(text, "i.e.") && !strings.Contains(text, "haracteri") {
		return false
	}
	loc := unfitRe.FindStringIndex(text)
	return loc != nil && strings.Contains(text[loc[1]:], " or ")
}

var eitherOfTwoRe = regexp.MustCompile(`(?i)\b(?:at least one|one or both|either one|any one|one) of the two\b`)

// eitherOfTwo reports an item that asks for at least one of its two values:
// "…, at least one of the two", "(one or both of the two)".
func eitherOfTwo(text string) bool {
	return (strings.Contains(text, "f the two") || strings.Contains(text, "F THE TWO")) && eitherOfTwoRe.MatchString(text)
}

// hasBoundSign reports a comparison sign or digit in s: a label has none
// ("Cohort 2:" has a digit but no sign; "Cohort 2: ECOG ≤ 1" is an item).
func hasBoundSign(s string) bool {
	return strings.ContainsAny(s, "<>=≤≥≦≧")
}

// maxChunk bounds the text parsed at once. Real items are far shorter; a
// document that lost its line breaks can make one item of a whole section,
// and the parser's work grows faster than the length of what it reads.
const maxChunk = 1500

func (x *extractor) add(text string, ctx itemCtx) {
	x.parsedWhole = false
	// a page that lost its line breaks can run the exclusion heading into
	// the last inclusion item: what follows it excludes
	split, splitEnd := len(text), len(text)
	if !ctx.exclusion {
		if i := midExclusion(text); i > 0 {
			split = i
		} else if i := exclusionLead(text); i >= 0 {
			split = i
			// "DISEASE CHARACTERISTICS: … The following are excluded: …
			// PATIENT CHARACTERISTICS: … WHO 0-2": a flattened PDQ
			// record's next section is no longer what excludes
			splitEnd = nextPDQSection(text, split)
		}
	}
	// an exclusion's sentence stating what the patient must have ("Any
	// immunodeficiency. Must have recovered immune competence as evidenced
	// by lymphocyte counts greater than 500") excludes nothing: inverted,
	// its value would bound the wrong way, so it is not read
	skipFrom, skipTo := len(text), len(text)
	if ctx.exclusion {
		skipFrom, skipTo = mustSentence(text)
	}
	// an old PDQ item that lost its line breaks: one statement at a time
	x.cuts = x.cuts[:0]
	if mayBePDQ(text) {
		x.pdqToks = tokenize(text, x.pdqToks)
		x.cuts = pdqCuts(x.pdqToks, x.cuts)
	}
	ci := 0
	if !ctx.exclusion && x.itemFlags&sFollowing != 0 && len(x.cuts) == 0 && qualifiesMidItem(text) {
		// "… ≥ 18 to 74 years of age with at least one of the following
		// comorbidities: i. ECOG 2 or 3; ii. Ejection Fraction ≤ 50%; …":
		// each value is one way to qualify (conditional)
		ctx.risk = true
	}
	if !ctx.exclusion && x.itemFlags&sUnfit != 0 && definesUnfit(text) {
		// "Unfit patients are defined as: age ≥ 75 years, or ECOG 2-3, or
		// CrCl < 60 mL/min": the values say who counts as unfit, each one
		// way to qualify, none a bound on everyone (conditional)
		ctx.risk = true
	}
	if !ctx.exclusion && x.itemFlags&sTwo != 0 && eitherOfTwo(text) {
		// "ANC ≥ 1.5 × 10^9/L and platelets ≥ 100 × 10^9/L, at least one
		// of the two": an OR-alternative however it is joined (SPEC 4.8)
		ctx.oneOfTwo = true
	}
	if !ctx.exclusion && !ctx.donor {
		if m := anticoagPick(text); m > 0 {
			// "Patients with INR > 1.5 … must be receiving anticoagulant
			// medication": whoever is not anticoagulated must have INR ≤
			// 1.5, everyone's bound (SPEC 4.9); what else the clause names
			// (aPTT, Quick) is not read
			x.p.text = text[:m]
			x.p.ctx = ctx
			x.p.ctx.exclusion = true
			for _, c := range x.p.parse() {
				if c.v == vINR && !c.cond {
					x.push(text, ctx, c)
				}
			}
			return
		}
	}
	risk := ctx.risk
	incCtx := ctx
	x.p.cockcroftNote = cockcroftNote(text)
	n0 := len(x.found)
	if !ctx.exclusion && !ctx.donor && split == len(text) && skipFrom == len(text) {
		// "Maximum Serum Creatinine (mg/dL). Age Male Female 1 to < 2 years
		// 0.6 0.6 …": a table flattened into the item, read as one
		if cells, from, to, alt, ok := ageTable(text); ok {
			x.addAgeTable(text, ctx, cells, alt)
			skipFrom, skipTo = from, to
		} else if from < 0 {
			x.ageHeads++ // a header without its rows
		} else if c, from, to, ok := ageAtTimes(text); ok {
			// "Age 3 at the time of screening to age 21 at the time of
			// initial diagnosis": only the age at screening is today's
			switch {
			case ctx.cond:
				c.cond, c.cause = true, causeContext
			case ctx.alt || ctx.risk:
				c.cond, c.cause = true, causeAlternative
			case ctx.scope > 0:
				c.cond, c.cause = true, causeScope
			}
			x.push(text, ctx, c)
			skipFrom, skipTo = from, to
		}
	}
	wished := false // the category's label is marked "(preferred)"
	for off := 0; off < len(text); {
		if off == split {
			ctx.exclusion, ctx.from, ctx.cond, ctx.alt, ctx.subject = true, "exclusion", false, false, 0
		}
		if off == splitEnd {
			ctx = incCtx
		}
		if off == skipFrom {
			off = skipTo
			continue
		}
		end := chunkEnd(text, off)
		if off < skipFrom && end > skipFrom {
			end = skipFrom
		}
		if off < split && end > split {
			end = split
		}
		if off < splitEnd && end > splitEnd {
			end = splitEnd
		}
		for ci < len(x.cuts) && x.cuts[ci].pos <= off {
			if x.cuts[ci].pos == off && x.cuts[ci].label {
				risk = ctx.risk // a new category ends the list of ways to qualify
				wished = preferredCategory(text[off:])
			}
			ci++
		}
		if ci < len(x.cuts) && x.cuts[ci].pos < end {
			end = x.cuts[ci].pos
		}
		x.p.text = text[off:end]
		x.p.ctx = ctx
		x.p.mayStop = x.p.mayStop && len(x.cuts) == 0
		x.p.ctx.risk = risk
		for _, c := range x.p.parse() {
			c.span[0] += off
			c.span[1] += off
			if wished && !c.cond {
				c.cond, c.cause = true, causeContext
			}
			if c.v == vAge && !c.cond && !ctx.exclusion && anyAgeElse(text[off:end]) {
				c.cond, c.cause = true, causeSubgroup
			}
			if c.v == vLifeExpectancy && medianNear(text, c.span) {
				// "Anticipated survival is 3-4 years (median)": what the
				// patients are expected to live on average, no one's bound
				continue
			}
			if riskBefore(text, c.span[0]) {
				// "chemotherapy that will induce myelosuppression with a
				// risk of severe neutropenia (i.e., neutrophil count less
				// than 500/mm3)": a value the patient is at risk of, not
				// one the patient has
				continue
			}
			if c.v == vLifeExpectancy && !c.cond && otherCancerFirst(text) {
				// "Another cancer with expected survival of < 2 years": the
				// survival is that cancer's, a bound only on patients who
				// have one — the trial's own disease may shorten anyone's
				c.cond, c.cause = true, causeSubgroup
			}
			x.push(text, ctx, c)
		}
		if len(x.cuts) > 0 && opensRiskList(x.p.toks) {
			risk = true
		}
		x.parsedWhole = off == 0 && end == len(text)
		off = end
	}
	if len(x.cuts) > 0 && !ctx.exclusion {
		x.disjointAges(text, x.found[n0:])
		x.ageGroupsAcross(text, n0)
	}
}

var medianWord = spellings("median")

// medianNear reports the word "median" just before or after a span.
func medianNear(text string, span [2]int) bool {
	from, to := max(0, span[0]-30), min(len(text), span[1]+12)
	return indexFold(text[from:to], medianWord) >= 0
}

// riskBefore reports "risk of" or "risk for" shortly before text[at:], in
// the same sentence.
func riskBefore(text string, at int) bool {
	from := max(0, at-80)
	i := max(strings.LastIndex(text[from:at], "risk of"), strings.LastIndex(text[from:at], "risk for"))
	if i < 0 {
		return false
	}
	return !strings.Contains(text[from+i:at], ". ")
}

// otherCancerFirst reports an item about a cancer besides the trial's:
// "Another cancer with …", "Other malignancy with …", "History of a second
// primary tumour …".
func otherCancerFirst(text string) bool {
	ws := strings.Fields(strings.ToLower(text[:min(len(text), 60)]))
	k := 0
	for k < len(ws) && k < 3 && (ws[k] == "history" || ws[k] == "of" || ws[k] == "a" || ws[k] == "any" ||
		ws[k] == "patients" || ws[k] == "with" || ws[k] == "known") {
		k++
	}
	if k >= len(ws) {
		return false
	}
	switch ws[k] {
	case "another", "other", "second", "prior", "previous", "concurrent", "concomitant", "additional":
	default:
		return false
	}
	for _, w := range ws[k+1 : min(len(ws), k+4)] {
		w = strings.TrimRight(w, ",;:.")
		switch w {
		case "cancer", "cancers", "malignancy", "malignancies", "tumor", "tumors", "tumour", "tumours",
			"neoplasm", "neoplasms", "primary":
			return true
		}
	}
	return false
}

// ageGroupsAcross is the parser's ageGroupsWith across the statements of
// a packed PDQ item ("High risk status 10-21 years old with any white
// blood count (WBC) 1-9 years old with WBC of 50,000/mm3 or greater"
// cut before "1-9"): the ages name subgroups and bound no one; the values
// after the first, up to the next category label, are a subgroup's.
func (x *extractor) ageGroupsAcross(text string, n0 int) {
	fs := x.found[n0:]
	first, last := -1, -1
	for i := range fs {
		a := &fs[i].c
		if a.v != vAge || a.cond && a.cause != causeAlternative || !withAfterAge(text, a.span[1]) {
			continue
		}
		for j := range fs {
			b := &fs[j].c
			if j == i || b.v != vAge || b.cond && b.cause != causeAlternative || !disjoint(a, b) || !withAfterAge(text, b.span[1]) {
				continue
			}
			if first < 0 || a.span[1] < first {
				first = a.span[1]
			}
			last = max(last, a.span[1])
		}
	}
	if first < 0 {
		return
	}
	end := len(text)
	for _, c := range x.cuts {
		if c.label && c.pos > last {
			end = c.pos
			break
		}
	}
	kept := fs[:0]
	for _, f := range fs {
		c := &f.c
		switch {
		case c.v == vAge && !c.cond && withAfterAge(text, c.span[1]):
			continue
		case c.v != vAge && !c.cond && c.span[0] > first && c.span[0] < end:
			c.cond, c.cause, f.r.Conditional = true, causeSubgroup, true
		}
		kept = append(kept, f)
	}
	x.found = x.found[:n0+len(kept)]
}

// disjointAges is tidy's rule on ages that do not meet, joined by "or",
// across the statements of a packed PDQ item ("Patient is at least 60
// years old and at least one of the following is true: … OR Patient is
// 18-59 years old …"): neither is everyone's bound.
func (x *extractor) disjointAges(text string, fs []found) {
	for i := range fs {
		a := &fs[i]
		if a.c.v != vAge || a.c.cond {
			continue
		}
		for j := range fs {
			b := &fs[j]
			if b.c.v == vAge && b.c.cond && b.c.cause == causeAlternative && disjoint(&a.c, &b.c) && orBetween(text, a.c.span, b.c.span) {
				a.c.cond, a.c.cause, a.r.Conditional = true, causeAlternative, true
				break
			}
		}
	}
}

// exclusionLead finds a sentence that says what follows in it excludes —
// "Patients will be excluded if they have: creatinine > 1.5 × ULN; …",
// "Not eligible: platelets < 50,000/µL" — and returns where that sentence
// starts, or -1. Its values are exclusions, to be inverted; an inclusion
// list that runs into one would otherwise read them as required.
func exclusionLead(text string) int {
	if !strings.Contains(text, "xclu") && indexRare(text, "ligib", 4) < 0 && !strings.Contains(text, "XCLU") &&
		indexRare(text, "LIGIB", 4) < 0 {
		return -1
	}
	for _, cue := range exclusionCues {
		i := indexFold(text, cue)
		if i < 0 || foldSuffix(text[:i], "not ") || foldSuffix(text[:i], "not be ") || foldSuffix(text[:i], "n't be ") {
			continue // "… will not be excluded if bilirubin ≤ 3 × ULN"
		}
		// the cue must lead what it governs: a value before it in its
		// sentence ("Patients with QTc > 470 ms are excluded if …") is read
		// by the item's own grammar
		start := max(strings.LastIndex(text[:i], ". "), strings.LastIndexByte(text[:i], ';'))
		start++
		if start > 0 {
			for start < len(text) && text[start] == ' ' {
				start++
			}
		}
		if hasBoundSign(text[start:i]) || strings.ContainsAny(text[start:i], "0123456789") {
			continue
		}
		return start
	}
	return -1
}

// mustSentence returns where a sentence after the first one that says
// what the patient must have starts and ends ("… . Must have recovered …",
// "… . Patients must be …"), or len(text) twice.
func mustSentence(text string) (int, int) {
	if !strings.Contains(text, "ust ") {
		return len(text), len(text)
	}
	for _, lead := range [...]string{". Must have ", ". Must be ", ". Patients must have ", ". Patients must be ",
		". Subjects must have ", ". Subjects must be "} {
		i := strings.Index(text, lead)
		if i < 0 {
			continue
		}
		from := i + 2
		to := len(text)
		if j := strings.Index(text[from:], ". "); j >= 0 {
			to = from + j + 1
		}
		return from, to
	}
	return len(text), len(text)
}

// nextPDQSection returns where the first PDQ section heading after from
// starts ("PATIENT CHARACTERISTICS:", "PRIOR CONCURRENT THERAPY:"), or
// len(text).
func nextPDQSection(text string, from int) int {
	end := len(text)
	for _, h := range [...]string{"PATIENT CHARACTERISTICS", "PRIOR CONCURRENT THERAPY", "DISEASE CHARACTERISTICS"} {
		if i := strings.Index(text[from:], h); i > 0 && from+i < end {
			end = from + i
		}
	}
	return end
}

var exclusionCues = func() []*[3]string {
	var cs []*[3]string
	for _, c := range []string{"excluded if", "excluded when", "excluded:", "exclusion:", "ineligible if",
		"ineligible:", "not eligible if", "not eligible:", "not be eligible if"} {
		cs = append(cs, spellings(c))
	}
	return cs
}()

func foldSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// midExclusion finds an exclusion heading ("Exclusion Criteria:", "KEY
// EXCLUSION CRITERIA:") inside an item and returns where it starts, or -1.
func midExclusion(text string) int {
	for _, n := range [...]string{"xclusion", "XCLUSION"} {
		for from := 0; ; {
			i := strings.Index(text[from:], n)
			if i < 0 {
				break
			}
			i += from
			from = i + len(n)
			if i == 0 || text[i-1]|0x20 != 'e' || i > 1 && isASCIILetter(text[i-2]) {
				continue
			}
			rest := strings.TrimLeft(text[from:], " ")
			if len(rest) < 8 || !strings.EqualFold(rest[:7], "criteri") {
				continue
			}
			rest = strings.TrimLeft(rest[7:], "aonum")
			if rest = strings.TrimLeft(rest, " "); rest == "" || rest[0] != ':' {
				continue
			}
			start := i - 1
			// "Key Exclusion Criteria:"
			if j := strings.LastIndexByte(text[:start], ' '); j >= 0 && start-j == 4 && strings.EqualFold(text[j+1:start], "key") {
				start = j + 1
			}
			return start
		}
	}
	return -1
}

// chunkEnd is where the chunk of text starting at off ends: the whole rest
// when it is short, else after the last "; " or ". " within maxChunk bytes
// (or the last space, or maxChunk bytes, on a rune boundary).
func chunkEnd(text string, off int) int {
	if len(text)-off <= maxChunk {
		return len(text)
	}
	window := text[off : off+maxChunk]
	for _, sep := range []string{"; ", ". ", ", ", " "} {
		if i := strings.LastIndex(window, sep); i > maxChunk/3 {
			return off + i + len(sep)
		}
	}
	end := off + maxChunk
	for end > off+1 && !utf8.RuneStart(text[end]) {
		end--
	}
	return end
}

// reqKey identifies a requirement for SPEC 4.11's "recorded once".
type reqKey struct {
	v      varID
	unit   model.Unit
	lo, hi float64
	loInc  bool
	hiInc  bool
	hasLo  bool
	hasHi  bool
	stages uint8
}

func keyOf(c cand) reqKey {
	k := reqKey{v: c.v, unit: c.unit, stages: c.stages, hasLo: c.hasLo, hasHi: c.hasHi, lo: c.lo, hi: c.hi,
		loInc: c.loInc, hiInc: c.hiInc}
	if info := vars[c.v]; info.scale {
		// 0–2 and ≤ 2 are the same ECOG requirement (SPEC 4.3)
		if k.hasLo && k.lo <= info.floor {
			k.hasLo, k.lo, k.loInc = false, 0, false
		}
		if k.hasHi && k.hi >= info.ceil {
			k.hasHi, k.hi, k.hiInc = false, 0, false
		}
	}
	return k
}

func (x *extractor) push(text string, ctx itemCtx, c cand) {
	x.found = append(x.found, found{r: toRequirement(text, ctx.from, c), k: keyOf(c), c: c, scope: ctx.scope,
		scopeOnly: c.cause == causeScope})
}

func toRequirement(text, from string, c cand) model.Requirement {
	r := model.Requirement{Variable: vars[c.v].name, Unit: c.unit, From: from, Conditional: c.cond, Text: text, Span: c.span}
	if c.v == vBCLC {
		for s := 0; s <= 4; s++ {
			if c.stages&(1<<s) != 0 {
				r.Values = append(r.Values, stageNames[s])
			}
		}
		return r
	}
	if !c.hasLo && !c.hasHi {
		return r
	}
	// one allocation holds both sides' values: there were four, a quarter
	// of the extractor's allocations
	b := &reqBounds{}
	if c.hasLo {
		b.min, b.minInc = clean(c.lo), c.loInc
		r.Min, r.MinInclusive = &b.min, &b.minInc
	}
	if c.hasHi {
		b.max, b.maxInc = clean(c.hi), c.hiInc
		r.Max, r.MaxInclusive = &b.max, &b.maxInc
	}
	return r
}

// reqBounds is the memory a requirement's Min, Max and their
// inclusiveness point into.
type reqBounds struct {
	min, max       float64
	minInc, maxInc bool
}

var stageNames = [...]string{"0", "A", "B", "C", "D"}

func clean(v float64) float64 {
	if v == 0 {
		return 0 // no -0
	}
	return round3(v)
}

// prefixSet holds the first two letters and the last letter of words, and
// the lengths of the words that start or end with them: most words of an
// item are ruled out without a map lookup. Only words of ASCII letters are
// held (the scan looks up no other).
type prefixSet struct {
	first [26 * 26]uint16
	last  [26]uint16
}

func (s *prefixSet) add(w string) {
	if len(w) < 2 || !isASCIILetter(w[0]) || !isASCIILetter(w[1]) || !isASCIILetter(w[len(w)-1]) {
		return
	}
	s.first[int(w[0]|0x20-'a')*26+int(w[1]|0x20-'a')] |= lenBit(len(w))
	s.last[int(w[len(w)-1]|0x20-'a')] |= lenBit(len(w))
}

// has reports whether a word of n letters that starts with a, b and ends
// with z may be in the set.
func (s *prefixSet) has(a, b, z byte, n int) bool {
	bit := lenBit(n)
	return s.first[int(a|0x20-'a')*26+int(b|0x20-'a')]&bit != 0 && s.last[int(z|0x20-'a')]&bit != 0
}

func lenBit(n int) uint16 {
	if n > 15 {
		n = 15
	}
	return 1 << n
}

// firstWords are the words a variable's mention can start with, and the
// words that begin an age ("older", "years"), each with how prefilter
// takes it.
var firstWords map[string]firstKind

type firstKind uint8

const (
	firstNone   firstKind = iota
	firstAlone            // names a variable by itself ("platelets", "ECOG")
	firstLonger           // only with the words after it ("left ventricular …")
	firstAge              // a unit of age: counts in short items
	firstBare             // "over", "under": count only in an item as short as "70 and under" (bareAgeItem)
	firstMonths           // "months": an age in a short item only with the people it is of
)

// buildFirstWords runs once the lexicon is built (package variables are
// initialised before init functions run).
func buildFirstWords() map[string]firstKind {
	markVars(lexicon)
	m := map[string]firstKind{}
	for w, n := range lexicon.next {
		switch {
		case n.term != nil && n.term.kind != mkOther:
			m[w] = firstAlone
		case n.varBelow:
			m[w] = firstLonger
		}
	}
	// "survival": "with expected minimum six-month survival"
	for _, w := range []string{"older", "younger", "aged", "old", "uln", "ulrr", "iuln", "unl", "survival",
		// "Children < 1 year with INSS stage 4", "Children at least 365 days …"
		"children", "infants"} {
		m[w] = firstAlone
	}
	for _, w := range []string{"years", "year", "yrs"} {
		m[w] = firstAge
	}
	m["months"] = firstMonths
	for _, w := range []string{"over", "under"} {
		m[w] = firstBare
	}
	return m
}

// markVars sets varBelow on every node with an alias naming a variable at
// or below it.
func markVars(n *trieNode) bool {
	v := n.term != nil && n.term.kind != mkOther
	for _, c := range n.next {
		if markVars(c) {
			v = true
		}
	}
	n.varBelow = v
	return v
}

// ---- headings and lead-ins ----

type headingInfo struct {
	section string // "inclusion", "exclusion", or "" (keep)
	later   bool   // a later step or a subgroup: bounds under it are conditional
}

// headingRe reads a section heading: "Key Inclusion Criteria:",
// "Exclusion criteria for Part B", and the headings of a study group's
// own lists, "Cohorts A, B, C Inclusion Criteria:", "Cohort D Exclusion
// criteria", "Part 2 - Inclusion criteria".
var headingRe = regexp.MustCompile(`(?i)^(?:(?:key|main|major|general|specific|additional|other|study|patient|participant|subject|\d+\.?|(?:cohorts?|parts?|arms?|groups?|modules?|sub-?stud(?:y|ies)|dose|escalation|expansion)(?:[\s,/&–-]+(?:[a-z]|\d{1,2}[a-z]?|[ivx]{1,4}|and|or)\b)*)[\s,/&:–-]+)*(inclusion|exclusion|non[- ]?inclusion|ineligibility|eligibility)\s*(?:criteria|criterion|criterium)?\b\s*(.*?)\s*:?\s*$`)

var leadInWords = strings.NewReplacer("-", " ", ":", " ", "(", " ", ")", " ", ",", " ")

var verbWords = setOf("is", "are", "apply", "applies", "only", "must", "will", "should", "be", "have", "has", "may")

func heading(text string, sc itemScan) (headingInfo, bool) {
	if len(text) > 90 && !(len(text) <= 160 && foldSuffix(strings.TrimRight(text, " :"), "criteria")) || sc.flags&sHeading == 0 {
		return headingInfo{}, false
	}
	m := headingRe.FindStringSubmatch(text)
	if m == nil {
		return headingInfo{}, false
	}
	word := strings.ToLower(m[1])
	rest := strings.ToLower(m[2])
	words := strings.Fields(leadInWords.Replace(rest))
	// "Eligibility criteria for the secondary randomisation to … Inclusion
	// criteria": the section is named last, after what the criteria are for
	if n := len(words); n > 6 && n <= 16 && words[n-1] == "criteria" &&
		(words[n-2] == "inclusion" || words[n-2] == "exclusion") && !hasBoundSign(text) {
		word, words = words[n-2], words[:n-2]
	} else if len(words) > 6 {
		return headingInfo{}, false
	}
	for _, w := range words {
		if verbWords[w] {
			return headingInfo{}, false
		}
	}
	// "Eligibility" alone names no section
	h := headingInfo{}
	switch {
	case strings.HasPrefix(word, "exclusion"), strings.HasPrefix(word, "non"), word == "ineligibility":
		h.section = "exclusion"
	case word == "inclusion":
		h.section = "inclusion"
	}
	if word == "eligibility" && indexFold(text, criteriaWord) < 0 {
		return headingInfo{}, false
	}
	h.later = laterStep(words)
	return h, true
}

// mayBeLaterStep is laterStep's cheap test on a lead-in (scanned with its
// lead words), which saves three allocations: every word laterStep knows
// is a lead word or a group's kind, so in ASCII text the scan has seen it.
// Other text is always read (its lower case may differ).
func mayBeLaterStep(text string, sc itemScan) bool {
	if sc.flags&(sLead|sGroup) != 0 {
		return true
	}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// randomizationStep reports the label the loader gives the list of a
// "Randomization Inclusion Criteria" heading after a registration's
// ("Randomization:"): only registered patients reach it. A heading
// "Exclusion Criteria (Randomization)" alone names the trial's one entry.
func randomizationStep(text string) bool {
	return text == "Randomization:"
}

// laterStep reports a heading for a later step or a subgroup: "stage 2",
// "part B", "crossover", "re-treatment", "expansion cohort".
func laterStep(words []string) bool {
	for i, w := range words {
		switch w {
		case "crossover", "cross", "retreatment", "re", "extension", "continuation", "expansion", "cohort",
			"cohorts", "arm", "arms", "part", "parts", "group", "second", "reregistration", "escalation", "subgroup":
			if w == "re" && !(i+1 < len(words) && (words[i+1] == "treatment" || words[i+1] == "registration")) {
				continue
			}
			// "Inclusion criteria for both parts:", "… for all cohorts":
			// every group's
			if i > 0 && groupAll[words[i-1]] {
				continue
			}
			if w == "cross" && !(i+1 < len(words) && words[i+1] == "over") {
				continue
			}
			// "ECOG (Eastern Cooperative Oncology Group): 0-1", "Children's
			// Oncology Group": a name, no study group
			if w == "group" && i > 0 && (words[i-1] == "oncology" || words[i-1] == "cooperative" || words[i-1] == "study" ||
				words[i-1] == "cancer" || words[i-1] == "trials" || words[i-1] == "working" ||
				// "Target group: Age 18+": whom the trial enrols
				words[i-1] == "target" || words[i-1] == "patient") {
				continue
			}
			return true
		case "secondary", "subsequent", "randomisation", "randomization":
			// "the secondary randomisation", "second randomization"; not
			// the randomisation every patient enters
			if w == "secondary" || w == "subsequent" {
				if i+1 < len(words) && (strings.HasPrefix(words[i+1], "randomi") || words[i+1] == "registration" ||
					words[i+1] == "treatment" || words[i+1] == "phase") {
					return true
				}
			}
		case "stage", "step", "phase", "period":
			if i+1 < len(words) {
				switch words[i+1] {
				case "1", "i", "one", "0", "a", "zero":
				default:
					return true
				}
			}
		}
	}
	return false
}

var (
	negLead = phraseList("must not", "should not", "may not", "cannot", "none of the following", "no evidence of",
		"are excluded", "will be excluded", "be excluded", "not be eligible", "not eligible", "ineligible",
		"exclude", "excludes", "excluded")
	// negLead without what a patient may be ineligible for besides the
	// study ("Transplant not eligible subjects …", "ineligible for
	// high-dose chemotherapy")
	negLeadStrong = phraseList("must not", "should not", "may not", "cannot", "none of the following", "no evidence of",
		"are excluded", "will be excluded", "be excluded", "exclude", "excludes", "excluded")
	allowLead = phraseList("are eligible", "is eligible", "will be eligible", "may be eligible", "are allowed",
		"is allowed", "are permitted", "is permitted", "may be included", "may be enrolled", "can be enrolled",
		"can be included", "are not excluded")
	oneOfLead = phraseList("one of the following", "either of the following", "at least one of")
)

// oneOfNumbered finds "1 of the following" written with a digit.
func oneOfNumbered(toks []token) bool {
	for i := range toks {
		if kindAt(toks, i, kNum) && toks[i].val == 1 && toks[i].decimals < 0 && wordAt(toks, i+1, "of") &&
			wordAt(toks, i+2, "the") && wordAt(toks, i+3, "following") && !kindAt(toks, i-1, kOp) {
			return true
		}
	}
	return false
}

// onlyOneNumber reports a lead-in whose only number is the "1" of "1 of
// the following", if any: it states no value of its own.
func onlyOneNumber(toks []token) bool {
	n := 0
	for i := range toks {
		if toks[i].kind == kNum {
			if toks[i].val != 1 {
				return false
			}
			n++
		}
	}
	return n <= 1
}

// riskHeading reports the word "risk" (any case) in text.
func riskHeading(text string) bool {
	for i := 0; i+4 <= len(text); i++ {
		if !strings.EqualFold(text[i:i+4], "risk") {
			continue
		}
		before := i == 0 || !isASCIILetter(text[i-1])
		after := i+4 == len(text) || !isASCIILetter(text[i+4])
		if before && after {
			return true
		}
	}
	return false
}

// atLeastOneOf finds "≥ 1 of the following", "1 or more of the
// following", "one or more of the following".
func atLeastOneOf(toks []token) bool {
	for i := range toks {
		if !wordAt(toks, i, "of") || !wordAt(toks, i+1, "the") || !wordAt(toks, i+2, "following") {
			continue
		}
		one := func(k int) bool { return kindAt(toks, k, kNum) && toks[k].val == 1 || wordAt(toks, k, "one") }
		if one(i-1) && kindAt(toks, i-2, kOp) && toks[i-2].op == opGE ||
			wordAt(toks, i-1, "more") && wordAt(toks, i-2, "or") && one(i-3) {
			return true
		}
	}
	return false
}

// statesEnrolment reports a lead-in that ends as a sentence about whom the
// trial takes ("… will be enrolled", "… are eligible"), with no colon.
func statesEnrolment(toks []token) bool {
	n := len(toks)
	for n > 0 && toks[n-1].kind == kPeriod {
		n--
	}
	if n < 3 || !wordAt(toks, n-1, "enrolled", "eligible", "included", "recruited") {
		return false
	}
	return wordAt(toks, n-2, "be") && wordAt(toks, n-3, "will", "may", "can", "shall") || wordAt(toks, n-2, "are", "is")
}

// anyOfFollowing finds "for any of the following reasons:", "with any
// of the following:" in an inclusion's lead-in: each item under it is one
// way to qualify ("Allogeneic transplant not possible for any of the
// following reasons: Over 60 years of age; No compatible donor").
func anyOfFollowing(toks []token) bool { return ofTheFollowing(toks, "any") }

// allOfFollowing reports "all of the following" ("Ineligible if all of the
// following criteria are concurrently present:"): the items under it count
// only together.
func allOfFollowing(toks []token) bool { return ofTheFollowing(toks, "all") }

// ofTheFollowing reports "<w> of the following" among toks.
func ofTheFollowing(toks []token, w string) bool {
	for i := range toks {
		if wordAt(toks, i, w) && wordAt(toks, i+1, "of") && wordAt(toks, i+2, "the") && wordAt(toks, i+3, "following") {
			return true
		}
	}
	return false
}

// phraseSet is a list of phrases, with the first bytes of their first
// words: most words of a lead-in start none of them.
type phraseSet struct {
	list [][]string
	// by the byte a phrase's first word starts with, a bit for the length
	// of that word (31: 31 bytes or more): a token that is not a first
	// word is passed over with one test, without comparing it to each
	// phrase, and most tokens share a first letter with some phrase
	first [256]uint32
}

func phraseList(ps ...string) *phraseSet {
	out := &phraseSet{list: make([][]string, len(ps))}
	for i, p := range ps {
		out.list[i] = splitWords(p)
		w := out.list[i][0]
		out.first[w[0]] |= phraseLenBit(len(w))
	}
	return out
}

func phraseLenBit(n int) uint32 { return 1 << min(n, 31) }

// hasPhrase reports whether the words of one of ps follow each other in toks.
func hasPhrase(toks []token, ps *phraseSet) bool {
	for i := range toks {
		if toks[i].kind != kWord {
			continue
		}
		if w := toks[i].text; w == "" || ps.first[w[0]]&phraseLenBit(len(w)) == 0 {
			continue // no phrase starts with this word
		}
	next:
		for _, p := range ps.list {
			for k, w := range p {
				if !wordAt(toks, i+k, w) {
					continue next
				}
			}
			if p[0] == "exclude" || p[0] == "excludes" || p[0] == "excluded" {
				// "excluded" after "not" allows
				if wordAt(toks, i-1, "not") {
					continue
				}
			}
			// "must be considered ineligible for induction therapy defined by
			// the following:" says what the disease allows, not who is excluded
			if last := p[len(p)-1]; (last == "eligible" || last == "ineligible") && forTreatment(toks, i+len(p)) {
				continue
			}
			return true
		}
	}
	return false
}

// forTreatment reports "for surgery", "for induction therapy", "to receive
// chemotherapy" at k: what a patient is (in)eligible for that is not the
// study itself.
func forTreatment(toks []token, k int) bool {
	if !wordAt(toks, k, "for", "to") {
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+4; j++ {
		if wordAt(toks, j, "study", "trial", "protocol", "enrollment", "enrolment", "participation", "inclusion", "entry",
			"registration", "randomization", "randomisation", "this") {
			return false
		}
	}
	for j := k + 1; j < len(toks) && j <= k+4; j++ {
		if wordAt(toks, j, "therapy", "treatment", "chemotherapy", "surgery", "resection", "transplant",
			"transplantation", "induction", "radiotherapy", "radiation", "intensive", "standard", "curative",
			"cisplatin", "cisplatin-based", "platinum", "platinum-based", "carboplatin", "anthracycline", "anthracyclines") {
			return true
		}
	}
	return false
}

// subjectOf is the subject of the requirements found since index n, when
// one subject stated them all ("AST and ALT ≤ 2.5 × ULN, with the following
// exceptions:"): the item's children may give that subject a bound without
// naming it again ("≤ 5 × ULN for patients with liver metastases").
func (x *extractor) subjectOf(n int) varMask {
	if n >= len(x.found) {
		return 0
	}
	grp := x.found[n].c.grp
	var m varMask
	for i := n; i < len(x.found); i++ {
		f := &x.found[i]
		if f.c.grp != grp || grp < 0 {
			return 0
		}
		m |= maskOf(f.c.v)
	}
	return m
}

// leadIn returns the context the children of a lead-in item inherit;
// subject is what the lead-in itself bounded, if one subject.
func (x *extractor) leadIn(text string, sc itemScan, ctx itemCtx, subject varMask) itemCtx {
	child := ctx
	child.alt = false
	child.subject = subject
	child.donor = ctx.donor || donorLead(text, sc)
	child.organLead = !ctx.exclusion && organFunctionLead(text)
	// "Creatinine clearance or radioisotope GFR ≥ 70 mL/min/1.73 m² or a
	// serum creatinine based on age/gender as follows:": the rows are the
	// alternative (SPEC 4.8)
	if strings.HasSuffix(text, ":") && ageAlternative(text) {
		child.alt = true
		// … whose rows give only the value ("≤ 0.8 mg/dL (for patients ≤
		// 5 years of age)"): the creatinine the last clause names, not the
		// clearance the lead-in bounded
		if tail, ok := serumCreatinineLast(text); ok {
			subject = maskOf(vCreatinine)
			child.subject = subject
			// "… OR maximum serum creatinine based on age/gender as
			// follows:" over "0.4 mg/dL (1 to 5 months)": the header's
			// "maximum" is every row's sign
			if strings.Contains(tail, "maximum") {
				child.rowOp, child.rowUnit, child.noAge = opLE, "", true
			}
		}
	}
	// "Classified as high risk:": a "1 of the following" under it lists
	// the ways to qualify
	child.riskHead = !ctx.exclusion && strings.HasSuffix(text, ":") && len(text) <= 40 && riskHeading(text)
	if preferredLead(text) {
		child.cond = true // "Hematopoietic: (preferred)" over its labs
	}
	if randomizationStep(text) {
		child.cond = true // a later step's list: nothing else to read in it
		return child
	}
	if !sc.vars && sc.flags&(sLead|sGroup|sOnly) == 0 {
		return child // none of the words that change what the children mean
	}
	p := &x.p
	if !x.parsedWhole || p.text != text {
		// not parsed as one chunk just before: read its subjects and
		// triggers now (the later steps of a parse change neither)
		p.text = text
		p.toks = tokenize(text, p.toks)
		p.findGroups()
		p.findTriggers()
	}
	// "Cohort D:", "Patients enrolled in Part B must have:": the children
	// are that group's, reconciled with the other groups' at the end
	label := sc.groupLabel(text, 5)
	if label != "" {
		child.scope = x.scopeID(label)
	}
	// "Male and female subjects with CD19+ B-ALL in patients with no
	// curative option … will be enrolled" over "Age 1 to 60 years": a
	// sentence that states who the trial enrols, not a subgroup's lead-in
	// ("Patients with bone marrow involvement are eligible" still names one)
	enrols := statesEnrolment(p.toks)
	for _, t := range p.trigs {
		if t.exempt || t.example || enrols && !p.modifierWithin(t.end, t.objEnd-t.end) {
			continue
		}
		if label != "" && p.namesGroup(t) {
			continue
		}
		if t.exception {
			// "… within 3 years, except:" — what follows is allowed; "AST ≤
			// 2.5 × ULN, with the following exceptions:" — what follows is
			// a subgroup's own bound, stated as allowed too
			if wordAt(p.toks, t.pos, "except", "excepting", "excluding") && t.objEnd >= len(p.toks)-1 ||
				kindAt(p.toks, t.end, kColon) {
				child.cond = true
				child.exclusion = false
			}
			continue
		}
		// a trigger that qualifies something the lead-in itself states
		// ("obtained within 30 days (or 45 days if a biopsy is repeated)")
		// restricts none of the items under it
		if t.depth > 0 || p.trailsNumber(t.pos) {
			continue
		}
		// "Patients with acute coronary syndrome, treated as follows:" names
		// the trial's population; "… with liver metastases:" a subgroup
		if wordAt(p.toks, t.pos, "with") && !p.modifierWithin(t.end, 5) {
			continue
		}
		child.cond = true
	}
	if sc.flags&sOnly != 0 && restrictsNext(text) {
		child.cond = true
	}
	// "Re-treatment criteria:", "Crossover phase:" — a later step
	if label == "" && len(text) < 80 && mayBeLaterStep(text, sc) &&
		laterStep(strings.Fields(leadInWords.Replace(strings.ToLower(text)))) {
		child.cond = true
	}
	if !ctx.exclusion && hasPhrase(announcement(p.toks), negLead) && !(!hasPhrase(p.toks, negLeadStrong) && p.treatmentIneligible()) {
		child.exclusion = true
	}
	// "Ineligible if all of the following criteria are concurrently
	// present:" (DEV43 NCT00023868, PDQ): only together do the children
	// exclude; each bound alone is for the patients who have the others
	if child.exclusion && kindAt(p.toks, len(p.toks)-1, kColon) && allOfFollowing(p.toks) {
		child.cond = true
	}
	if ctx.exclusion && hasPhrase(announcement(p.toks), allowLead) {
		child.exclusion = false
		child.cond = true
	}
	oneOf := hasPhrase(p.toks, oneOfLead) || oneOfNumbered(p.toks)
	if oneOf && child.subject == 0 && len(p.groups) == 1 && p.groups[0].kind == mkVar && !isAge(p.groups[0]) &&
		!p.groups[0].generic && onlyOneNumber(p.toks) {
		// "If younger, WBC must be 1 of the following:" then "Greater than
		// 80,000/mm^3 (for boys age 8 …)": the values are the lead-in's subject's
		child.subject = p.groups[0].vars
	}
	if !child.exclusion && oneOf {
		child.alt = true // the first child that states a bound stays unconditional
		if opensRiskList(p.toks) || ctx.riskHead || routesLead(p.toks) {
			// "Classified as high risk: … Meets criteria for 1 of the
			// following:" — each is one way to qualify
			child.risk = true
		}
	}

	// "Poor physiological status, as defined by ≥ 1 of the following
	// criteria:" — any of them qualifies, on either side of its value
	if !child.exclusion && (atLeastOneOf(p.toks) || anyOfFollowing(p.toks)) && kindAt(p.toks, len(p.toks)-1, kColon) {
		child.risk = true
	}
	// "Post-menopausal as defined by any of the following:", "Women of
	// childbearing potential, defined as:" — the ages under it define
	// ("Postmenopausal by 1 of the following criteria:" over "60 years of
	// age and over", DEV42 NCT00057993: the same without "defined")
	if definesBetween(p.toks, 0, len(p.toks)) || statusByFollowing(p.toks) {
		for k := range p.toks {
			if p.toks[k].is(cAgeBlocker) && !weakAgeBlockers[p.toks[k].text] {
				child.noAge = true
			}
		}
	}
	// "Diagnostic surgical biopsy … mandatory for the following:" over
	// "Children under 6 months of age" — whom a procedure is required of:
	// the ages under it bound no one
	if p.requiredForFollowing() {
		child.noAge = true
	}
	// "Documented LVEF of ≤ 45% tested in patients with:" over "Age ≥ 60
	// years old": the children say whom the lead-in's own test is for —
	// none of their values bounds the patient
	if p.testedInPatients() {
		child.noAge, child.cond = true, true
	}
	// "Life expectancy:", "Performance status:", "Age:" — the children name
	// only the value
	if v := p.labelSubject(); v != 0 {
		child.subject = v
	}
	// a table's header: "Age (Years) Maximum Serum Creatinine (mg/dl):"
	if o, v, u, ok := p.tableHeader(false); ok {
		child.subject, child.rowOp, child.rowUnit, child.noAge = v, o, u, true
	}
	return child
}

// tableHeader reads a lead-in that is a table's header with an age column
// and a value column that says its side and unit: "Age (Years) Maximum
// Serum Creatinine (mg/dl):". It returns the value's side, variable and
// unit.
//
// A sibling header (the table's first row, the rows after it its siblings:
// "Age Maximum Serum Creatinine (mg/dL)") needs no colon, but no number.
func (p *parser) tableHeader(sibling bool) (op, varMask, string, bool) {
	toks := p.toks
	if len(p.groups) != 2 || len(toks) == 0 || len(toks) > 16 || !sibling && toks[len(toks)-1].kind != kColon {
		return opNone, 0, "", false
	}
	if sibling {
		for k := range toks {
			if toks[k].kind == kNum {
				return opNone, 0, "", false
			}
		}
	}
	age, val := p.groups[0], p.groups[1]
	if !isAge(age) || val.kind != mkVar || bits.OnesCount32(uint32(val.vars)) != 1 {
		return opNone, 0, "", false
	}
	o := opNone
	for k := age.end; k < val.start; k++ {
		switch {
		case wordAt(toks, k, "maximum", "max", "upper"):
			o = opLE
		case wordAt(toks, k, "minimum", "min", "lower"):
			o = opGE
		}
	}
	u := p.headerUnit(1)
	if o == opNone || u == ruNone {
		return opNone, 0, "", false
	}
	return o, val.vars, u, true
}

// labelSubject is the variable an item that only names it ("Life
// expectancy:", "Performance status:") gives the items that state its
// value, or 0.
func (p *parser) labelSubject() varMask {
	if len(p.groups) != 1 || p.groups[0].kind != mkVar {
		return 0
	}
	// "Participant must have an ECOG Performance status:"
	for k := 0; k < p.groups[0].start; k++ {
		if !labelHead[p.toks[k].text] || p.toks[k].kind != kWord {
			return 0
		}
	}
	g := p.groups[0]
	for k := g.end; k < len(p.toks); k++ {
		// "Creatinine based on age as follows:", "Serum creatinine adjusted for age:"
		if p.toks[k].kind != kColon && p.toks[k].kind != kPeriod && !labelTail[p.toks[k].text] {
			return 0
		}
	}
	for v := vECOG; v < nVars; v++ {
		if g.vars == maskOf(v) {
			return g.vars
		}
	}
	return 0
}

// requiredWords say that something is asked of some patients.
var requiredWords = setOf("mandatory", "required", "obligatory", "recommended", "necessary", "compulsory")

// requiredForFollowing reports a lead-in ending "… mandatory for the
// following:" (or "… required for the following patients:").
func (p *parser) requiredForFollowing() bool {
	toks := p.toks
	n := len(toks)
	if !kindAt(toks, n-1, kColon) {
		return false
	}
	k := n - 2
	if wordAt(toks, k, "patients", "participants", "subjects", "cases", "groups", "children") {
		k--
	}
	if !wordAt(toks, k, "following") || !wordAt(toks, k-1, "the") || !wordAt(toks, k-2, "for", "in") {
		return false
	}
	for j := k - 3; j >= 0 && j >= k-6; j-- {
		if toks[j].kind == kWord && requiredWords[toks[j].text] {
			return true
		}
	}
	return false
}

// testedInPatients reports a lead-in ending "… (tested) in patients
// with:" ("in subjects who:", "for patients with:").
func (p *parser) testedInPatients() bool {
	toks := p.toks
	k := len(toks) - 1
	if !kindAt(toks, k, kColon) {
		return false
	}
	k--
	if wordAt(toks, k, "with", "who") {
		k--
	}
	return wordAt(toks, k, "patients", "subjects", "participants", "those", "pts") && wordAt(toks, k-1, "in", "for", "among") &&
		wordAt(toks, k-2, "tested", "measured", "assessed", "evaluated", "documented", "performed", "done", "obtained",
			"required", "needed", "mandatory", "only")
}

// labelHead are the words a subject's label may start with: "Patients must
// have an ECOG performance status:".
var labelHead = setOf("patient", "patients", "participant", "participants", "subject", "subjects", "must", "should",
	"have", "has", "a", "an", "the")

// labelTail are the words a subject's label may end in before its colon.
var labelTail = setOf("based", "on", "age", "as", "follows", "adjusted", "according", "to", "for", "the",
	"following", "by", "defined", "below", "table")

// trailsNumber reports a number within the three tokens before i, in the
// same clause: a trigger there qualifies that number.
func (p *parser) trailsNumber(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch p.toks[k].kind {
		case kNum:
			return true
		case kComma, kSemi, kColon, kPeriod, kSep:
			return false
		}
	}
	return false
}

var restrictNextRe = regexp.MustCompile(`(?i)\b(?:criteri(?:a|on|um)|item)\s*(?:#|no\.?|number)?\s*\d{1,3}\b.{0,80}?\b(?:only|solely|exclusively)\b|\bonly\b.{0,60}\b(?:apply|applies|applicable|required)\b|\b(?:apply|applies|applicable)\b.{0,30}\bonly\b`)

// restrictsNext reports an item such as "Inclusion criteria 13 is only for
// patients registered before …": it restricts the item after it.
func restrictsNext(text string) bool {
	if indexFold(text, onlyWord) < 0 {
		return false
	}
	if indexFold(text, criteriaWord) < 0 && indexFold(text, itemWord) < 0 && indexFold(text, applWord) < 0 &&
		indexFold(text, requirWord) < 0 {
		return false // the pattern needs one of these: skip it cheaply
	}
	// "… only if all of the following criteria apply:" is the list itself
	if strings.Contains(text, "ll of the following") || strings.Contains(text, "ll the following") ||
		strings.Contains(text, "ach of the following") {
		return false
	}
	return restrictNextRe.MatchString(text)
}

var (
	rawRestrictRe = regexp.MustCompile(`(?i)\b(?:criteri(?:a|on|um)|items?)\s*(?:#|no\.?|numbers?)?\s*(\d{1,3}(?:\s*(?:-|–|to|through|and|or|,|&)\s*\d{1,3})*)\b[^\n.]{0,80}?\b(?:only|solely|exclusively)\b`)
	rawItemRe     = regexp.MustCompile(`^\s*(?:[-*•]\s*)?(\d{1,3})[.)]\s+(.+)$`)
	numRe         = regexp.MustCompile(`\d{1,3}`)
)

// restrictedItems finds the lines that restrict numbered criteria to a
// subgroup — "Inclusion criteria 13 is only for patients registered
// before starting the platinum-based induction chemotherapy:", "Criteria
// 5-7 apply only to Part B" — which the criteria tree may not keep, and
// returns the opening words of the items they restrict. The lines are
// looked for in where: the raw text itself (the items follow the line), or
// a note the loader lifted out of the lists (the items are anywhere in raw).
func restrictedItems(raw, where string) []string {
	var out []string
	inRaw := where == raw
	only := onlyFinder{s: where}
	for from := 0; from < len(where); {
		i := only.next(from)
		if i < 0 {
			break
		}
		ls := strings.LastIndexByte(where[:i], '\n') + 1
		le := strings.IndexByte(where[i:], '\n')
		if le < 0 {
			le = len(where)
		} else {
			le += i
		}
		from = le
		// a restriction wrapped over two lines: read the line before too
		start := ls
		if ls > 0 {
			start = strings.LastIndexByte(where[:ls-1], '\n') + 1
		}
		if indexFold(where[start:le], criteriaWord) < 0 && indexFold(where[start:le], itemWord) < 0 {
			continue
		}
		m := rawRestrictRe.FindStringSubmatch(where[start:le])
		if m == nil {
			continue
		}
		nums := numRe.FindAllString(m[1], 8)
		if len(nums) == 2 && strings.ContainsAny(m[1], "-–t") {
			// a range: "5-7", "5 to 7"
			lo, hi := atoiSmall(nums[0]), atoiSmall(nums[1])
			if hi > lo && hi-lo < 20 {
				nums = nums[:0]
				for n := lo; n <= hi; n++ {
					nums = append(nums, strconv.Itoa(n))
				}
			}
		}
		search := raw
		if inRaw {
			search = raw[le:min(len(raw), le+8000)]
		} else if h := indexFold(raw, exclusionWord); h >= 0 && indexFold(where[start:le], exclusionWord) >= 0 {
			search = raw[h:] // "Exclusion criterion 4 applies only to …"
		}
		out = append(out, numberedItems(search, nums)...)
	}
	return out
}

// numberedItems returns the opening words of the first items numbered as
// nums in the lines of s.
func numberedItems(s string, nums []string) []string {
	var out []string
	want := slices.Clone(nums)
	for k := 0; len(s) > 0 && len(want) > 0 && k < 200; k++ {
		l := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			l, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		g := rawItemRe.FindStringSubmatch(l)
		if g == nil {
			continue
		}
		i := slices.Index(want, g[1])
		if i < 0 {
			continue
		}
		want = slices.Delete(want, i, i+1)
		// the opening words, or a short item whole ("ECOG 0-2" is
		// matched exactly, never as the start of another item)
		item := ItemText(g[2])
		if len(item) > 40 {
			item = item[:40]
		} else if len(item) < 10 {
			item += "\x00"
		}
		out = append(out, item)
	}
	return out
}

// spellings gives the lower-case, capitalised and upper-case forms of a word.
func spellings(w string) *[3]string {
	return &[3]string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)}
}

var (
	onlyWord      = spellings("only")
	itemWord      = spellings("item")
	applWord      = spellings("appl")
	requirWord    = spellings("requir")
	exclusionWord = spellings("exclusion")
	criteriaWord  = spellings("criteri")
)

// indexFold is strings.Index ignoring case, for a lower-case needle: it
// looks for the lower-case, capitalised and upper-case spellings, which is
// how registry text writes a word, with the fast substring search.
func indexFold(s string, needle *[3]string) int {
	best := -1
	for _, n := range needle {
		if i := strings.Index(s, n); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// onlyFinder is indexFold(s[from:], onlyWord) for a rising from, without
// searching the whole of a long raw text three times: "only" and "Only"
// are found by their 'y', rarer in registry text than their 'o', and the
// next occurrences are remembered between calls.
type onlyFinder struct {
	s           string
	lower, caps int // the next "only"/"Only" and "ONLY"; -1 none
	known       bool
}

// next is the first occurrence at or after from, or -1.
func (f *onlyFinder) next(from int) int {
	if !f.known || f.lower >= 0 && f.lower < from {
		f.lower = f.nextLower(from)
	}
	if !f.known || f.caps >= 0 && f.caps < from {
		f.caps = -1
		if i := strings.Index(f.s[from:], "ONLY"); i >= 0 {
			f.caps = from + i
		}
	}
	f.known = true
	switch {
	case f.lower < 0:
		return f.caps
	case f.caps < 0:
		return f.lower
	}
	return min(f.lower, f.caps)
}

func (f *onlyFinder) nextLower(from int) int {
	for y := from + 3; y < len(f.s); y++ {
		k := strings.IndexByte(f.s[y:], 'y')
		if k < 0 {
			return -1
		}
		y += k
		if w := f.s[y-3 : y]; w == "onl" || w == "Onl" {
			return y - 3
		}
	}
	return -1
}

func (x *extractor) isRestricted(text string) bool {
	for _, s := range x.restricted {
		if whole, ok := strings.CutSuffix(s, "\x00"); ok {
			if text == whole {
				return true
			}
			continue
		}
		if strings.HasPrefix(text, s) {
			return true
		}
	}
	return false
}

// labelThenCriterion reports a group's label followed by a criterion of
// its own on the same line — "For the expansion cohorts: tumor that is
// accessible for biopsy" — which restricts that criterion, not the items
// after it (a label that governs what follows ends at its colon: "Part B:").
func labelThenCriterion(text string) bool {
	t := strings.TrimSpace(text)
	i := strings.IndexByte(t, ':')
	// "Part B: patients must also meet the following:" still leads
	return i >= 0 && !strings.HasSuffix(t, ":") && len(strings.Fields(t[i+1:])) >= 3
}

// startsWithOr reports an item opened by "OR" ("OR - Calculate …", "or
// CrCl ≥ 60 mL/min"): the alternative to the item before.
func startsWithOr(text string) bool {
	if len(text) < 4 || !(text[0] == 'O' || text[0] == 'o') || !(text[1] == 'R' || text[1] == 'r') {
		return false
	}
	switch text[2] {
	case ' ', '-', ':', ',':
		return true
	}
	return false
}

// endsWithOr reports an item ending in "OR": the next item is its
// alternative (old PDQ lists: "Creatinine no greater than 1.5 mg/dL OR").
func endsWithOr(text string) bool {
	e := len(text)
	for e > 0 && (text[e-1] == ' ' || text[e-1] == ';' || text[e-1] == ',' || text[e-1] == '.' || text[e-1] == ':') {
		e--
	}
	t := text[:e]
	return strings.HasSuffix(t, " OR") || strings.HasSuffix(t, " or") || t == "OR" || t == "or"
}

// mayBeHeading is a cheap test before the heading pattern: the text names
// inclusion, exclusion or eligibility (in the spellings registry text
// uses: lower case after a capital, or all capitals).
func mayBeHeading(s string) bool {
	for _, n := range headingNeedles {
		if strings.Contains(s, n) {
			return true
		}
	}
	return false
}

// donorWords splits text into its lowercased words, a possessive's "'s"
// and a plural's "(s)" dropped.
func donorWords(text string) []string {
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'' || r == '’' || r == '(' || r == ')')
	})
	for i, w := range ws {
		w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "(s)"), "'s"), "’s")
		ws[i] = strings.Trim(w, "()'’")
	}
	return ws
}

var donorPeople = setOf("patient", "patients", "recipient", "recipients", "subject", "subjects", "participant",
	"participants", "children", "adults", "host")

// donorLead reports a heading or lead-in for a transplant's donors
// ("Donor inclusion criteria:", "DONOR CHARACTERISTICS:"): the values
// under it are the donor's, not the patient's. One that names the
// patients too ("Patients with a matched sibling donor:") names a
// patient group. sc is the scan of text.
func donorLead(text string, sc itemScan) bool {
	if !sc.mayNameDonor(text) {
		return false
	}
	donor := false
	for _, w := range donorWords(text) {
		switch {
		case w == "donor" || w == "donors":
			donor = true
		case donorPeople[w]:
			return false
		}
	}
	return donor
}

// mayNameDonor is the cheap test before splitting a text into words.
func mayNameDonor(text string) bool {
	return strings.Contains(text, "onor") || strings.Contains(text, "ONOR")
}

// namesPeople reports a text that names the patients.
func namesPeople(text string) bool {
	for _, w := range donorWords(text) {
		if donorPeople[w] {
			return true
		}
	}
	return false
}

// donorItem reports an item whose subject is the donor ("Donors with
// hemoglobin < 12 g/dL", "Donor: age 18–60 years"): its first words name
// the donor and no patient. sc is the scan of text.
func donorItem(text string, sc itemScan) bool {
	if !sc.mayNameDonor(text) {
		return false
	}
	ws := donorWords(text)
	for i, w := range ws {
		if i >= 3 || donorPeople[w] {
			return false
		}
		if w == "donor" || w == "donors" {
			return true
		}
	}
	return false
}

// cockcroftNote reports an item with a sentence that names Cockcroft-Gault
// and holds no number, after a first sentence ("Glomerular filtration
// rate (GFR) < 30ml/min. GFR calculated by Cockroft-Gault (not eGFR).").
func cockcroftNote(text string) bool {
	if indexRare(text, "roft", 2) < 0 && indexRare(text, "ROFT", 2) < 0 {
		return false // most items: nothing to lower or split
	}
	i := strings.Index(text, ". ")
	if i < 0 {
		return false
	}
	if low := strings.ToLower(text); strings.Contains(low, "ckd") || strings.Contains(low, "mdrd") {
		return false // another formula named: which value is which is not clear
	}
	for _, sent := range strings.Split(text[i+2:], ". ") {
		low := strings.ToLower(sent)
		if (strings.Contains(low, "cockcroft") || strings.Contains(low, "cockroft")) && !strings.ContainsAny(sent, "0123456789") {
			return true
		}
	}
	return false
}

// restatesLabel reports a child item led by its heading's own group label
// ("Part 2:" above "Part 2: Subjects who have received any amount of
// rituximab …"): a label the heading's list had to repeat does not cover
// that list, whose other items (the performance status printed under
// "Part 2:" with the rest of the common criteria) are everyone's.
func restatesLabel(kids []model.Criterion, label string) bool {
	for _, k := range kids {
		t := k.Text
		if len(t) > 60 {
			e := 60 // the label leads the item: its first words will do
			for e > 0 && t[e]&0xC0 == 0x80 {
				e--
			}
			t = t[:e]
		}
		if groupLabel(ItemText(t), 3) == label {
			return true
		}
	}
	return false
}

// statusByFollowing reports a lead-in that names a reproductive status and
// lists the ways to meet it: "Postmenopausal by 1 of the following
// criteria:", "Not of childbearing potential, i.e. any of the following:".
func statusByFollowing(toks []token) bool {
	if !kindAt(toks, len(toks)-1, kColon) {
		return false
	}
	status, following := false, false
	for k := range toks {
		switch toks[k].text {
		case "menopausal", "postmenopausal", "premenopausal", "perimenopausal", "menopause", "childbearing":
			status = true
		case "following":
			following = true
		}
	}
	return status && following
}

// valueless reports a leaf item not worth parsing: no digit, nothing
// outside ASCII and no word a value is written with (scan's sValue), so no
// bound to read — and too long to be a label naming the next item's
// subject ("Life expectancy:", labelSubject) and without the "age" of a
// table's header ("Age (Years) Maximum Serum Creatinine (mg/dL)"), the two
// things walk still reads from a leaf that yields nothing.
func valueless(text string, sc itemScan) bool {
	return sc.flags&(sValue|sAgeWord) == 0 && len(text) >= 40
}
