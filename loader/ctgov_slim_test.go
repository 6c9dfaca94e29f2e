package loader

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/trials-app/trials/model"
)

// The slim shapes must read what skipping the modules by unmarshalers
// read, and fail as it failed: parseRef is the parse as it was.

var slimJSONOptionsRef = json.JoinOptions(jsonOptions, json.WithUnmarshalers(json.JoinUnmarshalers(
	json.UnmarshalFromFunc(func(dec *jsontext.Decoder, _ *ctDescription) error { return dec.SkipValue() }),
	json.UnmarshalFromFunc(func(dec *jsontext.Decoder, _ *ctOutcomesModule) error { return dec.SkipValue() }),
	json.UnmarshalFromFunc(func(dec *jsontext.Decoder, _ *ctReferences) error { return dec.SkipValue() }),
	json.UnmarshalFromFunc(func(dec *jsontext.Decoder, _ *ctDerived) error { return dec.SkipValue() }),
)))

func parseRef(data []byte, opts json.Options) ([]*model.Trial, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var studies []jsontext.Value
		if err := json.Unmarshal(trimmed, &studies, opts); err != nil {
			return nil, jsonError(err)
		}
		return decodeStudiesRef(studies, "", opts)
	}
	var doc ctDocument
	if err := json.Unmarshal(trimmed, &doc, opts); err != nil {
		return nil, jsonError(err)
	}
	switch {
	case doc.ProtocolSection != nil:
		t, err := studyToTrial((&ctStudy{ProtocolSection: *doc.ProtocolSection, HasResults: doc.HasResults, DerivedSection: doc.DerivedSection}).study())
		if err != nil {
			return nil, err
		}
		return []*model.Trial{t}, nil
	case doc.Studies != nil:
		return decodeStudiesRef(doc.Studies, "studies", opts)
	}
	return nil, fmt.Errorf("%w: JSON object has neither \"protocolSection\" nor \"studies\"", ErrNotTrial)
}

func decodeStudiesRef(raw []jsontext.Value, field string, opts json.Options) ([]*model.Trial, error) {
	var out []*model.Trial
	var bad []string
	for i, r := range raw {
		var st ctStudy
		err := json.Unmarshal(r, &st, opts)
		var t *model.Trial
		if err == nil {
			t, err = studyToTrial(st.study())
		} else {
			err = jsonError(err)
		}
		if err != nil {
			bad = append(bad, fmt.Sprintf("study %d: %v", i+1, err))
			continue
		}
		t.Source.Entry = field + "[" + strconv.Itoa(i) + "]"
		t.Source.Origin.Study = i + 1
		out = append(out, t)
	}
	if len(out) == 0 {
		if len(bad) > 0 {
			return nil, fmt.Errorf("%w: no readable study: %s", ErrNotTrial, strings.Join(bad, "; "))
		}
		return nil, fmt.Errorf("%w: the studies array is empty", ErrNotTrial)
	}
	if len(bad) > 0 {
		return out, &PartialError{Problems: bad, Total: len(raw)}
	}
	return out, nil
}

func checkSlimShapes(t *testing.T, data []byte) {
	t.Helper()
	for _, c := range []struct {
		name  string
		parse func([]byte) ([]*model.Trial, error)
		opts  json.Options
	}{{"slim", parseCTGovJSONSlim, slimJSONOptionsRef}, {"full", parseCTGovJSON, jsonOptions}} {
		got, gotErr := c.parse(data)
		want, wantErr := parseRef(data, c.opts)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("%s: error %v, before %v", c.name, gotErr, wantErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %d trials differ from before (%d)", c.name, len(got), len(want))
		}
	}
}

func slimSamples(tb testing.TB) [][]byte {
	paths, _ := filepath.Glob("testdata/ctgov/json/*.json")
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, data)
	}
	if len(out) == 0 {
		tb.Fatal("no studies in testdata/ctgov/json")
	}
	one := out[0]
	out = append(out,
		[]byte(`[`+string(one)+`,`+string(one)+`]`),
		[]byte(`{"studies": [`+string(one)+`, {"protocolSection": {"descriptionModule": 3}}], "nextPageToken": "x"}`),
		[]byte(`{"protocolSection": {"identificationModule": {"nctId": "NCT00000001"}, "descriptionModule": {"briefSummary": 5},
			"outcomesModule": [1, 2], "referencesModule": null}, "derivedSection": "x", "hasResults": true}`),
		[]byte(`{"protocolSection": {"identificationModule": {"nctId": "NCT00000001"}, "descriptionModule": {"briefSummary": "a"`),
		[]byte(`{"protocolSection": {"identificationModule": {"nctId": "NCT00000001"}, "outcomesModule": {"primaryOutcomes": [}}}`),
		[]byte(`{"protocolSection": {"identificationModule": {"nctId": 7}}}`),
		[]byte(`{"protocolSection": null, "studies": []}`), []byte(`{}`), []byte(`[]`), []byte(`{"protocolSection": {}}`),
		// Errors that name the shape read into: the slim one names the full.
		[]byte(`000`), []byte(`{"protocolSection": 5}`), []byte(`[5]`), []byte(`{"studies": [[]]}`), []byte(`{"studies": 5}`),
		[]byte(`{"protocolSection": {"identificationModule": {"nctId": "NCT00000001"}, "DescriptionModule": {"briefSummary": "b"}, "descriptionModule": {"briefSummary": "c"}, "descriptionModule": 1}}`),
		one[:len(one)/2], one[:len(one)*3/4],
	)
	return out
}

func TestSlimShapes(t *testing.T) {
	for _, data := range slimSamples(t) {
		checkSlimShapes(t, data)
	}
}

func FuzzSlimShapes(f *testing.F) {
	for _, data := range slimSamples(f) {
		f.Add(data)
	}
	f.Fuzz(checkSlimShapes)
}
