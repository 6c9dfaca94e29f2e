package loader

import (
	"archive/zip"
	"fmt"
	"regexp"
	"sync"

	"github.com/trials-app/trials/model"
)

// Reload reads one trial again from where it was loaded: a file, a member
// of a zip archive, or a study on a search page. The browser keeps only slim
// records of large corpora and reloads a trial when it is opened.
func Reload(src model.Source) (*model.Trial, error) {
	// Entry is "member", "member#studies[3]" or "studies[3]"; a member's
	// own name may contain '#', so only a trailing position is split off.
	member, pos := src.Entry, ""
	if g := entryPosition.FindStringSubmatch(member); g != nil {
		member, pos = g[1], g[2]
	}
	var data []byte
	var err error
	if member != "" {
		data, err = readMember(src.Path, member)
	} else {
		data, err = readFile(src.Path)
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s again: %w", src.Path, err)
	}
	trials, err := Parse(src.Path, data)
	if err != nil {
		return nil, fmt.Errorf("reading %s again: %w", src.Path, err)
	}
	for _, t := range trials {
		if pos == "" || t.Source.Entry == pos {
			t.Source = src
			return t, nil
		}
	}
	return nil, fmt.Errorf("reading %s again: no study at %s (the file has changed)", src.Path, pos)
}

// archives keeps zip archives open, with their members indexed by name, so
// that reading one member of a registry-sized archive does not reread its
// directory.
var archives sync.Map // path → *archive

type archive struct {
	once   sync.Once
	err    error
	rc     *zip.ReadCloser
	byName map[string]*zip.File
}

func readMember(path, name string) ([]byte, error) {
	v, _ := archives.LoadOrStore(path, &archive{})
	a := v.(*archive)
	a.once.Do(func() {
		a.rc, a.err = zip.OpenReader(path)
		if a.err != nil {
			return
		}
		a.byName = make(map[string]*zip.File, len(a.rc.File))
		for _, f := range a.rc.File {
			a.byName[f.Name] = f
		}
	})
	if a.err != nil {
		return nil, a.err
	}
	f, ok := a.byName[name]
	if !ok {
		return nil, fmt.Errorf("no member %q", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return readLimited(rc)
}

var entryPosition = regexp.MustCompile(`^(?:(.*)#)?((?:studies)?\[\d+\])$`)
