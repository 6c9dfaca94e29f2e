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
