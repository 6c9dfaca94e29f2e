//go:build unix

package sqlite

import "syscall"

// peakRSS is the process's peak resident memory in MB (Linux counts KiB);
// SQLite's pages live outside the Go heap, so the heap alone would miss them.
func peakRSS() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}
