package eligibility

// announcement is the part of a lead-in that announces the list under it:
// the words up to a colon that closes "… the following (requirements):"
// when notes follow the colon ("Laboratory values must fulfill the
// following requirements: Growth factors may not be used to meet
// eligibility criteria."). The notes speak of how the values are
// obtained, not of the items: their "may not" makes no item an exclusion.
// Any other lead-in is announced by all its words.
func announcement(toks []token) []token {
	for k := 0; k < len(toks)-1; k++ {
		if toks[k].kind != kColon || toks[k].depth != 0 {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-5; j-- {
			if wordAt(toks, j, "following") {
				return toks[:k]
			}
		}
		return toks
	}
	return toks
}
