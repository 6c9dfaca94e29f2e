package loader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/trials-app/trials/model"
)

// ClinicalTrials.gov API v2 JSON: a single study object
// {"protocolSection": …}, a search page {"studies": […], "nextPageToken": …},
// or a bare array of studies. Search pages are decoded one study at a time.

var ctgovJSONLayout = layout{
	format:    model.FormatCTGovJSON,
	kind:      jsonDoc,
	about:     "API v2 JSON",
	detect:    func(s *sample) bool { return s.contains(`"protocolSection"`) || s.contains(`"studies"`) },
	parse:     parseCTGovJSON,
	parseSlim: parseCTGovJSONSlim,
}

// ctStudy is the part of an API v2 study the model needs. Every other field
// (results, documents, the rest of the derived data) is skipped by the
// decoder.
type ctStudy struct {
	ProtocolSection ctProtocol `json:"protocolSection"`
	HasResults      bool       `json:"hasResults"`
	DerivedSection  ctDerived  `json:"derivedSection"`
}

// ctDerived is the registry's own indexing of a study: the MeSH terms of
// its conditions and interventions.
type ctDerived struct {
	ConditionBrowseModule    ctBrowse `json:"conditionBrowseModule"`
	InterventionBrowseModule ctBrowse `json:"interventionBrowseModule"`
}

type ctBrowse struct {
	Meshes []struct {
		Term string `json:"term"`
	} `json:"meshes"`
}

func (b ctBrowse) terms() []string {
	var out []string
	for _, m := range b.Meshes {
		out = appendUnique(out, m.Term)
	}
	return out
}

// ctContact is a central or site contact.
type ctContact struct {
	Name     string `json:"name"`
	Role     string `json:"role"`
	Phone    string `json:"phone"`
	PhoneExt string `json:"phoneExt"`
	Email    string `json:"email"`
}

func ctContacts(cs []ctContact) []model.Contact {
	var out []model.Contact
	for _, c := range cs {
		if c.Name == "" && c.Phone == "" && c.Email == "" {
			continue
		}
		out = append(out, model.Contact{Name: c.Name, Role: roleEnum(c.Role), Phone: phoneWithExt(c.Phone, c.PhoneExt), Email: c.Email})
	}
	return out
}

// ctProtocol is a study's protocolSection.
type ctProtocol struct {
	ctProtocolCore    `json:",inline"`
	DescriptionModule ctDescription    `json:"descriptionModule"`
	OutcomesModule    ctOutcomesModule `json:"outcomesModule"`
	ReferencesModule  ctReferences     `json:"referencesModule"`
}

