// Package userdir finds the per-user directories trials keeps its files
// in: the patient profile (configuration), the shortlist and fetched
// studies (data), and snapshots (cache). One function serves all three so
// that the platforms' rules are written once; it reads the environment
// through getenv so that tests choose the answer.
//
// The rules are those of os.UserConfigDir and os.UserCacheDir, plus the
// XDG data directory the standard library does not name, and like them a
// relative XDG_* value is ignored (the XDG specification says to).
package userdir

import (
	"errors"
	"path/filepath"
)

// Kind is which of the per-user directories is wanted.
type Kind int

const (
	// Config holds what the user sets: $XDG_CONFIG_HOME/trials
	// (~/.config/trials), ~/Library/Application Support/trials on macOS,
	// %AppData%\trials on Windows.
	Config Kind = iota
	// Data holds what the user makes: $XDG_DATA_HOME/trials
	// (~/.local/share/trials), ~/Library/Application Support/trials on
	// macOS, %LocalAppData%\trials on Windows.
	Data
	// Cache holds what can be rebuilt: $XDG_CACHE_HOME/trials
	// (~/.cache/trials), ~/Library/Caches/trials on macOS,
	// %LocalAppData%\trials\cache on Windows.
	Cache
)

type rule struct {
	xdg, xdgDefault string   // Linux and BSD
	darwin          []string // below $HOME
	winVar          string
	winSub          []string
}

var rules = [...]rule{
	Config: {"XDG_CONFIG_HOME", ".config", []string{"Library", "Application Support"}, "AppData", nil},
	Data:   {"XDG_DATA_HOME", filepath.Join(".local", "share"), []string{"Library", "Application Support"}, "LocalAppData", nil},
	Cache:  {"XDG_CACHE_HOME", ".cache", []string{"Library", "Caches"}, "LocalAppData", []string{"cache"}},
}

// Dir is the directory of kind k for trials on goos (runtime.GOOS), read
// from getenv (os.Getenv); sub names a folder inside it.
func Dir(k Kind, goos string, getenv func(string) string, sub ...string) (string, error) {
	if k < 0 || int(k) >= len(rules) {
		return "", errors.New("userdir: unknown kind")
	}
	r := rules[k]
	home := getenv("HOME")
	var base []string
	switch goos {
	case "darwin":
		if home == "" {
			return "", errors.New("$HOME is not set")
		}
		base = append(append([]string{home}, r.darwin...), "trials")
	case "windows":
		d := getenv(r.winVar)
		if d == "" {
			return "", errors.New("%" + r.winVar + "% is not set")
		}
		base = append([]string{d, "trials"}, r.winSub...)
	default:
		if d := getenv(r.xdg); d != "" && filepath.IsAbs(d) {
			base = []string{d, "trials"}
		} else if home != "" {
			base = []string{home, r.xdgDefault, "trials"}
		} else {
			return "", errors.New("neither $" + r.xdg + " nor $HOME is set")
		}
	}
	return filepath.Join(append(base, sub...)...), nil
}
