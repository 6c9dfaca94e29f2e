package model

import (
	"regexp"
	"slices"
	"strings"

	"github.com/trials-app/trials/internal/memo"
)

// The enumerations below use the ClinicalTrials.gov API v2 vocabulary. Each
// has a Parse function that accepts every spelling the source layouts use —
// "Not yet recruiting", "NOT_YET_RECRUITING", "Group Type ACTIVE_COMPARATOR",
// "Experimental:", "Parallel Assignment", "None (Open Label)" — and returns
// ok=false for text it does not recognise rather than guessing.

// Status is a study's overall recruitment status.
type Status string

// Recruitment statuses, including the expanded-access ones.
const (
	StatusRecruiting              Status = "RECRUITING"
	StatusNotYetRecruiting        Status = "NOT_YET_RECRUITING"
	StatusActiveNotRecruiting     Status = "ACTIVE_NOT_RECRUITING"
	StatusEnrollingByInvitation   Status = "ENROLLING_BY_INVITATION"
	StatusCompleted               Status = "COMPLETED"
	StatusSuspended               Status = "SUSPENDED"
	StatusTerminated              Status = "TERMINATED"
	StatusWithdrawn               Status = "WITHDRAWN"
	StatusUnknown                 Status = "UNKNOWN"
	StatusAvailable               Status = "AVAILABLE"
	StatusNoLongerAvailable       Status = "NO_LONGER_AVAILABLE"
	StatusTemporarilyNotAvailable Status = "TEMPORARILY_NOT_AVAILABLE"
	StatusApprovedForMarketing    Status = "APPROVED_FOR_MARKETING"
	StatusWithheld                Status = "WITHHELD"
)

var statuses = enumSet[Status]{
	values: []Status{StatusRecruiting, StatusNotYetRecruiting, StatusActiveNotRecruiting,
		StatusEnrollingByInvitation, StatusCompleted, StatusSuspended, StatusTerminated,
		StatusWithdrawn, StatusUnknown, StatusAvailable, StatusNoLongerAvailable,
		StatusTemporarilyNotAvailable, StatusApprovedForMarketing, StatusWithheld},
	aliases: map[string]Status{
		"UNKNOWN_STATUS":          StatusUnknown,
		"ACTIVE_NOT_ENROLLING":    StatusActiveNotRecruiting,
		"ENROLLING_BY_INVITE":     StatusEnrollingByInvitation,
		"TEMPORARILY_UNAVAILABLE": StatusTemporarilyNotAvailable,
	},
}

// ParseStatus normalises a recruitment status.
func ParseStatus(s string) (Status, bool) { return statuses.parse(s) }

// Label is the status as people write it: "Not yet recruiting".
func (s Status) Label() string { return sentenceCase(string(s)) }

// Phase is a trial phase.
type Phase string

// Trial phases; NA is "Not Applicable" (studies without phases, such as device trials).
const (
	PhaseEarly1 Phase = "EARLY_PHASE1"
	Phase1      Phase = "PHASE1"
	Phase2      Phase = "PHASE2"
	Phase3      Phase = "PHASE3"
	Phase4      Phase = "PHASE4"
	PhaseNA     Phase = "NA"
)

var (
	phaseNA    = regexp.MustCompile(`^(NOT[\s_-]*APPLICABLE|N/?A|NONE)$`)
	phaseEarly = regexp.MustCompile(`EARLY[\s_-]*PHASE[\s_-]*(1|I)\b|PHASE[\s_-]*0\b`)
	// "PHASE 2/3", "PHASE2/PHASE3", "PHASE II", "PHASE 1|2"
	phaseNum  = regexp.MustCompile(`PHASE[\s_-]*(IV|I{1,3}|[1-4])((?:\s*[/|,&]\s*(?:PHASE[\s_-]*)?(?:IV|I{1,3}|[1-4])\b)*)`)
	phaseTail = regexp.MustCompile(`IV|I{1,3}|[1-4]`)
)

