package ui

import (
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/report"
)

// eligibilityPane is who may take part: ages, sex, healthy volunteers and
// the numbered, nested criteria.
var eligibilityPane = paneSpec{name: "Eligibility", render: func(t *model.Trial, width int, th *theme) string {
	return report.Eligibility(t, width, th.report)
}}
