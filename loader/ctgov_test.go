package loader

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
)

// TestCTGovFixturesAllLoad reads every real registry record: each JSON study,
// each search page (every study on it) and each legacy XML file.
func TestCTGovFixturesAllLoad(t *testing.T) {
	res := Load("testdata/ctgov/json", "testdata/ctgov/search-pages", "testdata/ctgov/xml")
	if len(res.Diagnostics) > 0 {
		t.Fatalf("diagnostics: %v", res.Diagnostics)
	}
	jsonFiles, _ := filepath.Glob("testdata/ctgov/json/*.json")
	xmlFiles, _ := filepath.Glob("testdata/ctgov/xml/*.xml")
	const searchPageStudies = 10 + 1 + 2 + 1
	if want := len(jsonFiles) + len(xmlFiles) + searchPageStudies; len(res.Trials) != want {
		t.Errorf("%d trials, want %d", len(res.Trials), want)
	}
	for _, tr := range res.Trials {
		if !model.IsNCTID(tr.ID) || tr.Title == "" || tr.Status == "" {
			t.Errorf("%s (%s): id, title or status missing", tr.ID, tr.Source.Path)
		}
		if tr.Source.Format != model.FormatCTGovJSON && tr.Source.Format != model.FormatCTGovXML {
			t.Errorf("%s: format %s", tr.ID, tr.Source.Format)
		}
		// Every intervention an arm names exists, and links back.
		for _, a := range tr.Arms {
			for _, name := range a.Interventions {
				iv := tr.Intervention(name)
				if iv == nil {
					t.Errorf("%s: arm %q names unknown intervention %q", tr.ID, a.Label, name)
				}
			}
		}
		for _, w := range tr.Warnings {
			t.Errorf("%s: warning %q", tr.ID, w)
		}
	}
}

// TestCTGovExpected compares representative records with hand-checked
// expectations in testdata/ctgov/expected/ (on the keys they state).
func TestCTGovExpected(t *testing.T) {
	files, _ := filepath.Glob("testdata/ctgov/expected/*.json")
	if len(files) < 12 {
		t.Errorf("%d expectations, want at least 12", len(files))
	}
	byID := map[string]*model.Trial{}
	for _, tr := range Load("testdata/ctgov/json", "testdata/ctgov/search-pages", "testdata/ctgov/xml").Trials {
		// A study in both a search page and its own file: prefer its own file.
		key := tr.ID + "|" + string(tr.Source.Format)
		if _, ok := byID[key]; !ok || tr.Source.Entry == "" {
			byID[key] = tr
		}
	}
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(id, func(t *testing.T) {
			want := readExpected(t, f)
			format := model.FormatCTGovJSON
			if _, err := os.Stat(filepath.Join("testdata/ctgov/xml", id+".xml")); err == nil {
				format = model.FormatCTGovXML
			}
			tr := byID[id+"|"+string(format)]
			if tr == nil {
				t.Fatalf("no %s record %s", format, id)
			}
			for _, d := range matchSubset("", want, toJSONValue(t, tr)) {
				t.Error(d)
			}
		})
	}
}

// TestCTGovZip builds a bulk-download-like zip of the fixture records and
// reads it: every member loads, in archive order, named by member.
func TestCTGovZip(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ctg-studies.json.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	files, _ := filepath.Glob("testdata/ctgov/json/*.json")
	xmls, _ := filepath.Glob("testdata/ctgov/xml/*.xml")
	files = append(files, xmls...)
	for _, name := range files {
		w, err := zw.Create("ctg-studies/" + filepath.Base(name))
		if err != nil {
			t.Fatal(err)
		}
		src, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, src); err != nil {
			t.Fatal(err)
		}
		src.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res := Load(p)
	if len(res.Diagnostics) > 0 || len(res.Trials) != len(files) {
		t.Fatalf("%d trials from %d members, diagnostics %v", len(res.Trials), len(files), res.Diagnostics)
	}
	for i, tr := range res.Trials {
		want := strings.TrimSuffix(filepath.Base(files[i]), filepath.Ext(files[i]))
		if tr.ID != want || tr.Source.Entry != "ctg-studies/"+filepath.Base(files[i]) {
			t.Errorf("member %d: %s from %q", i, tr.ID, tr.Source.Entry)
		}
	}
}

func TestCTGovTruncatedJSON(t *testing.T) {
	data := mustRead(t, "testdata/ctgov/json/NCT03934567.json")
	_, err := Parse("cut.json", data[:len(data)/2])
	if err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("cut JSON: %v", err)
	}
	xml := mustRead(t, "testdata/ctgov/xml/NCT00482794.xml")
	_, err = Parse("cut.xml", xml[:len(xml)/2])
	if err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("cut XML: %v", err)
	}
}

