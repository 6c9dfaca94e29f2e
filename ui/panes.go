package ui

import (
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/report"
	"github.com/trials-app/trials/search"
)

// searchFields are what the filter searches: title, ids, conditions,
// interventions with their other names, sponsor — not the long texts.
const searchFields = search.FieldAll

// The three detail panes show the same text `trials show` prints.

func paneDetailText(t *model.Trial, width int, th theme) string {
	return report.Overview(t, width, th.report)
}

func paneArmsText(t *model.Trial, width int, th theme) string {
	s := report.Arms(t, width, th.report)
	if s == "" {
		return th.muted.Render("This trial lists no arms or interventions.")
	}
	return s
}

func paneEligibilityText(t *model.Trial, width int, th theme) string {
	return report.Eligibility(t, width, th.report)
}
