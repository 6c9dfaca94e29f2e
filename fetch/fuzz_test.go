package fetch

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"", "0", "1", "120", "601", "18446744074", "99999999999999999999999", "-1", "1.5",
		"Sat, 01 Mar 2025 12:00:30 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"} {
		f.Add(s)
	}
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, h string) {
		d, capped := retryAfter(h, now)
		if d < 0 || d > MaxRetryAfter || capped && d != MaxRetryAfter {
			t.Errorf("retryAfter(%q) = %s, %v", h, d, capped)
		}
	})
}

// FuzzReadPage: whatever a server sends, reading it neither panics nor
// hands on a study that is not valid JSON, over the limit, or whose id is
// not the one json/v2 (the loader's decoder) reads from it.
func FuzzReadPage(f *testing.F) {
	files, _ := filepath.Glob("../loader/testdata/ctgov/search-pages/*.json")
	singles, _ := filepath.Glob("../loader/testdata/ctgov/json/NCT0[01]*.json")
	for _, name := range append(files, singles...) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		`{"totalCount":2,"studies":[{"protocolSection":{"identificationModule":{"nctId":"NCT00000001"}}},"x",null],"nextPageToken":"A"}`,
		`{"studies":[{"protocolSection":{"identificationModule":{"nctId":"NCT0000000\u00005","nctId":"NCT00000002"}}}]}`,
		`{"studies":[{"protocolSection":{"identificationModule":{"nctId":"NCT00000041","NCTID":"NCT00000042"}}}]}`,
		`{"studies":[{"protocolSection":[{"identificationModule":{"nctId":"NCT00000001"}}]}]}`,
		`{"studies":"not an array","nextPageToken":5}`,
		`{"studies": [ {"protocolSection": nope } ]`,
		"{\"studies\":[{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT\xff0000001\"}}}]}",
	} {
		f.Add([]byte(s))
	}
	const limit = 1 << 16
	check := func(t *testing.T, s *study) {
		if s.kind != jsontext.KindBeginObject {
			return
		}
		if s.data == nil {
			if s.size <= limit {
				t.Errorf("study of %d bytes dropped under the %d limit", s.size, limit)
			}
			return
		}
		if len(s.data) > limit || !bytes.HasSuffix(s.data, []byte("\n")) ||
			!jsontext.Value(s.data).IsValid(jsontext.AllowDuplicateNames(true)) {
			t.Fatalf("bad study data %q", s.data)
		}
		if len(s.ids) != 1 || !utf8.ValidString(s.ids[0]) {
			return
		}
		var v struct {
			ProtocolSection struct {
				IdentificationModule struct {
					NCTID string `json:"nctId"`
				} `json:"identificationModule"`
			} `json:"protocolSection"`
		}
		// Types elsewhere in the study may not fit v: only the id matters.
		_ = json.Unmarshal(s.data, &v, jsontext.AllowInvalidUTF8(true), jsontext.AllowDuplicateNames(true))
		if got := v.ProtocolSection.IdentificationModule.NCTID; got != s.ids[0] {
			t.Errorf("id read as %q, json/v2 reads %q", s.ids[0], got)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sr := newStudyReader()
		sr.limit = limit
		_, _ = readPage(bytes.NewReader(data), sr, pageHandler{
			total: func(int64) {},
			study: func(_ int, s *study) error { check(t, s); return nil },
		})
		if s, err := readStudyBody(bytes.NewReader(data), sr); err == nil {
			check(t, s)
		}
	})
}
