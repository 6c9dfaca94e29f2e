package ris

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// The RIS tags this writer relies on, what the specification says of each,
// and what the importers make of them.
//
// Sources:
//   - RIS Format Specifications, Research Information Systems / Reference
//     Manager (2001; referencemanager.com/support/risformat_*.asp, mirrored
//     at adeptscience.co.uk/kb/article/A626): a tag is two characters —
//     an uppercase letter, then an uppercase letter or digit — two spaces,
//     a hyphen and a space; every line ends with CR LF; TY is first and
//     ER last in each record, the others in any order; "*" is not allowed
//     in author or keyword fields; dates are YYYY/MM/DD/other with the
//     slashes kept when a part is missing ("1998///Spring").
//   - The 2011 revision (EndNote / Thomson Reuters), as tabulated in
//     Wikipedia's "RIS (file format)": PY is the publication year (YYYY),
//     DA the date (YYYY/MM/DD/other); reference type DBASE is "Online
//     Database", GEN "Generic"; no blank lines between records.
//   - Zotero's RIS translator (github.com/zotero/translators, RIS.js,
//     lastUpdated 2026-01-05), fieldMap / importTypeMap: TY DBASE → item
//     type dataset (document before Zotero 6.0.24), TY GEN → journalArticle;
//     AU → creators/author, split at the first comma into last, first, and
//     a name without a comma kept as one field; AN → archiveLocation; DB →
//     archive; UR → url; DA → date; PY → date (used when DA is absent); AB →
//     abstractNote; KW → tags (also split at ";"); N1 → a child note each;
//     ST → shortTitle.
//
// The tags written, by RIS meaning:
//
//	TY  type of reference, first          DBASE
//	TI  title (primary)                   brief title, else official title
//	ST  short title                       acronym
//	AU  author (primary)                  lead sponsor, as a corporate author
//	PY  publication year, YYYY            year first posted
//	DA  date, YYYY/MM/DD/other            date first posted
//	AB  abstract                          brief summary
//	KW  keyword, one per line             conditions; the user's tag
//	AN  accession number                  NCT id
//	DB  name of database                  ClinicalTrials.gov
//	UR  URL                               https://clinicaltrials.gov/study/NCT…
//	N1  notes                             the user's note; the record summary
//	ER  end of reference, last            (empty)
var specTags = map[string]bool{
	"TY": true, "TI": true, "ST": true, "AU": true, "PY": true, "DA": true, "AB": true,
	"KW": true, "AN": true, "DB": true, "UR": true, "N1": true, "ER": true,
}

type field struct{ tag, value string }

type record []field

func (r record) values(tag string) []string {
	var out []string
	for _, f := range r {
		if f.tag == tag {
			out = append(out, f.value)
		}
	}
	return out
}

func (r record) value(tag string) string {
	if v := r.values(tag); len(v) > 0 {
		return v[0]
	}
	return ""
}

var tagLine = regexp.MustCompile(`^([A-Z][A-Z0-9])  - (.*)$`)

