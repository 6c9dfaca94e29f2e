// Package export writes trials in the formats of `trials export` and of the
// browser's e: a JSON array, JSON Lines, CSV, Markdown and RIS (through
// export/ris). The JSON field names are the export contract (see
// model.Trial) and never change; the user's note and tag on a trial (from
// the shortlist) are added to it as "note" and "tag" when there are any.
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/export/ris"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// Formats lists the format names Write accepts.
var Formats = []string{"json", "jsonl", "csv", "md", "ris"}

// Annotation is what the user wrote about a trial on the shortlist: a
// one-paragraph note and a one-word tag, either "".
type Annotation struct{ Note, Tag string }

// Annotations gives the annotation of the trial with an id.
type Annotations func(id string) Annotation

// Write writes trials to w in the named format.
func Write(w io.Writer, format string, trials []*model.Trial) error {
	enc, err := NewEncoder(w, format)
	if err != nil {
		return err
	}
	for _, t := range trials {
		if err := enc.Encode(t); err != nil {
			return err
		}
	}
	return enc.Close()
}

// Encoder writes trials one at a time, so that an export of the whole
// registry streams instead of holding every trial in memory.
type Encoder struct {
	w      io.Writer
	format string
	n      int
	csv    *csv.Writer
	ris    *ris.Writer
	md     strings.Builder
	notes  Annotations
}

// NewEncoder starts an export in the named format.
func NewEncoder(w io.Writer, format string) (*Encoder, error) {
	switch format {
	case "json", "jsonl", "csv", "md", "ris":
	case "markdown":
		format = "md"
	default:
		return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
	}
	e := &Encoder{w: w, format: format}
	switch format {
	case "csv":
		e.csv = csv.NewWriter(w)
		if err := e.csv.Write(CSVColumns); err != nil {
			return nil, err
		}
	case "ris":
		e.ris = ris.NewWriter(w)
	}
	return e, nil
}

// Annotate adds the user's notes and tags to what follows: JSON gets "note"
// and "tag" keys (only when not empty), CSV fills its note and tag columns,
// Markdown a tag row and a note section, RIS an N1 note and a KW keyword.
func (e *Encoder) Annotate(a Annotations) { e.notes = a }

// annotation is t's, cleaned as document text is: it is the user's own
// typing, but it reaches a terminal or a spreadsheet all the same.
func (e *Encoder) annotation(t *model.Trial) Annotation {
	if e.notes == nil {
		return Annotation{}
	}
	a := e.notes(t.ID)
	return Annotation{Note: plain.Clean(a.Note), Tag: plain.Line(a.Tag)}
}

// Encode writes one trial, every string of it cleaned of control and
// escape sequences first (whatever the format).
func (e *Encoder) Encode(t *model.Trial) error {
	defer func() { e.n++ }()
	t = cleaned(t)
	a := e.annotation(t)
	switch e.format {
	case "json", "jsonl":
		indent := ""
		if e.format == "json" {
			indent = "  "
		}
		b, err := marshal(t, a, indent)
		if err != nil {
			return err
		}
		return e.write(b)
	case "csv":
		if err := e.csv.Write(defuse(append(csvRow(t), a.Note, a.Tag))); err != nil {
			return err
		}
		if e.n%256 == 255 {
			e.csv.Flush()
		}
		return e.csv.Error()
	case "ris":
		return e.ris.Write(t, a.Note, a.Tag)
	default:
		e.md.Reset()
		if e.n > 0 {
			e.md.WriteString("\n---\n\n")
		}
		writeMarkdown(&e.md, t, a)
		_, err := io.WriteString(e.w, e.md.String())
		return err
	}
}

// Rendered is a trial encoded ahead of its turn by Render, so that the
// encoding of an export runs on every core and only the writing is in
// order: encoding was a third of `trials export`'s work, all of it on the
// goroutine that writes.
type Rendered struct {
	b   []byte
	err error
}

// Render encodes t as Encode would, without writing it, for a later
// EncodeRendered. It may run on any goroutine, concurrently with Encode
// and other Renders, when the Annotations function may (shortlist.List's
// may). Only the JSON formats are rendered ahead; for the others it
// returns nil and EncodeRendered encodes in turn.
func (e *Encoder) Render(t *model.Trial) *Rendered {
	indent := ""
	switch e.format {
	case "json":
		indent = "  "
	case "jsonl":
	default:
		return nil
	}
	t = cleaned(t)
	b, err := marshal(t, e.annotation(t), indent)
	return &Rendered{b: b, err: err}
}

// EncodeRendered writes what Render gave for t, or, when r is nil (not
// rendered ahead, or t changed since), encodes t now.
func (e *Encoder) EncodeRendered(t *model.Trial, r *Rendered) error {
	if r == nil || e.format != "json" && e.format != "jsonl" {
		return e.Encode(t)
	}
	defer func() { e.n++ }()
	if r.err != nil {
		return r.err
	}
	return e.write(r.b)
}

// write writes the e.n-th encoded trial in the JSON formats, with its
// separator.
func (e *Encoder) write(b []byte) error {
	var sep, end string
	if e.format == "json" {
		sep = ",\n  "
		if e.n == 0 {
			sep = "[\n  "
		}
	} else {
		end = "\n"
	}
	if _, err := io.WriteString(e.w, sep); err != nil {
		return err
	}
	if _, err := e.w.Write(b); err != nil {
		return err
	}
	_, err := io.WriteString(e.w, end)
	return err
}

