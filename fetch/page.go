package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
)

// The API's answers are read as one stream of JSON tokens, once: each study
// of a page is re-encoded (indented, as it will be saved) while it is read,
// so memory holds one study, never the page. The options are the loader's
// (loader/ctgov_json.go): a stray invalid UTF-8 byte or a repeated name does
// not fail a study the loader would read.
var (
	decodeOptions = []jsontext.Options{jsontext.AllowInvalidUTF8(true), jsontext.AllowDuplicateNames(true)}
	encodeOptions = []jsontext.Options{jsontext.AllowInvalidUTF8(true), jsontext.AllowDuplicateNames(true), jsontext.WithIndent("  ")}
)

// maxStudyFile is the largest file the loader reads (loader/walk.go's
// maxDocument): a study that would be larger is not saved.
const maxStudyFile = 256 << 20

// maxPageToken bounds the page token sent back in the next URL.
const maxPageToken = 4 << 10

// idPointer is where a study names itself, relative to the study.
const idPointer = "/protocolSection/identificationModule/nctId"

// study is one study as read from an answer.
type study struct {
	kind jsontext.Kind // '{' for an object; anything else is not a study
	// data is the study as it will be saved, indented and ending in a
	// newline; nil when it would be over maxStudyFile.
	data []byte
	size int64    // bytes it takes (or took before it was given up on)
	ids  []string // every value at protocolSection.identificationModule.nctId
}

// studyReader re-encodes studies into one reused buffer.
type studyReader struct {
	buf   bytes.Buffer
	enc   jsontext.Encoder
	limit int64 // maxStudyFile; lower in tests
}

func newStudyReader() *studyReader { return &studyReader{limit: maxStudyFile} }

// read reads the next value of dec, which should be a study object. The
// returned data is valid until the next read.
func (sr *studyReader) read(dec *jsontext.Decoder) (*study, error) {
	if sr.buf.Cap() > 16<<20 {
		sr.buf = bytes.Buffer{} // do not keep a huge study's memory for the rest of a run
	}
	sr.buf.Reset()
	sr.enc.Reset(&sr.buf, encodeOptions...)
	s := &study{kind: dec.PeekKind()}
	if s.kind != '{' {
		if s.kind == jsontext.KindInvalid {
			_, err := dec.ReadToken() // the error PeekKind met
			return nil, err
		}
		return s, dec.SkipValue()
	}
	base := dec.StackDepth()
	start := dec.InputOffset()
	over := false
	for {
		tok, err := dec.ReadToken()
		if err != nil {
			return nil, err
		}
		depth := dec.StackDepth()
		if !over {
			if err := sr.enc.WriteToken(tok); err != nil {
				return nil, err
			}
			if sr.enc.OutputOffset() > sr.limit {
				over = true
				sr.buf = bytes.Buffer{}
			}
		}
		// A string just read three levels into the study, as the value
		// (not the name) of an object member, may be the study's id.
		if depth == base+3 && tok.Kind() == '"' {
			if kind, n := dec.StackIndex(depth); kind == jsontext.KindBeginObject && n%2 == 0 &&
				strings.HasSuffix(string(dec.StackPointer()), idPointer) {
				s.ids = append(s.ids, tok.String())
			}
		}
		if depth == base {
			break
		}
	}
	if over {
		s.size = max(dec.InputOffset()-start, sr.limit+1)
		return s, nil
	}
	s.data = sr.buf.Bytes()
	s.size = int64(len(s.data))
	return s, nil
}

// pageHandler receives what a search page holds, in the order it comes.
type pageHandler struct {
	total func(n int64)
	// study is called for each element of "studies" (i counts from 1); an
	// error stops the reading and is returned as it is.
	study func(i int, s *study) error
}

// permanentError is a failure that asking again would not cure.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

func permanent(err error) error { return &permanentError{err} }

func notPage(format string, args ...any) error {
	return permanent(fmt.Errorf("the API's answer is not a search page: "+format, args...))
}

