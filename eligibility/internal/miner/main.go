// Command miner lists the extractor's abstentions, for finding the most
// frequent wordings it misses: every criterion item that names a SPEC.md
// variable and carries a number near the name, but yields no requirement of
// that variable. Lines are grouped by a coarse shape (the variable, the
// words between its name and the number, the word after the number) and the
// groups printed most frequent first:
//
//	go run ./eligibility/internal/miner /work/heldout/mine5/docs /tmp/e6/audit
//	go run ./eligibility/internal/miner -truth /work/heldout/dev/truth.json /work/heldout/dev/docs
//
// The variable names here are deliberately its own, wider than the
// extractor's lexicon ("neutrophils", "Hb", "T-bil", "survival" …), so that
// a spelling the lexicon lacks shows up too. With -truth, each line is marked
// by whether the hand-labelled truth has a requirement of that variable for
// that item: an abstention the truth agrees with is the miner's false alarm,
// and the shapes of those show what SPEC.md says not to extract.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// mention is one way of naming a variable; vars are the SPEC.md variables it
// names ("transaminases" names both ast and alt).
type mention struct {
	re   *regexp.Regexp
	vars []string
}

func m(pattern string, vars ...string) mention {
	return mention{regexp.MustCompile(pattern), vars}
}

var mentions = []mention{
	m(`(?i)\becog\b|zubrod|\bwho[ -]?(performance|ps)\b|performance (status|score|scale)`, "ecog"),
	m(`\bPS\b|\bWHO\b`, "ecog"),
	m(`(?i)karnofsky|\bkps\b`, "karnofsky"),
	m(`(?i)lansky`, "lansky"),
	m(`(?i)child[- ]?pugh|\bchild[- ]turcotte`, "child_pugh_score"),
	m(`(?i)\bbclc\b|barcelona`, "bclc_stage"),
	m(`(?i)platelet|\bplt\b|thrombocyt`, "platelets"),
	m(`(?i)neutrophil|\banc\b|\bpolys\b|\bneut\b`, "anc"),
	m(`(?i)\bwbc\b|white (blood )?(cell|count)|leu[ck]ocyte|\bwcc\b`, "wbc"),
	m(`(?i)lymphocyte|\balc\b`, "lymphocytes"),
	m(`(?i)h(a)?emoglobin|\bhgb\b|\bHb\b`, "hemoglobin"),
	m(`(?i)bilirubin|\bt-?bil\b|\bbili\b`, "bilirubin"),
	m(`(?i)\bast\b|sgot|\basat\b|aspartate`, "ast"),
	m(`(?i)\balt\b|sgpt|\balat\b|alanine`, "alt"),
	m(`(?i)transaminase|aminotransferase|liver enzymes`, "ast", "alt"),
	m(`(?i)albumin`, "albumin"),
	m(`(?i)\binr\b|international normali[sz]ed`, "inr"),
	m(`(?i)creatinine|\bcreat\b|\bscr\b|\bcr\b`, "creatinine"),
	m(`(?i)creatinine clearance|\bcr ?cl\b|\bccr\b|\bclcr\b|clearance`, "creatinine_clearance"),
	m(`(?i)\be?gfr\b|glomerular filtration`, "egfr"),
	m(`(?i)life expectancy|survival|prognosis|expected to live|esp[ée]rance de vie`, "life_expectancy"),
	m(`(?i)ejection fraction|\blvef\b|\bEF\b|\bmuga\b|shortening fraction`, "lvef"),
	m(`(?i)\bqtc|\bqt\b|qt interval|\bqtcf\b`, "qtc"),
	m(`(?i)\bage[sd]?\b|years old|year-old|\bolder\b|\byounger\b|\badults?\b|\bâge\b|\bans\b`, "age"),
}

var numberRE = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

type line struct {
	id, variable, text, shape, truth string
}

func main() {
	truthPath := flag.String("truth", "", "hand-labelled truth.json: mark each abstention by whether the truth has the variable for the item")
	top := flag.Int("n", 40, "print the N most frequent shapes")
	examples := flag.Int("e", 3, "example lines per shape")
	all := flag.Bool("all", false, "print every line, not only the grouped shapes")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: miner [-truth truth.json] [-n N] [-e N] [-all] PATH…")
		os.Exit(2)
	}
	truth, err := readTruth(*truthPath)
	if err != nil {
		fmt.Fprintf(os.Stderr, "miner: %v\n", err)
		os.Exit(1)
	}
	res := loader.Load(flag.Args()...)
	for _, d := range res.Diagnostics {
		fmt.Fprintln(os.Stderr, d)
	}
	var lines []line
	items := 0
	for _, t := range res.Trials {
		got := map[string]map[string]bool{} // item text → variables extracted from it
		for _, r := range eligibility.Extract(&t.Eligibility) {
			if got[r.Text] == nil {
				got[r.Text] = map[string]bool{}
			}
			got[r.Text][r.Variable] = true
		}
		var visit func(cs []model.Criterion, parent string)
		visit = func(cs []model.Criterion, parent string) {
			for _, c := range cs {
				text := eligibility.ItemText(c.Text)
				items++
				for v, shape := range abstentions(text, parent, got[text]) {
					l := line{id: t.ID, variable: v, text: text, shape: shape}
					if truth != nil {
						l.truth = "truth-empty"
						if truth[t.ID][text][v] {
							l.truth = "TRUTH-HAS"
						}
					}
					lines = append(lines, l)
				}
				visit(c.Children, text)
			}
		}
		visit(t.Eligibility.Inclusion, "")
		visit(t.Eligibility.Exclusion, "")
	}
	report(lines, len(res.Trials), items, *top, *examples, *all)
}