// TestReload reads trials back from a plain file, a search page and a zip.
func TestReload(t *testing.T) {
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "pages.zip")
	f, _ := os.Create(zipPath)
	zw := zip.NewWriter(f)
	w, _ := zw.Create("inner/page.json")
	w.Write(mustRead(t, "testdata/ctgov/search-pages/search-page-cyanheads-2.json"))
	zw.Close()
	f.Close()
	res := Load("testdata/ctgov/xml/NCT00482794.xml", "testdata/ctgov/search-pages/search-page-capybara-1.json", zipPath)
	if len(res.Trials) != 1+10+2 {
		t.Fatalf("%d trials", len(res.Trials))
	}
	for _, tr := range res.Trials {
		again, err := Reload(tr.Source)
		if err != nil {
			t.Errorf("%s: %v", tr.ID, err)
			continue
		}
		if again.ID != tr.ID || again.Source != tr.Source {
			t.Errorf("reloaded %s from %+v, got %s %+v", tr.ID, tr.Source, again.ID, again.Source)
		}
	}
	if _, err := Reload(model.Source{Path: filepath.Join(dir, "gone.json")}); err == nil {
		t.Error("a missing file reloads without error")
	}
}

// TestSearchPageWithABadStudy: the readable studies load, and the bad one is
// a diagnostic naming the file — not a silent loss.
func TestSearchPageWithABadStudy(t *testing.T) {
	page := `{"studies": [
		{"protocolSection": {"identificationModule": {"nctId": "NCT00000001", "briefTitle": "Good one"}, "statusModule": {"overallStatus": "RECRUITING"}}},
		{"protocolSection": {"identificationModule": {"nctId": "NCT00000002", "briefTitle": "Bad phases"}, "designModule": {"phases": "PHASE2"}}},
		{"protocolSection": {"identificationModule": {"nctId": "NCT00000003", "briefTitle": "Good two"}}}
	]}`
	p := filepath.Join(t.TempDir(), "page.json")
	if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	res := Load(p)
	if len(res.Trials) != 2 || len(res.Diagnostics) != 1 {
		t.Fatalf("%d trials, diagnostics %v", len(res.Trials), res.Diagnostics)
	}
	msg := res.Diagnostics[0].Error()
	if !strings.Contains(msg, "page.json") || !strings.Contains(msg, "1 of 3 studies not read") || !strings.Contains(msg, "study 2") || strings.Contains(msg, "<nil>") {
		t.Errorf("diagnostic %q", msg)
	}
}

// TestZipChecksumAndOddNames: a corrupted member is a diagnostic, not wrong
// data; a member whose name has '#' reloads.
func TestZipChecksumAndOddNames(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.zip")
	f, _ := os.Create(p)
	zw := zip.NewWriter(f)
	good := mustRead(t, "testdata/ctgov/json/NCT05531279.json")
	for _, name := range []string{"odd#name.json", "corrupt.json"} {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		w.Write(good)
	}
	zw.Close()
	f.Close()
	data, _ := os.ReadFile(p)
	// Flip one byte of the second (stored, so uncompressed) member's data.
	i := bytes.LastIndex(data, []byte(`"nctId"`))
	data[i+2] ^= 0x20
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res := Load(p)
	if len(res.Trials) != 1 || len(res.Diagnostics) != 1 || !strings.Contains(res.Diagnostics[0].Error(), "corrupt.json") {
		t.Fatalf("%d trials, %v", len(res.Trials), res.Diagnostics)
	}
	again, err := Reload(res.Trials[0].Source)
	if err != nil || again.ID != "NCT05531279" {
		t.Errorf("reload of odd#name.json: %v", err)
	}
}

// TestCTGovCriteriaStructure pins the criteria of the records issue 10
// names: the lines introducing the lists are notes, the items are the
// source's own numbers, the cohorts are siblings.
func TestCTGovCriteriaStructure(t *testing.T) {
	byID := map[string]*model.Trial{}
	for _, tr := range Load("testdata/ctgov/json/NCT05147467.json", "testdata/ctgov/xml/NCT01642004.xml", "testdata/ctgov/xml/NCT01298141.xml").Trials {
		byID[tr.ID] = tr
	}
	e := byID["NCT05147467"].Eligibility
	if len(e.Inclusion) != 7 || len(e.Exclusion) != 7 || len(e.Notes) != 2 {
		t.Errorf("NCT05147467: %d inclusion, %d exclusion, notes %q; want 7, 7 and the two introductions", len(e.Inclusion), len(e.Exclusion), e.Notes)
	}
	e = byID["NCT01642004"].Eligibility
	if len(e.Inclusion) != 6 || len(e.Notes) != 1 || !strings.Contains(e.Notes[0], "BMSStudyConnect") {
		t.Errorf("NCT01642004: %d inclusion, notes %q; want 6 and the BMS notice", len(e.Inclusion), e.Notes)
	}
	for _, c := range append(e.Inclusion, e.Exclusion...) {
		if strings.Contains(c.Text, "BMS") {
			t.Errorf("NCT01642004: the notice is a criterion: %q", c.Text)
		}
	}
	e = byID["NCT01298141"].Eligibility
	if len(e.Inclusion) != 2 || e.Inclusion[0].Text != "Cohort 1:" || e.Inclusion[1].Text != "Cohort 2:" ||
		len(e.Inclusion[0].Children) != 3 || len(e.Inclusion[1].Children) != 1 {
		t.Errorf("NCT01298141: cohorts not siblings with their own items:\n%s", renderOutline(e.Inclusion))
	}
}
