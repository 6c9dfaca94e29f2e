package eligibility

import (
	"unicode"
	"unicode/utf8"
)

// Chinese criteria write no spaces between words ("中性粒细胞≥1.5×10^9/L",
// "ECOG评分0-1分"), so a run of Han characters is cut at the terms below,
// the longest first, and each term reads as the English word the lexicon
// knows. Characters between terms make one word nothing reads. A term that
// names something outside SPEC §2 (direct bilirubin) is listed so that the
// shorter term inside it (bilirubin) is not read out of it.
var hanTerms = map[string]string{
	"中性粒细胞绝对值": "neutrophils", "中性粒细胞计数": "neutrophils", "中性粒细胞": "neutrophils",
	"血小板计数": "platelets", "血小板": "platelets",
	"血红蛋白": "hemoglobin", "白细胞计数": "leukocytes", "白细胞": "leukocytes",
	"血清总胆红素": "tbil", "总胆红素": "tbil", "直接胆红素": "dbil", "间接胆红素": "ibil", "胆红素": "bilirubin",
	"谷丙转氨酶": "alt", "丙氨酸氨基转移酶": "alt", "谷草转氨酶": "ast", "天门冬氨酸氨基转移酶": "ast",
	"转氨酶": "transaminases", "血清白蛋白": "albumin", "白蛋白": "albumin",
	"肌酐清除率": "ccr", "血清肌酐": "creatinine", "血肌酐": "creatinine", "肌酐": "creatinine",
	"评分": "score", "分": "points", "和": "and", "及": "and", "与": "and", "或": "or",
	"岁": "years", "周岁": "years", "年龄": "age",
}

// hanMaxTerm is the longest term's length in bytes.
var hanMaxTerm = func() int {
	n := 0
	for t := range hanTerms {
		n = max(n, len(t))
	}
	return n
}()

// hanTermAt returns the longest term at s[i:] and its English word.
func hanTermAt(s string, i int) (int, string) {
	for n := min(hanMaxTerm, len(s)-i); n > 0; n-- {
		if w, ok := hanTerms[s[i:i+n]]; ok {
			return n, w
		}
	}
	return 0, ""
}

func isHan(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }

// hanWord returns the end of the Han word at s[i:] and its token.
func hanWord(s string, i int) (int, token) {
	if n, w := hanTermAt(s, i); n > 0 {
		e := words[w]
		t := token{kind: kWord, start: int32(i), end: int32(i + n), text: w, w: e}
		if e != nil {
			t.text = e.text
		}
		return i + n, t
	}
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isHan(r) || j > i && termStarts(s, j) {
			break
		}
		j += size
	}
	return j, token{kind: kWord, start: int32(i), end: int32(j), text: s[i:j]}
}

func termStarts(s string, j int) bool {
	n, _ := hanTermAt(s, j)
	return n > 0
}
