package eligibility

import (
	"regexp"
	"strings"

	"github.com/trials-app/trials/model"
)

// A footnote that names the patients the marked values are for:
// "Absolute neutrophil count greater than 1,000/mm3*", "Platelet count
// greater than 50,000/mm3* NOTE: *nonleukemic patients", "† Not required
// for patients with bone marrow involvement". The marked bounds are that
// subgroup's (SPEC 4.6); a footnote on anything else ("* Hematopoietic
// growth factor or transfusion allowed", "* Unless due to leukemic
// involvement", a non-numeric exception) changes nothing.

// subgroupFootnoteRe is a mark, then whom: "*nonleukemic patients", "* for
// patients with marrow involvement", "(*) in subjects without leukemia",
// "† not required for patients with …".
var subgroupFootnoteRe = regexp.MustCompile(`(?i)(?:^|[\s:;.(])(?:\*{1,3}|†|‡|\(\*\))\s*(?:(?:not\s+required|does\s+not\s+apply|not\s+applicable)\s+)?(?:only\s+)?(?:(?:for|in|to)\s+)?(?:(?:non-?)?[a-z]+\s+)?(?:patients|subjects|participants)(?:\s+(?:with|without|who|not|receiving|on|having)\b|\s*[.;)]?\s*$)`)

// markedAfterRe is a mark right after a value and its unit.
var markedAfterRe = regexp.MustCompile(`^(?:[^\s*†‡]{0,12}(?:\*|†|‡)| ?\(\*\))`)

// marked reports a mark at the start of rest, the text right after a
// value. The bytes are tested before the regular expression runs.
func marked(rest string) bool {
	head := rest[:min(len(rest), 40)] // the regular expression reads 12 characters at most
	if strings.IndexByte(head, '*') < 0 && !strings.Contains(head, "†") && !strings.Contains(head, "‡") {
		return false
	}
	return markedAfterRe.MatchString(rest)
}

// hasMark reports a footnote mark in text.
func hasMark(text string) bool {
	return strings.IndexByte(text, '*') >= 0 || strings.Contains(text, "†") || strings.Contains(text, "‡")
}

// subgroupFootnote reports an item holding such a footnote.
func subgroupFootnote(text string) bool {
	m := subgroupFootnoteRe.FindStringIndex(text)
	// "*for all patients" is everyone
	if m == nil || strings.Contains(strings.ToLower(text[m[0]:m[1]]), "all ") {
		return false
	}
	// "* For patients with marrow involvement: ANC ≥ 1,000/µL" gives the
	// subgroup a value of its own, a relaxation: the marked bound stays
	// everyone's (SPEC 4.5)
	return !strings.ContainsAny(text[m[1]:], "0123456789")
}

// starFootnotes makes the marked bounds found since n conditional when
// one of the items (a list's siblings) holds a footnote naming a subgroup.
func (x *extractor) starFootnotes(items []model.Criterion, n int) {
	// most lists mark no value: look for a footnote only when one does
	markedAny := false
	for i := n; i < len(x.found) && !markedAny; i++ {
		f := &x.found[i]
		markedAny = !f.r.Conditional && f.r.Span[1] < len(f.r.Text) && marked(f.r.Text[f.r.Span[1]:])
	}
	if !markedAny {
		return
	}
	noted := false
	for _, c := range items {
		if hasMark(c.Text) && subgroupFootnote(ItemText(c.Text)) {
			noted = true
			break
		}
	}
	if !noted {
		return
	}
	for i := n; i < len(x.found); i++ {
		f := &x.found[i]
		if f.r.Conditional || f.r.Span[1] > len(f.r.Text) || !marked(f.r.Text[f.r.Span[1]:]) {
			continue
		}
		f.r.Conditional, f.c.cond, f.c.cause = true, true, causeSubgroup
	}
}
