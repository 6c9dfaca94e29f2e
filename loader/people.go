package loader

import (
	"regexp"
	"strings"

	"github.com/trials-app/trials/model"
)

// People and organisations: officials' roles, names with their degrees
// and affiliations, sponsors with their class.

// roleEnum normalises an official's role ("Principal Investigator").
func roleEnum(s string) string {
	k := strings.ToUpper(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}), "_"))
	switch k {
	case "PRINCIPAL_INVESTIGATOR", "STUDY_CHAIR", "STUDY_DIRECTOR", "SUB_INVESTIGATOR":
		return k
	case "PI":
		return "PRINCIPAL_INVESTIGATOR"
	}
	return k
}

var sponsorWithClass = regexp.MustCompile(`^(.*?)\s*\(((?:[^()]|\([^()]*\))+)\)$`)

// splitSponsorClass reads "Beijing YouAn Hospital (Other)", "Hospital
// Authority, Hong Kong (Other U.S. Federal Agency)": the class never stays
// in the name.
func splitSponsorClass(s string) model.Sponsor {
	if g := sponsorWithClass.FindStringSubmatch(s); g != nil {
		if c, ok := model.ParseSponsorClass(g[2]); ok {
			return model.Sponsor{Name: g[1], Class: c}
		}
	}
	return model.Sponsor{Name: s}
}

var trailingAcronym = regexp.MustCompile(`\s*(?:\(([\p{Lu}0-9&\-./]{2,12})\)|[-–]\s+([\p{Lu}0-9&\-./]{2,12}))$`)

// sameOrganisation reports whether two names are one organisation: equal
// but for case, or but for an acronym one of them adds ("The Chinese
// University of Hong Kong (CUHK)", "… - EORTC").
func sameOrganisation(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	strip := func(s string) string { return trailingAcronym.ReplaceAllString(strings.TrimSpace(s), "") }
	return strings.EqualFold(strip(a), strip(b))
}

var degreeRe = regexp.MustCompile(`(?i)^(M\.?D\.?|Ph\.?D\.?|MSc|M\.?Sc\.?|MPH|MBBS|MBChB|FRCP\w*|FACP|FACS|M\.?S\.?|R\.?N\.?|D\.?O\.?|PharmD|Pharm\.?D\.?|Prof\.?|Professor|Dr\.?|DM|DrPH|BSc|B\.?S\.?|MA|ScD|MRCP|DNP|NP|PA-C|MMed|MBA|MHS|MSCE|MSCI|FRACP|FRCS\w*)$`)

// splitNameAffiliation splits "Jun Lu, MD., Beijing YouAn Hospital" into the
// name with its degrees and the affiliation.
func splitNameAffiliation(s string) (name, affiliation string) {
	parts := strings.Split(s, ",")
	n := 1
	for n < len(parts) && degreeRe.MatchString(strings.TrimSpace(parts[n])) {
		n++
	}
	name = strings.TrimSpace(strings.Join(parts[:n], ","))
	affiliation = strings.TrimSpace(strings.Join(parts[n:], ","))
	return name, affiliation
}

// phoneWithExt joins a number and its extension as the registry's pages
// print them: "301-555-0100 ext. 12".
func phoneWithExt(phone, ext string) string {
	phone, ext = strings.TrimSpace(phone), strings.TrimSpace(ext)
	if ext == "" {
		return phone
	}
	if phone == "" {
		return "ext. " + ext
	}
	return phone + " ext. " + ext
}
