package ui

import (
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/report"
)

// detailPane is the trial's overview: the same text `trials show` prints
// first.
var detailPane = paneSpec{name: "Detail", render: func(t *model.Trial, width int, th *theme) string {
	return report.Overview(t, width, th.report)
}}
