package search

import (
	"fmt"
	"strings"
)

type tokKind uint8

const (
	tokTerm tokKind = iota
	tokOr
	tokOpen
	tokClose
)

type token struct {
	kind     tokKind
	neg      bool   // a '-' before it
	field    string // before the ':' of a field term
	value    string // the term's text (a field's value), quotes removed
	alts     []alt  // a field's values, split at '|'
	quoted   bool
	raw      string
	pos, end int
}

type alt struct {
	text   string
	quoted bool
}

type parser struct {
	src  string
	lang *Language
	toks []token
	pos  int
	err  error
}

func (p *parser) fail(term string, pos, end int, format string, args ...any) {
	if p.err == nil {
		p.err = &SyntaxError{Term: term, Pos: pos, End: end, Msg: fmt.Sprintf(format, args...)}
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// lex splits the query into tokens.
func (p *parser) lex() {
	s := p.src
	i := 0
	for i < len(s) && p.err == nil {
		c := s[i]
		switch {
		case isSpace(c):
			i++
			continue
		case c == '(':
			p.toks = append(p.toks, token{kind: tokOpen, raw: "(", pos: i, end: i + 1})
			i++
			continue
		case c == ')':
			p.toks = append(p.toks, token{kind: tokClose, raw: ")", pos: i, end: i + 1})
			i++
			continue
		case c == '|':
			p.toks = append(p.toks, token{kind: tokOr, raw: "|", pos: i, end: i + 1})
			i++
			continue
		}
		start := i
		neg := false
		if c == '-' && i+1 < len(s) && !isSpace(s[i+1]) && s[i+1] != ')' && s[i+1] != '|' {
			neg = true
			i++
			if s[i] == '(' {
				p.toks = append(p.toks, token{kind: tokOpen, neg: true, raw: "-(", pos: start, end: i + 1})
				i++
				continue
			}
		}
		t := token{kind: tokTerm, neg: neg, pos: start}
		if s[i] == '"' {
			v, j, ok := quoted(s, i)
			if !ok {
				p.fail(s[start:], start, len(s), "unbalanced quote")
				return
			}
			t.value, t.quoted, i = v, true, j
		} else {
			// A field name: letters up to a ':'.
			j := i
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
				j++
			}
			if j > i && j < len(s) && s[j] == ':' {
				t.field = strings.ToLower(s[i:j])
				i = j + 1
				i = p.lexValue(&t, start, i)
			} else {
				j = i
				for j < len(s) && !isSpace(s[j]) && s[j] != '(' && s[j] != ')' && s[j] != '"' && s[j] != '|' {
					j++
				}
				t.value, i = s[i:j], j
				if t.value == "OR" && !neg {
					t = token{kind: tokOr, raw: "OR", pos: start, end: i}
				}
			}
		}
		t.end = i
		t.raw = s[start:i]
		p.toks = append(p.toks, t)
	}
}

// lexValue reads a field's value — bare or quoted, alternatives split at
// '|' — from s[i:] and returns where it ends.
func (p *parser) lexValue(t *token, start, i int) int {
	s := p.src
	for {
		if i < len(s) && s[i] == '"' {
			v, j, ok := quoted(s, i)
			if !ok {
				p.fail(s[start:], start, len(s), "unbalanced quote")
				return len(s)
			}
			t.alts = append(t.alts, alt{v, true})
			i = j
		} else {
			j := i
			for j < len(s) && !isSpace(s[j]) && s[j] != '(' && s[j] != ')' && s[j] != '|' && s[j] != '"' {
				j++
			}
			t.alts = append(t.alts, alt{s[i:j], false})
			i = j
		}
		// value|value alternates; "value | term" is an OR between terms.
		if i < len(s) && s[i] == '|' && (i+1 == len(s) || !isSpace(s[i+1])) {
			i++
			continue
		}
		return i
	}
}

// quoted reads a quoted string starting at s[i] == '"'.
func quoted(s string, i int) (string, int, bool) {
	j := strings.IndexByte(s[i+1:], '"')
	if j < 0 {
		return "", 0, false
	}
	return s[i+1 : i+1+j], i + 2 + j, true
}

func (p *parser) peek() *token {
	if p.pos < len(p.toks) {
		return &p.toks[p.pos]
	}
	return nil
}
