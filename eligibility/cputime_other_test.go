//go:build !unix

package eligibility_test

func cpuNanos() int64 { return 0 }
