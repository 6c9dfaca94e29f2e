package eligibility

import "strings"

// The lexicon names every way registry text refers to a variable, and —
// just as important — the neighbouring things that are not one (direct
// bilirubin, ALP, PT, CD4 lymphocytes, HBV DNA, the urine
// protein/creatinine ratio …): a threshold bound to one of those is dropped
// instead of being pinned on the variable mentioned before it.

type mentionKind uint8

const (
	mkVar     mentionKind = iota + 1
	mkOther               // a quantity outside SPEC.md §2
	mkGeneric             // "performance status", "PS": ECOG unless a scale is named beside it
)

type alias struct {
	kind mentionKind
	vars varMask
	// caps: the first word only counts when written in capitals ("GOT",
	// "EF"); a lower-case "got" is a verb.
	caps bool
	// needUnit: the mention only counts with an explicit unit
	// ("EGFR" in capitals is usually the receptor, not the filtration rate).
	needUnit bool
}

type trieNode struct {
	next     map[string]*trieNode
	term     *alias
	varBelow bool // an alias at or below names a variable
}

var lexicon = &trieNode{}

func addAliases(a alias, phrases ...string) {
	for _, p := range phrases {
		n := lexicon
		for _, w := range strings.Fields(p) {
			if n.next == nil {
				n.next = map[string]*trieNode{}
			}
			c := n.next[w]
			if c == nil {
				c = &trieNode{}
				n.next[w] = c
			}
			n = c
		}
		cp := a
		n.term = &cp
	}
}

