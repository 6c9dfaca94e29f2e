// Command synthzip writes a synthetic registry download (see package
// synthetic), for trying the browser on the whole registry:
//
//	go run ./loader/synthetic/synthzip -n 550000 -o /tmp/ctg-studies.json.zip
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/trials-app/trials/loader/synthetic"
)

func main() {
	n := flag.Int("n", 100_000, "studies to write")
	out := flag.String("o", "ctg-studies.json.zip", "the zip to write")
	fixtures := flag.String("fixtures", "loader/testdata/ctgov/json", "the API v2 JSON records to build studies from")
	seed := flag.Uint64("seed", 1, "the same seed gives the same studies")
	flag.Parse()
	g, err := synthetic.New(*fixtures, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "synthzip:", err)
		os.Exit(1)
	}
	start := time.Now()
	st, err := g.WriteZip(*out, *n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "synthzip:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d studies, %.2f GB of JSON (%.1f KB each), %.2f GB zipped, in %s\n", *out, st.Studies,
		float64(st.JSONBytes)/1e9, float64(st.JSONBytes)/float64(st.Studies)/1e3, float64(st.ZipBytes)/1e9, time.Since(start).Round(time.Second))
}
