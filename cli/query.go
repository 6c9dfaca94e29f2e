package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
)

// The query language on the command line: `trials search QUERY` and
// `trials export --where QUERY` read it alike, refuse a malformed query
// alike (a usage error naming the term) and tell alike which answers are
// guesses.

// parseQuery reads text in lang. A query that cannot be read is a usage
// error naming the term; code is then the exit code, else -1.
func parseQuery(env *Env, cmd, text string, lang *search.Language) (q *search.Query, code int) {
	q, err := lang.Parse(text)
	if err == nil {
		return q, -1
	}
	var se *search.SyntaxError
	if !errors.As(err, &se) {
		return nil, usageError(env, cmd, "the query: "+plain.Line(err.Error()))
	}
	return nil, usageError(env, cmd, fmt.Sprintf("in the query, '%s': %s", plain.Line(se.Term), plain.Line(se.Msg)))
}

// fieldFor maps the --in values of `trials search` (kept from before the
// query language) to the field their words now go to.
func fieldFor(in string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(in)) {
	case "all", "":
		return "", true
	case "title", "titles":
		return "title", true
	case "interventions", "intervention", "drugs":
		return "intr", true
	case "conditions", "condition":
		return "cond", true
	case "sponsor", "sponsors":
		return "sponsor", true
	}
	return "", false
}

// scopeWords puts field: before every plain term of query — a word or a
// quoted phrase, negated or not — and leaves fielded terms, OR, '|' and
// parentheses as they are: `--in interventions 'lenvatinib OR "e 7080"'`
// asks `intr:lenvatinib OR intr:"e 7080"`. It follows the lexer of
// search.Parse; an unbalanced quote is left for Parse to report.
func scopeWords(query, field string) string {
	if field == "" {
		return query
	}
	var b strings.Builder
	s := query
	i := 0
	for i < len(s) {
		c := s[i]
		if c == '|' {
			// Spaced, so that "a|b" scoped stays an OR of two terms
			// rather than one field's alternatives.
			b.WriteString(" | ")
			i++
			continue
		}
		if isQuerySpace(c) || c == '(' || c == ')' {
			b.WriteByte(c)
			i++
			continue
		}
		start := i
		if c == '-' && i+1 < len(s) && !isQuerySpace(s[i+1]) && s[i+1] != ')' && s[i+1] != '|' {
			b.WriteByte('-')
			i++
			if s[i] == '(' {
				continue
			}
		}
		if s[i] == '"' {
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				b.WriteString(s[start:]) // Parse names the unbalanced quote
				return b.String()
			}
			if len(search.Words(s[i+1:i+1+j])) > 0 {
				b.WriteString(field + ":")
			}
			b.WriteString(s[i : i+2+j])
			i += 2 + j
			continue
		}
		j := i
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
			j++
		}
		fielded := j > i && j < len(s) && s[j] == ':'
		if fielded {
			j = fieldValueEnd(s, j+1)
		} else {
			j = i
			for j < len(s) && !isQuerySpace(s[j]) && s[j] != '(' && s[j] != ')' && s[j] != '|' && s[j] != '"' {
				j++
			}
		}
		word := s[i:j]
		// A word without letters or digits ("≥") is no term: left bare, as
		// Parse ignores it, rather than a field with no value.
		if !fielded && !(word == "OR" && start == i) && len(search.Words(word)) > 0 {
			b.WriteString(field + ":")
		}
		b.WriteString(word)
		i = j
	}
	return b.String()
}

// fieldValueEnd is where a field's value starting at s[i] ends: bare or
// quoted parts, alternatives joined by '|' (as search's lexer reads them).
func fieldValueEnd(s string, i int) int {
	for {
		if i < len(s) && s[i] == '"' {
			k := strings.IndexByte(s[i+1:], '"')
			if k < 0 {
				return len(s)
			}
			i += k + 2
		} else {
			for i < len(s) && !isQuerySpace(s[i]) && s[i] != '(' && s[i] != ')' && s[i] != '|' && s[i] != '"' {
				i++
			}
		}
		if i < len(s) && s[i] == '|' && (i+1 == len(s) || !isQuerySpace(s[i+1])) {
			i++
			continue
		}
		return i
	}
}

// quoteTerm writes a word term quoted, which turns near matching off:
// axitinb → "axitinb", intr:axitinb → intr:"axitinb".
func quoteTerm(term string) string {
	neg := strings.HasPrefix(term, "-")
	term = strings.TrimPrefix(term, "-")
	field, value, ok := strings.Cut(term, ":")
	if !ok {
		field, value = "", term
	} else {
		field += ":"
	}
	out := field + `"` + strings.Trim(value, `"`) + `"`
	if neg {
		out = "-" + out
	}
	return out
}

func isQuerySpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// nearMode is what an output does with the rows found through near words.
type nearMode int

const (
	nearMarked   nearMode = iota // shown, marked ≈ (the text format)
	nearLeftOut                  // left out: an id or an exported trial carries no mark
	nearIncluded                 // written unmarked, as asked (--near)
)

// reportGuesses tells on stderr which answers are not exact: the words
// answered by near matches and what became of their rows, and the phrases
// matched only word by word.
func reportGuesses(env *Env, cmd string, m *search.Matches, near nearMode) {
	if terms := m.Near(); len(terms) > 0 {
		n := 0
		m.Set().Each(func(r int) {
			if m.NearWords(r) != nil {
				n++
			}
		})
		for _, t := range terms {
			fmt.Fprintf(env.Stderr, "%s: near matches for %s: %s (no trial has it as typed; %s matches it only as written)\n",
				cmd, plain.Line(t.Term), plain.Line(strings.Join(t.Words, ", ")), plain.Line(quoteTerm(t.Term)))
		}
		what := map[nearMode]string{
			nearMarked:   "marked ≈",
			nearLeftOut:  "left out (--near writes them)",
			nearIncluded: "written, unmarked (--near)",
		}[near]
		fmt.Fprintf(env.Stderr, "%s: %s found through a near word, %s\n", cmd, present.Count(n, "trial", "trials"), what)
	}
	marked := near == nearMarked
	if un := m.Unchecked(); len(un) > 0 {
		n := 0
		m.Set().Each(func(r int) {
			if m.IsUnchecked(r) {
				n++
			}
		})
		mark := ""
		if marked {
			mark = ", marked ~"
		}
		fmt.Fprintf(env.Stderr, "%s: %s matched word by word (sites, cities, collaborators, contacts and criteria are indexed by word): %s with the words, maybe not together%s\n",
			cmd, plain.Line(strings.Join(un, ", ")), present.Count(n, "trial", "trials"), mark)
	}
}
