package userdir

import "testing"

func TestDir(t *testing.T) {
	tests := []struct {
		kind Kind
		goos string
		env  map[string]string
		sub  []string
		want string
		err  bool
	}{
		{Config, "linux", map[string]string{"HOME": "/h"}, nil, "/h/.config/trials", false},
		{Config, "linux", map[string]string{"HOME": "/h", "XDG_CONFIG_HOME": "/x"}, nil, "/x/trials", false},
		{Config, "linux", map[string]string{"HOME": "/h", "XDG_CONFIG_HOME": "rel"}, nil, "/h/.config/trials", false},
		{Config, "linux", nil, nil, "", true},
		{Config, "darwin", map[string]string{"HOME": "/Users/a"}, nil, "/Users/a/Library/Application Support/trials", false},
		{Config, "darwin", nil, nil, "", true},
		{Config, "windows", map[string]string{"AppData": `C:\A`, "LocalAppData": `C:\L`}, nil, `C:\A/trials`, false},
		{Config, "windows", map[string]string{"LocalAppData": `C:\L`}, nil, "", true},
		{Data, "linux", map[string]string{"HOME": "/h"}, []string{"studies"}, "/h/.local/share/trials/studies", false},
		{Data, "freebsd", map[string]string{"XDG_DATA_HOME": "/d"}, nil, "/d/trials", false},
		{Data, "linux", map[string]string{"XDG_CONFIG_HOME": "/c"}, nil, "", true},
		{Data, "darwin", map[string]string{"HOME": "/Users/a"}, []string{"studies"}, "/Users/a/Library/Application Support/trials/studies", false},
		{Data, "windows", map[string]string{"AppData": `C:\A`, "LocalAppData": `C:\L`}, nil, `C:\L/trials`, false},
		{Cache, "linux", map[string]string{"HOME": "/h"}, nil, "/h/.cache/trials", false},
		{Cache, "linux", map[string]string{"HOME": "/h", "XDG_CACHE_HOME": "/k"}, nil, "/k/trials", false},
		{Cache, "darwin", map[string]string{"HOME": "/Users/a"}, nil, "/Users/a/Library/Caches/trials", false},
		{Cache, "windows", map[string]string{"LocalAppData": `C:\L`}, nil, `C:\L/trials/cache`, false},
		{Kind(9), "linux", map[string]string{"HOME": "/h"}, nil, "", true},
	}
	for _, tt := range tests {
		got, err := Dir(tt.kind, tt.goos, func(k string) string { return tt.env[k] }, tt.sub...)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("Dir(%d, %s, %v, %v) = %q, %v; want %q (error %v)", tt.kind, tt.goos, tt.env, tt.sub, got, err, tt.want, tt.err)
		}
	}
}
