package search

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed query, ready to run on any Index (see Index.Run).
type Query struct {
	text string
	root node // nil: every record
	lang *Language
}

// SyntaxError is a query that cannot be read. Term is the offending term
// as typed, at Pos…End (byte offsets) of the query.
type SyntaxError struct {
	Term     string
	Pos, End int
	Msg      string
}

func (e *SyntaxError) Error() string { return e.Term + ": " + e.Msg }

// The AST. Leaves are terms on words (textNode), on values (valueNode) and
// on fields the caller adds (extNode).
type node interface{ String() string }

type andNode struct{ kids []node }
type orNode struct{ kids []node }
type notNode struct{ kid node }

// textNode is plain words or a field's words: one word (a prefix unless
// exact) or several that must stand together — "child-pugh", a quoted
// phrase.
type textNode struct {
	spec  *fieldSpec // nil for plain words
	words []string   // folded
	exact bool       // quoted: every word whole
	raw   string
}

// valueNode filters on a column: status, phase, dates, ages, counts.
type valueNode struct {
	spec  *fieldSpec
	raw   string
	match func(ix *Index) *Set
}

type extNode struct {
	ext   *Extension
	value string
	raw   string
}

func (n *andNode) String() string { return joinNodes(n.kids, " ") }
func (n *orNode) String() string  { return "(" + joinNodes(n.kids, " OR ") + ")" }
func (n *notNode) String() string { return "-" + n.kid.String() }
func (n *textNode) String() string {
	s := strings.Join(n.words, " ")
	if n.exact || len(n.words) > 1 {
		s = `"` + s + `"`
	}
	if !n.exact && len(n.words) > 1 {
		s += "…"
	}
	if n.spec != nil && n.spec.name != "" {
		s = n.spec.name + ":" + s
	}
	return s
}
func (n *valueNode) String() string { return n.raw }
func (n *extNode) String() string   { return n.ext.Name + ":" + quoteValue(n.value) }

func joinNodes(ns []node, sep string) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = n.String()
	}
	return strings.Join(parts, sep)
}

// String is the query as it was typed.
func (q *Query) String() string { return q.text }

// Canonical shows how the query was read: the terms with their folded
// words, OR groups in parentheses, phrases in quotes ("…" after a phrase
// whose last word is a prefix). Tests and `trials search --explain` print it.
func (q *Query) Canonical() string {
	if q.root == nil {
		return ""
	}
	return q.root.String()
}

// Empty reports whether the query has no terms: it matches every record.
func (q *Query) Empty() bool { return q == nil || q.root == nil }

// Uses reports whether the query names field (a built-in field by its
// name or an alias, or a caller's field), negated or not: the browser says
// "screen: needs a patient profile" only when the query asks for it.
func (q *Query) Uses(field string) bool {
	field = strings.ToLower(field)
	if spec := lookupField(field); spec != nil {
		field = spec.name
	}
	var walk func(n node) bool
	walk = func(n node) bool {
		switch n := n.(type) {
		case *andNode:
			return slices.ContainsFunc(n.kids, walk)
		case *orNode:
			return slices.ContainsFunc(n.kids, walk)
		case *notNode:
			return walk(n.kid)
		case *textNode:
			return n.spec != nil && n.spec.name == field
		case *valueNode:
			return n.spec.name == field
		case *extNode:
			return n.ext.Name == field
		}
		return false
	}
	return q != nil && q.root != nil && walk(q.root)
}

