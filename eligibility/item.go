package eligibility

import (
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/trials-app/trials/model"
)

// An item is parsed in five steps: tokens; mentions of variables, merged
// into subjects ("Aspartate aminotransferase (AST)/alanine aminotransferase
// (ALT)" is one subject naming two variables); the phrases that restrict a
// bound to a subgroup ("if liver metastases", "for patients with …",
// "unless …") and what they are about; the bounds; and the binding of each
// bound to the subject it belongs to. A bound no subject can claim with
// confidence is dropped.

// itemCtx is what an item inherits from its place in the criteria tree.
type itemCtx struct {
	from      string  // "inclusion" or "exclusion", for the output
	exclusion bool    // the item states what excludes (bounds are inverted)
	cond      bool    // the whole item applies to a subgroup or later step
	alt       bool    // the item is an alternative to the one before ("… OR")
	subject   varMask // the lead-in names the variable ("Life expectancy:", "AST and ALT ≤ 2.5 × ULN, except:")
	scope     int     // the study group the item is for ("Cohort D"), or 0
	risk      bool    // one of the ways a patient qualifies ("one of the following risk factors:")
	oneOfTwo  bool    // "…, at least one of the two": the values after the first subject's are its alternatives
	onlySex   byte    // 'f' or 'm' when the registry enrols one sex only: "Women aged ≥ 18" names everyone
	noAge     bool    // under a definition ("Post-menopausal as defined by any of the following:"): no age is the patient's
	riskHead  bool    // under a risk class ("Classified as high risk:"): a "1 of the following" below lists ways to qualify
	donor     bool    // under a heading or lead-in for the donors ("Donor inclusion criteria:"): no value is the patient's
	organLead bool    // under "Adequate / normal organ function as defined below:": the children are limits of normal
	// a row of a table whose header names the value's side and unit ("Age
	// (Years) Maximum Serum Creatinine (mg/dl):"): the row's last bare
	// number is the subject's bound for the row's age band
	rowOp   op
	rowUnit string
}

// a subject: one or more mentions taken together
type group struct {
	start, end int
	kind       mentionKind
	vars       varMask
	needUnit   bool
	inObject   bool // inside what a trigger is about: not a subject of its own
	bounds     int  // how many bounds it has claimed
	lastBound  int  // index of the last one
	// the variables of each mention listed, in order: "hemoglobin and
	// platelets" is two parts, "AST (SGOT)/ALT (SGPT)" one, for "respectively"
	parts  [4]varMask
	nparts int
	// a bare "performance status" with no scale named beside it
	generic bool
}

func (g *group) addPart(vs varMask) {
	if g.nparts < len(g.parts) {
		g.parts[g.nparts] = vs
	}
	g.nparts++
}

// a trigger restricts bounds to a subgroup ("if …", "for patients with …")
// or introduces an exception ("unless …", "except …").
type trigger struct {
	pos, end  int // the trigger words
	objEnd    int // what it is about: [end, objEnd)
	exception bool
	exempt    bool // an anticoagulation exception: never makes a bound conditional (SPEC 4.9)
	leading   bool // opens a clause ("Patients with …:", "Women:"): never qualifies the bound before it
	example   bool // "e.g.", "for example": the numbers after it illustrate, they require nothing
	// a bracketed age or stage that ends the item after alternatives
	// ("Karnofsky 50-100% OR ECOG 0-3 (over age 16)"): it qualifies them all
	closesAlts bool
	place      bool // a country named right before its own value: "(Japan: ≥ 20 years)"
	// an exclusion's "unless" before the value that lets the excluded in
	// ("Congestive heart failure, unless … LVEF ≥ 45%"): the value is
	// required of that subgroup, not excluded (unlessValue)
	allows bool
	runOn  bool // opens a sentence whose full stop the page lost ("… x ULN If …")
	depth  int8
}

const (
	ownerNone = -1
	ownerAge  = -2
	ownerLead = -3
	ownerLife = -4 // "expected minimum six-month survival": a life expectancy no mention names
)

type causeKind uint8

const (
	causeNone causeKind = iota
	causeSubgroup
	causeAlternative
	causeContext
	causeScope // stated under a study group's heading: reconciled per trial
)

// cand is a requirement read from one item, before the trial-level pass.
type cand struct {
	v          varID
	unit       model.Unit
	hasLo      bool
	hasHi      bool
	loInc      bool
	hiInc      bool
	lo, hi     float64
	stages     uint8
	span       [2]int
	cond       bool
	cause      causeKind
	rawUnit    string
	bound      int
	grp        int // the owner of the bound: a group, or ownerAge / ownerLead
	dropped    bool
	wasWritten op
}

type parser struct {
	// the variables of the exclusions that inverted to their unusual side
	// ("Bilirubin less than 2.0 mg/dL" among the exclusions), since Extract
	// began reading the exclusion list
	misfiled      varMask
	misfiledItems int    // how many items (statements) they came from
	misfiledText  string // the last of them
	// the variables read with a value, kept or not, since Extract began
	valued varMask
	// the item says in a sentence of its own that its GFR is by
	// Cockcroft-Gault ("GFR < 30 ml/min. GFR calculated by Cockroft-Gault
	// (not eGFR)."): the value is a creatinine clearance (SPEC 4.10)
	cockcroftNote bool
	// the item holds a word pastEvent needs (set by emit, so that most
	// items skip the per-bound search)
	pastCue bool
	text    string
	toks    []token
	groups  []group
	trigs   []trigger
	bounds  []bound
	owner   []int
	inObj   []bool // token is inside a trigger's object
	inGrp   []int  // token belongs to group index, or -1
	ms      []mention
	// computed once the bounds are known
	startsBound []bool
	trails      []bool
	scopeEnds   []int
	condOf      []bool
	example     []bool   // token follows "e.g." or "such as"
	joint       []bool   // bound is half of a joint exclusion ("ALT > 3 × ULN and bilirubin > 2 × ULN")
	jointAlt    []bool   // bound is the second half of a joint renal exclusion: the alternative allowed
	trigWord    []bool   // token is one of a trigger's words
	notes       [][2]int // "if" clauses that say what the team does ("if > 2 × ULN, discuss with the PI")
	out         []cand
	ctx         itemCtx
	// parse may stop once mayOwnBound says no: its caller reads none of
	// the later steps' state (the triggers that ageBrackets adds, which
	// leadIn reads, or the tokens of a packed PDQ statement)
	mayStop bool
}

// mayOwnBound tells whether a bound in the tokens and subjects read so
// far could be given to a variable, from a superset of what assign and
// chainAges can do. emit writes a requirement only for a bound owned by a
// subject naming a variable (a mention not of kind mkOther: no later step
// changes a group's kind), by the lead-in's subject (ctx.subject, also
// the subject of a table's rows), by age or by life expectancy (ownerLife).
// A bound is the age's only with its wording (ageHint: "age", "aged",
// "old", "yo", "older", "younger", "ages" in boundAt and the phrases of
// postfix), in an item that is nothing but an age in years (shortAgeItem:
// never in an exclusion), after the people it is of (personAged: years,
// months or days), or joined to one of these (chainAges); life
// expectancy's without a mention needs "survival". The last two kinds
// need the bounds themselves (ownersIfAged): mayBeAged asks.
func (p *parser) mayOwnBound() owners {
	if p.ctx.subject != 0 {
		return ownersAny
	}
	for gi := range p.groups {
		if p.groups[gi].kind != mkOther {
			return ownersAny
		}
	}
	person, time, years := false, false, false
	for k := range p.toks {
		switch ageCues[p.toks[k].text] {
		case cueAge:
			return ownersAny
		case cuePerson:
			person = true
		case cueYears:
			years, time = true, true
		case cueTime:
			time = true
		case cueBare:
			years = years || len(p.text) <= 16
		}
	}
	if person && time || years && !p.ctx.exclusion {
		return ownersIfAged
	}
	return ownersNone
}

type owners uint8

const (
	ownersAny    owners = iota // parse it whole
	ownersNone                 // no bound can have an owner
	ownersIfAged               // only a bound assign gives to age by shortAgeItem or personAged
)

// mayBeAged reports a bound, once findBounds has read them, that assign
// could give to age. The steps between (dropNoted, ageBrackets,
// computeConditional) move no bound and change no unit; they only discard
// or qualify.
func (p *parser) mayBeAged() bool {
	for bi := range p.bounds {
		if b := &p.bounds[bi]; b.ageHint || p.shortAgeItem(b) || p.personAged(b) {
			return true
		}
	}
	return false
}

type ageCue uint8

const (
	cueNone   ageCue = iota
	cueAge           // a word that makes a bound an age, or names survival
	cuePerson        // the people an age may be written after (personAged)
	cueYears         // a unit unit() reads as years
	cueTime          // a unit unit() reads as months or days
	cueBare          // "over", "under": an age only in an item as short as "70 and under" (bareAgeItem)
)

// ageCues are the words mayOwnBound looks for, in any token (unit reads
// some glued to a number).
var ageCues = func() map[string]ageCue {
	m := map[string]ageCue{}
	set := func(c ageCue, ws ...string) {
		for _, w := range ws {
			m[w] = c
		}
	}
	set(cueAge, "age", "ages", "old", "aged", "yo", "older", "younger", "survival")
	set(cuePerson, "children", "child", "patients", "patient", "subjects", "participants", "infants", "adults",
		"men", "women", "males", "females", "boys", "girls", "persons", "individuals", "adolescents", "neonates",
		"people")
	set(cueYears, "year", "years", "yr", "yrs", "ans", "y")
	set(cueBare, "over", "under")
	set(cueTime, "month", "months", "mo", "mos", "mth", "mths", "mon", "mois", "day", "days", "d")
	return m
}()

var fillerWords = setOf("of", "is", "are", "be", "been", "must", "should", "shall", "may", "can", "will", "would", "need", "preferably", "ideally",
	"needs", "has", "have", "having", "a", "an", "the", "to", "at", "level", "levels", "value", "values", "count",
	"counts", "concentration", "concentrations", "serum", "plasma", "blood", "total", "absolute", "measured",
	"calculated", "estimated", "score", "scores", "scale", "status", "performance", "grade", "class",
	"classification", "stage", "staging", "category", "index", "rate", "interval", "intervals", "fraction",
	"percentage", "result", "results", "test", "tests", "testing", "by", "using", "per", "via", "according",
	"formula", "equation", "method", "cockcroft", "cockroft", "gault", "ckd", "epi", "mdrd", "fridericia", "fredericia",
	"bazett", "jelliffe", "correction", "corrected", "prolongation", "mean", "resting", "rest", "average", "baseline", "screening",
	"time", "either", "s", "play", "measurement", "as", "determined", "calculation", "cg", "c", "g", "lab",
	"laboratory", "its", "their", "his", "her", "current", "most", "recent", "ps", "ecog", "who", "state",
	"points", "point", "kps", "within", "normal", "range", "equal", "than", "or", "limit", "liver", "function",
	"functional", "combined", "cirrhosis", "documented", "confirmed", "clinical", "calculated", "reserve",
	"peripheral", "venous", "required",
	// "ALT activity ≤ 2.5 ULN": the enzyme's activity is its level
	"activity", "activities",
	// "a left ventricular ejection fraction that is ≥ 45%"
	"that",
	// "AST and ALT each ≤ 2.5 × ULN"
	"each", "both")

var contWords = setOf("or", "and", "but", "it", "must", "be", "is", "are", "should", "which", "in", "case", "the",
	"a", "permitted", "allowed", "acceptable", "accepted", "value", "values", "level", "levels", "limit", "also",
	"still", "then", "for", "with", "if", "may", "can", "this", "these", "those", "patients", "subjects",
	"up", "of", "to", "whom", "where", "will", "needs", "need", "cases", "required", "ie", "i", "e", "eg",
	"that", "being", "have", "has", "an", "at", "least", "only", "present", "documented", "known",
	"there", "they", "when", "except", "unless", "so", "such", "institutional", "otherwise",
	// "(except for MDS, for which the parameter is ≥ 500/mcL)"
	"parameter")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func (p *parser) parse() []cand {
	p.toks = tokenize(p.text, p.toks)
	p.findGroups()
	owners := ownersAny
	if p.mayStop {
		owners = p.mayOwnBound()
	}
	if owners == ownersNone {
		// nothing the later steps read could become a requirement: their
		// triggers, bounds and owners are left unread (a third of the
		// items parsed are like this, "within 6 months of …" mostly)
		p.trigs, p.bounds, p.out = p.trigs[:0], p.bounds[:0], p.out[:0]
		return p.out
	}
	p.findTriggers()
	p.findBounds()
	if owners == ownersIfAged && !p.mayBeAged() {
		// "Patients who have had major surgery within 28 days": people
		// and a time, but no bound assign could give to age
		p.out = p.out[:0]
		return p.out
	}
	p.dropNoted()
	p.ageBrackets()
	p.computeConditional()
	p.assign()
	p.chainAges()
	p.emit()
	p.adultsScale()
	p.tidy()
	return p.out
}

// adultsScale makes the Karnofsky bound conditional in an item that labels
// it the adults' and gives the children a Lansky bound of their own
// ("Performance (adults): Karnofsky score must be at least 60; for pts.
// under 16, Lansky score must be at least 60"): each scale is one age
// group's (SPEC 4.6), as when each names its ages.
func (p *parser) adultsScale() {
	ki, lansky := -1, false
	for i := range p.out {
		switch c := &p.out[i]; {
		case c.v == vKarnofsky && !c.cond:
			ki = i
		case c.v == vLansky && c.cond:
			lansky = true
		}
	}
	if ki < 0 || !lansky {
		return
	}
	for k := range p.toks {
		if wordAt(p.toks, k, "adults", "adult") && (kindAt(p.toks, k-1, kLParen) || kindAt(p.toks, k+1, kColon)) {
			p.out[ki].cond, p.out[ki].cause = true, causeSubgroup
			// the children's age ("under 16") read as a Karnofsky ceiling
			// was the main bound's to outweigh; now it is dropped itself
			for i := range p.out {
				if c := &p.out[i]; c.v == vKarnofsky && c.hasHi && !c.hasLo && c.hi <= 21 {
					c.dropped = true
				}
			}
			return
		}
	}
}

// ---- mentions and subjects ----

// bareClearance adds the creatinine clearance a bare "clearance" names
// after a creatinine in the same item: "Creatinine < 1.5 × ULN for age or
// clearance > 60 mL/min/1.73 m²". Only an alternative or a companion
// ("or", "and", "with") before it, and a comparison right after it.
func (p *parser) bareClearance(ms []mention) []mention {
	toks := p.toks
	for i := range toks {
		if !wordAt(toks, i, "clearance", "clearances") {
			continue
		}
		j := i - 1
		if wordAt(toks, j, "calculated", "measured", "estimated") {
			j--
		}
		if !wordAt(toks, j, "or", "and", "with") {
			continue
		}
		// one creatinine bound before it, no more: "Cr > 1.5 × ULN, but
		// calculated clearances of > 60" is a subgroup's, not read
		ops := 0
		for k := 0; k < j; k++ {
			if _, _, ok := comparator(toks, k); ok && (k == 0 || toks[k-1].kind != kOp) {
				ops++
			}
		}
		if ops != 1 {
			continue
		}
		c := i + 1
		if wordAt(toks, c, "of") {
			c++
		}
		if _, _, ok := comparator(toks, c); !ok {
			continue
		}
		creat, covered, at := false, false, len(ms)
		for k, m := range ms {
			if m.start <= i && i < m.end {
				covered = true
			}
			if m.end <= i && m.vars == maskOf(vCreatinine) && i-m.end <= 14 {
				creat = true
			}
			if m.start > i && at == len(ms) {
				at = k
			}
		}
		if covered || !creat {
			continue
		}
		ms = slices.Insert(ms, at, mention{start: i, end: i + 1, kind: mkVar, vars: maskOf(vCrCl)})
	}
	return ms
}

func (p *parser) findGroups() {
	toks := p.toks
	ms := p.ms[:0]
	defer func() { p.ms = ms[:0] }()
	for i := 0; i < len(toks); {
		if m, ok := matchMention(toks, i); ok {
			ms = append(ms, m)
			i = m.end
			continue
		}
		i++
	}
	// "based on age as follows", "normal for age", "adjusted according to
	// age": the word names no value of its own
	kept := ms[:0]
	for _, m := range ms {
		if isAgeM(m) && m.end == m.start+1 && wordAt(toks, m.start-1, "on", "for", "to", "by") && !ageValueAt(toks, m.end) {
			continue
		}
		if m.end == m.start+1 && toks[m.start].text == "hg" && wordAt(toks, m.start-1, "mm", "cm") {
			continue // "150 mm Hg"
		}
		if m.end == m.start+1 && toks[m.start].text == "neu" && (kindAt(toks, m.start-1, kSlash) || kindAt(toks, m.start-1, kDash) ||
			wordAt(toks, m.start-1, "her2", "her", "erbb2", "c")) {
			continue // "HER2/NEU"
		}
		// "Child A or B7": "Child" alone names the score only before a class
		// letter ("Child aged 2 to 12" is a child)
		if m.end == m.start+1 && toks[m.start].text == "child" && !childClassAt(toks, m.end) {
			continue
		}
		kept = append(kept, m)
	}
	ms = kept
	ms = p.bareClearance(ms)
	// a variable named right after something else is part of that thing's
	// name: "CD4 lymphocytes", "HBV DNA"; one followed by "ratio" is a ratio
	for k := range ms {
		if k > 0 && ms[k-1].kind == mkOther && ms[k].kind != mkOther && (ms[k-1].end == ms[k].start ||
			ms[k-1].end+1 == ms[k].start && (kindAt(toks, ms[k-1].end, kPlus) || kindAt(toks, ms[k-1].end, kDash))) &&
			!newStatementAt(toks, ms[k]) {
			ms[k].kind = mkOther
		}
		if ms[k].kind != mkOther && wordAt(toks, ms[k].end, "ratio", "ratios", "quotient") && ms[k].vars != maskOf(vINR) {
			ms[k].kind = mkOther
		}
		// "WHO 0-2", "CTC 0-1" are a performance status; "WHO grade 3", "WHO
		// 2016 classification", "CTC grade 2" are not
		if ms[k].end == ms[k].start+1 && (toks[ms[k].start].text == "who" || toks[ms[k].start].text == "ctc" ||
			toks[ms[k].start].text == "oms") &&
			!whoScaleAt(toks, ms[k].end) {
			ms[k].kind = mkOther
		}

	}
	// two names of one variable side by side are one mention: "Alanine
	// aminotransferase ALT", "(Serum glutamic pyruvate transaminase SGPT)"
	for k := len(ms) - 2; k >= 0; k-- {
		m, n := &ms[k], ms[k+1]
		if m.end == n.start && m.kind == mkVar && n.kind == mkVar && m.vars == n.vars && !isAgeM(*m) {
			m.end = n.end
			m.needUnit = m.needUnit && n.needUnit
			ms = append(ms[:k+1], ms[k+2:]...)
		}
	}
	// bracketed restatements, innermost first: "aspartate aminotransferase
	// (AST) (serum glutamic oxaloacetic transaminase [SGOT])"
	for changed := true; changed; {
		changed = false
		for k := len(ms) - 2; k >= 0; k-- {
			m, n := &ms[k], ms[k+1]
			if kindAt(toks, m.end, kLParen) && n.start == m.end+1 && kindAt(toks, n.end, kRParen) {
				switch {
				case m.kind == mkOther && n.kind != mkOther:
					m.kind, m.vars, m.needUnit = n.kind, n.vars, n.needUnit
				case m.kind == mkGeneric && n.kind == mkVar:
					m.kind, m.vars = n.kind, n.vars
				case m.kind == mkVar && n.kind == mkVar && bracketNames(m.vars, n.vars) != 0:
					m.vars = bracketNames(m.vars, n.vars)
				case m.kind != mkOther && n.kind == mkVar:
					m.vars |= n.vars
					m.needUnit = m.needUnit && n.needUnit
				}
				m.end = n.end + 1
				ms = append(ms[:k+1], ms[k+2:]...)
				changed = true
				continue
			}
			// "aspartate amino transferase (AST or SGOT)": two names of the
			// same variable in the brackets
			if k+2 < len(ms) && kindAt(toks, m.end, kLParen) && n.start == m.end+1 && n.kind == mkVar {
				n2 := ms[k+2]
				if _, ok := listJoin(toks, n.end, n2.start); ok && n2.kind == mkVar && n2.vars == n.vars &&
					kindAt(toks, n2.end, kRParen) && (m.kind == mkOther || m.vars == n.vars) {
					m.kind, m.vars, m.needUnit = mkVar, n.vars, false
					m.end = n2.end + 1
					ms = append(ms[:k+1], ms[k+3:]...)
					changed = true
				}
			}
		}
	}
	// an abbreviation of the record's own in brackets after the name:
	// "creatinine (CRE) and blood urea nitrogen (BUN) ≤ 1.5 times ULN"
	for k := range ms {
		m := &ms[k]
		if m.kind == mkVar && kindAt(toks, m.end, kLParen) && kindAt(toks, m.end+2, kRParen) &&
			ownAbbreviation(&toks[m.end+1]) && (k+1 == len(ms) || ms[k+1].start > m.end+1) {
			m.end += 3
		}
	}
	p.groups = p.groups[:0]
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		g := group{start: m.start, end: m.end, kind: m.kind, vars: m.vars, needUnit: m.needUnit}
		if m.kind != mkOther {
			g.addPart(m.vars)
		}
		for k+1 < len(ms) {
			n := ms[k+1]
			switch {
			case n.start == g.end && g.kind != mkOther && n.kind != mkOther && !isAge(g) && !isAgeM(n):
				// "ECOG performance status", "performance status ECOG"
				mergeInto(&g, n)
				g.mergeLastPart(n.vars)
				g.end = n.end
				k++
				continue
			case kindAt(toks, g.end, kLParen) && n.start == g.end+1 && kindAt(toks, n.end, kRParen):
				// "absolute neutrophil count (ANC)", "prothrombin time (INR)"
				if g.kind == mkOther && n.kind != mkOther {
					g.kind, g.vars, g.needUnit = n.kind, n.vars, n.needUnit
					g.nparts = 0
					g.addPart(n.vars)
				} else if g.kind != mkOther && n.kind != mkOther {
					mergeInto(&g, n)
					g.mergeLastPart(n.vars)
				}
				g.end = n.end + 1
				k++
				continue
			case kindAt(toks, g.end, kLParen) && n.start == g.end+1 && k+2 < len(ms) && ms[k+2].start == n.end+1 &&
				kindAt(toks, n.end, kSlash) && kindAt(toks, ms[k+2].end, kRParen) && n.kind != mkOther && ms[k+2].kind != mkOther:
				// "transaminases (AST/ALT)"
				mergeInto(&g, n)
				mergeInto(&g, ms[k+2])
				g.mergeLastPart(n.vars | ms[k+2].vars)
				g.end = ms[k+2].end + 1
				k += 2
				continue
			}
			if n.start == g.end && n.kind == mkOther && g.kind != mkOther && !isAge(g) {
				// a glued table cell: "INR OR prothrombin time (PT) Activated partial thromboplastin time (aPTT)"
				g.end = n.end
				k++
				continue
			}
			if e, ok := listJoin(toks, g.end, n.start); ok && !isAge(g) && !isAgeM(n) && n.kind != mkGeneric && g.kind != mkGeneric &&
				!(g.kind == mkOther && n.kind != mkOther && shareNoun(toks, g.start)) {
				_ = e
				if n.kind == mkOther && g.kind == mkOther {
					g.end = n.end
				} else if n.kind == mkOther {
					g.end = n.end
					g.nparts = len(g.parts) + 1 // a list with an outsider: never read "respectively"
				} else if g.kind == mkOther {
					g.kind, g.vars, g.needUnit = n.kind, n.vars, n.needUnit
					g.end = n.end
					g.nparts = len(g.parts) + 1
				} else {
					g.vars |= n.vars
					g.needUnit = g.needUnit || n.needUnit
					g.end = n.end
					g.addPart(n.vars)
				}
				k++
				continue
			}
			break
		}
		if g.kind == mkGeneric {
			g.kind = mkVar
			g.generic = true
		}
		p.groups = append(p.groups, g)
	}
	p.scaleNamedAfter()
	p.scoreNamedAfter()
	if cap(p.inGrp) < len(toks) {
		p.inGrp = make([]int, len(toks))
	}
	p.inGrp = p.inGrp[:len(toks)]
	for i := range p.inGrp {
		p.inGrp[i] = -1
	}
	for gi, g := range p.groups {
		for i := g.start; i < g.end && i < len(toks); i++ {
			p.inGrp[i] = gi
		}
	}
}

// scaleNamedAfter gives a bare "performance status" the scale named right
// after its value: "performance status of ≥ 70% on the Karnofsky scale",
// "performance status 60-100 (Karnofsky)". The scale's own mention is then
// no subject of its own; one with a value of its own ("PS 0-1 (Karnofsky ≥
// 70)") is a restatement and left alone.
func (p *parser) scaleNamedAfter() {
	toks := p.toks
	for gi := 0; gi+1 < len(p.groups); gi++ {
		g, h := &p.groups[gi], &p.groups[gi+1]
		if !g.generic || h.kind != mkVar || (h.vars != maskOf(vKarnofsky) && h.vars != maskOf(vLansky)) {
			continue
		}
		sawValue, prep := false, false
		ok := h.start-g.end <= 10
		for j := g.end; ok && j < h.start; j++ {
			t := &toks[j]
			switch {
			case t.kind == kNum:
				sawValue = true
			case t.kind == kOp || t.kind == kDash || t.kind == kLParen || t.kind == kPercent || t.kind == kColon:
			case t.kind == kWord && (t.text == "on" || t.text == "by" || t.text == "per" || t.text == "using" ||
				t.text == "according" || t.text == "in"):
				prep = true
			case t.kind == kWord && (t.text == "of" || t.text == "the" || t.text == "a" || t.text == "to" || t.text == "or" ||
				t.text == "and" || t.text == "than" || t.text == "greater" || t.text == "less" || t.text == "at" ||
				t.text == "least" || t.text == "more" || t.text == "equal" || t.text == "score" || t.text == "is"):
			default:
				ok = false
			}
		}
		bracketed := kindAt(toks, h.start-1, kLParen) && kindAt(toks, h.end, kRParen)
		if !ok || !sawValue || !(prep || bracketed) {
			continue
		}
		// the scale's mention states no value of its own
		k := h.end
		for k < len(toks) && (wordAt(toks, k, "scale", "score", "status") || kindAt(toks, k, kRParen)) {
			k++
		}
		if kindAt(toks, k, kNum) || kindAt(toks, k, kOp) {
			continue
		}
		if _, _, cmp := comparator(toks, k); cmp {
			continue
		}
		g.vars, g.generic = h.vars, false
		g.nparts = 0
		g.addPart(h.vars)
		p.groups = append(p.groups[:gi+1], p.groups[gi+2:]...)
	}
}

// scoreNamedAfter moves a Karnofsky or Lansky mention that follows its
// value onto the bare "score" that holds the value: "an evaluated score
// above 60 with KPS", "evaluated below 50 scores with KPS". The mention
// must state no value of its own, and nothing else may lie between.
func (p *parser) scoreNamedAfter() {
	toks := p.toks
	for hi := range p.groups {
		h := &p.groups[hi]
		if h.kind != mkVar || h.generic || h.vars != maskOf(vKarnofsky) && h.vars != maskOf(vLansky) {
			continue
		}
		k := h.end
		for k < len(toks) && wordAt(toks, k, "scale", "score", "status") {
			k++
		}
		if kindAt(toks, k, kNum) || kindAt(toks, k, kOp) {
			continue
		}
		if _, _, cmp := comparator(toks, k); cmp {
			continue
		}
		j := h.start - 1
		for wordAt(toks, j, "the", "a") {
			j--
		}
		if !wordAt(toks, j, "with", "on", "by", "per", "using") {
			continue
		}
		j--
		at := -1
		switch {
		case wordAt(toks, j, "score", "scores") && kindAt(toks, j-1, kNum):
			at = j // "below 50 scores with KPS"
		case kindAt(toks, j, kNum) || kindAt(toks, j, kPercent) && kindAt(toks, j-1, kNum):
			// "score above 60 with KPS"
			for s := j - 1; s >= 0 && s >= j-5; s-- {
				if wordAt(toks, s, "score", "scores") {
					c := s + 1
					if wordAt(toks, c, "of") {
						c++
					}
					if _, e, ok := comparator(toks, c); ok && kindAt(toks, e, kNum) {
						at = s
					}
					break
				}
			}
		}
		if at < 0 || hi > 0 && p.groups[hi-1].end > at {
			continue
		}
		h.start, h.end = at, at+1
	}
}

// ageValueAt reports an age's value at j: a number, a comparison, a colon.
func ageValueAt(toks []token, j int) bool {
	if kindAt(toks, j, kNum) || kindAt(toks, j, kColon) || kindAt(toks, j, kOp) || wordAt(toks, j, "between", "from", "of") {
		return true
	}
	_, _, ok := comparator(toks, j)
	return ok
}

// whoScaleAt reports the value of a WHO performance status at j: a small
// number or a comparison, after a colon or "PS".
func whoScaleAt(toks []token, j int) bool {
	// "WHO 0-2", "WHO PS: 1", "Performance status (WHO scale) less than 2"
	for n := 0; n < 3 && (kindAt(toks, j, kColon) || wordAt(toks, j, "ps", "score", "of", "scale") ||
		kindAt(toks, j, kRParen) && wordAt(toks, j-1, "scale")); n++ {
		j++
	}
	if kindAt(toks, j, kNum) {
		return toks[j].val <= 5 && toks[j].decimals < 0
	}
	_, _, ok := comparator(toks, j)
	return ok
}

// bracketNames gives the one variable a name and the name bracketed after
// it mean together, or 0: "serum glutamate oxalo-acetate transaminase
// (SGOT)" is the AST, not both transaminases; "Glomerular filtration rate
// (CCr)" and "creatinine clearance (GFR)" are a creatinine clearance, which
// its own words always name (SPEC 4.10).
func bracketNames(name, bracket varMask) varMask {
	ast, alt, crcl, egfr := maskOf(vAST), maskOf(vALT), maskOf(vCrCl), maskOf(vEGFR)
	switch {
	case name == ast|alt && (bracket == ast || bracket == alt):
		return bracket
	case name == egfr && bracket == crcl, name == crcl && bracket == egfr:
		return crcl
	}
	return 0
}

// mergeLastPart adds a restatement to the mention it restates; a generic
// "performance status" gives way to the scale it is named with.
func (g *group) mergeLastPart(vs varMask) {
	if g.nparts == 0 {
		g.addPart(vs)
		return
	}
	if g.nparts <= len(g.parts) {
		g.parts[g.nparts-1] = g.vars & (g.parts[g.nparts-1] | vs)
	}
}

// shareNoun reports a name that is what a percentage is of: "< 50% of
// bone marrow plasma cells and platelet count > 25,000" (the cells are
// the share's, not a subject listed with the platelets).
func shareNoun(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		switch {
		case toks[k].kind == kPercent:
			return wordAt(toks, k+1, "of")
		case toks[k].kind != kWord:
			return false
		}
	}
	return false
}

// newStatementAt reports a variable that starts a statement of its own
// right after another thing's name, in a record that lost its line breaks:
// a capital after a lower-case word, and a comparison of its own ("… were
// plasma cells Total bilirubin </= 2.0 mg/dL"). "CD4 lymphocytes", "HBV
// DNA" stay one name.
func newStatementAt(toks []token, m mention) bool {
	if m.start == 0 || !toks[m.start].upper || toks[m.start-1].kind != kWord || toks[m.start-1].upper {
		return false
	}
	_, _, ok := comparator(toks, m.end)
	return ok
}

func isAge(g group) bool    { return g.vars == maskOf(vAge) && g.kind == mkVar }
func isAgeM(m mention) bool { return m.vars == maskOf(vAge) && m.kind == mkVar }
func mergeInto(g *group, n mention) {
	switch {
	case g.kind == mkGeneric && n.kind != mkGeneric:
		g.kind, g.vars = n.kind, n.vars
	case n.kind == mkGeneric:
	default:
		g.vars |= n.vars
	}
	g.needUnit = g.needUnit && n.needUnit
}

// listJoin reports whether the tokens [a, b) join two mentions into a list:
// ",", "and", "or", "/", "&", "and/or", ", and", "as well as".
func listJoin(toks []token, a, b int) (int, bool) {
	if b <= a || b-a > 4 {
		return 0, false
	}
	for i := a; i < b; i++ {
		t := &toks[i]
		switch t.kind {
		case kComma, kSlash:
		case kWord:
			switch t.text {
			case "and", "or", "as", "well", "both", "plus", "the", "serum", "total",
				// "Creatinine clearance or radioisotope glomerular filtration rate"
				"radioisotope", "radionuclide", "isotopic", "nuclear", "measured", "calculated", "estimated":
			default:
				return 0, false
			}
		case kOther:
			if t.end-t.start != 1 || t.start < 0 {
				return 0, false
			}
		default:
			return 0, false
		}
	}
	return b, true
}

// ---- triggers ----

var groupWords = setOf("patients", "patient", "subjects", "subject", "participants", "participant", "those",
	"individuals", "people", "persons", "pts", "men", "women", "males", "females", "male", "female", "man", "woman",
	"boys", "girls", "children", "child", "adults", "adult", "adolescents", "adolescent", "pediatric", "paediatric", "elderly",
	"infants", "japanese", "chinese", "asian", "asians", "part", "parts", "cohort", "cohorts", "arm", "arms",
	"group", "groups", "stratum", "strata", "stage", "step", "phase", "expansion", "escalation", "dose", "gilbert", "gilberts",
	"everyone", "anyone", "cases", "cisplatin", "carboplatin", "japan", "china", "korea", "taiwan", "korean", "koreans",
	"taiwanese", "singapore", "canada", "quebec", "germany", "sites", "site",
	"centers", "centres", "countries", "country", "monotherapy", "combination", "re", "retreatment", "crossover",
	"extension", "continuation", "subsequent")

var subgroupNouns = setOf("metastases", "metastasis", "metastatic", "mets", "involvement", "infiltration",
	"infiltrated", "invasion", "gilbert", "gilberts", "hcc", "hepatocellular", "hepatoma", "cirrhosis", "hepatitis",
	"lymphoma", "leukemia", "leukaemia", "myeloma", "marrow", "hemolysis", "haemolysis", "thalassemia",
	"cholestasis", "obstruction", "stent", "biliary", "splenomegaly", "hypersplenism", "tumor", "tumour",
	"malignancy", "syndrome", "anticoagulation", "anticoagulant", "anticoagulants", "warfarin", "heparin",
	"transfusion", "transfused", "dialysis", "hemodialysis", "medication", "medications", "antiepileptic",
	"antiepileptics", "anticonvulsant", "anticonvulsants", "steroid", "steroids", "corticosteroids",
	// "(≥ 500/mcL for MDS)": the disease of the patients a value is for
	"mds", "aml", "cll", "cml", "nhl", "myelodysplastic", "myelodysplasia", "myelofibrosis", "mpn")

