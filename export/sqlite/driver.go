package sqlite

import (
	"fmt"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

const driverName = "sqlite"

// dataSource names the file as a SQLite URI, so that no character of a
// user's file name ('?', '#', '%') is read as a URI parameter.
func dataSource(path string) string {
	path = filepath.ToSlash(path)
	var b strings.Builder
	b.WriteString("file:")
	if !strings.HasPrefix(path, "/") {
		b.WriteByte('/') // a Windows drive: file:/C:/…
	}
	for i := 0; i < len(path); i++ {
		c := path[i]
		if c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
