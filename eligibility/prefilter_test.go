package eligibility

import (
	"fmt"
	"strings"
	"testing"
)

// donorTexts are items and lead-ins that name donors, patients or neither,
// in the spellings the scan must not miss: capitals, possessives, brackets,
// plurals in brackets, accents on either side.
var donorTexts = []string{
	"", "Donor", "DONOR INCLUSION CRITERIA:", "Donors with hemoglobin < 12 g/dL", "Donor: age 18–60 years",
	"Patients with a matched sibling donor:", "donor's age ≥ 18", "(donor) age 18-60", "donor(s) aged 16 or older",
	"Donor-specific antibodies", "HLA-identical donors'", "édonor aged 18", "donoré aged 18", "xédonor", "Honor code",
	"dOnOr age 18", "Κdonor", "DONOR’S weight", "‘donors’ ≥ 40 kg", "Recipient: age ≥ 18; donor: age ≤ 60",
	"ECOG 0-1", "adonor", "donorsx", "Sibling DONORS:", "Donor\tinclusion", "供者 donor 18岁",
}

// The scan's sDonor lets donorLead and donorItem skip their substring
// searches: with it they answer as they do for a scan that found every
// word (the searches run on every text).
func TestDonorPrefilter(t *testing.T) {
	for _, s := range donorTexts {
		checkDonorPrefilter(t, s)
	}
}

func FuzzDonorPrefilter(f *testing.F) {
	for _, s := range donorTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkDonorPrefilter(t, s) })
}

func checkDonorPrefilter(t *testing.T, s string) {
	t.Helper()
	all := itemScan{vars: true, flags: ^scanFlag(0)}
	for _, lead := range []bool{false, true} {
		sc := scan(s, lead)
		if got, want := donorLead(s, sc), donorLead(s, all); got != want {
			t.Errorf("donorLead(%q) = %v with its scan, %v without", s, got, want)
		}
		if got, want := donorItem(s, sc), donorItem(s, all); got != want {
			t.Errorf("donorItem(%q) = %v with its scan, %v without", s, got, want)
		}
	}
}

