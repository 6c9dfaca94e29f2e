package report

import (
	"slices"
	"strconv"
	"strings"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/present"
)

// requirementsSection lines the trials' requirements up by variable, in
// SPEC.md's order — ECOG, Child-Pugh, platelets, bilirubin … each on one
// row — so that what one trial asks and another does not stands out. A
// cell holds every bound the trial states on the variable ("≤ 2 × ULN;
// ≤ 4 × ULN (subgroup)"), and with a patient the verdict on the variable.
func requirementsSection(trials []*model.Trial, p *eligibility.Patient) Section {
	sec := Section{Title: "Requirements read from the criteria"}
	n := len(trials)
	reqs := make([][]model.Requirement, n)
	results := make([]eligibility.Result, n)
	for i, t := range trials {
		reqs[i] = eligibility.Requirements(t)
		if p != nil {
			results[i] = eligibility.Screen(t, *p)
		}
	}
	if p != nil {
		row := Row{Label: "Pre-screen", Cells: make([]string, n)}
		for i, res := range results {
			row.Cells[i] = overallText(res)
		}
		sec.Rows = append(sec.Rows, markRow(row))
	}
	for _, v := range eligibility.Variables() {
		row := Row{Label: eligibility.DisplayName(v), Cells: make([]string, n)}
		any := false
		for i := range trials {
			var bounds []string
			for _, q := range reqs[i] {
				if q.Variable != v {
					continue
				}
				b := Range(q)
				if q.Conditional {
					b += " (subgroup)"
				}
				if !slices.Contains(bounds, b) {
					bounds = append(bounds, b)
				}
			}
			if len(bounds) == 0 {
				row.Cells[i] = noneRead
				continue
			}
			any = true
			row.Cells[i] = strings.Join(bounds, "; ")
			if p != nil {
				row.Cells[i] += " — " + variableVerdict(results[i], v)
			}
		}
		if any {
			sec.Rows = append(sec.Rows, markRow(row))
		}
	}
	if p != nil {
		for _, field := range []string{"age", "sex"} {
			row := Row{Label: "Registry " + field, Cells: make([]string, n)}
			for i, res := range results {
				row.Cells[i] = "not stated"
				for _, s := range res.Structured {
					switch {
					case s.Field != field:
					case field == "sex":
						row.Cells[i] = present.Sex(model.Sex(s.Registry)) + " — " + VerdictText(s.Status)
					default:
						row.Cells[i] = registryAge(s.Registry) + " — " + VerdictText(s.Status)
					}
				}
			}
			sec.Rows = append(sec.Rows, markRow(row))
		}
	}
	if len(sec.Rows) == 0 {
		cells := make([]string, n)
		for i := range cells {
			cells[i] = noneRead
		}
		sec.Rows = []Row{{Label: "", Cells: cells}}
	}
	return sec
}

// overallText is a trial's verdict in a cell: "✓ possible · ? 3 unknown",
// "✗ excluded: platelets, ECOG".
func overallText(res eligibility.Result) string {
	s := "✓ possible"
	if res.Verdict == eligibility.Excluded {
		var names []string
		for _, v := range res.NotMet {
			names = append(names, eligibility.DisplayName(v))
		}
		for _, st := range res.Structured {
			if st.Status == eligibility.NotMet {
				names = append(names, "registry "+st.Field)
			}
		}
		s = "✗ excluded: " + strings.Join(names, ", ")
	}
	if n := res.UnknownCount(); n > 0 {
		s += " · ? " + strconv.Itoa(n) + " unknown"
	}
	return s
}

// variableVerdict is the patient's verdict on one variable of a trial:
// what its unconditional bounds decide ("? unknown" when it has only
// subgroup bounds).
func variableVerdict(res eligibility.Result, v string) string {
	for _, c := range res.Variables {
		if c.Variable == v {
			return VerdictText(c.Status)
		}
	}
	return VerdictText(eligibility.Unknown)
}

// noneRead is a trial's cell for a variable nothing was read on: not "—",
// since its criteria may state a bound the extractor does not read.
const noneRead = "none read"

// markRow marks a row ≠ when the trials that state something state
// different things, and · when only some state anything.
func markRow(r Row) Row {
	first, empty := "", 0
	for _, c := range r.Cells {
		switch {
		case isEmptyCell(c) || c == noneRead:
			empty++
		case first == "":
			first = c
		case c != first:
			r.Mark = Differs
		}
	}
	if r.Mark == Same && empty > 0 && empty < len(r.Cells) {
		r.Mark = NotAll
	}
	return r
}
