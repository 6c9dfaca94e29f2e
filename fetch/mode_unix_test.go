//go:build unix

package fetch

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestSavedFilesHaveTheUsualMode: 0644 less the umask, as os.WriteFile
// gives, not os.CreateTemp's 0600.
func TestSavedFilesHaveTheUsualMode(t *testing.T) {
	for _, tt := range []struct {
		umask int
		want  os.FileMode
	}{{0o022, 0o644}, {0o027, 0o640}, {0o077, 0o600}} {
		old := syscall.Umask(tt.umask)
		_, srv := newRegistry(t)
		dir := t.TempDir()
		r := newRun(srv, dir)
		r.o.Max = 1
		_, err := r.run(context.Background(), Query{Term: "x"})
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join(dir, "NCT*.json"))
		if len(files) != 1 {
			t.Fatalf("files %v", files)
		}
		info, err := os.Stat(files[0])
		if err != nil || info.Mode().Perm() != tt.want {
			t.Errorf("umask %03o: mode %v, want %v", tt.umask, info.Mode().Perm(), tt.want)
		}
	}
}