var ifExempt = setOf("applicable", "available", "tested", "measured", "done", "performed", "clinically",
	"needed", "necessary", "required", "known", "obtained", "appropriate", "possible", "feasible", "indicated",
	"assessed", "evaluated", "collected", "any", "abnormal", "elevated", "they", "not", "using", "calculated",
	"estimated", "used", "determined", "done", "desired", "permitted", "allowed",
	// "QTcF greater than 480 msec when electrolytes balance is normal": how
	// the value is taken, not whose
	"electrolyte", "electrolytes")

var anticoagWords = setOf("anticoagulation", "anticoagulant", "anticoagulants", "anticoagulated", "warfarin",
	"heparin", "coumadin", "coumarin", "acenocoumarol", "phenprocoumon", "doac", "doacs", "noac", "noacs",
	"lmwh", "rivaroxaban", "apixaban", "edoxaban", "dabigatran", "antagonist", "antagonists", "anticoagulative",
	"anti", "coagulation")

var objectEnd = setOf("then", "must", "should", "shall", "need", "needs", "required", "require", "requires", "may",
	"can", "will", "allowed", "permitted", "eligible", "acceptable", "which", "is", "are", "was", "were", "but",
	"has", "have", "up", "not")

// ownAbbreviation reports a word of two to five capitals that names no
// limit or unit: what a record abbreviates a named variable to.
func ownAbbreviation(t *token) bool {
	if t.kind != kWord || !t.caps || len(t.text) < 2 || len(t.text) > 5 {
		return false
	}
	for i := 0; i < len(t.text); i++ {
		if c := t.text[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	switch t.text {
	case "uln", "unl", "lln", "iu", "si", "ul", "ml", "nl", "mg", "ms", "bsa", "ecg", "echo", "muga", "mri", "ct":
		return false
	}
	return true
}

func (p *parser) findTriggers() {
	toks := p.toks
	p.trigs = p.trigs[:0]
	p.notes = p.notes[:0]
	if cap(p.inObj) < len(toks) {
		p.inObj = make([]bool, len(toks))
	}
	p.inObj = p.inObj[:len(toks)]
	for i := range p.inObj {
		p.inObj[i] = false
	}
	if e, ok := p.laterLead(); ok {
		// "Stage 2: …", "Re-treatment criteria: …", "Crossover phase: …"
		p.trigs = append(p.trigs, trigger{pos: 0, end: e, objEnd: e, leading: true})
		for k := 0; k < e; k++ {
			p.inObj[k] = true
		}
	} else if e, ok := p.elderLead(0, false); ok {
		// "Patients over 70 years with CrCl ≥ 30 mL/min": the older
		// patients' own lab bound; the age picks them, it bounds no one
		p.trigs = append(p.trigs, trigger{pos: 0, end: e, objEnd: e, leading: true})
		for k := 0; k < e; k++ {
			p.inObj[k] = true
		}
	} else if e, ok := p.whoLead(); ok {
		// "Patients who are to receive IL-2 and who are 50 years old or
		// greater must have … LVEF > 45%": the clause picks a subgroup
		p.trigs = append(p.trigs, trigger{pos: 0, end: e, objEnd: e, leading: true})
		for k := 0; k < e; k++ {
			p.inObj[k] = true
		}
	} else if e, ok := p.onlyLead(); ok {
		// "Japanese patients only: …", "For sites in France only: …"
		p.trigs = append(p.trigs, trigger{pos: 0, end: e, objEnd: e, leading: true})
		for k := 0; k < e; k++ {
			p.inObj[k] = true
		}
	}
	for i := 0; i < len(toks); i++ {
		if p.inObj[i] {
			continue
		}
		if i > 0 && toks[i-1].kind == kSemi {
			// "CrCl ≥ 50 mL/min; patients over 70 years with CrCl ≥ 30 mL/min"
			if e, ok := p.elderLead(i, true); ok {
				p.trigs = append(p.trigs, trigger{pos: i, depth: toks[i].depth, end: e, objEnd: e, leading: true})
				for k := i; k < e; k++ {
					p.inObj[k] = true
				}
				i = e - 1
				continue
			}
		}
		if e, ok := p.conditionBeforeValue(i); ok {
			p.trigs = append(p.trigs, trigger{pos: i, depth: toks[i].depth, end: i, objEnd: e, leading: true, place: true,
				exempt: p.objHasAnticoag(i, e)})
			for k := i; k < e; k++ {
				p.inObj[k] = true
			}
			i = e - 1
			continue
		}
		if toks[i].text == "provided" {
			if e, ok := permittedProvided(toks, i); ok {
				// "low molecular weight heparin is permitted provided the
				// patient's … INR is =< 1.5" (DEV43 NCT00813423): the bound
				// is for those the permission is for
				p.trigs = append(p.trigs, trigger{pos: i, depth: toks[i].depth, end: e, objEnd: e, leading: true})
				i = e - 1
				continue
			}
		}
		if toks[i].kind != kLParen && !toks[i].is(cTrigger) {
			continue
		}
		t, ok := p.triggerAt(i)
		if !ok || p.ifValueHigh(i) {
			continue
		}
		if !t.leading && !t.exception && wordAt(toks, i, "in", "for", "among") && p.runOnSentence(i) {
			// "AST ≤ 2.5 x ULN In the case of liver metastases, AST ≤ 5 x
			// ULN": the clause opens the run-on sentence, as "If" does
			t.leading = true
		}
		t.runOn = t.leading && p.runOnSentence(i)
		if e, ok := p.procedureIf(i); ok {
			// "(if > 2 × ULN due to Gilbert's disease, must discuss with
			// the PI)": what the team does, not who the bound is for
			p.notes = append(p.notes, [2]int{i, e})
			i = e - 1
			continue
		}
		t.objEnd = p.objectEnd(t)
		// ("No congestive heart failure …, unless ejection fraction > 40%"
		// in a PDQ record's inclusions excludes as an exclusion does, DEV39
		// NCT00227565)
		if (p.ctx.exclusion || wordAt(toks, 0, "no")) && t.exception {
			if g, ok := p.unlessValue(t); ok {
				t.objEnd, t.allows = g, true
			}
		}
		for k := t.end; k < t.objEnd; k++ {
			p.inObj[k] = true
		}
		p.trigs = append(p.trigs, t)
		i = t.objEnd - 1
		if i < t.pos {
			i = t.pos
		}
	}
	for gi := range p.groups {
		if p.inObj[p.groups[gi].start] {
			p.groups[gi].inObject = true
		}
	}
	p.example = resizeBools(p.example, len(toks))
	p.trigWord = resizeBools(p.trigWord, len(toks))
	for ti := range p.trigs {
		t := &p.trigs[ti]
		for i := t.pos; i < t.end && i < len(toks); i++ {
			p.trigWord[i] = true
		}
		if t.objEnd == t.end {
			for i := t.pos; i < t.objEnd && i < len(toks); i++ {
				p.trigWord[i] = true
			}
		}
		if t.example {
			for i, e := t.end, p.scopeEnd(t); i < e; i++ {
				p.example[i] = true
			}
		}
	}
}

// laterLead reports an item opening with a later step's name and a colon
// ("Stage 2:", "Re-treatment criteria:", "Crossover phase:"), and returns
// the index after the colon.
func (p *parser) laterLead() (int, bool) {
	toks := p.toks
	var words [6]string
	n := 0
	for k := 0; k < len(toks) && k < 10; k++ {
		t := &toks[k]
		switch t.kind {
		case kColon:
			return k + 1, n > 0 && laterStep(words[:n])
		case kWord, kNum:
			if n == len(words) {
				return 0, false
			}
			words[n] = t.text
			n++
		case kDash, kLParen, kRParen:
		default:
			return 0, false
		}
	}
	return 0, false
}

// onlyLead reports an item opening with a short phrase that holds "only"
// and ends in a colon, with no value in it: what follows is for a subgroup.
// It returns the index after the colon.
// elderLead reports an item opening with older patients and then their own
// lab bound ("Patients over 70 years with CrCl ≥ 30", "Subjects aged ≥ 65
// years: creatinine clearance ≥ 40 mL/min"), and returns the index after
// "with" (or the colon). Only an age's lower end of 60 or more and a
// laboratory value after it: "Patients aged ≥ 18 years with ECOG 0-1" and
// "Patients ≥ 70 years with AML" name the trial's population. After a
// semicolon (mid), behind a bound already stated, a performance scale is
// such a bound too ("ECOG 0-1; patients ≥ 70 years with ECOG 0-2").
func (p *parser) elderLead(i int, mid bool) (int, bool) {
	toks := p.toks
	if !wordAt(toks, i, "patients", "subjects", "participants", "pts", "those") {
		return 0, false
	}
	k := i + 1
	if wordAt(toks, k, "aged") {
		k++
	}
	o, k, ok := comparator(toks, k)
	if !ok || o != opGT && o != opGE {
		return 0, false
	}
	v, _, k, ok := number(toks, k, false)
	if !ok || v < 60 || v > 100 || toks[k-1].kind != kNum {
		return 0, false
	}
	if u, e := unit(toks, k); u != ruYears {
		return 0, false
	} else {
		k = e
	}
	if e, ok := ageTail(toks, k); ok {
		k = e
	}
	if !wordAt(toks, k, "with") && !kindAt(toks, k, kColon) {
		return 0, false
	}
	k++
	if wordAt(toks, k, "a", "an") {
		k++
	}
	if k >= len(toks) {
		return 0, false
	}
	m, ok := matchMention(toks, k)
	excluded := maskOf(vChildPugh, vBCLC, vLifeExpectancy, vAge)
	if !mid {
		excluded |= maskOf(vECOG, vKarnofsky, vLansky)
	}
	if !ok || m.kind != mkVar && !(mid && m.kind == mkGeneric) || m.vars&excluded != 0 {
		return 0, false
	}
	return k, true
}

// whoLead reports an item opening with a 'who' clause that picks
// patients by a treatment they get or got, or by their age, and then says
// what those patients must have ("Patients who are to receive high dose
// IL-2 and who are 50 years old or greater must have … LVEF > 45%",
// "Subjects who have received prior anthracyclines must have LVEF ≥ 50%").
// It returns the index of the modal: the bounds after it are the
// subgroup's, and the clause's age bounds no one. A clause that names a
// variable of its own is left alone (its value is no subgroup's pick).
func (p *parser) whoLead() (int, bool) {
	toks := p.toks
	if !wordAt(toks, 0, "patients", "subjects", "participants", "those") || !wordAt(toks, 1, "who") {
		return 0, false
	}
	picks := false
	for k := 2; k < len(toks) && k < 40; k++ {
		t := &toks[k]
		if t.depth > 0 {
			continue
		}
		switch t.kind {
		case kSemi, kColon, kOp:
			return 0, false
		case kNum:
			// older patients, or children: "who are 18 years or older"
			// is the trial's own population
			if u, _ := unit(toks, k+1); u == ruYears && (t.val >= 50 || wordAt(toks, k-1, "under", "below") ||
				wordAt(toks, k-1, "than") && wordAt(toks, k-2, "younger", "less")) {
				picks = true
			}
		case kWord:
			if wordAt(toks, k, "must", "should", "shall") {
				if !picks || k == 2 {
					return 0, false
				}
				return k, true
			}
			if wordAt(toks, k, "receive", "receiving", "received", "treated", "undergo", "undergoing", "underwent") {
				picks = true
			}
			if wordAt(toks, k, "not", "no") {
				// "Patients who are not receiving anticoagulants must have
				// INR ≤ 1.5" is everyone's bound (SPEC 4.9)
				return 0, false
			}
			if m, ok := matchMention(toks, k); ok && (m.kind == mkVar || m.kind == mkGeneric) && m.vars&maskOf(vAge) == 0 {
				return 0, false
			}
		}
	}
	return 0, false
}

func (p *parser) onlyLead() (int, bool) {
	toks := p.toks
	only := false
	for k := 0; k < len(toks) && k < 10; k++ {
		t := &toks[k]
		switch t.kind {
		case kColon:
			if !only || k <= 1 {
				return k + 1, false
			}
			// no comparison before the colon ("Only patients with ANC ≥ 1500:"
			// states a value): looked for only now, most items have no
			// such lead
			for m := 0; m < k; m++ {
				if toks[m].kind == kWord {
					if _, _, ok := comparator(toks, m); ok {
						return 0, false
					}
				}
			}
			return k + 1, true
		case kWord:
			if t.text == "only" {
				only = true
			}
			if only && k > 0 && toks[0].text == "only" && (t.text == "following" || t.text == "criteria" || t.text == "eligible") {
				// "Only patients fulfilling the following criteria are
				// eligible:": the list itself, everyone's ("Patients in
				// Japan only must meet the following:" stays a subgroup's)
				return 0, false
			}
		case kNum:
			if t.decimals >= 0 {
				return 0, false
			}
		case kOp, kSemi, kPeriod, kSep:
			return 0, false
		}
	}
	return 0, false
}

func (p *parser) triggerAt(i int) (trigger, bool) {
	toks := p.toks
	t := &toks[i]
	tr := trigger{pos: i, depth: t.depth}
	if t.kind == kLParen {
		// "(men)", "(Part A)", "(women)"
		k := i + 1
		for k < len(toks) && toks[k].kind == kWord && (toks[k].is(cGroup) || toks[k].text == "only") ||
			k > i+1 && k < len(toks) && (toks[k].kind == kNum || toks[k].kind == kWord && len(toks[k].text) == 1) {
			k++
		}
		if k > i+1 && kindAt(toks, k, kRParen) && wordAt(toks, i+1, "men", "women", "male", "female", "males",
			"females", "boys", "girls", "part", "cohort", "arm", "group") {
			tr.end = i + 1
			tr.objEnd = k
			return tr, true
		}
		// "Age ≥ 20 years (Japan) or ≥ 18 years (other countries)": a
		// country's label after its own value
		if e, ok := placeLabel(toks, i+1); ok && p.afterValue(i) {
			tr.end, tr.objEnd, tr.place = i+1, e, true
			return tr, true
		}
		// "≤ 2.5 × ULN (no liver metastases) or ≤ 5 × ULN (liver
		// metastases)": a bracket right after a value that holds only a
		// condition the labs are relaxed for names that value's patients
		if e, ok := p.conditionLabel(i + 1); ok && (p.afterValue(i) || p.unitEndsAt(i)) {
			tr.end, tr.objEnd = i+1, e
			tr.exempt = p.objHasAnticoag(i+1, e)
			return tr, true
		}
		// "(Phase 2)", "(cisplatin cohort)", "(dose expansion)": a study
		// part's label, a few words up to the bracket's end
		if e, ok := p.partLabel(i + 1); ok && kindAt(toks, e, kRParen) {
			tr.end = i + 1
			tr.objEnd = e
			return tr, true
		}
		return tr, false
	}
	if t.kind != kWord {
		return tr, false
	}
	w := t.text
	switch w {
	case "e", "eg", "example", "examples", "such", "instance":
		// "e.g.", "for example", "such as"
		e := 0
		switch {
		case w == "e" && kindAt(toks, i+1, kOther) && wordAt(toks, i+2, "g"):
			e = i + 3
			if kindAt(toks, e, kOther) {
				e++
			}
		case w == "e" && comorbidityList(toks, i):
			// "declined … due to concurrent medical conditions (i.e.
			// ejection fraction less than 50, FEV1 … less than 50%)": the
			// conditions that pick a subgroup, named by their values
			e = i + 1
			if kindAt(toks, e, kOther) {
				e++
			}
		case w == "eg":
			e = i + 1
		case w == "example" && wordAt(toks, i-1, "for"), w == "instance" && wordAt(toks, i-1, "for"):
			e = i + 1
		case (w == "example" || w == "examples") && kindAt(toks, i-1, kLParen) && (kindAt(toks, i+1, kComma) || kindAt(toks, i+1, kColon)):
			// "(example, repeated demonstration of QTc interval > 480 ms)"
			e = i + 2
		case w == "such" && wordAt(toks, i+1, "as"):
			e = i + 2
		}
		if e == 0 {
			return tr, false
		}
		tr.end, tr.example, tr.leading = e, true, true
		return tr, true
	case "if", "when", "whenever":
		tr.leading = p.runOnSentence(i)
		if wordAt(toks, i+1, "not") && wordAt(toks, i+2, "on", "receiving") {
			tr.end = i + 1
			tr.exempt = p.objHasAnticoag(i+1, i+8)
			return tr, true
		}
		if i+1 < len(toks) && toks[i+1].is(cIfExempt) && !(wordAt(toks, i+1, "elevated", "abnormal") && p.valueAfterComma(i)) {
			return tr, false
		}
		if wordAt(toks, i+1, "all", "each", "every") && (wordAt(toks, i+2, "of") || wordAt(toks, i+2, "the", "following", "criteria", "inclusion")) {
			// "A patient will be eligible for inclusion only if all of the
			// following criteria are fulfilled:": the list itself, everyone's
			return tr, false
		}
		// "… may be included if total bilirubin ≤ 3 × ULN": what the allowed
		// must meet, not who they are
		if wordAt(toks, i-1, "included", "eligible", "enrolled", "allowed", "permitted", "accepted", "enroll", "enrol",
			"participate", "qualify",
			// "Patients will be excluded if their ECOG is ≥ 2": what excludes
			"excluded", "ineligible") && !p.gradeAllowedBefore(i-1) && !p.valueAllowedBefore(i-1) {
			return tr, false
		}
		tr.end = i + 1
		return tr, true
	case "unless", "except", "excepting", "excluding":
		// "except for the following laboratory parameters, which must be
		// within the ranges specified": the list itself, not an exception
		if wordAt(toks, i+1, "as") || wordAt(toks, i+1, "the") && wordAt(toks, i+2, "following") ||
			wordAt(toks, i+1, "for") && wordAt(toks, i+2, "the") && wordAt(toks, i+3, "following") {
			return tr, false
		}
		tr.end = i + 1
		tr.exception = true
		tr.exempt = p.objHasAnticoag(i+1, i+8)
		if wordAt(toks, i+1, "for", "in") {
			tr.end = i + 2
		}
		return tr, true
	case "with":
		if wordAt(toks, i+1, "the") && wordAt(toks, i+2, "exception") && wordAt(toks, i+3, "of") {
			tr.end = i + 4
			tr.exception = true
			return tr, true
		}
		// "with the following exception(s):"
		if wordAt(toks, i+1, "the") && wordAt(toks, i+2, "following") && wordAt(toks, i+3, "exception", "exceptions") {
			tr.end = i + 4
			tr.exception = true
			return tr, true
		}
		if wordAt(toks, i+1, "or", "no", "without", "normal", "adequate") {
			return tr, false
		}
		// "(can be corrected with transfusion)", "maintained with
		// supplementation": how the value may be reached, not who has it
		if wordAt(toks, i-1, "corrected", "correctable", "achieved", "achievable", "reached", "maintained",
			"supported", "replaced", "repleted", "supplemented") {
			return tr, false
		}
		if p.nounWithin(i+1, 5) || looksLikeDrug(toks, i+1) || p.stageAlternative(i+1) || p.historyPick(i) {
			tr.end = i + 1
			return tr, true
		}
		return tr, false
	case "without":
		// "≤ 1.5 mg/dL without liver metastases, ≤ 3 mg/dL with liver
		// metastases": right after a value, the absence of a condition the
		// labs are relaxed for picks a subgroup as "in the absence of" does
		// (SPEC 4.7); "without transfusion" says how the value is reached
		// "≤ 1.5 × ULN (patients without liver metastases) or ≤ 3 × ULN
		// (patients with liver metastases)": the patients named first
		at := i
		if wordAt(toks, i-1, "patients", "subjects", "participants", "those") {
			at = i - 1
		}
		if kindAt(toks, at-1, kLParen) {
			at--
		}
		if (p.afterValue(at) || p.unitEndsAt(at)) && p.modifierWithin(i+1, 3) {
			tr.end = i + 1
			tr.exempt = p.objHasAnticoag(i+1, i+6)
			return tr, true
		}
		return tr, false
	case "receiving", "treated":
		if looksLikeDrug(toks, i+1) || wordAt(toks, i+1, "with") && looksLikeDrug(toks, i+2) {
			tr.end = i + 1
			return tr, true
		}
		return tr, false
	case "due", "secondary", "attributable", "attributed", "because", "caused", "related":
		if wordAt(toks, i+1, "to", "of", "by") && p.nounWithin(i+2, 5) {
			tr.end = i + 2
			// "SGOT ≥ 2.5 × ULN not due to leukemia" excepts a cause, as
			// "unless due to" does: the bound stays everyone's (SPEC 4.8)
			tr.exception = notCause(toks, i)
			return tr, true
		}
		return tr, false
	case "gilbert", "gilberts":
		tr.end = i
		return tr, true
	case "discretion":
		// "(up to 75 at the investigator's discretion)", "≥ 50 mL/min may
		// be allowed at the discretion of the sponsor": a relaxation
		// granted case by case, a subgroup's bound
		if atDiscretion(toks, i) {
			tr.end = i + 1
			return tr, true
		}
		return tr, false
	case "preferred":
		// "Age: 18 and over (under 75 preferred)": the bound before it
		// picks the patients of the preferred regimen, as a subgroup's
		if preferredAside(toks, i) {
			tr.end = i + 1
			return tr, true
		}
		return tr, false
	case "where":
		// "≤ 5 × ULN where hepatic metastases are present"
		if p.nounWithin(i+1, 4) {
			tr.end = i + 1
			return tr, true
		}
		return tr, false
	case "part", "parts", "cohort", "cohorts", "arm", "arms", "group", "groups", "module", "substudy", "stratum", "strata":
		// "Part B only: ECOG 0-1", "Cohort 2: creatinine clearance ≥ 30 mL/min"
		if e, ok := p.groupLabelLead(i); ok {
			tr.end, tr.objEnd, tr.leading = e, e, true
			return tr, true
		}
		return tr, false
	case "japan", "korea", "taiwan", "china", "singapore":
		// "(Japan ≥ 20, Korea ≥ 19)", "Korea: ≥ 19 years": a country named
		// right before its own value, as a study group's label is
		k := i + 1
		if kindAt(toks, k, kColon) {
			k++
		}
		if !kindAt(toks, k, kOp) || !(i == 0 || wordAt(toks, i-1, "south", "and", "in") || kindAt(toks, i-1, kLParen) ||
			kindAt(toks, i-1, kComma) || kindAt(toks, i-1, kSemi)) {
			return tr, false
		}
		if _, _, ok := comparator(toks, k); !ok {
			return tr, false
		}
		if wordAt(toks, i-1, "in") {
			tr.pos = i - 1
		}
		tr.end, tr.objEnd, tr.leading, tr.place = k, k, true, true
		return tr, true
	case "in", "for", "among":
		k := i + 1
		// "; in Japan ≥ 20 years": the country's own value, read as its label
		if w == "in" && wordAt(toks, k, "japan", "korea", "taiwan", "china", "singapore") {
			if _, ok := p.triggerAt(k); ok {
				return tr, false
			}
		}
		// "Age 70 years or older for whom the treatment of choice is …": a
		// further criterion of the same patients, not a subgroup
		if wordAt(toks, k, "whom", "which") {
			return tr, false
		}
		// "by the modified Cockcroft-Gault formula for adults or the
		// Schwartz formula for children": whom a formula is used for
		if w == "for" && wordAt(toks, i-1, "formula", "equation", "method") {
			// ("… or MDRD formula for patients older than 65 years": the
			// age in it picks whom the formula is for, and bounds no one)
			if wordAt(toks, k, "patients", "subjects", "participants", "those") {
				if b, ok := boundAt(toks, k+1); ok && b.end > k+1 && (isTimeUnit(b.loUnit) || isTimeUnit(b.hiUnit) || b.ageHint) {
					tr.end, tr.objEnd, tr.exempt = k+1, b.end, true
					return tr, true
				}
			}
			return tr, false
		}
		// "(for all patients)", "(in all countries)", "(for men and
		// women)": everyone named, no subgroup
		// ("in all patients older than 65 years" still picks some)
		e := -1
		switch {
		case wordAt(toks, k, "all", "every", "each", "both") && kindAt(toks, k+1, kWord) && toks[k+1].is(cGroup):
			e = k + 2
		case wordAt(toks, k, "men", "males", "male") && wordAt(toks, k+1, "and", "or") && wordAt(toks, k+2, "women", "females", "female"),
			wordAt(toks, k, "women", "females", "female") && wordAt(toks, k+1, "and", "or") && wordAt(toks, k+2, "men", "males", "male"):
			e = k + 3
		}
		// ("for males and females using Fridericia's correction": how it
		// is measured, not whose it is)
		if e > 0 && (e == len(toks) || kindAt(toks, e, kRParen) || kindAt(toks, e, kComma) || kindAt(toks, e, kSemi) ||
			kindAt(toks, e, kPeriod) || kindAt(toks, e, kColon) ||
			wordAt(toks, e, "using", "by", "per", "according", "calculated", "measured", "corrected")) {
			return tr, false
		}
		if w == "in" && wordAt(toks, k, "case", "cases") && wordAt(toks, k+1, "of", "where", "with") {
			tr.end = k + 2
			return tr, true
		}
		if w == "in" && wordAt(toks, k, "the") && wordAt(toks, k+1, "case", "event", "presence", "setting", "context") && wordAt(toks, k+2, "of") {
			tr.end = k + 3
			return tr, true
		}
		// "≤ 2.5 × ULN in the absence of liver metastases, or ≤ 5 × ULN in
		// their presence": the absence of a condition the labs are relaxed
		// for is a subgroup of its own, so every bound has one and the
		// loosest is everyone's (SPEC 4.7); the absence of anticoagulation
		// (SPEC 4.9) or of transfusion ("Hemoglobin ≥ 10 g/dL in the absence
		// of transfusion") leaves the bound everyone's
		if w == "in" && (wordAt(toks, k, "the") && wordAt(toks, k+1, "absence") && wordAt(toks, k+2, "of") ||
			wordAt(toks, k, "absence") && wordAt(toks, k+1, "of")) {
			tr.end = k + 2
			if wordAt(toks, k, "the") {
				tr.end++
			}
			tr.exempt = p.objHasAnticoag(tr.end, tr.end+6) || !p.modifierWithin(tr.end, 4)
			return tr, true
		}
		if w == "in" && wordAt(toks, k, "presence", "setting") && wordAt(toks, k+1, "of") {
			tr.end = k + 2
			return tr, true
		}
		// "≤ 0.8 mg/dL for ages ≤ 5 years, ≤ 1.0 mg/dL for ages 6-10
		// years": an age band right after a value is the band's subgroup
		if w == "for" && wordAt(toks, k, "age", "ages", "aged") && i > 0 && (p.afterValue(i) || p.unitEndsAt(i)) &&
			(kindAt(toks, k+1, kNum) || kindAt(toks, k+1, kOp) || wordAt(toks, k+1, "between", "from", "under", "over")) {
			tr.end = k
			return tr, true
		}
		if wordAt(toks, k, "the", "all") {
			k++
		}
		// "≤ 5 × ULN in HCC", "in liver metastases", "for hepatic involvement"
		if (w == "in" || w == "for") && p.nounWithin(i+1, 3) {
			tr.end = i + 1
			return tr, true
		}
		// "(≥ 18 in Germany)", "≥ 20 years in Japan and Taiwan": a place
		// named with a capital, right after a value
		if w == "in" && k < len(toks) && toks[k].kind == kWord && toks[k].upper && !toks[k].caps &&
			p.inGrp[k] < 0 && len(toks[k].text) > 3 && i > 0 && p.afterValue(i) {
			tr.end = i + 1
			tr.objEnd = k + 1
			tr.place = true
			// "in Japan and Taiwan", "in South Korea", "in Japan, Korea and Taiwan"
			for e := tr.objEnd; e < len(toks); {
				n := e
				if kindAt(toks, n, kComma) || wordAt(toks, n, "and", "or") {
					n++
				}
				if n < len(toks) && toks[n].kind == kWord && toks[n].upper && !toks[n].caps && p.inGrp[n] < 0 && len(toks[n].text) > 3 {
					e = n + 1
					tr.objEnd = e
					continue
				}
				break
			}
			return tr, true
		}
		if k < len(toks) && toks[k].is(cGroup) && !wordAt(toks, k+1, "to") {
			tr.end = k + 1
			if w == "for" && wordAt(toks, k, "patients", "subjects", "participants", "those", "pts") &&
				(wordAt(toks, k+1, "not") || wordAt(toks, k+1, "who") && wordAt(toks, k+2, "are") && wordAt(toks, k+3, "not")) {
				tr.exempt = p.objHasAnticoag(k+1, k+8)
			}
			return tr, true
		}
		if w == "for" && looksLikeDrug(toks, i+1) {
			tr.end = i + 1
			return tr, true
		}
		if w == "for" {
			// "for cisplatin administration", "for carboplatin-based therapy"
			for m := i + 1; m <= i+4 && m < len(toks); m++ {
				if toks[m].kind != kWord && toks[m].kind != kDash {
					break
				}
				if wordAt(toks, m, "administration", "treatment", "therapy", "regimen", "based", "eligible",
					"containing", "arm", "cohort", "group") && m > i+1 {
					// "(that is not eligible for locoregional therapy)",
					// "candidate for curative treatment": what the disease
					// allows, no subgroup
					if wordAt(toks, i-1, "eligible", "ineligible", "candidate", "candidates", "suitable", "unsuitable",
						"amenable", "fit", "unfit", "indicated", "considered") {
						return tr, false
					}
					tr.end = i + 1
					return tr, true
				}
			}
		}
		return tr, false
	case "patients", "subjects", "participants", "those", "pts", "children", "infants", "adults":
		if !p.clauseStart(i) {
			return tr, false
		}
		// "Patients from Japan aged at least 20 years": a country's patients
		if e, ok := fromPlace(toks, i+1); ok {
			tr.end, tr.objEnd, tr.leading = i+2, e, true
			return tr, true
		}
		// "Patients with documented bone marrow involvement …" at a clause start
		// ("Patients with adequate bone marrow function: platelets
		// >100,000/mm3" states what everyone must have, DEV43 NCT00041782)
		if wordAt(toks, i+1, "with", "who", "whose", "having") && p.modifierWithin(i+2, 7) &&
			!(wordAt(toks, i+1, "with", "having") && wordAt(toks, i+2, "adequate", "normal", "sufficient", "acceptable", "satisfactory", "good")) {
			tr.end = i + 2
			// "≤ 3 × ULN (patients with liver metastases)": a bracket right
			// after a value names that value's patients
			_, label := p.conditionLabel(i + 2)
			tr.leading = !label || !kindAt(toks, i-1, kLParen) || !(p.afterValue(i-1) || p.unitEndsAt(i-1))
			// "Patients who are not receiving anticoagulation must have
			// INR ≤ 1.5" is everyone's bound (SPEC 4.9)
			if wordAt(toks, i+1, "who") && (wordAt(toks, i+2, "not") || wordAt(toks, i+2, "are", "is") && wordAt(toks, i+3, "not")) {
				tr.exempt = p.objHasAnticoag(i+2, i+9)
			}
			return tr, true
		}
		// "Patients on full-dose anticoagulation must have INR ≤ 3": the
		// anticoagulated are a subgroup with a bound of their own
		if wordAt(toks, i+1, "on", "receiving", "taking", "treated", "undergoing") && p.objHasAnticoag(i+1, i+7) {
			tr.end = i + 2
			tr.leading = true
			return tr, true
		}
		// "Patients over the age of 65 must have …", "Patients with a serum
		// creatinine ≥ 1.4 mg/dL must demonstrate …": a subgroup named by a
		// value, then what it must meet
		if e, ok := p.subgroupByValue(i + 1); ok {
			tr.end = i + 1
			tr.objEnd = e
			tr.leading = true
			return tr, true
		}
		return tr, false
	case "men", "women", "males", "females", "male", "female":
		if p.ctx.onlySex != 0 && (w[0] == 'w' || w[0] == 'f') == (p.ctx.onlySex == 'f') {
			return tr, false // the trial's whole population
		}
		if kindAt(toks, i+1, kColon) {
			tr.end = i + 2
			tr.objEnd = i + 2
			tr.leading = true
			return tr, true
		}
		// "QTcF: men > 450 ms, women > 470 ms", "(male > 450 ms, female >
		// 470 ms)": the sex right before its own value, read as a
		// country's label is
		// ("Men and women ≥ 18 years" names both: the trial's population)
		bothSexes := wordAt(toks, i-1, "and", "or") && wordAt(toks, i-2, "men", "women", "males", "females", "male", "female")
		if i > 0 && !bothSexes && (kindAt(toks, i-1, kComma) || kindAt(toks, i-1, kColon) || kindAt(toks, i-1, kLParen) ||
			kindAt(toks, i-1, kSemi) || wordAt(toks, i-1, "and", "or") || p.varBefore(i)) {
			if _, _, ok := comparator(toks, i+1); ok {
				tr.end, tr.objEnd, tr.leading, tr.place = i+1, i+1, true, true
				return tr, true
			}
		}
		// an item for one sex only: "Women aged ≥ 65 years" (not "Men and women …")
		// ("Female patients, ≥ 18 years of age": the sex is required, as
		// "Female, aged ≥ 18" is)
		if i == 0 && !wordAt(toks, 1, "and", "or") && !kindAt(toks, 1, kSlash) && !kindAt(toks, 1, kComma) && !p.ampersandAt(1) &&
			!wordAt(toks, 1, "with", "who", "of") &&
			!(wordAt(toks, 1, "patients", "subjects", "participants", "only") && kindAt(toks, 2, kComma)) {
			tr.end = 1
			tr.objEnd = 1
			tr.leading = true
			return tr, true
		}
	}
	return tr, false
}

// varBefore reports a named variable right before token i, past filler
// words ("QTc interval prolongation men > 450 ms").
func (p *parser) varBefore(i int) bool {
	j := i - 1
	for j >= 0 && p.inGrp[j] < 0 && p.toks[j].kind == kWord && p.toks[j].is(cFiller) {
		j--
	}
	return j >= 0 && p.inGrp[j] >= 0 && p.groups[p.inGrp[j]].kind == mkVar
}

// partLabel reads at j a study part's label of at most four words:
// "Phase 2", "phase Ib", "cisplatin cohort", "expansion cohort", "dose
// escalation", "expansion". It returns the index after it.
func (p *parser) partLabel(j int) (int, bool) {
	toks := p.toks
	if wordAt(toks, j, "phase") {
		if kindAt(toks, j+1, kNum) && toks[j+1].decimals < 0 || kindAt(toks, j+1, kWord) && isRoman(strings.TrimSuffix(strings.TrimSuffix(toks[j+1].text, "a"), "b")) {
			return j + 2, true
		}
		return 0, false
	}
	for k := j; k < len(toks) && k < j+4; k++ {
		if toks[k].kind != kWord && toks[k].kind != kDash {
			return 0, false
		}
		if wordAt(toks, k, "escalation", "expansion") || k > j && wordAt(toks, k, "cohort", "arm", "part") {
			return k + 1, true
		}
	}
	return 0, false
}

// ampersandAt reports an "&" at token j ("Men & women ≥ 18 years").
func (p *parser) ampersandAt(j int) bool {
	return kindAt(p.toks, j, kOther) && p.text[p.toks[j].start] == '&'
}

func (p *parser) clauseStart(i int) bool {
	if p.runOnSentence(i) {
		return true
	}
	for k := i - 1; k >= 0; k-- {
		t := &p.toks[k]
		switch t.kind {
		case kSemi, kPeriod, kColon, kLParen, kSep:
			return true
		case kWord:
			switch t.text {
			case "note", "notes", "but", "pediatric", "paediatric", "adult", "elderly", "older", "younger", "female",
				"male", "all", "japanese", "chinese", "asian", "however",
				// "(we will allow patients with Gilbert's syndrome with
				// total bilirubin up to 2.5 mg/dL)" (DEV42 NCT01794104)
				"we", "will", "allow", "also":
				continue
			}
			return false
		case kComma:
			return false
		}
	}
	return true
}

// nounWithin reports a subgroup noun among the next n words from j, before
// any punctuation.
func (p *parser) nounWithin(j, n int) bool {
	for k := j; k < len(p.toks) && k < j+n; k++ {
		t := &p.toks[k]
		if t.kind != kWord && t.kind != kDash && t.kind != kApos {
			return false
		}
		if t.is(cSubgroupNoun) {
			return true
		}
	}
	return false
}

// historyPick reports "patients with" (at i) a history or an abnormality
// that only some have, then what those must have: "those with a cardiac
// history or ECG abnormality should perform echocardiography with the left
// ventricular ejection fraction > 50 %", "Patients with a history of
// cardiac disease must have LVEF ≥ 50%", "Patients with prior anthracycline
// exposure must have LVEF ≥ 50%". The population a trial is for
// ("Patients with measurable disease must have ECOG ≤ 2") names no history.
func (p *parser) historyPick(i int) bool {
	toks := p.toks
	if i == 0 || !toks[i-1].is(cGroup) {
		return false
	}
	for k := i + 1; k < len(toks) && k < i+12; k++ {
		t := &toks[k]
		switch {
		case t.kind == kWord && (t.text == "history" || t.text == "abnormality" || t.text == "abnormalities" || t.text == "exposure"):
			// the modal must follow the picked patients' words
			for m := k + 1; m < len(toks) && m < k+10; m++ {
				if toks[m].kind != kWord && toks[m].kind != kDash {
					return false
				}
				if wordAt(toks, m, "must", "should", "shall") {
					return true
				}
			}
			return false
		case t.kind != kWord && t.kind != kDash:
			return false
		}
	}
	return false
}

// groupLabelLead reads, at a clause start i, a study group's label ending
// in a colon: "Part B only:", "Cohort 2:", "Arms A and C:". It returns the
// index after the colon.
func (p *parser) groupLabelLead(i int) (int, bool) {
	toks := p.toks
	if !p.clauseStart(i) && !kindAt(toks, i-1, kComma) {
		return 0, false
	}
	k := i + 1
	labels := 0
	for k < len(toks) && k < i+8 {
		t := &toks[k]
		switch {
		case t.kind == kNum && t.decimals < 0, t.kind == kWord && len(t.text) <= 4 && (t.upper || isRoman(t.text)) && t.text != "only":
			labels++
		case t.kind == kComma, t.kind == kDash, t.kind == kSlash, wordAt(toks, k, "and", "or", "only", "to"):
		case t.kind == kColon:
			return k + 1, labels > 0
		case t.kind == kOp && labels > 0 && k > i+1:
			// "Cohort A ≥ 60; Cohort B ≥ 30": the label right before a value
			if _, _, ok := comparator(toks, k); ok {
				return k, true
			}
			return 0, false
		case t.kind == kLParen || t.kind == kRParen:
		case t.kind == kWord && (t.text == "expansion" || t.text == "escalation" || t.text == "patients" || t.text == "subjects" ||
			t.text == "participants"):
		default:
			return 0, false
		}
		k++
	}
	return 0, false
}

// subgroupByValue reports, after "Patients" at j, a value that picks a
// subgroup ("over the age of 65", "aged ≥ 70 years", "with a serum
// creatinine ≥ 1.4 mg/dL") followed by what that subgroup must meet.
func (p *parser) subgroupByValue(j int) (int, bool) {
	toks := p.toks
	sawValue := false
	for k := j; k < len(toks) && k < j+24; k++ {
		t := &toks[k]
		switch t.kind {
		case kColon:
			// "Patients aged 70 years or older: ECOG 0-1" (but "Patients with
			// QTcF > 450 msec on screening ECG Note: …" ends at the note)
			if wordAt(toks, k-1, "note", "notes", "nb", "comment") {
				return 0, false
			}
			return k + 1, sawValue && toks[k].depth == toks[j-1].depth
		case kSemi, kPeriod, kSep:
			return 0, false
		case kOp:
			sawValue = true
		case kNum:
			// "Patients 65 years or older must have a creatinine clearance
			// ≥ 50 mL/min" (but "Patients 18 years or older must have
			// adequate organ function" states the patients' age)
			for e := k + 1; e <= k+2 && !sawValue; e++ {
				if _, _, _, ok := postfix(toks, e); ok {
					sawValue = p.boundLater(e)
				}
			}
		case kWord:
			if _, _, ok := comparator(toks, k); ok {
				sawValue = true
			}
			switch t.text {
			case "must", "should", "need", "needs", "require", "requires", "required", "may", "can", "will":
				// "Patients with CrCl < 30 mL/min will be excluded": no
				// subgroup with a bound of its own, the value excludes
				if wordAt(toks, k+1, "be") && wordAt(toks, k+2, "excluded", "ineligible") ||
					wordAt(toks, k+1, "not") && wordAt(toks, k+2, "be") && wordAt(toks, k+3, "eligible", "enrolled", "included") {
					return 0, false
				}
				return k, sawValue
			case "aged", "age":
				if kindAt(toks, k+1, kNum) {
					sawValue = true
				}
			}
		}
	}
	return 0, false
}

// boundLater reports a comparison after token j in its clause.
func (p *parser) boundLater(j int) bool {
	toks := p.toks
	for k := j + 3; k < len(toks); k++ {
		switch toks[k].kind {
		case kSemi, kPeriod, kSep:
			return false
		case kOp:
			return true
		case kWord:
			if _, _, ok := comparator(toks, k); ok {
				return true
			}
		}
	}
	return false
}

// modifierNouns name a subgroup within a trial's population, the ones a
// lab bound is relaxed for; "Patients with acute coronary syndrome" or
// "with aplastic anemia" define the population instead.
var modifierNouns = setOf("metastases", "metastasis", "mets", "involvement", "infiltration", "infiltrated",
	"invasion", "gilbert", "gilberts", "marrow", "hemolysis", "haemolysis", "thalassemia", "cholestasis",
	"obstruction", "stent", "biliary", "hcc", "hepatocellular", "anticoagulation", "anticoagulants", "dialysis")

// conditionBeforeValue reports, at i right after a value and a bracket,
// comma or semicolon, a condition named right before its own value
// ("AST ≤ 3 × ULN (liver metastases ≤ 5 × ULN)", "…, hepatic involvement:
// ≤ 5 × ULN"), and returns where its words end.
func (p *parser) conditionBeforeValue(i int) (int, bool) {
	toks := p.toks
	if i == 0 || toks[i].kind != kWord || !kindAt(toks, i-1, kLParen) && !kindAt(toks, i-1, kComma) && !kindAt(toks, i-1, kSemi) {
		return 0, false
	}
	k := i
	seen := false
	for ; k < len(toks) && k < i+4 && (toks[k].kind == kWord || toks[k].kind == kApos); k++ {
		if toks[k].kind == kWord && !toks[k].is(cModifier) && !conditionWords[toks[k].text] {
			return 0, false
		}
		seen = seen || toks[k].is(cModifier)
	}
	if !seen || !(p.afterValue(i-1) || p.unitEndsAt(i-1)) {
		return 0, false
	}
	e := k
	if kindAt(toks, k, kColon) {
		k++
	}
	if _, _, ok := comparator(toks, k); !ok {
		return 0, false
	}
	return e, true
}

// conditionLabel reports a bracket's words from k that only name a
// condition ("liver metastases", "no hepatic involvement", "Gilbert's
// syndrome"), ending at the closing bracket, which it returns.
func (p *parser) conditionLabel(k int) (int, bool) {
	toks := p.toks
	if wordAt(toks, k, "no", "without") {
		k++
	}
	seen := false
	for e := k; e < len(toks) && e < k+5; e++ {
		switch t := &toks[e]; t.kind {
		case kRParen:
			return e, seen
		case kWord, kApos, kDash:
			if t.kind == kWord && !t.is(cModifier) && !conditionWords[t.text] {
				return 0, false // "(excluding patients on dialysis)", "(… are eligible)"
			}
			seen = seen || t.is(cModifier)
		default:
			return 0, false
		}
	}
	return 0, false
}

// conditionWords may stand beside a modifier noun in a condition's name.
var conditionWords = setOf("liver", "hepatic", "bone", "known", "documented", "confirmed", "syndrome", "disease",
	"s", "of", "the", "tumor", "tumour", "leukemic", "lymphoma", "leukemia", "bm", "cns", "brain")

func (p *parser) modifierWithin(j, n int) bool {
	for k := j; k < len(p.toks) && k < j+n; k++ {
		t := &p.toks[k]
		if t.kind != kWord && t.kind != kDash && t.kind != kApos {
			return false
		}
		if t.is(cModifier) {
			return true
		}
	}
	return false
}

func (p *parser) objHasAnticoag(a, b int) bool {
	for k := a; k < b && k < len(p.toks); k++ {
		if p.toks[k].is(cAnticoag) {
			return true
		}
	}
	return false
}

// objectEnd finds where what a trigger is about ends: at punctuation, at a
// verb ("… are present", "… must have"), or — when no variable has been
// named in it — at a comparison ("in case of liver metastases ≤ 5 × ULN").
func (p *parser) objectEnd(t trigger) int {
	toks := p.toks
	if t.objEnd > 0 {
		return t.objEnd
	}
	sawVar := false
	k := t.end
	limit := t.end + 24
	for k < len(toks) && k < limit {
		tk := &toks[k]
		if tk.depth < t.depth {
			break
		}
		if tk.depth == t.depth {
			switch tk.kind {
			case kComma, kSemi, kColon, kPeriod, kSep, kRParen, kLParen:
				return k
			}
		}
		if tk.kind == kWord && tk.depth == t.depth {
			// "if the calculated CrCl is < 45, …": the comparison is the
			// condition, part of what the trigger is about
			if sawVar && wordAt(toks, k, "is", "are", "was", "were") && p.conditionWord(t) {
				if b, ok := boundAt(toks, k+1); ok && b.end > k+1 {
					return b.end
				}
			}
			// "for patients who are ≤ 16 years old": the age picks them
			if wordAt(toks, k, "who", "that") && wordAt(toks, k+1, "are", "is") && !sawVar {
				if b, ok := boundAt(toks, k+2); ok && b.end > k+2 && (isTimeUnit(b.loUnit) || isTimeUnit(b.hiUnit) || b.ageHint) {
					k = b.end
					continue
				}
			}
			if tk.is(cObjectEnd) && !p.whoVerb(t.end, k) {
				return k
			}
			// "for patients > 16 years of age and Lansky ≥ 50 …": a new subject
			if (tk.text == "and" || tk.text == "or") && k > t.end && k+1 < len(toks) && p.inGrp[k+1] >= 0 &&
				p.groups[p.inGrp[k+1]].kind == mkVar && !isAge(p.groups[p.inGrp[k+1]]) {
				return k
			}
			if tk.text == "in" && wordAt(toks, k+1, "which") {
				return k
			}
			// "ECOG 0-2 for dose escalation, and 0 or 1 for dose
			// expansion": the next group's own values
			if tk.text == "and" && p.valuesAfter(t.end, k) {
				return k
			}
		}
		if g := p.inGrp[k]; g >= 0 && p.groups[g].start == k && k > t.end+1 && tk.upper && tk.depth == t.depth &&
			kindAt(toks, k-1, kWord) && !toks[k-1].upper {
			// "… in patients with liver metastases Liver enzymes no greater
			// than 3.0 times ULN": a record that lost its line breaks starts
			// its next statement with a capital and a subject of its own
			if _, _, ok := comparator(toks, p.groups[g].end); ok {
				return k
			}
		}
		if g := p.inGrp[k]; g >= 0 && p.groups[g].start == k && k > t.end && tk.depth == t.depth && p.groups[g].kind == mkVar &&
			!isAge(p.groups[g]) && k > 0 && toks[k-1].is(cSubgroupNoun) {
			// "for patients with Gilbert's syndrome total bilirubin ≤ 3 ×
			// ULN", "for patients with known hepatic metastases AST ≤ 5 ×
			// ULN": the condition named, then the subject its bound is for
			if _, _, ok := comparator(toks, p.groups[g].end); ok {
				return k
			}
		}
		if g := p.inGrp[k]; g >= 0 && p.groups[g].start == k && k > t.end+1 && tk.depth == t.depth && p.groups[g].kind == mkVar &&
			!isAge(p.groups[g]) && wordAt(toks, k-1, "with", "having") && toks[k-2].is(cSubgroupNoun) {
			// "patients with Gilbert's syndrome with total bilirubin ≤ 3
			// mg/dL may be enrolled" (DEV42 NCT01794104): the same, joined
			// by a second "with"
			if _, _, ok := comparator(toks, p.groups[g].end); ok {
				return k - 1
			}
		}
		if g := p.inGrp[k]; g >= 0 && (p.groups[g].kind != mkOther || p.conditionWord(t) && k > t.end) {
			// a quantity outside the list named in a condition ("if
			// alkaline phosphatase ≤ ULN") keeps its comparison in the
			// condition: it bounds nothing of the item's subject
			sawVar = true
		}
		if !sawVar && p.inGrp[k] < 0 {
			// "…, or if > 1.5 × ULN, creatinine clearance ≥ 50": nothing
			// named, the comparison alone is the condition
			if k == t.end && p.conditionWord(t) {
				if b, ok := boundAt(toks, k); ok && b.end > k {
					return b.end
				}
			}
			if _, _, ok := comparator(toks, k); ok {
				// an age in the object ("for patients ≥ 70 years") belongs to it,
				// and a share ("in patients with < 50% plasma cells in the marrow")
				if b, ok := boundAt(toks, k); ok && (isTimeUnit(b.loUnit) || isTimeUnit(b.hiUnit) || b.ageHint ||
					b.hasLo != b.hasHi && boundUnit(&b) == ruPercent && p.aboutPatients(t)) {
					// "Age ≥ 18 years for the escalation part and ≥ 12 years
					// for the expansion part": the next group's own age
					if wordAt(toks, k-1, "and", "or") && k-1 > t.end && wordAt(toks, b.end, "for", "in") {
						return k - 1
					}
					k = b.end
					continue
				}
				return k
			}
		}
		k++
	}
	return k
}

// valuesAfter reports a scale's values, "0-1" or "0 or 1", right after the
// "and" at k that ends a trigger's object [from, k) holding no number of
// its own ("for Cohorts 1 and 2" names groups).
func (p *parser) valuesAfter(from, k int) bool {
	toks := p.toks
	for m := from; m < k; m++ {
		if toks[m].kind == kNum {
			return false
		}
	}
	j := k + 1
	if !kindAt(toks, j, kNum) || toks[j].decimals >= 0 || toks[j].val > 5 {
		return false
	}
	return kindAt(toks, j+1, kDash) && kindAt(toks, j+2, kNum) || wordAt(toks, j+1, "or", "to") && kindAt(toks, j+2, kNum)
}

// aboutPatients reports a trigger whose object opens with the patients it
// picks: "in patients in whom …", "for subjects with …".
func (p *parser) aboutPatients(t trigger) bool {
	for k := t.pos; k <= t.end && k < len(p.toks); k++ {
		if wordAt(p.toks, k, "patients", "subjects", "participants", "those", "pts") {
			return true
		}
	}
	return false
}

// namesGroup reports a trigger about a study group: "for Part B", "in
// Cohort 2", "(Arm A)".
func (p *parser) namesGroup(t trigger) bool {
	for k := t.pos; k < t.objEnd+1 && k < len(p.toks); k++ {
		if p.toks[k].is(cGroupKind) {
			return true
		}
	}
	return false
}

// afterValue reports a number, unit or sign just before token i.
func (p *parser) afterValue(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch t := &p.toks[k]; t.kind {
		case kNum, kPercent:
			return true
		case kWord:
			if u, _ := unit(p.toks, k); u != ruNone && u != ruForeign {
				return true
			}
			if !wordAt(p.toks, k, "of", "age", "old") {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// unitEndsAt reports a number whose unit ends right before token i
// ("1.5 mg/dL without …").
// appliesOnlyTo reports an age that says whom other criteria apply to:
// "The following applies only to patients under 18 years:", "Criterion 7
// applies only to patients aged 70 or older". It picks a subgroup; it bounds
// no one's age.
func (p *parser) appliesOnlyTo(b *bound) bool {
	toks := p.toks
	for k := b.start - 1; k >= 1 && k >= b.start-8; k-- {
		if toks[k].kind == kPeriod || toks[k].kind == kSemi || toks[k].kind == kSep {
			return false
		}
		if wordAt(toks, k, "only") && wordAt(toks, k+1, "to", "for") &&
			wordAt(toks, k-1, "apply", "applies", "applicable", "relevant", "pertain", "pertains") {
			return true
		}
	}
	return false
}

// bandOfValue reports an age in brackets right after a value that is not
// a time: "Creatinine based on age: 0.8 mg/dL (age 5 and under), 1.0
// mg/dL (age 6 to 10) …" gives each value's band, no one's age bound (a
// value with its sign makes the bracket its subgroup, ageBrackets).
func (p *parser) bandOfValue(b *bound) bool {
	toks := p.toks
	open := b.start - 1
	if wordAt(toks, open, "age", "aged", "ages") {
		open--
	}
	if !kindAt(toks, open, kLParen) || open == 0 {
		return false
	}
	// "1.5 mg/dL (male) or 1.4 mg/dL (female) (13 to < 16 years of age)":
	// the sex's bracket stands between the value and its band
	if open >= 3 && kindAt(toks, open-1, kRParen) && kindAt(toks, open-3, kLParen) &&
		wordAt(toks, open-2, "male", "female", "males", "females", "men", "women", "boys", "girls") {
		open -= 3
		if open == 0 {
			return false
		}
	}
	if toks[open-1].kind == kNum {
		return true
	}
	for k := open - 2; k >= 0 && k >= open-6; k-- {
		if toks[k].kind == kNum {
			u, e := unit(toks, k+1)
			return e == open && u != ruNone && u != ruForeign && !isTimeUnit(u)
		}
	}
	return false
}

func (p *parser) unitEndsAt(i int) bool {
	for k := i - 2; k >= 0 && k >= i-6; k-- {
		if p.toks[k].kind == kNum {
			u, e := unit(p.toks, k+1)
			return u != ruNone && u != ruForeign && e == i
		}
	}
	return false
}

// conditionWord reports a trigger that states a condition ("if", "when"):
// its object may hold a comparison.
func (p *parser) conditionWord(t trigger) bool {
	return wordAt(p.toks, t.pos, "if", "when", "whenever")
}

// whoVerb reports a verb at k that only links the group an object names
// to what it is about: "unless the patient has Gilbert's syndrome",
// "if subjects are on dialysis".
func (p *parser) whoVerb(a, k int) bool {
	if !wordAt(p.toks, k, "has", "have", "is", "are", "was", "were") || k == a {
		return false
	}
	// "in patients in whom < 50% of bone marrow nucleated cells are plasma
	// cells": the verb of a relative clause that picks the patients
	for i := a; i < k; i++ {
		if wordAt(p.toks, i, "whom") && wordAt(p.toks, i-1, "in", "of", "for") {
			return true
		}
	}
	for i := a; i < k; i++ {
		if !wordAt(p.toks, i, "the", "a", "an") && !p.toks[i].is(cGroup) {
			return false
		}
	}
	return true
}

// ---- bounds ----

func (p *parser) findBounds() {
	toks := p.toks
	p.bounds = p.bounds[:0]
	// the scales first: lists of values and letter classes right after the
	// mention ("ECOG 0, 1 or 2", "Child-Pugh A or B7", "BCLC stage B or C")
	for gi := range p.groups {
		g := &p.groups[gi]
		if g.kind != mkVar {
			continue
		}
		var b bound
		var ok bool
		switch {
		case g.vars == maskOf(vChildPugh):
			b, ok = p.childPugh(g.end)
			if ok && p.subsetBefore(g.start) {
				b.discarded = true
			}
		case g.vars == maskOf(vBCLC):
			b, ok = p.bclc(gi)
		case g.vars == maskOf(vECOG) || g.vars == maskOf(vKarnofsky) || g.vars == maskOf(vLansky):
			b, ok = p.enumeration(g.end, g.vars)
			if !ok {
				b, ok = p.allowedGrade(g.end, g.vars)
			}
			if !ok {
				b, ok = p.gradeOrBetter(g.end, g.vars)
			}
			if !ok && g.vars == maskOf(vECOG) {
				b, ok = p.equalGrade(g.end)
			}
			if !ok && g.vars == maskOf(vECOG) {
				b, ok = p.bestGradeOnly(g.end)
			}
		}
		if ok {
			b.consumed = true
			b.scaleOf = gi + 1
			p.bounds = append(p.bounds, b)
		}
	}
	taken := resizeBools(p.startsBound, len(toks)) // scratch, recomputed later
	for k := range p.bounds {
		for i := p.bounds[k].start; i < p.bounds[k].end && i < len(toks); i++ {
			taken[i] = true
		}
	}
	for i := 0; i < len(toks); {
		if p.inGrp[i] >= 0 || taken[i] || !mayStartBound(&toks[i]) {
			i++
			continue
		}
		if b, ok := boundAt(toks, i); ok && b.end > i {
			p.bounds = append(p.bounds, b)
			i = b.end
			continue
		}
		i++
	}
	p.sandwiched()
	p.prefixed()
	p.rowValue()
	p.rowUnitValues()
	p.inlineRows()
	p.respectively()
	p.bracketedValues()
	p.bracketedGrades()
	p.laterEnumerations()
	p.nextGroupsValue()
	// bounds in text order
	bs := p.bounds
	for i := 1; i < len(bs); i++ {
		for j := i; j > 0 && bs[j].start < bs[j-1].start; j-- {
			bs[j], bs[j-1] = bs[j-1], bs[j]
		}
	}
	p.ellipticUnits()
	p.danglingTimes()
	p.scaleRangeOr()
	p.bareRelaxation()
	p.barredFromPart()
	p.purposeValues()
	if cap(p.owner) < len(p.bounds) {
		p.owner = make([]int, len(p.bounds))
	}
	p.owner = p.owner[:len(p.bounds)]
	for i := range p.owner {
		p.owner[i] = ownerNone
	}
}

// barredFromPart drops the values of a bracketed clause that keeps some
// patients from one part of the treatment: "Age 4 and over (patients 60
// years of age and over are not eligible for TBI)", "(patients older than
// 70 are ineligible for the radiotherapy arm)". They bound no one's entry,
// and no subgroup's either.
func (p *parser) barredFromPart() {
	toks := p.toks
	for bi := range p.bounds {
		b := &p.bounds[bi]
		if b.start == 0 || toks[b.start].depth == 0 {
			continue
		}
		d := toks[b.start].depth
		open := -1
		for k := b.start - 1; k >= 0 && k >= b.start-4; k-- {
			if toks[k].kind == kLParen && toks[k].depth == d-1 {
				open = k
				break
			}
		}
		if open < 0 || !wordAt(toks, open+1, "patients", "subjects", "participants", "pts", "those") {
			continue
		}
		for k := b.end; k < len(toks) && k < b.end+6 && toks[k].depth >= d; k++ {
			if !wordAt(toks, k, "are", "is", "will", "be") {
				if wordAt(toks, k, "not") && wordAt(toks, k+1, "eligible", "candidates", "allowed") && wordAt(toks, k+2, "for", "to") ||
					wordAt(toks, k, "ineligible", "excluded") && wordAt(toks, k+1, "for", "from") {
					b.discarded = true
				}
				break
			}
		}
	}
}

// purposeValues drops a value a treatment is given to reach: "(the use
// of erythropoietin or transfusions to maintain hemoglobin levels above
// 7.0 g/dL is not an exclusion criterion)". It says what the support is
// for, and bounds no one.
func (p *parser) purposeValues() {
	toks := p.toks
	for bi := range p.bounds {
		b := &p.bounds[bi]
		for k := b.start - 1; k >= 1 && k >= b.start-8; k-- {
			if wordAt(toks, k, "maintain", "keep", "achieve", "reach", "raise", "increase", "correct", "reduce", "lower", "bring") && wordAt(toks, k-1, "to") {
				b.discarded = true
				break
			}
			if toks[k].kind != kWord {
				break
			}
		}
	}
}

// nextGroupsValue reads the value a second group is given after the first
// group's label in brackets, its sign left out: "QTcF ≤ 450 ms (men) or 470
// ms (women)", "Age over 12 (boys) or 16 (girls)". Both labels must be
// there; the value takes the first's sign, and its unit when it has none.
func (p *parser) nextGroupsValue() {
	toks := p.toks
	n := len(p.bounds)
	for k := 0; k < n; k++ {
		b := p.bounds[k]
		if b.hasLo == b.hasHi || b.isStages || b.consumed || !kindAt(toks, b.end, kLParen) || !p.labelBracket(b.end) {
			continue
		}
		j := p.closeParen(b.end) + 1
		if kindAt(toks, j, kComma) {
			j++
		}
		if !wordAt(toks, j, "or", "and") {
			continue
		}
		j++
		v, alt, e, ok := number(toks, j, true)
		if !ok || p.boundStartsAtTok(j) {
			continue
		}
		u, e := unit(toks, e)
		if u == ruNone {
			u = boundUnit(&b)
		}
		if u != boundUnit(&b) || !kindAt(toks, e, kLParen) || !p.labelBracket(e) {
			continue
		}
		nb := bound{start: j, end: e, ageHint: b.ageHint}
		setSide(&nb, b.written, v, alt, u)
		p.bounds = append(p.bounds, nb)
	}
}

// labelBracket reports a bracket at i that holds only a group's label:
// "(men)", "(girls)", "(Part A)".
func (p *parser) labelBracket(i int) bool {
	for _, t := range p.trigs {
		if t.pos == i && t.objEnd > i && kindAt(p.toks, t.objEnd, kRParen) {
			return true
		}
	}
	return false
}

// laterEnumerations reads a performance scale's list of grades that
// another study group is given after the first group's bound ("ECOG 0, 1
// or 2 for dose escalation, and 0 or 1 for dose expansion"): a list that
// follows a comma or "and" and is followed by its own group ("for", "in").
// Right after the mention findBounds reads such a list; here it has no
// mention of its own.
func (p *parser) laterEnumerations() {
	toks := p.toks
	scales := maskOf(vECOG, vKarnofsky, vLansky)
	var vs varMask
	first := -1
	for gi := range p.groups {
		g := &p.groups[gi]
		if g.kind != mkVar || g.vars&scales == 0 || g.vars&^scales != 0 {
			continue
		}
		for _, b := range p.bounds {
			if b.start >= g.end && b.start <= p.skipScaleFillers(g.end)+1 {
				vs, first = g.vars, b.end
				break
			}
		}
		break
	}
	if first < 0 {
		return
	}
	for k := first + 1; k < len(toks); k++ {
		if toks[k].kind != kNum || p.inGrp[k] >= 0 || !(kindAt(toks, k-1, kComma) || wordAt(toks, k-1, "and")) {
			continue
		}
		taken := false
		for _, b := range p.bounds {
			if k >= b.start && k < b.end {
				taken = true
			}
		}
		if taken {
			continue
		}
		b, ok := p.enumeration(k, vs)
		if !ok || !wordAt(toks, b.end, "for", "in") || b.start != k {
			continue
		}
		// a group's own range starts at the scale's best grade ("0 or 1",
		// "90 or 100"); "2 or 3 in patients with bone pain" is a relaxation
		if vs == maskOf(vECOG) && b.lo != 0 || vs != maskOf(vECOG) && b.hi != 100 {
			continue
		}
		p.bounds = append(p.bounds, b)
		k = b.end
	}
}

// scaleRangeOr extends a performance-status range by the grade listed
// after it: "ECOG 0-1 or 2" is 0-2, not 0-1 with a stray 2.
func (p *parser) scaleRangeOr() {
	toks := p.toks
	var extra []bound
	for i := range p.bounds {
		b := &p.bounds[i]
		if !b.isRange || !b.hasLo || !b.hasHi || b.loUnit != "" || b.hiUnit != "" || b.hi != math.Trunc(b.hi) || b.hi >= 5 {
			continue
		}
		k := b.end
		if !wordAt(toks, k, "or") && !(kindAt(toks, k, kComma) && wordAt(toks, k+1, "or")) {
			continue
		}
		for wordAt(toks, k, "or") || kindAt(toks, k, kComma) {
			k++
		}
		if !kindAt(toks, k, kNum) || toks[k].decimals >= 0 || toks[k].val != b.hi+1 || p.boundStartsAtTok(k) {
			continue
		}
		if e := k + 1; e < len(toks) && !(toks[e].kind == kPeriod || toks[e].kind == kSemi || toks[e].kind == kComma ||
			toks[e].kind == kRParen || wordAt(toks, e, "at", "on", "within", "prior", "during")) {
			// "ECOG 0-1, or 2 if due to bone pain": the grade is a
			// subgroup's relaxation (SPEC 4.5), kept only if the trigger
			// after it makes it conditional
			if wordAt(toks, e, "if", "when", "for", "in") {
				extra = append(extra, bound{start: k, end: k + 1, hasHi: true, hiInc: true, hi: toks[k].val, written: opLE,
					allowedIf: true, consumed: b.scaleOf > 0, scaleOf: b.scaleOf})
			}
			continue
		}
		b.hi, b.end = toks[k].val, k+1
	}
	if len(extra) == 0 {
		return
	}
	p.bounds = append(p.bounds, extra...)
	bs := p.bounds
	for i := 1; i < len(bs); i++ {
		for j := i; j > 0 && bs[j].start < bs[j-1].start; j-- {
			bs[j], bs[j-1] = bs[j-1], bs[j]
		}
	}
}

// inlineRows reads a table row that names its age band, its subject and
// the subject's side and unit itself, then the row's cells: "Age: 1 to < 2
// years; maximum serum creatinine (mg/dL): male 0.6; female 0.6". Each cell
// bounds the subject for the band (conditional, SPEC 4.7); the band is the
// row's label, no age requirement.
func (p *parser) inlineRows() {
	toks := p.toks
	band := -1
	for i := range p.bounds {
		b := &p.bounds[i]
		if u := boundUnit(b); (u == ruYears || isTimeUnit(u)) && b.end < len(toks) {
			band = i
			break
		}
	}
	if band < 0 {
		return
	}
	for gi := range p.groups {
		g := &p.groups[gi]
		if g.kind != mkVar || g.vars != maskOf(vCreatinine) || g.start < p.bounds[band].end ||
			!wordAt(toks, g.start-1, "maximum", "max", "upper") && !wordAt(toks, g.start-2, "maximum", "max", "upper") {
			continue
		}
		u := p.headerUnit(gi)
		if u == ruNone {
			return
		}
		j := g.end
		for j < len(toks) && toks[j].kind != kRParen {
			j++
		}
		j++
		if !kindAt(toks, j, kColon) {
			return
		}
		var cells []bound
		for j++; j < len(toks); j++ {
			switch t := &toks[j]; {
			case t.kind == kNum && !wordAt(toks, j+1, "years", "year", "months", "month"):
				b := bound{start: j, end: j + 1, fromRow: true, rowOf: gi + 1}
				setSide(&b, opLE, t.val, 0, u)
				cells = append(cells, b)
			case t.kind == kComma || t.kind == kSemi || t.kind == kPeriod || t.kind == kLParen || t.kind == kRParen ||
				t.kind == kColon || wordAt(toks, j, "male", "female", "males", "females", "boys", "girls", "m", "f", "and", "for"):
			default:
				j = len(toks)
			}
		}
		if len(cells) == 0 {
			return
		}
		p.bounds[band].discarded = true
		p.bounds = append(p.bounds, cells...)
		return
	}
}

// boundStartsAtTok reports a bound of its own starting at token k.
func (p *parser) boundStartsAtTok(k int) bool {
	for i := range p.bounds {
		if p.bounds[i].start == k {
			return true
		}
	}
	return false
}

// sandwiched reads a subject written between its two ends, "18 ≤ age ≤
// 75 years", "1.5 < INR ≤ 3": the number and sign before the subject are
// the lower end of the bound after it.
func (p *parser) sandwiched() {
	toks := p.toks
	for gi := range p.groups {
		g := &p.groups[gi]
		if g.kind != mkVar || g.start < 2 || toks[g.start-1].kind != kOp {
			continue
		}
		// the sign before the mention, one token or two (">=")
		a := g.start - 1
		if kindAt(toks, a-1, kOp) {
			a--
		}
		o, e, ok := comparator(toks, a)
		if !ok || e != g.start {
			continue
		}
		a++ // n counts back from a-2, the token before the sign
		// "70 years ≥ age ≥ 18 years": the same written the other way round
		down := o == opGE || o == opGT
		if !down && o != opLE && o != opLT {
			continue
		}
		// the lower end may carry the unit: "18 years old ≤ age ≤ 75 years old"
		n := a - 2
		if g.vars == maskOf(vAge) {
			if wordAt(toks, n, "old") {
				n--
			}
			// "18y≤Age≤65y"
			if wordAt(toks, n, "years", "year", "yrs", "yr") || wordAt(toks, n, "y") && toks[n].glued {
				n--
			}
		}
		if n < 0 || toks[n].kind != kNum || n > 0 && (toks[n-1].kind == kOp || toks[n-1].kind == kNum) {
			continue
		}
		for k := range p.bounds {
			b := &p.bounds[k]
			if b.start != g.end || b.consumed || b.uln {
				continue
			}
			if down {
				if b.hasHi || !b.hasLo || b.lo > toks[n].val {
					continue
				}
				b.hasHi, b.hi, b.hiInc, b.hiUnit = true, toks[n].val, o == opGE, b.loUnit
				b.isRange = true
				continue
			}
			if b.hasLo || !b.hasHi || b.hi < toks[n].val {
				continue
			}
			b.hasLo, b.lo, b.loInc, b.loUnit = true, toks[n].val, o == opLE, b.hiUnit
			b.isRange = true
		}
	}
}

// rowUnitValues reads the rows of a lead-in that names its side and its
// subject but no unit ("… OR maximum serum creatinine based on age/gender
// as follows:"): "0.4 mg/dL (1 to 5 months)", "1.5 mg/dL (males) or 1.4
// mg/dL (females) (13 to 15 years)" — each value written with its unit and
// no sign of its own.
func (p *parser) rowUnitValues() {
	if p.ctx.rowOp == opNone || p.ctx.rowUnit != "" || p.ctx.subject != maskOf(vCreatinine) {
		return
	}
	toks := p.toks
	for k := range toks {
		if toks[k].kind != kNum || k > 0 && (toks[k-1].kind == kOp || toks[k-1].kind == kDash || toks[k-1].kind == kWord && !wordAt(toks, k-1, "or", "and")) {
			continue
		}
		u, e := unit(toks, k+1)
		if u != ruMgdL && u != ruUmolL {
			continue
		}
		taken := false
		for i := range p.bounds {
			if p.bounds[i].start <= k && p.bounds[i].end > k {
				taken = true
			}
		}
		if taken {
			continue
		}
		b := bound{start: k, end: e, fromRow: true}
		setSide(&b, p.ctx.rowOp, toks[k].val, 0, u)
		p.bounds = append(p.bounds, b)
	}
}

// rowValue reads a table row under a header lead-in: "Less than or equal
// to 5 years; 0.8" — the age band, then the value the header bounds.
func (p *parser) rowValue() {
	if p.ctx.rowOp == opNone || p.ctx.subject == 0 {
		return
	}
	toks := p.toks
	k := len(toks) - 1
	for k >= 0 && (toks[k].kind == kPeriod || toks[k].kind == kSemi) {
		k--
	}
	if k < 1 || toks[k].kind != kNum || toks[k-1].kind != kSemi && toks[k-1].kind != kColon && toks[k-1].kind != kSep {
		return
	}
	for i := range p.bounds {
		if p.bounds[i].end > k {
			return
		}
	}
	b := bound{start: k, end: k + 1, fromRow: true}
	setSide(&b, p.ctx.rowOp, toks[k].val, 0, p.ctx.rowUnit)
	p.bounds = append(p.bounds, b)
}

// prefixed reads a comparison written before its subject, the value after
// it: "Minimum life expectancy of 3 months", "a maximum serum creatinine
// of 1.5 mg/dL".
func (p *parser) prefixed() {
	toks := p.toks
	for gi := range p.groups {
		g := &p.groups[gi]
		a := g.start
		if wordAt(toks, a-1, "serum", "total", "estimated", "expected") {
			a--
		}
		if g.kind != mkVar || a < 1 || !wordAt(toks, a-1, "minimum", "minimal", "maximum", "maximal") ||
			!wordAt(toks, g.end, "of") || !kindAt(toks, g.end+1, kNum) {
			continue
		}
		taken := false
		for k := range p.bounds {
			if p.bounds[k].start <= g.end+1 && p.bounds[k].end > g.end+1 {
				taken = true
			}
		}
		if taken {
			continue
		}
		v, alt, e, ok := number(toks, g.end+1, true)
		if !ok {
			continue
		}
		u, e := unit(toks, e)
		o := opGE
		if wordAt(toks, a-1, "maximum", "maximal") {
			o = opLE
		}
		b := bound{start: g.end, end: e}
		setSide(&b, o, v, alt, u)
		p.bounds = append(p.bounds, b)
	}
}

// ellipticUnits gives a subgroup's relaxation written without its unit the
// unit of the bound it relaxes: "< 2.5 times ULN (< 5 times if hepatic
// metastases)", "≤ 2.5 × ULN (≤ 5 if liver metastases)", "≥ 100 × 10^9/L
// (≥ 75 for marrow involvement)". Only right after that bound, and only
// when a subgroup phrase follows: a bare number anywhere else stays
// unitless, and is dropped where the unit matters.
func (p *parser) ellipticUnits() {
	toks := p.toks
	bs := p.bounds
	for k := 1; k < len(bs); k++ {
		b, prev := &bs[k], &bs[k-1]
		u := boundUnit(prev)
		if boundUnit(b) != ruNone || b.hasLo == b.hasHi || prev.hasLo == prev.hasHi || b.hasLo != prev.hasLo ||
			u == ruNone || u == ruForeign || u == ruYears || b.isStages || prev.isStages || b.consumed || prev.consumed {
			continue
		}
		gapOK := b.start > prev.end
		for i := prev.end; i < b.start; i++ {
			if t := &toks[i]; t.kind != kLParen && t.kind != kComma && t.kind != kSemi && !wordAt(toks, i, "or") {
				gapOK = false
			}
		}
		if !gapOK {
			continue
		}
		e := b.end
		if u == ruXULN && (kindAt(toks, e, kTimes) || wordAt(toks, e, "times", "x", "fold")) {
			e++ // "< 5 times if …": the ULN left out
		}
		if e >= len(toks) || toks[e].kind != kWord || !toks[e].is(cTrigger) {
			continue
		}
		b.end = e
		setUnit(b, u)
	}
}

// danglingTimes gives a multiple written with its sign but not its limit,
// before a comma, the ULN of the next bound, which names it: "total
// bilirubin ≤1,5x, aspartate aminotransferase (AST) / alanin
// aminotransferase (ALT) ≤2.5x the institutional upper limit of normal
// (ULN)". Only across one clause of words to that bound.
func (p *parser) danglingTimes() {
	toks := p.toks
	bs := p.bounds
	for k := 0; k+1 < len(bs); k++ {
		b, next := &bs[k], &bs[k+1]
		e := b.end
		if boundUnit(b) != ruNone || b.hasLo == b.hasHi || b.isStages || b.consumed || boundUnit(next) != ruXULN ||
			!isTimes(toks, e) || !kindAt(toks, e+1, kComma) || next.start <= e+1 {
			continue
		}
		ok := true
		for i := e + 2; i < next.start; i++ {
			if t := &toks[i]; t.kind == kNum || t.kind == kPeriod || t.kind == kSemi || t.kind == kOp {
				ok = false
				break
			}
		}
		if ok {
			b.end = e + 1
			setUnit(b, ruXULN)
		}
	}
}

// bareRelaxation reads a bare number in brackets right after a bound,
// before the subgroup it is for, as that subgroup's relaxation of the
// bound, on the bound's side and in its unit: "Karnofsky 70%-100% (50% if
// hospitalized)" (50–100), "ECOG 0-1 (2 if due to bone pain)", "Platelets
// ≥ 100,000/mm3 (50,000 if bone marrow involvement)". Without it the
// trigger made the main bound the subgroup's. A stricter value is the
// subgroup's too ("(150,000 if splenomegaly)").
func (p *parser) bareRelaxation() {
	toks := p.toks
	var extra []bound
	for i := range p.bounds {
		prev := &p.bounds[i]
		open := prev.end
		// "(50% if hospitalized)", "OR 3.0 mg/dL in patients with liver
		// metastases"
		if !kindAt(toks, open+1, kNum) || prev.discarded || prev.isStages || prev.fromRow {
			continue
		}
		bracket := kindAt(toks, open, kLParen)
		if !bracket && !wordAt(toks, open, "or") || bracket && p.closeParen(open) < 0 || p.boundStartsAtTok(open+1) {
			continue
		}
		k := open + 1
		v, alt, e, ok := number(toks, k, false)
		if !ok {
			continue
		}
		u, ue := unit(toks, e)
		pu := boundUnit(prev)
		if u != ruNone && u != pu || !bracket && u == ruNone {
			// after "or" only a value with its unit: "≤ 2 or 3 in …" may be
			// a list of grades
			continue
		}
		e = ue
		// "AST ≤ 3 × ULN (5 × if liver metastases)": the multiple's sign
		// without its limit again
		if u == ruNone && pu == ruXULN && (wordAt(toks, e, "x", "times", "fold") || kindAt(toks, e, kTimes)) {
			e++
		}
		if e >= len(toks) || toks[e].kind != kWord || !toks[e].is(cTrigger) {
			continue
		}
		scale := false
		if pu == ruNone || pu == "%" {
			for gi := range p.groups {
				if g := &p.groups[gi]; g.kind == mkVar && g.end <= prev.start && g.end+3 > prev.start {
					scale = g.vars&^maskOf(vECOG, vKarnofsky, vLansky) == 0
				}
			}
		}
		b := bound{start: k, end: e, consumed: prev.consumed, scaleOf: prev.scaleOf}
		switch {
		case prev.hasLo && prev.hasHi:
			// a scale's range from its best grade: the relaxation moves
			// the other end
			if !scale {
				continue
			}
			if prev.lo == 0 && v != prev.hi && v <= 5 {
				setSide(&b, opLE, v, alt, ruNone)
			} else if prev.hi == 100 && v != prev.lo && v >= 0 && v < 100 {
				setSide(&b, opGE, v, alt, ruNone)
			} else {
				continue
			}
		case prev.hasLo:
			if v == prev.lo || pu == ruNone && !scale {
				continue
			}
			o := opGE
			if !prev.loInc {
				o = opGT
			}
			setSide(&b, o, v, alt, pu)
		case prev.hasHi:
			if v == prev.hi || pu == ruNone && !scale {
				continue
			}
			o := opLE
			if !prev.hiInc {
				o = opLT
			}
			setSide(&b, o, v, alt, pu)
		default:
			continue
		}
		extra = append(extra, b)
	}
	if len(extra) == 0 {
		return
	}
	p.bounds = append(p.bounds, extra...)
	bs := p.bounds
	for i := 1; i < len(bs); i++ {
		for j := i; j > 0 && bs[j].start < bs[j-1].start; j-- {
			bs[j], bs[j-1] = bs[j-1], bs[j]
		}
	}
}

var scaleByAgeRe = regexp.MustCompile(`(?i)\b(?:use|using)\s+(?:the\s+)?(?:karnofsky|lansky)\b[^;.]{0,30}\bfor\s+(?:patients|children|subjects|those)\b`)

// formulaIn reports a formula or method named in [a, e).
func (p *parser) formulaIn(a, e int) bool {
	for i := a; i < e; i++ {
		if wordAt(p.toks, i, "formula", "formulas", "equation", "method", "mdrd", "schwartz", "cockcroft", "cockroft", "ckd", "calculated") {
			return true
		}
	}
	return false
}

// ageBrackets reads an age in brackets right after another value as the
// subgroup that value is for, not as the patient's age: "Karnofsky
// 50-100% (over age 10) OR Lansky 50-100% (age 10 and under)", "≤ 0.8
// mg/dL (age 5 and under), ≤ 1.0 mg/dL (age 6 to 10)", "ECOG 0-2 (for
// patients ≥ 70 years)". The bracket becomes a subgroup phrase.
func (p *parser) ageBrackets() {
	toks := p.toks
	added := false
	for k := range p.bounds {
		prev := &p.bounds[k]
		open := prev.end
		if !kindAt(toks, open, kLParen) || prev.ageHint || prev.isStages ||
			prev.hasLo && isTimeUnit(prev.loUnit) || prev.hasHi && isTimeUnit(prev.hiUnit) {
			continue
		}
		if p.ageBracketAt(open, true) {
			added = true
		}
	}
	// "Karnofsky Performance Status (KPS) (age ≥16) or LPS (age<16) ≥ 50%"
	// (DEV39 NCT03215511): the bracket after a scale's name, before the
	// value both names share, picks whom each scale is for
	for gi := range p.groups {
		g := &p.groups[gi]
		if g.kind != mkVar || isAge(*g) || g.inObject || !kindAt(toks, g.end, kLParen) {
			continue
		}
		if p.ageBracketAt(g.end, false) {
			added = true
		}
	}
	if added {
		ts := p.trigs
		for i := 1; i < len(ts); i++ {
			for j := i; j > 0 && ts[j].pos < ts[j-1].pos; j-- {
				ts[j], ts[j-1] = ts[j-1], ts[j]
			}
		}
	}
}

// ageBracketAt makes the bracket opening at open a subgroup phrase when it
// holds an age and nothing else (or, after a value, a stage's label); it
// reports whether it did.
func (p *parser) ageBracketAt(open int, afterValue bool) bool {
	toks := p.toks
	end := p.closeParen(open)
	if end < 0 || end > open+10 {
		return false
	}
	age := false
	for i := open + 1; i < end; i++ {
		if g := p.inGrp[i]; g >= 0 {
			if !isAge(p.groups[g]) {
				age = false
				break
			}
			age = true
		}
	}
	for m := range p.bounds {
		b := &p.bounds[m]
		if b.start <= open || b.start >= end {
			continue
		}
		if b.ageHint || b.hasLo && b.loUnit == ruYears || b.hasHi && b.hiUnit == ruYears ||
			b.start > 0 && p.inGrp[b.start-1] >= 0 && isAge(p.groups[p.inGrp[b.start-1]]) {
			age = true
		} else {
			// a value of its own: "(2.0 mg/dL for patients over age 70)"
			age = false
			break
		}
	}
	if !age && !(afterValue && p.stageLabel(open+1, end)) || p.inObj[open] {
		return false
	}
	if age && p.formulaIn(open+1, end) {
		// "≥ 50 mL/min (MDRD formula for patients > 65 years)": whom a
		// formula is used for; the bound is everyone's
		for i := open + 1; i < end; i++ {
			p.inObj[i] = true
		}
		return false
	}
	last := end+1 == len(toks) || end+2 == len(toks) && toks[end+1].kind == kPeriod
	p.trigs = append(p.trigs, trigger{pos: open, end: open + 1, objEnd: end, depth: toks[open].depth, closesAlts: last})
	for i := open + 1; i < end; i++ {
		p.inObj[i] = true
	}
	p.trigWord[open] = true
	for gi := range p.groups {
		if g := &p.groups[gi]; g.start > open && g.start < end {
			g.inObject = true
		}
	}
	return true
}

// stageLabel reports a bracket that holds only the label of a stage or a
// study group, "(stage IIIB)", "(stage IV disease)", "(Part A)", "(cohort
// 2)": after a value, the subgroup the value is for.
func (p *parser) stageLabel(a, b int) bool {
	toks := p.toks
	if b-a < 2 || b-a > 5 || !wordAt(toks, a, "stage", "stages", "part", "cohort", "cohorts", "arm", "arms", "phase", "step", "group", "stratum") {
		return false
	}
	labels := 0
	for i := a + 1; i < b; i++ {
		t := &toks[i]
		switch {
		case p.inGrp[i] >= 0:
			return false
		case t.kind == kNum && t.decimals < 0 && t.val < 100:
			labels++
		case t.kind == kWord && len(t.text) <= 4 && (isRoman(strings.ToUpper(t.text)) || isRoman(strings.ToUpper(strings.TrimRight(t.text, "abcABC"))) || len(t.text) == 1):
			labels++
		case t.kind == kWord && (t.text == "disease" || t.text == "and" || t.text == "or" || t.text == "only"):
		case t.kind == kComma || t.kind == kSlash || t.kind == kDash:
		default:
			return false
		}
	}
	return labels > 0
}

// respectively pairs the mentions of a list with the values of a list:
// "Hemoglobin and platelets ≥ 9 g/dL and 100 × 10^9/L, respectively",
// "Total bilirubin and AST/ALT ≤ 1.5 and 2.5 × ULN respectively". The
// values must be as many as the mentions; a value without its own sign
// takes the one before, a value without a unit the next one's.
func (p *parser) respectively() {
	toks := p.toks
	at := -1
	for i := range toks {
		if toks[i].kind == kWord && toks[i].text == "respectively" {
			at = i
			break
		}
	}
	if at < 0 {
		return
	}
	for gi := range p.groups {
		g := &p.groups[gi]
		if g.kind != mkVar || g.nparts < 2 || g.nparts > len(g.parts) || g.end > at {
			continue
		}
		first := -1
		for k := range p.bounds {
			if b := &p.bounds[k]; b.start >= g.end && !b.consumed {
				first = k
				break
			}
		}
		if first < 0 || !p.gapIsFiller(g.end, p.bounds[first].start) {
			continue
		}
		b0 := p.bounds[first]
		if b0.hasLo == b0.hasHi || b0.isStages {
			continue
		}
		vals := []bound{b0}
		k := b0.end
		for len(vals) < g.nparts {
			j := k
			for j < len(toks) && j < k+3 && (toks[j].kind == kComma || toks[j].kind == kSlash || wordAt(toks, j, "and", "or")) {
				j++
			}
			if j == k {
				break
			}
			v, ok := p.listValue(j, vals[len(vals)-1].written)
			if !ok {
				break
			}
			vals = append(vals, v)
			k = v.end
		}
		e := k
		if kindAt(toks, e, kComma) {
			e++
		}
		if len(vals) != g.nparts || e != at {
			continue
		}
		for i := len(vals) - 2; i >= 0; i-- {
			if u := boundUnit(&vals[i]); u == ruNone {
				setUnit(&vals[i], boundUnit(&vals[i+1]))
			}
		}
		kept := p.bounds[:0]
		for _, b := range p.bounds {
			if b.start < b0.start || b.start >= k {
				kept = append(kept, b)
			}
		}
		p.bounds = kept
		for i := range vals {
			vals[i].respOf, vals[i].respVars = gi+1, g.parts[i]
			p.bounds = append(p.bounds, vals[i])
		}
		return
	}
}

// bracketedValues reads a value in brackets right after a bound, without
// a sign of its own, that a subgroup phrase follows: "≤ 2.5 times ULN (5
// times ULN if liver metastases)", "at least 100,000/mm^3 (50,000/mm^3 if
// marrow involvement)". It takes the sign of the bound before it; read as
// no bound, its subgroup phrase would qualify that bound instead.
func (p *parser) bracketedValues() {
	toks := p.toks
	n := len(p.bounds)
	for k := 0; k < n; k++ {
		b := p.bounds[k]
		if b.hasLo == b.hasHi || b.isStages || b.consumed || !kindAt(toks, b.end, kLParen) {
			continue
		}
		j := b.end + 1
		// "Age 18 years or older (or 20 years in Japan)"
		orred := wordAt(toks, j, "or") && boundUnit(&b) == ruYears
		if orred {
			j++
		}
		v, alt, e, ok := number(toks, j, true)
		if !ok {
			continue
		}
		u, e := unit(toks, e)
		// "Age 18 years or older (19 in South Korea)": a country's own
		// age, in the age's unit; read as no bound, the country would make
		// the main age a subgroup's
		if u == ruNone && boundUnit(&b) == ruYears && wordAt(toks, e, "in") && kindAt(toks, e+1, kWord) && toks[e+1].upper {
			u = ruYears
		}
		if u == ruNone || u == ruForeign || e >= len(toks) || !toks[e].is(cTrigger) || toks[e].kind != kWord {
			continue
		}
		taken := false
		for m := range p.bounds {
			if p.bounds[m].start <= j && p.bounds[m].end > j {
				taken = true
			}
		}
		if taken {
			continue
		}
		nb := bound{start: j, end: e}
		setSide(&nb, b.written, v, alt, u)
		p.bounds = append(p.bounds, nb)
	}
}

// bracketedGrades reads the grades a bracket after a performance-status
// bound admits for a subgroup: "SWOG 0-2 (3-4 acceptable if based solely
// on bone pain)", "ECOG 0-1 (2 allowed if due to bone metastases)",
// "Karnofsky 60-100% (50% acceptable if …)". Each is an allowedGrade
// bound, its worst grade the relaxation the trigger after it is for; read
// as no bound, the trigger would make the main bound a subgroup's.
func (p *parser) bracketedGrades() {
	toks := p.toks
	n := len(p.bounds)
	for k := 0; k < n; k++ {
		b := p.bounds[k]
		if b.isStages || b.allowedIf || !kindAt(toks, b.end, kLParen) {
			continue
		}
		vs := p.scaleBefore(b.start)
		if vs == 0 {
			continue
		}
		j := b.end + 1
		if !kindAt(toks, j, kNum) || toks[j].decimals >= 0 {
			continue
		}
		lo, hi := toks[j].val, toks[j].val
		e := j + 1
		if kindAt(toks, e, kPercent) {
			e++
		}
		if (kindAt(toks, e, kDash) || wordAt(toks, e, "to", "or")) && kindAt(toks, e+1, kNum) && toks[e+1].decimals < 0 {
			hi = toks[e+1].val
			e += 2
			if kindAt(toks, e, kPercent) {
				e++
			}
		}
		for m := 0; m < 3 && wordAt(toks, e, "is", "are", "will", "may", "can", "be", "also"); m++ {
			e++
		}
		if !wordAt(toks, e, "allowed", "permitted", "acceptable", "accepted", "eligible") || lo > hi {
			continue
		}
		nb := bound{start: j, end: e, allowedIf: true}
		if vs == maskOf(vECOG) {
			if hi < 1 || hi > 4 {
				continue
			}
			nb.hasHi, nb.hiInc, nb.hi, nb.written = true, true, hi, opLE
		} else {
			if lo < 10 || lo > 100 {
				continue
			}
			nb.hasLo, nb.loInc, nb.lo, nb.written = true, true, lo, opGE
		}
		for m := range p.bounds {
			if p.bounds[m].start >= j && p.bounds[m].start < e {
				p.bounds[m].discarded = true // the bare "3-4" it replaces
			}
		}
		p.bounds = append(p.bounds, nb)
	}
}

// scaleBefore returns the performance scale the last mention before token
// i names, if that mention is one ("ECOG", "Karnofsky", a bare
// "performance status"), or 0.
func (p *parser) scaleBefore(i int) varMask {
	var last *group
	for gi := range p.groups {
		if g := &p.groups[gi]; g.end <= i && (g.kind == mkVar || g.kind == mkGeneric) {
			last = g
		}
	}
	if last == nil {
		return 0
	}
	switch last.vars {
	case maskOf(vECOG), maskOf(vKarnofsky), maskOf(vLansky):
		return last.vars
	}
	return 0
}

// listValue reads one value of a list at j: a bound, or a number (and its
// unit) that takes the sign o of the value before it.
func (p *parser) listValue(j int, o op) (bound, bool) {
	toks := p.toks
	if b, ok := boundAt(toks, j); ok && b.end > j && b.hasLo != b.hasHi {
		return b, true
	}
	v, alt, k, ok := number(toks, j, true)
	if !ok {
		return bound{}, false
	}
	u, e := unit(toks, k)
	b := bound{start: j, end: e}
	setSide(&b, o, v, alt, u)
	return b, b.hasLo || b.hasHi
}

func boundUnit(b *bound) string {
	if b.hasLo {
		return b.loUnit
	}
	return b.hiUnit
}

func setUnit(b *bound, u string) {
	if b.hasLo {
		b.loUnit = u
	}
	if b.hasHi {
		b.hiUnit = u
	}
}

var scaleFillers = setOf("class", "classification", "grade", "score", "scores", "stage", "staging", "status", "category",
	"rating", "grading", "assessment",
	"liver", "function", "functional", "of", "is", "performance", "ps", "scale", "system", "score", "points",
	"cirrhosis", "cirrhotic", "disease", "must", "be", "a", "the", "ecog", "who", "level", "criteria", "combined", "hepatic",
	"either") // "ECOG performance status score either 0 or 1"

// skipScaleFillers skips the words between a scale and its value.
func (p *parser) skipScaleFillers(j int) int {
	toks := p.toks
	for n := 0; j < len(toks) && n < 8; n++ {
		t := &toks[j]
		switch {
		case t.is(cScaleFiller) && !(len(t.text) == 1 && t.upper):
		case t.kind == kColon || t.kind == kDash || t.kind == kLParen || t.kind == kApos:
		case t.kind == kComma && kindAt(toks, j+1, kNum): // "ECOG Performance Status, 0 or 1"
		case t.kind == kOp && t.op == opEQ:
		case p.inGrp[j] >= 0:
		default:
			return j
		}
		j++
	}
	return j
}

// equalGrade reads an ECOG grade written with "=" for a subgroup named
// right after it ("ECOG PS < 2 if age < 70 years, ECOG PS = 0 if age =
// 71-75 years"): that subgroup's only grade. Kept only conditional.
func (p *parser) equalGrade(j int) (bound, bool) {
	toks := p.toks
	e := p.skipScaleFillers(j)
	eq := false
	for k := j; k < e; k++ {
		if toks[k].kind == kOp && toks[k].op == opEQ {
			eq = true
		}
	}
	if !eq || !kindAt(toks, e, kNum) || toks[e].decimals >= 0 || toks[e].val > 4 || !wordAt(toks, e+1, "if", "for", "in") ||
		e+1 >= len(p.trigWord) || !p.trigWord[e+1] {
		return bound{}, false
	}
	v := toks[e].val
	return bound{start: e, end: e + 1, allowedIf: true, isRange: true, hasLo: true, loInc: true, lo: v,
		hasHi: true, hiInc: true, hi: v}, true
}

// bestGradeOnly reads "Performance status (PS) 0" (DEV41 NCT02548780):
// the scale's best grade alone, which cannot mean anything but "0 and no
// worse". Any other lone grade ("ECOG PS 2") has no operator and is left
// unread (SPEC 4.16): it may be a floor, a ceiling or the only grade.
func (p *parser) bestGradeOnly(j int) (bound, bool) {
	toks := p.toks
	e := p.skipScaleFillers(j)
	if !kindAt(toks, e, kNum) || toks[e].decimals >= 0 || toks[e].val != 0 || toks[e].end-toks[e].start != 1 {
		return bound{}, false
	}
	if e+1 < len(toks) {
		switch toks[e+1].kind {
		case kPeriod, kSemi, kLParen:
		case kComma:
			if kindAt(toks, e+2, kNum) {
				return bound{}, false // "ECOG 0, 1 …" is a list
			}
		default:
			return bound{}, false
		}
	}
	return bound{start: e, end: e + 1, hasHi: true, hiInc: true, hi: 0}, true
}

// allowedGrade reads a single grade the item allows beyond its main range
// ("ECOG 2 allowed if due to bone pain", "PS 2 is permitted for patients
// over 70", "Karnofsky 60 acceptable if …"): the worst grade admitted, for
// the subgroup the trigger after it names. Without a trigger it is dropped
// in emit: "ECOG 2 allowed" alone says nothing of the grades below it.
func (p *parser) allowedGrade(j int, vs varMask) (bound, bool) {
	toks := p.toks
	j = p.skipScaleFillers(j)
	if !kindAt(toks, j, kNum) || toks[j].decimals >= 0 {
		return bound{}, false
	}
	k := j + 1
	if kindAt(toks, k, kPercent) {
		k++
	}
	// "ECOG 3 is only permitted if related to CLL"
	for n := 0; n < 4 && wordAt(toks, k, "is", "are", "will", "may", "can", "be", "also", "only"); n++ {
		k++
	}
	// "Subjects with ECOG PS of 3 may be included if decreased PS is
	// secondary to DLBCL only"
	if !wordAt(toks, k, "allowed", "permitted", "acceptable", "accepted", "eligible", "included", "enrolled") && !discretionAt(toks, k) {
		return bound{}, false
	}
	return worstGrade(bound{start: j, end: j + 1, allowedIf: true}, vs, toks[j].val, 1)
}

// worstGrade makes b admit grade v and better on vs's scale: at most v on
// ECOG's (where lower is better; from ecogFloor to 4), at least v on
// Karnofsky's and Lansky's (10 to 100).
func worstGrade(b bound, vs varMask, v, ecogFloor float64) (bound, bool) {
	if vs == maskOf(vECOG) {
		if v < ecogFloor || v > 4 {
			return bound{}, false
		}
		b.hasHi, b.hiInc, b.hi, b.written = true, true, v, opLE
		return b, true
	}
	if v < 10 || v > 100 {
		return bound{}, false
	}
	b.hasLo, b.loInc, b.lo, b.written = true, true, v, opGE
	return b, true
}

// gradeOrBetter reads "ECOG performance status of 2 or better", "Karnofsky
// 70% or better": the worst grade admitted, where better is lower on ECOG's
// scale and higher on Karnofsky's and Lansky's.
func (p *parser) gradeOrBetter(j int, vs varMask) (bound, bool) {
	toks := p.toks
	j = p.skipScaleFillers(j)
	if !kindAt(toks, j, kNum) || toks[j].decimals >= 0 {
		return bound{}, false
	}
	k := j + 1
	if kindAt(toks, k, kPercent) {
		k++
	}
	if !wordAt(toks, k, "or") || !wordAt(toks, k+1, "better") {
		return bound{}, false
	}
	return worstGrade(bound{start: j, end: k + 2}, vs, toks[j].val, 0)
}

// fractionalBare reports a bound written without a unit whose number has
// decimals ("tumor > 3.1 and < 5 cm"): no age is written so.
func (p *parser) fractionalBare(b *bound) bool {
	if boundUnit(b) != ruNone {
		return false
	}
	for k := b.start; k < b.end && k < len(p.toks); k++ {
		if p.toks[k].kind == kNum && p.toks[k].decimals > 0 {
			return true
		}
	}
	return false
}

// doseClause reports a bound in a clause about changing the dose: its
// sentence (or bracket) names the dose and a reduction.
func (p *parser) doseClause(b *bound) bool {
	toks := p.toks
	d := toks[b.start].depth
	a := b.start
	for a > 0 && toks[a-1].kind != kSemi && toks[a-1].kind != kPeriod && toks[a-1].kind != kSep && toks[a-1].depth >= d {
		a--
	}
	e := b.end
	for e < len(toks) && toks[e].kind != kSemi && toks[e].kind != kPeriod && toks[e].kind != kSep && toks[e].depth >= d {
		e++
	}
	dose, change := false, false
	for k := a; k < e; k++ {
		switch {
		case wordAt(toks, k, "dose", "doses", "dosage", "dosing"):
			dose = true
		case wordAt(toks, k, "reduced", "reduce", "reduction", "decreased", "decrease", "lowered", "adjusted",
			"adjustment", "modified", "modification"):
			change = true
		}
	}
	return dose && change
}

// pastCues are the words every past event or change pastEvent reads
// holds one of.
var pastCues = setOf("experienced", "developed", "suffered", "sustained", "prior", "previous", "earlier", "increase",
	"rise", "decrease", "decline", "drop", "fall", "reduction", "change", "baseline", "vs", "versus", "history")

// pastEvent reports a bound that measures something in the patient's past
// or a change, not the value at entry: an event on earlier treatment
// ("Grade ≥ 3 thrombocytopenia (platelets < 50,000/mm3) on prior therapy",
// "Patients who experienced ANC < 0.5 × 10^9/L …") or a difference
// ("Decrease in LVEF of more than 10% from baseline", "Increase in serum
// creatinine of ≥ 0.3 mg/dL"). Inverted from an exclusion, either became
// a bound on everyone's current value. subj is where the bound's subject
// starts.
func (p *parser) pastEvent(b *bound, subj int) bool {
	if !p.pastCue {
		return false
	}
	toks := p.toks
	a := min(b.start, subj)
	for a > 0 && toks[a-1].kind != kSemi && toks[a-1].kind != kPeriod && toks[a-1].kind != kSep {
		a--
	}
	e := b.end
	for e < len(toks) && toks[e].kind != kSemi && toks[e].kind != kPeriod && toks[e].kind != kSep {
		e++
	}
	for k := a; k < e; k++ {
		switch {
		case k < b.start && wordAt(toks, k, "experienced", "developed", "suffered", "sustained"):
			return true
		case wordAt(toks, k, "during", "on", "while"):
			// not "with": "ANC ≥ 1.0 for patients with prior chemotherapy"
			// is a subgroup's bound; not "after": "recovered to ANC ≥ 1.0
			// after prior chemotherapy" is today's value
			j := k + 1
			if wordAt(toks, j, "a", "the", "any", "their") {
				j++
			}
			if !wordAt(toks, j, "prior", "previous", "earlier") {
				continue
			}
			for n := j + 1; n < e && n <= j+4; n++ {
				if wordAt(toks, n, "therapy", "therapies", "treatment", "treatments", "chemotherapy", "immunotherapy",
					"regimen", "regimens", "course", "courses", "cycle", "cycles", "exposure") {
					return true
				}
			}
		case k < subj && subj-k <= 5 && wordAt(toks, k, "increase", "rise", "decrease", "decline", "drop", "fall", "reduction", "change") &&
			wordAt(toks, k+1, "in", "of"):
			return true
		case k >= b.start && wordAt(toks, k, "from") && wordAt(toks, k+1, "baseline"):
			return true
		case k < subj && wordAt(toks, k, "history") && wordAt(toks, k+1, "of") && documentedBetween(toks, k+2, subj):
			// "History of immune mediated heparin induced thrombocytopenia,
			// as documented by a platelet count < 50,000" (DEV36
			// NCT00629447): what showed the past illness
			return true
		case k < subj && wordAt(toks, k, "history") && wordAt(toks, k+1, "of") && p.withBetween(k+2, subj):
			// "History of hepatitis with ALT > 10 × ULN": the value of a
			// past illness, not today's (inverted, it bounded everyone)
			return true
		}
	}
	// "stratified by age (< 65 vs ≥ 65)": the strata, not a bound
	if wordAt(toks, b.end, "vs", "versus") || wordAt(toks, b.start-1, "vs", "versus") {
		return true
	}
	return false
}

// documentedBetween reports "documented by" or "evidenced by" among the
// tokens [a, b), within one sentence.
func documentedBetween(toks []token, a, b int) bool {
	for k := a; k < b && k < a+16; k++ {
		if toks[k].kind == kSemi || toks[k].kind == kPeriod {
			return false
		}
		if wordAt(toks, k, "documented", "evidenced", "demonstrated", "manifested") && wordAt(toks, k+1, "by") {
			return true
		}
	}
	return false
}

// withBetween reports "with" among the words [a, b) of one clause.
func (p *parser) withBetween(a, b int) bool {
	for k := a; k < b && k < a+8; k++ {
		switch t := &p.toks[k]; {
		case t.kind == kComma || t.kind == kSemi || t.kind == kPeriod || t.kind == kColon:
			return false
		case t.kind == kWord && (t.text == "with" || t.text == "and"):
			return t.text == "with"
		}
	}
	return false
}

// stageAlternative reports a stage named at j in an item that is one of
// two alternatives ("< 12 months of age with INRG stage L1; or", then "<
// 18 months of age with INRG stage L2 or Ms"): each alternative is then a
// stage's own bound, reconciled per SPEC 4.7. A stage beside a bound in an
// item that offers no alternative ("aged ≥ 18 with stage IV NSCLC")
// describes everyone.
func (p *parser) stageAlternative(j int) bool {
	toks := p.toks
	n := len(toks)
	if !p.ctx.alt && !wordAt(toks, n-1, "or") {
		return false
	}
	for k := j; k < j+3 && k < n; k++ {
		if wordAt(toks, k, "stage", "stages") {
			return true
		}
	}
	return false
}

// groupInBound reports token k in a mention that starts inside bound b:
// "age at diagnosis" after "< 12 months of" is the bound's age phrase run
// on, no other subject.
func (p *parser) groupInBound(k int, b *bound) bool {
	g := p.inGrp[k]
	return g >= 0 && p.groups[g].start < b.end && p.groups[g].start >= b.start
}

// placeBefore reports a country named right before the bound at k.
func (p *parser) placeBefore(k int) bool {
	for ti := range p.trigs {
		if t := &p.trigs[ti]; t.place && t.objEnd == k {
			return true
		}
	}
	return false
}

// normalOrAt reports ", or" or "or" from e right up to the bound at b.
func normalOrAt(toks []token, e, b int) bool {
	if kindAt(toks, e, kComma) {
		e++
	}
	return wordAt(toks, e, "or") && e+1 == b
}

// normalPhraseEnd returns the end of "within (the) (institutional) normal
// limits", "normal", "WNL" at i, or -1.
func normalPhraseEnd(toks []token, i int) int {
	if t := toks[i].text; t == "" || t[0] != 'w' && t[0] != 'n' {
		return -1
	}
	k := i
	if wordAt(toks, k, "wnl") {
		return k + 1
	}
	within := wordAt(toks, k, "within")
	if within {
		k++
		for wordAt(toks, k, "the", "institutional", "local", "age", "appropriate") {
			k++
		}
	}
	if !wordAt(toks, k, "normal") {
		return -1
	}
	k++
	if wordAt(toks, k, "institutional") {
		k++
	}
	if wordAt(toks, k, "limits", "limit", "range", "ranges", "values") {
		k++
	} else if within {
		return -1
	}
	return k
}

// condBoundAt reports a conditional bound starting at token k.
func (p *parser) condBoundAt(k int) bool {
	if len(p.condOf) != len(p.bounds) {
		return false
	}
	for i := range p.bounds {
		if p.bounds[i].start == k {
			return p.condOf[i]
		}
	}
	return false
}

// normalLimitOr returns the end of "≥ LLN or", "≥ the lower limit of
// normal (LLN) or" at i (the sign), or -1.
func (p *parser) normalLimitOr(i int) int {
	toks := p.toks
	if toks[i].kind == kOp && toks[i].op == opNone || toks[i].kind == kWord && !wordAt(toks, i, "below", "under", "above") {
		return -1
	}
	k := i + 1
	for wordAt(toks, k, "the", "institutional", "local") {
		k++
	}
	switch {
	case wordAt(toks, k, "lln"):
		k++
	case wordAt(toks, k, "lower") && wordAt(toks, k+1, "limit") && wordAt(toks, k+2, "of"):
		k += 3
		if wordAt(toks, k, "the") {
			k++
		}
		if !wordAt(toks, k, "normal") {
			return -1
		}
		k++
		if wordAt(toks, k, "range") {
			k++
		}
	default:
		return -1
	}
	if kindAt(toks, k, kLParen) && wordAt(toks, k+1, "lln") && kindAt(toks, k+2, kRParen) {
		k += 3
	}
	if kindAt(toks, k, kComma) {
		k++
	}
	if !wordAt(toks, k, "or") {
		return -1
	}
	return k + 1
}

// whicheverIs reports "whichever is higher" (one of ws) after bound b.
func (p *parser) whicheverIs(b int, ws ...string) bool {
	toks := p.toks
	for k := b; k < len(toks) && k < b+12; k++ {
		if wordAt(toks, k, "whichever") {
			k++
			if wordAt(toks, k, "is") {
				k++
			}
			if wordAt(toks, k, "the") {
				k++
			}
			return wordAt(toks, k, ws...)
		}
	}
	return false
}

// lostLifeLabel reports a bound in weeks or months that ends its
// statement: no performance score is a time.
func (p *parser) lostLifeLabel(b *bound) bool {
	u := boundUnit(b)
	if u != ruWeeks && u != ruMonths || !b.hasLo || b.hasHi {
		return false
	}
	e := b.end
	for e < len(p.toks) && p.toks[e].kind == kPeriod {
		e++
	}
	return e == len(p.toks)
}

// valueAllowedBefore reports a bound right before the allowing word at k
// ("(≤ 2.5 × ULN allowed if alkaline phosphatase ≤ ULN)", "≥ 50 × 10^9/L is
// acceptable if …"): the "if" after it names who is allowed that bound.
func (p *parser) valueAllowedBefore(k int) bool {
	toks := p.toks
	if !wordAt(toks, k, "allowed", "permitted", "accepted", "acceptable") {
		return false
	}
	k--
	for n := 0; n < 3 && wordAt(toks, k, "is", "are", "will", "may", "can", "be", "also"); n++ {
		k--
	}
	// the bound's end: a number, its unit or the normal limit
	for j := k; j >= 0 && j > k-8; j-- {
		switch toks[j].kind {
		case kOp:
			return true
		case kComma, kSemi, kPeriod, kColon, kSep, kLParen:
			return false
		}
		if wordAt(toks, j, "than", "to") && j > 0 && toks[j-1].kind == kWord {
			if _, _, ok := comparator(toks, j-1); ok {
				return true
			}
			if j > 1 {
				if _, _, ok := comparator(toks, j-2); ok {
					return true
				}
			}
		}
	}
	return false
}

// gradeAllowedBefore reports a performance grade right before the
// allowing word at k ("ECOG 2 allowed", "PS 2 is permitted"): the "if"
// after it names who is allowed it, as after any bound.
func (p *parser) gradeAllowedBefore(k int) bool {
	toks := p.toks
	k--
	for n := 0; n < 4 && wordAt(toks, k, "is", "are", "will", "may", "can", "be", "also", "only"); n++ {
		k--
	}
	if kindAt(toks, k, kPercent) {
		k--
	}
	if !kindAt(toks, k, kNum) || toks[k].decimals >= 0 {
		return false
	}
	// "SWOG 0-2 (3-4 acceptable if …)": a bracket of grades after the
	// scale's own bound (bracketedGrades)
	if (kindAt(toks, k-1, kDash) || wordAt(toks, k-1, "to", "or")) && kindAt(toks, k-2, kNum) {
		k -= 2
	}
	if kindAt(toks, k-1, kLParen) && p.scaleBefore(k-1) != 0 {
		return true
	}
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if g := p.inGrp[j]; g >= 0 {
			vs := p.groups[g].vars
			return p.groups[g].kind == mkVar && (vs == maskOf(vECOG) || vs == maskOf(vKarnofsky) || vs == maskOf(vLansky))
		}
	}
	return false
}

// enumeration reads "0, 1, or 2", "0 or 1", "0/1" after a performance scale.
func (p *parser) enumeration(j int, vs varMask) (bound, bool) {
	toks := p.toks
	j = p.skipScaleFillers(j)
	start := j
	var vals []float64
	for j < len(toks) && toks[j].kind == kNum && toks[j].decimals < 0 {
		vals = append(vals, toks[j].val)
		j++
		if kindAt(toks, j, kPercent) {
			j++
		}
		k := j
		for k < len(toks) && (toks[k].kind == kComma || toks[k].kind == kSlash || wordAt(toks, k, "or", "and")) && k-j < 3 {
			k++
		}
		if k == j || !kindAt(toks, k, kNum) {
			break
		}
		j = k
	}
	if len(vals) < 2 {
		return bound{}, false
	}
	step := 1.0
	if vs != maskOf(vECOG) {
		step = 10
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	// contiguous: every step between lo and hi is listed
	for x := lo; x <= hi; x += step {
		found := false
		for _, v := range vals {
			if v == x {
				found = true
			}
		}
		if !found {
			return bound{}, false
		}
	}
	return bound{start: start, end: j, hasLo: true, hasHi: true, loInc: true, hiInc: true, lo: lo, hi: hi,
		isRange: true}, true
}

// child-Pugh classes
var cpClass = map[string][2]float64{"a": {5, 6}, "b": {7, 9}, "c": {10, 15}}

// cpItem reads "A", "B7", "class B" at j: the score interval it stands for.
func (p *parser) cpItem(j int) ([2]float64, int, bool) {
	toks := p.toks
	if wordAt(toks, j, "class", "grade") {
		j++
	}
	if j >= len(toks) || toks[j].kind != kWord || !toks[j].upper || len(toks[j].text) != 1 {
		return [2]float64{}, j, false
	}
	iv, ok := cpClass[toks[j].text]
	if !ok {
		return [2]float64{}, j, false
	}
	if kindAt(toks, j+1, kNum) && toks[j+1].glued && toks[j+1].decimals < 0 {
		n := toks[j+1].val
		if n < iv[0] || n > iv[1] {
			return [2]float64{}, j, false
		}
		return [2]float64{n, n}, j + 2, true
	}
	// "class B with a score of 7", "B (score 7)", "A (5-6 points)": the
	// score named after the class, inside it
	k := j + 1
	paren := kindAt(toks, k, kLParen)
	if paren {
		k++
	} else if wordAt(toks, k, "with") {
		k++
		if wordAt(toks, k, "a", "an") {
			k++
		}
	} else {
		return iv, j + 1, true
	}
	if wordAt(toks, k, "score", "total") {
		k++
		if wordAt(toks, k, "of") {
			k++
		}
	}
	if kindAt(toks, k, kNum) && toks[k].decimals < 0 {
		lo, hi := toks[k].val, toks[k].val
		e := k + 1
		if (kindAt(toks, e, kDash) || wordAt(toks, e, "or", "to")) && kindAt(toks, e+1, kNum) && toks[e+1].decimals < 0 {
			hi = toks[e+1].val
			e += 2
		}
		if wordAt(toks, e, "points", "point", "pts") {
			e++
		}
		if paren && !kindAt(toks, e, kRParen) {
			return iv, j + 1, true
		}
		if paren {
			e++
		}
		if lo >= iv[0] && hi <= iv[1] && lo <= hi {
			return [2]float64{lo, hi}, e, true
		}
	}
	return iv, j + 1, true
}

func (p *parser) childPugh(j int) (bound, bool) {
	toks := p.toks
	j = p.skipScaleFillers(j)
	start := j
	// "Child-Pugh ≤ B7", "< B8"
	if o, k, ok := comparator(toks, j); ok {
		if iv, e, ok := p.cpItem(k); ok {
			b := bound{start: start, end: e}
			switch o {
			case opLE:
				setSide(&b, opLE, iv[1], 0, ruNone)
			case opLT:
				setSide(&b, opLE, iv[0]-1, 0, ruNone)
			case opGE:
				setSide(&b, opGE, iv[0], 0, ruNone)
			case opGT:
				setSide(&b, opGE, iv[1]+1, 0, ruNone)
			}
			if wordAt(toks, e, "or") && wordAt(toks, e+1, "better") {
				b.end = e + 2
			}
			return b, true
		}
		return bound{}, false
	}
	iv, k, ok := p.cpItem(j)
	if !ok {
		// "Child-Pugh score of 5 or 6"
		return p.enumeration(start, maskOf(vECOG))
	}
	var ivs [][2]float64
	ivs = append(ivs, iv)
	for {
		m := k
		isRange := false
		for m < len(toks) && m-k < 3 {
			switch {
			case toks[m].kind == kComma || toks[m].kind == kSlash || wordAt(toks, m, "or", "and"):
			case toks[m].kind == kDash || wordAt(toks, m, "to", "through"):
				isRange = true
			default:
				goto done
			}
			m++
		}
	done:
		if m == k {
			break
		}
		iv2, e, ok := p.cpItem(m)
		if !ok {
			break
		}
		if isRange {
			ivs[len(ivs)-1] = [2]float64{ivs[len(ivs)-1][0], iv2[1]}
		} else {
			ivs = append(ivs, iv2)
		}
		k = e
	}
	// "or better" after a class: "B7 or better"
	if wordAt(toks, k, "or") && wordAt(toks, k+1, "better") && len(ivs) == 1 {
		ivs[0][0] = 5
		k += 2
	}
	// "B8 or worse", "B or higher"
	if wordAt(toks, k, "or", "and") && wordAt(toks, k+1, "worse", "higher", "above", "greater", "more") && len(ivs) == 1 {
		ivs[0][1] = 15
		k += 2
	}
	// the union must be one interval
	for i := 1; i < len(ivs); i++ {
		for j := i; j > 0 && ivs[j][0] < ivs[j-1][0]; j-- {
			ivs[j], ivs[j-1] = ivs[j-1], ivs[j]
		}
	}
	lo, hi := ivs[0][0], ivs[0][1]
	for _, x := range ivs[1:] {
		if x[0] > hi+1 {
			return bound{start: start, end: k, discarded: true}, true
		}
		hi = math.Max(hi, x[1])
	}
	// "Child-Pugh A or a subset of B": an undefined subset (SPEC 4.16)
	for m := k; m < len(toks) && m < k+6; m++ {
		if wordAt(toks, m, "subset", "subsets", "selected", "some", "certain", "partial") {
			return bound{start: start, end: k, discarded: true}, true
		}
	}
	b := bound{start: start, end: k, hasLo: true, hasHi: true, loInc: true, hiInc: true, lo: lo, hi: hi, isRange: true}
	return b, true
}

var otherStaging = setOf("cnlc", "ajcc", "tnm", "okuda", "hklc", "jis", "clip", "china", "chinese", "figo")

// bclc reads the stages of a BCLC mention: after it ("BCLC stage B or C",
// "(BCLC C)", "BCLC 0-A", "Barcelona Clinic Liver Cancer (BCLC) C stage")
// or, when the system is named after them, before it ("stage B or C per
// BCLC", "Stage C according to the BCLC staging system", "Stage B (BCLC)").
func (p *parser) bclc(gi int) (bound, bool) {
	toks := p.toks
	g := p.groups[gi]
	j := g.end
	for n := 0; j < len(toks) && n < 6; n++ {
		t := &toks[j]
		if t.kind == kWord && (t.text == "stage" || t.text == "staging" || t.text == "class" || t.text == "classification" ||
			t.text == "category" || t.text == "system" || t.text == "score" || t.text == "of" || t.text == "is" ||
			// "BCLC stage for B or C"
			t.text == "for" && wordAt(toks, j-1, "stage") && kindAt(toks, j+1, kWord) && len(toks[j+1].text) == 1) ||
			t.kind == kColon || t.kind == kDash || t.kind == kLParen || t.kind == kRParen {
			j++
			continue
		}
		break
	}
	b, ok := p.stageList(j)
	if !ok {
		if b, ok = p.stagesBefore(g.start); !ok {
			return bound{}, false
		}
	}
	// "BCLC stage B that is not suitable for TACE, or stage C"
	for k := b.end; k+1 < len(toks); k++ {
		if t := &toks[k]; t.kind == kSemi || t.kind == kPeriod || t.kind == kSep || p.inGrp[k] >= 0 {
			break
		}
		if wordAt(toks, k, "or") && wordAt(toks, k+1, "stage") {
			if more, ok := p.stageList(k + 1); ok {
				b.stages |= more.stages
				break
			}
		}
	}
	// BCLC as an alternative to another staging system, or in a treatment
	// history ("No prior treatment for BCLC class C disease"): not a
	// requirement on the patient's stage
	for i := range toks {
		if toks[i].is(cOtherStaging) {
			b.discarded = true
		}
	}
	for i := min(g.start, b.start) - 1; i >= 0 && i >= g.start-10; i-- {
		t := &toks[i]
		if t.kind == kSemi || t.kind == kPeriod || t.kind == kSep {
			break
		}
		if t.kind == kWord && (t.text == "treatment" || t.text == "therapy" || t.text == "treated" ||
			t.text == "prior" || t.text == "previous" || t.text == "previously") {
			b.discarded = true
		}
	}
	return b, true
}

// stageAt reads one BCLC stage at k: "0", "A" … "D", "stage C".
func (p *parser) stageAt(k int) (uint8, int, bool) {
	toks := p.toks
	if wordAt(toks, k, "stage") {
		k++
	}
	if k >= len(toks) {
		return 0, k, false
	}
	t := &toks[k]
	if t.kind == kNum && t.text == "0" {
		return 0, k + 1, true
	}
	if t.kind == kWord && t.upper && len(t.text) == 1 && t.text[0] >= 'a' && t.text[0] <= 'd' {
		return t.text[0] - 'a' + 1, k + 1, true
	}
	return 0, k, false
}

// stageList reads a list or range of BCLC stages at j: "B or C", "0-A",
// "B/C", "A through C".
func (p *parser) stageList(j int) (bound, bool) {
	toks := p.toks
	s, k, ok := p.stageAt(j)
	if !ok {
		return bound{}, false
	}
	start := j
	if wordAt(toks, start, "stage") {
		start++
	}
	mask := uint8(1) << s
	last := s
	for {
		// "B (intermediate) or C": an aside between two stages
		a := p.skipAside(k)
		m := a
		isRange := false
		for m < len(toks) && m-a < 3 {
			switch {
			case toks[m].kind == kComma || toks[m].kind == kSlash || wordAt(toks, m, "or", "and"):
			case toks[m].kind == kDash || wordAt(toks, m, "to", "through"):
				isRange = true
			default:
				goto done
			}
			m++
		}
	done:
		if m == a {
			break
		}
		s2, e, ok := p.stageAt(m)
		if !ok {
			break
		}
		if isRange && s2 > last {
			for x := last; x <= s2; x++ {
				mask |= 1 << x
			}
		} else {
			mask |= 1 << s2
		}
		last = s2
		k = e
	}
	return bound{start: start, end: k, isStages: true, stages: mask}, true
}

// skipAside skips a bracketed word or two at k: "B (intermediate) or C".
func (p *parser) skipAside(k int) int {
	toks := p.toks
	if !kindAt(toks, k, kLParen) {
		return k
	}
	for e := k + 1; e < len(toks) && e <= k+3; e++ {
		switch toks[e].kind {
		case kRParen:
			if e > k+1 {
				return e + 1
			}
			return k
		case kWord:
			if len(toks[e].text) == 1 && toks[e].upper || p.inGrp[e] >= 0 {
				return k // "(C)": a stage; "(BCLC)": the system's name
			}
		default:
			return k
		}
	}
	return k
}

// stagesBefore reads a stage list that ends just before a BCLC mention at
// i, joined to it by "per", "according to the", "by" or a bracket.
func (p *parser) stagesBefore(i int) (bound, bool) {
	toks := p.toks
	end := i
	for n := 0; end > 0 && n < 4; n++ {
		t := &toks[end-1]
		if t.kind == kLParen || t.kind == kWord && (t.text == "per" || t.text == "according" || t.text == "to" ||
			t.text == "the" || t.text == "by" || t.text == "using" || t.text == "on" || t.text == "in") {
			end--
			continue
		}
		break
	}
	for k := end - 1; k >= 0 && k >= end-8; k-- {
		if toks[k].kind != kWord || toks[k].text != "stage" {
			continue
		}
		if b, ok := p.stageList(k); ok && b.end == end {
			return b, true
		}
		break
	}
	return bound{}, false
}

// ---- binding bounds to subjects ----

// leaderDots reports a full stop at i in a run of three or more written
// together: a dot leader, not the end of a sentence.
func leaderDots(toks []token, i int) bool {
	a, b := i, i
	for a > 0 && toks[a-1].kind == kPeriod && toks[a].glued {
		a--
	}
	for b+1 < len(toks) && toks[b+1].kind == kPeriod && toks[b+1].glued {
		b++
	}
	return b-a >= 2
}

func (p *parser) gapIsFiller(a, b int) bool {
	if b-a > 14 {
		return false
	}
	toks := p.toks
	for i := a; i < b; i++ {
		t := &toks[i]
		// a subgroup named between a subject and its bound ("Creatinine
		// clearance: Cohort A ≥ 60", "ANC for patients with marrow
		// involvement ≥ 1.0") is the bound's, not a barrier
		if p.trigWord[i] || p.inObj[i] {
			continue
		}
		switch t.kind {
		case kColon, kDash, kApos, kSep:
			continue
		case kPeriod:
			// dot leaders between a name and its value: "Platelets
			// .......... < 75,000/microliter"
			if leaderDots(toks, i) {
				continue
			}
			// an abbreviation's full stop right before the sign: "Neu. >=
			// 1,500/cubicmillimeter", "T-bil. <= upper limit of normal"
			if t.glued && i == a && i == b-1 && i > 0 && p.inGrp[i-1] >= 0 && kindAt(toks, b, kOp) {
				continue
			}
			return false
		case kOp:
			if t.op == opEQ {
				continue
			}
			// "LVEF ≥ LLN or ≥ 50%, whichever is higher": the normal limit
			// is no number, the bound after it is what every patient meets
			// ("LVEF ≥ LLN or ≥ 50%" alike: a non-numeric alternative leaves
			// the number everyone's, SPEC 4.8)
			if e := p.normalLimitOr(i); e > i && e <= b && !p.whicheverIs(b, "lower", "less", "lowest", "least", "smaller") {
				i = e - 1
				continue
			}
			return false
		case kWord:
			// "LVEF below the lower limit of normal or < 50%" (an exclusion)
			if wordAt(toks, i, "below", "under", "above") {
				if e := p.normalLimitOr(i); e > i && e <= b && !p.whicheverIs(b, "lower", "less", "lowest", "least", "smaller") {
					i = e - 1
					continue
				}
			}
			// "Total bilirubin within normal limits (except Gilbert's
			// syndrome ≤ 3 × ULN)": the normal range has no number; the
			// subgroup's bound after it is the subject's
			// ("Creatinine within normal limits or ≤ 1.5 mg/dL": the number
			// is everyone's, SPEC 4.8)
			if e := normalPhraseEnd(toks, i); e > i && e <= b && (p.condBoundAt(b) || normalOrAt(toks, e, b)) {
				i = e - 1
				continue
			}
			if t.is(cFiller | cAside) {
				continue
			}
			// "Ages eligible for study: 18 years and above": the registry's
			// old page, copied
			if t.text == "eligible" && i > 0 && p.inGrp[i-1] >= 0 && isAge(p.groups[p.inGrp[i-1]]) {
				if wordAt(toks, i+1, "for") {
					e := i + 2
					if wordAt(toks, e, "the", "this") {
						e++
					}
					if !wordAt(toks, e, "study", "trial") {
						return false
					}
					i = e
				}
				continue
			}
			if wordAt(toks, i, "patients", "patient", "subjects", "subject", "participants") && wordAt(toks, i-1, "of", "the") ||
				wordAt(toks, i, "reaches", "reach") {
				// "The expected lifetime of patients should be ≥ 12 weeks",
				// "ECOG score reaches 0 to 1 points": a translated record's
				// words for the value's owner and its verb
				continue
			}
			if !p.ctx.exclusion && (t.text == "was" || t.text == "were") && !p.pastTimeWord() {
				// "serum bilirubin was less than 2* maximum normal value": a
				// translated inclusion's tense; in an exclusion the past
				// tense is an event on earlier treatment
				continue
			}
			if g := p.inGrp[i]; g >= 0 {
				continue
			}
			// "expected to survive for at least 3 months"
			// "Predicted survival for > 3 months": the time the survival is for
			if t.text == "for" && i == b-1 && (wordAt(toks, i-1, "survive", "live") ||
				i > 0 && p.inGrp[i-1] >= 0 && p.groups[p.inGrp[i-1]].vars == maskOf(vLifeExpectancy)) {
				continue
			}
			// a PDQ cross-reference: "Age: See Disease Characteristics 60 and over"
			if t.text == "see" && wordAt(toks, i+1, "disease", "general") && wordAt(toks, i+2, "characteristics", "eligibility") {
				i += 2
				continue
			}
			return false
		case kLParen:
			if i == b-1 {
				continue // the bound in brackets: "White blood cell (WBC) (> 3000/mm^3)"
			}
			// a bracketed aside without a comparison: "(CrC1)", "(Cockcroft-Gault)"
			e := p.closeParen(i)
			if e < 0 || e > b {
				// the bound in brackets after its subgroup: "(except
				// Gilbert's syndrome ≤ 3 × ULN)"
				for k := i + 1; k < b; k++ {
					// "Total bilirubin within normal institutional limits (or < 2
					// X ULN in those with Gilbert's disease)" (DEV43 NCT02522715)
					if k == i+1 && wordAt(toks, k, "or") {
						continue
					}
					if !p.trigWord[k] && !p.inObj[k] && toks[k].kind != kColon {
						return false
					}
				}
				return true
			}
			for k := i + 1; k < e; k++ {
				if toks[k].kind == kOp {
					return false
				}
				// a comparison needs its number: "(mL/min)" holds none
				if _, j, ok := comparator(toks, k); ok && kindAt(toks, j, kNum) {
					return false
				}
			}
			i = e
			continue
		case kRParen, kComma:
			continue
		case kNum, kSup:
			// "CD4" belongs to its mention; a number between subject and
			// bound is something else
			if p.inGrp[i] >= 0 {
				continue
			}
			// … or is a footnote's mark glued to the name: "Serum
			// Creatinine1 ≤2.0 mg/dL", "Creatinine Clearance1 ≥40 mL/min"
			// (DEV36 NCT00356811)
			if t.kind == kNum && t.glued && t.end-t.start == 1 && i == b-1 && i > 0 && p.inGrp[i-1] >= 0 && kindAt(toks, b, kOp) {
				continue
			}
			// … or names the device: "by 2D-ECHO", "on a 12-lead ECG"
			if t.kind == kNum && wordAt(toks, i+1, "d") && toks[i+1].glued {
				i++
				continue
			}
			if t.kind == kNum && kindAt(toks, i+1, kDash) && wordAt(toks, i+2, "lead") {
				i += 2
				continue
			}
			// … unless it dates the test ("within 7 days before enrolment")
			// or says how it is collected ("by 24-hour urine collection")
			if t.kind == kNum {
				if u, e := unit(toks, i+1); isTimeUnit(u) && e <= b && (wordAt(toks, i-1, "within", "last", "past",
					"previous", "preceding") || wordAt(toks, e, "urine", "urinary", "collection")) {
					i = e - 1
					continue
				}
			}
			return false
		}
		return false
	}
	return true
}

// asideWords say when or how a value is measured, between its subject and
// its bound: "Platelet count before the start of treatment ≥ 100 × 10^9/L",
// "ANC without growth factor support ≥ 1.5". Words of change ("dropped by
// more than 2 g/dL") are not among them: such a number is no threshold.
var asideWords = setOf("before", "prior", "start", "starting", "treatment", "therapy", "study", "enrolment",
	"enrollment", "registration", "randomization", "randomisation", "inclusion", "entry", "day", "days", "week",
	"weeks", "first", "dose", "without", "support", "transfusion", "transfusions", "transfused", "independent",
	"independently", "growth", "factor", "factors", "csf", "gcsf", "administration", "last", "past", "previous",
	"preceding", "on", "visit", "cycle", "initiation", "in", "the", "hours", "need", "requirement", "any", "drug",
	"drugs", "medication", "investigational", "product", "colony", "stimulating", "cytokine", "cytokines",
	// how it is measured: "LVEF by ECHO or MUGA scan ≥ 50%", "QTcF on screening ECG ≤ 470 ms"
	"echocardiogram", "echocardiography", "echo", "muga", "scan", "scans", "lead", "multigated", "multi", "gated",
	"acquisition", "radionuclide", "angiography", "ventriculography", "mri", "assessed", "evaluated", "ecg",
	"ecgs", "electrocardiogram", "electrocardiograms", "triplicate", "duplicate", "from", "obtained", "collection",
	"urine", "urinary", "central", "local", "assessment", "done",
	// "QTc interval on pre-entry electrocardiogram (> 450 msec)"
	"pre",
	// "Serum creatinine performed within 3 weeks prior to starting study therapy must be ≤ 1.5 × ULN"
	"performed", "drawn",
	// "Creatinine based on age as follows: …"
	"based", "follows", "adjusted", "age")

func (p *parser) closeParen(i int) int {
	d := p.toks[i].depth
	for k := i + 1; k < len(p.toks) && k < i+30; k++ {
		if p.toks[k].kind == kRParen && p.toks[k].depth == d {
			return k
		}
	}
	return -1
}

// gapIsContinuation reports whether a bound after [a, b) can still belong
// to the subject of the bound that ended at a: only connectives,
// subgroup phrases and brackets lie between.
func (p *parser) gapIsContinuation(a, b int, subgroup bool) bool {
	if b-a > 32 {
		return false
	}
	toks := p.toks
	semi := false
	trig := false
	aside := false
	for i := a; i < b; i++ {
		t := &toks[i]
		if p.triggerStartsAt(i) {
			trig = true
		}
		if p.inObj[i] {
			continue
		}
		if p.isTriggerWord(i) {
			trig = true
			continue
		}
		switch t.kind {
		case kComma, kLParen, kRParen, kColon, kDash, kApos:
			continue
		case kSemi:
			semi = true
			continue
		case kOp:
			if t.op == opEQ {
				continue
			}
			return false
		case kWord:
			if t.is(cCont | cFiller) {
				continue
			}
			if g := p.inGrp[i]; g >= 0 {
				return false
			}
			// "Platelets ≥ 50,000/mm3 independent of transfusion support
			// within 7 days of screening, or ≥ 30,000/mm3 in patients with
			// marrow involvement": how the first value is measured
			if t.is(cAside) || t.text == "independent" {
				aside = true
				continue
			}
			return false
		case kNum:
			// "… within 7 days …", "for 7 days": when, inside such an aside
			if u, e := unit(toks, i+1); isTimeUnit(u) && e <= b &&
				wordAt(toks, i-1, "within", "last", "past", "previous", "preceding", "for") {
				aside = true
				i = e - 1
				continue
			}
			return false
		case kSlash:
			continue
		}
		return false
	}
	if aside {
		// only a subgroup's own bound reaches back over the aside
		return trig || subgroup
	}
	// "ALT ≤ 2.5 × ULN; ≤ 5 × ULN is acceptable if the liver has tumor
	// involvement": a subgroup's own bound continues over a semicolon
	return !semi || trig || subgroup
}

func (p *parser) isTriggerWord(i int) bool { return p.trigWord[i] }

func (p *parser) boundHasUnit(b *bound) bool {
	return b.hasLo && b.loUnit != ruNone || b.hasHi && b.hiUnit != ruNone
}

func (p *parser) assign() {
	toks := p.toks
	for bi := range p.bounds {
		b := &p.bounds[bi]
		if b.discarded {
			continue
		}
		if b.respOf > 0 {
			p.owner[bi] = b.respOf - 1
			p.claim(bi, b.respOf-1)
			continue
		}
		if b.fromRow {
			p.owner[bi] = ownerLead
			if b.rowOf > 0 {
				p.owner[bi] = b.rowOf - 1
				p.claim(bi, b.rowOf-1)
			}
			continue
		}
		if b.consumed {
			// scale bounds belong to the group they were read after
			if gi := b.scaleOf - 1; gi >= 0 && !p.groups[gi].inObject {
				p.owner[bi] = gi
				p.claim(bi, gi)
			}
			continue
		}
		if p.inObj[b.start] || p.inExample(b.start) {
			b.discarded = true
			continue
		}
		if p.forOtherInBracket(b) {
			b.discarded, b.other = true, true
			continue
		}
		// "… and < 5 × ULN for AST and ALT in case of liver metastasis": the
		// value's subject named after it
		if wordAt(toks, b.end, "for") && b.end+1 < len(toks) && p.boundHasUnit(b) {
			if gi := p.inGrp[b.end+1]; gi >= 0 && p.groups[gi].start == b.end+1 && p.groups[gi].kind == mkVar &&
				!isAge(p.groups[gi]) && !p.groups[gi].generic && !p.groups[gi].inObject && !p.hasOwnBound(gi) {
				p.owner[bi] = gi
				p.claim(bi, gi)
				continue
			}
		}
		// "at least 1500 granulocytes", "≥ 1500 neutrophils/mm³"
		if !p.boundHasUnit(b) && b.end < len(toks) && p.inGrp[b.end] >= 0 {
			gi := p.inGrp[b.end]
			g := &p.groups[gi]
			if !g.inObject && !p.hasOwnBound(gi) {
				if g.kind == mkOther {
					b.discarded = true
					continue
				}
				if u, e := unit(toks, g.end); u != ruNone {
					if b.hasLo {
						b.loUnit = u
					}
					if b.hasHi {
						b.hiUnit = u
					}
					_ = e
				}
				p.owner[bi] = gi
				p.claim(bi, gi)
				continue
			}
		}
		// "At least 12 weeks of life expectancy", "a minimum 3 months' life
		// expectancy", "with expected minimum six-month survival"
		if o, ok := p.survivalAfter(b); ok {
			p.owner[bi] = o
			if o >= 0 {
				p.claim(bi, o)
			}
			continue
		}
		gi := p.nearestGroup(b.start)
		if b.ageHint && (gi < 0 || !isAge(p.groups[gi]) || !p.groupReaches(gi, b)) {
			p.owner[bi] = ownerAge
			continue
		}
		if gi >= 0 && p.groupReaches(gi, b) {
			if p.groups[gi].kind == mkOther {
				b.discarded, b.other = true, true
				p.claim(bi, gi)
				continue
			}
			if !p.boundHasUnit(b) {
				// a table's header: "Serum creatinine (mg/dL) ≤ 1.5"
				if u := p.headerUnit(gi); u != ruNone {
					if b.hasLo {
						b.loUnit = u
					}
					if b.hasHi {
						b.hiUnit = u
					}
				}
			}
			p.owner[bi] = gi
			p.claim(bi, gi)
			continue
		}
		// ("Life expectancy:" then "More than 10 years": the label's, not an age)
		if p.ctx.subject != maskOf(vLifeExpectancy) && (p.shortAgeItem(b) || p.personAged(b)) {
			p.owner[bi] = ownerAge
			continue
		}
		if p.ctx.subject != 0 && gi < 0 && (p.gapIsFiller(0, b.start) || p.leadRelaxation(bi)) {
			p.owner[bi] = ownerLead
			continue
		}
		// "Age ≥ 18 years at the time of consent (Japan: ≥ 20 years)": a
		// country's own age, in years, in an item about age
		if gi >= 0 && isAge(p.groups[gi]) && boundUnit(b) == ruYears && p.placeBefore(b.start) {
			p.owner[bi] = ownerAge
			continue
		}
		b.discarded = true
	}
}

// forOtherInBracket reports a bracketed value that its bracket gives to a
// quantity outside the list: "AST and ALT ≤ 2.5 × ULN (≤ 5 in case of
// extensive skeletal involvement for AP exclusively)" is alkaline
// phosphatase's relaxation, not the transaminases'.
func (p *parser) forOtherInBracket(b *bound) bool {
	toks := p.toks
	d := toks[b.start].depth
	if d == 0 {
		return false
	}
	for k := b.end; k < len(toks) && toks[k].depth >= d; k++ {
		if toks[k].depth > d || !wordAt(toks, k, "for") {
			continue
		}
		g := -1
		if k+1 < len(toks) {
			g = p.inGrp[k+1]
		}
		if g < 0 && k+1 < len(toks) && ownAbbreviation(&toks[k+1]) {
			// "Alkaline phosphatase (AP) … for AP exclusively": the record's
			// own abbreviation of a quantity outside the list
			return wordAt(toks, k+2, "exclusively", "only", "alone") && p.abbreviatesOther(toks[k+1].text, b.start)
		}
		if g < 0 || p.groups[g].kind != mkOther {
			return false
		}
		e := p.groups[g].end
		return wordAt(toks, e, "exclusively", "only", "alone") || kindAt(toks, e, kRParen)
	}
	return false
}

// abbreviatesOther reports "(w)" right after a quantity outside the list,
// before token end: "Alkaline phosphatase (AP)".
func (p *parser) abbreviatesOther(w string, end int) bool {
	toks := p.toks
	for k := 1; k+2 < end; k++ {
		if kindAt(toks, k, kLParen) && toks[k+1].kind == kWord && toks[k+1].text == w && kindAt(toks, k+2, kRParen) {
			if g := p.inGrp[k-1]; g >= 0 && p.groups[g].kind == mkOther && p.groups[g].end == k {
				return true
			}
		}
	}
	return false
}

// survivalAfter reports a time bound followed by what it is the time of:
// a life expectancy named after it ("12 weeks of life expectancy"), or the
// word survival when an expectation is stated before it ("expected minimum
// six-month survival"). It returns the owner.
func (p *parser) survivalAfter(b *bound) (int, bool) {
	toks := p.toks
	if !(b.hasLo && isTimeUnit(b.loUnit) || b.hasHi && isTimeUnit(b.hiUnit)) || b.ageHint {
		return ownerNone, false
	}
	k := b.end
	for n := 0; n < 3 && k < len(toks) && (wordAt(toks, k, "of", "a", "an", "the", "s") || kindAt(toks, k, kApos)); n++ {
		k++
	}
	if k >= len(toks) {
		return ownerNone, false
	}
	if gi := p.inGrp[k]; gi >= 0 && p.groups[gi].start == k && p.groups[gi].vars == maskOf(vLifeExpectancy) &&
		!p.groups[gi].inObject && !p.hasOwnBound(gi) {
		return gi, true
	}
	if wordAt(toks, k, "survival") {
		for m := b.start - 1; m >= 0 && m >= b.start-3; m-- {
			// "Anticipation of more than 3 months survival" (DEV39 NCT01199055)
			if wordAt(toks, m, "expected", "estimated", "anticipated", "predicted", "projected", "anticipation",
				"expectation") {
				return ownerLife, true
			}
		}
	}
	return ownerNone, false
}

// chainAges gives an age to a time bound joined to an age: "≥ 12 months and
// ≤ 21 years of age", "≥ 18 and ≤ 75 years of age".
func (p *parser) chainAges() {
	for bi := range p.bounds {
		b := &p.bounds[bi]
		if p.owner[bi] != ownerNone || !b.discarded || bi+1 >= len(p.bounds) || p.owner[bi+1] != ownerAge {
			continue
		}
		if p.inObj[b.start] {
			continue
		}
		n := &p.bounds[bi+1]
		if n.start != b.end+1 || !(wordAt(p.toks, b.end, "and", "to") || kindAt(p.toks, b.end, kDash)) {
			continue
		}
		switch {
		case b.hasLo && isTimeUnit(b.loUnit) || b.hasHi && isTimeUnit(b.hiUnit):
		case b.hasLo != b.hasHi && n.hasLo != n.hasHi && b.hasLo != n.hasLo && boundUnit(b) == ruNone &&
			boundUnit(n) == ruYears:
			// "≥ 18 and ≤ 75 years of age": the first end takes the unit of the second
			setUnit(b, ruYears)
		default:
			continue
		}
		b.discarded = false
		p.owner[bi] = ownerAge
	}
}

// headerUnit is the unit written in brackets right after a subject, as a
// table's header writes it: "Platelets (× 10^9/L)", "Bilirubin (µmol/L)".
func (p *parser) headerUnit(gi int) string {
	g := &p.groups[gi]
	if !kindAt(p.toks, g.end, kLParen) {
		return ruNone
	}
	u, e := unit(p.toks, g.end+1)
	if u == ruNone || u == ruForeign || !kindAt(p.toks, e, kRParen) {
		return ruNone
	}
	return u
}

func (p *parser) claim(bi, gi int) {
	g := &p.groups[gi]
	g.bounds++
	g.lastBound = bi
}

// hasOwnBound reports whether a comparison follows group gi directly.
func (p *parser) hasOwnBound(gi int) bool {
	g := p.groups[gi]
	for k := range p.bounds {
		if p.bounds[k].start >= g.end && p.gapIsFiller(g.end, p.bounds[k].start) {
			return true
		}
	}
	return false
}

// nearestGroup is the last subject before token i that is not part of a
// trigger's object.
func (p *parser) nearestGroup(i int) int {
	for gi := len(p.groups) - 1; gi >= 0; gi-- {
		g := &p.groups[gi]
		if g.end <= i && !g.inObject {
			return gi
		}
	}
	return -1
}

func (p *parser) groupReaches(gi int, b *bound) bool {
	g := &p.groups[gi]
	if g.bounds == 0 {
		return p.gapIsFiller(g.end, b.start)
	}
	last := &p.bounds[g.lastBound]
	if last.end > b.start {
		return false
	}
	if !p.gapIsContinuation(last.end, b.start, p.condOf[p.indexOf(b)]) {
		return false
	}
	// a bare range or list continues a subject only for a named subgroup
	// ("ECOG 0-1 in Part A, 0-2 in Part B"), never as an aside
	if b.isRange && !b.isStages && !p.restricted(b) {
		return false
	}
	return true
}

var ageShortWords = setOf("male", "males", "female", "females", "men", "women", "man", "woman", "patient",
	"patients", "subject", "subjects", "participant", "participants", "adult", "adults", "person", "persons",
	"people", "volunteer", "volunteers", "healthy", "or", "and", "of", "age", "aged", "inclusive", "old", "at",
	"the", "time", "screening", "enrollment", "enrolment", "consent", "informed", "signing", "registration",
	"randomization", "randomisation", "study", "entry", "inclusion", "day", "visit", "both", "sexes", "sex",
	"gender", "any", "who", "are", "is", "must", "be", "have", "has", "between", "from", "to", "years", "year",
	"all", "a", "an", "in", "on", "sign", "date", "signature", "with", "aged",
	// "Subjects will be ≥ 18 years."
	"will", "shall", "should")

// shortAgeItem: an item that is nothing but an age range ("18 to 79 years
// inclusive", "Male or female ≥ 18 years").
// personAged reports an age written right after the people it is of:
// "Children < 1 year with INSS stage 4", "Children at least 365 days …",
// "Adults ≥ 65 years".
func (p *parser) personAged(b *bound) bool {
	toks := p.toks
	u := boundUnit(b)
	if u != ruYears && u != ruMonths && u != ruDays || b.hasLo && b.hasHi && b.loUnit != b.hiUnit {
		return false
	}
	// "Patients at least 6 months after completing therapy", "Patients > 3
	// months post-transplant": a time since something, not an age
	// ("… 5 years disease-free"): only what may follow a person's age
	if e := b.end; e < len(toks) {
		switch t := &toks[e]; t.kind {
		case kComma, kSemi, kPeriod, kRParen, kColon:
		case kWord:
			if !wordAt(toks, e, "with", "who", "whose", "and", "or", "at", "on", "initially", "newly", "diagnosed",
				"having", "treated", "receiving", "undergoing", "must", "may", "are", "is", "will", "can") {
				return false
			}
		default:
			return false
		}
	}
	if u != ruYears {
		// ages in months or days are children's
		return wordAt(toks, b.start-1, "children", "child", "infants", "neonates", "boys", "girls")
	}
	return wordAt(toks, b.start-1, "children", "child", "patients", "patient", "subjects", "participants",
		"infants", "adults", "men", "women", "males", "females", "boys", "girls", "persons", "individuals",
		"adolescents", "neonates", "people")
}

// agePicksSubgroup reports an age after the people it is of, followed by
// what they must do, in an item that has stated the patients' age before
// it: "Age ≥ 12 years; patients 12-17 years must weigh ≥ 40 kg". The
// second age picks whom the weight is for; read as everyone's, it shut
// out every adult.
func (p *parser) agePicksSubgroup(bi int) bool {
	b := &p.bounds[bi]
	if !wordAt(p.toks, b.end, "must", "should", "will", "need", "needs") || !p.personAged(b) {
		return false
	}
	for k := 0; k < bi; k++ {
		if o := p.owner[k]; !p.bounds[k].discarded && (o == ownerAge || o >= 0 && isAge(p.groups[o])) {
			return true
		}
	}
	return false
}

func (p *parser) shortAgeItem(b *bound) bool {
	if p.ctx.exclusion {
		return false
	}
	if !(b.hasLo && b.loUnit == ruYears || b.hasHi && b.hiUnit == ruYears) {
		return p.bareAgeItem(b)
	}
	for i, t := range p.toks {
		if i >= b.start && i < b.end {
			continue
		}
		switch t.kind {
		case kWord:
			if !t.is(cAgeShort) {
				return false
			}
		case kComma, kPeriod, kSemi, kColon, kLParen, kRParen, kDash:
		default:
			return false
		}
	}
	return true
}

// bareAgeItem reports an item that is nothing but "18 and over" or "70
// and under": the PDQ layout's age, whose "Age:" label the page lost
// (DEV38 NCT00052273, between "Measurable or evaluable disease" and "ECOG
// 0-2"). No other variable is written as a bare whole number with "and
// over"; with any other word in the item it stays unread.
func (p *parser) bareAgeItem(b *bound) bool {
	if b.start != 0 || b.end < 3 || b.loUnit != "" || b.hiUnit != "" || b.hasLo == b.hasHi {
		return false
	}
	v := b.lo
	if b.hasHi {
		v = b.hi
	}
	if v < 1 || v > 120 || v != float64(int(v)) || p.toks[b.end-2].text != "and" {
		return false
	}
	switch p.toks[b.end-1].text {
	case "over", "older", "under", "younger":
	default:
		return false
	}
	for _, t := range p.toks[b.end:] {
		if t.kind != kPeriod && t.kind != kSemi {
			return false
		}
	}
	return true
}

// restricted reports whether a subgroup phrase qualifies bound b.
func (p *parser) restricted(b *bound) bool {
	return p.condOf[p.indexOf(b)]
}

func (p *parser) indexOf(b *bound) int {
	for i := range p.bounds {
		if &p.bounds[i] == b {
			return i
		}
	}
	return -1
}

// boundaryAt reports a token that ends the reach of a trailing phrase:
// punctuation, "and"/"or", a comparison, another subject.
func (p *parser) boundaryAt(k int, depth int8) bool {
	tk := &p.toks[k]
	switch tk.kind {
	case kComma, kSemi, kPeriod, kSep, kColon, kOp:
		return true
	case kRParen:
		return tk.depth < depth
	case kWord:
		if tk.text == "and" || tk.text == "or" || tk.text == "but" {
			return true
		}
	case kDash:
		// "AST ≤ 3 × ULN ---patients with metastatic disease in the liver ≤
		// 5 × ULN" (DEV42 NCT01794104): a run of dashes parts two clauses as
		// a semicolon would; a single one may be a range's or a hyphen
		if kindAt(p.toks, k+1, kDash) || k > 0 && p.toks[k-1].kind == kDash {
			return true
		}
	}
	return p.inGrp[k] >= 0 && !p.inObj[k] || p.startsBound[k]
}

// inAside reports a token of a bracketed qualifier between bound b and
// what follows it ("> 450 ms (e.g., as calculated by Fridericia) in
// males"): the brackets hold no value and no subject of their own.
func (p *parser) inAside(k int, b *bound) bool {
	toks := p.toks
	d := toks[b.start].depth
	if toks[k].depth <= d {
		return false
	}
	// the whole bracket must be a qualifier
	a := k
	for a > b.end && toks[a-1].depth > d {
		a--
	}
	for j := a; j < len(toks) && toks[j].depth > d; j++ {
		if p.startsBound[j] || toks[j].kind == kOp || p.inGrp[j] >= 0 && p.groups[p.inGrp[j]].kind != mkOther {
			return false
		}
	}
	return true
}

// altJoin reports a token of an alternative a closing bracket reaches
// over: the "or", the alternative's subject and its value.
func (p *parser) altJoin(k int) bool {
	tk := &p.toks[k]
	switch tk.kind {
	case kComma, kSemi, kPeriod, kSep, kColon:
		return false
	case kWord:
		if tk.text == "and" || tk.text == "but" {
			return false
		}
	}
	return true
}

// computeConditional decides, once per item, which bounds apply only to a
// subgroup: a trigger right after a bound ("≤ 5 × ULN if liver
// metastases"), or one whose scope the bound lies in ("unless Gilbert's
// syndrome, for which bilirubin ≤ 3 × ULN").
func (p *parser) computeConditional() {
	n := len(p.toks)
	p.startsBound = resizeBools(p.startsBound, n)
	for i := range p.bounds {
		if st := p.bounds[i].start; st < n && !p.inObj[st] {
			p.startsBound[st] = true
		}
	}
	// does each trigger qualify the bound before it (and so open no scope)?
	p.trails = resizeBools(p.trails, len(p.trigs))
	p.scopeEnds = p.scopeEnds[:0]
	for ti := range p.trigs {
		t := &p.trigs[ti]
		p.scopeEnds = append(p.scopeEnds, p.scopeEnd(t))
		if t.exception || t.leading || t.example {
			continue
		}
		last := -1
		for bi := range p.bounds {
			if b := &p.bounds[bi]; b.end <= t.pos && !p.inObj[b.start] {
				last = bi
			}
		}
		if last < 0 {
			continue
		}
		b := &p.bounds[last]
		clear := !p.opensOwnBracket(t)
		for k := b.end; k < t.pos && clear; k++ {
			if p.boundaryAt(k, p.toks[b.start].depth) {
				clear = false
				break
			}
		}
		p.trails[ti] = clear && !p.opensRunOn(b.end, t.pos)
	}
	p.condOf = resizeBools(p.condOf, len(p.bounds))
	for bi := range p.bounds {
		b := &p.bounds[bi]
		c, found := false, false
		// trailing: the first trigger after the bound, before any boundary
		for ti := range p.trigs {
			t := &p.trigs[ti]
			if t.pos < b.end || t.leading || t.example {
				if t.pos >= b.end && t.runOn {
					break // a sentence the page ran on: what follows is its own
				}
				continue
			}
			if t.exception {
				// what comes after "unless …" qualifies the exception:
				// "ANC ≥ 1.5 unless cytopenia is due to marrow infiltration"
				break
			}
			if p.opensOwnBracket(t) {
				break
			}
			clear := true
			for k := b.end; k < t.pos; k++ {
				if p.boundaryAt(k, p.toks[b.start].depth) && !(t.closesAlts && p.altJoin(k)) && !p.inAside(k, b) &&
					!p.groupInBound(k, b) && !p.subjectAfter(k, b) {
					clear = false
					break
				}
			}
			if clear {
				c, found = !t.exempt, true
			}
			break
		}
		if !found {
			for ti := range p.trigs {
				t := &p.trigs[ti]
				if t.pos >= b.start || t.example || p.trails[ti] {
					continue
				}
				if b.start >= t.objEnd && b.start < p.scopeEnds[ti] {
					if t.exception && p.exceptionOfOther(t, b) {
						continue
					}
					c = !t.exempt
					break
				}
			}
		}
		p.condOf[bi] = c
	}
}

// unlessValue finds, after an exclusion's "unless", a variable with a
// comparison of its own on its usual side ("unless a screening
// echocardiogram … results in a left ventricular ejection fraction that is
// ≥ 45%", "unless LVEF ≥ 50%"): where the trigger's object must end, at
// that variable, so that its value is read as the subgroup's requirement.
func (p *parser) unlessValue(t trigger) (int, bool) {
	toks := p.toks
	if !wordAt(toks, t.pos, "unless") {
		return 0, false
	}
	for gi := range p.groups {
		g := &p.groups[gi]
		if g.start < t.end || g.kind != mkVar || isAge(*g) {
			continue
		}
		if g.start > t.end+24 {
			return 0, false
		}
		for k := t.end; k < g.start; k++ {
			// "performed within 1 month prior to study entry": a time
			if toks[k].kind == kNum && wordAt(toks, k+1, "day", "days", "week", "weeks", "month", "months") {
				continue
			}
			if tk := toks[k].kind; tk == kNum || tk == kOp || tk == kPeriod || tk == kSemi {
				return 0, false
			}
		}
		// the comparison, after the words a value may follow its
		// variable by ("that is ≥ 45%", "is at least 45%")
		k := g.end
		o, e, ok := comparator(toks, k)
		for n := 0; n < 3 && !ok && wordAt(toks, k, "that", "is", "of", "be", "must", "remains", "remain"); n++ {
			k++
			o, e, ok = comparator(toks, k)
		}
		if !ok || !kindAt(toks, e, kNum) {
			return 0, false
		}
		side := bound{hasLo: o == opGE || o == opGT, hasHi: o == opLE || o == opLT}
		if !usualSideOf(g.vars, &side) {
			return 0, false
		}
		return g.start, true
	}
	return 0, false
}

// allowedByUnless reports bound b after an exclusion's "unless" that
// lets the excluded in with it (trigger.allows).
func (p *parser) allowedByUnless(b *bound) bool {
	for ti := range p.trigs {
		t := &p.trigs[ti]
		if t.allows && b.start >= t.objEnd && b.start <= t.objEnd+8 {
			return true
		}
	}
	return false
}

// opensOwnBracket reports a trigger that opens a bracket holding a bound
// after what it is about: "ALT ≤ 2.5 × ULN (for patients with liver
// metastases, ≤ 5 × ULN)". It qualifies the bracket's bound, not the one
// before the bracket.
func (p *parser) opensOwnBracket(t *trigger) bool {
	toks := p.toks
	if t.pos == 0 || toks[t.pos].kind == kLParen || !kindAt(toks, t.pos-1, kLParen) || t.depth == 0 {
		return false
	}
	end := p.closeParen(t.pos - 1)
	if end < 0 {
		return false
	}
	for bi := range p.bounds {
		if st := p.bounds[bi].start; st >= t.objEnd && st < end && !p.bounds[bi].discarded {
			return true
		}
	}
	return false
}

// subjectAfter reports token k inside the subject a value names after it
// with "for" ("< 5 × ULN for AST and ALT in case of liver metastasis"): no
// boundary between the value and the trigger after its subject.
func (p *parser) subjectAfter(k int, b *bound) bool {
	toks := p.toks
	if !wordAt(toks, b.end, "for") || b.end+1 >= len(toks) || k < b.end {
		return false
	}
	gi := p.inGrp[b.end+1]
	if gi < 0 || p.groups[gi].kind != mkVar || isAge(p.groups[gi]) {
		return false
	}
	return k < p.groups[gi].end
}

func resizeBools(b []bool, n int) []bool {
	if cap(b) < n {
		b = make([]bool, n)
	}
	b = b[:n]
	for i := range b {
		b[i] = false
	}
	return b
}

// exceptionOfOther reports an exception that qualifies the bound right
// before it and ends at a comma, with bound b on another variable named
// after that comma: "total bilirubin < 1.5x ULN unless increase is due to
// Gilbert's disease or leukemic involvement, and AST and/or ALT < 3x ULN"
// (the AST and ALT are everyone's). "AST ≤ 3 × ULN unless liver
// metastases, in which case ≤ 5 × ULN" names no other variable.
func (p *parser) exceptionOfOther(t *trigger, b *bound) bool {
	toks := p.toks
	last := -1
	for bi := range p.bounds {
		if a := &p.bounds[bi]; a.end <= t.pos && !p.inObj[a.start] {
			last = bi
		}
	}
	if last < 0 {
		return false
	}
	a := &p.bounds[last]
	for k := a.end; k < t.pos; k++ {
		if p.boundaryAt(k, toks[a.start].depth) {
			return false
		}
	}
	ag := p.nearestGroup(a.start)
	if ag < 0 {
		return false
	}
	for gi := range p.groups {
		g := &p.groups[gi]
		if g.start > t.objEnd && g.end <= b.start && g.kind == mkVar && !g.inObject && !isAge(*g) &&
			g.vars&p.groups[ag].vars == 0 {
			// the exception's clause ended at a comma before it
			for k := t.objEnd; k < g.start; k++ {
				if toks[k].kind == kComma && toks[k].depth == t.depth {
					return true
				}
			}
			return false
		}
	}
	return false
}

func (p *parser) scopeEnd(t *trigger) int {
	toks := p.toks
	for k := t.objEnd; k < len(toks); k++ {
		tk := &toks[k]
		if tk.depth < t.depth {
			return k
		}
		if tk.depth == t.depth && (tk.kind == kSemi || tk.kind == kPeriod || tk.kind == kSep) {
			if tk.kind == kPeriod && p.premise(t, k) {
				// "If the creatinine is > 1.5 mg/dL, obtain a 24-hour urine
				// collection. Creatinine clearance must be > 60 mL/min.": the
				// sentence that only sets the condition governs the next one
				for m := k + 1; m < len(toks); m++ {
					if toks[m].depth < t.depth || toks[m].depth == t.depth && (toks[m].kind == kSemi ||
						toks[m].kind == kPeriod || toks[m].kind == kSep) {
						return m
					}
				}
				return len(toks)
			}
			return k
		}
		if tk.kind == kComma && tk.depth == t.depth && p.listResumes(t, k) {
			return k
		}
		// "≤ 5 × ULN in the presence of liver metastases, otherwise ≤ 2.5
		// × ULN": what follows is everyone else's
		if tk.kind == kWord && tk.text == "otherwise" {
			return k
		}
		// "For subjects with Gilbert's syndrome, total bilirubin must be
		// < 3 × ULN) Prothrombin time …": a bracket closed that was never
		// opened ends the aside it closes
		if tk.kind == kRParen && tk.depth == t.depth && p.strayClose(k) {
			return k
		}
	}
	return len(toks)
}

// listResumes reports a comma at k, in a sentence that opens with the
// condition t and sits in a comma list of values, after which the list
// goes on with another variable: "Platelets ≥100 x 10^9/L, AST and ALT
// ≤2.5 x ULN (if no hepatic metastases). If hepatic tumor involvement, AST
// and ALT ≤5 x ULN, Bilirubin ≤1.5 x ULN, …" — the condition is the
// transaminases' alone; the bilirubin is the list's next value. "In case
// of …," and "For patients with …," open such a sentence too.
func (p *parser) listResumes(t *trigger, k int) bool {
	toks := p.toks
	if !wordAt(toks, t.pos, "if", "when", "whenever", "in", "for") || !kindAt(toks, t.pos-1, kPeriod) || len(p.startsBound) < len(toks) ||
		k+1 >= len(toks) || p.inGrp[k+1] < 0 {
		return false
	}
	next := &p.groups[p.inGrp[k+1]]
	if next.start != k+1 || next.kind != mkVar {
		return false
	}
	// a value ends at the comma, and the condition holds none of its own
	// ("If creatinine > 1.5 mg/dL, CrCl ≥ 50 mL/min, …" is the condition's)
	ended, before := false, false
	for i := range p.bounds {
		b := &p.bounds[i]
		if b.discarded {
			continue
		}
		switch {
		case b.end == k:
			ended = true
		case b.start >= t.end && b.start < t.objEnd:
			return false
		case b.end <= t.pos:
			before = true
		}
	}
	if !ended || !before {
		return false
	}
	// the value before the comma is another variable's than the next
	var scoped varMask
	for gi := range p.groups {
		if g := &p.groups[gi]; g.start >= t.objEnd && g.start < k && g.kind == mkVar {
			scoped |= g.vars
		}
	}
	if scoped == 0 || scoped&next.vars != 0 {
		return false
	}
	// and the list before the condition was a comma list too
	for m := t.pos - 2; m >= 0 && toks[m].depth >= t.depth; m-- {
		if toks[m].depth == t.depth {
			if toks[m].kind == kComma {
				return true
			}
			if toks[m].kind == kPeriod || toks[m].kind == kSemi || toks[m].kind == kColon {
				return false
			}
		}
	}
	return false
}

// strayClose reports a ")" at k that closes no bracket opened before it.
func (p *parser) strayClose(k int) bool {
	d := p.toks[k].depth
	for m := k - 1; m >= 0; m-- {
		tm := &p.toks[m]
		if tm.depth < d {
			return false
		}
		if tm.depth == d {
			switch tm.kind {
			case kLParen:
				return false
			case kRParen:
				return true
			}
		}
	}
	return true
}

// premise reports a sentence ending at k that opens with the condition
// trigger t ("If …, …") and states no value outside the condition: a
// premise for the sentence after it.
func (p *parser) premise(t *trigger, k int) bool {
	if !p.conditionWord(*t) || t.pos > 0 && !kindAt(p.toks, t.pos-1, kPeriod) || len(p.startsBound) < len(p.toks) {
		return false
	}
	for m := t.objEnd; m < k; m++ {
		if p.startsBound[m] {
			return false
		}
	}
	// the condition is a value ("If female, …" sets none)
	for i := range p.bounds {
		if st := p.bounds[i].start; st >= t.end && st < t.objEnd {
			return k+1 < len(p.toks)
		}
	}
	return false
}

// afterOutsideValue reports that the value before bound bi is a quantity
// outside the list's ("PTT/PT ≤1.5 x ULN or INR < 1.7 x ULN"): for the INR
// after a clotting time it is the only value read, everyone's (SPEC 4.9
// keeps only the INR of "INR or aPTT ≤ …"; the labellers agree).
func (p *parser) afterOutsideValue(bi int) bool {
	for k := bi - 1; k >= 0; k-- {
		if b := &p.bounds[k]; b.other || p.owner[k] != ownerNone && !b.discarded {
			if b.other {
				return true
			}
			o := p.owner[k]
			return o >= 0 && p.groups[o].kind == mkOther
		}
	}
	return false
}

// alternative reports whether bound bi is an "or" alternative to an
// earlier bound of the item ("creatinine ≤ 1.5 mg/dL or CrCl ≥ 60 mL/min").
func (p *parser) alternative(bi int) bool {
	toks := p.toks
	b := &p.bounds[bi]
	from := b.start
	if gi := p.owner[bi]; gi >= 0 && p.groups[gi].end <= b.start && p.groups[gi].bounds > 0 && p.groups[gi].start < b.start {
		g := &p.groups[gi]
		if p.firstBoundOf(gi) == bi {
			from = g.start
		}
	}
	prev := -1
	for k := bi - 1; k >= 0; k-- {
		// an outside quantity's value counts as the first alternative too:
		// "Shortening fraction at least 28% OR ejection fraction at least 50%"
		if (p.owner[k] != ownerNone && !p.bounds[k].discarded || p.bounds[k].other) && p.bounds[k].end <= from {
			prev = k
			break
		}
	}
	if prev < 0 {
		return false
	}
	if p.facingAges(prev, bi) {
		return false
	}
	// the "or" must open the clause of this bound: "INR < 2.3 or PT < 6
	// seconds; Cr ≤ 1.5 mg/dL" offers PT, not Cr, as INR's alternative
	// … and a clause the "or" offers that is finished before it does not
	// reach it: "INR ≤ 1.5 or PT/APTT within normal limits Absolute
	// neutrophil count (ANC) >1,500/mm3" offers the normal clotting times
	d := toks[from].depth
	finished := false
	for k := from - 1; k >= p.bounds[prev].end; k-- {
		if p.inObj[k] || toks[k].depth > d {
			continue
		}
		switch toks[k].kind {
		case kSemi, kPeriod, kSep:
			return false
		}
		if p.startsBound[k] && k != p.bounds[prev].start {
			return false // another value (one dropped) lies between
		}
		if wordAt(toks, k, "limits", "range") && wordAt(toks, k-1, "normal") || wordAt(toks, k, "wnl") {
			finished = true
		}
		if wordAt(toks, k, "or") && !wordAt(toks, k-1, "with") && !wordAt(toks, k+1, "without") {
			return !finished && !p.clauseEndBetween(p.bounds[prev].end, k-1, d)
		}
	}
	return false
}

// clauseEndBetween reports a semicolon, full stop or list separator at
// depth d or less in toks[a:e]: an "or" after it and after more words
// ("KPS≥70； No Cirrhosis or cirrhotic status of Child-Pugh class A
// only") joins what its own clause says, not the value before the
// separator (as "; or" right after the value does).
func (p *parser) clauseEndBetween(a, e int, d int8) bool {
	for k := a; k < e; k++ {
		switch p.toks[k].kind {
		case kSemi, kPeriod, kSep:
			if p.toks[k].depth <= d {
				return true
			}
		}
	}
	return false
}

// facingAges reports two one-sided ages of one mention that face each
// other and overlap ("Age: ≤75 years, or ≥18 years"): as alternatives
// they would admit every age, so the "or" joins the two ends of one range.
func (p *parser) facingAges(a, b int) bool {
	ga, gb := p.owner[a], p.owner[b]
	if ga < 0 || ga != gb || !isAge(p.groups[ga]) {
		return false
	}
	x, y := &p.bounds[a], &p.bounds[b]
	if x.hasLo == x.hasHi || y.hasLo == y.hasHi || x.hasLo == y.hasLo {
		return false
	}
	if x.hasLo {
		x, y = y, x
	}
	return y.lo < x.hi // x the upper end, y the lower
}

func (p *parser) firstBoundOf(gi int) int {
	for k := range p.bounds {
		if p.owner[k] == gi {
			return k
		}
	}
	return -1
}

// clause polarity cues
var excludeCue = setOf("excluded", "ineligible", "exclude")
var allowCue = setOf("eligible", "allowed", "permitted", "acceptable", "included", "enrolled")

// polarity reports whether bound b is stated as excluding, and whether an
// allowance inside an exclusion ("… are eligible") makes it a subgroup.
func (p *parser) polarity(b *bound) (excl, allowance bool) {
	toks := p.toks
	excl = p.ctx.exclusion
	if excl && p.allowedByUnless(b) {
		return false, true
	}
	// "No Child-Pugh B or C" in the inclusion criteria excludes; in the
	// exclusion criteria "must not have QTc > 470 ms" only restates it
	if !excl && p.negated(b) {
		excl = true
	}
	// the clause of the bound, at its own bracket depth: "(patients with
	// Gilbert's syndrome may be included if …)" speaks for the bound inside
	// the brackets, not for the one before them
	d := toks[b.start].depth
	a := b.start
	for a > 0 && toks[a-1].kind != kSemi && toks[a-1].kind != kPeriod && toks[a-1].kind != kSep && toks[a-1].depth >= d &&
		!(toks[a-1].kind == kLParen && toks[a-1].depth < d) {
		a--
	}
	e := b.end
	for e < len(toks) && toks[e].kind != kSemi && toks[e].kind != kPeriod && toks[e].kind != kSep && toks[e].depth >= d &&
		!p.boundStartsAt(e) {
		e++
	}
	for k := a; k < e; k++ {
		t := &toks[k]
		if t.kind != kWord || p.inObj[k] || t.depth != d || k >= b.start && k < b.end {
			continue
		}
		neg := wordAt(toks, k-1, "not") || wordAt(toks, k-2, "not") && wordAt(toks, k-1, "be")
		be := wordAt(toks, k-1, "are", "is", "be", "will")
		switch {
		case k >= b.end && !excl && (t.is(cExcludeCue) && be || neg && (t.text == "eligible" || t.text == "allowed" ||
			t.text == "permitted" || t.text == "enrolled" || t.text == "included")) && !p.eligibleForTreatment(k):
			return true, false
		case excl && p.ctx.exclusion && t.is(cAllowCue) && !neg && be:
			return false, true
		case !excl && k >= b.end && t.is(cAllowCue) && !neg && be && patientsWith(toks, a) && allowanceReason(toks, b.end, e):
			// "Patients with a poor performance status (3-4), based solely
			// on bone pain, will be eligible": the patients the value names
			// are let in besides the rest, a subgroup's allowance
			return false, true
		}
	}
	// the same with the value in brackets: "Patients with a poor
	// performance status (3-4), based solely on bone pain, will be eligible"
	if !excl && d > 0 && a > 0 && toks[a-1].kind == kLParen {
		od := toks[a-1].depth
		oa := a - 1
		for oa > 0 && toks[oa-1].kind != kSemi && toks[oa-1].kind != kPeriod && toks[oa-1].kind != kSep && toks[oa-1].depth >= od {
			oa--
		}
		if patientsWith(toks, oa) {
			for k := b.end; k < len(toks) && toks[k].kind != kSemi && toks[k].kind != kPeriod && toks[k].kind != kSep; k++ {
				if toks[k].depth == od && toks[k].kind == kWord && toks[k].is(cAllowCue) && wordAt(toks, k-1, "are", "is", "be", "will") {
					if wordAt(toks, k-2, "not") {
						return true, false // "… will not be eligible": excluded
					}
					return false, allowanceReason(toks, b.end, len(toks))
				}
			}
		}
	}
	return excl, false
}

// allowanceReason reports, in toks[from:to] before the sentence ends, the
// reason or condition that makes "Patients with <value> … are eligible" an
// allowance for some ("based solely on bone pain", "due to", "if", "also")
// rather than the main criterion worded so ("Patients with ECOG 0-1 are
// eligible").
func allowanceReason(toks []token, from, to int) bool {
	for k := from; k < to && k < len(toks) && toks[k].kind != kSemi && toks[k].kind != kPeriod && toks[k].kind != kSep; k++ {
		if wordAt(toks, k, "based", "due", "because", "secondary", "attributable", "attributed", "related", "caused",
			"if", "provided", "when", "also", "solely") {
			return true
		}
	}
	return false
}

// patientsWith reports a clause opening "Patients with …" (subjects,
// participants, those …) at token a.
func patientsWith(toks []token, a int) bool {
	return wordAt(toks, a, "patients", "subjects", "participants", "those", "pts") &&
		wordAt(toks, a+1, "with", "whose", "having")
}

// eligibleForTreatment reports "(not) eligible for surgery", "not
// eligible for curative resection": what the disease allows, not whether
// the patient may enter ("not eligible for this study" excludes).
func (p *parser) eligibleForTreatment(k int) bool {
	toks := p.toks
	if toks[k].text != "eligible" && toks[k].text != "ineligible" || !wordAt(toks, k+1, "for", "to") {
		return false
	}
	for j := k + 2; j < len(toks) && j <= k+4; j++ {
		if wordAt(toks, j, "study", "trial", "protocol", "enrollment", "enrolment", "participation", "inclusion", "entry", "registration", "randomization", "randomisation") {
			return false
		}
	}
	return true
}

// otherCause reports "for reasons other than …" or "due to causes other
// than …" after bound b in its sentence.
func (p *parser) otherCause(b *bound) bool {
	toks := p.toks
	for k := b.end; k+1 < len(toks) && toks[k].kind != kPeriod && toks[k].kind != kSemi; k++ {
		if wordAt(toks, k, "reasons", "reason", "causes", "cause", "etiology", "etiologies") && wordAt(toks, k+1, "other") &&
			wordAt(toks, k+2, "than") {
			return true
		}
	}
	return false
}

// valueAfterComma reports a comparison after a comma or "then" in the
// clause that opens at i, to the end of its bracket or sentence: "(if
// elevated, CrCl ≥ 60 mL/min)" — a value for those whose value is high,
// a subgroup's (SPEC 4.7), not a note.
func (p *parser) valueAfterComma(i int) bool {
	toks := p.toks
	d := toks[i].depth
	after := false
	for k := i + 1; k < len(toks) && k < i+20; k++ {
		t := &toks[k]
		if t.depth < d || t.depth == d && (t.kind == kSemi || t.kind == kPeriod || t.kind == kSep) {
			return false
		}
		if t.depth != d {
			continue
		}
		if t.kind == kComma || wordAt(toks, k, "then") {
			after = true
			continue
		}
		if after {
			if _, _, ok := comparator(toks, k); ok {
				return true
			}
		}
	}
	return false
}

// procedureWords say what the study team does about a value: a clause
// with one is a note on handling, not a subgroup.
var procedureWords = setOf("discuss", "discussed", "discussion", "contact", "contacted", "consult", "consulted",
	"consultation", "notify", "notified", "repeat", "repeated", "retest", "retested", "recheck", "rechecked",
	"please", "reviewed", "review")

// procedureIf reports an "if"/"when" clause at i, to the end of its bracket
// or sentence, that says what the team does when the value is off ("(if
// > 2 × ULN due to Gilbert's disease, must discuss with the PI)", "(if >
// 470 ms, repeat the ECG twice)", "(if lower due to marrow involvement,
// please contact the sponsor)"), and returns the clause's end. The clause
// picks no subgroup, and a value in it is the case it handles, bounding no
// one: the bound it comments stays everyone's.
func (p *parser) procedureIf(i int) (int, bool) {
	toks := p.toks
	if !wordAt(toks, i, "if", "when", "whenever") {
		return 0, false
	}
	d := toks[i].depth
	note, comma := false, false
	k := i + 1
	for ; k < len(toks); k++ {
		t := &toks[k]
		if t.depth < d || t.depth == d && (t.kind == kSemi || t.kind == kPeriod || t.kind == kSep) {
			break
		}
		if t.depth != d {
			continue
		}
		switch {
		case t.kind == kComma:
			comma = true
		case t.kind == kNum && comma && !note:
			// "(if liver metastases, ≤ 5 × ULN after discussion with the
			// monitor)": the clause gives the subgroup its own bound
			return 0, false
		case t.kind == kWord && procedureWords[t.text]:
			note = true
		}
	}
	return k, note
}

// dropNoted discards the bounds inside a procedure note (procedureIf).
func (p *parser) dropNoted() {
	for _, n := range p.notes {
		for bi := range p.bounds {
			if b := &p.bounds[bi]; b.start >= n[0] && b.start < n[1] {
				b.discarded = true
			}
		}
	}
}

// anticoagTarget reports an item on anticoagulant treatment, where an INR
// range from 1.5 up is what the treatment aims at.
func (p *parser) anticoagTarget() bool {
	for k := range p.toks {
		if wordAt(p.toks, k, "anticoagulated", "anticoagulation", "anticoagulant", "anticoagulants", "warfarin",
			"coumadin", "therapeutic", "target", "targeted") {
			return true
		}
	}
	return false
}

// pastTimeWord reports a word of the item that places a value in the
// past ("during induction", "before the first dose", "at diagnosis"): a
// value the item says "was" is then that past value.
func (p *parser) pastTimeWord() bool {
	for k := range p.toks {
		if wordAt(p.toks, k, "during", "before", "diagnosis", "prior", "previous", "previously", "earlier", "initial",
			"initially", "history", "induction", "after", "ever", "when", "while", "since") {
			return true
		}
	}
	return false
}

// excludingDisease reports "(excluding diagnosis of cancer)" or "apart
// from the cancer" right after life-expectancy bound b: the expectancy
// from other causes, as "for reasons other than" says (a subgroup's).
func (p *parser) excludingDisease(b *bound) bool {
	toks := p.toks
	k := b.end
	if kindAt(toks, k, kLParen) {
		k++
	}
	switch {
	case wordAt(toks, k, "excluding", "disregarding"):
		k++
	case wordAt(toks, k, "apart", "aside") && wordAt(toks, k+1, "from"), wordAt(toks, k, "not") && wordAt(toks, k+1, "counting", "including"):
		k += 2
	default:
		return false
	}
	for e := k + 4; k < e && k < len(toks); k++ {
		if wordAt(toks, k, "cancer", "cancers", "malignancy", "malignancies", "tumor", "tumour", "disease", "lymphoma",
			"leukemia", "leukaemia", "myeloma", "carcinoma") {
			return true
		}
	}
	return false
}

// ifValueHigh reports a bracket at or just before i that opens with "if"
// and says what to do when the value is high, with no number of its own
// ("Total bilirubin ≤ 2.0 mg/dL (If total is elevated check direct and if
// normal patient is eligible.)"): a non-numeric alternative, which leaves
// the bound everyone's (SPEC 4.8), not a subgroup's.
func (p *parser) ifValueHigh(i int) bool {
	toks := p.toks
	open := i
	if !kindAt(toks, open, kLParen) {
		// the bracket around the trigger word
		for open = i - 1; open >= 0 && !(toks[open].kind == kLParen && toks[open].depth == toks[i].depth-1); open-- {
		}
	}
	if !kindAt(toks, open, kLParen) || !wordAt(toks, open+1, "if", "when") {
		return false
	}
	e := p.closeParen(open)
	if e < 0 {
		return false
	}
	high := false
	for k := open + 1; k < e; k++ {
		switch {
		case toks[k].kind == kNum || toks[k].kind == kOp:
			return false
		case k <= open+5 && wordAt(toks, k, "elevated", "abnormal", "raised", "increased", "high", "higher", "below", "lower",
			"low", "above", "exceeded", "outside"):
			high = true
		}
	}
	return high
}

// treatmentIneligible reports a text whose every "not eligible" or
// "ineligible" is for a treatment ("Transplant not eligible subjects",
// "deemed ineligible for high-dose chemotherapy and HSCT"): a patient
// group the trial enrols, not an exclusion.
func (p *parser) treatmentIneligible() bool {
	toks := p.toks
	found := false
	for k := range toks {
		neg := wordAt(toks, k, "ineligible") || wordAt(toks, k, "eligible") && wordAt(toks, k-1, "not")
		if !neg {
			continue
		}
		n := k - 1
		if toks[k].text == "eligible" {
			n--
		}
		if kindAt(toks, n, kDash) {
			n--
		}
		if !wordAt(toks, n, "transplant", "transplantation", "hsct", "asct", "sct", "surgery", "cisplatin", "anthracycline") &&
			!p.eligibleForTreatment(k) {
			return false
		}
		found = true
	}
	return found
}

// negated reports an item-level "No …" or "must not have …" before the
// subject of bound b.
func (p *parser) negated(b *bound) bool {
	toks := p.toks
	gi := p.nearestGroup(b.start)
	if gi < 0 {
		return false
	}
	g := p.groups[gi]
	// back from the subject over what a negation's object may hold before
	// it: "No history of QTc prolongation (QTcF > 470 ms)", "Absence of
	// cardiac dysfunction (LVEF < 50%)"; any other word ends the search
	// ("Without growth factor support, ANC ≥ 1.5" negates the support)
	comma := false
	for k := g.start - 1; k >= 0 && k >= g.start-32; k-- {
		t := &toks[k]
		switch t.kind {
		case kComma:
			comma = true
			continue
		case kLParen, kDash, kApos, kSlash:
			continue
		case kWord:
		default:
			if p.inGrp[k] >= 0 || p.inOtherBound(k, b) {
				continue
			}
			if t.kind == kOther && (wordAt(toks, k-1, "i", "e") || wordAt(toks, k+1, "e", "g")) {
				continue // the full stops of "i.e.", "e.g."
			}
			return false
		}
		if t.is(cNegator) {
			// "no more than", "not exceeding": a comparison, not a negation
			if _, _, ok := comparator(toks, k); ok {
				return false
			}
			if comma && usualSideOf(g.vars, b) {
				// "adequate cardiac function (no cardiac disease, LVEF ≥ 40%)":
				// a value on its variable's usual side after a comma is the
				// next thing required, not one more thing the patient may not
				// have ("No heart failure, LVEF < 40%" stays negated)
				return false
			}
			return !(t.text == "free" || t.text == "lack" || t.text == "absence") || wordAt(toks, k+1, "of")
		}
		if p.inGrp[k] >= 0 || t.is(cNegBridge) || p.inOtherBound(k, b) {
			continue
		}
		return false
	}
	return false
}

// usualSideOf reports a one-sided bound on the usual side of every
// variable of vs: a floor on LVEF, a ceiling on a QTc.
func usualSideOf(vs varMask, b *bound) bool {
	if b.hasLo == b.hasHi || vs == 0 {
		return false
	}
	side := int8(1)
	if b.hasHi {
		side = -1
	}
	ok := true
	vs.each(func(v varID) {
		if usualSide[v] != side {
			ok = false
		}
	})
	return ok
}

// usualSide is the side a threshold on each variable bounds in oncology
// criteria: +1 a floor (platelets ≥ 100), -1 a ceiling (QTc ≤ 470), 0
// either (a leukaemia trial may cap the WBC, an aplastic anaemia trial the
// ANC).
var usualSide = [nVars]int8{vECOG: -1, vKarnofsky: 1, vLansky: 1, vChildPugh: -1, vPlatelets: 1, vANC: 1, vHemoglobin: 1,
	vBilirubin: -1, vAST: -1, vALT: -1, vAlbumin: 1, vINR: -1, vCreatinine: -1, vCrCl: 1, vEGFR: 1,
	vLifeExpectancy: 1, vLVEF: 1, vQTc: -1}

// highAbove is, for a count usually bounded from below, the level from
// which an exclusion of high values is real ("Hemoglobin > 16 g/dL",
// "platelets > 600 × 10^9/L" in a myeloproliferative trial) rather than a
// floor filed in the wrong list.
var highAbove = [nVars]float64{vPlatelets: 400, vHemoglobin: 14, vANC: 8}

// neverFloor reports a floor no oncology trial requires: a QTc, a
// bilirubin, a transaminase, an INR or a creatinine at least so high. Read
// from an item, it is an exclusion filed among the inclusions ("Known QTc
// > 470 ms"), a negation missed, or a sign typed the wrong way ("Adequate
// organ function: … Serum creatinine ≥ 1.5 × ULN").
func neverFloor(c *cand) bool {
	switch c.v {
	case vQTc, vBilirubin, vAST, vALT, vINR, vCreatinine:
		return c.hasLo && !c.hasHi
	}
	return false
}

// highExcluded reports an upper bound read from an exclusion of high values.
func highExcluded(c *cand) bool {
	h := highAbove[c.v]
	return h > 0 && c.hasHi && !c.hasLo && c.hi >= h
}

// unusual reports a one-sided requirement on the side its variable is
// not usually bounded from.
func (p *parser) unusual(c *cand) bool {
	side := 0
	switch {
	case c.hasLo && !c.hasHi:
		side = 1
	case c.hasHi && !c.hasLo:
		side = -1
	}
	return side != 0 && usualSide[c.v] != 0 && int(usualSide[c.v]) != side
}

// oddAfterNegation reports a requirement on the unusual side of its
// variable ("QTc > 470 ms" required) in a clause that a negation opens: the
// negation was most likely meant to reach it ("No significant heart disease
// such as … QTc > 470 ms"), and a threshold read backwards is worse than
// none.
func (p *parser) oddAfterNegation(c *cand, b *bound) bool {
	if !p.unusual(c) {
		return false
	}
	toks := p.toks
	for k := b.start - 1; k >= 0; k-- {
		t := &toks[k]
		if t.kind == kSemi || t.kind == kPeriod || t.kind == kSep {
			return false
		}
		if t.is(cNegator) && t.depth <= toks[b.start].depth {
			if _, _, ok := comparator(toks, k); !ok {
				return true
			}
		}
	}
	return false
}

var negators = setOf("no", "not", "without", "none", "absence", "free", "lack", "never")

// negationBridge are the words between a negation and its object's subject.
var negationBridge = setOf("history", "of", "evidence", "known", "prior", "previous", "documented", "clinically",
	"significant", "active", "any", "a", "an", "the", "including", "such", "as", "or", "current", "uncontrolled",
	"severe", "prolongation", "prolonged", "pathologic", "pathological", "cardiac", "heart", "disease", "dysfunction", "failure", "impairment",
	"insufficiency", "liver", "hepatic", "renal", "cirrhosis", "cardiovascular", "cardiopulmonary", "pulmonary",
	"coronary", "ventricular", "systolic", "conduction", "abnormality", "abnormalities", "arrhythmia", "class", "grade", "score", "stage", "e", "g", "eg",
	"ie", "i", "defined", "by", "with", "reduced", "decreased", "elevated", "low", "high", "abnormal", "baseline",
	"screening", "at", "level", "levels", "value", "values", "count", "counts", "total", "serum",
	// "No coagulopathy (i.e., platelets less than 80,000)": the condition
	// the value defines
	"coagulopathy", "thrombocytopenia", "neutropenia", "anemia", "anaemia", "cytopenia", "cytopenias",
	"leukopenia", "hyperbilirubinemia", "bleeding", "diathesis",
	// "No New York Heart Association class III-IV congestive heart failure
	// or LVEF < 40% by MUGA"
	"congestive", "chf", "nyha", "new", "york", "association", "ii", "iii", "iv",
	// "No chronic lymphocytic lymphoma with absolute lymphocyte count > 5,000/mm³"
	"chronic", "lymphocytic", "lymphoma", "leukemia", "leukaemia", "cll", "absolute")

// inOtherBound reports token k inside a bound other than b.
func (p *parser) inOtherBound(k int, b *bound) bool {
	for i := range p.bounds {
		o := &p.bounds[i]
		if o != b && k >= o.start && k < o.end {
			return true
		}
	}
	return false
}

// ---- from bounds to requirements ----

// andJoined reports bound b joined to bound a before it by a bare "and" in
// one clause: no other value, "or", or clause end between them.
func (p *parser) andJoined(a, b int) bool {
	toks := p.toks
	x, y := &p.bounds[a], &p.bounds[b]
	if x.end > y.start {
		return false
	}
	and := false
	for k := x.end; k < y.start; k++ {
		switch {
		case toks[k].kind == kSemi || toks[k].kind == kPeriod || toks[k].kind == kSep:
			return false
		case wordAt(toks, k, "or"):
			return false
		case wordAt(toks, k, "and"):
			and = true
		case p.startsBound[k]:
			return false
		}
	}
	return and
}

func (p *parser) emit() {
	p.out = p.out[:0]
	p.pastCue = false
	for k := range p.toks {
		if p.toks[k].is(cPastCue) {
			p.pastCue = true
			break
		}
	}
	var mainSide [nVars]int8 // +1: the main bound was written as a lower limit, -1 upper
	firstGrp := ownerNone    // the first subject bounded, in an item that asks for one of two
	lastAlt := -1            // the last bound read as an alternative
	var uncondSeen varMask   // the variables bounded for everyone so far
	// an exclusion met only when two values are out together excludes on
	// neither alone: no requirement can be read from it
	// … except a creatinine out together with its clearance ("Creatinine
	// >1.5 times ULN concurrent with creatinine clearance <50 ml/min"):
	// two measures of one function, the patient may have either one in
	// range — an OR-alternative (SPEC 4.8), the first stated everyone's
	p.joint = resizeBools(p.joint, len(p.bounds))
	p.jointAlt = resizeBools(p.jointAlt, len(p.bounds))
	kidney := maskOf(vCreatinine, vCrCl)
	for bi := range p.bounds {
		if p.bounds[bi].discarded || p.owner[bi] < 0 {
			continue
		}
		if pj := p.jointPrev(bi); pj >= 0 {
			if e1, _ := p.polarity(&p.bounds[bi]); e1 {
				if e2, _ := p.polarity(&p.bounds[pj]); e2 {
					a, b := p.groups[p.owner[pj]].vars, p.groups[p.owner[bi]].vars
					if a|b == kidney && a != b {
						p.jointAlt[bi] = true
						continue
					}
					p.joint[bi], p.joint[pj] = true, true
				}
			}
		}
	}
	for bi := range p.bounds {
		b := &p.bounds[bi]
		if b.discarded || p.owner[bi] == ownerNone || p.joint[bi] {
			continue
		}
		var vs varMask
		needUnit := false
		ageSplit := false // scales named each with its ages: every bound is one age group's
		switch o := p.owner[bi]; {
		case o == ownerAge:
			vs = maskOf(vAge)
		case o == ownerLead:
			vs = p.ctx.subject
		case o == ownerLife:
			vs = maskOf(vLifeExpectancy)
		default:
			g := p.groups[o]
			if g.kind == mkOther {
				continue
			}
			vs = g.vars
			if b.respVars != 0 {
				vs = b.respVars
			}
			needUnit = g.needUnit
			if sv := p.labelledScales(o); sv != 0 {
				vs, ageSplit = sv, true
			}
		}
		if needUnit && !p.boundHasUnit(b) {
			continue
		}
		subj := b.start
		if o := p.owner[bi]; o >= 0 {
			subj = p.groups[o].start
		}
		if p.pastEvent(b, subj) {
			continue
		}
		if (vs == maskOf(vECOG) || vs == maskOf(vKarnofsky)) && p.lostLifeLabel(b) {
			// "Performance status: At least 3 months Life expectancy: ECOG
			// 0-2" — a PDQ record that swapped its labels: the time is the
			// life expectancy
			vs = maskOf(vLifeExpectancy)
		}
		if vs == maskOf(vAge) && (p.ctx.noAge || p.ageBlocked(b) || p.ageLabel(b) || p.fractionalBare(b) || p.bandOfValue(b) || p.appliesOnlyTo(b) ||
			p.agePicksSubgroup(bi)) ||
			p.byApproval(b) || vs&countVars != 0 && p.definesIncompleteRecovery(b) {
			continue
		}
		cond := p.condOf[bi] || b.fromRow // a row is for its band only (SPEC 4.7 picks the loosest)
		// "Karnofsky (> 16 years) or Lansky (≤ 16 years) ≥ 60": a scale for
		// the patients of one age (SPEC 4.6)
		if ageSplit {
			cond = true
		}
		if b.allowedIf && !cond {
			continue
		}
		if cond && p.doseClause(b) {
			// "(but if it is 1.0 ~ 1.5 mg/dl, the dose of S-1 can be
			// decreased)": how the dose changes, not who may enter
			continue
		}
		if !cond && (p.otherCause(b) || vs == maskOf(vLifeExpectancy) && p.excludingDisease(b)) {
			// "life expectancy of < 6 months for reasons other than their
			// underlying disorder": only those whose cause is another's
			cond = true
		}
		cause := causeNone
		if cond {
			cause = causeSubgroup
			if b.fromRow && p.ctx.alt {
				cause = causeAlternative // the rows are the alternative: none is everyone's
			}
		}
		excl, allowance := p.polarity(b)
		if allowance {
			cond, cause = true, causeSubgroup
		}
		if !cond && !excl && !b.isStages && (p.alternative(bi) && !(vs == maskOf(vINR) && p.afterOutsideValue(bi)) || p.ctx.alt ||
			p.afterNormalOr(bi)) {
			cond, cause = true, causeAlternative
		}
		if !cond && !excl && lastAlt >= 0 && vs&^uncondSeen == 0 && p.andJoined(lastAlt, bi) {
			// "ALT and AST ≤ 1.5 × ULN; or ALT ≤ ULN and AST ≤ 6 × ULN": the
			// second half of the alternative, for a variable already bounded
			cond, cause = true, causeAlternative
		}
		if !cond && excl && vs == maskOf(vAge) && p.ageJoined(b) {
			cond, cause = true, causeSubgroup
		}
		if cond && cause == causeSubgroup && !excl && vs == maskOf(vAge) && p.condOf[bi] && p.populationAge(bi) {
			// "Adults ≥ 18 years with relapsed multiple myeloma", "≥ 19 year
			// old patients with … advanced solid tumors": who the trial
			// enrols, not a subgroup of them
			cond, cause = false, causeNone
		}
		if p.ctx.risk && !excl {
			cond, cause = true, causeAlternative
		}
		if p.jointAlt[bi] && !cond {
			cond, cause = true, causeAlternative
		}
		if p.ctx.oneOfTwo && !excl && !cond {
			if firstGrp == ownerNone {
				firstGrp = p.owner[bi]
			} else if p.owner[bi] != firstGrp {
				cond, cause = true, causeAlternative
			}
		}
		if p.ctx.cond {
			cond, cause = true, causeContext
		} else if p.ctx.scope > 0 && !cond {
			cond, cause = true, causeScope
		}
		if cause == causeAlternative {
			lastAlt = bi
		}
		if !cond {
			uncondSeen |= vs
		}
		side := 0
		if b.hasLo && !b.hasHi {
			side = 1
		} else if b.hasHi && !b.hasLo {
			side = -1
		}
		vs.each(func(v varID) {
			e := excl
			if excl && cond && side != 0 {
				// an exception in an exclusion written as the allowed range
				// ("AST > 3 × ULN (≤ 5 × ULN with liver metastases)")
				if m := mainSide[v]; m != 0 && int(m) == -side {
					e = false
				}
			}
			if v == vEGFR && p.cockcroftNear(bi) {
				v = vCrCl // "estimated GFR … by Cockcroft-Gault": the formula decides (SPEC 4.10)
			}
			if v == vECOG && boundUnit(b) == ruPercent && p.owner[bi] >= 0 && p.groups[p.owner[bi]].generic {
				// "a performance status of at least 70%": no scale named, and
				// only Karnofsky's is in percent
				v = vKarnofsky
			}
			c, ok := p.toCand(v, b, e)
			if !ok {
				return
			}
			if allowance && !e && vars[v].scale && c.hasLo && c.hasHi {
				// the patients an allowance lets in besides the rest: on a
				// scale its range relaxes the usual limit ("performance
				// status (3-4) … will be eligible" is ECOG ≤ 4 for them)
				switch usualSide[v] {
				case -1:
					c.hasLo, c.lo, c.loInc = false, 0, false
				case 1:
					c.hasHi, c.hi, c.hiInc = false, 0, false
				}
			}
			if v == vINR && c.hasLo && c.hasHi && c.lo >= 1.5 && p.anticoagTarget() {
				// "must be fully anticoagulated with warfarin (INR 2-3)": the
				// treatment's target range, not a value at entry
				return
			}
			p.valued |= maskOf(v)
			misfiled := e && p.unusual(&c) && !highExcluded(&c) && !p.otherSideBounded(bi)
			if misfiled && !cond {
				p.misfiled |= maskOf(v)
				if p.text != p.misfiledText {
					p.misfiledItems, p.misfiledText = p.misfiledItems+1, p.text
				}
			}
			if neverFloor(&c) && p.ctx.organLead && !p.ctx.exclusion && !p.ctx.risk && !excl && v != vQTc && v != vINR &&
				(c.unit == "xULN" || c.unit == "mg/dL") {
				// "Participants must have normal organ and marrow function as
				// defined below:" over "Total bilirubin > 1.5 × ULN": a floor
				// no normal function has, the sign typed the wrong way round —
				// only the ceiling is clinically possible (SPEC 4.14), and the
				// lists of normal limits write it "≤"
				c.hasLo, c.hasHi, c.hi, c.hiInc, c.lo, c.loInc = false, true, c.lo, true, 0, false
			}
			if p.oddAfterNegation(&c, b) || misfiled ||
				neverFloor(&c) && !p.ctx.risk && !(cond && !p.ctx.exclusion && hasPhrase(p.toks, oneOfLead)) {
				// an exclusion that inverts to the unusual side ("platelets
				// ≥ 100" in the exclusion list) was a criterion filed in the
				// wrong list, or misread
				return
			}
			if !cond {
				if mainSide[v] == 0 && side != 0 {
					mainSide[v] = int8(side)
				}
			}
			c.cond, c.cause, c.bound, c.grp = cond, cause, bi, p.owner[bi]
			if !cond && !excl && p.owner[bi] >= 0 && p.secondMeasure(&p.groups[p.owner[bi]], v) {
				// "Creatinine clearance or radioisotope GFR ≥ 70 mL/min/1.73
				// m²", "Karnofsky or Lansky ≥ 50": either measure qualifies,
				// the second stated is the alternative (SPEC 4.4, 4.8)
				c.cond, c.cause = true, causeAlternative
			}
			c.span = [2]int{int(p.toks[b.start].start), int(p.toks[b.end-1].end)}
			p.out = append(p.out, c)
		})
	}
}

// afterNormalOr reports a kidney bound offered after "Creatinine normal
// (for age) OR": the number is the alternative to a normal creatinine, as
// it is when the two stand on lines of their own (SPEC 4.8).
func (p *parser) afterNormalOr(bi int) bool {
	gi := p.owner[bi]
	if gi < 0 {
		return false
	}
	g := &p.groups[gi]
	if g.vars&^maskOf(vCrCl, vEGFR) != 0 {
		return false
	}
	// back to the normal creatinine over the alternative's own words:
	// "Creatinine within normal range for age or creatinine clearance, or
	// with a recommended GFR ≥ 50"
	or := false
	for k, n := g.start-1, 0; k >= 0 && n < 14; k, n = k-1, n+1 {
		t := &p.toks[k]
		if t.kind == kComma {
			continue
		}
		if t.kind != kWord {
			return false
		}
		if wordAt(p.toks, k, "normal", "wnl") {
			if !or {
				return false
			}
			for j := k - 1; j >= 0 && j >= k-3; j-- {
				if wordAt(p.toks, j, "creatinine") {
					return true
				}
			}
			return false
		}
		switch {
		case t.text == "or":
			or = true
		case wordAt(p.toks, k, "for", "age", "limits", "limit", "range", "institutional"):
		case !or && wordAt(p.toks, k, "with", "a", "an", "recommended", "calculated", "measured", "estimated"):
		case or && p.inGrp[k] >= 0 && p.groups[p.inGrp[k]].vars&^maskOf(vCrCl, vEGFR) == 0:
		default:
			return false
		}
	}
	return false
}

// secondMeasure reports v as the second of two measures of one
// thing named together with "or" for one bound: a creatinine clearance and
// a filtration rate, or the Karnofsky and Lansky scales ("Karnofsky or
// Lansky > 70%", as SPEC 4.4 reads "ECOG ≤ 1 or Karnofsky ≥ 70").
func (p *parser) secondMeasure(g *group, v varID) bool {
	if g.nparts != 2 || g.parts[1] != maskOf(v) ||
		g.parts[0]|g.parts[1] != maskOf(vCrCl, vEGFR) && g.parts[0]|g.parts[1] != maskOf(vKarnofsky, vLansky) {
		return false
	}
	or := false
	for k := g.start; k < g.end && k < len(p.toks); k++ {
		switch {
		case wordAt(p.toks, k, "or"):
			or = true
		case wordAt(p.toks, k, "and") && !(kindAt(p.toks, k+1, kSlash) && wordAt(p.toks, k+2, "or")):
			return false // "CrCl and GFR" names both; "and/or" is an or (SPEC 4.8)
		}
	}
	return or
}

// jointPrev returns the bound before bi that bi makes one condition with,
// or -1: "ALT > 3 × ULN and total bilirubin > 2 × ULN" (just those two,
// joined by "and"), "AST > 3 × ULN with concurrent bilirubin > 2 × ULN".
// "A < x, B < y and C < z" is a list of three.
func (p *parser) jointPrev(bi int) int {
	toks := p.toks
	o := p.owner[bi]
	g := &p.groups[o]
	if g.start > p.bounds[bi].start {
		return -1
	}
	prev := -1
	for k := bi - 1; k >= 0; k-- {
		if p.owner[k] >= 0 && !p.bounds[k].discarded && p.bounds[k].end <= g.start {
			prev = k
			break
		}
	}
	if prev < 0 || p.owner[prev] == o || p.groups[p.owner[prev]].vars&g.vars != 0 {
		return -1
	}
	d := toks[g.start].depth
	and, marker := false, false
	for k := p.bounds[prev].end; k < g.start; k++ {
		if toks[k].depth != d {
			return -1
		}
		switch {
		case wordAt(toks, k, "and"):
			and = true
		case wordAt(toks, k, "with") && k == p.bounds[prev].end && k+1 == g.start:
			// "Creatinine >1.5 times ULN with creatinine clearance <50
			// ml/min": the second value goes with the first
			marker = true
		case wordAt(toks, k, "concurrent", "concurrently", "concomitant", "concomitantly", "simultaneous",
			"simultaneously", "together", "combined", "combination", "accompanied", "associated", "plus"):
			marker = true
		case wordAt(toks, k, "with", "in", "by", "the", "same", "time", "at", "a", "an", "elevated", "elevation", "of"):
		default:
			return -1
		}
	}
	if marker {
		return prev
	}
	if !and {
		return -1
	}
	// a bare "and" makes a list ("Hemoglobin < 9 g/dL and platelets <
	// 100 × 10^9/L" excludes on either), except between two measures of one
	// organ's failure: a transaminase with bilirubin (Hy's law), creatinine
	// with its clearance; out together they are the one condition meant
	liver, bili := maskOf(vAST, vALT), maskOf(vBilirubin)
	kidney := maskOf(vCreatinine, vCrCl, vEGFR)
	a, b := p.groups[p.owner[prev]].vars, g.vars
	if !(a&liver != 0 && b&bili != 0 || a&bili != 0 && b&liver != 0 || a&kidney != 0 && b&kidney != 0) {
		return -1
	}
	for k := range p.bounds {
		if k != bi && k != prev && p.owner[k] >= 0 && !p.bounds[k].discarded {
			return -1
		}
	}
	return prev
}

var ageBlockers = setOf("donor", "donors", "menopause", "menopausal", "postmenopausal", "premenopausal", "perimenopausal",
	"amenorrhea", "amenorrheic", "amenorrhoea", "death", "died", "relative", "relatives", "family", "sibling",
	"siblings", "parent", "parents", "onset", "diagnosis", "diagnosed", "childbearing", "pregnancy", "pregnant",
	"contraception", "menses", "menstrual", "mother", "father", "grandparent", "birth", "born", "gestational",
	"gestation", "ago", "since", "history", "duration", "episode", "prior", "previous", "smoking", "smoker",
	"pack", "treatment", "therapy", "cancer", "malignancy",
	// who must consent for a minor: "… and his/her legal representative if under the age of 20"
	"representative", "representatives", "guardian", "guardians", "parental", "assent",
	// someone else the trial enrols beside the patient
	"caregiver", "caregivers", "carer", "carers", "partner", "partners", "spouse")

func (p *parser) ageBlocked(b *bound) bool {
	toks := p.toks
	a, e := b.start, b.end
	for a > 0 && toks[a-1].kind != kSemi && toks[a-1].kind != kPeriod && toks[a-1].kind != kComma {
		a--
	}
	for e < len(toks) && toks[e].kind != kSemi && toks[e].kind != kPeriod && toks[e].kind != kComma {
		e++
	}
	for k := a; k < e; k++ {
		if !toks[k].is(cAgeBlocker) {
			continue
		}
		// "Post-menopausal female subjects ≥ 18 years of age",
		// "Postmenopausal women aged ≥ 50": the word describes the patients
		// whose age it is, it defines nothing
		if k < b.start && menopauseWords[toks[k].text] && personAfter(toks, k+1, b.start) && !definesBetween(toks, k, b.start) {
			continue
		}
		// "Patient and caregiver must be ≥ 18 years of age", "Patients and
		// their caregivers …": the age is the patient's too
		if k < b.start && (caregiverWords[toks[k].text] || toks[k].text == "family" && k+1 < len(toks) && caregiverWords[toks[k+1].text]) &&
			patientJoined(toks, k) {
			continue
		}
		if !weakAgeBlockers[toks[k].text] {
			return true
		}
		// "Breast cancer patient (age over 18)": the disease names the
		// patients whose age it is
		if k < b.start && (toks[k].text == "cancer" || toks[k].text == "malignancy") &&
			wordAt(toks, k+1, "patient", "patients", "subjects", "participants", "women", "men") {
			continue
		}
		// "diagnosed before the age of 40", "cancer at age < 50", "≤ 21 years
		// at diagnosis" — but not "≥ 18 years of age with a confirmed
		// diagnosis of …", which is the patient's age and their disease
		if k < b.start && k >= b.start-5 && !permissionBetween(toks, k, b.start) {
			return true
		}
		if k >= b.end && k <= b.end+9 && firstDiagnosis(toks, b.end, k) {
			// "age 15 or older at time of de novo (initial) diagnosis":
			// the age when the disease was first found, not today's
			return true
		}
		if k >= b.end && k <= b.end+3 && (wordAt(toks, k-1, "at", "of") ||
			wordAt(toks, k-2, "at") || wordAt(toks, k-3, "at")) && !wordAt(toks, k-1, "with") {
			// "Age: 21 and under at diagnosis", "≤ 30 years of age at
			// diagnosis": the age is the patient's, stated when the
			// disease was found (as "at the time of diagnosis" further on)
			// … unless the disease has come back since: "under 21 years of
			// age at diagnosis with recurrent neuroblastoma" was younger then
			if toks[k].text == "diagnosis" && p.namedAge(a, b) && !p.diseaseReturned() {
				continue
			}
			return true
		}
	}
	// "Postmenopausal women, defined as women ≥ 60 years": a definition of
	// what the item names, in a clause of its own
	if definesBetween(toks, a, b.start) {
		for k := range toks {
			if toks[k].is(cAgeBlocker) && !weakAgeBlockers[toks[k].text] {
				return true
			}
		}
	}
	return false
}

// firstDiagnosis reports "diagnosis" at k qualified as the first one
// ("initial", "original", "first", "de novo", "primary") and "at" between
// the age ending at e and it.
func firstDiagnosis(toks []token, e, k int) bool {
	if !wordAt(toks, k, "diagnosis") {
		return false
	}
	first, at := false, false
	for j := max(e, k-4); j < k; j++ {
		if wordAt(toks, j, "initial", "original", "first", "novo") {
			first = true
		}
	}
	for j := e; j < k; j++ {
		if wordAt(toks, j, "at") {
			at = true
		}
	}
	return first && at
}

// permissionBetween reports a word between k and e that ends a PDQ
// statement saying what is allowed ("CNS or overt testicular leukemia at
// diagnosis allowed High risk status 10-21 years old …", its line break
// lost): the diagnosis before it is not the age's.
func permissionBetween(toks []token, k, e int) bool {
	for j := k + 1; j < e; j++ {
		if wordAt(toks, j, "allowed", "permitted") {
			return true
		}
	}
	return false
}

// diseaseReturned reports an item about a disease that relapsed or
// resisted treatment: an age at its diagnosis is not the age at entry.
func (p *parser) diseaseReturned() bool {
	for k := range p.toks {
		if wordAt(p.toks, k, "recurrent", "relapsed", "relapse", "refractory", "recurrence", "progressive") {
			return true
		}
	}
	return false
}

// ageJoined reports an excluded age that excludes only together with what
// follows it: "children under three years of age receiving
// anti-tuberculosis therapy", "patients older than 75 with ECOG 2" — the
// age names a subgroup, it bounds no one on its own.
func (p *parser) ageJoined(b *bound) bool {
	toks := p.toks
	k := b.end
	for k < len(toks) && wordAt(toks, k, "years", "year", "months", "month", "of", "age", "old") {
		k++
	}
	return wordAt(toks, k, "receiving", "taking", "treated", "undergoing", "on", "with", "who", "having")
}

// otherSideBounded reports another bound of bi's subject in the item on
// the other side: "Hemoglobin > 10.5 g/dL or < 9 g/dL" excludes outside a
// range, and its high end is no criterion filed in the wrong list.
func (p *parser) otherSideBounded(bi int) bool {
	b := &p.bounds[bi]
	for k := range p.bounds {
		o := &p.bounds[k]
		if k == bi || o.discarded || p.owner[k] != p.owner[bi] || o.hasLo == o.hasHi || b.hasLo == b.hasHi {
			continue
		}
		if o.hasLo != b.hasLo {
			return true
		}
	}
	return false
}

// populationAge reports an inclusion's only bound, an age, made
// conditional by nothing but the disease the patients have after it
// ("… with advanced HCC"): the population, not a subgroup.
func (p *parser) populationAge(bi int) bool {
	if p.ctx.alt || p.ctx.risk || p.ctx.cond || p.ctx.scope > 0 {
		return false
	}
	for k := range p.bounds {
		if k != bi && !p.bounds[k].discarded && p.owner[k] != ownerNone {
			return false
		}
	}
	b := &p.bounds[bi]
	toks := p.toks
	k := b.end
	for k < len(toks) && (wordAt(toks, k, "years", "year", "of", "age", "old", "patients", "patient", "subjects",
		"participants", "adults", "men", "women", "males", "females") || kindAt(toks, k, kDash)) {
		k++
	}
	if !wordAt(toks, k, "with", "having") {
		return false
	}
	// the disease named after it: no value, no treatment, no other subject
	for j := k + 1; j < len(toks); j++ {
		if toks[j].kind == kOp || toks[j].kind == kNum || p.inGrp[j] >= 0 ||
			wordAt(toks, j, "receiving", "treated", "taking", "undergoing", "who", "whose", "if", "unless", "except") {
			return false
		}
	}
	return true
}

// namedAge reports an age bound whose subject the clause names as an age:
// "Age: 21 and under", "aged ≤ 30", "≤ 30 years of age".
func (p *parser) namedAge(a int, b *bound) bool {
	toks := p.toks
	// "Age:" / "Under 1 at diagnosis": the lead-in names it
	if p.ctx.subject == maskOf(vAge) {
		return true
	}
	for k := b.start; k < b.end+2 && k < len(toks); k++ {
		if wordAt(toks, k, "of") && wordAt(toks, k+1, "age") {
			return true
		}
	}
	for k := a; k < b.start; k++ {
		if g := p.inGrp[k]; g >= 0 && isAge(p.groups[g]) {
			return true
		}
	}
	return false
}

// ageLabel reports an age band that labels the value after it: "Age 1 to
// < 2 years: 0.6 mg/dL", "Ages 2-5: ≤ 0.8 mg/dL". It says whom the value
// is for, not who may enter.
func (p *parser) ageLabel(b *bound) bool {
	toks := p.toks
	// "Karnofsky (age ≥ 16 years) or Lansky (age < 16 years) ≥ 50": the
	// ages say which scale is whose, they are no age requirement
	if b.start > 0 && toks[b.start].depth > 0 {
		open := -1
		for k := b.start - 1; k >= 0 && k >= b.start-3; k-- {
			if toks[k].kind == kLParen {
				open = k
				break
			}
		}
		if open > 0 {
			if gi := p.inGrp[open-1]; gi >= 0 && p.groups[gi].vars&(maskOf(vKarnofsky)|maskOf(vLansky)|maskOf(vECOG)) != 0 &&
				p.groups[gi].vars&maskOf(vAge) == 0 {
				return true
			}
		}
	}
	k := b.end
	// a table row turned into a line: "Less than 15 years of age; 1.5"
	if kindAt(toks, k, kSemi) && kindAt(toks, k+1, kNum) && (k+2 == len(toks) || k+3 == len(toks) && toks[k+2].kind == kPeriod) {
		return true
	}
	// a table's cells: "Age 2 to < 6 years | 0.8 | 0.8"
	if kindAt(toks, k, kSep) && kindAt(toks, k+1, kNum) && !wordAt(toks, k+2, "years", "year", "months", "month", "days") {
		return true
	}
	// the same row with its cells run together: "Age 2 to < 6 years 0.8 0.8"
	if kindAt(toks, k, kNum) {
		j := k
		for j < len(toks) && (toks[j].kind == kNum || toks[j].kind == kComma) {
			j++
		}
		if j == len(toks) || j+1 == len(toks) && toks[j].kind == kPeriod {
			return true
		}
	}
	if k >= len(toks) || toks[k].kind != kColon && toks[k].kind != kDash {
		return false
	}
	// the value follows at once ("…: ≤ 0.8 mg/dL", "… – 0.6 mg/dL"), or
	// after one word that is no subject ("…: maximum 0.6 mg/dL"); a
	// statement of its own after a colon ("Age ≥ 18 years: ECOG 0-1") is
	// no value of the band, nor is another age
	j := k + 1
	if toks[k].kind == kColon && kindAt(toks, j, kWord) {
		if b.hasLo && b.hasHi {
			// a band with two ends may name what it bounds: "Age 1 to < 2
			// years: maximum serum creatinine 0.6 mg/dL"
			for n := 0; n < 4 && kindAt(toks, j, kWord); n++ {
				j++
			}
		} else {
			if _, ok := matchMention(toks, j); ok {
				return false
			}
			j++
		}
	}
	for kindAt(toks, j, kOp) {
		j++
	}
	return kindAt(toks, j, kNum) && !wordAt(toks, j+1, "years", "year", "yrs", "months", "month", "y", "yo")
}

// ageLabelledScale reports a performance scale named with the ages it is
// for in brackets right after it: "Lansky (age < 16 years)".
func (p *parser) ageLabelledScale(gi int) bool {
	g := &p.groups[gi]
	if g.vars&(maskOf(vKarnofsky)|maskOf(vLansky)|maskOf(vECOG)) == 0 || !kindAt(p.toks, g.end, kLParen) {
		return false
	}
	for bi := range p.bounds {
		b := &p.bounds[bi]
		if b.start > g.end && b.start <= g.end+3 && boundUnit(b) == ruYears && p.ageLabel(b) {
			return true
		}
	}
	return false
}

// labelledScales reads the performance scales named each with its ages
// in brackets ("Karnofsky (age ≥ 16 years) or Lansky (age < 16 years)
// performance status ≥ 50") that the bound of group o is for: o itself,
// or the bare "performance status" after them, and the scales joined
// before it by "or", "and" or a comma. It returns their variables, or 0.
func (p *parser) labelledScales(o int) varMask {
	toks := p.toks
	var vs varMask
	if p.ageLabelledScale(o) {
		vs = p.groups[o].vars
	} else if !p.groups[o].generic {
		return 0
	}
	next := p.groups[o].start
	for gi := o - 1; gi >= 0; gi-- {
		g := &p.groups[gi]
		if isAge(*g) {
			continue // the age in a scale's bracket
		}
		if !p.ageLabelledScale(gi) {
			break
		}
		cp := p.closeParen(g.end)
		if cp < 0 {
			break
		}
		k := cp + 1
		for k < next && (wordAt(toks, k, "or", "and") || kindAt(toks, k, kComma)) {
			k++
		}
		if k != next {
			break
		}
		vs |= g.vars
		next = g.start
	}
	return vs
}

var caregiverWords = setOf("caregiver", "caregivers", "carer", "carers", "partner", "partners", "spouse")

// patientJoined reports the patients named, a few words before the word
// at k, and joined to it by "and": "Patient and, if applicable, family
// caregiver".
func patientJoined(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		if wordAt(toks, j, "patient", "patients", "participant", "participants", "subject", "subjects") {
			for m := j + 1; m < k; m++ {
				if wordAt(toks, m, "and") {
					return true
				}
			}
			return false
		}
	}
	return false
}

var menopauseWords = setOf("menopausal", "postmenopausal", "premenopausal", "perimenopausal")

// personAfter reports the patients named in toks[j:end], right after an
// adjective: "(post-)menopausal female subjects", "… women aged".
func personAfter(toks []token, j, end int) bool {
	for k := j; k < end && k < j+3; k++ {
		if wordAt(toks, k, "women", "woman", "females", "female", "subjects", "patients", "participants") {
			return true
		}
	}
	return false
}

func definesBetween(toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		if wordAt(toks, k, "defined", "definition", "define", "meaning") {
			return true
		}
	}
	return false
}

// weakAgeBlockers make an age someone else's, or another moment's, only
// right beside it.
var weakAgeBlockers = setOf("donor", "donors", "onset", "diagnosis", "diagnosed", "ago", "since", "history", "duration", "episode",
	"prior", "previous", "smoking", "smoker", "pack", "treatment", "therapy", "cancer", "malignancy")

// countVars are the blood counts a response's recovery is told by.
var countVars = maskOf(vPlatelets, vANC, vWBC, vHemoglobin)

// responseWords name a response to treatment and its recovery of counts.
var responseWords = setOf("cr", "cri", "crp", "crh", "cr1", "cr2", "mlfs", "remission", "response", "recovery")

// definesIncompleteRecovery reports a count's upper bound that defines a
// response ("Incomplete platelet recovery (CRp) is defined as CR with
// platelet count < 100 x 109/L", "CRi is defined as … neutropenia < 1 x
// 109/L"): what counts as recovered, not what a patient must have. Only a
// maximum: a remission defined by counts at least so high ("CR, defined as
// ANC ≥ 1.0 and platelets ≥ 100") may be what the patient must be in.
func (p *parser) definesIncompleteRecovery(b *bound) bool {
	if !b.hasHi || b.hasLo {
		return false
	}
	toks := p.toks
	for k := b.start - 1; k >= 0 && k >= b.start-16; k-- {
		if toks[k].kind == kPeriod || toks[k].kind == kSemi {
			return false
		}
		if !wordAt(toks, k, "defined") || !wordAt(toks, k-1, "is", "are", "be") {
			continue
		}
		// the term defined, before "is defined" or right after "as"
		for j := k - 2; j >= 0 && j >= k-8 && toks[j].kind != kPeriod && toks[j].kind != kSemi; j-- {
			if toks[j].kind == kWord && responseWords[toks[j].text] {
				return true
			}
		}
		return wordAt(toks, k+1, "as") && k+2 < len(toks) && toks[k+2].kind == kWord && responseWords[toks[k+2].text]
	}
	return false
}

// approvalWords say that a value is admitted case by case.
var approvalWords = setOf("approval", "approved", "consultation", "discussion", "agreement", "permission",
	"discretion", "consent")

// byApproval reports a bound the clause admits only after someone agrees:
// "Enrollment of patients > 75 years of age is allowed after consultation
// and approval of the study medical monitor". It bounds no one.
func (p *parser) byApproval(b *bound) bool {
	toks := p.toks
	d := toks[b.start].depth
	allowed, approval := false, false
	for k := b.end; k < len(toks) && k < b.end+16; k++ {
		t := &toks[k]
		if t.depth < d || t.kind == kSemi || t.kind == kPeriod || t.kind == kSep || p.startsBound[k] {
			break
		}
		if t.kind != kWord || t.depth > d {
			continue // an aside in brackets allows something else: "(transfusion is allowed at the discretion …)"
		}
		switch {
		case t.is(cAllowCue) && wordAt(toks, k-1, "is", "are", "be", "may"):
			allowed = true
		case allowed && approvalWords[t.text] && wordAt(toks, k-1, "after", "upon", "with", "following", "and", "the", "prior", "sponsor", "sponsor's"):
			approval = true
		}
	}
	return allowed && approval
}

// toCand turns bound b into a requirement on v, inverting it when it is
// stated as an exclusion.
func (p *parser) toCand(v varID, b *bound, excl bool) (cand, bool) {
	c := cand{v: v, wasWritten: b.written}
	if v == vBCLC {
		if !b.isStages {
			return c, false
		}
		s := b.stages
		if excl {
			s = ^s & 0x1f
		}
		if s == 0 {
			return c, false
		}
		c.stages = s
		return c, true
	}
	if b.isStages {
		return c, false
	}
	info := &vars[v]
	loU, hiU := b.loUnit, b.hiUnit
	if (v == vHemoglobin && b.restatedUnit == ruGdL && (loU == ruMmolL || hiU == ruMmolL) ||
		(v == vCreatinine || v == vBilirubin) && b.restatedUnit == ruMgdL && (loU == ruUmolL || hiU == ruUmolL || loU == ruMmolL || hiU == ruMmolL)) &&
		!(b.hasLo && b.hasHi) {
		// SPEC §3: given in mmol/L and g/dL, keep the g/dL value; so a
		// creatinine or bilirubin given in µmol/L and mg/dL keeps the mg/dL
		// ("creatinine <= 175 mmol/l (2 mg/dl)", DEV44 NCT01413828: 1.98
		// converted where the record says 2)
		nb := *b
		if b.hasLo {
			nb.lo, nb.loAlt, nb.loUnit = b.restated, 0, b.restatedUnit
		} else {
			nb.hi, nb.hiAlt, nb.hiUnit = b.restated, 0, b.restatedUnit
		}
		b = &nb
		loU, hiU = b.loUnit, b.hiUnit
	}
	if b.hasLo && b.hasHi {
		if loU == ruNone {
			loU = hiU
		}
		if hiU == ruNone {
			hiU = loU
		}
	}
	if b.uln && !acceptsULN(v) {
		return c, false
	}
	var lo, hi float64
	var lu, hu model.Unit
	ok := true
	if b.hasLo {
		lu, lo, ok = convert(v, b.lo, b.loAlt, loU)
		if !ok {
			return c, false
		}
		c.rawUnit = loU
	}
	if b.hasHi {
		hu, hi, ok = convert(v, b.hi, b.hiAlt, hiU)
		if !ok {
			return c, false
		}
		c.rawUnit = hiU
	}
	if b.hasLo && b.hasHi && lu != hu {
		return c, false
	}
	c.unit = lu
	if b.hasHi {
		c.unit = hu
	}
	switch {
	case !excl:
		c.hasLo, c.lo, c.loInc = b.hasLo, lo, b.loInc
		c.hasHi, c.hi, c.hiInc = b.hasHi, hi, b.hiInc
	case b.hasLo && b.hasHi:
		if !info.scale {
			return c, false
		}
		// an excluded band at one end of a scale: "ECOG 3-4", "Child-Pugh B-C"
		top := info.ceil
		if v == vECOG {
			top = 4
		}
		switch {
		case hi >= top && lo > info.floor:
			c.hasHi, c.hi, c.hiInc = true, lo, false
		case lo <= info.floor && hi < info.ceil:
			c.hasLo, c.lo, c.loInc = true, hi, false
		default:
			return c, false
		}
	case b.hasLo:
		c.hasHi, c.hi, c.hiInc = true, lo, !b.loInc
	case b.hasHi:
		c.hasLo, c.lo, c.loInc = true, hi, !b.hiInc
	default:
		return c, false
	}
	if info.scale {
		if c.hasLo && !c.loInc {
			c.lo, c.loInc = math.Floor(c.lo)+1, true
		}
		if c.hasHi && !c.hiInc {
			c.hi, c.hiInc = math.Ceil(c.hi)-1, true
		}
		if c.hasLo && (c.lo < info.floor || c.lo > info.ceil) || c.hasHi && (c.hi < info.floor || c.hi > info.ceil) {
			return c, false
		}
	}
	if c.hasLo && c.hasHi && (c.lo > c.hi || c.lo == c.hi && !(c.loInc && c.hiInc)) {
		return c, false
	}
	return c, true
}

func acceptsULN(v varID) bool {
	switch v {
	case vBilirubin, vAST, vALT, vINR, vCreatinine:
		return true
	}
	return false
}

// ---- per-item tidying ----

func (p *parser) tidy() {
	out := p.out
	same := func(a, b *cand) bool { return a.v == b.v && a.unit == b.unit }
	// BCLC: every stage list of the item is one requirement
	for i := range out {
		if out[i].dropped || out[i].v != vBCLC {
			continue
		}
		for j := i + 1; j < len(out); j++ {
			if !out[j].dropped && out[j].v == vBCLC && out[j].cond == out[i].cond {
				out[i].stages |= out[j].stages
				out[j].dropped = true
			}
		}
	}
	// restatements ("≥ 1.5 × 10^9/L (1500/µL)", "≥ 9 g/dL (5.6 mmol/L)"):
	// keep the first, or the one in the canonical unit
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			a, b := &out[i], &out[j]
			if a.dropped || b.dropped || !same(a, b) || a.v == vBCLC {
				continue
			}
			if a.cond != b.cond && b.cause != causeAlternative && a.cause != causeAlternative {
				continue // a subgroup's bound that happens to be close is its own
			}
			if a.hasLo == b.hasLo && a.hasHi == b.hasHi && (!a.hasLo || near(a.lo, b.lo) && a.loInc == b.loInc) &&
				(!a.hasHi || near(a.hi, b.hi) && a.hiInc == b.hiInc) {
				// "ANC ≥ 1,500/mm³ or ≥ 1.5 × 10^9/L": the same bound twice
				cond := a.cond && b.cond
				if a.rawUnit == ruMmolL && b.rawUnit != ruMmolL {
					*a = *b
				}
				a.cond = cond
				if !cond {
					a.cause = causeNone
				}
				b.dropped = true
			}
		}
	}
	// "≥ 18 and ≤ 65", "less than 50 years or over 85 years": one range
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			a, b := &out[i], &out[j]
			if a.dropped || b.dropped || !same(a, b) || a.cond != b.cond || a.v == vBCLC {
				continue
			}
			if a.hasLo && !a.hasHi && b.hasHi && !b.hasLo && a.lo < b.hi || a.hasHi && !a.hasLo && b.hasLo && !b.hasHi && b.lo < a.hi {
				if b.hasLo {
					a.hasLo, a.lo, a.loInc = true, b.lo, b.loInc
				} else {
					a.hasHi, a.hi, a.hiInc = true, b.hi, b.hiInc
				}
				a.span = [2]int{min(a.span[0], b.span[0]), max(a.span[1], b.span[1])}
				b.dropped = true
			}
		}
	}
	// ways to qualify on one variable that do not meet ("age < 1 or > 5
	// years", "at least 60 years old … OR Patient is 18-59 years old"): a
	// patient in either qualifies, so neither is everyone's bound
	if !p.ctx.exclusion {
		for i := range out {
			for j := range out {
				a, b := &out[i], &out[j]
				if i == j || a.dropped || b.dropped || !same(a, b) || a.cond || !b.cond || b.cause != causeAlternative ||
					a.v != vAge || !disjoint(a, b) || !p.orBetween(a.span, b.span) && !semicolonOr(p.text, a.span, b.span) {
					continue
				}
				a.cond, a.cause = true, causeAlternative
			}
		}
		// ages that do not meet, each followed by "with" and what its
		// patients must have ("High risk status 10-21 years old with any
		// white blood count (WBC) 1-9 years old with WBC of 50,000/mm3 or
		// greater"): each names a subgroup and bounds no one's age; the
		// values after the first name are a subgroup's
		p.ageGroupsWith(out)
		// two everyone's ages that do not meet, the second offered after
		// "or" ("being age >=65 years; or participants less than (<) 65
		// years with presence of important comorbid condition(s)"): no one
		// could meet both, each is a subgroup's way to qualify
		for i := range out {
			for j := i + 1; j < len(out); j++ {
				a, b := &out[i], &out[j]
				if a.dropped || b.dropped || !same(a, b) || a.cond || b.cond || a.v != vAge || !disjoint(a, b) ||
					!p.orBetween(a.span, b.span) && !semicolonOr(p.text, a.span, b.span) {
					continue
				}
				a.cond, a.cause = true, causeAlternative
				b.cond, b.cause = true, causeAlternative
			}
		}
	}
	// a time restated in another unit ("≥ 12 weeks (≥ 3 months)"): the two
	// do not convert exactly; the first stated is the requirement
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			a, b := &out[i], &out[j]
			if a.dropped || b.dropped || !same(a, b) || a.cond != b.cond || a.grp != b.grp || a.rawUnit == b.rawUnit ||
				!isTimeUnit(a.rawUnit) || !isTimeUnit(b.rawUnit) || a.hasLo != b.hasLo || a.hasHi != b.hasHi {
				continue
			}
			if a.hasLo && math.Abs(a.lo-b.lo) <= 0.15*a.lo || a.hasHi && math.Abs(a.hi-b.hi) <= 0.15*a.hi {
				b.dropped = true
			}
		}
	}
	// two unconditional bounds on one side ("Child-Pugh A or B (≤ 7)"): the
	// tighter one is the requirement
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			a, b := &out[i], &out[j]
			if a.dropped || b.dropped || !same(a, b) || a.cond || b.cond || a.v == vBCLC {
				continue
			}
			aLo, bLo := a.hasLo && !atFloor(a), b.hasLo && !atFloor(b)
			aHi, bHi := a.hasHi && !atCeil(a), b.hasHi && !atCeil(b)
			if aHi && bHi && aLo == bLo && (!aLo || a.lo == b.lo) {
				if tighterHi(b, a) {
					a.hi, a.hiInc, a.span = b.hi, b.hiInc, b.span
				}
				b.dropped = true
			} else if aLo && bLo && aHi == bHi && (!aHi || a.hi == b.hi) {
				if tighterLo(b, a) {
					a.lo, a.loInc, a.span = b.lo, b.loInc, b.span
				}
				b.dropped = true
			}
		}
	}
	// two mentions of a variable with unconditional bounds that do not nest
	// ("Child-Pugh class A or B/Child score > 7", "ECOG 0-1 / ECOG 2-3"):
	// the item contradicts itself, and neither can be trusted (SPEC 4.16)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			a, b := &out[i], &out[j]
			if a.dropped || b.dropped || !same(a, b) || a.cond || b.cond || a.grp == b.grp || a.grp < 0 || b.grp < 0 {
				continue
			}
			if a.v == vBCLC {
				if a.stages != b.stages {
					a.dropped, b.dropped = true, true
				}
				continue
			}
			if !contains(a, b) && !contains(b, a) {
				a.dropped, b.dropped = true, true
			}
		}
	}
	// "Karnofsky/Lansky ≥ 70%; use Karnofsky for patients > 16 years of
	// age and Lansky for patients ≤ 16": each scale is its age group's
	if (strings.Contains(p.text, "ansky") || strings.Contains(p.text, "ANSKY")) && scaleByAgeRe.MatchString(p.text) {
		for i := range out {
			if a := &out[i]; !a.dropped && !a.cond && (a.v == vKarnofsky || a.v == vLansky) {
				a.cond, a.cause = true, causeSubgroup
			}
		}
	}
	// SPEC 4.7: bounds given only per subgroup — the loosest applies to all
	for i := range out {
		a := &out[i]
		if a.dropped || a.cause != causeSubgroup || p.promoted(i) ||
			a.bound >= 0 && a.bound < len(p.bounds) && p.bounds[a.bound].fromRow {
			continue // a row's cells are all its band's: the lead-in's rows reconcile (extractor.bands)
		}
		hasMain := false
		var group []int
		for j := range out {
			b := &out[j]
			if b.dropped || !same(a, b) {
				continue
			}
			if !b.cond {
				hasMain = true
			}
			if b.cause == causeSubgroup {
				group = append(group, j)
			}
		}
		if hasMain || len(group) < 2 {
			continue
		}
		loosest := -1
		for _, j := range group {
			if loosest < 0 {
				loosest = j
				continue
			}
			l, b := &out[loosest], &out[j]
			switch {
			case contains(b, l):
				loosest = j
			case contains(l, b):
			default:
				loosest = -2 // not ordered: no bound applies to everyone
			}
			if loosest == -2 {
				break
			}
		}
		if loosest >= 0 {
			out[loosest].cond, out[loosest].cause = false, causeNone
		}
	}
	// a subgroup's bound that no patient within the main bound could meet
	// ("LVEF ≤ 40% … provided no subsequent study documenting an EF of >
	// 40%"): a restatement misread, not a subgroup (an age band may be a
	// cohort of its own: "adults ≥ 18, or 12-17 in cohort 2")
	for i := range out {
		a := &out[i]
		if a.dropped || !a.cond || a.v == vAge || a.v == vBCLC {
			continue
		}
		for j := range out {
			b := &out[j]
			if j != i && !b.dropped && !b.cond && same(a, b) && disjoint(a, b) {
				a.dropped = true
				break
			}
		}
	}
	n := 0
	for _, c := range out {
		if !c.dropped {
			out[n] = c
			n++
		}
	}
	p.out = out[:n]
}

