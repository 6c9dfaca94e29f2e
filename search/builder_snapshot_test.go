package search_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/trials-app/trials/search"
)

// A snapshot taken part-way through a build answers every query as an
// index of just the records added so far would, and the build carries on
// to the same index as one never snapshotted.
func TestBuilderSnapshotIsTheIndexSoFar(t *testing.T) {
	trials := fixtureTrials()
	queries := []string{"lenvatinib", "hepato", "status:recruiting", "phase:3", "country:germany", "crit:child-pugh",
		"sponsor:mayo", "city:berlin", "-status:completed", "age:67", "enroll:>100", "site:\"mayo clinic\""}
	for k := 1; k < len(trials); k++ {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			b, alone, whole := search.NewBuilder(0), search.NewBuilder(0), search.NewBuilder(0)
			var snap *search.Index
			for i, tr := range trials {
				b.AddTrial(tr)
				whole.AddTrial(tr)
				if i < k {
					alone.AddTrial(tr)
				}
				if i == k-1 {
					snap = b.Snapshot()
				}
			}
			part, full, final := alone.Index(), whole.Index(), b.Index()
			if snap.Len() != k || final.Len() != len(trials) {
				t.Fatalf("snapshot of %d records, final of %d", snap.Len(), final.Len())
			}
			for _, q := range queries {
				if got, want := sortedIDs(snap, run(t, snap, q, search.Options{})), sortedIDs(part, run(t, part, q, search.Options{})); !slices.Equal(got, want) {
					t.Errorf("snapshot %q: %v, want %v", q, got, want)
				}
				if got, want := sortedIDs(final, run(t, final, q, search.Options{})), sortedIDs(full, run(t, full, q, search.Options{})); !slices.Equal(got, want) {
					t.Errorf("after the snapshot %q: %v, want %v", q, got, want)
				}
			}
		})
	}
}
