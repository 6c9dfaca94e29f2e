package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by WriteFile when the file is there and was not to
// be replaced.
var ErrExists = errors.New("the file exists")

// WriteFile writes a file atomically: write fills a temporary file in the
// same directory, which is synced and renamed over path only when write
// succeeded — so a failed or interrupted export never leaves half a file,
// nor destroys the one it was to replace. Unless overwrite is set, an
// existing path is refused with ErrExists (checked again just before the
// rename, since the user confirmed what was there when they started). A
// new file is made readable by its owner alone, as the shortlist is: an
// export can hold notes about patients' trials; a replaced one keeps its
// mode.
func WriteFile(path string, overwrite bool, write func(io.Writer) error) error {
	mode := fs.FileMode(0o600)
	switch info, err := os.Stat(path); {
	case err == nil && !overwrite:
		return fmt.Errorf("%s: %w", path, ErrExists)
	case err == nil && !info.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file", path)
	case err == nil:
		mode = info.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".trials-export-*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, err)
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return err
	}
	if err := tmp.Chmod(mode); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return fail(err)
	}
	if err := write(tmp); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if !overwrite {
		if _, err := os.Lstat(path); err == nil {
			os.Remove(name)
			return fmt.Errorf("%s appeared while the export ran: %w", path, ErrExists)
		}
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // the rename made durable; not every platform can
		d.Close()
	}
	return nil
}
