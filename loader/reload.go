package loader

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"

	"github.com/trials-app/trials/model"
)

// Reading a trial again. The browser keeps only slim records of large
// corpora and rereads a trial when it is opened, so the reread must give
// that trial or say it cannot: archive members and studies are found by
// position (names repeat), the file must be the one that was loaded (same
// size and modification time), and what is read must carry the same id.

// ErrChanged is why a trial is not read again: its file has changed since
// the load, so what stands where it was may be another trial.
var ErrChanged = errors.New("changed on disk since loading")

// Reload reads one trial again from where it was loaded: a file, a member
// of a zip archive, or a study on a search page. It opens the archive for
// this one read; a caller that rereads many trials keeps a Loader and calls
// its Reload, which keeps the archive open.
func Reload(src model.Source) (*model.Trial, error) {
	l := New()
	defer l.Close()
	return l.Reload(src)
}

// Reload reads one trial again from where this Loader loaded it.
func (l *Loader) Reload(src model.Source) (*model.Trial, error) {
	o := src.Origin
	if o.Size == 0 && o.ModTime == 0 && o.Member == 0 {
		return l.reloadByName(src) // a Source that pins no file
	}
	ctx := context.Background()
	changed := func() error {
		what := o.ID
		if what == "" {
			what = "the trial"
		}
		return fmt.Errorf("%s %w (%s)", what, ErrChanged, src.Path)
	}
	again := func(err error) error { return fmt.Errorf("reading %s again: %w", src.Path, err) }
	info, err := os.Stat(src.Path)
	if err != nil {
		return nil, again(unreadable(err))
	}
	if stamp(info).Size != o.Size || stamp(info).ModTime != o.ModTime {
		return nil, changed()
	}
	var data []byte
	if o.Member > 0 {
		a, err := l.archive(src.Path)
		if err != nil {
			return nil, again(unreadable(err))
		}
		if a.stamp.Size != o.Size || a.stamp.ModTime != o.ModTime {
			return nil, changed() // the archive this Loader holds is not the one loaded
		}
		data, err = memberAt(ctx, a, o, src.Entry)
		if errors.Is(err, errMoved) {
			return nil, changed()
		}
		if err != nil {
			return nil, again(unreadable(err))
		}
	} else {
		var now model.Origin
		data, now, err = readFile(ctx, src.Path)
		if err != nil {
			return nil, again(unreadable(err))
		}
		if now.Size != o.Size || now.ModTime != o.ModTime {
			return nil, changed()
		}
	}
	trials, err := Parse(src.Path, data)
	if err != nil && len(trials) == 0 {
		return nil, again(err)
	}
	for _, t := range trials {
		if t.Source.Origin.Study != o.Study {
			continue
		}
		if o.ID != "" && t.ID != o.ID {
			return nil, changed()
		}
		t.Source = src
		return t, nil
	}
	return nil, changed()
}

// reloadByName rereads a trial whose Source pins no file, by the names in
// its Entry: "member", "member#studies[3]" or "studies[3]". A member's own
// name may hold '#': the whole Entry is tried as a name first.
func (l *Loader) reloadByName(src model.Source) (*model.Trial, error) {
	again := func(err error) error { return fmt.Errorf("reading %s again: %w", src.Path, err) }
	ctx := context.Background()
	var data []byte
	pos := ""
	if zip, err := isZip(src.Path); err != nil {
		return nil, again(unreadable(err))
	} else if zip && src.Entry != "" {
		a, err := l.archive(src.Path)
		if err != nil {
			return nil, again(unreadable(err))
		}
		member := src.Entry
		i, err := memberNamed(a, member)
		if i < 0 && err == nil {
			if g := entryPosition.FindStringSubmatch(src.Entry); g != nil && g[1] != "" {
				member, pos = g[1], g[2]
				i, err = memberNamed(a, member)
			}
		}
		if err != nil {
			return nil, again(err)
		}
		if i < 0 {
			return nil, again(fmt.Errorf("no member %q", member))
		}
		if data, err = a.read(ctx, i); err != nil {
			return nil, again(unreadable(err))
		}
	} else {
		if g := entryPosition.FindStringSubmatch(src.Entry); g != nil {
			pos = g[2]
		}
		if data, _, err = readFile(ctx, src.Path); err != nil {
			return nil, again(unreadable(err))
		}
	}
	trials, err := Parse(src.Path, data)
	if err != nil && len(trials) == 0 {
		return nil, again(err)
	}
	for _, t := range trials {
		if pos == "" || t.Source.Entry == pos {
			if src.Origin.ID != "" && t.ID != src.Origin.ID {
				break
			}
			t.Source = src
			return t, nil
		}
	}
	return nil, again(fmt.Errorf("no study at %q: %w", src.Entry, ErrChanged))
}

// memberNamed finds the one member with the given name; -1 if there is none.
func memberNamed(a *archive, name string) (int, error) {
	found, n := -1, 0
	for i := range a.count() {
		if a.name(i) == name {
			found, n = i, n+1
		}
	}
	if n > 1 {
		return -1, fmt.Errorf("%d members are named %q: which one was meant is not recorded", n, name)
	}
	return found, nil
}

var entryPosition = regexp.MustCompile(`^(?:(.*)#)?((?:studies|clinical_study)?\[\d+\])$`)
