package loader

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/trials-app/trials/model"
)

// Detect tells which layout a document is in, from its content alone. It
// returns ErrEmpty, ErrBinary or ErrNotTrial (wrapped with the details) for
// documents it cannot place.
func Detect(data []byte) (model.Format, error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return "", ErrEmpty
	}
	if looksBinary(data) {
		return "", ErrBinary
	}
	switch trimmed[0] {
	case '{', '[':
		if bytes.Contains(data, []byte(`"protocolSection"`)) || bytes.Contains(data, []byte(`"studies"`)) {
			return model.FormatCTGovJSON, nil
		}
		return "", fmt.Errorf("%w: JSON without a ClinicalTrials.gov study (no \"protocolSection\" or \"studies\")", ErrNotTrial)
	case '<':
		if bytes.Contains(data, []byte("<clinical_study")) {
			return model.FormatCTGovXML, nil
		}
		return "", fmt.Errorf("%w: XML or HTML without a <clinical_study> record", ErrNotTrial)
	}
	return detectText(data)
}

// looksBinary reports NUL bytes, or mostly invalid UTF-8, in the first 8 KiB.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size <= 1 {
			if len(head)-i < 4 && len(data) > len(head) {
				break // a character cut at the 8 KiB boundary
			}
			bad++
		} else if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != 0x1b && r != '\f' {
			bad++
		}
		i += size
	}
	return bad*10 > len(head) // over 10% garbage
}

// textMarkers are lines (exact, after trimming) that identify each text layout.
var textMarkers = []struct {
	format model.Format
	all    []string // every one must be present
	anyOf  []string // and at least one of these
	prefix string   // or a line starting with this
}{
	{format: model.FormatMedPath, anyOf: []string{"MedPath"}, all: []string{"Registration Number"}},
	{format: model.FormatMedPath, all: []string{"Registration Number", "Recruitment & Eligibility"}},
	{format: model.FormatClinConnect, all: []string{"ClinConnect Summary"}},
	{format: model.FormatClinConnect, all: []string{"Trial Information"}, prefix: "Launched by "},
	{format: model.FormatClassic, all: []string{"Study Details"}, anyOf: []string{"CT.gov ID", "ClinicalTrials.gov Identifier:"}},
	{format: model.FormatClassic, all: []string{"Arms and Interventions", "Eligibility Criteria"}, anyOf: []string{"CT.gov ID", "ClinicalTrials.gov Identifier:"}},
	{format: model.FormatMirrorLabelled, all: []string{"Basic Information"}, prefix: "NCT ID:"},
}

func detectText(data []byte) (model.Format, error) {
	lines := map[string]bool{}
	var prefixed []string
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && len(l) < 80 {
			lines[l] = true
			prefixed = append(prefixed, l)
		}
	}
	hasPrefix := func(p string) bool {
		for _, l := range prefixed {
			if strings.HasPrefix(l, p) {
				return true
			}
		}
		return false
	}
	for _, m := range textMarkers {
		ok := true
		for _, s := range m.all {
			ok = ok && lines[s]
		}
		if ok && len(m.anyOf) > 0 {
			any := false
			for _, s := range m.anyOf {
				any = any || lines[s]
			}
			ok = any
		}
		if ok && m.prefix != "" {
			ok = hasPrefix(m.prefix)
		}
		if !ok {
			continue
		}
		if m.format == model.FormatMirrorLabelled && !mirrorIsLabelled(splitLines(data)) {
			return model.FormatMirrorBare, nil
		}
		return m.format, nil
	}
	return "", fmt.Errorf("%w: no known layout found (expected a ClinicalTrials.gov mirror, classic study page, ClinConnect or MedPath page, API v2 JSON or <clinical_study> XML)", ErrNotTrial)
}