// Close ends the export (closing the JSON array, flushing the CSV).
func (e *Encoder) Close() error {
	switch e.format {
	case "json":
		end := "\n]\n"
		if e.n == 0 {
			end = "[]\n"
		}
		_, err := io.WriteString(e.w, end)
		return err
	case "csv":
		e.csv.Flush()
		return e.csv.Error()
	case "ris":
		return e.ris.Close()
	}
	return nil
}

// annotated is a trial with the user's note and tag after the contract's
// fields, present only when set.
type annotated struct {
	*model.Trial
	Note string `json:"note,omitempty"`
	Tag  string `json:"tag,omitempty"`
}

// marshal encodes a trial without HTML escaping, so "<", ">" and "&" in
// criteria stay readable.
func marshal(t *model.Trial, a Annotation, indent string) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent(indent, "  ")
	}
	if err := enc.Encode(annotated{t, a.Note, a.Tag}); err != nil {
		return nil, fmt.Errorf("encoding %s: %w", t.ID, err)
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

// CSVColumns are the columns of the CSV export. List values are joined with
// "; " (phases with "|", as in "PHASE2|PHASE3"); the *_count columns count.
// A cell a spreadsheet would run as a formula (starting with =, +, -, @, a
// tab or a carriage return, also after leading spaces) is prefixed with an
// apostrophe. requirements is the thresholds read from the criteria, each as
// a clinician reads it ("ECOG ≤ 1; platelets ≥ 75 ×10^9/L; total bilirubin ≤
// 3 × ULN (subgroup)"): the allowed range, exclusions already inverted. The
// last two are the user's note and tag on the trial, empty unless the export
// was given them (Annotate).
var CSVColumns = []string{
	"id", "nct_id", "title", "official_title", "acronym", "status", "phases", "study_type",
	"enrollment", "enrollment_type", "start_date", "primary_completion_date", "completion_date",
	"first_posted", "last_updated", "conditions", "keywords", "lead_sponsor", "lead_sponsor_class",
	"collaborators", "allocation", "intervention_model", "masking", "primary_purpose", "arms",
	"interventions", "min_age", "max_age", "sex", "healthy_volunteers", "inclusion_criteria_count",
	"exclusion_criteria_count", "primary_outcomes", "location_count", "countries", "secondary_ids",
	"related_trials", "source_path", "source_entry", "source_format", "warnings", "requirements", "note", "tag",
}

func csvRow(t *model.Trial) []string {
	join := func(ss []string) string { return strings.Join(ss, "; ") }
	enrollment := ""
	if t.Enrollment != nil {
		enrollment = strconv.Itoa(*t.Enrollment)
	}
	hv := ""
	if t.Eligibility.HealthyVolunteers != nil {
		hv = strconv.FormatBool(*t.Eligibility.HealthyVolunteers)
	}
	var phases, collabs, arms, ivs, outcomes, ids []string
	for _, p := range t.Phases {
		phases = append(phases, string(p))
	}
	for _, c := range t.Collaborators {
		collabs = append(collabs, c.Name)
	}
	for _, a := range t.Arms {
		arms = append(arms, a.Label)
	}
	for _, iv := range t.Interventions {
		if iv.Type != "" {
			ivs = append(ivs, string(iv.Type)+": "+iv.Name)
		} else {
			ivs = append(ivs, iv.Name)
		}
	}
	for _, o := range t.Outcomes.Primary {
		outcomes = append(outcomes, o.Measure)
	}
	for _, id := range t.SecondaryIDs {
		ids = append(ids, id.ID)
	}
	return []string{
		t.ID, t.NCTID, t.Title, t.OfficialTitle, t.Acronym, string(t.Status), strings.Join(phases, "|"),
		string(t.StudyType), enrollment, string(t.EnrollmentType), t.StartDate, t.PrimaryCompletionDate,
		t.CompletionDate, t.FirstPosted, t.LastUpdated, join(t.Conditions), join(t.Keywords),
		t.LeadSponsor.Name, string(t.LeadSponsor.Class), join(collabs), string(t.Design.Allocation),
		string(t.Design.InterventionModel), string(t.Design.Masking), string(t.Design.PrimaryPurpose),
		join(arms), join(ivs), t.Eligibility.MinAge, t.Eligibility.MaxAge, string(t.Eligibility.Sex), hv,
		strconv.Itoa(model.CountCriteria(t.Eligibility.Inclusion)),
		strconv.Itoa(model.CountCriteria(t.Eligibility.Exclusion)), join(outcomes),
		strconv.Itoa(len(t.Locations)), join(t.Countries), join(ids), join(t.RelatedTrials),
		t.Source.Path, t.Source.Entry, string(t.Source.Format), join(t.Warnings),
		requirementsCell(t.Eligibility.Requirements),
	}
}

// requirementsCell is the requirements on one line: each as Describe reads
// it, "(subgroup)" after one that applies only to a subgroup or is an
// alternative — which never decides a screen.
func requirementsCell(reqs []model.Requirement) string {
	parts := make([]string, 0, len(reqs))
	for _, r := range reqs {
		s := eligibility.Describe(r)
		if r.Conditional {
			s += " (subgroup)"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}