// orBetween reports an "or" between two spans of the text, in one
// sentence.
func (p *parser) orBetween(a, b [2]int) bool { return orBetween(p.text, a, b) }

func orBetween(text string, a, b [2]int) bool {
	if a[0] > b[0] {
		a, b = b, a
	}
	if a[1] > b[0] {
		return false
	}
	gap := text[a[1]:b[0]]
	if strings.Contains(gap, ". ") || strings.ContainsRune(gap, ';') {
		return false
	}
	return strings.Contains(gap, " or ") || strings.Contains(gap, " OR ") || strings.Contains(gap, " Or ") ||
		strings.HasPrefix(gap, "or ") || strings.HasSuffix(gap, " or")
}

// ageGroupsWith is tidy's rule on disjoint ages that each name a
// subgroup with "with" (see there).
func (p *parser) ageGroupsWith(out []cand) {
	first := -1
	for i := range out {
		a := &out[i]
		if a.dropped || a.cond && a.cause != causeAlternative || a.v != vAge || !withAfterAge(p.text, a.span[1]) {
			continue
		}
		for j := range out {
			b := &out[j]
			if j == i || b.dropped || b.cond && b.cause != causeAlternative || b.v != vAge || !disjoint(a, b) || !withAfterAge(p.text, b.span[1]) {
				continue
			}
			if first < 0 || a.span[1] < first {
				first = a.span[1]
			}
		}
	}
	if first < 0 {
		return
	}
	for i := range out {
		c := &out[i]
		// an age already an alternative ("… or 1-9 years old with …")
		// stays one, conditional
		switch {
		case c.dropped || c.cond:
		case c.v == vAge && withAfterAge(p.text, c.span[1]):
			c.dropped = true
		case c.v != vAge && c.span[0] > first:
			c.cond, c.cause = true, causeSubgroup
		}
	}
}

