// Package model holds the normalised clinical-trial record every source
// layout is read into, its enumerations (in the ClinicalTrials.gov API v2
// vocabulary) and the normalisers that map each layout's spelling onto them.
//
// The JSON names of Trial and its parts are the export contract: programs
// outside this project read them, so fields may be added but never renamed.
// Fields marked "extension" are additions to the contract in ../DESIGN.md.
//
// The package is pure: no I/O and no terminal code.
package model

// Trial is one clinical study, whatever document it was read from.
// Absent values are "" / [] / null, never invented.
type Trial struct {
	ID            string `json:"id"` // NCT id, or an id derived from the document
	NCTID         string `json:"nct_id"`
	Title         string `json:"title"`
	OfficialTitle string `json:"official_title"`
	Acronym       string `json:"acronym"`

	Status    Status    `json:"status"`
	Phases    []Phase   `json:"phases"`
	StudyType StudyType `json:"study_type"`

	Enrollment     *int     `json:"enrollment"`
	EnrollmentType DateType `json:"enrollment_type"`

	StartDate             string `json:"start_date"`
	PrimaryCompletionDate string `json:"primary_completion_date"`
	CompletionDate        string `json:"completion_date"`
	FirstPosted           string `json:"first_posted"`
	LastUpdated           string `json:"last_updated"`
	// Extension: whether each date is ACTUAL or ESTIMATED, where the source says.
	StartDateType             DateType `json:"start_date_type"`
	PrimaryCompletionDateType DateType `json:"primary_completion_date_type"`
	CompletionDateType        DateType `json:"completion_date_type"`

	Conditions []string `json:"conditions"`
	Keywords   []string `json:"keywords"`

	LeadSponsor   Sponsor   `json:"lead_sponsor"`
	Collaborators []Sponsor `json:"collaborators"`

	BriefSummary        string `json:"brief_summary"`
	DetailedDescription string `json:"detailed_description"`
	// Extension: why a stopped study stopped (ClinicalTrials.gov "whyStopped").
	WhyStopped string `json:"why_stopped"`

	Design        Design         `json:"design"`
	Arms          []Arm          `json:"arms"`
	Interventions []Intervention `json:"interventions"`
	Eligibility   Eligibility    `json:"eligibility"`
	Outcomes      Outcomes       `json:"outcomes"`

	Locations     []Location     `json:"locations"`
	Countries     []string       `json:"countries"`
	Investigators []Investigator `json:"investigators"`

	// Extension: the sponsor's own study id, also listed first in SecondaryIDs.
	OrgStudyID    string        `json:"org_study_id"`
	SecondaryIDs  []SecondaryID `json:"secondary_ids"`
	RelatedTrials []string      `json:"related_trials"`

	Source   Source   `json:"source"`
	Warnings []string `json:"warnings"`

	// Extensions of the fidelity issue: what the records state that the
	// first model dropped.
	CentralContacts []Contact `json:"central_contacts"`
	// StatusVerified is when the sponsor last confirmed the status (YYYY-MM).
	StatusVerified string `json:"status_verified"`
	HasResults     bool   `json:"has_results"`
	// ExpandedAccess is the expanded-access record linked to the study, or nil.
	ExpandedAccess    *ExpandedAccess `json:"expanded_access"`
	References        []Reference     `json:"references"`
	MeshConditions    []string        `json:"mesh_conditions"`
	MeshInterventions []string        `json:"mesh_interventions"`
	// SimilarTrials are the NCT ids a mirror page lists as similar ("based
	// on similarity analysis"); RelatedTrials holds registry links only.
	SimilarTrials []string `json:"similar_trials"`
}

// Contact is a person (or office) to ask about a study or a site.
type Contact struct {
	Name  string `json:"name"`
	Role  string `json:"role"` // CONTACT, PRINCIPAL_INVESTIGATOR, … as the registry names it
	Phone string `json:"phone"`
	Email string `json:"email"`
}

// ExpandedAccess is the expanded-access program a study links to.
type ExpandedAccess struct {
	NCTID  string `json:"nct_id"`
	Status Status `json:"status"` // AVAILABLE, NO_LONGER_AVAILABLE, …
}

// Reference is a publication a record cites.
type Reference struct {
	PMID     string `json:"pmid"`
	Citation string `json:"citation"`
	Type     string `json:"type"` // BACKGROUND, RESULT, DERIVED
}