// readPage reads a search page {"totalCount": N, "studies": […],
// "nextPageToken": "…"} from r and returns its next-page token. Unknown
// members are skipped; a body cut short or malformed gives the decoder's
// error, a body of another shape a permanent one.
func readPage(r io.Reader, sr *studyReader, h pageHandler) (next string, err error) {
	dec := jsontext.NewDecoder(r, decodeOptions...)
	tok, err := dec.ReadToken()
	if err != nil {
		return "", err
	}
	if tok.Kind() != jsontext.KindBeginObject {
		return "", notPage("it is a JSON %s, not an object", kindName(tok.Kind()))
	}
	for dec.PeekKind() != jsontext.KindEndObject {
		name, err := dec.ReadToken()
		if err != nil {
			return "", err
		}
		switch name.String() {
		case "totalCount":
			tok, err := dec.ReadToken()
			if err != nil {
				return "", err
			}
			if tok.Kind() != jsontext.KindNumber { // Token.Int panics on any other kind
				return "", notPage("\"totalCount\" is a JSON %s, not a number", kindName(tok.Kind()))
			}
			n, nerr := tok.Int()
			if nerr != nil || n < 0 {
				return "", notPage("\"totalCount\" is %s, not a count", shorten(tok.String(), 40))
			}
			h.total(n)
		case "nextPageToken":
			tok, err := dec.ReadToken()
			if err != nil {
				return "", err
			}
			switch tok.Kind() {
			case jsontext.KindNull:
				next = ""
			case jsontext.KindString:
				next = tok.String()
				if len(next) > maxPageToken {
					return "", notPage("its next-page token is %d bytes long", len(next))
				}
			default:
				return "", notPage("\"nextPageToken\" is a JSON %s, not a string", kindName(tok.Kind()))
			}
		case "studies":
			if err := readStudies(dec, sr, h); err != nil {
				return "", err
			}
		default:
			if err := dec.SkipValue(); err != nil {
				return "", err
			}
		}
	}
	if _, err := dec.ReadToken(); err != nil { // the closing brace
		return "", err
	}
	return next, atEnd(dec)
}

func readStudies(dec *jsontext.Decoder, sr *studyReader, h pageHandler) error {
	switch k := dec.PeekKind(); k {
	case jsontext.KindNull:
		_, err := dec.ReadToken()
		return err
	case jsontext.KindBeginArray:
	case jsontext.KindInvalid:
		_, err := dec.ReadToken()
		return err
	default:
		return notPage("\"studies\" is a JSON %s, not an array", kindName(k))
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	for i := 1; dec.PeekKind() != jsontext.KindEndArray; i++ {
		s, err := sr.read(dec)
		if err != nil {
			return err
		}
		if err := h.study(i, s); err != nil {
			return err
		}
	}
	_, err := dec.ReadToken()
	return err
}

// readStudyBody reads an answer that is one study (/studies/NCT…).
func readStudyBody(r io.Reader, sr *studyReader) (*study, error) {
	dec := jsontext.NewDecoder(r, decodeOptions...)
	s, err := sr.read(dec)
	if err != nil {
		return nil, err
	}
	if s.kind != jsontext.KindBeginObject {
		return nil, permanent(fmt.Errorf("the API's answer is a JSON %s, not a study", kindName(s.kind)))
	}
	return s, atEnd(dec)
}

// atEnd checks that nothing but white space follows the value read.
func atEnd(dec *jsontext.Decoder) error {
	_, err := dec.ReadToken()
	switch {
	case errors.Is(err, io.EOF):
		return nil
	case err == nil:
		return fmt.Errorf("more JSON after the answer, at byte %d", dec.InputOffset())
	}
	return err
}

func kindName(k jsontext.Kind) string {
	switch k {
	case jsontext.KindNull:
		return "null"
	case jsontext.KindFalse, jsontext.KindTrue:
		return "boolean"
	case jsontext.KindString:
		return "string"
	case jsontext.KindNumber:
		return "number"
	case jsontext.KindBeginObject:
		return "object"
	case jsontext.KindBeginArray:
		return "array"
	}
	return "value"
}
