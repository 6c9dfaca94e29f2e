package search

import (
	"math"
	"slices"

	"github.com/trials-app/trials/model"
)

// recordSource is a record's model.Source, compact: what every trial of
// one input shares (its path, layout, size and time) is one sourceFile, and
// the origin's id is the record's own.
type recordSource struct {
	file                  *sourceFile // nil: no path, layout, size or time
	entry                 string
	member, nested, study int32
	noID                  bool // the origin pins no id ("" rather than the record's)
}

type sourceFile struct {
	path          string
	format        model.Format
	size, modTime int64
}

// oddValues are a record's values the compact fields cannot hold: an
// enumeration none of the lists names (from a test, a fuzzer, a future
// registry value), a source whose origin is not the record's. Rare; never
// changed once made (records share it when copied).
type oddValues struct {
	enums     bool
	status    model.Status
	studyType model.StudyType
	sex       model.Sex
	class     model.SponsorClass
	source    *model.Source
}

// Status is the trial's overall status; "" when not stated.
func (r *Record) Status() model.Status {
	if r.odd != nil && r.odd.enums {
		return r.odd.status
	}
	return statusOrder[r.status]
}

// StudyType is the kind of study; "" when not stated.
func (r *Record) StudyType() model.StudyType {
	if r.odd != nil && r.odd.enums {
		return r.odd.studyType
	}
	return studyTypes[r.studyType]
}

// Sex is who may take part; "" when not stated.
func (r *Record) Sex() model.Sex {
	if r.odd != nil && r.odd.enums {
		return r.odd.sex
	}
	return sexes[r.sex]
}

// SponsorClass is the lead sponsor's class; "" when not stated.
func (r *Record) SponsorClass() model.SponsorClass {
	if r.odd != nil && r.odd.enums {
		return r.odd.class
	}
	return sponsorClasses[r.class]
}

// Phases are the trial's phases in the registry's order, nil when none.
// The slice is shared between records: never modify it.
func (r *Record) Phases() []model.Phase { return phaseSets[r.phases&63] }

// SetValues sets the record's status, study type, sex and sponsor class.
func (r *Record) SetValues(status model.Status, typ model.StudyType, sex model.Sex, class model.SponsorClass) {
	st, ok1 := code(statusOrder, status)
	ty, ok2 := code(studyTypes, typ)
	sx, ok3 := code(sexes, sex)
	cl, ok4 := code(sponsorClasses, class)
	r.status, r.studyType, r.sex, r.class = st, ty, sx, cl
	odd := oddValues{}
	if r.odd != nil {
		odd = *r.odd
	}
	odd.enums = !(ok1 && ok2 && ok3 && ok4)
	if odd.enums {
		odd.status, odd.studyType, odd.sex, odd.class = status, typ, sex, class
	} else {
		odd.status, odd.studyType, odd.sex, odd.class = "", "", "", ""
	}
	r.setOdd(odd)
}

// code is v's position in list (0, "not stated", for one it lacks) and
// whether the list holds it.
func code[T comparable](list []T, v T) (uint8, bool) {
	i := slices.Index(list, v)
	if i < 0 {
		return 0, false
	}
	return uint8(i), true
}

// SetPhases sets the record's phases (values other than the registry's
// phases are left out, as the phase filter does).
func (r *Record) SetPhases(ps []model.Phase) { r.phases = phaseMask(ps) }

// Source is where the record's trial was read.
func (r *Record) Source() model.Source {
	if r.odd != nil && r.odd.source != nil {
		return *r.odd.source
	}
	s := model.Source{Entry: r.src.entry, Origin: model.Origin{Member: int(r.src.member), Nested: int(r.src.nested), Study: int(r.src.study)}}
	if f := r.src.file; f != nil {
		s.Path, s.Format, s.Origin.Size, s.Origin.ModTime = f.path, f.format, f.size, f.modTime
	}
	if !r.src.noID {
		s.Origin.ID = r.ID
	}
	return s
}

// SetSource sets where the record's trial was read; the record's ID must
// be set first (the origin's id is mostly the same string).
func (r *Record) SetSource(s model.Source) { r.setSource(s, nil) }

// setSource is SetSource with the sourceFiles already made for others
// (nil: none shared).
func (r *Record) setSource(s model.Source, files map[sourceFile]*sourceFile) {
	o := s.Origin
	odd := oddValues{}
	if r.odd != nil {
		odd = *r.odd
	}
	fits := func(v int) bool { return v >= math.MinInt32 && v <= math.MaxInt32 }
	if o.ID != "" && o.ID != r.ID || !fits(o.Member) || !fits(o.Nested) || !fits(o.Study) {
		r.src, odd.source = recordSource{}, &s
		r.setOdd(odd)
		return
	}
	odd.source = nil
	r.setOdd(odd)
	r.src = recordSource{entry: s.Entry, member: int32(o.Member), nested: int32(o.Nested), study: int32(o.Study), noID: o.ID == "" && r.ID != ""}
	if f := (sourceFile{path: s.Path, format: s.Format, size: o.Size, modTime: o.ModTime}); f != (sourceFile{}) {
		r.src.file = shareFile(f, files)
	}
}

func shareFile(f sourceFile, files map[sourceFile]*sourceFile) *sourceFile {
	if p, ok := files[f]; ok {
		return p
	}
	p := &f
	if files != nil {
		files[f] = p
	}
	return p
}

// setOdd keeps odd when it holds anything, as a new value: a record's copies
// share the one they had.
func (r *Record) setOdd(odd oddValues) {
	if !odd.enums && odd.source == nil {
		r.odd = nil
		return
	}
	r.odd = &odd
}
