package loader

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/trials-app/trials/model"
)

// The load itself: documents parsed by a pool of workers, results handed
// on in input order, progress reported, cancellation honoured.

// document is one input to parse: a name for messages and a way to read it.
type document struct {
	path   string // file on disk
	entry  string // member of an archive, or ""
	member bool   // a member of an archive on disk: it may be a zip itself
	nested bool   // a member of a zip that is itself a member
	slim   bool   // parsed for Options.Slim
	// read returns the document and the Origin its trials are pinned to;
	// nil for a zip member, read from zf (a closure for each of a
	// registry's half million members would cost 50 MB).
	read  func(ctx context.Context) ([]byte, model.Origin, error)
	zf    *zip.File // a member of a zip that is itself a member
	arc   *archive  // or of an archive on disk
	index int       // a zip member's position in its archive's directory
	// base is the Origin of a zip member's archive, shared by its members
	// (see origin): a registry's half million documents are held for the
	// whole load, and an Origin each made them 60% larger.
	base *model.Origin
}

// origin is what a zip member's trials are pinned to: its archive's
// Origin, and its position there.
func (d *document) origin() model.Origin {
	o := *d.base
	if d.nested {
		o.Nested = d.index + 1
	} else {
		o.Member = d.index + 1
	}
	return o
}

func (d *document) load(ctx context.Context) ([]byte, model.Origin, error) {
	if d.arc != nil {
		data, err := d.arc.readDocument(ctx, d.index)
		return data, d.origin(), err
	}
	if d.zf != nil {
		data, err := readMember(ctx, d.zf)
		return data, d.origin(), err
	}
	return d.read(ctx)
}

func (d document) name() string {
	if d.entry != "" {
		return d.path + "!/" + d.entry
	}
	return d.path
}

type parsed struct {
	seq      int
	trials   []*model.Trial
	prepared []any // by trial, when Options.Prepare is set
	diags    []Diagnostic
	bytes    int64
}

