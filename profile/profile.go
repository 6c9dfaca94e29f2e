// Package profile keeps the browser's patient profile — the values a nurse
// enters to pre-screen one patient (eligibility.Patient) — in the user's
// configuration directory, so that it survives a restart:
// $XDG_CONFIG_HOME/trials/patient.json (~/.config/trials), readable by its
// owner alone and replaced atomically. It is read and written here and
// nowhere else: never sent, never logged, and errors name the file, not the
// values in it.
package profile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"github.com/trials-app/trials/userdir"

	"github.com/trials-app/trials/eligibility"
)

// FileName is the profile's file in its directory.
const FileName = "patient.json"

// DefaultDir is the per-user configuration directory the profile is kept
// in: $XDG_CONFIG_HOME/trials (~/.config/trials) on Linux and BSD,
// ~/Library/Application Support/trials on macOS, %AppData%\trials on
// Windows — what os.UserConfigDir names, read from getenv so that tests
// choose it.
func DefaultDir(goos string, getenv func(string) string) (string, error) {
	return userdir.Dir(userdir.Config, goos, getenv)
}

// Path is the profile's file in dir.
func Path(dir string) string { return filepath.Join(dir, FileName) }

// Load reads the profile kept in dir. ok is false when there is none (no
// file, or a file with every field unknown). A file that cannot be read or
// is not a valid profile is an error naming the file and the problem; it is
// left as it is. A file others could read is made the owner's alone.
func Load(dir string) (p eligibility.Patient, ok bool, err error) {
	path := Path(dir)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return eligibility.Patient{}, false, nil
	}
	if err != nil {
		return eligibility.Patient{}, false, fmt.Errorf("patient profile %s: %w", path, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().Perm()&0o077 != 0 && runtime.GOOS != "windows" {
		f.Chmod(0o600) //nolint:errcheck // best effort: the file is still read
	}
	p, err = eligibility.ReadPatient(f)
	if err != nil {
		return eligibility.Patient{}, false, fmt.Errorf("patient profile %s: %w", path, err)
	}
	return p, p.Known(), nil
}

// Save replaces the profile in dir with p, atomically: a temporary file in
// the same directory, mode 0600, synced, then renamed over the old one —
// so a crash or a full disk leaves the previous profile whole. A profile
// with every field unknown removes the file instead.
func Save(dir string, p eligibility.Patient) error {
	if err := p.Validate(); err != nil {
		return fmt.Errorf("patient profile not saved: %w", err)
	}
	if !p.Known() {
		return Clear(dir)
	}
	var b bytes.Buffer
	if err := eligibility.WritePatient(&b, p); err != nil {
		return fmt.Errorf("patient profile not saved: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("patient profile not saved: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".patient-*.tmp") // mode 0600
	if err != nil {
		return fmt.Errorf("patient profile not saved: %w", err)
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("patient profile not saved in %s: %w", dir, err)
	}
	if err := tmp.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		return fail(err)
	}
	if _, err := tmp.Write(b.Bytes()); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(name, Path(dir)); err != nil {
		os.Remove(name)
		return fmt.Errorf("patient profile not saved in %s: %w", dir, err)
	}
	syncDir(dir)
	return nil
}

// Clear removes the profile kept in dir; none there is no error.
func Clear(dir string) error {
	if err := os.Remove(Path(dir)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("patient profile not removed: %w", err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename or removal durable where the platform can.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
