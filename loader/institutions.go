package loader

import (
	"strings"
	"sync"
)

// Several layouts run a site's facility and its city together ("Mayo Clinic
// Rochester"), or print a facility line that reads like an address
// ("Clinic, Singapore"). The words below tell an institution's name from a
// place's; they are the one list every layout uses for it.
//
// A word matches an entry equal to it, and an entry of six letters or more
// also matches the end of a compound ("Uniklinik", "Oncocenter"); an entry
// ending in "*" matches the words it begins ("Universitätsspital"). Short
// entries match whole words only, so that "Tampa" is not taken for "PA".
// An entry marked true is a head noun that names begin with and continue
// after ("Hospital Universitario La Paz", "Hôpital Saint-Louis").
var institutionWords = map[string]bool{
	"hospital": true, "hôpital": true, "hopital": true, "ospedale": true, "klinikum": true,
	"klinik": true, "centro": true, "instituto": true, "clínica": true, "clinica": true,
	"policlinico": true, "azienda": true, "fundación": true, "fundacion": true, "chu": true,
	"hospices": true, "centre": true, "universitätsklinikum": true, "universitair": true,
	"szpital": true, "hospitales": true,

	"hospitals": false, "universit*": false, "clinic": false, "clinics": false,
	"center": false, "centers": false, "institut*": false, "college": false,
	"school": false, "foundation": false, "inc": false, "ltd": false, "llc": false, "pllc": false,
	"gmbh": false, "hochschule": false, "infirmary": false, "ncorp": false,
	"consortium": false, "associates": false, "research": false, "site": false, "medical": false,
	"oncology": false, "hematology": false, "health": false, "healthcare": false, "cancer": false,
	"radiology": false, "specialists": false, "physicians": false, "services": false,
	"network": false, "group": false, "pc": false, "pa": false, "ccop": false, "sjukhus": false,
	"ziekenhuis": false, "hospitalier": false,
	"hospitalario": false, "care": false, "branch": false, "campus": false, "unit": false,
	"division": false, "department": false, "practice": false, "pharma*": false,
	"laborator*": false, "hospice": false, "ccc": false,
	"system": false, "systems": false, "healthsystem": false,
	"gastroenterology": false, "cardiology": false, "urology": false, "dermatology": false,
	"neurology": false, "rheumatology": false, "pulmonology": false, "nephrology": false,
	"endocrinology": false, "ophthalmology": false, "orthopaedics": false, "orthopedics": false,
	"pediatrics": false, "paediatrics": false, "surgery": false, "trust": false, "consultants": false,
}

var institutionMatch = sync.OnceValue(func() (m struct{ suffixes, stems []string }) {
	for w := range institutionWords {
		if stem, ok := strings.CutSuffix(w, "*"); ok {
			m.stems = append(m.stems, stem)
		} else if len([]rune(w)) >= 6 {
			m.suffixes = append(m.suffixes, w)
		}
	}
	return m
})

// isInstitutionWord reports whether a word of a name marks an institution.
func isInstitutionWord(w string) bool {
	w = strings.Trim(w, ",.;()")
	// An acronym ("NBGH", "UCLA") names an institution, never a city.
	if len(w) >= 3 && strings.ToUpper(w) == w && strings.IndexFunc(w, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0 {
		return true
	}
	w = strings.ToLower(w)
	if _, ok := institutionWords[w]; ok {
		return true
	}
	// "P.A", "L.L.C.": the abbreviation without its dots.
	if _, ok := institutionWords[strings.ReplaceAll(w, ".", "")]; ok && strings.Contains(w, ".") {
		return true
	}
	m := institutionMatch()
	for _, s := range m.suffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	for _, s := range m.stems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// opensName reports a head noun that names begin with and continue after.
func opensName(w string) bool {
	return institutionWords[strings.ToLower(strings.Trim(w, ",."))]
}

// looksLikeFacility: a line that names an institution rather than a place,
// for the rare facility whose name ends in a country ("Clinic, Singapore").
func looksLikeFacility(s string) bool {
	for _, w := range strings.Fields(s) {
		if isInstitutionWord(w) {
			return true
		}
	}
	return false
}
