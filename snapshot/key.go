package snapshot

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/trials-app/trials/userdir"
)

// Input is the fingerprint of one input path: a file (a zip is a file: its
// members need not be listed, its size and time change with them) by its
// size and modification time, a directory by what lies below it — the
// files the loader would read, their sizes and times, hashed.
type Input struct {
	Path    string `json:"path"` // absolute
	Dir     bool   `json:"dir,omitempty"`
	Missing bool   `json:"missing,omitempty"`
	Size    int64  `json:"size"`     // a file's; a directory's files' together
	ModTime int64  `json:"mod_time"` // Unix nanoseconds; 0 for a directory
	Files   int    `json:"files,omitempty"`
	Listing string `json:"listing,omitempty"` // a directory's files, names, sizes and times, hashed
}

// Fingerprint stats the inputs. A path that cannot be read is fingerprinted
// as missing: the load will report it, and its coming back changes the key.
func Fingerprint(paths []string) []Input {
	out := make([]Input, len(paths))
	for i, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		in := Input{Path: abs}
		info, err := os.Stat(abs)
		switch {
		case err != nil:
			in.Missing = true
		case info.IsDir():
			in.Dir = true
			h := sha256.New()
			listDir(abs, "", h, &in, map[string]bool{})
			in.Listing = hex.EncodeToString(h.Sum(nil)[:16])
		default:
			in.Size, in.ModTime = info.Size(), info.ModTime().UnixNano()
		}
		out[i] = in
	}
	return out
}

// listDir walks a directory as the loader does — lexical order, hidden
// entries skipped, symbolic links followed, each directory once — writing
// each entry's relative name, kind, size and time to h.
func listDir(dir, rel string, h io.Writer, in *Input, seen map[string]bool) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil || seen[real] {
		return
	}
	seen[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		fmt.Fprintf(h, "!%s\n", rel)
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p, r := filepath.Join(dir, e.Name()), rel+"/"+e.Name()
		info, err := os.Stat(p) // follows links
		if err != nil {
			fmt.Fprintf(h, "?%s\n", r)
			continue
		}
		if info.IsDir() {
			fmt.Fprintf(h, "d%s\n", r)
			listDir(p, r, h, in, seen)
			continue
		}
		fmt.Fprintf(h, "f%s\x00%d\x00%d\n", r, info.Size(), info.ModTime().UnixNano())
		in.Files++
		in.Size += info.Size()
	}
}

// Changed says how the inputs differ from those a snapshot was made of,
// "" when they do not: the first difference, in words, naming the input.
func Changed(was, now []Input) string {
	if len(was) != len(now) {
		return fmt.Sprintf("the snapshot was made of %d inputs, not %d", len(was), len(now))
	}
	for i, w := range was {
		n := now[i]
		name := filepath.Base(n.Path)
		switch {
		case w.Path != n.Path:
			return fmt.Sprintf("%s is not the input the snapshot was made of (%s)", n.Path, w.Path)
		case n.Missing && !w.Missing:
			return name + " is no longer there"
		case w.Missing && !n.Missing:
			return name + " is there now"
		case w.Dir != n.Dir:
			return name + " changed from a file to a directory, or back"
		case n.Dir && w.Files != n.Files:
			return fmt.Sprintf("%s now holds %d files, not %d", name, n.Files, w.Files)
		case n.Dir && w.Listing != n.Listing:
			return "a file in " + name + " changed"
		case !n.Dir && (w.Size != n.Size || w.ModTime != n.ModTime):
			return name + " changed"
		}
	}
	return ""
}

// Name is the file name, in the cache directory, of the snapshot of these
// paths opened from the working directory cwd: the paths as given (and the
// working directory when one is relative), since the trials' sources name
// them so and rereads follow them. The inputs' sizes and times are not in
// the name but in the snapshot, so that a changed input finds its old
// snapshot and the message can say what changed.
func Name(paths []string, cwd string) string {
	h := sha256.New()
	if slices.ContainsFunc(paths, func(p string) bool { return !filepath.IsAbs(p) }) {
		fmt.Fprintf(h, "cwd\x00%s\x00", cwd)
	}
	for _, p := range paths {
		fmt.Fprintf(h, "%s\x00", p)
	}
	return hex.EncodeToString(h.Sum(nil)[:12]) + Ext
}

var (
	programOnce sync.Once
	program     string
)

// Program names this build of the program for a snapshot: version, the
// revision it was built from when known, and a checksum of the executable,
// so that a rebuilt program — whose loader may read the inputs otherwise —
// never trusts the snapshot of another.
func Program(version string) string {
	programOnce.Do(func() {
		program = version
		if bi, ok := debug.ReadBuildInfo(); ok {
			for _, s := range bi.Settings {
				if s.Key == "vcs.revision" && len(s.Value) >= 12 {
					program += " " + s.Value[:12]
				}
			}
		}
		if exe, err := os.Executable(); err == nil {
			if f, err := os.Open(exe); err == nil {
				h := crc32.New(castagnoli)
				if _, err := io.Copy(h, f); err == nil {
					program += fmt.Sprintf(" exe:%08x", h.Sum32())
				}
				f.Close()
			}
		}
	})
	return program
}

// Dir is the cache directory: $TRIALS_CACHE_DIR when set, else the
// user's cache directory for trials (userdir.Cache: $XDG_CACHE_HOME/trials,
// ~/.cache/trials; on macOS ~/Library/Caches/trials, on Windows
// %LocalAppData%\trials\cache).
func Dir(goos string, getenv func(string) string) (string, error) {
	if d := getenv("TRIALS_CACHE_DIR"); d != "" {
		return d, nil
	}
	return userdir.Dir(userdir.Cache, goos, getenv)
}

// Entry is a snapshot kept in the cache directory, as `trials cache` lists
// it.
type Entry struct {
	Path string
	Size int64
	Meta Meta
	Err  error // why it cannot be read; it would be rebuilt
}

// List returns the snapshots in dir, newest first. Files that are not
// snapshots are left out; snapshots that cannot be read are listed with
// the reason.
func List(dir string) ([]Entry, error) {
	des, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, de := range des {
		if snap, _ := IsSnapshotName(de.Name()); !snap || !de.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, de.Name())
		m, size, err := ReadMeta(p)
		if errors.Is(err, errNotSnapshot) {
			continue // not ours at all
		}
		out = append(out, Entry{Path: p, Size: size, Meta: m, Err: err})
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return b.Meta.Created.Compare(a.Meta.Created) })
	return out, nil
}

// Clear removes the snapshots in dir, and the temporary files of writes
// that did not finish; nothing else. It returns how many files and bytes
// it removed.
func Clear(dir string) (int, int64, error) {
	des, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, err
	}
	n, size := 0, int64(0)
	var errs []error
	for _, de := range des {
		snap, tmp := IsSnapshotName(de.Name())
		if !snap && !tmp || !de.Type().IsRegular() {
			continue
		}
		info, _ := de.Info()
		if err := os.Remove(filepath.Join(dir, de.Name())); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
		if info != nil {
			size += info.Size()
		}
	}
	return n, size, errors.Join(errs...)
}

// RemoveStale removes temporary files of writes older than age: a program
// stopped while writing leaves one.
func RemoveStale(dir string, age time.Duration, now time.Time) {
	des, _ := os.ReadDir(dir)
	for _, de := range des {
		if _, tmp := IsSnapshotName(de.Name()); !tmp {
			continue
		}
		if info, err := de.Info(); err == nil && now.Sub(info.ModTime()) > age {
			os.Remove(filepath.Join(dir, de.Name()))
		}
	}
}