// ParsePhases normalises a phase statement into its phases: "PHASE2/PHASE3"
// and "Phase 2/Phase 3" give two entries, "Not Applicable" gives NA.
func ParsePhases(s string) ([]Phase, bool) {
	// The registry writes a few spellings ("PHASE2") on every record: each
	// is read once; the caller gets a list of its own.
	p := phaseMemo.Get(s, func(s string) (parsedPhases, bool) {
		ps, ok := parsePhases(s)
		return parsedPhases{ps, ok}, true
	})
	return slices.Clone(p.phases), p.ok
}

type parsedPhases struct {
	phases []Phase // nil when !ok
	ok     bool
}

var phaseMemo = memo.Strings[parsedPhases]{MaxLen: 48, Max: 1 << 8}

// parsePhases is ParsePhases, not remembered.
func parsePhases(s string) ([]Phase, bool) {
	u := strings.ToUpper(strings.TrimSpace(s))
	if u == "" {
		return nil, false
	}
	if phaseNA.MatchString(u) {
		return []Phase{PhaseNA}, true
	}
	var out []Phase
	add := func(p Phase) {
		for _, q := range out {
			if q == p {
				return
			}
		}
		out = append(out, p)
	}
	if phaseEarly.MatchString(u) {
		add(PhaseEarly1)
		u = phaseEarly.ReplaceAllString(u, " ")
	}
	for _, m := range phaseNum.FindAllStringSubmatch(u, -1) {
		add(phaseFromNumeral(m[1]))
		for _, n := range phaseTail.FindAllString(m[2], -1) {
			add(phaseFromNumeral(n))
		}
	}
	if len(out) == 0 {
		return nil, false
	}
	sortPhases(out)
	return out, true
}

func phaseFromNumeral(n string) Phase {
	switch n {
	case "1", "I":
		return Phase1
	case "2", "II":
		return Phase2
	case "3", "III":
		return Phase3
	default:
		return Phase4
	}
}

var phaseOrder = map[Phase]int{PhaseEarly1: 0, Phase1: 1, Phase2: 2, Phase3: 3, Phase4: 4, PhaseNA: 5}

func sortPhases(ps []Phase) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && phaseOrder[ps[j]] < phaseOrder[ps[j-1]]; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// PhaseLabel is a compact label for a list of phases: "Phase 2/3", "Early 1", "N/A".
func PhaseLabel(ps []Phase) string {
	if len(ps) == 0 {
		return ""
	}
	var nums []string
	early := false
	for _, p := range ps {
		switch p {
		case PhaseNA:
			return "N/A"
		case PhaseEarly1:
			early = true
		default:
			nums = append(nums, strings.TrimPrefix(string(p), "PHASE"))
		}
	}
	switch {
	case early && len(nums) == 0:
		return "Early 1"
	case early:
		return "Early 1/" + strings.Join(nums, "/")
	default:
		return "Phase " + strings.Join(nums, "/")
	}
}

// StudyType is the kind of study.
type StudyType string

// Study types.
const (
	StudyInterventional StudyType = "INTERVENTIONAL"
	StudyObservational  StudyType = "OBSERVATIONAL"
	StudyExpandedAccess StudyType = "EXPANDED_ACCESS"
)

var studyTypes = enumSet[StudyType]{
	values: []StudyType{StudyInterventional, StudyObservational, StudyExpandedAccess},
	prefix: true, // "Observational [Patient Registry]"
}

// ParseStudyType normalises a study type.
func ParseStudyType(s string) (StudyType, bool) { return studyTypes.parse(s) }

// DateType says whether a date (or an enrollment count) is actual or anticipated.
type DateType string

// Date types. Pages say "Anticipated"; the registry says ESTIMATED.
const (
	DateActual    DateType = "ACTUAL"
	DateEstimated DateType = "ESTIMATED"
)

var dateTypes = enumSet[DateType]{
	values:  []DateType{DateActual, DateEstimated},
	aliases: map[string]DateType{"ANTICIPATED": DateEstimated, "EXPECTED": DateEstimated},
}

// ParseDateType normalises "Actual", "Anticipated", "ESTIMATED".
func ParseDateType(s string) (DateType, bool) { return dateTypes.parse(s) }

