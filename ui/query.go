package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/queryext"
	"github.com/trials-app/trials/search"
)

// The query language of the list's filter: the built-in fields and the
// user's own (queryext) — screen: from the patient profile, note: and tag:
// from the shortlist, which plain words search too.

// queryState is the Context's part of the query language: the screener of
// the profile of generation gen, kept while the profile is.
type queryState struct {
	gen      int
	screener *queryext.Screener
}

// queryLanguage is the language for a query run now. Built on the UI
// goroutine, it captures the profile in use, so a query keeps the verdicts
// it started with; notes and tags are read from the shortlist (safe from
// any goroutine) when the query runs.
func (c *Context) queryLanguage() *search.Language {
	if c.query.screener == nil || c.query.gen != c.profile.gen {
		c.query.gen = c.profile.gen
		c.query.screener = queryext.NewScreener(c.Corpus, c.profile.patient)
	}
	notes, tags := queryext.FromShortlist(c.Shortlist, c.recordIndex().of)
	lang, err := search.NewLanguage(queryext.Fields(queryext.Sources{Screen: c.query.screener.Screen, Notes: notes, Tags: tags})...)
	if err != nil {
		panic("queryext fields: " + err.Error()) // a programming error: the names are fixed
	}
	return lang
}

// requeryCmd runs the list's query again: what the user's fields match has
// changed.
func (c *Context) requeryCmd() tea.Cmd {
	if c.requery == nil {
		return nil
	}
	return c.requery()
}

// requery runs the query again when there is one.
func (l *trialList) requery() tea.Cmd {
	if l.filter.input.Value() == "" {
		return nil
	}
	return l.filter.run()
}
