package loader

import (
	"strings"
	"sync"

	"github.com/trials-app/trials/model"
)

// Country names as ClinicalTrials.gov spells them, and other spellings the
// pages use. Several layouts run location fields together ("Malaysia
// Thailand", "Beijing Beijing China 100069"); these lists are how the parts
// are told apart.
var countryNames = []string{
	"Afghanistan", "Albania", "Algeria", "American Samoa", "Andorra", "Angola", "Anguilla",
	"Antigua and Barbuda", "Argentina", "Armenia", "Aruba", "Australia", "Austria", "Azerbaijan",
	"Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize", "Benin",
	"Bermuda", "Bhutan", "Bolivia", "Bosnia and Herzegovina", "Botswana", "Brazil",
	"Brunei Darussalam", "Bulgaria", "Burkina Faso", "Burundi", "Cambodia", "Cameroon", "Canada",
	"Cape Verde", "Cayman Islands", "Central African Republic", "Chad", "Chile", "China",
	"Colombia", "Comoros", "Congo", "Congo, The Democratic Republic of the", "Cook Islands",
	"Costa Rica", "Côte D'Ivoire", "Cote D'Ivoire", "Croatia", "Cuba", "Curaçao", "Cyprus", "Czechia",
	"Czech Republic", "Denmark", "Djibouti", "Dominica", "Dominican Republic", "Ecuador", "Egypt",
	"El Salvador", "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia",
	"Faroe Islands", "Fiji", "Finland", "France", "French Guiana", "French Polynesia", "Gabon",
	"Gambia", "Georgia", "Germany", "Ghana", "Gibraltar", "Greece", "Greenland", "Grenada",
	"Guadeloupe", "Guam", "Guatemala", "Guernsey", "Guinea", "Guinea-Bissau", "Guyana", "Haiti",
	"Holy See (Vatican City State)", "Honduras", "Hong Kong", "Hungary", "Iceland", "India",
	"Indonesia", "Iran, Islamic Republic of", "Iran", "Iraq", "Ireland", "Isle of Man", "Israel",
	"Italy", "Jamaica", "Japan", "Jersey", "Jordan", "Kazakhstan", "Kenya", "Kiribati",
	"Korea, Democratic People's Republic of", "Korea, Republic of", "South Korea", "Korea", "Kosovo",
	"Kuwait", "Kyrgyzstan", "Lao People's Democratic Republic", "Latvia", "Lebanon", "Lesotho",
	"Liberia", "Libya", "Libyan Arab Jamahiriya", "Liechtenstein", "Lithuania", "Luxembourg",
	"Macao", "Macau", "Madagascar", "Malawi", "Malaysia", "Maldives", "Mali", "Malta",
	"Marshall Islands", "Martinique", "Mauritania", "Mauritius", "Mayotte", "Mexico",
	"Micronesia, Federated States of", "Moldova, Republic of", "Moldova", "Monaco", "Mongolia",
	"Montenegro", "Montserrat", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nauru", "Nepal",
	"Netherlands", "Netherlands Antilles", "New Caledonia", "New Zealand", "Nicaragua", "Niger",
	"Nigeria", "North Macedonia", "Macedonia, The Former Yugoslav Republic of",
	"Northern Mariana Islands", "Norway", "Oman", "Pakistan", "Palau", "Palestine, State of",
	"Palestinian Territory, occupied", "Panama", "Papua New Guinea", "Paraguay", "Peru",
	"Philippines", "Poland", "Portugal", "Puerto Rico", "Qatar", "Réunion", "Reunion", "Romania",
	"Russian Federation", "Russia", "Rwanda", "Saint Kitts and Nevis", "Saint Lucia",
	"Saint Vincent and the Grenadines", "Samoa", "San Marino", "Sao Tome and Principe",
	"Saudi Arabia", "Senegal", "Serbia", "Serbia and Montenegro", "Seychelles", "Sierra Leone",
	"Singapore", "Slovakia", "Slovenia", "Solomon Islands", "Somalia", "South Africa",
	"South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname", "Swaziland", "Sweden", "Switzerland",
	"Syrian Arab Republic", "Syria", "Taiwan", "Tajikistan", "Tanzania", "Tanzania, United Republic of",
	"Thailand", "Timor-Leste", "Togo", "Tonga", "Trinidad and Tobago", "Tunisia", "Türkiye",
	"Turkey", "Turkey (Türkiye)", "Turkmenistan", "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom",
	"United States", "United States Minor Outlying Islands", "Uruguay", "Uzbekistan", "Vanuatu",
	"Venezuela", "Venezuela, Bolivarian Republic of", "Vietnam", "Viet Nam", "Virgin Islands (U.S.)",
	"Virgin Islands, U.S.", "Yemen", "Zambia", "Zimbabwe",
}

