// Package ris writes trials as RIS records, the tagged format EndNote,
// Zotero, Covidence and most reference managers import. One record per
// trial:
//
//	TY  - DBASE                      the registry record of a trial
//	TI  - title (the official title when there is no brief one)
//	ST  - acronym
//	AU  - lead sponsor, as a corporate author
//	PY  - year first posted          DA  - 2021/08/19/ (date first posted)
//	AB  - brief summary
//	KW  - each condition, then the user's tag
//	AN  - NCT id                     DB  - ClinicalTrials.gov
//	UR  - https://clinicaltrials.gov/study/NCT…
//	N1  - the user's note
//	N1  - the record in one line: status, phase, type, enrollment, dates,
//	      sponsor and collaborators as the registry names them, contacts
//	ER  -
//
// AN, DB and UR are written only for a trial with an NCT id: a trial read
// from a page that names none has no registry record to point to, and its
// derived id goes into the summary note instead. A value the trial does not
// state is left out, never guessed: no first-posted date, no PY or DA.
//
// Why DBASE: Zotero (since 6.0.24) imports TY DBASE as a Dataset, with AN
// as its "Loc. in Archive", DB as "Archive", UR, DA and AB in their fields;
// EndNote imports it as an "Online Database" reference, whose Accession
// Number, Name of Database and URL fields are those three tags. TY GEN is
// read by Zotero as a journal article, which a registry record is not.
//
// Status and phase go in the summary note, not in KW: keywords become tags
// in a reference manager, meant for stable subject terms (the conditions,
// the user's tag), while a recruitment status goes stale.
//
// Format: lines are "TAG  - value" ended by CR LF as the specification
// requires, UTF-8 without a byte-order mark, no blank lines between records.
// Every value is one line: it goes through plain.Line (no control character,
// escape sequence or line break survives), runs of white space — Unicode
// line and paragraph separators included — become one space, and a
// value longer than MaxValueLen characters is cut, ending in "…". So no
// document text or note can end a record or start a tag.
//
// The browser's `e` and `trials export --format ris` use it as:
//
//	w := ris.NewWriter(f)
//	for _, t := range trials { w.Write(t, list.Note(t.ID), list.Tag(t.ID)) }
//	err := w.Close()
package ris

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// MaxValueLen caps a value, in characters. A registry brief summary is at
// most 5,000 characters; anything much longer is not a value a reference
// manager should be given whole.
const MaxValueLen = 10000

// Type is the RIS reference type of every record.
const Type = "DBASE"

// Database is the name written in DB for records with an NCT id.
const Database = "ClinicalTrials.gov"

// StudyURL is the address of a study's record on ClinicalTrials.gov, "" for
// an id that is not an NCT id. The browser's `o` opens the same address.
func StudyURL(nctID string) string {
	if !model.IsNCTID(nctID) {
		return ""
	}
	return "https://clinicaltrials.gov/study/" + nctID
}

// Writer writes RIS records to an io.Writer. Errors are sticky: after the
// first, Write and Close return it and write nothing more.
type Writer struct {
	w   *bufio.Writer
	err error
}

// NewWriter starts RIS output on w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriter(w)}
}

// Write writes the record of t, with the user's note and tag (either may be
// "").
func (w *Writer) Write(t *model.Trial, note, tag string) error {
	if w.err != nil {
		return w.err
	}
	if t == nil {
		return fmt.Errorf("ris: no trial")
	}
	w.line("TY", Type)
	title := t.Title
	if strings.TrimSpace(title) == "" {
		title = t.OfficialTitle
	}
	w.field("TI", title)
	w.field("ST", t.Acronym)
	w.field("AU", corporateAuthor(t.LeadSponsor.Name))
	if y, d, ok := risDate(t.FirstPosted); ok {
		w.line("PY", y)
		w.line("DA", d)
	}
	w.field("AB", t.BriefSummary)
	for _, c := range t.Conditions {
		w.field("KW", keyword(c))
	}
	w.field("KW", keyword(tag))
	nct := ""
	if model.IsNCTID(t.NCTID) {
		nct = t.NCTID
		w.line("AN", nct)
		w.line("DB", Database)
		w.line("UR", StudyURL(nct))
	}
	w.field("N1", note)
	w.field("N1", summary(t, nct))
	w.line("ER", "")
	return w.err
}

// Flush writes what is buffered to the underlying writer.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	w.err = w.w.Flush()
	return w.err
}

// Close flushes the output. It does not close the underlying writer.
func (w *Writer) Close() error { return w.Flush() }

// field writes a tag with a cleaned value, and nothing for an empty one.
func (w *Writer) field(tag, value string) {
	if v := Value(value); v != "" {
		w.line(tag, v)
	}
}

