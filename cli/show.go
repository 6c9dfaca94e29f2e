package cli

import (
	"fmt"

	"github.com/trials-app/trials/report"
)

const showUsage = `Usage: trials show ID [PATH…]

Print one trial as readable text: overview, design, descriptions, outcomes,
sites, identifiers, arms and interventions, and eligibility with the
criteria numbered and nested. ID is the NCT id, or the derived id shown by
'trials export' for a document that has none. Without PATH, the bundled seeds.

Colour is used only when stdout is a terminal and NO_COLOR is not set.
With a snapshot of PATH (see trials cache), only that trial is read again.

Flags:
      --no-cache   read every input, not the snapshot
`

func runShow(args []string, env *Env) int {
	fs := newFlagSet("trials show", showUsage, env)
	noCache := fs.Bool("no-cache", false, "")
	pos, code := parseArgs(fs, args, env)
	if code >= 0 {
		return code
	}
	if len(pos) == 0 {
		return usageError(env, "trials show", "missing the trial ID")
	}
	found, n, ok := findTrials(env, "trials show", pos[1:], *noCache, pos[0])
	t := found[0]
	if t == nil {
		return notFound(env, "trials show", pos[0], n)
	}
	th := reportTheme(env)
	fmt.Fprint(colorWriter(env, env.Stdout), report.Show(t, termWidth(env.Stdout, 100), th))
	if !ok {
		return ExitError
	}
	return ExitOK
}