func init() {
	v := func(vs ...varID) alias { return alias{kind: mkVar, vars: maskOf(vs...)} }
	addAliases(v(vECOG), "ecog", "ecog ps", "eastern cooperative oncology group", "zubrod",
		"who performance status", "who ps", "who performance", "who performance score",
		"world health organization performance status", "world health organisation performance status",
		"who / ecog", "ecog / who", "ecog / zubrod", "zubrod / ecog", "who / ecog performance status",
		"ecog / who performance status",
		// "WHO Performance Index 3 or 4" (DEV41 NCT00575406)
		"who performance index")
	// the cooperative groups' own names for the ECOG scale (GOG, SWOG, CALGB
	// use the same 0–4 grades), written in capitals; "WHO" alone only
	// before its value (findGroups)
	addAliases(alias{kind: mkVar, vars: maskOf(vECOG), caps: true}, "gog", "swog", "calgb", "who", "gog ps",
		"swog ps", "calgb ps", "gog performance status", "swog performance status", "calgb performance status",
		// the NCI Common Toxicity Criteria's performance status is the ECOG scale
		"ctc", "ctc performance status", "ctc ps", "nci ctc performance status",
		"gog performance", "swog performance", "gog performance score", "zubrod ps",
		// the French records' WHO: "Organisation Mondiale de la Santé"
		"oms", "oms ps", "oms performance status")
	addAliases(v(vECOG), "gynecologic oncology group performance status", "gynecologic oncology group",
		"gynecological oncology group", "southwest oncology group", "southwest oncology group performance status",
		"cancer and leukemia group b", "zubrod performance status", "zubrod performance", "zubrod scale",
		"zubrod score", "ecog zubrod",
		// a misspelling records keep
		"easter cooperative oncology group")
	addAliases(alias{kind: mkGeneric, vars: maskOf(vECOG)}, "performance status", "performance score",
		"ps", "performance status score", "performance state", "performance index",
		// the misspellings records keep
		"perfomance status", "performace status", "preformance status", "performance satus")
	addAliases(v(vKarnofsky), "karnofsky", "kps", "karnofsky performance", "karnofsky performance status",
		"karnofsky performance scale", "karnofsky performance score", "karnofsky index", "karnofsky scale",
		"karnofsky performance index",
		"karnofsky score", "karnofsky status", "karnofski")
	addAliases(v(vLansky), "lansky", "lansky play", "lansky play performance", "lansky performance",
		"lansky play scale", "lansky play performance scale", "lansky score", "lansky performance status",
		"lansky play performance status", "lansky play performance score",
		// "Karnofsky or Modified Lansky Score ≥ 50%"
		"modified lansky", "modified lansky score", "modified lansky play performance", "modified lansky play performance score")
	// "Child A or B7 cirrhosis" (DEV43 NCT01334112): the name alone, in
	// capitals, right before a class letter only (findGroups)
	addAliases(v(vChildPugh), "child")
	addAliases(v(vChildPugh), "child pugh", "childpugh", "child pugh turcotte", "child turcotte pugh", "ctp",
		"child pugh score", "child pugh class", "child pugh classification", "child pugh grade",
		"child pugh turcotte score", "child turcotte pugh score", "child turcotte", "child score", "child class",
		"child classification", "child grade", "child grading", "child turcotte score", "child turcotte class",
		// the old records' "No Child's class B or C liver failure"
		"child s class", "child s classification", "childs class",
		// "Child's Pugh classification A or B"
		"child s pugh", "childs pugh", "child s pugh classification", "child s pugh class", "child s pugh score")
	addAliases(v(vBCLC), "bclc", "barcelona clinic liver cancer", "barcelona clinic", "barcelona",
		"barcelona clinic liver cancer staging", "bclc staging")
	addAliases(v(vPlatelets), "platelet", "platelets", "plaquettes", "platelet count", "platelet counts", "plt", "plts",
		"thrombocyte", "thrombocytes", "thrombocyte count", "blood platelets", "platelet level", "platelet levels",
		"blood platelet count", "plt count",
		// misspellings records keep: "platlet more than 100,000/mm3" (DEV43 NCT00514163)
		"platlet", "platlets", "platlet count", "plateletes")
	addAliases(v(vANC), "anc", "absolute neutrophil count", "absolute neutrophil counts", "absolute neutrophils",
		"absolute neutrophil", "neutrophil count", "neutrophils", "neutrophil", "neutrophil granulocytes",
		"neutrophilic granulocytes", "absolute neutrophile count", "neutrophile", "neutrophiles",
		"neutrophil counts", "absolute neutrophil granulocyte count", "neutrophils count", "anc count",
		"absolute neutrophile", "neutrophile count", "polynucleaires neutrophiles", "polynucléaires neutrophiles")
	// "PNN ≥ 1,5 G/L": the French records' neutrophils (polynucléaires neutrophiles)
	addAliases(alias{kind: mkVar, vars: maskOf(vANC), caps: true}, "pnn")
	addAliases(v(vWBC), "wbc", "white blood cell", "white blood cells", "white blood cell count",
		"white blood count", "white cell count", "white cells", "leukocyte", "leukocytes", "leukocyte count",
		"leucocyte", "leucocytes", "leucocyte count", "total white blood cell", "total white blood cell count",
		"total leukocyte count", "wbc count", "total wbc", "white blood cell counts", "leukocyte counts",
		"white blood cells count", "total white cell count")
	addAliases(v(vLymphocytes), "lymphocyte", "lymphocytes", "lymphocyte count", "lymphocyte counts",
		"absolute lymphocyte count", "absolute lymphocytes", "alc", "lymphocytes count", "absolute lymphocyte")
	addAliases(v(vHemoglobin), "hemoglobin", "haemoglobin", "hgb", "hb", "hemoglobin level", "haemoglobin level",
		"hemoglobine", "hemoglobin concentration", "haemoglobin concentration", "serum hemoglobin",
		"hemoglobin levels", "blood hemoglobin", "hémoglobine")
	addAliases(v(vBilirubin), "bilirubin", "total bilirubin", "serum bilirubin", "total serum bilirubin",
		"serum total bilirubin", "tbil", "t bil", "tbili", "total bili", "bilirubin total", "bilirubine",
		"total bilirubin level", "bilirubin level", "serum bilirubin level", "bilirubin levels", "t bili",
		"total bilirubine", "bilirubine totale")
	addAliases(v(vAST), "ast", "sgot", "asat", "aspartate aminotransferase", "aspartate aminotransferases",
		"aspartate transaminase", "aspartate amino transferase", "serum glutamic oxaloacetic transaminase",
		"serum glutamic oxalacetic transaminase", "serum glutamate oxaloacetate transaminase",
		"glutamic oxaloacetic transaminase", "serum glutamic oxaloacetic", "aspartate transferase",
		"serum aspartate aminotransferase", "aspartate aminotransaminase", "aspartat aminotransferase",
		"aspartat transaminase")
	addAliases(v(vALT), "alt", "sgpt", "alat", "alanine aminotransferase", "alanine aminotransferases",
		"ananine aminotransferase", // a misspelling records keep (DEV43 NCT00813423)

		"alanine transaminase", "alanine amino transferase", "serum glutamic pyruvic transaminase",
		"serum glutamate pyruvate transaminase", "glutamic pyruvic transaminase", "serum glutamic pyruvate transaminase",
		"alanine transferase", "serum alanine aminotransferase", "alanine aminotransaminase", "amino alanine transferase",
		// the German spellings ("alanin aminotransferase (ALT)")
		"alanin aminotransferase", "alanin transaminase")
	addAliases(alias{kind: mkVar, vars: maskOf(vAST), caps: true}, "got")
	addAliases(alias{kind: mkVar, vars: maskOf(vALT), caps: true}, "gpt")
	// "NEU ≥ 1.5×10^9/L" in Chinese records' blood routine (not HER2/neu: findGroups)
	addAliases(alias{kind: mkVar, vars: maskOf(vANC), caps: true, needUnit: true}, "neu")
	// "ASL and AST ≤ 5 × ULN": a transposed ALT, the only transaminase it can be
	addAliases(alias{kind: mkVar, vars: maskOf(vALT), caps: true}, "asl")
	// "ALT,AST,TB≤1.5(UNL)": total bilirubin in Chinese records ("TB" is
	// also tuberculosis: only with a unit of bilirubin)
	addAliases(alias{kind: mkVar, vars: maskOf(vBilirubin), caps: true, needUnit: true}, "tb")
	// "Total bilirubin (TBL) ≤ 2.5 mg/dL" … "TBL < 2.5 mg/dL", "BIL<= 2.0 x
	// ULN": capitals, with a unit of bilirubin
	addAliases(alias{kind: mkVar, vars: maskOf(vBilirubin), caps: true, needUnit: true}, "tbl", "bil")
	// "Hg > 8 g/dL": only with a unit; "mm Hg" is a pressure (findGroups)
	addAliases(alias{kind: mkVar, vars: maskOf(vHemoglobin), needUnit: true}, "hg")
	addAliases(v(vAST, vALT), "transaminases", "transaminase", "aminotransferases", "aminotransferase",
		"liver transaminases", "serum transaminases", "hepatic transaminases", "transaminase levels",
		"serum aminotransferases", "transaminase level", "liver aminotransferases", "serum transaminase",
		"ast / alt", "alt / ast", "sgot / sgpt", "sgpt / sgot", "asat / alat", "alat / asat",
		// the two names sharing their noun: "Alanine and aspartate aminotransferase ≤ 2.5 × ULN"
		"alanine and aspartate aminotransferase", "alanine and aspartate aminotransferases",
		"alanine and aspartate transaminase", "alanine and aspartate transaminases",
		"alanine and / or aspartate aminotransferase", "alanine and / or aspartate aminotransferases",
		"alanine and / or aspartate transaminase", "alanine and / or aspartate transaminases",
		"alanine or aspartate aminotransferase", "alanine or aspartate aminotransferases",
		"alanine or aspartate transaminase", "alanine or aspartate transaminases",
		"aspartate and alanine aminotransferase", "aspartate and alanine aminotransferases",
		"aspartate and alanine transaminase", "aspartate and alanine transaminases",
		"aspartate and / or alanine aminotransferase", "aspartate and / or alanine aminotransferases",
		"aspartate and / or alanine transaminase", "aspartate and / or alanine transaminases",
		"aspartate or alanine aminotransferase", "aspartate or alanine aminotransferases",
		"aspartate or alanine transaminase", "aspartate or alanine transaminases")
	addAliases(v(vAlbumin), "albumin", "serum albumin", "alb", "albumine", "albuminemia", "albumin level",
		"serum albumin level", "plasma albumin")
	addAliases(v(vINR), "inr", "international normalized ratio", "international normalised ratio",
		"international normalization ratio", "international normalisation ratio", "pt inr", "pt / inr",
		"prothrombin time inr", "prothrombin time in inr", "prothrombin time international normalized ratio",
		"prothrombin time international normalised ratio", "prothrombin international normalized ratio",
		"prothrombin inr", "inr value", "inr ratio", "pt international normalized ratio")
	addAliases(v(vCreatinine), "creatinine", "serum creatinine", "créatinine", "créatininémie", "plasma creatinine", "creatinine level",
		"creatinine levels", "blood creatinine", "scr", "serum cr", "creatinemia", "serum creatinine level",
		"serum creatinine levels", "creatinine value", "serum creatinine value", "creatinin", "serum creatinin",
		// "Cr ≤ 1.5 × ULN" (Chinese records); a creatinine bound needs a unit, so
		// "CR" as a complete response never yields one
		"cr", "serum cr level",
		// "serum creatine < 1.5×upper limitation of normal (ULN)": creatinine
		// mistyped (the Chinese records' blood chemistry); creatine alone is
		// no eligibility lab, and its kinase stays outside the list below
		"serum creatine", "serum creatine level")
	// "Adequate Renal Function (Serum CRE </= 1.5 mg/dL)": in capitals, and
	// only with a unit ("Cre" recombinase is no lab)
	addAliases(alias{kind: mkVar, vars: maskOf(vCreatinine), caps: true, needUnit: true}, "cre")
	addAliases(v(vCreatinine), "serum cre")
	addAliases(v(vCrCl), "creatinine clearance", "crcl", "clcr", "ccr", "cr clearance", "creatinine clearance rate",
		"creatinine clearances", "calculated creatinine clearance", "measured creatinine clearance",
		"estimated creatinine clearance", "cockcroft gault creatinine clearance", "clearance of creatinine",
		"creatinine cl", "cr cl", "crcl value", "calculated crcl", "measured crcl", "estimated crcl",
		"cr clearance rate", "creatinine clearance value", "creatinin clearance", "calculated creatinine clearances",
		"urinary creatinine clearance", "urine creatinine clearance", "24 hour urinary creatinine clearance",
		"24 hour urine creatinine clearance", "24 h urine creatinine clearance",
		"serum creatinine clearance", "plasma creatinine clearance", "serum creatinine clearance rate",
		// the French records' "clairance de la créatinine"
		"clairance de la créatinine", "clairance de la creatinine", "clairance de créatinine", "clairance de creatinine")
	addAliases(v(vEGFR), "e gfr", "gfr", "glomerular filtration rate", "estimated glomerular filtration rate",
		"estimated gfr", "glomerular filtration", "filtration rate", "egfr value", "glomerular filtration rates",
		"glomerular filteration rate", "calculated gfr", "measured gfr")
	// "eGFR" is the filtration rate; "EGFR" in capitals usually the receptor
	// (matchMention then asks for a unit)
	addAliases(v(vEGFR), "egfr")
	addAliases(v(vLifeExpectancy), "life expectancy", "life expectation", "expected survival", "estimated survival",
		"predicted survival", "anticipated survival", "survival expectancy", "expected life span",
		"expected lifespan", "life span", "estimated life expectancy", "predicted life expectancy",
		"expected life expectancy", "anticipated life expectancy", "expected to survive", "expected to live",
		"survival prognosis", "prognosis", "expected survival time", "estimated survival time",
		"expected survival period", "survival time", "estimated survival period", "projected life expectancy",
		"likely to survive", "prognosis of survival", "expected to survive for", "expectation of life",
		"espérance de vie", "esperance de vie", "lifespan", "expected lifetime", "estimated lifetime",
		"survival times", "estimated survival times", "expected survival times",
		// "estimated survival duration more than 3 months"
		"estimated survival duration", "expected survival duration", "predicted survival duration",
		"anticipated survival duration", "expected duration of survival", "estimated duration of survival",
		"expected life time", "estimated life time", "survival expectation", "projected survival",
		"expected overall survival", "estimated overall survival",
		// "anticipate overall survival more than 3 months", "The expected
		// survival after surgery ≥ 3 months"
		"anticipated overall survival", "anticipate overall survival", "anticipate survival",
		"expectancy of life", "estimated expectancy of life", "expected expectancy of life",
		"expected survival after surgery", "life expectancy after surgery", "expected survival after resection")
	addAliases(v(vLVEF), "lvef", "left ventricular ejection fraction", "ejection fraction", "lv ejection fraction",
		"lv ef", "left ventricle ejection fraction", "left ventricular ef", "cardiac ejection fraction",
		"lvef value", "left ventricular function ejection fraction", "left ventricular ejection fractions",
		"ejection fractions")
	addAliases(alias{kind: mkVar, vars: maskOf(vLVEF), caps: true}, "ef")
	addAliases(v(vQTc), "qtc", "qtcf", "qtcb", "qtc interval", "qtcf interval", "qtcb interval", "corrected qt",
		"corrected qt interval", "qt corrected", "qt interval corrected", "qtc f", "qt c", "qtc fridericia", "qtc fredericia",
		"rate corrected qt interval", "corrected qtc", "qtc value", "qtcf value", "qt c interval",
		"qt interval corrected for heart rate", "heart rate corrected qt interval", "qtcf intervals", "qtc intervals")
	addAliases(v(vAge), "age", "aged", "ages", "âge")

	o := alias{kind: mkOther}
	addAliases(o,
		// liver, coagulation, chemistry outside the list
		"alkaline phosphatase", "alp", "ap", "alk phos", "ggt", "gamma gt", "gamma glutamyl transferase",
		// may include the ALP and GGT (the labellers skip them): no bound of
		// the transaminases, nor of the bilirubin named before
		"liver enzymes", "hepatic enzymes",
		"gamma glutamyltransferase", "gamma glutamyl transpeptidase", "ggtp",
		"direct bilirubin", "dbil", "ibil", "conjugated bilirubin", "indirect bilirubin", "unconjugated bilirubin",
		"bilirubin direct", "direct serum bilirubin", "serum direct bilirubin", "direct total bilirubin",
		"pt", "prothrombin time", "prothrombin", "aptt", "ptt", "partial thromboplastin time",
		"activated partial thromboplastin time", "thromboplastin time", "fibrinogen", "thrombin time",
		"therapeutic inr", "target inr", "inr target", "therapeutic range",
		"calcium", "corrected calcium", "ionized calcium", "magnesium", "potassium", "sodium", "phosphorus",
		"phosphate", "glucose", "hba 1 c", "hemoglobin a 1 c", "haemoglobin a 1 c", "glycated hemoglobin",
		"glycosylated hemoglobin", "glycated haemoglobin", "hemoglobin a", "fetal hemoglobin", "hbf",
		"ldh", "lactate dehydrogenase", "lipase", "amylase", "uric acid", "urea", "bun", "blood urea nitrogen",
		"troponin", "bnp", "nt probnp", "nt pro bnp", "tsh", "free t 4", "ft 4", "cortisol", "testosterone",
		"estradiol", "fsh", "lh", "ca 125", "ca 19", "cea", "afp", "alpha fetoprotein", "psa",
		"prostate specific antigen", "ferritin", "transferrin", "iron", "vitamin", "folate", "ammonia",
		"cholesterol", "triglycerides", "triglyceride", "ldl", "hdl", "d dimer", "crp", "c reactive protein",
		"procalcitonin", "esr", "hematocrit", "haematocrit", "hct", "mcv", "reticulocyte", "reticulocytes",
		"creatinine phosphokinase", "creatine phosphokinase", "creatine kinase", "cpk", "ck", "creatine",
		"serum creatine kinase", "serum creatine phosphokinase",
		// ratios that contain a variable's name
		"protein creatinine ratio", "protein to creatinine ratio", "albumin creatinine ratio",
		"albumin to creatinine ratio", "creatinine ratio", "upcr", "uacr", "urine protein", "urinary protein",
		"urine albumin", "urinary albumin", "urine creatinine", "urinary creatinine", "microalbumin",
		"albuminuria", "proteinuria", "protein", "neutrophil lymphocyte ratio", "neutrophil to lymphocyte ratio",
		"platelet lymphocyte ratio", "platelet to lymphocyte ratio", "nlr", "plr", "lymphocyte monocyte ratio",
		"albumin bound", "albumin bilirubin", "albi", "albi grade", "albi score", "meld", "meld score",
		// other cells and counts
		"granulocytes", "granulocyte", "granulocyte count", "absolute granulocyte count", "agc",
		"granulocyte counts", "polymorphonuclear leukocytes", "polymorphonuclear leukocyte",
		"polymorphonuclear leukocyte count", "polymorphonuclear cells", "polymorphonuclear cell count", "pmn", "pmns",
		"absolute phagocyte count", "phagocytes", "cd 4", "cd 4 count", "cd 34", "cd 19", "cd 20", "cd 3", "cd 8", "cd 38",
		"tumor infiltrating lymphocytes", "tumour infiltrating lymphocytes", "til", "tils", "t lymphocytes",
		"b lymphocytes", "b lymphocyte", "b lymphocyte count", "t lymphocyte", "monoclonal lymphocytes",
		"monoclonal lymphocyte", "monoclonal b lymphocytes", "monoclonal b lymphocyte", "clonal lymphocytes",
		"clonal b lymphocytes", "eosinophils", "eosinophil", "basophils", "monocytes", "monocyte", "blasts", "blast",
		"blast cells", "plasma cells", "m protein", "serum m protein", "igg", "iga", "igm", "ige",
		"free light chain", "flc", "platelet transfusion", "platelet transfusions",
		// viruses and markers
		"hbv dna", "hcv rna", "hiv rna", "dna", "rna", "viral load", "hbsag", "hbeag", "hbv", "hcv", "hiv",
		"pd l 1", "tps", "cps", "combined positive score", "tumor proportion score", "her 2", "ki 67",
		"gleason", "gleason score", "mrd",
		// vital signs, cardiac and lung function, body size
		"blood pressure", "bp", "sbp", "dbp", "systolic", "diastolic", "heart rate", "hr", "pulse", "spo 2",
		"oxygen saturation", "o 2 saturation", "sao 2", "fev 1", "fev", "fvc", "dlco", "weight", "body weight",
		"bmi", "body mass index", "bsa", "nyha", "pr interval", "qrs", "qt", "qt interval", "qrs duration",
		"lvedd", "shortening fraction", "fractional shortening", "left ventricular shortening fraction",
		"left ventricular fractional shortening", "heart rate corrected", "icg", "icg r 15", "indocyanine green", "future liver remnant", "flr",
		// staging systems and scores that are not BCLC or Child-Pugh
		"cnlc", "china liver cancer", "chinese liver cancer", "ajcc", "tnm", "okuda", "hklc", "jis", "clip",
		"figo", "ann arbor", "iss", "r iss", "ctcae", "recist", "mrecist", "mmse", "moca", "charlson", "sofa",
		"apache", "glasgow", "gcs", "hads", "vas", "nrs", "g 8", "ecog acrin",
		// ages that are not the patient's
		"age adjusted", "age related", "age appropriate", "age specific", "age matched", "childbearing age",
		"child bearing age", "reproductive age", "gestational age", "bone age", "menopausal age", "age of onset",
		"age at onset", "age at diagnosis", "age at menopause", "age groups", "age group",
	)
	firstWords = buildFirstWords()
	words = buildWords()
	wordTable = newLexiconTable(words)
	scanWords = buildScanWords()
	scanTable = buildScanTable()
}

