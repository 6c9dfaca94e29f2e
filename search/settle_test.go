package search

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/trials-app/trials/model"
)

func TestSettleKeepsValues(t *testing.T) {
	long := strings.Repeat("x", textBlock) // past a block: cloned on its own
	cases := []struct {
		name string
		rec  Record
	}{
		{"empty", Record{}},
		{"nct id is the id", withSource(Record{ID: "NCT01", NCTID: "NCT01", Title: "A", Sponsor: "S"}, model.Source{Path: "p.zip", Entry: "NCT01.json", Origin: model.Origin{ID: "NCT01", Member: 3}})},
		{"nct id differs", withSource(Record{ID: "x-1", NCTID: "NCT02"}, model.Source{Origin: model.Origin{ID: "y"}})},
		{"lists", Record{ID: "a", Conditions: []string{"Melanoma", "", "Melanoma"}, Interventions: []Intervention{
			NewIntervention("Drug", model.InterventionDrug, []string{"D-1"}, []string{"Arm A", "Arm B"}),
			{Name: "drug"}, NewIntervention(long, "ODD TYPE", nil, []string{"Arm C"})}}},
		{"empty lists stay empty, not nil", Record{ID: "b", Conditions: []string{}, Interventions: []Intervention{}}},
	}
	var h recordHome
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := c.rec
			got := deepCopy(c.rec)
			h.settle(&got)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("settled %#v, want %#v", got, want)
			}
			// Appending to a settled list must never write into the next
			// record's part of the shared array.
			if cap(got.Conditions) != len(got.Conditions) || cap(got.Interventions) != len(got.Interventions) {
				t.Errorf("lists with room: %d/%d, %d/%d", len(got.Conditions), cap(got.Conditions), len(got.Interventions), cap(got.Interventions))
			}
			for _, iv := range got.Interventions {
				if cap(iv.names) != len(iv.names) {
					t.Errorf("%s: lists with room", iv.Name)
				}
			}
		})
	}
	// Texts that repeat are stored once.
	a, b := Record{Sponsor: "Org " + "One"}, Record{Sponsor: strings.Repeat("O", 1) + "rg One"}
	h.settle(&a)
	h.settle(&b)
	if a.Sponsor != "Org One" || unsafe.StringData(a.Sponsor) != unsafe.StringData(b.Sponsor) {
		t.Fatalf("sponsors %q and %q are not one string", a.Sponsor, b.Sponsor)
	}
}

func withSource(r Record, s model.Source) Record {
	r.SetSource(s)
	return r
}

func deepCopy(r Record) Record {
	r.Conditions = cloneStrings(r.Conditions)
	if r.Interventions != nil {
		ivs := make([]Intervention, len(r.Interventions))
		for i, iv := range r.Interventions {
			iv.names = cloneStrings(iv.names)
			ivs[i] = iv
		}
		r.Interventions = ivs
	}
	return r
}

func cloneStrings(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.Clone(s)
	}
	return out
}

// TestTextSet: past several growths, each text is found again as the one
// string first kept, and distinct texts stay distinct.
func TestTextSet(t *testing.T) {
	var set textSet
	kept := 0
	keep := func(s string) string { kept++; return strings.Clone(s) }
	first := map[string]string{}
	for round := range 2 {
		for i := range 5000 {
			s := strconv.Itoa(i * 7919)
			got := set.find(s, keep)
			if got != s {
				t.Fatalf("find(%q) = %q", s, got)
			}
			if round == 0 {
				first[s] = got
			} else if unsafe.StringData(got) != unsafe.StringData(first[s]) {
				t.Fatalf("%q found again as another string", s)
			}
		}
	}
	if kept != 5000 || len(set.texts) != 5000 || 2*len(set.texts) > len(set.slots) {
		t.Errorf("kept %d, %d texts in %d slots", kept, len(set.texts), len(set.slots))
	}
}