// withAfterAge reports "with" right after an age's span, past its unit
// ("10-21 years old with", "aged 1-9 with").
func withAfterAge(text string, end int) bool {
	if end > len(text) {
		return false
	}
	rest := strings.TrimLeft(text[end:], " ")
	for _, w := range []string{"years ", "year ", "yrs ", "old ", "of age "} {
		rest = strings.TrimLeft(strings.TrimPrefix(rest, w), " ")
	}
	return strings.HasPrefix(rest, "with ")
}

// semicolonOr reports "; or" between two spans of the text, and no
// sentence's end: the next alternative of a list that says so.
func semicolonOr(text string, a, b [2]int) bool {
	if a[0] > b[0] {
		a, b = b, a
	}
	if a[1] > b[0] {
		return false
	}
	gap := text[a[1]:b[0]]
	return !strings.Contains(gap, ". ") && (strings.Contains(gap, "; or ") || strings.Contains(gap, "; OR "))
}

// disjoint reports two ranges no value lies in both of.
func disjoint(a, b *cand) bool {
	below := func(x, y *cand) bool { // all of x lies below all of y
		if !x.hasHi || !y.hasLo {
			return false
		}
		return x.hi < y.lo || x.hi == y.lo && !(x.hiInc && y.loInc)
	}
	return below(a, b) || below(b, a)
}

