package search

import (
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/trials-app/trials/model"
)

// TestRecordValues: what a record is given is what it gives back, whether
// it fits the compact codes or not.
func TestRecordValues(t *testing.T) {
	zip := model.Source{Path: "/data/ctg.zip", Format: model.FormatCTGovJSON, Entry: "NCT01.json",
		Origin: model.Origin{ID: "NCT01", Member: 7, Size: 1 << 33, ModTime: 1700000000123456789}}
	cases := []struct {
		name               string
		id                 string
		status             model.Status
		typ                model.StudyType
		sex                model.Sex
		class              model.SponsorClass
		phases, wantPhases []model.Phase
		source             model.Source
		wantOdd            bool
	}{
		{name: "nothing stated"},
		{name: "the registry's values", id: "NCT01", status: model.StatusRecruiting, typ: model.StudyInterventional, sex: model.SexFemale,
			class: model.ClassNIH, phases: []model.Phase{model.Phase3, model.Phase2}, wantPhases: []model.Phase{model.Phase2, model.Phase3}, source: zip},
		{name: "a value no list names", id: "NCT01", status: "ON_HOLD\x1b[31m", typ: model.StudyObservational, sex: "BOTH", class: "", source: zip, wantOdd: true},
		{name: "an unknown phase is left out", id: "a", phases: []model.Phase{"PHASE9", model.PhaseNA}, wantPhases: []model.Phase{model.PhaseNA}},
		{name: "an origin without an id", id: "NCT02", source: model.Source{Path: "x.json", Format: model.FormatCTGovJSON}},
		{name: "an origin naming another trial", id: "NCT03", source: model.Source{Path: "x.json", Origin: model.Origin{ID: "NCT04"}}, wantOdd: true},
		{name: "positions past 32 bits", id: "NCT05", source: model.Source{Path: "x.zip", Origin: model.Origin{ID: "NCT05", Member: math.MaxInt32 + 1, Study: -1}}, wantOdd: true},
		{name: "an entry without a file", id: "NCT06", source: model.Source{Entry: "studies[2]", Origin: model.Origin{ID: "NCT06", Study: 3}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Record{ID: c.id}
			r.SetValues(c.status, c.typ, c.sex, c.class)
			r.SetPhases(c.phases)
			r.SetSource(c.source)
			if r.Status() != c.status || r.StudyType() != c.typ || r.Sex() != c.sex || r.SponsorClass() != c.class {
				t.Errorf("values %q %q %q %q, want %q %q %q %q", r.Status(), r.StudyType(), r.Sex(), r.SponsorClass(), c.status, c.typ, c.sex, c.class)
			}
			if !reflect.DeepEqual(r.Phases(), c.wantPhases) {
				t.Errorf("phases %v, want %v", r.Phases(), c.wantPhases)
			}
			if r.Source() != c.source {
				t.Errorf("source %+v, want %+v", r.Source(), c.source)
			}
			if (r.odd != nil) != c.wantOdd {
				t.Errorf("kept whole: %v, want %v", r.odd != nil, c.wantOdd)
			}
		})
	}
}

// TestRecordValuesCopies: a copy of a record keeps its values when the
// original is given others (records are copied into Docs and builders).
func TestRecordValuesCopies(t *testing.T) {
	var r Record
	r.ID = "NCT01"
	r.SetValues("ODD", "", "", "")
	r.SetSource(model.Source{Path: "a", Origin: model.Origin{ID: "other"}})
	cp := r
	r.SetValues(model.StatusCompleted, "", "", "")
	r.SetSource(model.Source{Path: "b"})
	if cp.Status() != "ODD" || cp.Source().Origin.ID != "other" || cp.Source().Path != "a" {
		t.Errorf("the copy changed: %q %+v", cp.Status(), cp.Source())
	}
	if r.Status() != model.StatusCompleted || r.Source().Path != "b" || r.odd != nil {
		t.Errorf("the original: %q %+v, odd %v", r.Status(), r.Source(), r.odd)
	}
}

// TestSettleSharesFiles: the records of one input share its sourceFile.
func TestSettleSharesFiles(t *testing.T) {
	var h recordHome
	var recs [3]Record
	for i := range recs {
		recs[i].ID = "NCT0" + string(rune('1'+i))
		recs[i].SetSource(model.Source{Path: "/data/" + "ctg.zip", Entry: recs[i].ID + ".json", Origin: model.Origin{ID: recs[i].ID, Member: i + 1, Size: 9}})
		h.settle(&recs[i])
	}
	if recs[0].src.file != recs[1].src.file || recs[1].src.file != recs[2].src.file {
		t.Errorf("one input, several files: %p %p %p", recs[0].src.file, recs[1].src.file, recs[2].src.file)
	}
	if s := recs[2].Source(); s.Path != "/data/ctg.zip" || s.Origin.Member != 3 || s.Origin.ID != "NCT03" || s.Entry != "NCT03.json" {
		t.Errorf("source %+v", s)
	}
}

// TestIntervention: an intervention gives back its type, other names and
// arms, however it was made: by NewIntervention, or read from a snapshot's
// lists side by side, apart, or out of range.
func TestIntervention(t *testing.T) {
	texts := []string{"O1", "O2", "A1", "A2", "A3"}
	sub := func(first, k uint32) []string {
		if k == 0 || uint64(first)+uint64(k) > uint64(len(texts)) {
			return nil
		}
		return texts[first : first+k : first+k]
	}
	cases := []struct {
		name         string
		iv           Intervention
		typ          model.InterventionType
		others, arms []string
	}{
		{"nothing", NewIntervention("X", "", nil, nil), "", nil, nil},
		{"both lists", NewIntervention("X", model.InterventionDevice, []string{"o"}, []string{"a", "b"}), model.InterventionDevice, []string{"o"}, []string{"a", "b"}},
		{"a type no list names", NewIntervention("X", "GENE_THERAPY", nil, []string{"a"}), "GENE_THERAPY", nil, []string{"a"}},
		{"read side by side", decodeIntervention("X", model.InterventionDrug, interventionWire{otherFirst: 0, otherN: 2, armsFirst: 2, armsN: 3}, sub), model.InterventionDrug, texts[:2], texts[2:]},
		{"read apart", decodeIntervention("X", model.InterventionDrug, interventionWire{otherFirst: 0, otherN: 1, armsFirst: 3, armsN: 2}, sub), model.InterventionDrug, texts[:1], texts[3:]},
		{"read, arms only", decodeIntervention("X", "", interventionWire{armsFirst: 4, armsN: 1}, sub), "", nil, texts[4:]},
		{"read with an odd type", decodeIntervention("X", "ODD", interventionWire{otherFirst: 1, otherN: 1, armsFirst: 2, armsN: 1}, sub), "ODD", texts[1:2], texts[2:3]},
		{"read out of range", decodeIntervention("X", model.InterventionDrug, interventionWire{otherFirst: 4, otherN: 1, armsFirst: 5, armsN: 9}, sub), model.InterventionDrug, texts[4:], nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.iv.Type() != c.typ || !slices.Equal(c.iv.OtherNames(), c.others) || !slices.Equal(c.iv.Arms(), c.arms) {
				t.Errorf("%q %q %q, want %q %q %q", c.iv.Type(), c.iv.OtherNames(), c.iv.Arms(), c.typ, c.others, c.arms)
			}
			// The lists are capped: appending to one never writes the other.
			if o := c.iv.OtherNames(); cap(o) != len(o) {
				t.Errorf("other names with room: %d/%d", len(o), cap(o))
			}
		})
	}
}