// SponsorClass is the registry's classification of a sponsor.
type SponsorClass string

// Sponsor classes.
const (
	ClassIndustry SponsorClass = "INDUSTRY"
	ClassNIH      SponsorClass = "NIH"
	ClassFed      SponsorClass = "FED"
	ClassOtherGov SponsorClass = "OTHER_GOV"
	ClassIndiv    SponsorClass = "INDIV"
	ClassNetwork  SponsorClass = "NETWORK"
	ClassAmbig    SponsorClass = "AMBIG"
	ClassOther    SponsorClass = "OTHER"
	ClassUnknown  SponsorClass = "UNKNOWN"
)

var sponsorClasses = enumSet[SponsorClass]{
	values: []SponsorClass{ClassIndustry, ClassNIH, ClassFed, ClassOtherGov, ClassIndiv,
		ClassNetwork, ClassAmbig, ClassOther, ClassUnknown},
	aliases: map[string]SponsorClass{
		"U_S_FED": ClassFed, "US_FED": ClassFed, "FEDERAL": ClassFed,
		// The classic site's words for its sponsor classes.
		"OTHER_U_S_FEDERAL_AGENCY": ClassFed, "U_S_FEDERAL_AGENCY": ClassFed,
		"OTHER_GOVERNMENT": ClassOtherGov, "INDIVIDUAL": ClassIndiv,
		"ALL_OTHERS_INDIVIDUALS_UNIVERSITIES_ORGANIZATIONS": ClassOther,
	},
}

// ParseSponsorClass normalises a sponsor class ("Other", "INDUSTRY", "U.S. Fed").
func ParseSponsorClass(s string) (SponsorClass, bool) { return sponsorClasses.parse(s) }

// Allocation is how participants are assigned to arms.
type Allocation string

// Allocations.
const (
	AllocRandomized    Allocation = "RANDOMIZED"
	AllocNonRandomized Allocation = "NON_RANDOMIZED"
	AllocNA            Allocation = "NA"
)

var allocations = enumSet[Allocation]{
	values:  []Allocation{AllocRandomized, AllocNonRandomized, AllocNA},
	aliases: map[string]Allocation{"N_A": AllocNA, "NONRANDOMIZED": AllocNonRandomized, "RANDOMISED": AllocRandomized, "NON_RANDOMISED": AllocNonRandomized},
}

// ParseAllocation normalises an allocation ("Randomized", "Non-Randomized", "N/A").
func ParseAllocation(s string) (Allocation, bool) { return allocations.parse(s) }

// InterventionModel is the assignment model of an interventional study.
type InterventionModel string

// Intervention models.
const (
	ModelSingleGroup InterventionModel = "SINGLE_GROUP"
	ModelParallel    InterventionModel = "PARALLEL"
	ModelCrossover   InterventionModel = "CROSSOVER"
	ModelFactorial   InterventionModel = "FACTORIAL"
	ModelSequential  InterventionModel = "SEQUENTIAL"
)

var interventionModels = enumSet[InterventionModel]{
	values: []InterventionModel{ModelSingleGroup, ModelParallel, ModelCrossover, ModelFactorial, ModelSequential},
	aliases: map[string]InterventionModel{
		"SINGLE_GROUP_ASSIGNMENT": ModelSingleGroup, "PARALLEL_ASSIGNMENT": ModelParallel,
		"CROSSOVER_ASSIGNMENT": ModelCrossover, "FACTORIAL_ASSIGNMENT": ModelFactorial,
		"SEQUENTIAL_ASSIGNMENT": ModelSequential, "SINGLE_GROUP_DESIGN": ModelSingleGroup,
	},
}

// ParseInterventionModel normalises an intervention model ("Parallel Assignment").
func ParseInterventionModel(s string) (InterventionModel, bool) { return interventionModels.parse(s) }

// Masking is the level of blinding.
type Masking string

// Masking levels.
const (
	MaskingNone      Masking = "NONE"
	MaskingSingle    Masking = "SINGLE"
	MaskingDouble    Masking = "DOUBLE"
	MaskingTriple    Masking = "TRIPLE"
	MaskingQuadruple Masking = "QUADRUPLE"
)

