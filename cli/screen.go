package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
)

func screenUsage() string {
	var b strings.Builder
	b.WriteString(`Usage: trials screen (--patient FILE | FIELD FLAGS) [--format text|json] [PATH…]

Pre-screen one patient against every trial in PATH (no PATH: the bundled
seeds), using the thresholds read from the criteria (ECOG, Child-Pugh,
blood counts, liver and kidney values, life expectancy, age …) and the
registry's own age range and sex.

  possible   nothing that was read from the trial excludes the patient —
             not that the patient is eligible: read the criteria
  excluded   a requirement that applies to everyone is not met; it is
             printed with the criterion it was read from

"? N" counts what could not be checked (a value the patient file does not
give, or a unit it is not given in). Bounds that apply only to a subgroup
("≤ 5 × ULN with liver metastases") are shown but never decide.

FILE is one JSON object with the fields below (null or absent: unknown),
"-" for standard input. The field flags set a value or override the file's;
"unknown" clears one. The profile is read here and sent nowhere.

Flags:
      --patient FILE   the patient profile
  -f, --format F       text (default) or json
      --no-cache       read every input, not the snapshot (with a snapshot
                       of PATH, see trials cache, text is screened from it
                       and only the excluded trials are read again)
`)
	for _, f := range eligibility.Fields {
		unit := f.Unit
		if unit != "" {
			unit = "  (" + unit + ")"
		}
		fmt.Fprintf(&b, "      --%-22s %s%s\n", f.Flag+" V", f.Label, unit)
	}
	b.WriteString(`
Exit status: 0, or 1 when the patient file or an input could not be read
(the trials that loaded are still screened); 2 on a usage error.
`)
	return b.String()
}

// screenFlag records a patient field given on the command line.
type screenFlag struct {
	field eligibility.Field
	value string
}

func runScreen(args []string, env *Env) int {
	const cmd = "trials screen"
	fs := newFlagSet(cmd, screenUsage(), env)
	patientFile := fs.String("patient", "", "")
	format := fs.String("format", "text", "")
	noCache := fs.Bool("no-cache", false, "")
	fs.StringVar(format, "f", "text", "")
	var given []screenFlag
	for _, f := range eligibility.Fields {
		names := []string{f.Flag}
		if alt := strings.ReplaceAll(f.Key, "_", "-"); alt != f.Flag {
			names = append(names, alt) // --child-pugh-score as well as --child-pugh
		}
		for _, name := range names {
			fs.Func(name, "", func(v string) error {
				given = append(given, screenFlag{field: f, value: v})
				return nil
			})
		}
	}
	paths, code := parseArgs(fs, args, env)
	if code >= 0 {
		return code
	}
	switch *format {
	case "text", "json":
	default:
		return usageError(env, cmd, fmt.Sprintf("unknown format %q (want text or json)", *format))
	}
	if *patientFile == "" && len(given) == 0 {
		return usageError(env, cmd, "no patient: give --patient FILE or field flags such as --ecog 1")
	}
	var p eligibility.Patient
	if *patientFile != "" {
		var err error
		p, err = readPatientFile(env, *patientFile)
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s: %s: %s\n", cmd, plain.Line(*patientFile), plain.Line(err.Error()))
			return ExitError
		}
	}
	for _, g := range given {
		if err := g.field.Set(&p, g.value); err != nil {
			return usageError(env, cmd, fmt.Sprintf("--%s %s: %v", g.field.Flag, plain.Line(g.value), err))
		}
	}
	out := &screenWriter{w: env.Stdout, json: *format == "json", width: termWidth(env.Stdout, 0)}
	var ok bool
	// Text needs a whole trial only to quote the criteria that exclude the
	// patient; JSON quotes every requirement, so it reads every trial.
	if c := fromSnapshotIf(!out.json, env, cmd, *noCache, paths); c != nil && c.Screens() != nil {
		ok = screenSnapshot(env, cmd, c, p, out)
	} else {
		ok = streamCorpus(env, cmd, paths, func(t *model.Trial) {
			out.write(t, eligibility.Screen(t, p))
		})
	}
	if err := out.close(); err != nil {
		fmt.Fprintf(env.Stderr, "%s: writing: %v\n", cmd, err)
		return ExitError
	}
	if !ok {
		return ExitError
	}
	return ExitOK
}

func readPatientFile(env *Env, path string) (eligibility.Patient, error) {
	var r io.Reader
	if path == "-" {
		if env.Stdin == nil {
			return eligibility.Patient{}, fmt.Errorf("no standard input")
		}
		r = env.Stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return eligibility.Patient{}, err
		}
		defer f.Close()
		r = f
	}
	return eligibility.ReadPatient(r)
}

// screenWriter prints screening results as text lines or a JSON array.
type screenWriter struct {
	w     io.Writer
	json  bool
	width int
	n     int
	err   error
}

type screenReq struct {
	model.Requirement
	Value   any                `json:"value"`
	Verdict eligibility.Status `json:"verdict"`
}