func (w *Writer) line(tag, value string) {
	if w.err != nil {
		return
	}
	// "TAG  - value": two spaces, a hyphen, a space — also after ER, whose
	// value is empty.
	_, w.err = w.w.WriteString(tag + "  - " + value + "\r\n")
}

// Value is s as a RIS value: one line, no control or escape characters,
// white space collapsed, at most MaxValueLen characters.
func Value(s string) string {
	s = plain.Line(s)
	s = plain.Squash(s)
	if utf8.RuneCountInString(s) > MaxValueLen {
		n := 0
		for i := range s { // i steps from rune to rune
			if n == MaxValueLen-1 {
				s = strings.TrimRight(s[:i], " ") + "…"
				break
			}
			n++
		}
	}
	return s
}

// keyword drops the asterisk the RIS specification does not allow in
// keywords.
func keyword(s string) string { return strings.ReplaceAll(s, "*", "") }

// corporateAuthor writes an organisation so that reference managers keep it
// whole: AU is "Last, First", so a comma inside the name would be read as
// one ("Hospital Authority, Hong Kong" as a Mr Hong Kong Hospital Authority)
// and is replaced by a space, and a trailing comma marks the whole as a
// corporate author for EndNote (Zotero then stores it as a last name alone).
// The name as the registry spells it is in the summary note.
func corporateAuthor(name string) string {
	name = Value(strings.ReplaceAll(strings.ReplaceAll(name, "*", ""), ",", " "))
	if name == "" {
		return ""
	}
	return name + ","
}

var isoDate = regexp.MustCompile(`^(\d{4})-(\d{2})(?:-(\d{2}))?$`)

// risDate turns the model's ISO 8601 date ("2021-08-19", or "2021-08" when
// the source gives no day) into the year for PY and the RIS date for DA,
// "YYYY/MM/DD/" with the slashes kept for the parts not known ("2021/08//").
func risDate(iso string) (year, date string, ok bool) {
	m := isoDate.FindStringSubmatch(iso)
	if m == nil {
		return "", "", false
	}
	return m[1], m[1] + "/" + m[2] + "/" + m[3] + "/", true
}

// summary is the trial's registry facts in one line, for an N1 note: what a
// reader of the reference needs to know without opening the record. Values
// are the registry's, labelled as the browser labels them.
func summary(t *model.Trial, nct string) string {
	var parts []string
	add := func(label, value string) {
		if v := Value(value); v != "" {
			parts = append(parts, label+": "+v)
		}
	}
	if nct == "" {
		add("Trial id", t.ID)
	} else {
		add("ClinicalTrials.gov", nct)
	}
	status := model.Label(t.Status)
	if status != "" && t.StatusVerified != "" {
		status += " (verified " + t.StatusVerified + ")"
	}
	add("Status", status)
	add("Why stopped", t.WhyStopped)
	add("Phase", model.PhaseLabel(t.Phases))
	add("Study type", model.Label(t.StudyType))
	if t.Enrollment != nil {
		add("Enrollment", withType(fmt.Sprint(*t.Enrollment), t.EnrollmentType))
	}
	add("Start", withType(t.StartDate, t.StartDateType))
	add("Primary completion", withType(t.PrimaryCompletionDate, t.PrimaryCompletionDateType))
	add("Completion", withType(t.CompletionDate, t.CompletionDateType))
	add("First posted", t.FirstPosted)
	add("Last updated", t.LastUpdated)
	add("Lead sponsor", sponsor(t.LeadSponsor))
	var collab []string
	for _, s := range t.Collaborators {
		if v := sponsor(s); v != "" {
			collab = append(collab, v)
		}
	}
	add("Collaborators", strings.Join(collab, " | "))
	var contacts []string
	for _, c := range t.CentralContacts {
		if v := contact(c); v != "" {
			contacts = append(contacts, v)
		}
	}
	add("Contacts", strings.Join(contacts, " | "))
	add("Official title", officialTitle(t))
	return strings.Join(parts, "; ")
}

// officialTitle is the official title when it says more than TI does.
func officialTitle(t *model.Trial) string {
	if strings.TrimSpace(t.Title) == "" || Value(t.OfficialTitle) == Value(t.Title) {
		return ""
	}
	return t.OfficialTitle
}

func withType(value string, typ model.DateType) string {
	if value == "" || typ == "" {
		return value
	}
	return value + " (" + strings.ToLower(string(typ)) + ")"
}

func sponsor(s model.Sponsor) string {
	name := Value(s.Name)
	if name == "" {
		return ""
	}
	switch s.Class {
	case "", model.ClassOther, model.ClassUnknown, model.ClassAmbig:
	default:
		name += " (" + string(s.Class) + ")"
	}
	return name
}

func contact(c model.Contact) string {
	var bits []string
	for _, v := range []string{c.Name, c.Phone, c.Email} {
		if v = Value(v); v != "" {
			bits = append(bits, v)
		}
	}
	return strings.Join(bits, ", ")
}