var maskings = enumSet[Masking]{
	values:  []Masking{MaskingNone, MaskingSingle, MaskingDouble, MaskingTriple, MaskingQuadruple},
	aliases: map[string]Masking{"OPEN_LABEL": MaskingNone, "OPEN": MaskingNone},
	prefix:  true, // "None (Open Label)", "Double (Participant, Investigator)"
}

// ParseMasking normalises a masking statement, and returns who is masked when
// the statement names them in parentheses: "Double (Participant, Investigator)".
func ParseMasking(s string) (Masking, []WhoMasked, bool) {
	m, ok := maskings.parse(s)
	if !ok {
		return "", nil, false
	}
	var who []WhoMasked
	if i := strings.IndexByte(s, '('); i >= 0 {
		who = ParseWhoMaskedList(strings.Trim(s[i:], "() "))
	}
	return m, who, true
}

// WhoMasked is a party kept blind to the assignment.
type WhoMasked string

// Masked parties.
const (
	MaskedParticipant      WhoMasked = "PARTICIPANT"
	MaskedCareProvider     WhoMasked = "CARE_PROVIDER"
	MaskedInvestigator     WhoMasked = "INVESTIGATOR"
	MaskedOutcomesAssessor WhoMasked = "OUTCOMES_ASSESSOR"
)

var whoMaskedSet = enumSet[WhoMasked]{
	values: []WhoMasked{MaskedParticipant, MaskedCareProvider, MaskedInvestigator, MaskedOutcomesAssessor},
	aliases: map[string]WhoMasked{
		"PARTICIPANTS": MaskedParticipant, "SUBJECT": MaskedParticipant, "SUBJECTS": MaskedParticipant,
		"CARE_PROVIDERS": MaskedCareProvider, "INVESTIGATORS": MaskedInvestigator,
		"OUTCOME_ASSESSOR": MaskedOutcomesAssessor, "OUTCOME_ASSESSORS": MaskedOutcomesAssessor,
		"OUTCOMES_ASSESSORS": MaskedOutcomesAssessor,
	},
}

// ParseWhoMasked normalises one masked party ("Outcome Assessors").
func ParseWhoMasked(s string) (WhoMasked, bool) { return whoMaskedSet.parse(s) }

// ParseWhoMaskedList reads "Participant, Care Provider, Investigator".
func ParseWhoMaskedList(s string) []WhoMasked {
	var out []WhoMasked
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' }) {
		if w, ok := ParseWhoMasked(part); ok {
			out = append(out, w)
		}
	}
	return out
}

// PrimaryPurpose is what a study is for.
type PrimaryPurpose string

// Primary purposes.
const (
	PurposeTreatment         PrimaryPurpose = "TREATMENT"
	PurposePrevention        PrimaryPurpose = "PREVENTION"
	PurposeDiagnostic        PrimaryPurpose = "DIAGNOSTIC"
	PurposeECT               PrimaryPurpose = "ECT"
	PurposeSupportiveCare    PrimaryPurpose = "SUPPORTIVE_CARE"
	PurposeScreening         PrimaryPurpose = "SCREENING"
	PurposeHealthServices    PrimaryPurpose = "HEALTH_SERVICES_RESEARCH"
	PurposeBasicScience      PrimaryPurpose = "BASIC_SCIENCE"
	PurposeDeviceFeasibility PrimaryPurpose = "DEVICE_FEASIBILITY"
	PurposeOther             PrimaryPurpose = "OTHER"
)

var purposes = enumSet[PrimaryPurpose]{
	values: []PrimaryPurpose{PurposeTreatment, PurposePrevention, PurposeDiagnostic, PurposeECT,
		PurposeSupportiveCare, PurposeScreening, PurposeHealthServices, PurposeBasicScience,
		PurposeDeviceFeasibility, PurposeOther},
	aliases: map[string]PrimaryPurpose{
		"EDUCATIONAL_COUNSELING_TRAINING": PurposeECT,
	},
}

