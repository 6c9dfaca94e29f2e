package loader

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/trials-app/trials/model"
)

// The legacy ClinicalTrials.gov XML (<clinical_study>, the AllPublicXML
// archives): human-readable values ("Phase 1/Phase 2", "Parallel
// Assignment", "U.S. Fed", "May 12, 2007") and textblocks wrapped at about
// 70 columns.

var ctgovXMLLayout = layout{
	format: model.FormatCTGovXML,
	kind:   xmlDoc,
	about:  "<clinical_study> XML",
	detect: func(s *sample) bool { return s.contains("<clinical_study") },
	parse:  parseCTGovXML,
}

type xmlStudy struct {
	XMLName xml.Name `xml:"clinical_study"`
	IDInfo  struct {
		OrgStudyID   string   `xml:"org_study_id"`
		SecondaryIDs []string `xml:"secondary_id"`
		NCTID        string   `xml:"nct_id"`
	} `xml:"id_info"`
	BriefTitle    string `xml:"brief_title"`
	Acronym       string `xml:"acronym"`
	OfficialTitle string `xml:"official_title"`
	Sponsors      struct {
		Lead          xmlAgency   `xml:"lead_sponsor"`
		Collaborators []xmlAgency `xml:"collaborator"`
	} `xml:"sponsors"`
	BriefSummary        xmlTextblock `xml:"brief_summary"`
	DetailedDescription xmlTextblock `xml:"detailed_description"`
	OverallStatus       string       `xml:"overall_status"`
	WhyStopped          string       `xml:"why_stopped"`
	StartDate           xmlTyped     `xml:"start_date"`
	CompletionDate      xmlTyped     `xml:"completion_date"`
	PrimaryCompletion   xmlTyped     `xml:"primary_completion_date"`
	Phase               string       `xml:"phase"`
	StudyType           string       `xml:"study_type"`
	Design              struct {
		Allocation                   string `xml:"allocation"`
		InterventionModel            string `xml:"intervention_model"`
		InterventionModelDescription string `xml:"intervention_model_description"`
		PrimaryPurpose               string `xml:"primary_purpose"`
		ObservationalModel           string `xml:"observational_model"`
		TimePerspective              string `xml:"time_perspective"`
		Masking                      string `xml:"masking"`
		MaskingDescription           string `xml:"masking_description"`
	} `xml:"study_design_info"`
	PrimaryOutcomes   []xmlOutcome `xml:"primary_outcome"`
	SecondaryOutcomes []xmlOutcome `xml:"secondary_outcome"`
	OtherOutcomes     []xmlOutcome `xml:"other_outcome"`
	Enrollment        xmlTyped     `xml:"enrollment"`
	Conditions        []string     `xml:"condition"`
	ArmGroups         []struct {
		Label       string `xml:"arm_group_label"`
		Type        string `xml:"arm_group_type"`
		Description string `xml:"description"`
	} `xml:"arm_group"`
	Interventions []struct {
		Type        string   `xml:"intervention_type"`
		Name        string   `xml:"intervention_name"`
		Description string   `xml:"description"`
		ArmLabels   []string `xml:"arm_group_label"`
		OtherNames  []string `xml:"other_name"`
	} `xml:"intervention"`
	Eligibility struct {
		StudyPop          xmlTextblock `xml:"study_pop"`
		SamplingMethod    string       `xml:"sampling_method"`
		Criteria          xmlTextblock `xml:"criteria"`
		Gender            string       `xml:"gender"`
		MinimumAge        string       `xml:"minimum_age"`
		MaximumAge        string       `xml:"maximum_age"`
		HealthyVolunteers string       `xml:"healthy_volunteers"`
	} `xml:"eligibility"`
	Officials []struct {
		FirstName   string `xml:"first_name"`
		LastName    string `xml:"last_name"`
		Role        string `xml:"role"`
		Affiliation string `xml:"affiliation"`
	} `xml:"overall_official"`
	Locations []struct {
		Facility struct {
			Name    string `xml:"name"`
			Address struct {
				City    string `xml:"city"`
				State   string `xml:"state"`
				Zip     string `xml:"zip"`
				Country string `xml:"country"`
			} `xml:"address"`
		} `xml:"facility"`
		Status        string       `xml:"status"`
		Contact       xmlContact   `xml:"contact"`
		ContactBackup xmlContact   `xml:"contact_backup"`
		Investigators []xmlContact `xml:"investigator"`
	} `xml:"location"`
	OverallContact       xmlContact `xml:"overall_contact"`
	OverallContactBackup xmlContact `xml:"overall_contact_backup"`
	VerificationDate     string     `xml:"verification_date"`
	HasExpandedAccess    string     `xml:"has_expanded_access"`
	ClinicalResults      *struct{}  `xml:"clinical_results"`
	References           []struct {
		Citation string `xml:"citation"`
		PMID     string `xml:"PMID"`
	} `xml:"reference"`
	ResultsReferences []struct {
		Citation string `xml:"citation"`
		PMID     string `xml:"PMID"`
	} `xml:"results_reference"`
	ConditionMesh    []string `xml:"condition_browse>mesh_term"`
	InterventionMesh []string `xml:"intervention_browse>mesh_term"`
	Countries        []string `xml:"location_countries>country"`
	FirstPosted      xmlTyped `xml:"study_first_posted"`
	FirstReceived    string   `xml:"firstreceived_date"`
	LastUpdate       xmlTyped `xml:"last_update_posted"`
	LastChanged      string   `xml:"lastchanged_date"`
	Keywords         []string `xml:"keyword"`
	ExpandedAccess   struct {
		NCTID string `xml:"nct_id"`
	} `xml:"expanded_access_info"`
}

