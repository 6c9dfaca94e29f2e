package loader

import (
	"fmt"
	"strings"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// Interventions: names with a type prefix, links between arms and their
// interventions, and a run-together "Other Intervention Names" line shared
// out by resemblance.

// linkArmsAndInterventions records, on each intervention, the arms that use it.
func linkArmsAndInterventions(t *model.Trial) {
	for i := range t.Interventions {
		iv := &t.Interventions[i]
		for _, a := range t.Arms {
			for _, name := range a.Interventions {
				if strings.EqualFold(name, iv.Name) {
					iv.Arms = appendUnique(iv.Arms, a.Label)
				}
			}
		}
	}
}

// splitOtherNames shares a run-together "Other Intervention Names" line
// ("Physician Choice FOLFOX4 Sorafenib Physician's Choice Levantinib
// Physician's Choice") among the interventions. Each name is anchored by a
// word resembling its intervention's name (FOLFOX4 ~ FOLFOX regimen,
// Levantinib ~ Lenvatinib); words before the first anchor belong to it, the
// words after an anchor up to the next one belong to the earlier. When no
// word anchors and there is one intervention, the whole line is its other
// name; otherwise the line cannot be shared out and is reported.
func splitOtherNames(t *model.Trial, blob string) {
	words := strings.Fields(blob)
	if len(words) == 0 || len(t.Interventions) == 0 {
		return
	}
	type anchor struct{ word, iv int }
	var anchors []anchor
	next := 0
	for iv := range t.Interventions {
		for w := next; w < len(words); w++ {
			if resemblesName(words[w], t.Interventions[iv].Name) {
				anchors = append(anchors, anchor{w, iv})
				next = w + 1
				break
			}
		}
	}
	if len(anchors) == 0 {
		if len(t.Interventions) == 1 {
			t.Interventions[0].OtherNames = appendUnique(t.Interventions[0].OtherNames, blob)
			return
		}
		t.Warnings = append(t.Warnings, fmt.Sprintf("other intervention names %q could not be attributed to an intervention", blob))
		return
	}
	for k, a := range anchors {
		start := a.word
		if k == 0 {
			start = 0
		}
		end := len(words)
		if k+1 < len(anchors) {
			end = anchors[k+1].word
		}
		name := strings.Join(words[start:end], " ")
		iv := &t.Interventions[a.iv]
		iv.OtherNames = appendUnique(iv.OtherNames, name)
	}
}

// resemblesName reports whether word looks like one of the significant words
// of an intervention name: equal or a prefix either way ignoring case and
// symbols (FOLFOX4 ~ FOLFOX), or a near-miss spelling of a long word
// (Levantinib ~ Lenvatinib).
func resemblesName(word, name string) bool {
	w := foldWord(word)
	if len(w) < 4 {
		return false
	}
	for _, n := range strings.Fields(name) {
		f := foldWord(n)
		if len(f) < 4 || genericInterventionWords[f] {
			continue
		}
		if w == f || (len(f) >= 5 && strings.HasPrefix(w, f)) || (len(w) >= 5 && strings.HasPrefix(f, w)) {
			return true
		}
		if len(w) >= 7 && len(f) >= 7 && plain.WithinEdits(w, f, 2) {
			return true
		}
	}
	return false
}

var genericInterventionWords = map[string]bool{
	"regimen": true, "therapy": true, "treatment": true, "immunotherapy": true, "chemotherapy": true,
	"placebo": true, "dose": true, "arm": true, "group": true, "cells": true, "cell": true,
	"injection": true, "tablet": true, "tablets": true, "infusion": true, "oral": true,
	"standard": true, "care": true, "choice": true, "physician": true, "physicians": true,
}

func foldWord(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '®' && r != '™' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// linkBothWays makes arm → intervention and intervention → arm links agree.
func linkBothWays(t *model.Trial) {
	linkArmsAndInterventions(t)
	for _, iv := range t.Interventions {
		for _, label := range iv.Arms {
			for i := range t.Arms {
				if strings.EqualFold(t.Arms[i].Label, label) {
					t.Arms[i].Interventions = appendUnique(t.Arms[i].Interventions, iv.Name)
				}
			}
		}
	}
}

// interventionRefName drops the type prefix of an arm's intervention
// reference: "Drug: Abexinostat" → "Abexinostat".
func interventionRefName(s string) string {
	if _, name, ok := typedName(s, model.ParseInterventionType); ok {
		return name
	}
	return strings.TrimSpace(s)
}

// noteGroupIntervention adds an intervention to an arm, and to the trial's
// interventions when the Interventions section did not list it.
func noteGroupIntervention(t *model.Trial, arm *model.Arm, name string, typ model.InterventionType, desc string) {
	arm.Interventions = appendUnique(arm.Interventions, name)
	if iv := t.Intervention(name); iv != nil {
		if iv.Type == "" {
			iv.Type = typ
		}
		return
	}
	t.Interventions = append(t.Interventions, model.Intervention{Name: name, Type: typ, Description: desc})
}