// ParsePrimaryPurpose normalises a primary purpose ("Supportive Care").
func ParsePrimaryPurpose(s string) (PrimaryPurpose, bool) { return purposes.parse(s) }

// ObservationalModel is the design of an observational study.
type ObservationalModel string

var observationalModels = enumSet[ObservationalModel]{
	values: []ObservationalModel{"COHORT", "CASE_CONTROL", "CASE_ONLY", "CASE_CROSSOVER",
		"ECOLOGIC_OR_COMMUNITY", "FAMILY_BASED", "DEFINED_POPULATION", "NATURAL_HISTORY", "OTHER"},
	aliases: map[string]ObservationalModel{"ECOLOGIC_OR_COMMUNITY_STUDIES": "ECOLOGIC_OR_COMMUNITY", "CASE_CROSS_OVER": "CASE_CROSSOVER"},
}

// ParseObservationalModel normalises an observational model ("Case-Control").
func ParseObservationalModel(s string) (ObservationalModel, bool) {
	return observationalModels.parse(s)
}

// TimePerspective is the time frame of an observational study.
type TimePerspective string

var timePerspectives = enumSet[TimePerspective]{
	values:  []TimePerspective{"PROSPECTIVE", "RETROSPECTIVE", "CROSS_SECTIONAL", "OTHER"},
	aliases: map[string]TimePerspective{"CROSS_SECTION": "CROSS_SECTIONAL"},
}

// ParseTimePerspective normalises a time perspective ("Cross-Sectional").
func ParseTimePerspective(s string) (TimePerspective, bool) { return timePerspectives.parse(s) }

// ArmType is the role of an arm.
type ArmType string

// Arm types.
const (
	ArmExperimental      ArmType = "EXPERIMENTAL"
	ArmActiveComparator  ArmType = "ACTIVE_COMPARATOR"
	ArmPlaceboComparator ArmType = "PLACEBO_COMPARATOR"
	ArmShamComparator    ArmType = "SHAM_COMPARATOR"
	ArmNoIntervention    ArmType = "NO_INTERVENTION"
	ArmOther             ArmType = "OTHER"
)

var armTypes = enumSet[ArmType]{
	values: []ArmType{ArmExperimental, ArmActiveComparator, ArmPlaceboComparator,
		ArmShamComparator, ArmNoIntervention, ArmOther},
	aliases: map[string]ArmType{"NO_INTERVENTION_ARM": ArmNoIntervention},
	strip:   []string{"GROUP_TYPE_", "ARM_TYPE_"},
}

// ParseArmType normalises an arm type: "Experimental:", "Group Type ACTIVE_COMPARATOR".
func ParseArmType(s string) (ArmType, bool) { return armTypes.parse(s) }

// InterventionType is the kind of intervention.
type InterventionType string

// Intervention types.
const (
	InterventionDrug               InterventionType = "DRUG"
	InterventionBiological         InterventionType = "BIOLOGICAL"
	InterventionProcedure          InterventionType = "PROCEDURE"
	InterventionDevice             InterventionType = "DEVICE"
	InterventionRadiation          InterventionType = "RADIATION"
	InterventionBehavioral         InterventionType = "BEHAVIORAL"
	InterventionGenetic            InterventionType = "GENETIC"
	InterventionDietarySupplement  InterventionType = "DIETARY_SUPPLEMENT"
	InterventionCombinationProduct InterventionType = "COMBINATION_PRODUCT"
	InterventionDiagnosticTest     InterventionType = "DIAGNOSTIC_TEST"
	InterventionOther              InterventionType = "OTHER"
)

var interventionTypes = enumSet[InterventionType]{
	values: []InterventionType{InterventionDrug, InterventionBiological, InterventionProcedure,
		InterventionDevice, InterventionRadiation, InterventionBehavioral, InterventionGenetic,
		InterventionDietarySupplement, InterventionCombinationProduct, InterventionDiagnosticTest,
		InterventionOther},
	aliases: map[string]InterventionType{
		"BIOLOGIC": InterventionBiological, "BEHAVIOURAL": InterventionBehavioral,
		"PROCEDURE_SURGERY": InterventionProcedure, "DIETARY": InterventionDietarySupplement,
	},
	strip: []string{"INTERVENTION_TYPE_"},
}

