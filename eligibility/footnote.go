package eligibility

import (
	"regexp"
	"strings"

	"github.com/trials-app/trials/model"
)

// A footnote that names the patients the starred values are for:
// "Absolute neutrophil count greater than 1,000/mm3*", "Platelet count
// greater than 50,000/mm3* NOTE: *nonleukemic patients". The starred bounds
// are that subgroup's (SPEC 4.6); a footnote on anything else ("*
// Hematopoietic growth factor or transfusion allowed", "* Unless due to
// leukemic involvement", a non-numeric exception) changes nothing.

// subgroupFootnoteRe is a star, then whom: "*nonleukemic patients", "* for
// patients with marrow involvement", "*in subjects without leukemia".
var subgroupFootnoteRe = regexp.MustCompile(`(?i)(?:^|[\s:;.(])\*{1,3}\s*(?:only\s+)?(?:(?:for|in)\s+)?(?:(?:non-?)?[a-z]+\s+)?(?:patients|subjects|participants)(?:\s+(?:with|without|who|not|receiving|on|having)\b|\s*[.;)]?\s*$)`)

// starredAfterRe is a star right after a value and its unit.
var starredAfterRe = regexp.MustCompile(`^[^\s*]{0,12}\*`)

// subgroupFootnote reports an item holding such a footnote.
func subgroupFootnote(text string) bool {
	i := strings.IndexByte(text, '*')
	if i < 0 {
		return false
	}
	m := subgroupFootnoteRe.FindStringIndex(text[max(0, i-1):])
	if m == nil {
		return false
	}
	// "*for all patients" is everyone
	return !strings.Contains(strings.ToLower(text[max(0, i-1)+m[0]:max(0, i-1)+m[1]]), "all ")
}

// starFootnotes makes the starred bounds found since n conditional when
// one of the items (a list's siblings) holds a footnote naming a subgroup.
func (x *extractor) starFootnotes(items []model.Criterion, n int) {
	if n == len(x.found) {
		return
	}
	noted := false
	for _, c := range items {
		if strings.IndexByte(c.Text, '*') >= 0 && subgroupFootnote(ItemText(c.Text)) {
			noted = true
			break
		}
	}
	if !noted {
		return
	}
	for i := n; i < len(x.found); i++ {
		f := &x.found[i]
		if f.r.Conditional || f.r.Span[1] > len(f.r.Text) || !starredAfterRe.MatchString(f.r.Text[f.r.Span[1]:]) {
			continue
		}
		f.r.Conditional, f.c.cond, f.c.cause = true, true, causeSubgroup
	}
}
