package cli

import (
	"fmt"
	"strings"

	"github.com/trials-app/trials/export"
	"github.com/trials-app/trials/model"
)

const exportUsage = `Usage: trials export [--format json|jsonl|csv|md] [PATH…]

Print every trial in PATH (files, directories, .zip archives; no PATH: the
bundled seeds) in a machine-readable format:

  json    one JSON array, one object per trial (the default)
  jsonl   one JSON object per line
  csv     a header row and one row per trial; lists joined with "; "
  md      Markdown, a section per trial

The JSON field names are a stable contract; see README.md.
Inputs that cannot be read are reported on stderr and the exit status is 1;
the trials that did load are still printed.

Flags:
  -f, --format F   output format (default json)
`

func runExport(args []string, env *Env) int {
	fs := newFlagSet("trials export", exportUsage, env)
	format := fs.String("format", "json", "")
	fs.StringVar(format, "f", "json", "")
	paths, code := parseArgs(fs, args, env)
	if code >= 0 {
		return code
	}
	f := strings.ToLower(*format)
	if !validFormat(f) {
		return usageError(env, "trials export", fmt.Sprintf("unknown format %q (want %s)", *format, strings.Join(export.Formats, ", ")))
	}
	enc, err := export.NewEncoder(env.Stdout, f)
	if err != nil {
		return usageError(env, "trials export", err.Error())
	}
	var writeErr error
	ok := streamCorpus(env, "trials export", paths, func(t *model.Trial) {
		if writeErr == nil {
			writeErr = enc.Encode(t)
		}
	})
	if writeErr == nil {
		writeErr = enc.Close()
	}
	if writeErr != nil {
		fmt.Fprintf(env.Stderr, "trials export: writing: %v\n", writeErr)
		return ExitError
	}
	if !ok {
		return ExitError
	}
	return ExitOK
}

func validFormat(f string) bool {
	for _, x := range export.Formats {
		if x == f {
			return true
		}
	}
	return f == "markdown"
}
