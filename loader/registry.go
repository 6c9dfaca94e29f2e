package loader

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/trials-app/trials/model"
)

// A layout is one document format the loader reads. Each layout's file
// defines its entry next to its parser; adding a layout is that file and
// one line in layouts.
type layout struct {
	format model.Format
	// idPrefix starts the ids derived for documents that name no NCT id
	// ("CC-B505B9C8"); layouts whose documents always name one leave it "".
	idPrefix string
	kind     docKind
	// about names the layout in the message for a document none matches.
	about  string
	detect func(*sample) bool
	parse  func(data []byte) ([]*model.Trial, error)
	// parseSlim, when a layout has one, parses only what Options.Slim
	// keeps; layouts without one parse whole.
	parseSlim func(data []byte) ([]*model.Trial, error)
}

// layouts are tried in this order; the first whose detector accepts a
// document parses it. Order matters only among layouts of one kind, and
// there from the most specific markers to the least.
var layouts = []layout{
	ctgovJSONLayout,
	ctgovXMLLayout,
	medPathLayout,
	clinConnectLayout,
	classicLayout,
	mirrorLabelledLayout,
	mirrorBareLayout,
}

// docKind is what a document's first character says it is; only layouts
// of that kind are tried on it.
type docKind int

const (
	textDoc docKind = iota
	jsonDoc
	xmlDoc
)

func kindOf(first byte) docKind {
	switch first {
	case '{', '[':
		return jsonDoc
	case '<':
		return xmlDoc
	}
	return textDoc
}

// unknownLayout is the error for a document of kind k that no layout accepts.
func unknownLayout(k docKind) error {
	switch k {
	case jsonDoc:
		return fmt.Errorf("%w: JSON without a ClinicalTrials.gov study (no \"protocolSection\" or \"studies\")", ErrNotTrial)
	case xmlDoc:
		return fmt.Errorf("%w: XML or HTML without a <clinical_study> record", ErrNotTrial)
	}
	var names []string
	for _, kind := range []docKind{textDoc, jsonDoc, xmlDoc} {
		for _, l := range layouts {
			if l.kind == kind && !slices.Contains(names, l.about) {
				names = append(names, l.about)
			}
		}
	}
	list := strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	return fmt.Errorf("%w: no known layout found (expected %s)", ErrNotTrial, list)
}

// single adapts a parser of one-trial documents to the registry's shape.
func single(parse func([]byte) (*model.Trial, error)) func([]byte) ([]*model.Trial, error) {
	return func(data []byte) ([]*model.Trial, error) {
		t, err := parse(data)
		if err != nil {
			return nil, err
		}
		return []*model.Trial{t}, nil
	}
}

// Detect tells which layout a document is in, from its content alone. It
// returns ErrEmpty, ErrBinary or ErrNotTrial (wrapped with the details) for
// documents it cannot place.
func Detect(data []byte) (model.Format, error) {
	l, _, err := detect(data)
	if err != nil {
		return "", err
	}
	return l.format, nil
}

func detect(data []byte) (*layout, *sample, error) { return detectRead(data, false) }

// detectRead is detect for a document readAtMost may have read (see
// newSampleRead).
func detectRead(data []byte, headChecked bool) (*layout, *sample, error) {
	s, err := newSampleRead(data, headChecked)
	if err != nil {
		return nil, nil, err
	}
	for i := range layouts {
		if l := &layouts[i]; l.kind == s.kind && l.detect(s) {
			return l, s, nil
		}
	}
	return nil, nil, unknownLayout(s.kind)
}

// Parse reads the trials in one document. name is used in messages only; the
// layout is detected from data, which may be UTF-8, UTF-16 or Windows-1252
// text (the trials' warnings name an encoding other than UTF-8). A document
// that loads in part returns its trials with a *PartialError.
func Parse(name string, data []byte) ([]*model.Trial, error) { return parse(name, data, false) }

func parse(name string, data []byte, slim bool) ([]*model.Trial, error) {
	return parseRead(name, data, slim, false)
}

// parseRead is parse for a document readAtMost may have read (see
// newSampleRead).
func parseRead(name string, data []byte, slim, headChecked bool) ([]*model.Trial, error) {
	l, s, err := detectRead(data, headChecked)
	if err != nil {
		return nil, err
	}
	fn := l.parse
	if slim && l.parseSlim != nil {
		fn = l.parseSlim
	}
	trials, err := fn(s.data)
	var partial *PartialError
	if err != nil && !(errors.As(err, &partial) && len(trials) > 0) {
		return nil, err
	}
	for _, t := range trials {
		t.Source.Path = name
		t.Source.Format = l.format
		if s.encoding != encUTF8 {
			t.Warnings = append(t.Warnings, fmt.Sprintf("the document is %s text, not UTF-8: it was decoded as such", s.encoding))
		}
		finish(t)
	}
	return trials, err
}

// idPrefix is the derived-id prefix of a format, "DOC" for one without.
func idPrefix(f model.Format) string {
	for _, l := range layouts {
		if l.format == f && l.idPrefix != "" {
			return l.idPrefix
		}
	}
	return "DOC"
}
