//go:build !unix

package loader

import "os"

// openNoBlock opens a file for reading; outside unix there are no FIFOs to
// block on, and openRegular rejects whatever is not a regular file.
func openNoBlock(p string) (*os.File, error) { return os.Open(p) }