// Sponsor is an organisation funding or collaborating on a study.
type Sponsor struct {
	Name  string       `json:"name"`
	Class SponsorClass `json:"class"`
}

// Design is how an interventional (or observational) study is structured.
type Design struct {
	Allocation        Allocation        `json:"allocation"`
	InterventionModel InterventionModel `json:"intervention_model"`
	Masking           Masking           `json:"masking"`
	WhoMasked         []WhoMasked       `json:"who_masked"`
	PrimaryPurpose    PrimaryPurpose    `json:"primary_purpose"`
	// Extensions: the free-text notes that accompany the model and masking,
	// and the design fields of observational studies.
	InterventionModelDescription string             `json:"intervention_model_description"`
	MaskingDescription           string             `json:"masking_description"`
	ObservationalModel           ObservationalModel `json:"observational_model"`
	TimePerspective              TimePerspective    `json:"time_perspective"`
}

// Arm is a study arm (or an observational group/cohort).
type Arm struct {
	Label         string   `json:"label"`
	Type          ArmType  `json:"type"`
	Description   string   `json:"description"`
	Interventions []string `json:"interventions"` // intervention names, without a "Drug: " prefix
}

// Intervention is a drug, procedure, device… given in one or more arms.
type Intervention struct {
	Name        string           `json:"name"`
	Type        InterventionType `json:"type"`
	Description string           `json:"description"`
	OtherNames  []string         `json:"other_names"`
	Arms        []string         `json:"arms"` // arm labels
}

// Eligibility is who may take part.
type Eligibility struct {
	MinAge            string      `json:"min_age"` // "18 Years"
	MaxAge            string      `json:"max_age"`
	Sex               Sex         `json:"sex"`
	HealthyVolunteers *bool       `json:"healthy_volunteers"`
	Inclusion         []Criterion `json:"inclusion"`
	Exclusion         []Criterion `json:"exclusion"`
	Raw               string      `json:"raw"` // the criteria text as the source gives it
	// Extensions: observational studies describe a population instead.
	StudyPopulation string `json:"study_population"`
	SamplingMethod  string `json:"sampling_method"`
	// Extension: lines that introduce or annotate a criteria list ("Subjects
	// who meet each of the following…", a sponsor's notice) — never items.
	Notes []string `json:"notes"`
	// Extension: the numeric and ordinal thresholds read from the criteria
	// (../shared/eligibility/SPEC.md).
	Requirements []Requirement `json:"requirements"`
}

// Criterion is one eligibility item; Children keep the nesting the source shows.
type Criterion struct {
	Text     string      `json:"text"`
	Children []Criterion `json:"children"`
}

// Outcomes are the measures a study reports on.
type Outcomes struct {
	Primary   []Outcome `json:"primary"`
	Secondary []Outcome `json:"secondary"`
	Other     []Outcome `json:"other"`
}

// Outcome is one outcome measure.
type Outcome struct {
	Measure     string `json:"measure"`
	TimeFrame   string `json:"time_frame"`
	Description string `json:"description"`
}

// Location is a study site.
type Location struct {
	Facility string `json:"facility"`
	City     string `json:"city"`
	State    string `json:"state"`
	Zip      string `json:"zip"`
	Country  string `json:"country"`
	Status   string `json:"status"` // site recruitment status, ClinicalTrials.gov enum
	// Extension: whom to contact at this site.
	Contacts []Contact `json:"contacts"`
}

// Investigator is a study official.
type Investigator struct {
	Name        string `json:"name"`
	Role        string `json:"role"` // PRINCIPAL_INVESTIGATOR, STUDY_CHAIR, STUDY_DIRECTOR, …
	Affiliation string `json:"affiliation"`
}

// SecondaryID is another registry or sponsor identifier of the study.
type SecondaryID struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

// Source says where a trial was read from.
type Source struct {
	Path   string `json:"path"`
	Format Format `json:"format"`
	// Extension: the member of an archive, or the position in a search page.
	Entry string `json:"entry,omitempty"`
	// Origin pins the document for reading the trial again; it is not
	// exported.
	Origin Origin `json:"-"`
}