type screenStructured struct {
	Field    string             `json:"field"`
	Registry string             `json:"registry"`
	Value    any                `json:"value"`
	Verdict  eligibility.Status `json:"verdict"`
}

type screenTrial struct {
	ID           string              `json:"id"`
	Title        string              `json:"title"`
	Verdict      eligibility.Verdict `json:"verdict"`
	Unknown      int                 `json:"unknown"`
	NotMet       []string            `json:"not_met"`
	Requirements []screenReq         `json:"requirements"`
	Structured   []screenStructured  `json:"structured"`
}

func (s *screenWriter) write(t *model.Trial, res eligibility.Result) {
	if s.err != nil {
		return
	}
	if s.json {
		s.writeJSON(t, res)
	} else {
		s.writeText(t, res)
	}
	s.n++
}

func (s *screenWriter) writeJSON(t *model.Trial, res eligibility.Result) {
	st := screenTrial{ID: plain.Line(t.ID), Title: plain.Line(t.Title), Verdict: res.Verdict, Unknown: res.UnknownCount(),
		NotMet: append([]string{}, res.NotMet...), Requirements: []screenReq{}, Structured: []screenStructured{}}
	for _, c := range res.Requirements {
		r := c.Requirement
		r.Text = plain.Line(r.Text)
		st.Requirements = append(st.Requirements, screenReq{Requirement: r, Value: c.Value, Verdict: c.Status})
	}
	for _, c := range res.Structured {
		st.Structured = append(st.Structured, screenStructured{Field: c.Field, Registry: plain.Line(c.Registry), Value: c.Value, Verdict: c.Status})
	}
	b, err := json.MarshalIndent(st, "  ", "  ")
	if err != nil {
		s.err = err
		return
	}
	sep := "[\n  "
	if s.n > 0 {
		sep = ",\n  "
	}
	_, s.err = io.WriteString(s.w, sep+string(b))
}

func (s *screenWriter) writeText(t *model.Trial, res eligibility.Result) {
	mark := "✓ possible"
	if res.Verdict == eligibility.Excluded {
		mark = "✗ excluded"
	}
	line := fmt.Sprintf("%s  ? %-2d  %-11s  ", mark, res.UnknownCount(), plain.Line(t.ID))
	title := plain.Line(t.Title)
	if s.width > 0 {
		title = ansi.Truncate(title, max(s.width-ansi.StringWidth(line), 10), "…")
	}
	var b strings.Builder
	b.WriteString(line + title + "\n")
	if res.Verdict == eligibility.Excluded {
		for _, c := range res.Requirements {
			if c.Status != eligibility.NotMet || c.Requirement.Conditional {
				continue
			}
			src := plain.Line(c.Requirement.Text)
			if s.width > 0 {
				src = ansi.Truncate(src, max(s.width-8, 20), "…")
			}
			fmt.Fprintf(&b, "    not met: %s (patient: %s)\n      %s: %q\n", eligibility.Describe(c.Requirement),
				valueText(c.Value), c.Requirement.From, src)
		}
		for _, c := range res.Structured {
			if c.Status == eligibility.NotMet {
				fmt.Fprintf(&b, "    not met: registry %s %s (patient: %s)\n", c.Field, plain.Line(c.Registry), valueText(c.Value))
			}
		}
	}
	_, s.err = io.WriteString(s.w, b.String())
}

func valueText(v any) string {
	switch x := v.(type) {
	case float64:
		return fmt.Sprintf("%g", x)
	case string:
		return plain.Line(x)
	}
	return "unknown"
}

func (s *screenWriter) close() error {
	if s.err != nil {
		return s.err
	}
	if s.json {
		if s.n == 0 {
			_, s.err = io.WriteString(s.w, "[]\n")
		} else {
			_, s.err = io.WriteString(s.w, "\n]\n")
		}
	}
	return s.err
}

func fromSnapshotIf(want bool, env *Env, cmd string, noCache bool, paths []string) *corpus.Corpus {
	if !want {
		return nil
	}
	return fromSnapshot(env, cmd, noCache, paths)
}

// screenSnapshot screens p against every record of a corpus read from a
// snapshot — the verdict the whole trial gives — and reads again only the
// excluded trials, to quote the criteria that exclude the patient.
func screenSnapshot(env *Env, cmd string, c *corpus.Corpus, p eligibility.Patient, out *screenWriter) bool {
	problems := slices.Clone(c.Problems())
	for i := range c.Len() {
		if env.Ctx.Err() != nil {
			break
		}
		res, _ := c.Screen(i, &p)
		rec := c.Record(i)
		t := &model.Trial{ID: rec.ID, Title: rec.Title}
		if res.Verdict == eligibility.Excluded {
			whole, err := c.Trial(i)
			if err != nil {
				problems = append(problems, corpus.Problem{Path: present.Source(rec.Source()), Reason: err.Error()})
			} else {
				t, res = whole, eligibility.Screen(whole, p)
			}
		}
		out.write(t, res)
	}
	progress := newProgress(env)
	progress.trials = c.Len() + len(c.Problems()) - corpus.Failures(c.Problems())
	return reportProblems(env, cmd, progress, problems)
}