// ctProtocolCore is the part of a protocolSection every parse reads; the
// rest Options.Slim leaves out.
type ctProtocolCore struct {
	IdentificationModule struct {
		NCTID          string `json:"nctId"`
		BriefTitle     string `json:"briefTitle"`
		OfficialTitle  string `json:"officialTitle"`
		Acronym        string `json:"acronym"`
		OrgStudyIDInfo struct {
			ID   string `json:"id"`
			Type string `json:"type"`
		} `json:"orgStudyIdInfo"`
		SecondaryIDInfos []struct {
			ID     string `json:"id"`
			Type   string `json:"type"`
			Domain string `json:"domain"`
		} `json:"secondaryIdInfos"`
	} `json:"identificationModule"`
	StatusModule struct {
		OverallStatus      string `json:"overallStatus"`
		WhyStopped         string `json:"whyStopped"`
		StartDate          ctDate `json:"startDateStruct"`
		PrimaryCompletion  ctDate `json:"primaryCompletionDateStruct"`
		Completion         ctDate `json:"completionDateStruct"`
		FirstPost          ctDate `json:"studyFirstPostDateStruct"`
		LastUpdatePost     ctDate `json:"lastUpdatePostDateStruct"`
		StatusVerifiedDate string `json:"statusVerifiedDate"`
		ExpandedAccessInfo struct {
			HasExpandedAccess bool   `json:"hasExpandedAccess"`
			NCTID             string `json:"nctId"`
			StatusForNCTID    string `json:"statusForNctId"`
		} `json:"expandedAccessInfo"`
	} `json:"statusModule"`
	SponsorCollaboratorsModule struct {
		LeadSponsor   ctSponsor   `json:"leadSponsor"`
		Collaborators []ctSponsor `json:"collaborators"`
	} `json:"sponsorCollaboratorsModule"`
	ConditionsModule struct {
		Conditions []string `json:"conditions"`
		Keywords   []string `json:"keywords"`
	} `json:"conditionsModule"`
	DesignModule struct {
		StudyType      string   `json:"studyType"`
		Phases         []string `json:"phases"`
		EnrollmentInfo struct {
			Count *int   `json:"count"`
			Type  string `json:"type"`
		} `json:"enrollmentInfo"`
		DesignInfo struct {
			Allocation                   string `json:"allocation"`
			InterventionModel            string `json:"interventionModel"`
			InterventionModelDescription string `json:"interventionModelDescription"`
			PrimaryPurpose               string `json:"primaryPurpose"`
			ObservationalModel           string `json:"observationalModel"`
			TimePerspective              string `json:"timePerspective"`
			MaskingInfo                  struct {
				Masking            string   `json:"masking"`
				MaskingDescription string   `json:"maskingDescription"`
				WhoMasked          []string `json:"whoMasked"`
			} `json:"maskingInfo"`
		} `json:"designInfo"`
	} `json:"designModule"`
	ArmsInterventionsModule struct {
		ArmGroups []struct {
			Label             string   `json:"label"`
			Type              string   `json:"type"`
			Description       string   `json:"description"`
			InterventionNames []string `json:"interventionNames"`
		} `json:"armGroups"`
		Interventions []struct {
			Type           string   `json:"type"`
			Name           string   `json:"name"`
			Description    string   `json:"description"`
			ArmGroupLabels []string `json:"armGroupLabels"`
			OtherNames     []string `json:"otherNames"`
		} `json:"interventions"`
	} `json:"armsInterventionsModule"`
	EligibilityModule struct {
		EligibilityCriteria string `json:"eligibilityCriteria"`
		HealthyVolunteers   *bool  `json:"healthyVolunteers"`
		Sex                 string `json:"sex"`
		MinimumAge          string `json:"minimumAge"`
		MaximumAge          string `json:"maximumAge"`
		StudyPopulation     string `json:"studyPopulation"`
		SamplingMethod      string `json:"samplingMethod"`
	} `json:"eligibilityModule"`
	ContactsLocationsModule struct {
		CentralContacts  []ctContact `json:"centralContacts"`
		OverallOfficials []struct {
			Name        string `json:"name"`
			Affiliation string `json:"affiliation"`
			Role        string `json:"role"`
		} `json:"overallOfficials"`
		Locations []struct {
			Facility string      `json:"facility"`
			Status   string      `json:"status"`
			City     string      `json:"city"`
			State    string      `json:"state"`
			Zip      string      `json:"zip"`
			Country  string      `json:"country"`
			Contacts []ctContact `json:"contacts"`
		} `json:"locations"`
	} `json:"contactsLocationsModule"`
}

type ctDescription struct {
	BriefSummary        string `json:"briefSummary"`
	DetailedDescription string `json:"detailedDescription"`
}

type ctOutcomesModule struct {
	Primary   []ctOutcome `json:"primaryOutcomes"`
	Secondary []ctOutcome `json:"secondaryOutcomes"`
	Other     []ctOutcome `json:"otherOutcomes"`
}

type ctReferences struct {
	References []struct {
		PMID     string `json:"pmid"`
		Type     string `json:"type"`
		Citation string `json:"citation"`
	} `json:"references"`
}

type ctDate struct {
	Date string `json:"date"`
	Type string `json:"type"`
}

func (d ctDate) read(t *model.Trial, what string) (string, model.DateType) {
	return typedDate(t, d.Date, d.Type, what)
}

type ctSponsor struct {
	Name  string `json:"name"`
	Class string `json:"class"`
}

type ctOutcome struct {
	Measure     string `json:"measure"`
	Description string `json:"description"`
	TimeFrame   string `json:"timeFrame"`
}