func loadDocuments(ctx context.Context, opts Options, docs []document) Result {
	if opts.Slim != nil && opts.Slim(len(docs)) {
		for i := range docs {
			docs[i].slim = true
		}
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan int)
	out := make(chan parsed, workers*2)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				p := parseDocument(ctx, i, docs[i])
				if opts.Prepare != nil && len(p.trials) > 0 {
					p.prepare(opts.Prepare, docs[i].name())
				}
				out <- p
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range docs {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()

	var res Result
	var collected, failed []parsed
	prog := Progress{TotalDocs: len(docs)}
	hand := func(p parsed) {
		if len(p.trials) == 0 {
			return
		}
		if opts.OnPrepared != nil {
			opts.OnPrepared(p.seq, p.trials, p.prepared)
		} else {
			opts.OnTrials(p.seq, p.trials)
		}
	}
	// In-order delivery: results wait here until those before them arrive.
	waiting := map[int]parsed{}
	nextSeq := 0
	deliver := func(p parsed) {
		if !opts.Ordered {
			hand(p)
			return
		}
		waiting[p.seq] = p
		for {
			q, ok := waiting[nextSeq]
			if !ok {
				return
			}
			delete(waiting, nextSeq)
			hand(q)
			nextSeq++
		}
	}
	handing := opts.OnTrials != nil || opts.OnPrepared != nil
	for p := range out {
		prog.Docs++
		prog.Bytes += p.bytes
		if len(p.diags) > 0 {
			prog.Failed++
			failed = append(failed, parsed{seq: p.seq, diags: p.diags})
		}
		prog.Trials += len(p.trials)
		if handing {
			deliver(p)
		} else {
			collected = append(collected, parsed{seq: p.seq, trials: p.trials})
		}
		if opts.OnProgress != nil {
			opts.OnProgress(prog)
		}
	}
	if opts.Ordered && len(waiting) > 0 {
		// Cancelled part-way: deliver what arrived, still in order.
		seqs := make([]int, 0, len(waiting))
		for s := range waiting {
			seqs = append(seqs, s)
		}
		slices.Sort(seqs)
		for _, s := range seqs {
			hand(waiting[s])
		}
	}
	slices.SortFunc(collected, func(a, b parsed) int { return a.seq - b.seq })
	for _, p := range collected {
		res.Trials = append(res.Trials, p.trials...)
	}
	slices.SortFunc(failed, func(a, b parsed) int { return a.seq - b.seq })
	for _, p := range failed {
		res.Diagnostics = append(res.Diagnostics, p.diags...)
	}
	if opts.OnProgress != nil {
		prog.Done = true
		opts.OnProgress(prog)
	}
	if err := ctx.Err(); err != nil && prog.Docs < len(docs) {
		res.Diagnostics = append(res.Diagnostics, Diagnostic{Path: "load", Err: fmt.Errorf("stopped after %d of %d documents: %w", prog.Docs, len(docs), err)})
	}
	return res
}

// prepare runs Options.Prepare on each of p's trials. Like a parser bug,
// a bug there costs one document (reported), never the whole load.
func (p *parsed) prepare(fn func(*model.Trial) any, name string) {
	defer func() {
		if r := recover(); r != nil {
			p.trials, p.prepared = nil, nil
			p.diags = append(p.diags, Diagnostic{Path: name, Err: fmt.Errorf("internal error while indexing (please report): %v", r)})
		}
	}()
	p.prepared = make([]any, len(p.trials))
	for i, t := range p.trials {
		p.prepared[i] = fn(t)
	}
}

// parseDocument reads and parses one document: its trials, pinned to
// where they came from, and a diagnostic if it did not load (or loaded in
// part). A member that is itself a zip gives its members' trials and
// diagnostics.
func parseDocument(ctx context.Context, seq int, d document) (p parsed) {
	p.seq = seq
	defer func() {
		// A parser bug must cost one document, never the whole load.
		if r := recover(); r != nil {
			p.trials = nil
			p.diags = append(p.diags, Diagnostic{Path: d.name(), Err: fmt.Errorf("internal error while parsing (please report): %v", r)})
		}
	}()
	data, origin, err := d.load(ctx)
	if err != nil {
		p.diags = []Diagnostic{{Path: d.name(), Err: unreadable(err)}}
		return p
	}
	defer recycle(data) // parsed (and a zip's members read) by then
	p.bytes = int64(len(data))
	if (d.member || d.nested) && isZipSignature(data) {
		if d.nested {
			p.diags = []Diagnostic{{Path: d.name(), Err: errZipTooDeep}}
			return p
		}
		inner, err := nestedDocuments(d, data, origin)
		if errors.Is(err, errNoDocuments) {
			p.diags = []Diagnostic{{Path: d.name(), Err: err}}
			return p
		}
		if err != nil {
			p.diags = []Diagnostic{{Path: d.name(), Err: fmt.Errorf("%w: not a readable zip archive: %w", ErrUnreadable, err)}}
			return p
		}
		for _, doc := range inner {
			if ctx.Err() != nil {
				break
			}
			doc.slim = d.slim
			q := parseDocument(ctx, seq, doc)
			p.trials = append(p.trials, q.trials...)
			p.diags = append(p.diags, q.diags...)
		}
		return p
	}
	// A zip member is read by readAtMost, which looked at its head.
	trials, err := parseRead(d.name(), data, d.slim, d.arc != nil || d.zf != nil)
	if err != nil {
		p.diags = []Diagnostic{{Path: d.name(), Err: err}}
		if len(trials) == 0 {
			return p
		}
	}
	for _, t := range trials {
		t.Source.Path = d.path
		if d.entry != "" {
			if t.Source.Entry != "" {
				t.Source.Entry = d.entry + "#" + t.Source.Entry
			} else {
				t.Source.Entry = d.entry
			}
		}
		study := t.Source.Origin.Study
		t.Source.Origin = origin
		t.Source.Origin.Study = study
		t.Source.Origin.ID = t.ID
	}
	p.trials = trials
	return p
}
