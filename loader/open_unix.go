//go:build unix

package loader

import (
	"os"
	"syscall"
)

// openNoBlock opens a file for reading without waiting: opening a FIFO
// blocks until a writer comes, and a device may never answer, so the open
// must return at once for openRegular to look at what it opened.
func openNoBlock(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
