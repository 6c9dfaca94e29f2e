package loader

import "testing"

// The marker matchers must give what their patterns give, on any line.
var markerLines = []string{
	"1. Age", "1.  Age", "1.) Age", "1.)Age", "1.)", "1.) ", "1) Age", "1)Age", "(1) Age", "(1)Age", "(12)  x",
	"(1234) x", "1234. x", "123. x", "12.3 Text", "1.1 Adequate", "1.1. Adequate", "1.1.  (a)", "1.1 [x]",
	"1.1 adequate", "1.1 É", "1.1 é", "1.1\tX", "1.1\vX", "1.1 \xffX", "2.8 g/dL", "1.5 x ULN", "100.000/mm3",
	"1.123 X", "1.12.3 X", "123.1 X", "1.2.345 X", "1.2. X", "1.2.. X", "1..2 X", "12.34.56 X", "1.2 ", "1.2",
	"18 years", "(a) text", "(a)text", "(abcdef) x", "(abcde) x", "(A)/dL", "a. text", "a.text", "a) x", "(a. x",
	"(iv) x", "iv. x", "IV) x", "Age. x", "abcdef. x", "(ab x", "a.\fx", "a.\nx", "(", "(1", "", "1", "1.", "a",
	"(a", "(a)", "((a) x", "([1] x", "1.)  x", "99) x", "(999) x", "(1000) x", "\u00a01. x", "1.\u00a0x", "1.\rx",
}

func checkMarkerMatchers(t *testing.T, s string) {
	t.Helper()
	g := numMarker.FindStringSubmatch(s)
	end, num, ok := matchNumMarker(s)
	if ok != (g != nil) || ok && (end != len(g[0]) || num != g[1]+g[2]+g[3]) {
		t.Errorf("matchNumMarker(%q) = %d, %q, %v; the pattern %q", s, end, num, ok, g)
	}
	g = outline.FindStringSubmatch(s)
	num, ok = matchOutline(s)
	if ok != (g != nil) || ok && num != g[1] {
		t.Errorf("matchOutline(%q) = %q, %v; the pattern %q", s, num, ok, g)
	}
	g = letterMark.FindStringSubmatch(s)
	end, letters, ok := matchLetterMark(s)
	if ok != (g != nil) || ok && (end != len(g[0]) || letters != g[1]) {
		t.Errorf("matchLetterMark(%q) = %d, %q, %v; the pattern %q", s, end, letters, ok, g)
	}
	g = parenLetter.FindStringSubmatch(s)
	end, letters, ok = matchParenLetter(s)
	if ok != (g != nil) || ok && (end != len(g[0]) || letters != g[1]) {
		t.Errorf("matchParenLetter(%q) = %d, %q, %v; the pattern %q", s, end, letters, ok, g)
	}
}

func TestMarkerMatchers(t *testing.T) {
	for _, s := range append(markerLines, prefilterLines...) {
		checkMarkerMatchers(t, s)
	}
}

func FuzzMarkerMatchers(f *testing.F) {
	for _, s := range markerLines {
		f.Add(s)
	}
	f.Fuzz(checkMarkerMatchers)
}