// Highlight returns the words of the query's plain and text terms that are
// not negated, for Spans: what to emphasise in a row.
func (q *Query) Highlight() []string {
	var out []string
	var walk func(n node, neg bool)
	walk = func(n node, neg bool) {
		switch n := n.(type) {
		case *andNode:
			for _, k := range n.kids {
				walk(k, neg)
			}
		case *orNode:
			for _, k := range n.kids {
				walk(k, neg)
			}
		case *notNode:
			walk(n.kid, !neg)
		case *textNode:
			if !neg {
				for _, w := range n.words {
					if !contains(out, w) {
						out = append(out, w)
					}
				}
			}
		}
	}
	if q != nil && q.root != nil {
		walk(q.root, false)
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Parse reads a query in the built-in language (no caller fields).
func Parse(text string) (*Query, error) { return defaultLanguage.Parse(text) }

// Parse reads a query:
//
//	words            every word starts a word of title, ids, conditions,
//	                 interventions or lead sponsor (ANDed)
//	field:value      a field (see Fields); value|value alternates
//	"a phrase"       words together, each whole
//	-term            not
//	a OR b, a | b    either (binds tighter than the implicit AND)
//	( … )            grouping
func (l *Language) Parse(text string) (*Query, error) {
	p := &parser{src: text, lang: l}
	p.lex()
	if p.err != nil {
		return nil, p.err
	}
	root, err := p.parseAnd(false)
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) { // a stray ')'
		t := p.toks[p.pos]
		return nil, &SyntaxError{Term: ")", Pos: t.pos, End: t.end, Msg: "unbalanced parenthesis: no '(' before it"}
	}
	return &Query{text: text, root: root, lang: l}, nil
}

// parseAnd reads terms up to the end (or a ')' when nested).
func (p *parser) parseAnd(nested bool) (node, error) {
	var kids []node
	for {
		t := p.peek()
		if t == nil || t.kind == tokClose && nested {
			break
		}
		if t.kind == tokClose {
			return nil, &SyntaxError{Term: ")", Pos: t.pos, End: t.end, Msg: "unbalanced parenthesis: no '(' before it"}
		}
		n, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if n != nil {
			kids = append(kids, n)
		}
	}
	switch len(kids) {
	case 0:
		return nil, nil
	case 1:
		return kids[0], nil
	}
	return &andNode{kids}, nil
}

func (p *parser) parseOr() (node, error) {
	first := p.peek()
	if first.kind == tokOr {
		return nil, &SyntaxError{Term: first.raw, Pos: first.pos, End: first.end, Msg: "needs a term on each side"}
	}
	n, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	kids := []node{n}
	for {
		t := p.peek()
		if t == nil || t.kind != tokOr {
			break
		}
		p.pos++
		next := p.peek()
		if next == nil || next.kind == tokOr || next.kind == tokClose {
			return nil, &SyntaxError{Term: t.raw, Pos: t.pos, End: t.end, Msg: "needs a term on each side"}
		}
		m, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		kids = append(kids, m)
	}
	var live []node
	for _, k := range kids {
		if k != nil {
			live = append(live, k)
		}
	}
	switch len(live) {
	case 0:
		return nil, nil
	case 1:
		return live[0], nil
	}
	return &orNode{live}, nil
}

func (p *parser) parseUnary() (node, error) {
	t := p.peek()
	p.pos++
	var n node
	switch t.kind {
	case tokOpen:
		inner, err := p.parseAnd(true)
		if err != nil {
			return nil, err
		}
		if c := p.peek(); c == nil || c.kind != tokClose {
			return nil, &SyntaxError{Term: p.src[t.pos:], Pos: t.pos, End: len(p.src), Msg: "unbalanced parenthesis: no ')' after it"}
		}
		p.pos++
		n = inner
	case tokTerm:
		var err error
		if n, err = p.term(t); err != nil {
			return nil, err
		}
	default:
		return nil, &SyntaxError{Term: t.raw, Pos: t.pos, End: t.end, Msg: "unexpected here"}
	}
	if n != nil && t.neg {
		n = &notNode{n}
	}
	return n, nil
}

// term turns a term token into a leaf (or an OR of leaves, for a field's
// alternatives). Plain words without letters or digits ("-", "≥") are no
// term at all.
func (p *parser) term(t *token) (node, error) {
	if t.field == "" {
		words := Words(t.value)
		if len(words) == 0 {
			if t.quoted {
				return nil, &SyntaxError{Term: t.raw, Pos: t.pos, End: t.end, Msg: "an empty phrase"}
			}
			return nil, nil
		}
		return &textNode{words: words, exact: t.quoted, raw: t.raw}, nil
	}
	name := strings.TrimPrefix(t.raw, "-")
	name = name[:strings.IndexByte(name, ':')]
	spec := p.lang.field(t.field)
	if spec == nil {
		if ext := p.lang.ext[t.field]; ext != nil {
			return p.extTerm(t, ext)
		}
		return nil, &SyntaxError{Term: t.raw, Pos: t.pos, End: t.end,
			Msg: fmt.Sprintf("unknown field %q (fields: %s)", name, strings.Join(p.lang.FieldNames(), ", "))}
	}
	if len(t.alts) == 1 && t.alts[0].text == "" && !t.alts[0].quoted {
		return nil, &SyntaxError{Term: t.raw, Pos: t.pos, End: t.end, Msg: spec.name + " needs a value: " + spec.hint}
	}
	var kids []node
	for _, a := range t.alts {
		if a.text == "" && !a.quoted {
			return nil, &SyntaxError{Term: t.raw, Pos: t.pos, End: t.end, Msg: "an empty alternative (" + spec.name + ":a|b)"}
		}
		n, msg := spec.leaf(a.text, a.quoted)
		if msg != "" {
			return nil, &SyntaxError{Term: t.raw, Pos: t.pos, End: t.end, Msg: msg}
		}
		kids = append(kids, n)
	}
	if len(kids) == 1 {
		return kids[0], nil
	}
	return &orNode{kids}, nil
}

func (p *parser) extTerm(t *token, ext *Extension) (node, error) {
	var kids []node
	for _, a := range t.alts {
		v := strings.TrimSpace(a.text)
		if v == "" {
			return nil, &SyntaxError{Term: t.raw, Pos: t.pos, End: t.end, Msg: ext.Name + " needs a value" + extHint(ext)}
		}
		if ext.Values != nil {
			canon := ""
			for _, ok := range ext.Values {
				if strings.EqualFold(ok, v) {
					canon = ok
				}
			}
			if canon == "" {
				return nil, &SyntaxError{Term: t.raw, Pos: t.pos, End: t.end, Msg: fmt.Sprintf("unknown %s %q%s", ext.Name, v, extHint(ext))}
			}
			v = canon
		}
		kids = append(kids, &extNode{ext: ext, value: v, raw: t.raw})
	}
	if len(kids) == 1 {
		return kids[0], nil
	}
	return &orNode{kids}, nil
}

func extHint(ext *Extension) string {
	if len(ext.Values) == 0 {
		return ""
	}
	return " (" + strings.Join(ext.Values, ", ") + ")"
}

// quoteValue writes a value so that the parser reads it back as one.
func quoteValue(v string) string {
	for _, r := range v {
		if unicode.IsSpace(r) || r == '|' || r == '(' || r == ')' || r == '"' {
			return `"` + strings.ReplaceAll(v, `"`, "") + `"`
		}
	}
	if v == "" || v == "OR" {
		return `"` + v + `"`
	}
	return v
}

// isDigits reports whether s is all ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// hasDigit reports whether s has a digit (such words are never corrected).
func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }
