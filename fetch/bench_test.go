package fetch

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// benchPage is a search page of n studies, made of the fixture studies
// repeated (each ~10–150 kB, as the API serves them).
func benchPage(b *testing.B, n int) []byte {
	b.Helper()
	files, _ := filepath.Glob("../loader/testdata/ctgov/json/*.json")
	if len(files) == 0 {
		b.Fatal("no fixtures")
	}
	var studies [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		studies = append(studies, bytes.TrimSpace(data))
	}
	var page bytes.Buffer
	page.WriteString(`{"totalCount":1000000,"studies":[`)
	for i := range n {
		if i > 0 {
			page.WriteByte(',')
		}
		page.Write(studies[i%len(studies)])
	}
	page.WriteString(`],"nextPageToken":"NF0g5JOEmvMk"}`)
	return page.Bytes()
}

// BenchmarkReadPage streams a 1000-study page: tokens read once, each study
// re-encoded for saving. B/op against the page's bytes shows that memory
// follows one study, not the page.
func BenchmarkReadPage(b *testing.B) {
	page := benchPage(b, 1000)
	sr := newStudyReader()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if _, err := readPage(bytes.NewReader(page), sr, pageHandler{
			total: func(int64) {},
			study: func(int, *study) error { n++; return nil },
		}); err != nil || n != 1000 {
			b.Fatal(n, err)
		}
	}
	b.ReportMetric(float64(len(page))/(1<<20), "page-MiB")
}

// BenchmarkCheckStudy is the loader's reading of a study before it is saved.
func BenchmarkCheckStudy(b *testing.B) {
	page := benchPage(b, 17)
	var data [][]byte
	var ids []string
	if _, err := readPage(bytes.NewReader(page), newStudyReader(), pageHandler{
		total: func(int64) {},
		study: func(_ int, s *study) error {
			data = append(data, bytes.Clone(s.data))
			ids = append(ids, s.ids[0])
			return nil
		},
	}); err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, d := range data {
		size += len(d)
	}
	b.SetBytes(int64(size / len(data)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if p := checkStudy(ids[i%len(ids)], data[i%len(ids)]); p != "" {
			b.Fatal(p)
		}
		i++
	}
}
