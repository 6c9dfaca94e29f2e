package eligibility

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// FuzzReadPatient reads arbitrary bytes as a patient profile: never a
// panic, and whatever it accepts is valid, writes back, and reads back to
// the same profile (so a profile saved by the browser always reopens).
func FuzzReadPatient(f *testing.F) {
	if b, err := os.ReadFile("../../shared/eligibility/examples_patients.json"); err == nil {
		var ex struct{ Patients []json.RawMessage }
		if json.Unmarshal(b, &ex) == nil {
			for _, p := range ex.Patients {
				f.Add([]byte(p))
			}
		}
	}
	f.Add([]byte(`{"sex":"FEMALE","age":67,"ecog":1,"child_pugh":"B7","platelets":80}`))
	f.Add([]byte(`{"age":-1}`))
	f.Add([]byte(`{"platlets":80}`))
	f.Add([]byte(`{"age":67}{"age":68}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadPatient(bytes.NewReader(data))
		if err != nil {
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("accepted an invalid profile: %v", err)
		}
		var b bytes.Buffer
		if err := WritePatient(&b, p); err != nil {
			t.Fatalf("cannot write an accepted profile: %v", err)
		}
		q, err := ReadPatient(&b)
		if err != nil {
			t.Fatalf("a written profile does not read back: %v\n%s", err, b.String())
		}
		var w1, w2 bytes.Buffer
		_ = WritePatient(&w1, p)
		_ = WritePatient(&w2, q)
		if w1.String() != w2.String() {
			t.Fatalf("profile changed on a round trip:\n%s\n%s", w1.String(), w2.String())
		}
	})
}
