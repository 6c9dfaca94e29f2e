package eligibility

import (
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
