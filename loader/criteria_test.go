package loader

import (
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
)

// renderOutline renders criteria as indented lines, for readable comparisons.
func renderOutline(cs []model.Criterion) string {
	var b strings.Builder
	var walk func([]model.Criterion, int)
	walk = func(cs []model.Criterion, depth int) {
		for _, c := range cs {
			b.WriteString(strings.Repeat("  ", depth) + c.Text + "\n")
			walk(c.Children, depth+1)
		}
	}
	walk(cs, 0)
	return b.String()
}

func TestParseCriteria(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"flat bullets", "* A\n* B\n* C", "A\nB\nC\n"},
		{"flat numbers", "1. A\n2. B\n3. C", "A\nB\nC\n"},
		{"bullets under a number", "8. Labs:\n\n* Hb\n* ANC\n9. Next", "Labs:\n  Hb\n  ANC\nNext\n"},
		{"letters under a number", "3. X\n4. Y\n   a. y1\n   b. y2\n5. Z", "X\nY\n  y1\n  y2\nZ\n"},
		{"letters under a number, unindented", "4. Y\na. y1\nb. y2\n5. Z", "Y\n  y1\n  y2\nZ\n"},
		{"indentation", "* A\n  * a1\n    * a1x\n  * a2\n* B", "A\n  a1\n    a1x\n  a2\nB\n"},
		{"restart under a group; the outer list continues",
			"• 7. S\n8. Labs:\n• 1. Hb\n• 2. ANC\n• 3. Plt\n• 8. Cr\n• 9. Next",
			"S\nLabs:\n  Hb\n  ANC\n  Plt\n  Cr\nNext\n"},
		{"the outer number wins when both lists expect it",
			"1. A\n2. B:\n• 1. b1\n• 2. b2\n• 3. C",
			"A\nB:\n  b1\n  b2\nC\n"},
		{"a sub-item numbered like the next outer item stays inside",
			"3. Treated with:\n• 1. a\n• 2. b\n• 3. c\n• 4. d\n4. History of:\n• 1. e\n• 5. Next",
			"Treated with:\n  a\n  b\n  c\n  d\nHistory of:\n  e\nNext\n"},
		{"lists under unmarked lines",
			"Patients treated as follows:\n* a\n* b\nAnother plain line\n* c",
			"Patients treated as follows:\n  a\n  b\nAnother plain line\n  c\n"},
		{"a list indented under an unmarked lead-in",
			"Women who meet the following\n  -  history of X\n  -  age over 18\nAge-matched controls",
			"Women who meet the following\n  history of X\n  age over 18\nAge-matched controls\n"},
		{"groups headed by unmarked lines",
			"Group 1\n•First\nGroup 2\n•Second\n  - third",
			"Group 1\n  First\nGroup 2\n  Second\n    third\n"},
		{"values are not list numbers", "1. Bilirubin\n   1.5 x ULN or less\n2. Albumin\n2.8 g/dL", "Bilirubin 1.5 x ULN or less\nAlbumin\n2.8 g/dL\n"},
		{"autonumbered markdown stays flat", "1. A\n1. B\n1. C", "A\nB\nC\n"},
		{"roman after h continues letters", "a. 1\nb. 2\nc. 3\nd. 4\ne. 5\nf. 6\ng. 7\nh. 8\ni. 9", "1\n2\n3\n4\n5\n6\n7\n8\n9\n"},
		{"roman under a letter", "1. X\n  a. x\n    i. deep\n    ii. deeper\n2. Y", "X\n  x\n    deep\n    deeper\nY\n"},
		{"wrapped continuation", "1. A long item\n   that wraps\n2. B", "A long item that wraps\nB\n"},
		{"bullet then number", "• 1. one\n• 2. two\n• a. sub", "one\ntwo\n  sub\n"},
		{"plain paragraphs", "Age over 18\n\nNo prior therapy", "Age over 18\nNo prior therapy\n"},
		{"o sub-bullets", "- A\n  o a1\n  o a2\n- B", "A\n  a1\n  a2\nB\n"},
		{"parenthesised numbers", "(1) A\n(2) B", "A\nB\n"},
		{"a word is not a letter marker", "Age. 18 or over\nSex. any", "Age. 18 or over\nSex. any\n"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := renderOutline(parseCriteria(splitLines([]byte(tt.in))))
			if got != tt.want {
				t.Errorf("got:\n%swant:\n%s", got, tt.want)
			}
		})
	}
}

func TestSplitInclusionExclusion(t *testing.T) {
	for _, in := range []string{
		"Inclusion Criteria:\n\n* A\n* B\n\nExclusion Criteria:\n\n* C",
		"Inclusion\n\n* A\n* B\n\nExclusion\n\n* C",
		"KEY INCLUSION CRITERIA:\n* A\n* B\nKey Exclusion Criteria (all cohorts):\n* C",
		"Inclusion criteria:\n* A\n* B\nNon-inclusion criteria:\n* C",
		"Transplant Inclusion:\n* A\n* B\nTransplant Exclusion:\n* C",
		"Inclusions:\n* A\n* B\nExclusions:\n* C",
		"* A\n* B\nExclusion Criteria: C",
	} {
		inc, exc := splitInclusionExclusion(splitLines([]byte(in)))
		if got := renderOutline(parseCriteria(inc)); got != "A\nB\n" {
			t.Errorf("%q: inclusion %q", in, got)
		}
		if got := renderOutline(parseCriteria(exc)); got != "C\n" {
			t.Errorf("%q: exclusion %q", in, got)
		}
	}
	// "Inclusion of …" as a sentence is a criterion, not a heading.
	inc, _ := splitInclusionExclusion(splitLines([]byte("Inclusion Criteria:\n* Inclusion of prior trial participants is allowed")))
	if len(inc) != 1 {
		t.Errorf("a sentence starting with Inclusion was taken for a heading")
	}
}

func TestJoinWrapped(t *testing.T) {
	in := "        Subjects who do not meet the criteria listed above but who do\n        meet other criteria:\n\n          -  first item that wraps\n             onto a second line\n          -  second"
	got := renderOutline(parseCriteria(joinWrapped(splitLines([]byte(in)))))
	want := "Subjects who do not meet the criteria listed above but who do meet other criteria:\n  first item that wraps onto a second line\n  second\n"
	if got != want {
		t.Errorf("got:\n%swant:\n%s", got, want)
	}
}
