package eligibility

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDump prints how one sentence is parsed: ELIG_TEXT="…" go test -run TestDump -v
// (ELIG_EXCL=1 reads it as an exclusion, ELIG_ALT=1 as an alternative to the item before).
func TestDump(t *testing.T) {
	text := os.Getenv("ELIG_TEXT")
	if text == "" {
		t.Skip("set ELIG_TEXT")
	}
	p := &parser{text: text, ctx: itemCtx{from: "inclusion", exclusion: os.Getenv("ELIG_EXCL") != "", alt: os.Getenv("ELIG_ALT") != "", risk: os.Getenv("ELIG_RISK") != ""}}
	out := p.parse()
	var b strings.Builder
	for i, tk := range p.toks {
		fmt.Fprintf(&b, "%d:%q(k%d op%d d%d g%d o%v) ", i, text[tk.start:tk.end], tk.kind, tk.op, tk.depth, p.inGrp[i], p.inObj[i])
	}
	t.Log(b.String())
	for _, g := range p.groups {
		t.Logf("group %+v", g)
	}
	for _, tr := range p.trigs {
		t.Logf("trigger %+v %q", tr, text[p.toks[tr.pos].start:p.toks[max(tr.objEnd-1, tr.pos)].end])
	}
	for i, bd := range p.bounds {
		t.Logf("bound %+v owner %d %q", bd, p.owner[i], text[p.toks[bd.start].start:p.toks[bd.end-1].end])
	}
	t.Logf("joint %v condOf %v owner %v", p.joint, p.condOf, p.owner)
	for _, c := range out {
		t.Logf("cand %s %+v", vars[c.v].name, c)
	}
}