// abstentions returns, for each variable the item names near a number but
// got no requirement of, the item's shape around that number. An item that
// names nothing itself borrows a short label parent's names ("Age:" above
// "18 and over").
func abstentions(text, parent string, got map[string]bool) map[string]string {
	out := map[string]string{}
	find := func(s string, borrowed bool) {
		for _, mn := range mentions {
			for _, loc := range mn.re.FindAllStringIndex(s, -1) {
				if mn.vars[0] == "creatinine" && strings.HasPrefix(strings.ToLower(s[loc[1]:]), " clearance") {
					continue // named by the clearance mention
				}
				shape, ok := "", false
				if borrowed {
					shape, ok = shapeOf(text, 0, true)
				} else {
					shape, ok = shapeOf(text, loc[1], false)
					if !ok {
						shape, ok = shapeBefore(text, loc[0])
					}
				}
				if !ok {
					continue
				}
				for _, v := range mn.vars {
					if got[v] {
						continue
					}
					if _, seen := out[v]; !seen {
						out[v] = v + " | " + shape
					}
				}
			}
		}
	}
	find(text, false)
	if len(out) == 0 && len(got) == 0 && parent != "" && len(parent) < 60 && !anyMention(text) {
		find(parent, true)
	}
	return out
}

func anyMention(s string) bool {
	for _, mn := range mentions {
		if mn.re.MatchString(s) {
			return true
		}
	}
	return false
}

// shapeOf reads the first number within 60 bytes after from and returns the
// words between (at most four, the last ones) and the word after it, numbers
// written N.
func shapeOf(text string, from int, borrowed bool) (string, bool) {
	rest := text[from:]
	loc := numberRE.FindStringIndex(rest)
	if loc == nil || loc[0] > 60 {
		return "", false
	}
	between := words(rest[:loc[0]])
	if len(between) > 4 {
		between = between[len(between)-4:]
	}
	after := words(rest[loc[1]:])
	if len(after) > 1 {
		after = after[:1]
	}
	prefix := ""
	if borrowed {
		prefix = "(label) "
	}
	return prefix + strings.Join(between, " ") + " N " + strings.Join(after, " "), true
}

// shapeBefore is shapeOf for a number written before the name ("1,500/mm³
// neutrophils", "18 years of age").
func shapeBefore(text string, to int) (string, bool) {
	head := text[:to]
	locs := numberRE.FindAllStringIndex(head, -1)
	if len(locs) == 0 {
		return "", false
	}
	loc := locs[len(locs)-1]
	if to-loc[1] > 30 {
		return "", false
	}
	before := words(head[:loc[0]])
	if len(before) > 2 {
		before = before[len(before)-2:]
	}
	between := words(head[loc[1]:])
	return "(before) " + strings.Join(before, " ") + " N " + strings.Join(between, " "), true
}

func words(s string) []string {
	s = numberRE.ReplaceAllString(strings.ToLower(s), "N")
	return strings.Fields(s)
}

func report(lines []line, trials, items, top, examples int, all bool) {
	type group struct {
		shape string
		lines []line
	}
	byShape := map[string]*group{}
	perVar := map[string]int{}
	for _, l := range lines {
		g := byShape[l.shape]
		if g == nil {
			g = &group{shape: l.shape}
			byShape[l.shape] = g
		}
		g.lines = append(g.lines, l)
		perVar[l.variable]++
	}
	groups := make([]*group, 0, len(byShape))
	for _, g := range byShape {
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool {
		if len(groups[i].lines) != len(groups[j].lines) {
			return len(groups[i].lines) > len(groups[j].lines)
		}
		return groups[i].shape < groups[j].shape
	})
	fmt.Printf("%d trials, %d items, %d abstentions in %d shapes\n", trials, items, len(lines), len(groups))
	vars := make([]string, 0, len(perVar))
	for v := range perVar {
		vars = append(vars, v)
	}
	sort.Slice(vars, func(i, j int) bool { return perVar[vars[i]] > perVar[vars[j]] })
	for _, v := range vars {
		fmt.Printf("  %-22s %d\n", v, perVar[v])
	}
	if all {
		for _, l := range lines {
			fmt.Printf("%s\t%s\t%s\t%s\n", plain.Line(l.id), l.variable, l.truth, plain.Line(l.text))
		}
		return
	}
	for i, g := range groups {
		if i == top {
			break
		}
		fmt.Printf("\n%3d  %s\n", len(g.lines), plain.Line(g.shape))
		for j, l := range g.lines {
			if j == examples {
				break
			}
			mark := ""
			if l.truth != "" {
				mark = " [" + l.truth + "]"
			}
			fmt.Printf("       %s%s: %.150s\n", plain.Line(l.id), mark, plain.Line(l.text))
		}
	}
}

// readTruth maps trial id → item text → the variables the truth extracts.
func readTruth(path string) (map[string]map[string]map[string]bool, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading truth: %w", err)
	}
	var trials []struct {
		ID           string `json:"id"`
		Requirements []struct {
			Variable string `json:"variable"`
			Text     string `json:"text"`
		} `json:"requirements"`
	}
	if err := json.Unmarshal(b, &trials); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string]map[string]map[string]bool{}
	for _, t := range trials {
		if out[t.ID] == nil {
			out[t.ID] = map[string]map[string]bool{}
		}
		for _, r := range t.Requirements {
			text := eligibility.ItemText(r.Text)
			if out[t.ID][text] == nil {
				out[t.ID][text] = map[string]bool{}
			}
			out[t.ID][text][r.Variable] = true
		}
	}
	return out, nil
}
