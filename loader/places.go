package loader

import (
	"slices"
	"strings"
	"sync"
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
	"China": {"Anhui", "Beijing", "Chongqing", "Fujian", "Gansu", "Guangdong", "Guangxi",
		"Guizhou", "Hainan", "Hebei", "Heilongjiang", "Henan", "Hubei", "Hunan", "Inner Mongolia",
		"Jiangsu", "Jiangxi", "Jilin", "Liaoning", "Ningxia", "Qinghai", "Shaanxi", "Shandong",
		"Shanghai", "Shanxi", "Sichuan", "Tianjin", "Tibet", "Xinjiang", "Yunnan", "Zhejiang"},
}

type placeIndex struct {
	countries []string // longest first
	canon     map[string]string
}

var places = sync.OnceValue(func() *placeIndex {
	p := &placeIndex{canon: map[string]string{}}
	p.countries = slices.Clone(countryNames)
	slices.SortStableFunc(p.countries, func(a, b string) int { return len(b) - len(a) })
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
		p.canon[strings.ToLower(c)] = c
	}
	for k, v := range aliases {
		p.canon[k] = v
	}
	return p
})

// canonicalCountry returns the registry's spelling of a country name, and
// whether it is one.
func canonicalCountry(s string) (string, bool) {
	c, ok := places().canon[strings.ToLower(strings.TrimSpace(s))]
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
