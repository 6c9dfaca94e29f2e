package ui

import (
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/report"
)

// armsPane is each arm with its interventions.
var armsPane = paneSpec{name: "Arms", render: func(t *model.Trial, width int, th *theme) string {
	if s := report.Arms(t, width, th.report); s != "" {
		return s
	}
	return th.muted.Render("This trial lists no arms or interventions.")
}}
