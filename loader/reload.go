package loader

import (
	"fmt"
	"regexp"

	"github.com/trials-app/trials/model"
)

// Reload reads one trial again from where it was loaded: a file, a member
// of a zip archive, or a study on a search page. It opens the archive for
// this one read; a caller that rereads many trials keeps a Loader and calls
// its Reload, which keeps the archive open.
func Reload(src model.Source) (*model.Trial, error) {
	l := New()
	defer l.Close()
	return l.Reload(src)
}

// Reload reads one trial again from where it was loaded. The browser keeps
// only slim records of large corpora and reloads a trial when it is opened.
func (l *Loader) Reload(src model.Source) (*model.Trial, error) {
	// Entry is "member", "member#studies[3]" or "studies[3]"; a member's
	// own name may contain '#', so only a trailing position is split off.
	member, pos := src.Entry, ""
	if g := entryPosition.FindStringSubmatch(member); g != nil {
		member, pos = g[1], g[2]
	}
	var data []byte
	var err error
	if member != "" {
		data, err = l.readMemberNamed(src.Path, member)
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

func (l *Loader) readMemberNamed(path, name string) ([]byte, error) {
	zr, err := l.archive(path)
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if f.Name == name {
			return readMember(f)
		}
	}
	return nil, fmt.Errorf("no member %q", name)
}

var entryPosition = regexp.MustCompile(`^(?:(.*)#)?((?:studies)?\[\d+\])$`)
