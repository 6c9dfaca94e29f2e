package plain

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain ≥ μ ® α 中文", "plain ≥ μ ® α 中文"},
		{"red\x1b[31mtext\x1b[0m", "redtext"},
		{"title\x1b]0;owned\x07after", "titleafter"},
		{"link\x1b]8;;http://x\x1b\\text\x1b]8;;\x1b\\", "linktext"},
		{"dcs\x1bPq#0;2;0;0;0\x1b\\done", "dcsdone"},
		{"c1\u009b2Jcsi", "c1csi"},
		{"osc8bit\u009d0;x\u009cok", "osc8bitok"},
		{"bell\x07 back\x08space\x00nul", "bell backspacenul"},
		{"tab\tsep", "tab sep"},
		{"bidi\u202eevil\u202c", "bidievil"},
		{"bad\xffutf8", "bad\ufffdutf8"},
		{"keep\nlines", "keep\nlines"},
		{"cr\r\nlf", "cr\nlf"},
		{"unterminated \x1b]0;title\nnext line", "unterminated \nnext line"},
		{"lone esc at end\x1b", "lone esc at end"},
		{"Pem\u200bbrolizumab", "Pembrolizumab"},
		{"\ufeffTitle", "Title"},
		{"soft\u00adhyphen word\u2060joined", "softhyphen wordjoined"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Line("a\nb"); got != "a b" {
		t.Errorf("Line = %q", got)
	}
}

func FuzzClean(f *testing.F) {
	f.Add("red\x1b[31mtext")
	f.Add("\x1b]8;;http://x\x1b\\a")
	f.Add("\u009b1;2H")
	f.Add("Pem\u200bbrolizumab\u202e")
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		for _, r := range out {
			if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r) || isInvisible(r) {
				t.Fatalf("Clean(%q) left %U", s, r)
			}
		}
		if want := cleanReference(s); out != want {
			t.Fatalf("Clean(%q) = %q, the rune-by-rune reference gives %q", s, out, want)
		}
		if Clean(out) != out {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
	})
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"", 20, []string{""}},
		{"Sorafenib 400 mg twice daily, 80-160 mg", 20, []string{"Sorafenib 400 mg", "twice daily, 80-160", "mg"}},
		{"x-rays and ≥ 1.5 × ULN", 10, []string{"x-rays and", "≥ 1.5 ×", "ULN"}},
		{strings.Repeat("a", 25), 10, []string{"aaaaaaaaaa", "aaaaaaaaaa", "aaaaa"}},
		{"ab " + strings.Repeat("b", 12) + " cd", 10, []string{"ab", "bbbbbbbbbb", "bb cd"}},
		{"中文中文中文", 10, []string{"中文中文中", "文"}},
		{"  spaced   out  ", 20, []string{"spaced out"}},
		{"regorafenib 80-160 mg qd on days 1-21", 16, []string{"regorafenib", "80-160 mg qd on", "days 1-21"}},
		{"chest x-rays at baseline", 12, []string{"chest x-rays", "at baseline"}},
		{"a verylongwordthatcannotfit here", 10, []string{"a", "verylongwo", "rdthatcann", "otfit here"}},
		{"μ ≥ α ® width", 20, []string{"μ ≥ α ® width"}},
	}
	for _, tt := range tests {
		got := Wrap(tt.in, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

// TestWrapLongWord: a megabyte-long word is cut into full lines. How long
// that takes is BenchmarkWrapLongWord's to say (the old wrapper was
// quadratic: seconds per 100 kB).
func TestWrapLongWord(t *testing.T) {
	lines := Wrap(strings.Repeat("X", 1<<20), 80)
	if len(lines) != (1<<20+79)/80 {
		t.Errorf("%d lines", len(lines))
	}
}

// BenchmarkWrapLongWord wraps a megabyte-long word and, beside it, a
// megabyte of ordinary words: a linear wrapper takes about as long for
// each.
func BenchmarkWrapLongWord(b *testing.B) {
	for _, in := range []struct{ name, text string }{
		{"one-word", strings.Repeat("X", 1<<20)},
		{"words", strings.Repeat("Xxxxxxx ", 1<<17)},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.text)))
			for b.Loop() {
				Wrap(in.text, 80)
			}
		})
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("Sorafenib 400 mg twice daily, 80-160 mg", 20)
	f.Add(strings.Repeat("中", 30)+" x", 7)
	f.Add("e\u0301e\u0301e\u0301 👩‍⚕️👩‍⚕️", 10)
	f.Fuzz(func(t *testing.T, s string, width int) {
		s = Line(s)
		if len(s) > 1<<16 {
			return
		}
		width = width%200 + 1
		lines := Wrap(s, width)
		limit := max(width, 10)
		total := 0
		for _, l := range lines {
			if w := Width(l); w > limit {
				// Only a single grapheme wider than the line may overflow.
				if cl, _ := firstCluster(l); len(cl) != len(l) {
					t.Fatalf("line %q is %d wide, limit %d", l, w, limit)
				}
			}
			total += len(strings.ReplaceAll(l, " ", ""))
		}
		if want := len(strings.Join(strings.Fields(s), "")); total != want {
			t.Fatalf("Wrap lost text: %d of %d bytes", total, want)
		}
	})
}