// xmlContact is an overall or site contact, or a site investigator: the
// name is often all in last_name.
type xmlContact struct {
	FirstName  string `xml:"first_name"`
	MiddleName string `xml:"middle_name"`
	LastName   string `xml:"last_name"`
	Degrees    string `xml:"degrees"`
	Phone      string `xml:"phone"`
	PhoneExt   string `xml:"phone_ext"`
	Email      string `xml:"email"`
	Role       string `xml:"role"`
}

// contact reads an XML contact, "" role meaning role; ok is false for an
// empty element.
func (c xmlContact) contact(role string) (model.Contact, bool) {
	var parts []string
	for _, p := range []string{c.FirstName, c.MiddleName, c.LastName} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	name := strings.Join(parts, " ")
	if d := strings.TrimSpace(c.Degrees); d != "" && name != "" {
		name += ", " + d
	}
	if c.Role != "" {
		role = roleEnum(c.Role)
	}
	out := model.Contact{Name: name, Role: role, Phone: phoneWithExt(c.Phone, c.PhoneExt), Email: strings.TrimSpace(c.Email)}
	return out, out.Name != "" || out.Phone != "" || out.Email != ""
}

type xmlAgency struct {
	Agency string `xml:"agency"`
	Class  string `xml:"agency_class"`
}

type xmlTextblock struct {
	Text string `xml:"textblock"`
}

type xmlTyped struct {
	Value string `xml:",chardata"`
	Type  string `xml:"type,attr"`
}

type xmlOutcome struct {
	Measure     string `xml:"measure"`
	TimeFrame   string `xml:"time_frame"`
	Description string `xml:"description"`
}

// parseCTGovXML reads every <clinical_study> of a document: the archives
// hold one a file, but a file of several (one after another, or inside
// another element) loses none. Studies of a document of several are placed
// by position, as on a search page.
func parseCTGovXML(data []byte) ([]*model.Trial, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var trials []*model.Trial
	var problems []string
	var firstErr error // the error of the first study, for a document of one
	studies := 0
	fail := func(err error) ([]*model.Trial, error) {
		if studies == 0 && len(problems) == 0 {
			return nil, err
		}
		problems = append(problems, fmt.Sprintf("after study %d: %v", studies, err))
		return placeXMLStudies(trials, problems, studies+1)
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fail(xmlError(err, dec))
		}
		start, ok := tok.(xml.StartElement)
		if !ok || start.Name.Local != "clinical_study" {
			continue
		}
		var x xmlStudy
		if err := dec.DecodeElement(&x, &start); err != nil {
			return fail(xmlError(err, dec))
		}
		studies++
		t, err := studyFromXML(&x)
		if err != nil {
			if studies == 1 {
				firstErr = err
			}
			problems = append(problems, fmt.Sprintf("study %d: %v", studies, err))
			continue
		}
		t.Source.Origin.Study = studies
		trials = append(trials, t)
	}
	if studies == 0 {
		return nil, fmt.Errorf("%w: no <clinical_study> element", ErrNotTrial)
	}
	if studies == 1 && len(trials) == 0 {
		return nil, firstErr
	}
	return placeXMLStudies(trials, problems, studies)
}

// placeXMLStudies gives the studies of a document of several their
// positions, and reports the ones not read.
func placeXMLStudies(trials []*model.Trial, problems []string, total int) ([]*model.Trial, error) {
	for _, t := range trials {
		if total > 1 {
			t.Source.Entry = "clinical_study[" + strconv.Itoa(t.Source.Origin.Study-1) + "]"
		} else {
			t.Source.Origin.Study = 0
		}
	}
	if len(trials) == 0 {
		return nil, fmt.Errorf("%w: no readable study: %s", ErrNotTrial, strings.Join(problems, "; "))
	}
	if len(problems) > 0 {
		return trials, &PartialError{Problems: problems, Total: total}
	}
	return trials, nil
}