// letterRunEnd ends where a loop over the bytes ends, from every offset.
func TestLetterRunEnd(t *testing.T) {
	texts := append([]string{"abcdefgh", "abcdefghi", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz@[`{",
		"Hémoglobine ≥ 9 g/dL", "a\x80b\xffc\x00d`e{f@g[h", "zzzzzzzz{zzzzzzz", "AAAAAAAAAAAAAAAAAAAAAAAAA1"}, donorTexts...)
	for _, s := range texts {
		checkLetterRunEnd(t, s)
	}
	var all [256]byte
	for i := range all {
		all[i] = byte(i)
	}
	checkLetterRunEnd(t, string(all[:]))
}

func FuzzLetterRunEnd(f *testing.F) {
	f.Add("Platelets ≥ 100,000/mm³ and ANC ≥ 1500/µL")
	f.Fuzz(func(t *testing.T, s string) { checkLetterRunEnd(t, s) })
}

func checkLetterRunEnd(t *testing.T, s string) {
	t.Helper()
	for i := 0; i <= len(s); i++ {
		want := i
		for want < len(s) && isASCIILetter(s[want]) {
			want++
		}
		if got := letterRunEnd(s, i); got != want {
			t.Fatalf("letterRunEnd(%q, %d) = %d, want %d", s, i, got, want)
		}
	}
}

// hashWord hashes a word alike wherever it stands (the bytes after it,
// read eight at a time, are masked off) and in any case, and counts its
// capitals.
func TestHashWord(t *testing.T) {
	for _, w := range []string{"a", "ab", "ECOG", "Karnofsky", "creatinine", "CREATININE", "aminotransferase",
		"AminoTransferaseXYZ", "abcdefgh", "ABCDEFGHI", "zZzZzZzZzZzZzZzZz"} {
		checkHashWord(t, w)
	}
}

func FuzzHashWord(f *testing.F) {
	f.Add("Platelets", "≥ 100")
	f.Fuzz(func(t *testing.T, w, after string) {
		for i := 0; i < len(w); i++ {
			if !isASCIILetter(w[i]) {
				return
			}
		}
		checkHashWord(t, w)
		s := "x " + w + after
		if h, _ := hashWord(s, 2, 2+len(w)); h != lowerHash(w) {
			t.Fatalf("hashWord(%q) in %q = %x, lowerHash = %x", w, s, h, lowerHash(w))
		}
	})
}

func checkHashWord(t *testing.T, w string) {
	t.Helper()
	want := 0
	for i := 0; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			want++
		}
	}
	lower := strings.ToLower(w)
	for _, s := range []string{w, w + " ≥ 1.5 × ULN", "(" + w + ")", w + "abcdefgh"} {
		i := strings.Index(s, w)
		h, upper := hashWord(s, i, i+len(w))
		if h != lowerHash(lower) || upper != want {
			t.Errorf("hashWord(%q in %q) = %x, %d capitals; want %x, %d", w, s, h, upper, lowerHash(lower), want)
		}
	}
}

// groupTexts name study groups, or words that look like them.
var groupTexts = []string{"Cohort D:", "Cohorts A, B, C Inclusion Criteria", "Inclusion criteria (Part B)",
	"Dose expansion cohort:", "Inclusion criteria for all cohorts", "écohort A:", "Partie écohort B", "ARM 2:",
	"Patients enrolled in Part B must have:", "Participants", "Department of surgery", "substudies 1 and 2",
	"STRATUM I", "Grupo A", "cohortA", "Module 3 (expansion):", "Cohórt A", "Kohort"}

// The scan's sGroupWord lets groupLabel skip its test of the first words:
// with it groupLabel answers as it does alone.
func TestGroupLabelPrefilter(t *testing.T) {
	for _, s := range append(groupTexts, donorTexts...) {
		checkGroupLabelPrefilter(t, s)
	}
}

func FuzzGroupLabelPrefilter(f *testing.F) {
	for _, s := range groupTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkGroupLabelPrefilter(t, s) })
}

func checkGroupLabelPrefilter(t *testing.T, s string) {
	t.Helper()
	for _, lead := range []bool{false, true} {
		sc := scan(s, lead)
		for _, at := range []int{2, 3, 5, 8} {
			if got, want := sc.groupLabel(s, at), groupLabel(s, at); got != want {
				t.Errorf("groupLabel(%q, %d) = %q with its scan, %q alone", s, at, got, want)
			}
		}
	}
}

// stopTexts are items mayOwnBound may stop, and items like them it must
// not: ages without the word age, ages after people, survival, times.
var stopTexts = []string{
	"", "Received radiation therapy to the lung > 30 Gy within 6 months of first dose of study treatment.",
	"Weight loss >10% within the previous 3 months.", "No lung cancer within the past 2 years",
	"At least 5 years since prior chemotherapy", "Over 18 years", "18 to 79 years inclusive",
	"Male or female ≥ 18 years", "≥ 18 years at the time of informed consent", "Children < 1 year with INSS stage 4",
	"Children at least 365 days", "Adults ≥ 65 years", "Patients > 3 months post-transplant", "18y or older",
	"aged 18-75", "18 yo", "18 y/o", "≥ 18 ans", "between the ages of 18 and 75", "18 years of age or older",
	"≥ 12 months and ≤ 21 years of age", "with expected minimum six-month survival", "Life expectancy ≥ 12 weeks",
	"At least 12 weeks", "Less than or equal to 5 years; 0.8", "Age (Years) Maximum Serum Creatinine (mg/dl):",
	"Age Maximum Serum Creatinine (mg/dL)", "Life expectancy:", "Subjects must have had back pain for at least 12 months",
	"Infants > 28 days", "≥ 6 months (≥ 183 days) and < 18 years", "Platelets ≥ 100,000/mm³", "Hemoglobin ≥ 9 g/dL",
	"Pregnant women", "Women ≥ 50 years", "Patients younger than 70", "Κarnofsky ≥ 70", "年龄 18-75 岁", "HIV positive",
	"Patients who have had major surgery within 28 days", "Patients 18 years or over", "Subjects ≥ 18 years, with HIV",
	"patients > 6 months", "Boys 2 to 11 months", "Patients (18-75 years)", "18-75 years, both sexes", "Over 18 y",
}

// parse stops early (mayOwnBound) only where the whole parse reads
// nothing: the same candidates, and the same answers from labelSubject
// and tableHeader, which walk reads from an item's parse, in either
// section, with or without a lead-in's subject.
func TestParseStop(t *testing.T) {
	for _, s := range append(stopTexts, donorTexts...) {
		checkParseStop(t, s)
	}
}

func FuzzParseStop(f *testing.F) {
	for _, s := range stopTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > maxChunk {
			return
		}
		checkParseStop(t, s)
	})
}

func checkParseStop(t *testing.T, s string) {
	t.Helper()
	for _, ctx := range []itemCtx{{from: "inclusion"}, {from: "exclusion", exclusion: true},
		{from: "inclusion", subject: maskOf(vLifeExpectancy)}, {from: "exclusion", exclusion: true, cond: true}} {
		var whole, stopped parser
		whole.text, whole.ctx = s, ctx
		stopped.text, stopped.ctx, stopped.mayStop = s, ctx, true
		want := fmt.Sprintf("%+v", whole.parse())
		if got := fmt.Sprintf("%+v", stopped.parse()); got != want {
			t.Errorf("parse(%q, %+v) = %s when it may stop, %s whole", s, ctx, got, want)
		}
		if got, want := stopped.labelSubject(), whole.labelSubject(); got != want {
			t.Errorf("labelSubject(%q) = %v when it may stop, %v whole", s, got, want)
		}
		for _, sibling := range []bool{false, true} {
			o, v, u, ok := stopped.tableHeader(sibling)
			o2, v2, u2, ok2 := whole.tableHeader(sibling)
			if o != o2 || v != v2 || u != u2 || ok != ok2 {
				t.Errorf("tableHeader(%q, %v) = %v %v %q %v when it may stop, %v %v %q %v whole", s, sibling,
					o, v, u, ok, o2, v2, u2, ok2)
			}
		}
	}
}