// Origin identifies the exact document a trial was read from, so that
// reading it again can tell the same trial from another one in its place:
// archive members and studies by position (names can repeat), the file by
// its size and modification time when it was read. The zero Origin pins
// nothing.
type Origin struct {
	ID      string // the trial's id when it was read
	Member  int    // 1 + the member's index in its zip archive's directory; 0 outside an archive
	Nested  int    // 1 + the index inside a zip that is itself that member; 0 otherwise
	Study   int    // 1 + the study's position in a document of several; 0 for a document of one
	Size    int64  // of the file (the archive, for a member) when it was read
	ModTime int64  // its modification time then, in Unix nanoseconds
}

// Format names a source layout.
type Format string

// The layouts the loader reads.
const (
	FormatMirrorLabelled Format = "mirror-labelled" // ClinicalTrials.gov mirror with labelled sections
	FormatMirrorBare     Format = "mirror-bare"     // the same mirror with unlabelled values
	FormatClassic        Format = "ctgov-classic"   // the classic ClinicalTrials.gov study page
	FormatClinConnect    Format = "clinconnect"     // ClinConnect patient-facing page
	FormatMedPath        Format = "medpath"         // MedPath page with flattened tables
	FormatCTGovJSON      Format = "ctgov-json"      // ClinicalTrials.gov API v2 study JSON
	FormatCTGovXML       Format = "ctgov-xml"       // legacy <clinical_study> XML
)

// Canonicalize replaces nil slices with empty ones throughout, so that the
// JSON export shows [] rather than null for absent lists, as the contract says.
func (t *Trial) Canonicalize() {
	t.Phases = nonNil(t.Phases)
	t.Conditions = nonNil(t.Conditions)
	t.Keywords = nonNil(t.Keywords)
	t.Collaborators = nonNil(t.Collaborators)
	t.Design.WhoMasked = nonNil(t.Design.WhoMasked)
	t.Arms = nonNil(t.Arms)
	for i := range t.Arms {
		t.Arms[i].Interventions = nonNil(t.Arms[i].Interventions)
	}
	t.Interventions = nonNil(t.Interventions)
	for i := range t.Interventions {
		t.Interventions[i].OtherNames = nonNil(t.Interventions[i].OtherNames)
		t.Interventions[i].Arms = nonNil(t.Interventions[i].Arms)
	}
	t.Eligibility.Inclusion = canonicalCriteria(t.Eligibility.Inclusion)
	t.Eligibility.Exclusion = canonicalCriteria(t.Eligibility.Exclusion)
	t.Outcomes.Primary = nonNil(t.Outcomes.Primary)
	t.Outcomes.Secondary = nonNil(t.Outcomes.Secondary)
	t.Outcomes.Other = nonNil(t.Outcomes.Other)
	t.Locations = nonNil(t.Locations)
	for i := range t.Locations {
		t.Locations[i].Contacts = nonNil(t.Locations[i].Contacts)
	}
	t.Eligibility.Notes = nonNil(t.Eligibility.Notes)
	t.Eligibility.Requirements = nonNil(t.Eligibility.Requirements)
	t.CentralContacts = nonNil(t.CentralContacts)
	t.References = nonNil(t.References)
	t.MeshConditions = nonNil(t.MeshConditions)
	t.MeshInterventions = nonNil(t.MeshInterventions)
	t.SimilarTrials = nonNil(t.SimilarTrials)
	t.Countries = nonNil(t.Countries)
	t.Investigators = nonNil(t.Investigators)
	t.SecondaryIDs = nonNil(t.SecondaryIDs)
	t.RelatedTrials = nonNil(t.RelatedTrials)
	t.Warnings = nonNil(t.Warnings)
}

func canonicalCriteria(cs []Criterion) []Criterion {
	cs = nonNil(cs)
	for i := range cs {
		cs[i].Children = canonicalCriteria(cs[i].Children)
	}
	return cs
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// CountCriteria counts the criteria in cs, nested ones included.
func CountCriteria(cs []Criterion) int {
	n := 0
	for _, c := range cs {
		n += 1 + CountCriteria(c.Children)
	}
	return n
}

// Intervention returns the intervention named name (case-insensitive), or nil.
func (t *Trial) Intervention(name string) *Intervention {
	for i := range t.Interventions {
		if equalFold(t.Interventions[i].Name, name) {
			return &t.Interventions[i]
		}
	}
	return nil
}

// UnassignedInterventions names the interventions no arm lists.
func (t *Trial) UnassignedInterventions() []string {
	var out []string
	for _, iv := range t.Interventions {
		if len(iv.Arms) == 0 {
			out = append(out, iv.Name)
		}
	}
	return out
}