func firstCluster(s string) (string, int) { return ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth) }

func TestWithinEdits(t *testing.T) {
	tests := []struct {
		a, b string
		k    int
		want bool
	}{
		{"lenvatinib", "levantinib", 2, true},
		{"axitinib", "afatinib", 1, false},
		{"axitinib", "afatinib", 2, true},
		{"sorafenib", "sorafenib", 0, true},
		{"ab", "abcd", 1, false},
		{"μg", "ug", 1, true},
	}
	for _, tt := range tests {
		if got := WithinEdits(tt.a, tt.b, tt.k); got != tt.want {
			t.Errorf("WithinEdits(%q, %q, %d) = %v", tt.a, tt.b, tt.k, got)
		}
	}
}

// cleanReference is Clean as it was before cleanUpTo's shortcut: rune by
// rune, always copying. Clean must give exactly what it gives.
func cleanReference(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
			i++
			continue
		case r == 0x1b:
			i = skipEscape(s, i+1)
			continue
		case r == 0x9b:
			i = skipCSI(s, i+size)
			continue
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f:
			i = skipString(s, i+size)
			continue
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		case isBidiControl(r), isInvisible(r):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func TestCleanShortcut(t *testing.T) {
	// Every byte value at every offset of an eight-byte word, and runes
	// that straddle words: the shortcut must stop exactly where the rune
	// loop would act.
	base := "Platelets >= 100,000/mm3 and ANC ≥ 1.5 × 10^9/L"
	for pos := 0; pos < 17; pos++ {
		for c := 0; c < 256; c++ {
			s := base[:pos] + string([]byte{byte(c)}) + base[pos:]
			if got, want := Clean(s), cleanReference(s); got != want {
				t.Fatalf("Clean(%q) = %q, want %q", s, got, want)
			}
		}
	}
	for _, s := range []string{"", "a", "1234567", "12345678", "1234567\n", "\u200b12345678", "1234567\u202e", "éééééééé\x01", "中文中文中文\x7f", "\x9b31m" + base, "12345678\xff"} {
		if got, want := Clean(s), cleanReference(s); got != want {
			t.Errorf("Clean(%q) = %q, want %q", s, got, want)
		}
	}
}

func BenchmarkClean(b *testing.B) {
	texts := []string{
		strings.Repeat("Adequate bone marrow function: absolute neutrophil count >= 1500/mm3, platelets >= 100,000/mm3. ", 4),
		strings.Repeat("Total bilirubin ≤ 1.5 × ULN; AST/ALT ≤ 2.5 × ULN (≤ 5 × ULN with liver metastases). ", 4),
		strings.Repeat("中性粒细胞≥1.5×10^9/L，血小板≥100×10^9/L。", 8),
	}
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			_ = Clean(s)
		}
	}
}
