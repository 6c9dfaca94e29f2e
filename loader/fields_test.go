package loader

import (
	"reflect"
	"testing"

	"github.com/trials-app/trials/model"
)

// The fields issue 10 §3 adds — contacts, when the status was verified,
// results, expanded access, references, MeSH terms — read from documents
// written for the test in each registry format.

const fieldsJSON = `{
  "protocolSection": {
    "identificationModule": {"nctId": "NCT09000001", "briefTitle": "Fields test"},
    "statusModule": {
      "statusVerifiedDate": "2021-03",
      "overallStatus": "RECRUITING",
      "expandedAccessInfo": {"hasExpandedAccess": true, "nctId": "NCT09000002", "statusForNctId": "NO_LONGER_AVAILABLE"}
    },
    "contactsLocationsModule": {
      "centralContacts": [
        {"name": "Ann Lee, RN", "role": "CONTACT", "phone": "555-0100", "phoneExt": "12", "email": "ann@example.org"},
        {"name": "", "role": "CONTACT"}
      ],
      "locations": [
        {"facility": "City Hospital", "city": "Leeds", "country": "United Kingdom", "status": "RECRUITING",
         "contacts": [{"name": "Bo Chen", "role": "CONTACT", "email": "bo@example.org"},
                      {"name": "Dr Dee", "role": "PRINCIPAL_INVESTIGATOR"}]}
      ]
    },
    "referencesModule": {"references": [
      {"pmid": "123456", "type": "RESULT", "citation": "Lee A. A result. J Test. 2020."},
      {"type": "BACKGROUND", "citation": "Chen B. Background. 2019."}
    ]}
  },
  "derivedSection": {
    "conditionBrowseModule": {"meshes": [{"id": "D1", "term": "Lymphoma"}, {"id": "D1", "term": "Lymphoma"}],
                              "ancestors": [{"id": "D2", "term": "Neoplasms"}]},
    "interventionBrowseModule": {"meshes": [{"id": "D3", "term": "Rituximab"}]}
  },
  "hasResults": true
}`

const fieldsXML = `<?xml version="1.0" encoding="UTF-8"?>
<clinical_study rank="1">
  <id_info><nct_id>NCT09000003</nct_id></id_info>
  <brief_title>Fields test, legacy XML</brief_title>
  <overall_status>Recruiting</overall_status>
  <has_expanded_access>Yes</has_expanded_access>
  <condition>Premenstrual syndrome</condition>
  <overall_contact>
    <last_name>Peter Smith, M.D.</last_name>
    <phone>(301) 555-0120</phone>
    <email>ps@example.gov</email>
  </overall_contact>
  <overall_contact_backup>
    <first_name>Jo</first_name><last_name>Ray</last_name><degrees>PhD</degrees>
    <phone>301-555-0121</phone><phone_ext>44</phone_ext>
  </overall_contact_backup>
  <location>
    <facility><name>Clinical Center</name><address><city>Bethesda</city><state>Maryland</state><country>United States</country></address></facility>
    <status>Recruiting</status>
    <contact><last_name>Office of Patient Recruitment</last_name><phone>800-555-0122</phone><email>opr@example.gov</email></contact>
    <investigator><last_name>Peter Smith, M.D.</last_name><role>Principal Investigator</role></investigator>
  </location>
  <reference><citation>Rubinow D. Background. JAMA. 1992.</citation><PMID>1404717</PMID></reference>
  <results_reference><citation>Smith P. Results. NEJM. 2010.</citation><PMID>2036854</PMID></results_reference>
  <verification_date>March 27, 2019</verification_date>
  <condition_browse><mesh_term>Premenstrual Syndrome</mesh_term></condition_browse>
  <intervention_browse><mesh_term>Leuprolide</mesh_term></intervention_browse>
  <clinical_results><participant_flow/></clinical_results>
</clinical_study>`