func near(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 0.02*math.Max(math.Abs(a), math.Abs(b))
}

// tighterHi reports whether a's upper bound is stricter than b's.
func tighterHi(a, b *cand) bool {
	return a.hi < b.hi || a.hi == b.hi && !a.hiInc && b.hiInc
}

func tighterLo(a, b *cand) bool {
	return a.lo > b.lo || a.lo == b.lo && !a.loInc && b.loInc
}

// promoted reports whether the variable of out[i] already has an
// unconditional requirement in the item (so 4.7 has nothing to do).
func (p *parser) promoted(i int) bool {
	for j := range p.out {
		if !p.out[j].dropped && p.out[j].v == p.out[i].v && p.out[j].unit == p.out[i].unit && !p.out[j].cond {
			return true
		}
	}
	return false
}

// subsetBefore reports "a subset of" just before a mention: "Child-Pugh
// class A or a subset of Child-Pugh class B" (SPEC 4.16).
func (p *parser) subsetBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if wordAt(p.toks, k, "subset", "subsets", "selected", "some", "certain", "partial") {
			return true
		}
	}
	return false
}

// drugSuffixes end the generic names of anticancer drugs: "cisplatin",
// "pembrolizumab", "sorafenib", "paclitaxel", "doxorubicin".
var drugSuffixes = []string{"platin", "mab", "nib", "taxel", "rubicin", "mide", "lisib", "parib", "ciclib", "mycin",
	"tecan", "abine", "citabine", "fosfamide", "mustine", "rafenib", "zomib", "limus", "stat", "cept", "tide",
	"vastatin", "lukast", "olimus", "trexate", "rabine", "gemcitabine", "cycline", "poside", "ixabepilone",
	"bulin", "sertib", "metinib", "denib", "stine"}