// Subdivisions of the countries whose sites the registry lists with a state
// or province, used to split run-together "City State Country" cells.
var subdivisions = map[string][]string{
	"United States": {"Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado",
		"Connecticut", "Delaware", "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho",
		"Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
		"Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
		"Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
		"North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
		"South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
		"Washington", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico"},
	"Canada": {"Alberta", "British Columbia", "Manitoba", "New Brunswick",
		"Newfoundland and Labrador", "Nova Scotia", "Ontario", "Prince Edward Island", "Quebec",
		"Québec", "Saskatchewan", "Northwest Territories", "Nunavut", "Yukon"},
	"Australia": {"Australian Capital Territory", "New South Wales", "Northern Territory",
		"Queensland", "South Australia", "Tasmania", "Victoria", "Western Australia"},
	"India": {"Andhra Pradesh", "Assam", "Bihar", "Chandigarh", "Chhattisgarh", "Delhi", "Goa",
		"Gujarat", "Haryana", "Himachal Pradesh", "Jammu and Kashmir", "Jharkhand", "Karnataka",
		"Kerala", "Madhya Pradesh", "Maharashtra", "Odisha", "Orissa", "Puducherry", "Punjab",
		"Rajasthan", "Tamil Nadu", "Telangana", "Uttar Pradesh", "Uttarakhand", "West Bengal"},
	"South Africa": {"Eastern Cape", "Free State", "Gauteng", "KwaZulu-Natal", "Limpopo",
		"Mpumalanga", "North West", "Northern Cape", "Western Cape"},
	"Brazil": {"Bahia", "Ceará", "Distrito Federal", "Goiás", "Minas Gerais", "Paraná", "Pernambuco",
		"Rio de Janeiro", "Rio Grande do Sul", "Santa Catarina", "São Paulo", "Sao Paulo", "RJ", "SP", "RS"},
	"China": {"Anhui", "Beijing", "Chongqing", "Fujian", "Gansu", "Guangdong", "Guangxi",
		"Guizhou", "Hainan", "Hebei", "Heilongjiang", "Henan", "Hubei", "Hunan", "Inner Mongolia",
		"Jiangsu", "Jiangxi", "Jilin", "Liaoning", "Ningxia", "Qinghai", "Shaanxi", "Shandong",
		"Shanghai", "Shanxi", "Sichuan", "Tianjin", "Tibet", "Xinjiang", "Yunnan", "Zhejiang"},
}

// countryCanon maps a country name, in lower case, to the registry's
// spelling: each listed name to itself, and the other spellings pages use
// to the registry's.
var countryCanon = sync.OnceValue(func() map[string]string {
	canon := map[string]string{}
	aliases := map[string]string{
		"czech republic": "Czechia", "south korea": "Korea, Republic of", "korea": "Korea, Republic of",
		"russia": "Russian Federation", "iran": "Iran, Islamic Republic of", "viet nam": "Vietnam",
		"macau": "Macao", "turkey": "Türkiye", "turkey (türkiye)": "Türkiye", "syria": "Syrian Arab Republic",
		"moldova": "Moldova, Republic of", "swaziland": "Eswatini", "reunion": "Réunion",
		"cote d'ivoire": "Côte D'Ivoire", "virgin islands, u.s.": "Virgin Islands (U.S.)",
		"tanzania": "Tanzania, United Republic of", "libyan arab jamahiriya": "Libya",
		"macedonia, the former yugoslav republic of": "North Macedonia",
	}
	for _, c := range countryNames {
		canon[strings.ToLower(c)] = c
	}
	for k, v := range aliases {
		canon[k] = v
	}
	return canon
})

// canonicalCountry returns the registry's spelling of a country name, and
// whether it is one.
func canonicalCountry(s string) (string, bool) {
	c, ok := countryCanon()[strings.ToLower(strings.TrimSpace(s))]
	return c, ok
}

// splitCountries splits a run-together list ("Malaysia Thailand", "United
// States Korea, Republic of") into country names. Words that form no known
// name are kept together as one entry rather than dropped.
func splitCountries(s string) []string {
	words := strings.Fields(s)
	var out, unknown []string
	flush := func() {
		if len(unknown) > 0 {
			out = appendUnique(out, strings.Join(unknown, " "))
			unknown = nil
		}
	}
	for i := 0; i < len(words); {
		n, name := matchCountryAt(words, i)
		if n == 0 {
			unknown = append(unknown, words[i])
			i++
			continue
		}
		flush()
		out = appendUnique(out, name)
		i += n
	}
	flush()
	return out
}

// matchCountryAt finds the longest country name starting at words[i] and
// returns how many words it spans and its canonical spelling.
func matchCountryAt(words []string, i int) (int, string) {
	for n := min(7, len(words)-i); n >= 1; n-- {
		cand := strings.TrimRight(strings.Join(words[i:i+n], " "), ",;")
		if c, ok := canonicalCountry(cand); ok {
			return n, c
		}
	}
	return 0, ""
}

// matchCountrySuffix finds the longest country name ending at words[end-1].
func matchCountrySuffix(words []string, end int) (int, string) {
	for n := min(7, end); n >= 1; n-- {
		cand := strings.Join(words[end-n:end], " ")
		if c, ok := canonicalCountry(cand); ok {
			return n, c
		}
	}
	return 0, ""
}

// matchSubdivisionSuffix finds a state or province of country ending at words[end-1].
func matchSubdivisionSuffix(country string, words []string, end int) (int, string) {
	subs := subdivisions[country]
	best, name := 0, ""
	for _, s := range subs {
		sw := strings.Fields(s)
		n := len(sw)
		if n > end || n <= best {
			continue
		}
		if strings.EqualFold(strings.Join(words[end-n:end], " "), s) {
			best, name = n, s
		}
	}
	return best, name
}

// parseAddress reads "City, State, Country" (and "City, State, Zip, Country",
// "City, , Country"); ok is false unless the last part is a known country.
func parseAddress(s string) (model.Location, bool) {
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	var loc model.Location
	n := len(parts)
	switch {
	case n >= 3:
		if c, ok := canonicalCountry(parts[n-2] + ", " + parts[n-1]); ok {
			loc.Country = c
			parts = parts[:n-2]
			break
		}
		fallthrough
	case n == 2:
		c, ok := canonicalCountry(parts[n-1])
		if !ok {
			return loc, false
		}
		loc.Country = c
		parts = parts[:n-1]
	default:
		if c, ok := canonicalCountry(s); ok {
			return model.Location{Country: c}, true
		}
		return loc, false
	}
	for i, p := range parts {
		switch {
		case i == 0:
			loc.City = p
		case looksLikeZip(p) && loc.Zip == "":
			loc.Zip = p
		case loc.State == "":
			loc.State = p
		}
	}
	return loc, true
}

func looksLikeZip(s string) bool {
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 3 && len(s) <= 10
}

// splitLocationRow splits "Mayo Clinic Rochester Minnesota United States
// 55905" into facility, city, state, country and postal code. The country is
// found by name from the right, the postal code is what follows it, a state
// or province is matched by name for countries the registry lists them for,
// and the city is the words between the facility's last institutional word
// ("Hospital", "University", "Clinic") and the state — or, failing that, the
// last word or two.
func splitLocationRow(row string) model.Location {
	words := strings.Fields(row)
	var loc model.Location
	end := len(words)
	countryAt := -1
	for i := len(words); i > 0; i-- {
		if n, c := matchCountrySuffix(words, i); n > 0 {
			loc.Country = c
			countryAt = i - n
			loc.Zip = strings.Join(words[i:], " ")
			end = countryAt
			break
		}
		if len(words)-i >= 3 {
			break // a postal code is at most a few words
		}
	}
	if countryAt < 0 {
		loc.Facility = row
		return loc
	}
	if n, s := matchSubdivisionSuffix(loc.Country, words, end); n > 0 && n < end {
		loc.State = s
		end -= n
	}
	rest := words[:end]
	cityStart := cityStartIn(rest)
	// A city never starts inside the facility's brackets: "Atrium Health
	// (formerly Carolinas HealthCare System) Charlotte".
	for cityStart > 0 && cityStart < len(rest) && !balanced(strings.Join(rest[:cityStart], " ")) {
		cityStart++
	}
	loc.City = strings.Join(rest[cityStart:], " ")
	loc.Facility = strings.Join(rest[:cityStart], " ")
	loc.Facility = strings.TrimRight(loc.Facility, ",; ")
	return loc
}

// cityStartIn finds where the city begins in "facility words… city words".
// The facility ends at its last institutional word ("Hospital", "Medical",
// "Oncology") when one to three words follow it; a row with no such word
// or digit and at most three words is a city alone ("Fort Smith"); otherwise the
// city is the last word, with the words that open compound city names
// ("New", "San", "Fort") before it.
func cityStartIn(rest []string) int {
	n := len(rest)
	if n <= 1 {
		return 0
	}
	// A facility named after its city ends with it: "… Medical Center -
	// Burbank Burbank", "Medizinische Hochschule Hannover Hannover".
	if strings.EqualFold(rest[n-1], rest[n-2]) {
		return n - 1
	}
	// A name that opens with an institutional word ("Hôpital Saint-Louis",
	// "Hospital Universitario La Paz") goes on past it, so only the last
	// word(s) can be told to be the city.
	if !opensName(rest[0]) {
		for i := n - 2; i >= 1; i-- {
			if isInstitutionWord(rest[i]) {
				after := rest[i+1:]
				// "Cox Medical Center South Springfield": a compass word
				// after the institution is part of its name unless it
				// opens a city known to start with one ("West Palm Beach").
				if len(after) >= 2 && isCompass(after[0]) && !directionCities[strings.ToLower(strings.Join(after, " "))] {
					after = after[1:]
					i++
				}
				if len(after) <= 3 && !isLowerWord(after[0]) && !strings.ContainsAny(after[0], "-–(") {
					return i + 1
				}
				break
			}
		}
		// A city's name holds no institutional word and no digit (a site
		// number, "As0006 134 Tampa", is the facility's).
		cityAlone := n <= 3
		for _, w := range rest {
			cityAlone = cityAlone && !isInstitutionWord(w) && !strings.ContainsAny(w, "0123456789")
		}
		if cityAlone {
			return 0
		}
	}
	start := n - 1
	// "Daytona Beach", "Safety Harbor", "Midwest City": a last word that
	// ends city names takes the word before it.
	if start > 1 && citySuffixes[strings.ToLower(rest[start])] && !isInstitutionWord(rest[start-1]) {
		start--
	}
	for start > 1 && isCityPrefix(rest[start-1]) {
		start--
	}
	return start
}

// citySuffixes end compound city names.
var citySuffixes = map[string]bool{
	"beach": true, "city": true, "harbor": true, "harbour": true, "springs": true, "heights": true,
	"falls": true, "hills": true, "grove": true, "rapids": true, "gardens": true, "village": true,
	"creek": true, "junction": true, "shores": true, "bluffs": true, "mirage": true, "haven": true,
}

func isCompass(w string) bool {
	switch strings.ToLower(w) {
	case "north", "south", "east", "west":
		return true
	}
	return false
}

// directionCities are United States cities whose names open with a compass
// word, which would otherwise be read as the end of a facility's name.
var directionCities = map[string]bool{
	"west palm beach": true, "south bend": true, "east lansing": true, "north charleston": true,
	"north little rock": true, "west bloomfield": true, "south burlington": true, "east orange": true,
	"west hollywood": true, "north miami": true, "south portland": true, "west des moines": true,
	"east providence": true, "north las vegas": true, "south san francisco": true, "west covina": true,
	"east hartford": true, "north chicago": true, "south euclid": true, "west lafayette": true,
	"east meadow": true, "north hills": true, "west islip": true, "south miami": true,
	"west orange": true, "east syracuse": true, "north adams": true, "west reading": true,
	"south weymouth": true, "east setauket": true, "north canton": true, "west chester": true,
	"north kansas city": true, "east stroudsburg": true, "west columbia": true, "south pasadena": true,
}

func isCityPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "new", "san", "santa", "los", "las", "saint", "st.", "st", "fort", "ft.", "salt", "lake", "el",
		"la", "le", "ann", "baton", "des", "sioux", "cedar", "palo", "grand", "little", "rapid",
		"winston", "chapel", "bowling", "colorado", "corpus", "round", "park", "mount", "mt.", "glen",
		"coral", "boca", "west", "east", "north", "south", "hong", "kuala", "rio", "sao", "são", "buenos",
		"tel", "ho", "chi", "mexico", "hat", "kota", "johor", "alor", "shah", "bangkok", "chiang", "khon",
		"cape", "port", "bay", "beverly", "palm", "long", "mission", "rolling", "overland", "oak", "elk":
		return true
	}
	return false
}

// readSiteLines reads sites listed as "City, State, Country" lines, each
// optionally after a facility line; lines in skip are the site's own text.
func readSiteLines(t *model.Trial, ls []line, skip map[string]bool) {
	facility := ""
	for _, l := range texts(ls) {
		if skip[l] {
			continue
		}
		if loc, ok := parseAddress(l); ok {
			loc.Facility = facility
			t.Locations = append(t.Locations, loc)
			facility = ""
			continue
		}
		if facility != "" {
			t.Locations = append(t.Locations, model.Location{Facility: facility})
		}
		facility = l
	}
	if facility != "" {
		t.Locations = append(t.Locations, model.Location{Facility: facility})
	}
}
