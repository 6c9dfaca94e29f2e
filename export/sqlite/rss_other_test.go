//go:build !unix

package sqlite

func peakRSS() float64 { return 0 }