// looksLikeDrug reports a drug name at token j: "with cisplatin", "for
// patients receiving sorafenib".
func looksLikeDrug(toks []token, j int) bool {
	if j >= len(toks) || toks[j].kind != kWord || len(toks[j].text) < 6 {
		return false
	}
	w := toks[j].text
	for _, suf := range drugSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// inExample reports a token after "e.g." or "such as", up to the end of
// that clause: an illustration, not a requirement (SPEC 4.16).
func (p *parser) inExample(i int) bool { return p.example[i] }

func (p *parser) triggerStartsAt(i int) bool {
	for _, t := range p.trigs {
		if t.pos == i {
			return true
		}
	}
	return false
}

// cockcroftNear reports the Cockcroft-Gault formula named for bound bi's
// subject: from that subject up to the next subject or clause. "eGFR ≥ 30
// (MDRD) or creatinine clearance ≥ 30 (Cockcroft-Gault)" names it for the
// creatinine clearance only.
func (p *parser) cockcroftNear(bi int) bool {
	if p.cockcroftNote {
		return true
	}
	from := p.bounds[bi].start
	if o := p.owner[bi]; o >= 0 {
		from = p.groups[o].start
	}
	for k := from; k < len(p.toks); k++ {
		t := &p.toks[k]
		if k > p.bounds[bi].end && (t.kind == kSemi || t.kind == kPeriod || t.kind == kSep ||
			p.inGrp[k] >= 0 && p.inGrp[k] != p.owner[bi]) {
			return false
		}
		// (Jelliffe's formula, too, estimates a clearance: "estimated glomerular
		// filtration rate (Jelliffe) ≥ 60 ml/min")
		if wordAt(p.toks, k, "cockcroft", "cockroft", "cockcroftgault", "jelliffe") {
			return true
		}
	}
	return false
}

// contains reports whether a's range includes all of b's (a is looser).
func contains(a, b *cand) bool {
	info := vars[a.v]
	aLo, aHi := a.hasLo && !(info.scale && a.lo <= info.floor), a.hasHi && !(info.scale && a.hi >= info.ceil)
	bLo, bHi := b.hasLo && !(info.scale && b.lo <= info.floor), b.hasHi && !(info.scale && b.hi >= info.ceil)
	if aLo && (!bLo || tighterLo(a, b)) {
		return false
	}
	if aHi && (!bHi || tighterHi(a, b)) {
		return false
	}
	return true
}

func (p *parser) boundStartsAt(i int) bool { return p.startsBound[i] }

func atFloor(c *cand) bool { return vars[c.v].scale && c.hasLo && c.lo <= vars[c.v].floor }
func atCeil(c *cand) bool  { return vars[c.v].scale && c.hasHi && c.hi >= vars[c.v].ceil }

// childClassAt reports a Child-Pugh class letter at j, in capitals: "A",
// "B" (or "B7", the letter then its score).
func childClassAt(toks []token, j int) bool {
	if j >= len(toks) || toks[j].kind != kWord || !toks[j].upper || len(toks[j].text) != 1 {
		return false
	}
	switch toks[j].text {
	case "a", "b", "c":
		return true
	}
	return false
}

// permittedProvided reads "permitted provided (that)" or "allowed provided"
// at i, the word "provided": a thing allowed on a condition. Patients
// "eligible provided …" are everyone, and stay so.
func permittedProvided(toks []token, i int) (int, bool) {
	if !wordAt(toks, i, "provided") || !wordAt(toks, i-1, "permitted", "allowed") {
		return 0, false
	}
	if wordAt(toks, i+1, "that") {
		return i + 2, true
	}
	return i + 1, true
}
