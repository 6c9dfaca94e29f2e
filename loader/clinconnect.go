package loader

import (
	"fmt"
	"strings"

	"github.com/trials-app/trials/model"
)

// ClinConnect's patient-facing page: no NCT id at all, the sponsor and a
// date in a "Launched by SPONSOR · Feb 10, 2025" line, a lay summary, and
// the criteria as "- " lines whose items are "- • 1." bullets — with the
// nesting shown by numbering that restarts ("- 8." followed by "- • 1." …)
// and letters under numbers ("- • a.").

var clinConnectLayout = layout{
	format:   model.FormatClinConnect,
	idPrefix: "CC",
	about:    "a ClinConnect page",
	detect: func(s *sample) bool {
		return s.hasLine("ClinConnect Summary") || s.hasLine("Trial Information") && s.hasLinePrefix("Launched by ")
	},
	parse: single(parseClinConnect),
}

var clinConnectSections = map[string]bool{
	"Trial Information": true, "Keywords": true, "ClinConnect Summary": true, "Gender": true,
	"Eligibility criteria": true, "Contacts": true, "Locations": true, "Patients applied": true,
	"Timeline": true, "Phase": true, "Conditions": true, "Age": true, "Sponsor": true,
}

// clinConnectBoilerplate is site text that belongs in no field.
var clinConnectBoilerplate = map[string]bool{"Patients applied": true, "Not reported": true}

func parseClinConnect(data []byte) (*model.Trial, error) {
	ls := splitLines(data)
	secs := splitSections(ls, func(i int) (string, bool) {
		t := ls[i].text
		if clinConnectSections[t] {
			return t, true
		}
		// "About <sponsor>" opens the sponsor's blurb: a short line (the
		// name may end in "Inc." or "Co., Ltd.") followed by a paragraph.
		if strings.HasPrefix(t, "About ") && len(strings.Fields(t)) <= 12 && len(strings.Fields(nextText(ls, i))) >= 12 {
			return "About", true
		}
		return "", false
	})
	if _, ok := find(secs, "Timeline"); !ok {
		return nil, fmt.Errorf("%w: the page ends after the %q section, before the \"Timeline\" that closes every ClinConnect page", ErrTruncated, secs[len(secs)-1].name)
	}
	t := &model.Trial{}
	head := texts(secs[0].lines)
	if len(head) == 0 {
		return nil, fmt.Errorf("%w: ClinConnect page without a title", ErrNotTrial)
	}
	t.Title = head[0]
	for _, l := range head[1:] {
		if rest, ok := strings.CutPrefix(l, "Launched by "); ok {
			// "SPONSOR · Feb 10, 2025", or "SPONSOR ·" when the page has
			// no date: the separator is never part of the name.
			sponsor, date, _ := strings.Cut(rest, "·")
			t.LeadSponsor.Name = strings.TrimSpace(sponsor)
			// "Launched" is the page's word for the study start; the
			// registry's start date may be another.
			if date = strings.TrimSpace(date); date != "" {
				setDate(t, &t.StartDate, date, "launch")
				if t.StartDate != "" {
					t.Warnings = append(t.Warnings, fmt.Sprintf("start date %s: read from %q, the page's date for the launch; the registry's start date may differ", t.StartDate, "Launched by"))
				}
			}
		}
	}
	get := func(name string) []line { s, _ := find(secs, name); return s.lines }
	for _, l := range texts(get("Trial Information")) {
		// "Current as of" dates ClinConnect's copy of the record, not the
		// registry's last update: it goes into no field.
		if strings.HasPrefix(l, "Current as of ") {
			continue
		}
		if st, ok := model.ParseStatus(l); ok {
			t.Status = st
			continue
		}
		if ps, ok := model.ParsePhases(l); ok && isPhaseShaped(l) {
			t.Phases = ps
			continue
		}
		if ty, ok := model.ParseStudyType(l); ok {
			t.StudyType = ty
		}
	}
	for _, k := range texts(get("Keywords")) {
		t.Keywords = appendUnique(t.Keywords, k)
	}
	for _, c := range texts(get("Conditions")) {
		t.Conditions = appendUnique(t.Conditions, c)
	}
	if ps := oneLine(get("Phase")); ps != "" {
		setPhases(t, ps)
	}
	t.BriefSummary = prose(get("ClinConnect Summary"))
	if g := oneLine(get("Gender")); g != "" {
		if s, ok := model.ParseSex(g); ok {
			t.Eligibility.Sex = s
		}
	}
	if a := oneLine(get("Age")); a != "" {
		t.Eligibility.MinAge, t.Eligibility.MaxAge = parseAgeRange(a)
	}
	readClinConnectCriteria(t, get("Eligibility criteria"))
	readSiteLines(t, get("Locations"), clinConnectBoilerplate)
	readClinConnectTimeline(t, get("Timeline"))
	return t, nil
}

// readClinConnectCriteria drops the "- " every line carries, then reads the
// inclusion and exclusion lists.
//
// Every criterion line opens with "- "; the first line that does not ends
// the criteria — the sponsor's "About …" block that follows them is no
// criterion, and other text there is reported, not read as one.
func readClinConnectCriteria(t *model.Trial, ls []line) {
	var items []line
	for i, l := range ls {
		if l.blank() {
			continue
		}
		text := l.text
		rest, ok := strings.CutPrefix(text, "- ")
		if !ok && len(items) > 0 {
			if after := oneLine(ls[i:]); !strings.HasPrefix(after, "About ") {
				t.Warnings = append(t.Warnings, fmt.Sprintf("eligibility: text after the criteria not read: %q", after))
			}
			break
		}
		if ok {
			text = strings.TrimSpace(rest)
		}
		items = append(items, line{text: text, indent: l.indent})
	}
	inc, exc := splitInclusionExclusion(items)
	setCriteria(&t.Eligibility, inc, exc)
}

var clinConnectTimeline = map[string]bool{
	"First submit": true, "Trial launched": true, "Trial updated": true, "Estimated completion": true,
	"Completion": true, "Actual completion": true,
}

// readClinConnectTimeline reads the dates the timeline gives; a label with
// no date (or "Not reported") gives nothing.
func readClinConnectTimeline(t *model.Trial, ls []line) {
	for _, lv := range labelValues(ls, clinConnectTimeline) {
		v := lv.first()
		if _, ok := model.ParseDate(v); !ok {
			continue
		}
		switch lv.label {
		case "Trial launched":
			setDate(t, &t.StartDate, v, "launch")
		case "Trial updated":
			setDate(t, &t.LastUpdated, v, "updated")
		case "Estimated completion":
			setDate(t, &t.CompletionDate, v, "completion")
			t.CompletionDateType = model.DateEstimated
		case "Actual completion":
			setDate(t, &t.CompletionDate, v, "completion")
			t.CompletionDateType = model.DateActual
		}
	}
}