func TestFieldsFromRegistryFormats(t *testing.T) {
	tests := []struct {
		name, doc string
		want      model.Trial
		siteWant  []model.Contact
	}{
		{"API v2 JSON", fieldsJSON, model.Trial{
			CentralContacts: []model.Contact{{Name: "Ann Lee, RN", Role: "CONTACT", Phone: "555-0100 ext. 12", Email: "ann@example.org"}},
			StatusVerified:  "2021-03",
			HasResults:      true,
			ExpandedAccess:  &model.ExpandedAccess{NCTID: "NCT09000002", Status: model.StatusNoLongerAvailable},
			References: []model.Reference{
				{PMID: "123456", Citation: "Lee A. A result. J Test. 2020.", Type: "RESULT"},
				{Citation: "Chen B. Background. 2019.", Type: "BACKGROUND"},
			},
			MeshConditions:    []string{"Lymphoma"},
			MeshInterventions: []string{"Rituximab"},
		}, []model.Contact{{Name: "Bo Chen", Role: "CONTACT", Email: "bo@example.org"}, {Name: "Dr Dee", Role: "PRINCIPAL_INVESTIGATOR"}}},
		{"legacy XML", fieldsXML, model.Trial{
			CentralContacts: []model.Contact{
				{Name: "Peter Smith, M.D.", Role: "CONTACT", Phone: "(301) 555-0120", Email: "ps@example.gov"},
				{Name: "Jo Ray, PhD", Role: "CONTACT", Phone: "301-555-0121 ext. 44"},
			},
			StatusVerified: "2019-03",
			HasResults:     true,
			// The XML says the study has expanded access, not which record.
			ExpandedAccess: &model.ExpandedAccess{},
			References: []model.Reference{
				{PMID: "1404717", Citation: "Rubinow D. Background. JAMA. 1992."},
				{PMID: "2036854", Citation: "Smith P. Results. NEJM. 2010.", Type: "RESULT"},
			},
			MeshConditions:    []string{"Premenstrual Syndrome"},
			MeshInterventions: []string{"Leuprolide"},
		}, []model.Contact{
			{Name: "Office of Patient Recruitment", Role: "CONTACT", Phone: "800-555-0122", Email: "opr@example.gov"},
			{Name: "Peter Smith, M.D.", Role: "PRINCIPAL_INVESTIGATOR"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			trials, err := Parse("doc", []byte(tt.doc))
			if err != nil || len(trials) != 1 {
				t.Fatalf("Parse: %d trials, %v", len(trials), err)
			}
			got, want := trials[0], tt.want
			check := func(field string, g, w any) {
				if !reflect.DeepEqual(g, w) {
					t.Errorf("%s:\n got %+v\nwant %+v", field, g, w)
				}
			}
			check("central_contacts", got.CentralContacts, want.CentralContacts)
			check("status_verified", got.StatusVerified, want.StatusVerified)
			check("has_results", got.HasResults, want.HasResults)
			check("expanded_access", got.ExpandedAccess, want.ExpandedAccess)
			check("references", got.References, want.References)
			check("mesh_conditions", got.MeshConditions, want.MeshConditions)
			check("mesh_interventions", got.MeshInterventions, want.MeshInterventions)
			check("related_trials", got.RelatedTrials, []string{})
			if len(got.Locations) != 1 {
				t.Fatalf("%d locations", len(got.Locations))
			}
			check("locations[0].contacts", got.Locations[0].Contacts, tt.siteWant)
			if len(got.Warnings) > 0 {
				t.Errorf("warnings %q", got.Warnings)
			}
		})
	}
}

// TestFieldsAbsent: a record that states none of the new fields exports
// them empty — never invented.
func TestFieldsAbsent(t *testing.T) {
	trials, err := Parse("doc", []byte(`{"protocolSection": {"identificationModule": {"nctId": "NCT09000004", "briefTitle": "Bare"}, "statusModule": {"expandedAccessInfo": {"hasExpandedAccess": false}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	tr := trials[0]
	if tr.ExpandedAccess != nil || tr.HasResults || tr.StatusVerified != "" || len(tr.CentralContacts) != 0 ||
		len(tr.References) != 0 || len(tr.MeshConditions) != 0 || tr.CentralContacts == nil {
		t.Errorf("invented or nil: %+v", tr)
	}
}
