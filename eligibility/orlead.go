package eligibility

import "regexp"

// orIfLeadRe is a flat item that only says the next one is the
// alternative, and when: "Or, if greater than 1.5 mg/dL:", "OR if
// creatinine > 1.5 × ULN:", "Or:".
var orIfLeadRe = regexp.MustCompile(`(?i)^or\b[ ,]*(?:(?:if|when|where)\b[^:]{0,60})?:$`)

// orIfLead reports such an item: what follows it is an alternative to
// what came before (SPEC 4.8), as after an item that ends with "or".
func orIfLead(text string) bool {
	return len(text) < 80 && len(text) > 2 && (text[0] == 'O' || text[0] == 'o') && text[len(text)-1] == ':' &&
		orIfLeadRe.MatchString(text)
}
