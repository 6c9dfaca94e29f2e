// Package export writes trials in the machine-readable formats of `trials
// export`: a JSON array, JSON Lines, CSV and Markdown. The JSON field names
// are the export contract (see model.Trial) and never change.
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/trials-app/trials/model"
)

// Formats lists the format names Write accepts.
var Formats = []string{"json", "jsonl", "csv", "md"}

// Write writes trials to w in the named format.
func Write(w io.Writer, format string, trials []*model.Trial) error {
	switch format {
	case "json":
		return JSON(w, trials)
	case "jsonl":
		return JSONLines(w, trials)
	case "csv":
		return CSV(w, trials)
	case "md", "markdown":
		return Markdown(w, trials)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// JSON writes one indented JSON array; an empty input gives [].
func JSON(w io.Writer, trials []*model.Trial) error {
	if len(trials) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	if _, err := io.WriteString(w, "[\n"); err != nil {
		return err
	}
	for i, t := range trials {
		b, err := marshal(t, "  ")
		if err != nil {
			return err
		}
		sep := ",\n"
		if i == len(trials)-1 {
			sep = "\n"
		}
		if _, err := fmt.Fprintf(w, "  %s%s", b, sep); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "]\n")
	return err
}

// JSONLines writes one compact JSON object per line.
func JSONLines(w io.Writer, trials []*model.Trial) error {
	for _, t := range trials {
		b, err := marshal(t, "")
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "%s\n", b); err != nil {
			return err
		}
	}
	return nil
}

// marshal encodes a trial without HTML escaping, so "<", ">" and "&" in
// criteria stay readable.
func marshal(t *model.Trial, indent string) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent(indent, "  ")
	}
	if err := enc.Encode(t); err != nil {
		return nil, fmt.Errorf("encoding %s: %w", t.ID, err)
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

// CSVColumns are the columns of the CSV export. List values are joined with
// "; ".
var CSVColumns = []string{
	"id", "nct_id", "title", "official_title", "acronym", "status", "phases", "study_type",
	"enrollment", "enrollment_type", "start_date", "primary_completion_date", "completion_date",
	"first_posted", "last_updated", "conditions", "keywords", "lead_sponsor", "lead_sponsor_class",
	"collaborators", "allocation", "intervention_model", "masking", "primary_purpose", "arms",
	"interventions", "min_age", "max_age", "sex", "healthy_volunteers", "inclusion_criteria",
	"exclusion_criteria", "primary_outcomes", "locations", "countries", "secondary_ids",
	"related_trials", "source_path", "source_format", "warnings",
}

// CSV writes a header row and one row per trial.
func CSV(w io.Writer, trials []*model.Trial) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	for _, t := range trials {
		if err := cw.Write(csvRow(t)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
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
		t.Source.Path, string(t.Source.Format), join(t.Warnings),
	}
}