// parseRIS reads RIS strictly, as the specification states it: CR LF line
// ends and nothing else, every line a tag line, records from TY to ER with
// no blank lines, values on one line with no control characters. It is
// stricter than the importers, so output it accepts they accept.
func parseRIS(data []byte) ([]record, error) {
	if len(data) == 0 {
		return nil, nil
	}
	if !utf8.Valid(data) {
		return nil, errors.New("not UTF-8")
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		return nil, errors.New("the last line has no CR LF")
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	var out []record
	var cur record
	in := false
	for i, line := range lines {
		n := i + 1
		if strings.ContainsAny(line, "\r\n") {
			return nil, fmt.Errorf("line %d: a lone CR or LF inside a line: %q", n, line)
		}
		m := tagLine.FindStringSubmatch(line)
		if m == nil {
			return nil, fmt.Errorf("line %d: not a tag line: %q", n, line)
		}
		tag, value := m[1], m[2]
		for _, r := range value {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x2029 {
				return nil, fmt.Errorf("line %d: control character %U in the value of %s", n, r, tag)
			}
		}
		if value != strings.TrimSpace(value) {
			return nil, fmt.Errorf("line %d: white space around the value of %s: %q", n, tag, value)
		}
		switch {
		case tag == "TY" && in:
			return nil, fmt.Errorf("line %d: TY inside a record", n)
		case tag == "TY":
			in, cur = true, record{{tag, value}}
		case !in:
			return nil, fmt.Errorf("line %d: %s outside a record", n, tag)
		case tag == "ER":
			if value != "" {
				return nil, fmt.Errorf("line %d: ER with a value %q", n, value)
			}
			out = append(out, append(cur, field{tag, value}))
			in, cur = false, nil
		default:
			if value == "" {
				return nil, fmt.Errorf("line %d: %s with no value", n, tag)
			}
			cur = append(cur, field{tag, value})
		}
	}
	if in {
		return nil, errors.New("the last record has no ER")
	}
	return out, nil
}

func writeAll(t testing.TB, trials []*model.Trial, note, tag func(*model.Trial) string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for _, tr := range trials {
		if err := w.Write(tr, note(tr), tag(tr)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// seedFiles are the bundled seed documents (the folder also holds Go code).
func seedFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("seed documents: %v %v", files, err)
	}
	return files
}

// fixtures are the real registry records in the repository and the seeds
// (one of which has no NCT id).
func fixtures(t testing.TB, paths ...string) []*model.Trial {
	t.Helper()
	if len(paths) == 0 {
		paths = append([]string{"../../loader/testdata/ctgov/json", "../../loader/testdata/ctgov/search-pages", "../../loader/testdata/ctgov/xml"}, seedFiles(t)...)
	}
	res := loader.Load(paths...)
	if len(res.Trials) == 0 || len(res.Diagnostics) > 0 {
		t.Fatalf("%d fixtures loaded from %v: %v", len(res.Trials), paths, res.Diagnostics)
	}
	return res.Trials
}

// TestFixturesReadBack exports every fixture and reads the output back field
// by field.
func TestFixturesReadBack(t *testing.T) {
	trials := fixtures(t)
	if len(trials) < 20 {
		t.Fatalf("only %d fixtures", len(trials))
	}
	note := func(tr *model.Trial) string {
		if strings.HasSuffix(tr.ID, "9") {
			return "Ask the PI about arm B.\nSecond line of the note."
		}
		return ""
	}
	tag := func(tr *model.Trial) string {
		if strings.HasSuffix(tr.ID, "2") || strings.HasSuffix(tr.ID, "8") {
			return "ask-PI"
		}
		return ""
	}
	out := writeAll(t, trials, note, tag)
	recs, err := parseRIS(out)
	if err != nil {
		t.Fatalf("the export does not parse: %v", err)
	}
	if len(recs) != len(trials) {
		t.Fatalf("%d records for %d trials", len(recs), len(trials))
	}
	var withNCT, withDate, withAU int
	for i, tr := range trials {
		r := recs[i]
		name := tr.ID
		if r[0] != (field{"TY", "DBASE"}) || r[len(r)-1] != (field{"ER", ""}) {
			t.Errorf("%s: record does not run from TY DBASE to ER", name)
		}
		for _, f := range r {
			if !specTags[f.tag] {
				t.Errorf("%s: tag %s is not one of the documented ones", name, f.tag)
			}
		}
		for _, once := range []string{"TY", "TI", "ST", "AU", "PY", "DA", "AB", "AN", "DB", "UR", "ER"} {
			if n := len(r.values(once)); n > 1 {
				t.Errorf("%s: %s written %d times", name, once, n)
			}
		}
		wantTitle := tr.Title
		if wantTitle == "" {
			wantTitle = tr.OfficialTitle
		}
		if got := r.value("TI"); got != Value(wantTitle) || got == "" {
			t.Errorf("%s: TI = %q, want %q", name, got, Value(wantTitle))
		}
		if got := r.value("ST"); got != Value(tr.Acronym) {
			t.Errorf("%s: ST = %q, want %q", name, got, tr.Acronym)
		}
		if model.IsNCTID(tr.NCTID) {
			withNCT++
			if r.value("AN") != tr.NCTID || r.value("DB") != "ClinicalTrials.gov" || r.value("UR") != "https://clinicaltrials.gov/study/"+tr.NCTID {
				t.Errorf("%s: AN/DB/UR = %q %q %q", name, r.value("AN"), r.value("DB"), r.value("UR"))
			}
		} else if r.value("AN") != "" || r.value("DB") != "" || r.value("UR") != "" {
			t.Errorf("%s: no NCT id, yet AN/DB/UR = %q %q %q", name, r.value("AN"), r.value("DB"), r.value("UR"))
		}
		if tr.FirstPosted != "" {
			withDate++
			y, rest, _ := strings.Cut(tr.FirstPosted, "-")
			m, d, _ := strings.Cut(rest, "-")
			if r.value("PY") != y || r.value("DA") != y+"/"+m+"/"+d+"/" {
				t.Errorf("%s: first posted %s, PY %q DA %q", name, tr.FirstPosted, r.value("PY"), r.value("DA"))
			}
		} else if r.value("PY") != "" || r.value("DA") != "" {
			t.Errorf("%s: no first-posted date, yet PY %q DA %q", name, r.value("PY"), r.value("DA"))
		}
		if tr.LeadSponsor.Name != "" {
			withAU++
			au := r.value("AU")
			if !strings.HasSuffix(au, ",") || strings.Count(au, ",") != 1 {
				t.Errorf("%s: AU %q should be the sponsor with one trailing comma", name, au)
			}
			if strings.Join(strings.Fields(strings.ReplaceAll(tr.LeadSponsor.Name, ",", " ")), " ")+"," != au {
				t.Errorf("%s: AU %q does not name the sponsor %q", name, au, tr.LeadSponsor.Name)
			}
		}
		if got, want := r.value("AB"), Value(tr.BriefSummary); got != want {
			t.Errorf("%s: AB differs from the brief summary:\n got %.80q\nwant %.80q", name, got, want)
		}
		var wantKW []string
		for _, c := range tr.Conditions {
			if v := Value(strings.ReplaceAll(c, "*", "")); v != "" {
				wantKW = append(wantKW, v)
			}
		}
		if tag(tr) != "" {
			wantKW = append(wantKW, tag(tr))
		}
		if got := r.values("KW"); !slices.Equal(got, wantKW) {
			t.Errorf("%s: KW = %q, want %q", name, got, wantKW)
		}
		n1 := r.values("N1")
		if note(tr) != "" {
			if len(n1) != 2 || n1[0] != "Ask the PI about arm B. Second line of the note." {
				t.Errorf("%s: N1 = %q, want the note first, on one line", name, n1)
			}
		} else if len(n1) != 1 {
			t.Errorf("%s: N1 = %q, want the summary alone", name, n1)
		}
		sum := n1[len(n1)-1]
		if model.IsNCTID(tr.NCTID) && !strings.HasPrefix(sum, "ClinicalTrials.gov: "+tr.NCTID) {
			t.Errorf("%s: summary %q does not start with the record id", name, sum)
		}
		if !model.IsNCTID(tr.NCTID) && !strings.HasPrefix(sum, "Trial id: "+tr.ID) {
			t.Errorf("%s: summary %q does not give the derived id", name, sum)
		}
		if tr.Status != "" && !strings.Contains(sum, "Status: "+model.Label(tr.Status)) {
			t.Errorf("%s: summary %q lacks the status", name, sum)
		}
		if p := model.PhaseLabel(tr.Phases); p != "" && !strings.Contains(sum, "Phase: "+p) {
			t.Errorf("%s: summary %q lacks the phase %s", name, sum, p)
		}
		if tr.LeadSponsor.Name != "" && !strings.Contains(sum, "Lead sponsor: "+Value(tr.LeadSponsor.Name)) {
			t.Errorf("%s: summary %q lacks the sponsor as the registry spells it", name, sum)
		}
	}
	// The fixtures must exercise both kinds of record.
	if withNCT == len(trials) || withNCT == 0 || withDate == 0 || withDate == len(trials) || withAU == 0 {
		t.Errorf("fixtures cover too little: %d of %d with NCT id, %d with a date, %d with a sponsor", withNCT, len(trials), withDate, withAU)
	}
}

func TestRecord(t *testing.T) {
	n := 120
	tr := &model.Trial{
		ID: "NCT05033522", NCTID: "NCT05033522",
		Title:         "Lenvatinib Plus TACE in Hepatocellular Carcinoma",
		OfficialTitle: "A Phase 2/3, Randomised Study of Lenvatinib Plus TACE…",
		Acronym:       "LEN-TACE",
		Status:        model.Status("RECRUITING"), StatusVerified: "2024-05",
		Phases:     []model.Phase{"PHASE2", "PHASE3"},
		StudyType:  model.StudyType("INTERVENTIONAL"),
		Enrollment: &n, EnrollmentType: "ESTIMATED",
		StartDate: "2023-08-01", StartDateType: "ACTUAL",
		PrimaryCompletionDate: "2026-12",
		FirstPosted:           "2021-09-01",
		LastUpdated:           "2024-05-10",
		Conditions:            []string{"Hepatocellular Carcinoma", "Liver Cancer*"},
		LeadSponsor:           model.Sponsor{Name: "Hospital Authority, Hong Kong", Class: "OTHER_GOV"},
		Collaborators:         []model.Sponsor{{Name: "Eisai Inc.", Class: "INDUSTRY"}, {Name: "Some Network", Class: "OTHER"}},
		BriefSummary:          "This study tests…\n\nSecond paragraph.",
		CentralContacts:       []model.Contact{{Name: "Jane Doe, RN", Phone: "+852 1234 5678", Email: "jane@example.org"}},
	}
	var buf bytes.Buffer
	w := NewWriter(&buf)
	if err := w.Write(tr, "  Fits arm B.\n", "eligible"); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(&model.Trial{ID: "CC-B505B9C8", OfficialTitle: "Only an official title"}, "", ""); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"TY  - DBASE",
		"TI  - Lenvatinib Plus TACE in Hepatocellular Carcinoma",
		"ST  - LEN-TACE",
		"AU  - Hospital Authority Hong Kong,",
		"PY  - 2021",
		"DA  - 2021/09/01/",
		"AB  - This study tests… Second paragraph.",
		"KW  - Hepatocellular Carcinoma",
		"KW  - Liver Cancer",
		"KW  - eligible",
		"AN  - NCT05033522",
		"DB  - ClinicalTrials.gov",
		"UR  - https://clinicaltrials.gov/study/NCT05033522",
		"N1  - Fits arm B.",
		"N1  - ClinicalTrials.gov: NCT05033522; Status: Recruiting (verified 2024-05); Phase: Phase 2/3; " +
			"Study type: Interventional; Enrollment: 120 (estimated); Start: 2023-08-01 (actual); " +
			"Primary completion: 2026-12; First posted: 2021-09-01; Last updated: 2024-05-10; " +
			"Lead sponsor: Hospital Authority, Hong Kong (OTHER_GOV); Collaborators: Eisai Inc. (INDUSTRY) | Some Network; " +
			"Contacts: Jane Doe, RN, +852 1234 5678, jane@example.org; " +
			"Official title: A Phase 2/3, Randomised Study of Lenvatinib Plus TACE…",
		"ER  - ",
		"TY  - DBASE",
		"TI  - Only an official title",
		"N1  - Trial id: CC-B505B9C8",
		"ER  - ",
		"",
	}, "\r\n")
	if got := buf.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", strings.ReplaceAll(got, "\r\n", "⏎\n"), strings.ReplaceAll(want, "\r\n", "⏎\n"))
	}
}

