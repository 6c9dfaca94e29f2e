package eligibility

// Every word of an item is looked up once, when it is tokenized: its entry
// says which word classes it belongs to (filler, subgroup noun, negator …),
// which lexicon aliases and comparison phrases start with it. The parser's
// many questions about a word are then bit tests, not map lookups.

type wordClass uint32

const (
	cFiller wordClass = 1 << iota
	cCont
	cGroup
	cSubgroupNoun
	cModifier
	cIfExempt
	cAnticoag
	cObjectEnd
	cGroupKind
	cScaleFiller
	cOtherStaging
	cAside
	cAgeShort
	cExcludeCue
	cAllowCue
	cNegator
	cNegBridge
	cAgeBlocker
	cAbbrev
	cTrigger    // may start a subgroup phrase: "if", "for", "unless", "patients" …
	cBoundStart // may start a bound besides a comparison phrase: "between", "from", "not"
	cPastCue    // a word every past event or change pastEvent reads holds one of
)

// triggerWords are the words triggerAt looks at.
var triggerWords = setOf("e", "eg", "example", "examples", "such", "instance", "if", "when", "whenever", "unless", "except",
	"excepting", "excluding", "with", "without", "receiving", "treated", "due", "secondary", "attributable", "attributed",
	"because", "caused", "related", "gilbert", "gilberts", "where", "part", "parts", "cohort", "cohorts", "arm",
	"arms", "group", "groups", "module", "substudy", "stratum", "strata", "in", "for", "among", "patients", "subjects", "participants",
	"those", "pts", "men", "women", "males", "females", "male", "female", "japan", "korea", "taiwan", "china", "singapore",
	"preferred", "discretion")

type wordEntry struct {
	text string // the word, lower case
	cls  wordClass
	lex  *trieNode // the lexicon's aliases that start with the word
	comp []phrase  // comparison phrases that start with it
	post []phrase  // postfix comparisons ("or more") that start with it
	num  int       // the number a spelled-out number word stands for
}

// numberWords are the numbers registry text spells out. "one" is left a
// word: "one of the following", "at least one lesion".
var numberWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "sixteen": 16, "eighteen": 18, "twenty": 20,
	// "less than twice the upper limit of normal": two times
	"twice": 2, "thrice": 3}

// words holds an entry for every word some table knows; others have none.
var words map[string]*wordEntry

func buildWords() map[string]*wordEntry {
	m := map[string]*wordEntry{}
	get := func(w string) *wordEntry {
		e := m[w]
		if e == nil {
			e = &wordEntry{text: w}
			m[w] = e
		}
		return e
	}
	for _, s := range []struct {
		set map[string]bool
		c   wordClass
	}{
		{fillerWords, cFiller}, {contWords, cCont}, {groupWords, cGroup}, {subgroupNouns, cSubgroupNoun},
		{modifierNouns, cModifier}, {ifExempt, cIfExempt}, {anticoagWords, cAnticoag}, {objectEnd, cObjectEnd},
		{scaleFillers, cScaleFiller}, {otherStaging, cOtherStaging}, {asideWords, cAside},
		{ageShortWords, cAgeShort}, {excludeCue, cExcludeCue}, {allowCue, cAllowCue}, {negators, cNegator},
		{negationBridge, cNegBridge}, {ageBlockers, cAgeBlocker}, {abbreviations, cAbbrev}, {triggerWords, cTrigger},
		{setOf("between", "from", "not", "no", "never"), cBoundStart}, {pastCues, cPastCue},
	} {
		for w := range s.set {
			get(w).cls |= s.c
		}
	}
	for w := range groupKinds {
		get(w).cls |= cGroupKind
	}
	for w, n := range numberWords {
		get(w).num = n
	}
	for w, n := range lexicon.next {
		get(w).lex = n
	}
	for w, ps := range compPhrases {
		get(w).comp = ps
	}
	for w, ps := range postfixPhrases {
		get(w).post = ps
	}
	return m
}

// mayStartBound is boundAt's cheap test: a bound starts at a number, a
// sign, or a word that opens a comparison ("at least", "between").
func mayStartBound(t *token) bool {
	switch t.kind {
	case kNum, kOp:
		return true
	case kWord:
		return t.w != nil && (t.w.comp != nil || t.w.cls&cBoundStart != 0)
	}
	return false
}

// is reports whether token t is a word of class c.
func (t *token) is(c wordClass) bool { return t.w != nil && t.w.cls&c != 0 }
