package fetch

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/trials-app/trials/loader"
)

// checkStudy reads a study as `trials DIR` will, with the loader itself,
// and tells what would stop the file named id+".json" from loading as that
// study ("" when nothing would).
func checkStudy(id string, data []byte) string {
	if len(data) > maxStudyFile {
		return fmt.Sprintf("it takes %s, over the %s the loader reads", ibytes(int64(len(data))), ibytes(maxStudyFile))
	}
	trials, err := loader.Parse(id+".json", data)
	switch {
	case err != nil:
		return "the loader would refuse it: " + err.Error()
	case len(trials) != 1:
		return fmt.Sprintf("the loader reads %d trials from it", len(trials))
	case trials[0].NCTID != id:
		return fmt.Sprintf("the loader reads its id as %s", quote(trials[0].NCTID, 40))
	}
	return ""
}

// writeAtomic writes data to a temporary file in the same directory and
// renames it into place, so readers never see a partial file. The file gets
// mode 0644 less the umask, as os.WriteFile would give it (os.CreateTemp's
// 0600 would hide the studies from the rest of a shared machine).
func writeAtomic(path string, data []byte) error {
	dir, base := filepath.Split(path)
	var tmp *os.File
	var err error
	for range 100 {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64(), 36)+".tmp")
		tmp, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return err
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	ok = true
	return nil
}
