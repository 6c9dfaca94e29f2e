package eligibility

import "github.com/trials-app/trials/model"

// ExtractParsingAll is Extract with every parse read to the end
// (mayOwnBound never asked), for the tests outside the package.
func ExtractParsingAll(el *model.Eligibility) []model.Requirement { return extract(el, true) }
