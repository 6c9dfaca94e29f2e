package loader

import (
	"strings"
	"testing"
)

// The prefilters only skip lines their expression cannot match: a line
// they turn away must not match it.
var prefilterLines = []string{
	"1. Age 18", "1) Age", "(1) Age", "12.3 Text", "1.1 Adequate", "2.8 g/dL", "1.5 x ULN", "100.000/mm3",
	"18 years", "(a) text", "(12)text", "123. x", "1234. x", "1.2.3 Item", "10.10 Item", "1.", "1", "(", "(1", "",
	"1.)  x", "99) x", "(999) x", "(1000) x", "1..2 X", "12.34.56 X",
}

func checkPrefilters(t *testing.T, s string) {
	if !mayBeOutline(s) && outline.MatchString(s) {
		t.Errorf("mayBeOutline(%q) is false but outline matches", s)
	}
	if !mayBeNumMarker(s) && numMarker.MatchString(s) {
		t.Errorf("mayBeNumMarker(%q) is false but numMarker matches", s)
	}
}

func TestMarkerPrefilters(t *testing.T) {
	for _, s := range prefilterLines {
		checkPrefilters(t, s)
	}
}

func FuzzMarkerPrefilters(f *testing.F) {
	for _, s := range prefilterLines {
		f.Add(s)
	}
	f.Fuzz(checkPrefilters)
}

// unescapeMarkdownText takes the escapes out of the whole text at once; it
// must give what taking them out line by line gives.
func checkUnescapeWhole(t *testing.T, s string) {
	ls := strings.Split(normaliseNewlines(s), "\n")
	for i, l := range ls {
		ls[i] = unescapeMarkdown(l)
	}
	if got, want := unescapeMarkdownText(s), strings.Join(ls, "\n"); got != want {
		t.Errorf("unescapeMarkdownText(%q) = %q, line by line %q", s, got, want)
	}
}

func FuzzUnescapeMarkdownText(f *testing.F) {
	for _, s := range []string{"ANC \\> 1.5\\\nnext \\[1\\]", "a\\\r\n\\<b", "\\", "x\\\\y"} {
		f.Add(s)
	}
	f.Fuzz(checkUnescapeWhole)
}

// FuzzHeadingQualifier: the prefilter in front of headingGroup never hides
// a match.
func FuzzHeadingQualifier(f *testing.F) {
	for _, s := range []string{"Inclusion Criteria", "Exclusion criteria for Part B", "Inclusion Criteria Stage 1",
		"Key Inclusion Criteria", "Cohort 2 Exclusion Criteria", "SUB-STUDY A inclusion", "ſtage 1", "ARM iv"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := ""
		if g := headingGroup.FindStringSubmatch(s); g != nil {
			want = strings.ToUpper(g[1][:1]) + g[1][1:]
		}
		if got := headingQualifier(s); got != want {
			t.Fatalf("headingQualifier(%q) = %q, the pattern alone %q", s, got, want)
		}
	})
}