func TestDates(t *testing.T) {
	tests := []struct{ posted, py, da string }{
		{"2021-08-19", "2021", "2021/08/19/"},
		{"2021-08", "2021", "2021/08//"},
		{"", "", ""},
		{"August 2021", "", ""}, // not the model's form: nothing rather than a guess
		{"2021", "", ""},
		{"2021-8-1", "", ""},
		{"2021-08-19T00:00", "", ""},
	}
	for _, tt := range tests {
		recs, err := parseRIS(writeAll(t, []*model.Trial{{ID: "X1", Title: "T", FirstPosted: tt.posted}}, none, none))
		if err != nil {
			t.Fatal(err)
		}
		if py, da := recs[0].value("PY"), recs[0].value("DA"); py != tt.py || da != tt.da {
			t.Errorf("first posted %q: PY %q DA %q, want %q %q", tt.posted, py, da, tt.py, tt.da)
		}
	}
}

func TestCorporateAuthor(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Novartis Pharmaceuticals", "Novartis Pharmaceuticals,"},
		{"Hospital Authority, Hong Kong", "Hospital Authority Hong Kong,"},
		{"Daiichi Sankyo Co., Ltd.", "Daiichi Sankyo Co. Ltd.,"},
		{"Gustave Roussy, Cancer Campus, Grand Paris", "Gustave Roussy Cancer Campus Grand Paris,"},
		{"M. Louise Markert", "M. Louise Markert,"},
		{"Star*Labs", "StarLabs,"},
		{"  ", ""},
		{",", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := corporateAuthor(tt.name); got != tt.want {
			t.Errorf("corporateAuthor(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func none(*model.Trial) string { return "" }

// TestHostileText feeds text that tries to break the format: line breaks of
// every kind, a fake end of record, escape sequences, bidi overrides and an
// absurd length. The output still parses as one record per trial.
func TestHostileText(t *testing.T) {
	long := strings.Repeat("word ", 5000) // 25,000 characters
	tests := []struct {
		name string
		text string
	}{
		{"fake end of record", "Title\r\nER  - \r\nTY  - JOUR\r\nTI  - injected"},
		{"bare LF", "one\ntwo\n\nthree"},
		{"bare CR", "one\rtwo"},
		{"NEL", "one\u0085two"},
		{"line separator", "one\u2028two\u2029three"},
		{"vertical tab and form feed", "one\vtwo\fthree"},
		{"escape sequences", "red\x1b[31m text\x1b[0m \x1b]0;title\x07 \x1b]8;;http://x\x1b\\link"},
		{"8-bit CSI", "a\u009b31mb"},
		{"bidi override", "abc\u202edcba\u202c"},
		{"zero width", "Pem\u200bbrolizumab"},
		{"NUL", "a\x00b"},
		{"invalid UTF-8", "a\xffb\xc3"},
		{"only white space", " \t\r\n "},
		{"tag-like start", "ER  - "},
		{"absurdly long", long},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := &model.Trial{
				ID: "NCT00000001", NCTID: "NCT00000001",
				Title: tt.text, Acronym: tt.text, BriefSummary: tt.text, OfficialTitle: tt.text,
				Conditions:  []string{tt.text, tt.text},
				LeadSponsor: model.Sponsor{Name: tt.text}, Collaborators: []model.Sponsor{{Name: tt.text}},
				CentralContacts: []model.Contact{{Name: tt.text, Email: tt.text}},
				WhyStopped:      tt.text,
			}
			out := writeAll(t, []*model.Trial{tr, tr}, func(*model.Trial) string { return tt.text }, func(*model.Trial) string { return tt.text })
			recs, err := parseRIS(out)
			if err != nil {
				t.Fatalf("%v\n%q", err, out)
			}
			if len(recs) != 2 {
				t.Fatalf("%d records, want 2", len(recs))
			}
			for _, f := range recs[0] {
				if utf8.RuneCountInString(f.value) > MaxValueLen {
					t.Errorf("%s value of %d characters, over the cap", f.tag, utf8.RuneCountInString(f.value))
				}
				if strings.Contains(f.value, "\x1b") || strings.ContainsRune(f.value, '\u202e') || strings.ContainsRune(f.value, '\u200b') {
					t.Errorf("%s kept an escape or invisible character: %q", f.tag, f.value)
				}
			}
			if tt.name == "absurdly long" && !strings.HasSuffix(recs[0].value("TI"), "…") {
				t.Error("a capped value should end in …")
			}
			if got, want := recs[0].value("TI"), Value(tt.text); got != want {
				t.Errorf("TI = %q, want %q", got, want)
			}
		})
	}
}

func TestValue(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain ≥ 18 μg ®", "plain ≥ 18 μg ®"},
		{"  padded  ", "padded"},
		{"many   spaces\tand\ttabs", "many spaces and tabs"},
		{"para one\n\npara two", "para one para two"},
		{"red\x1b[31mtext", "redtext"},
		{strings.Repeat("é", MaxValueLen), strings.Repeat("é", MaxValueLen)},
		{strings.Repeat("é", MaxValueLen+1), strings.Repeat("é", MaxValueLen-1) + "…"},
	}
	for _, tt := range tests {
		if got := Value(tt.in); got != tt.want {
			t.Errorf("Value(%.30q) = %.30q, want %.30q", tt.in, got, tt.want)
		}
	}
}

func TestStudyURL(t *testing.T) {
	tests := []struct{ id, want string }{
		{"NCT05033522", "https://clinicaltrials.gov/study/NCT05033522"},
		{"CC-B505B9C8", ""},
		{"NCT0503352", ""},
		{"", ""},
		{"NCT05033522/../x", ""},
	}
	for _, tt := range tests {
		if got := StudyURL(tt.id); got != tt.want {
			t.Errorf("StudyURL(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

type failWriter struct{ after int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.after -= len(p); f.after < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestWriteErrorsStick(t *testing.T) {
	w := NewWriter(&failWriter{after: 10})
	big := &model.Trial{ID: "NCT00000001", NCTID: "NCT00000001", Title: strings.Repeat("x", 8000)}
	var err error
	for range 3 {
		if err = w.Write(big, "", ""); err != nil {
			break
		}
	}
	if err == nil {
		err = w.Close()
	}
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("error = %v, want disk full", err)
	}
	if err2 := w.Write(big, "", ""); !errors.Is(err2, err) && err2.Error() != err.Error() {
		t.Errorf("the error did not stick: %v", err2)
	}
	if err := NewWriter(io.Discard).Write(nil, "", ""); err == nil {
		t.Error("a nil trial was accepted")
	}
}

// FuzzWriter checks that whatever the text of a trial, the note and the tag,
// the output parses as exactly one well-formed record.
func FuzzWriter(f *testing.F) {
	for _, tr := range fixtures(f, append(seedFiles(f), "../../loader/testdata/ctgov/json/NCT05147467.json")...) {
		cond := ""
		if len(tr.Conditions) > 0 {
			cond = tr.Conditions[0]
		}
		f.Add(tr.Title, tr.BriefSummary, cond, tr.LeadSponsor.Name, tr.FirstPosted, "", "")
	}
	f.Add("Title\r\nER  - \r\nTY  - JOUR", "x\u2028y", "a*b;c", "A, B", "2021-02-30", "note\n\nER  - ", "ask-PI")
	f.Add("\x1b]0;x\x07", "\u0085", "\x00", ",", "2021-08", "\r", "\x1b[31m")
	f.Fuzz(func(t *testing.T, title, summary, cond, sponsor, posted, note, tag string) {
		tr := &model.Trial{
			ID: "NCT00000001", NCTID: "NCT00000001", Title: title, OfficialTitle: summary, Acronym: cond,
			BriefSummary: summary, Conditions: []string{cond, title}, LeadSponsor: model.Sponsor{Name: sponsor},
			FirstPosted: posted, StartDate: posted, WhyStopped: note,
			CentralContacts: []model.Contact{{Name: sponsor, Phone: cond, Email: tag}},
		}
		var buf bytes.Buffer
		w := NewWriter(&buf)
		if err := w.Write(tr, note, tag); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		recs, err := parseRIS(buf.Bytes())
		if err != nil {
			t.Fatalf("%v\n%q", err, buf.Bytes())
		}
		if len(recs) != 1 {
			t.Fatalf("%d records, want 1", len(recs))
		}
		for _, fl := range recs[0] {
			if plain.Line(fl.value) != fl.value {
				t.Fatalf("%s value not clean: %q", fl.tag, fl.value)
			}
			if (fl.tag == "AU" || fl.tag == "KW") && strings.Contains(fl.value, "*") {
				t.Fatalf("%s value with an asterisk: %q", fl.tag, fl.value)
			}
			if fl.tag == "AU" && strings.Count(fl.value, ",") != 1 {
				t.Fatalf("AU %q can be split at a comma", fl.value)
			}
		}
	})
}

func BenchmarkWrite(b *testing.B) {
	trials := fixtures(b)
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		w := NewWriter(&buf)
		for _, tr := range trials {
			if err := w.Write(tr, "A short note.", "eligible"); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(trials)), "ns/record")
	b.ReportMetric(float64(size)/float64(len(trials)), "bytes/record")
}
