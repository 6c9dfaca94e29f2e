package loader

import (
	"reflect"
	"testing"

	"github.com/trials-app/trials/model"
)

func TestSplitLocationRow(t *testing.T) {
	tests := []struct {
		in   string
		want model.Location
	}{
		{"Mayo Clinic Rochester Minnesota United States 55905",
			model.Location{Facility: "Mayo Clinic", City: "Rochester", State: "Minnesota", Zip: "55905", Country: "United States"}},
		{"Beijing Youan Hospital,Capital Medical University Beijing Beijing China 100069",
			model.Location{Facility: "Beijing Youan Hospital,Capital Medical University", City: "Beijing", State: "Beijing", Zip: "100069", Country: "China"}},
		{"Rapid City Regional Hospital Rapid City South Dakota United States 57701",
			model.Location{Facility: "Rapid City Regional Hospital", City: "Rapid City", State: "South Dakota", Zip: "57701", Country: "United States"}},
		{"Memorial Sloan Kettering Cancer Center New York New York United States 10065",
			model.Location{Facility: "Memorial Sloan Kettering Cancer Center", City: "New York", State: "New York", Zip: "10065", Country: "United States"}},
		{"Hôpital Saint-Louis Paris France 75010",
			model.Location{Facility: "Hôpital Saint-Louis", City: "Paris", Zip: "75010", Country: "France"}},
		{"Seoul National University Hospital Seoul Korea, Republic of 03080",
			model.Location{Facility: "Seoul National University Hospital", City: "Seoul", Zip: "03080", Country: "Korea, Republic of"}},
		{"Princess Margaret Cancer Centre Toronto Ontario Canada M5G 2M9",
			model.Location{Facility: "Princess Margaret Cancer Centre", City: "Toronto", State: "Ontario", Zip: "M5G 2M9", Country: "Canada"}},
		{"Fort Smith Arkansas United States", model.Location{City: "Fort Smith", State: "Arkansas", Country: "United States"}},
		{"Hulston Cancer Center at Cox Medical Center South Springfield Missouri United States 65807",
			model.Location{Facility: "Hulston Cancer Center at Cox Medical Center South", City: "Springfield", State: "Missouri", Zip: "65807", Country: "United States"}},
		{"Good Samaritan Medical Center West Palm Beach Florida United States 33401",
			model.Location{Facility: "Good Samaritan Medical Center", City: "West Palm Beach", State: "Florida", Zip: "33401", Country: "United States"}},
		{"Medizinische Hochschule Hannover Hannover Germany 30625",
			model.Location{Facility: "Medizinische Hochschule Hannover", City: "Hannover", Zip: "30625", Country: "Germany"}},
		{"Hospital Universitario La Paz Madrid Spain 28046",
			model.Location{Facility: "Hospital Universitario La Paz", City: "Madrid", Zip: "28046", Country: "Spain"}},
		{"Some Site Nowhere Land", model.Location{Facility: "Some Site Nowhere Land"}},
		// A site number is the facility's, not part of the city.
		{"As0006 300 Sofia Bulgaria", model.Location{Facility: "As0006 300", City: "Sofia", Country: "Bulgaria"}},
		{"As0006 134 Tampa Florida United States", model.Location{Facility: "As0006 134", City: "Tampa", State: "Florida", Country: "United States"}},
	}
	for _, tt := range tests {
		if got := splitLocationRow(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitLocationRow(%q)\n got  %+v\n want %+v", tt.in, got, tt.want)
		}
	}
}

// TestInstitutionWords: the one list tells institutions from places,
// whole words for short entries ("Tampa" is not "PA").
func TestInstitutionWords(t *testing.T) {
	tests := []struct {
		line     string
		facility bool
	}{
		{"Clinic, Singapore", true},
		{"Tampa, Florida, United States", false},
		{"Universitätsspital Basel", true},
		{"Acme Pharmaceuticals Inc.", true},
		{"Uniklinik Köln", true},
		{"Zinc, Ohio, United States", false},
		{"Medicare, Texas, United States", false},
		{"Paris, France", false},
	}
	for _, tt := range tests {
		if got := looksLikeFacility(tt.line); got != tt.facility {
			t.Errorf("looksLikeFacility(%q) = %v, want %v", tt.line, got, tt.facility)
		}
	}
	for w, opens := range map[string]bool{"Hospital": true, "Hôpital": true, "Centre,": true, "Mayo": false, "Clinic": false} {
		if got := opensName(w); got != opens {
			t.Errorf("opensName(%q) = %v, want %v", w, got, opens)
		}
	}
}
