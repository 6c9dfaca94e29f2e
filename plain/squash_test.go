package plain

import "testing"

func TestSquash(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"ANC ≥ 1.5", "ANC ≥ 1.5"},
		{"  a  b\t\tc\n", "a b c"},
		{"platelets\u00a0≥\u2009100\u202f000", "platelets ≥ 100 000"},
		{"a\u2028b\u2029c\u3000d\u0085e", "a b c d e"},
		{"a\r\n\r\n- b", "a - b"},
		{"x ", "x"},
		{"\u200bx", "\u200bx"}, // zero-width space is not white space: Clean removes it
	}
	for _, tt := range tests {
		if got := Squash(tt.in); got != tt.want {
			t.Errorf("Squash(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { Squash("already squashed text") }); n != 0 {
		t.Errorf("Squash of squashed text allocates %v times", n)
	}
}

// squashed may skip Squash only when Squash would leave s as it is.
func checkSquashed(t *testing.T, s string) bool {
	t.Helper()
	got := isSquashed(s)
	if got && Squash(s) != s {
		t.Fatalf("isSquashed(%q) = true, but Squash changes it to %q", s, Squash(s))
	}
	return got
}

func TestSquashed(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"", false}, {" ", false}, {"a", true}, {"a b", true}, {"a  b", false}, {" a", false}, {"a ", false},
		{"a\tb", false}, {"a\nb", false}, {"a\u00a0b", false}, {"a\u2009b", false}, {"a\u0085b", false},
		{"ANC ≥ 1.5 × 10⁹/L", true}, {"platelets ≥ 100 000/µL", true}, {"\xff", false},
		{"a\xed\xa0\x80b", false}, {"\ufffd", true}, {"a\x01b", true}, {"≤ ", false}, {" ≤", false},
		{"≤  1", false}, {"中文 评分", true},
	} {
		if got := checkSquashed(t, c.s); got != c.want {
			t.Errorf("isSquashed(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func FuzzSquashed(f *testing.F) {
	f.Add("Absolute neutrophil count ≥ 1,500/mm³")
	f.Add("a \u3000 b\r\n")
	f.Fuzz(func(t *testing.T, s string) { checkSquashed(t, s) })
}