// ctDocument is any of the shapes a registry JSON file comes in.
type ctDocument struct {
	ProtocolSection *ctProtocol      `json:"protocolSection"`
	HasResults      bool             `json:"hasResults"`
	DerivedSection  ctDerived        `json:"derivedSection"`
	Studies         []jsontext.Value `json:"studies"`
}

// The slim shapes, for Options.Slim, have no place for the modules it
// leaves out — descriptions, outcomes, references, derived data: a
// quarter of a study's bytes, which the decoder skips unread as it skips
// any member it has no field for. (Skipping them by unmarshalers of their
// types had the decoder look up every value's type among those: 1% of a
// registry's cold load.)
type (
	ctDocumentSlim struct {
		ProtocolSection *ctProtocolSlim  `json:"protocolSection"`
		HasResults      bool             `json:"hasResults"`
		Studies         []jsontext.Value `json:"studies"`
	}
	ctStudySlim struct {
		ProtocolSection ctProtocolSlim `json:"protocolSection"`
		HasResults      bool           `json:"hasResults"`
	}
	ctProtocolSlim struct {
		ctProtocolCore `json:",inline"`
	}
)

// A document's shape gives its one study, if it is one (ok false if not),
// and its list of studies, if it has one; a study's gives the study.
type (
	ctDocumentShape interface {
		single() (v ctStudyView, ok bool)
		list() []jsontext.Value
	}
	ctStudyShape interface{ study() ctStudyView }
)

// ctStudyView is what studyToTrial reads of a study, in place (a copy of
// a slim study's protocol into a full one was 6% of what a cold load
// allocated): the modules a slim shape has no place for are empty.
type ctStudyView struct {
	core       *ctProtocolCore
	desc       *ctDescription
	outcomes   *ctOutcomesModule
	refs       *ctReferences
	derived    *ctDerived
	hasResults bool
}

// The modules of a slim study, empty (and never written to).
var (
	noDescription ctDescription
	noOutcomes    ctOutcomesModule
	noReferences  ctReferences
	noDerived     ctDerived
)

func fullView(p *ctProtocol, derived *ctDerived, hasResults bool) ctStudyView {
	return ctStudyView{&p.ctProtocolCore, &p.DescriptionModule, &p.OutcomesModule, &p.ReferencesModule, derived, hasResults}
}

func slimView(p *ctProtocolSlim, hasResults bool) ctStudyView {
	return ctStudyView{&p.ctProtocolCore, &noDescription, &noOutcomes, &noReferences, &noDerived, hasResults}
}

func (d *ctDocument) single() (ctStudyView, bool) {
	if d.ProtocolSection == nil {
		return ctStudyView{}, false
	}
	return fullView(d.ProtocolSection, &d.DerivedSection, d.HasResults), true
}

func (d *ctDocument) list() []jsontext.Value { return d.Studies }

func (d *ctDocumentSlim) single() (ctStudyView, bool) {
	if d.ProtocolSection == nil {
		return ctStudyView{}, false
	}
	return slimView(d.ProtocolSection, d.HasResults), true
}

func (d *ctDocumentSlim) list() []jsontext.Value { return d.Studies }

func (s *ctStudy) study() ctStudyView {
	return fullView(&s.ProtocolSection, &s.DerivedSection, s.HasResults)
}

func (s *ctStudySlim) study() ctStudyView { return slimView(&s.ProtocolSection, s.HasResults) }

// fullShapes are the shapes an error about a slim one names instead: a
// study's problems read the same however it was parsed.
var fullShapes = map[reflect.Type]reflect.Type{
	reflect.TypeFor[ctDocumentSlim](): reflect.TypeFor[ctDocument](),
	reflect.TypeFor[ctStudySlim]():    reflect.TypeFor[ctStudy](),
	reflect.TypeFor[ctProtocolSlim](): reflect.TypeFor[ctProtocol](),
}

