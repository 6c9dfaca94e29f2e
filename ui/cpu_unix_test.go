//go:build unix

package ui

import (
	"syscall"
	"time"
)

// cpuTime is the CPU the process has used, garbage collection included:
// on a shared machine it says what a keystroke costs when wall time also
// counts the waits for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
