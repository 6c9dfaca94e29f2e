package profile

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/trials-app/trials/eligibility"
)

func TestDefaultDir(t *testing.T) {
	cases := []struct {
		goos string
		env  map[string]string
		want string
		err  bool
	}{
		{"linux", map[string]string{"HOME": "/home/n", "XDG_CONFIG_HOME": "/cfg"}, "/cfg/trials", false},
		{"linux", map[string]string{"HOME": "/home/n", "XDG_CONFIG_HOME": "relative"}, "/home/n/.config/trials", false},
		{"linux", map[string]string{"HOME": "/home/n"}, "/home/n/.config/trials", false},
		{"freebsd", map[string]string{"HOME": "/home/n"}, "/home/n/.config/trials", false},
		{"linux", map[string]string{}, "", true},
		{"darwin", map[string]string{"HOME": "/Users/n", "XDG_CONFIG_HOME": "/cfg"}, "/Users/n/Library/Application Support/trials", false},
		{"darwin", map[string]string{}, "", true},
		{"windows", map[string]string{"AppData": `C:\Users\n\AppData\Roaming`}, filepath.Join(`C:\Users\n\AppData\Roaming`, "trials"), false},
		{"windows", map[string]string{"HOME": "/x"}, "", true},
	}
	for _, c := range cases {
		got, err := DefaultDir(c.goos, func(k string) string { return c.env[k] })
		if got != c.want || (err != nil) != c.err {
			t.Errorf("%s %v: %q, %v; want %q (error %v)", c.goos, c.env, got, err, c.want, c.err)
		}
	}
}

func patient(t *testing.T, fields map[string]string) eligibility.Patient {
	t.Helper()
	var p eligibility.Patient
	for k, v := range fields {
		f, ok := eligibility.FieldByKey(k)
		if !ok {
			t.Fatalf("no field %s", k)
		}
		if err := f.Set(&p, v); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func TestSaveLoadClear(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "config", "trials")
	if _, ok, err := Load(dir); ok || err != nil {
		t.Fatalf("nothing saved yet: %v %v", ok, err)
	}
	p := patient(t, map[string]string{"age": "67", "sex": "male", "ecog": "1", "child_pugh_score": "7", "platelets": "80"})
	if err := Save(dir, p); err != nil {
		t.Fatal(err)
	}
	got, ok, err := Load(dir)
	if !ok || err != nil || !reflect.DeepEqual(got, p) {
		t.Fatalf("load: %+v %v %v", got, ok, err)
	}
	info, err := os.Stat(Path(dir))
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	// replaced, not appended to; no temporary file left
	p2 := patient(t, map[string]string{"ecog": "2"})
	if err := Save(dir, p2); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := Load(dir); !reflect.DeepEqual(got, p2) {
		t.Errorf("after a second save: %+v", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != FileName {
		t.Errorf("directory holds %v", entries)
	}
	// a profile with nothing known is no profile
	if err := Save(dir, eligibility.Patient{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(Path(dir)); !os.IsNotExist(err) {
		t.Errorf("an empty profile leaves the file: %v", err)
	}
	if err := Clear(dir); err != nil {
		t.Errorf("clearing nothing: %v", err)
	}
	// a value out of range is not saved
	bad := p
	ecog := 9.0
	bad.ECOG = &ecog
	if err := Save(dir, bad); err == nil || !strings.Contains(err.Error(), "ECOG must be 0–5") {
		t.Errorf("out of range: %v", err)
	}
}

func TestLoadRefusesBadFiles(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"not json", "ECOG 1", "not a patient profile"},
		{"misspelt", `{"platlets": 80}`, "platlets"},
		{"out of range", `{"ecog": 7}`, "ECOG must be 0–5"},
		{"two values", `{"ecog": 1} {"ecog": 2}`, "more than one"},
	}
	for _, c := range cases {
		dir := t.TempDir()
		if err := os.WriteFile(Path(dir), []byte(c.data), 0o600); err != nil {
			t.Fatal(err)
		}
		_, ok, err := Load(dir)
		if ok || err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), Path(dir)) {
			t.Errorf("%s: %v %v; want an error naming the file and %q", c.name, ok, err, c.want)
		}
		if b, _ := os.ReadFile(Path(dir)); string(b) != c.data {
			t.Errorf("%s: a bad file is left as it is", c.name)
		}
	}
}

func TestLoadTightensLooseMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no POSIX modes")
	}
	dir := t.TempDir()
	if err := os.WriteFile(Path(dir), []byte(`{"ecog": 1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := Load(dir); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if info, _ := os.Stat(Path(dir)); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v after load, want 0600", info.Mode().Perm())
	}
}