// mention is a run of tokens naming a variable, several variables
// ("AST/ALT", "AST and ALT"), or something outside the list.
type mention struct {
	start, end int // token range
	kind       mentionKind
	vars       varMask
	needUnit   bool
}

// abbrevDot reports a full stop glued to the word before j and a comparison
// right after it: "Neu. >= 1,500/cubicmillimeter" abbreviates the word, as
// the capitals of "NEU" do.
func abbrevDot(toks []token, j int) bool {
	if j+1 >= len(toks) || !toks[j].glued || toks[j].kind != kPeriod && toks[j].kind != kOther {
		return false
	}
	_, _, ok := comparator(toks, j+1)
	return ok
}

// matchMention finds the longest alias starting at token i.
func matchMention(toks []token, i int) (mention, bool) {
	t := &toks[i]
	if t.kind != kWord && t.kind != kNum {
		return mention{}, false
	}
	if t.w == nil || t.w.lex == nil {
		return mention{}, false
	}
	n := t.w.lex
	var best mention
	found := false
	j := i + 1
	for {
		if n.term != nil && (!n.term.caps || toks[i].caps || j == i+1 && toks[i].upper && abbrevDot(toks, j)) {
			best = mention{start: i, end: j, kind: n.term.kind, vars: n.term.vars, needUnit: n.term.needUnit}
			found = true
		}
		if n.next == nil || j >= len(toks) {
			break
		}
		k := j
		// words of an alias may be joined by hyphens ("Child-Pugh",
		// "PT-INR") or an apostrophe ("Child's")
		for k < len(toks) && (toks[k].kind == kDash || toks[k].kind == kApos) && k-j < 2 {
			k++
		}
		if k >= len(toks) {
			break
		}
		key := toks[k].text
		switch toks[k].kind {
		case kSlash:
			key = "/"
		case kWord, kNum:
		default:
			key = ""
		}
		if key == "" {
			break
		}
		c := n.next[key]
		if c == nil {
			break
		}
		n = c
		j = k + 1
	}
	if found && best.kind == mkVar && best.vars == maskOf(vEGFR) && toks[i].caps && toks[i].text == "egfr" {
		best.needUnit = true
	}
	return best, found
}
