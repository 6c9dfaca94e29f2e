package cli

import (
	"context"
	"io"
	"strings"
	"testing"
)

// BenchmarkExportWhere measures what --where costs over a plain export of
// the ctgov fixtures: a first read into a corpus and the query, before
// the read that writes.
func BenchmarkExportWhere(b *testing.B) {
	paths := []string{ctgovJSON, "../loader/testdata/ctgov/xml", "../loader/testdata/ctgov/search-pages"}
	for _, bc := range []struct{ name, where string }{
		{"all", ""},
		{"where", "status:open age:67 sex:f crit:ecog"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			args := append([]string{"export", "--format", "jsonl", "--no-notes"}, paths...)
			if bc.where != "" {
				args = append(args, "--where", bc.where)
			}
			b.ReportAllocs()
			for b.Loop() {
				env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Ctx: context.Background()}
				if code := Main(args, env); code != ExitOK {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
