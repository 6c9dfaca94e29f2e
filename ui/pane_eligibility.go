package ui

import (
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/report"
)

// eligibilityPane is who may take part: ages, sex, healthy volunteers, the
// requirements read from the criteria — with the patient's values and the
// verdicts when a profile is set — and the numbered, nested criteria, the
// words each requirement was read from underlined. Without a profile, its
// first line says how to set one.
var eligibilityPane = paneSpec{name: "Eligibility", rich: func(in paneInput) paneText {
	th := in.ctx.Theme
	p := in.ctx.patient()
	text := report.EligibilityFor(in.trial, p, in.width, th.report)
	if p == nil {
		hint := ""
		for _, l := range plain.Wrap("p enters a patient profile, to check it against these requirements.", in.width) {
			hint += th.muted.Render(l) + "\n"
		}
		text = hint + "\n" + text
	}
	return paneText{text: text}
}}