// xmlError tells a truncated document from a malformed one.
func xmlError(err error, dec *xml.Decoder) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || strings.Contains(err.Error(), "unexpected EOF") {
		return fmt.Errorf("%w: the XML ends early (at byte %d)", ErrTruncated, dec.InputOffset())
	}
	return fmt.Errorf("%w: malformed XML: %v", ErrNotTrial, err)
}

func studyFromXML(x *xmlStudy) (*model.Trial, error) {
	if x.IDInfo.NCTID == "" {
		return nil, fmt.Errorf("%w: <clinical_study> without an <nct_id>", ErrNotTrial)
	}
	t := &model.Trial{
		NCTID:         strings.TrimSpace(x.IDInfo.NCTID),
		Title:         x.BriefTitle,
		OfficialTitle: x.OfficialTitle,
		Acronym:       x.Acronym,
		WhyStopped:    unwrapTextblock(x.WhyStopped),
		Conditions:    x.Conditions,
		Keywords:      x.Keywords,
		Countries:     x.Countries,
	}
	setStatus(t, x.OverallStatus)
	if x.Phase != "" {
		setPhases(t, x.Phase)
	}
	setStudyType(t, x.StudyType)
	if v := strings.TrimSpace(x.Enrollment.Value); v != "" {
		if n, err := strconv.Atoi(v); err == nil {
			t.Enrollment = &n
			t.EnrollmentType, _ = model.ParseDateType(x.Enrollment.Type)
		}
	}
	t.StartDate, t.StartDateType = xmlDate(t, x.StartDate, "start")
	t.PrimaryCompletionDate, t.PrimaryCompletionDateType = xmlDate(t, x.PrimaryCompletion, "primary completion")
	t.CompletionDate, t.CompletionDateType = xmlDate(t, x.CompletionDate, "completion")
	t.FirstPosted, _ = xmlDate(t, x.FirstPosted, "first posted")
	if t.FirstPosted == "" {
		t.FirstPosted, _ = xmlDate(t, xmlTyped{Value: x.FirstReceived}, "first received")
	}
	t.LastUpdated, _ = xmlDate(t, x.LastUpdate, "last update")
	if t.LastUpdated == "" {
		t.LastUpdated, _ = xmlDate(t, xmlTyped{Value: x.LastChanged}, "last changed")
	}
	t.StatusVerified = verifiedMonth(t, x.VerificationDate)
	t.HasResults = x.ClinicalResults != nil
	if yes, _ := model.ParseYesNo(x.HasExpandedAccess); yes || model.IsNCTID(x.ExpandedAccess.NCTID) {
		t.ExpandedAccess = &model.ExpandedAccess{}
		if model.IsNCTID(x.ExpandedAccess.NCTID) {
			t.ExpandedAccess.NCTID = x.ExpandedAccess.NCTID
		}
	}
	for _, c := range []xmlContact{x.OverallContact, x.OverallContactBackup} {
		if ct, ok := c.contact("CONTACT"); ok {
			t.CentralContacts = append(t.CentralContacts, ct)
		}
	}
	for _, r := range x.References {
		t.References = appendReference(t.References, model.Reference{PMID: strings.TrimSpace(r.PMID), Citation: unwrapTextblock(r.Citation)})
	}
	for _, r := range x.ResultsReferences {
		t.References = appendReference(t.References, model.Reference{PMID: strings.TrimSpace(r.PMID), Citation: unwrapTextblock(r.Citation), Type: "RESULT"})
	}
	for _, m := range x.ConditionMesh {
		t.MeshConditions = appendUnique(t.MeshConditions, strings.TrimSpace(m))
	}
	for _, m := range x.InterventionMesh {
		t.MeshInterventions = appendUnique(t.MeshInterventions, strings.TrimSpace(m))
	}
	t.LeadSponsor = xmlSponsor(x.Sponsors.Lead)
	for _, c := range x.Sponsors.Collaborators {
		t.Collaborators = append(t.Collaborators, xmlSponsor(c))
	}
	t.BriefSummary = unwrapTextblock(x.BriefSummary.Text)
	t.DetailedDescription = unwrapTextblock(x.DetailedDescription.Text)

	d := &t.Design
	d.Allocation, _ = model.ParseAllocation(x.Design.Allocation)
	d.InterventionModel, _ = model.ParseInterventionModel(x.Design.InterventionModel)
	d.InterventionModelDescription = unwrapTextblock(x.Design.InterventionModelDescription)
	d.PrimaryPurpose, _ = model.ParsePrimaryPurpose(x.Design.PrimaryPurpose)
	d.ObservationalModel, _ = model.ParseObservationalModel(x.Design.ObservationalModel)
	d.TimePerspective, _ = model.ParseTimePerspective(x.Design.TimePerspective)
	d.Masking, d.WhoMasked, _ = model.ParseMasking(x.Design.Masking)
	d.MaskingDescription = unwrapTextblock(x.Design.MaskingDescription)

	for _, a := range x.ArmGroups {
		arm := model.Arm{Label: strings.TrimSpace(a.Label), Description: unwrapTextblock(a.Description)}
		arm.Type, _ = model.ParseArmType(a.Type)
		t.Arms = append(t.Arms, arm)
	}
	for _, iv := range x.Interventions {
		v := model.Intervention{Name: strings.TrimSpace(iv.Name), Description: unwrapTextblock(iv.Description), OtherNames: iv.OtherNames, Arms: iv.ArmLabels}
		v.Type, _ = model.ParseInterventionType(iv.Type)
		t.Interventions = append(t.Interventions, v)
	}
	t.Outcomes.Primary = xmlOutcomes(x.PrimaryOutcomes)
	t.Outcomes.Secondary = xmlOutcomes(x.SecondaryOutcomes)
	t.Outcomes.Other = xmlOutcomes(x.OtherOutcomes)

	e := &t.Eligibility
	readCriteriaText(e, x.Eligibility.Criteria.Text, true)
	e.Raw = dedent(x.Eligibility.Criteria.Text)
	e.Sex, _ = model.ParseSex(x.Eligibility.Gender)
	e.MinAge = ageOrWarn(t, x.Eligibility.MinimumAge)
	e.MaxAge = ageOrWarn(t, x.Eligibility.MaximumAge)
	if b, ok := model.ParseYesNo(x.Eligibility.HealthyVolunteers); ok {
		e.HealthyVolunteers = &b
	}
	e.StudyPopulation = unwrapTextblock(x.Eligibility.StudyPop.Text)
	e.SamplingMethod, _ = model.ParseSamplingMethod(x.Eligibility.SamplingMethod)

	for _, o := range x.Officials {
		name := strings.TrimSpace(strings.TrimSpace(o.FirstName) + " " + strings.TrimSpace(o.LastName))
		t.Investigators = append(t.Investigators, model.Investigator{Name: name, Role: roleEnum(o.Role), Affiliation: o.Affiliation})
	}
	for _, l := range x.Locations {
		a := l.Facility.Address
		loc := model.Location{Facility: l.Facility.Name, City: a.City, State: a.State, Zip: a.Zip, Country: a.Country}
		for _, c := range []xmlContact{l.Contact, l.ContactBackup} {
			if ct, ok := c.contact("CONTACT"); ok {
				loc.Contacts = append(loc.Contacts, ct)
			}
		}
		for _, c := range l.Investigators {
			if ct, ok := c.contact("INVESTIGATOR"); ok {
				loc.Contacts = append(loc.Contacts, ct)
			}
		}
		if s, ok := model.ParseStatus(l.Status); ok {
			loc.Status = string(s)
		}
		t.Locations = append(t.Locations, loc)
	}
	var ids []model.SecondaryID
	if o := strings.TrimSpace(x.IDInfo.OrgStudyID); o != "" {
		t.OrgStudyID = o
		ids = append(ids, model.SecondaryID{ID: o})
	}
	for _, s := range x.IDInfo.SecondaryIDs {
		if s = strings.TrimSpace(s); s != "" {
			ids = append(ids, model.SecondaryID{ID: s})
		}
	}
	t.SecondaryIDs = orderIdentifiers(t.OrgStudyID, ids)
	return t, nil
}