// asFullShape makes an error about a slim shape one about its full shape.
func asFullShape(err error) error {
	var se *json.SemanticError
	if errors.As(err, &se) && se.GoType != nil {
		t, ptrs := se.GoType, 0
		for t.Kind() == reflect.Pointer {
			t, ptrs = t.Elem(), ptrs+1
		}
		if full, ok := fullShapes[t]; ok {
			for range ptrs {
				full = reflect.PointerTo(full)
			}
			se.GoType = full
		}
	}
	return err
}

// jsonOptions read the registry's JSON leniently where leniency is safe: a
// stray invalid UTF-8 byte or a repeated key does not fail the study. (A
// value of the wrong type does: that study is reported, the others load.)
var jsonOptions = json.JoinOptions(jsontext.AllowInvalidUTF8(true), jsontext.AllowDuplicateNames(true))

// parseCTGovJSONSlim is parseCTGovJSON without the modules Options.Slim
// leaves out.
func parseCTGovJSONSlim(data []byte) ([]*model.Trial, error) {
	return parseCTGovJSONAs[ctDocumentSlim, ctStudySlim](data)
}

// parseCTGovJSON reads a study, a search page or an array of studies. The
// studies of a page are decoded one by one, so that one malformed study is
// reported without losing the others.
func parseCTGovJSON(data []byte) ([]*model.Trial, error) {
	return parseCTGovJSONAs[ctDocument, ctStudy](data)
}

func parseCTGovJSONAs[D, S any, PD interface {
	*D
	ctDocumentShape
}, PS interface {
	*S
	ctStudyShape
}](data []byte) ([]*model.Trial, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var studies []jsontext.Value
		if err := json.Unmarshal(trimmed, &studies, jsonOptions); err != nil {
			return nil, jsonError(err)
		}
		return decodeStudies[S, PS](studies, "")
	}
	var doc D
	if err := json.Unmarshal(trimmed, &doc, jsonOptions); err != nil {
		return nil, jsonError(asFullShape(err))
	}
	if v, ok := PD(&doc).single(); ok {
		t, err := studyToTrial(v)
		if err != nil {
			return nil, err
		}
		return []*model.Trial{t}, nil
	}
	if studies := PD(&doc).list(); studies != nil {
		return decodeStudies[S, PS](studies, "studies")
	}
	return nil, fmt.Errorf("%w: JSON object has neither \"protocolSection\" nor \"studies\"", ErrNotTrial)
}

func decodeStudies[S any, PS interface {
	*S
	ctStudyShape
}](raw []jsontext.Value, field string) ([]*model.Trial, error) {
	var out []*model.Trial
	var bad []string
	for i, r := range raw {
		var st S
		err := json.Unmarshal(r, &st, jsonOptions)
		var t *model.Trial
		if err == nil {
			t, err = studyToTrial(PS(&st).study())
		} else {
			err = jsonError(asFullShape(err))
		}
		if err != nil {
			bad = append(bad, fmt.Sprintf("study %d: %v", i+1, err))
			continue
		}
		t.Source.Entry = field + "[" + strconv.Itoa(i) + "]"
		t.Source.Origin.Study = i + 1
		out = append(out, t)
	}
	if len(out) == 0 {
		if len(bad) > 0 {
			return nil, fmt.Errorf("%w: no readable study: %s", ErrNotTrial, strings.Join(bad, "; "))
		}
		return nil, fmt.Errorf("%w: the studies array is empty", ErrNotTrial)
	}
	if len(bad) > 0 {
		return out, &PartialError{Problems: bad, Total: len(raw)}
	}
	return out, nil
}

// jsonError tells a truncated document from a malformed one.
func jsonError(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: the JSON ends early", ErrTruncated)
	}
	var se *jsontext.SyntacticError
	if errors.As(err, &se) {
		return fmt.Errorf("%w: malformed JSON at byte %d: %v", ErrNotTrial, se.ByteOffset, se.Err)
	}
	var te *json.SemanticError
	if errors.As(err, &te) {
		return fmt.Errorf("%w: unexpected JSON: %v", ErrNotTrial, te)
	}
	return fmt.Errorf("%w: %v", ErrNotTrial, err)
}

