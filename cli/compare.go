package cli

import (
	"fmt"
	"strings"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/report"
	"github.com/trials-app/trials/search"
)

const compareUsage = `Usage: trials compare ID1 ID2 [PATH…]

Print two trials side by side, section by section — overview, design, arms
and interventions, eligibility summary and criteria, outcomes, sites — with
the same field on the same line. In the left margin "≠" marks a field whose
values differ, "=" an item both trials share (a condition, an intervention,
a country, an identical criterion) and "·" an item only one of them has.
Without PATH, the bundled seeds. With a snapshot of PATH (see trials
cache), only the two trials are read again.

Flags:
      --no-cache   read every input, not the snapshot
`

func runCompare(args []string, env *Env) int {
	fs := newFlagSet("trials compare", compareUsage, env)
	noCache := fs.Bool("no-cache", false, "")
	pos, code := parseArgs(fs, args, env)
	if code >= 0 {
		return code
	}
	if len(pos) < 2 {
		return usageError(env, "trials compare", "need two trial IDs")
	}
	found, n, ok := findTrials(env, "trials compare", pos[2:], *noCache, pos[0], pos[1])
	a, b := found[0], found[1]
	if a == nil {
		return notFound(env, "trials compare", pos[0], n)
	}
	if b == nil {
		return notFound(env, "trials compare", pos[1], n)
	}
	th := reportTheme(env)
	lines := report.RenderCompare(report.Compare([]*model.Trial{a, b}, search.Key), report.NewCompareLayout(termWidth(env.Stdout, 120), 2), th)
	fmt.Fprintln(colorWriter(env, env.Stdout), strings.Join(lines, "\n"))
	if !ok {
		return ExitError
	}
	return ExitOK
}