// appendReference adds a reference unless it is empty or already listed.
func appendReference(rs []model.Reference, r model.Reference) []model.Reference {
	if r.Citation == "" && r.PMID == "" {
		return rs
	}
	for _, x := range rs {
		if x.Citation == r.Citation && x.PMID == r.PMID {
			return rs
		}
	}
	return append(rs, r)
}

func xmlDate(t *model.Trial, d xmlTyped, what string) (string, model.DateType) {
	return typedDate(t, strings.TrimSpace(d.Value), d.Type, what)
}

func xmlSponsor(a xmlAgency) model.Sponsor {
	c, _ := model.ParseSponsorClass(a.Class)
	return model.Sponsor{Name: strings.TrimSpace(a.Agency), Class: c}
}

func xmlOutcomes(os []xmlOutcome) []model.Outcome {
	out := make([]model.Outcome, 0, len(os))
	for _, o := range os {
		out = append(out, model.Outcome{Measure: o.Measure, TimeFrame: o.TimeFrame, Description: unwrapTextblock(o.Description)})
	}
	return out
}

// unwrapTextblock joins the lines the XML wrapped at about 70 columns back
// into paragraphs, keeping paragraph breaks and list items on lines of their own.
func unwrapTextblock(s string) string {
	return listProse(splitLinesString(s), true)
}
