package loader

import (
	"fmt"
	"strings"

	"github.com/trials-app/trials/model"
)

// Dates as the pages and the registry print them, and the "(Actual)" /
// "(Estimated)" that follows a date or a count.

// setDate stores a normalised date, or a warning when it cannot be read.
func setDate(t *model.Trial, dst *string, value, what string) {
	if value == "" {
		return
	}
	if d, ok := model.ParseDate(value); ok {
		*dst = d
		return
	}
	t.Warnings = append(t.Warnings, fmt.Sprintf("%s date %q not understood", what, value))
}

// typedDate normalises a date the registry states with its type
// ("ACTUAL", "ESTIMATED"), warning when the date cannot be read.
func typedDate(t *model.Trial, date, typ, what string) (string, model.DateType) {
	if date == "" {
		return "", ""
	}
	iso, ok := model.ParseDate(date)
	if !ok {
		t.Warnings = append(t.Warnings, fmt.Sprintf("%s date %q not understood", what, date))
		return "", ""
	}
	dt, _ := model.ParseDateType(typ)
	return iso, dt
}

// cutDateType splits the registry's "(Actual)", "(Estimated)",
// "(Anticipated)" or "(Estimate)" off the end of a date or a count, the one
// place any layout does; typ is "" when s ends in no such word.
func cutDateType(s string) (value string, typ model.DateType) {
	s = strings.TrimSpace(s)
	body, closed := strings.CutSuffix(s, ")")
	open := strings.LastIndexByte(body, '(')
	if !closed || open < 0 {
		return s, ""
	}
	word := body[open+1:]
	typ, ok := model.ParseDateType(word)
	if !ok && strings.EqualFold(word, "estimate") {
		typ, ok = model.DateEstimated, true
	}
	if !ok {
		return s, ""
	}
	return strings.TrimSpace(body[:open]), typ
}

// verifiedMonth reads when a status was last verified as YYYY-MM ("March
// 27, 2019" and "2019-03" alike), warning when it cannot be read.
func verifiedMonth(t *model.Trial, value string) string {
	var d string
	setDate(t, &d, strings.TrimSpace(value), "status verified")
	if len(d) > 7 {
		d = d[:7]
	}
	return d
}