func studyToTrial(st ctStudyView) (*model.Trial, error) {
	p := st.core
	id := p.IdentificationModule
	if id.NCTID == "" {
		return nil, fmt.Errorf("%w: study without an NCT id", ErrNotTrial)
	}
	t := &model.Trial{
		NCTID:         id.NCTID,
		Title:         id.BriefTitle,
		OfficialTitle: id.OfficialTitle,
		Acronym:       id.Acronym,
		WhyStopped:    p.StatusModule.WhyStopped,
	}
	if t.Title == "" {
		t.Title = t.OfficialTitle
	}
	if s := p.StatusModule.OverallStatus; s != "" {
		setStatus(t, s)
	}
	for _, ph := range p.DesignModule.Phases {
		if ps, ok := model.ParsePhases(ph); ok {
			for _, x := range ps {
				t.Phases = appendPhase(t.Phases, x)
			}
		}
	}
	if s := p.DesignModule.StudyType; s != "" {
		setStudyType(t, s)
	}
	if e := p.DesignModule.EnrollmentInfo; e.Count != nil {
		n := *e.Count
		t.Enrollment = &n
		t.EnrollmentType, _ = model.ParseDateType(e.Type)
	}
	sm := p.StatusModule
	t.StartDate, t.StartDateType = sm.StartDate.read(t, "start")
	t.PrimaryCompletionDate, t.PrimaryCompletionDateType = sm.PrimaryCompletion.read(t, "primary completion")
	t.CompletionDate, t.CompletionDateType = sm.Completion.read(t, "completion")
	t.FirstPosted, _ = sm.FirstPost.read(t, "first posted")
	t.LastUpdated, _ = sm.LastUpdatePost.read(t, "last update")
	t.StatusVerified = verifiedMonth(t, sm.StatusVerifiedDate)
	t.HasResults = st.hasResults
	if ea := sm.ExpandedAccessInfo; ea.HasExpandedAccess || model.IsNCTID(ea.NCTID) {
		t.ExpandedAccess = &model.ExpandedAccess{}
		if model.IsNCTID(ea.NCTID) {
			t.ExpandedAccess.NCTID = ea.NCTID
		}
		t.ExpandedAccess.Status, _ = model.ParseStatus(ea.StatusForNCTID)
	}
	t.MeshConditions = st.derived.ConditionBrowseModule.terms()
	t.MeshInterventions = st.derived.InterventionBrowseModule.terms()
	for _, r := range st.refs.References {
		if r.Citation != "" || r.PMID != "" {
			t.References = append(t.References, model.Reference{PMID: r.PMID, Citation: r.Citation, Type: strings.ToUpper(r.Type)})
		}
	}
	t.Conditions = p.ConditionsModule.Conditions
	t.Keywords = p.ConditionsModule.Keywords
	t.LeadSponsor = ctSponsorValue(p.SponsorCollaboratorsModule.LeadSponsor)
	for _, c := range p.SponsorCollaboratorsModule.Collaborators {
		t.Collaborators = append(t.Collaborators, ctSponsorValue(c))
	}
	t.BriefSummary = unescapeMarkdownText(st.desc.BriefSummary)
	t.DetailedDescription = unescapeMarkdownText(st.desc.DetailedDescription)

	di := p.DesignModule.DesignInfo
	d := &t.Design
	d.Allocation, _ = model.ParseAllocation(di.Allocation)
	d.InterventionModel, _ = model.ParseInterventionModel(di.InterventionModel)
	d.InterventionModelDescription = di.InterventionModelDescription
	d.PrimaryPurpose, _ = model.ParsePrimaryPurpose(di.PrimaryPurpose)
	d.ObservationalModel, _ = model.ParseObservationalModel(di.ObservationalModel)
	d.TimePerspective, _ = model.ParseTimePerspective(di.TimePerspective)
	d.Masking, _, _ = model.ParseMasking(di.MaskingInfo.Masking)
	d.MaskingDescription = di.MaskingInfo.MaskingDescription
	for _, w := range di.MaskingInfo.WhoMasked {
		if wm, ok := model.ParseWhoMasked(w); ok {
			d.WhoMasked = append(d.WhoMasked, wm)
		}
	}

	// The lists are made at their size, not grown by appending: a
	// registry's load allocated twice their bytes (locations above all).
	t.Arms = sized[model.Arm](len(p.ArmsInterventionsModule.ArmGroups))
	for _, a := range p.ArmsInterventionsModule.ArmGroups {
		arm := model.Arm{Label: a.Label, Description: unescapeMarkdownText(a.Description)}
		arm.Type, _ = model.ParseArmType(a.Type)
		for _, n := range a.InterventionNames {
			arm.Interventions = appendUnique(arm.Interventions, interventionRefName(n))
		}
		t.Arms = append(t.Arms, arm)
	}
	t.Interventions = sized[model.Intervention](len(p.ArmsInterventionsModule.Interventions))
	for _, iv := range p.ArmsInterventionsModule.Interventions {
		x := model.Intervention{Name: iv.Name, Description: unescapeMarkdownText(iv.Description), OtherNames: iv.OtherNames, Arms: iv.ArmGroupLabels}
		x.Type, _ = model.ParseInterventionType(iv.Type)
		t.Interventions = append(t.Interventions, x)
	}
	t.Outcomes.Primary = ctOutcomes(st.outcomes.Primary)
	t.Outcomes.Secondary = ctOutcomes(st.outcomes.Secondary)
	t.Outcomes.Other = ctOutcomes(st.outcomes.Other)

	em := p.EligibilityModule
	e := &t.Eligibility
	readCriteriaText(e, em.EligibilityCriteria, copiedTextblock(em.EligibilityCriteria))
	e.Raw = strings.TrimSpace(unescapeMarkdownText(em.EligibilityCriteria))
	e.HealthyVolunteers = em.HealthyVolunteers
	e.Sex, _ = model.ParseSex(em.Sex)
	e.MinAge = ageOrWarn(t, em.MinimumAge)
	e.MaxAge = ageOrWarn(t, em.MaximumAge)
	e.StudyPopulation = em.StudyPopulation
	e.SamplingMethod, _ = model.ParseSamplingMethod(em.SamplingMethod)

	for _, o := range p.ContactsLocationsModule.OverallOfficials {
		t.Investigators = append(t.Investigators, model.Investigator{Name: o.Name, Role: o.Role, Affiliation: o.Affiliation})
	}
	t.CentralContacts = ctContacts(p.ContactsLocationsModule.CentralContacts)
	t.Locations = sized[model.Location](len(p.ContactsLocationsModule.Locations))
	for _, l := range p.ContactsLocationsModule.Locations {
		loc := model.Location{Facility: l.Facility, City: l.City, State: l.State, Zip: l.Zip, Country: l.Country, Contacts: ctContacts(l.Contacts)}
		if s, ok := model.ParseStatus(l.Status); ok {
			loc.Status = string(s)
		}
		t.Locations = append(t.Locations, loc)
	}

	var ids []model.SecondaryID
	if o := id.OrgStudyIDInfo; o.ID != "" {
		t.OrgStudyID = o.ID
		ids = append(ids, model.SecondaryID{ID: o.ID, Type: o.Type})
	}
	for _, s := range id.SecondaryIDInfos {
		ids = append(ids, model.SecondaryID{ID: s.ID, Type: s.Type})
	}
	t.SecondaryIDs = orderIdentifiers(t.OrgStudyID, ids)
	return t, nil
}

func ctSponsorValue(s ctSponsor) model.Sponsor {
	c, _ := model.ParseSponsorClass(s.Class)
	return model.Sponsor{Name: s.Name, Class: c}
}

func ctOutcomes(os []ctOutcome) []model.Outcome {
	out := make([]model.Outcome, 0, len(os))
	for _, o := range os {
		out = append(out, model.Outcome{Measure: unescapeMarkdown(o.Measure), TimeFrame: unescapeMarkdown(o.TimeFrame), Description: unescapeMarkdownText(o.Description)})
	}
	return out
}

// sized is an empty list with room for n, or nil when n is 0 (as appending
// to nil leaves it: an export writes a missing list as it did).
func sized[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, 0, n)
}