// ParseInterventionType normalises an intervention type: "Biological:", "Intervention Type DRUG".
func ParseInterventionType(s string) (InterventionType, bool) { return interventionTypes.parse(s) }

// Sex is who may enrol by sex.
type Sex string

// Sexes.
const (
	SexAll    Sex = "ALL"
	SexFemale Sex = "FEMALE"
	SexMale   Sex = "MALE"
)

var sexes = enumSet[Sex]{
	values:  []Sex{SexAll, SexFemale, SexMale},
	aliases: map[string]Sex{"BOTH": SexAll, "FEMALES": SexFemale, "MALES": SexMale, "WOMEN": SexFemale, "MEN": SexMale},
}

// ParseSex normalises "All", "Female", "MALE", "Both".
func ParseSex(s string) (Sex, bool) { return sexes.parse(s) }

// ParseYesNo reads a yes/no answer such as "Accepts Healthy Volunteers: No".
func ParseYesNo(s string) (bool, bool) {
	switch enumKey(s) {
	case "YES", "Y", "TRUE", "ACCEPTS_HEALTHY_VOLUNTEERS":
		return true, true
	case "NO", "N", "FALSE":
		return false, true
	}
	return false, false
}

// enumSet maps free spellings onto a closed set of values.
type enumSet[T ~string] struct {
	values  []T
	aliases map[string]T
	strip   []string // prefixes of the key to drop first ("GROUP_TYPE_")
	prefix  bool     // accept a value followed by more words: "NONE_OPEN_LABEL"
}

func (e enumSet[T]) parse(s string) (T, bool) {
	k := enumKey(s)
	for _, p := range e.strip {
		k = strings.TrimPrefix(k, p)
	}
	if k == "" {
		return "", false
	}
	for _, v := range e.values {
		if string(v) == k {
			return v, true
		}
	}
	if v, ok := e.aliases[k]; ok {
		return v, true
	}
	if e.prefix {
		for _, v := range e.values {
			if strings.HasPrefix(k, string(v)+"_") {
				return v, true
			}
		}
	}
	return "", false
}

// enumKey upper-cases s and turns every run of other characters into one
// underscore: "Active, not recruiting" → "ACTIVE_NOT_RECRUITING",
// "Experimental:" → "EXPERIMENTAL".
func enumKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
			fallthrough
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			if pending && b.Len() > 0 {
				b.WriteByte('_')
			}
			pending = false
			b.WriteRune(r)
		case r == '\'' || r == '’':
			// "Physician's" → "PHYSICIANS"
		default:
			pending = true
		}
	}
	return b.String()
}

// sentenceCase turns "NOT_YET_RECRUITING" into "Not yet recruiting".
func sentenceCase(s string) string {
	if s == "" {
		return ""
	}
	s = strings.ToLower(strings.ReplaceAll(s, "_", " "))
	return strings.ToUpper(s[:1]) + s[1:]
}

// Label is an enum value as people write it: "ACTIVE_COMPARATOR" → "Active comparator".
func Label[T ~string](v T) string { return sentenceCase(string(v)) }

func equalFold(a, b string) bool { return strings.EqualFold(a, b) }

var samplingMethods = enumSet[string]{
	values:  []string{"PROBABILITY_SAMPLE", "NON_PROBABILITY_SAMPLE"},
	aliases: map[string]string{"NONPROBABILITY_SAMPLE": "NON_PROBABILITY_SAMPLE", "PROBABILITY": "PROBABILITY_SAMPLE", "NON_PROBABILITY": "NON_PROBABILITY_SAMPLE"},
}

// ParseSamplingMethod normalises an observational study's sampling method
// ("Non-Probability Sample" → NON_PROBABILITY_SAMPLE).
func ParseSamplingMethod(s string) (string, bool) { return samplingMethods.parse(s) }
