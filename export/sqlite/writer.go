// Package sqlite writes trials into a SQLite database for analysts — the
// `trials export --format sqlite` library: one row per trial in trials,
// one table per list (conditions, arms, interventions, locations, criteria,
// requirements …), keys and indexes for the questions analysts ask. The
// schema is described in schema.go and README.md.
//
// A Writer streams: Write is called once per trial and keeps nothing of it
// once inserted, so the whole registry exports in constant memory. The file
// appears under its name only when Close succeeds.
package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// Info describes the export, for the meta table.
type Info struct {
	ProgramVersion string   // the trials version that wrote the file
	Sources        []string // the input paths, as given
}

// Writer builds one database. Its methods are for one goroutine.
type Writer struct {
	path, tmp string
	db        *sql.DB
	conn      *sql.Conn
	rows      rows
	n         int // trials written

	jobs    chan job
	quit    chan struct{} // closed by Abort: stop without finishing
	stopped chan struct{} // closed when the building goroutine returns
	runErr  error         // what it returned; read after stopped

	err    error // sticky: the first failure, returned by every later call
	closed bool

	timing timing // where the time went, for the benchmarks
}

// timing splits a build's wall time: rows inserted, indexes built, file
// made durable and renamed.
type timing struct {
	start, inserted, indexed, published time.Time
}

// batchSize is how many trials share a transaction: enough that commits
// cost nothing, few enough that a batch's pages stay in the cache.
const batchSize = 2000

// Create starts a database that Close will place at path. It is built in a
// temporary file beside path, so a failed or abandoned export leaves no
// half-written file under the name, and an existing file there is replaced
// only once the new one is complete.
func Create(path string, info Info) (*Writer, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite export %s: %w", path, err)
	}
	if st, err := os.Stat(abs); err == nil && st.IsDir() {
		return nil, fmt.Errorf("sqlite export %s: is a directory", path)
	}
	f, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("sqlite export %s: %w", path, err)
	}
	tmp := f.Name()
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("sqlite export %s: %w", path, err)
	}
	db, err := sql.Open(driverName, dataSource(tmp))
	if err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("sqlite export %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(context.Background())
	if err != nil {
		db.Close()
		os.Remove(tmp)
		return nil, fmt.Errorf("sqlite export %s: %w", path, err)
	}
	w := &Writer{
		path: path, tmp: tmp, db: db, conn: conn,
		jobs:    make(chan job, 256),
		quit:    make(chan struct{}),
		stopped: make(chan struct{}),
	}
	w.rows.send = w.send
	// SQLite runs on its own goroutine, inside conn.Raw: the driver's own
	// statements skip database/sql's per-call locking and argument
	// conversion, which would cost more than SQLite itself at ~60 rows a
	// trial, and the caller meanwhile cleans and lays out the next rows.
	go func() {
		defer close(w.stopped)
		w.runErr = conn.Raw(func(dc any) error {
			c, ok := dc.(driver.Conn)
			if !ok {
				return fmt.Errorf("driver connection %T", dc)
			}
			return build(c, w.jobs, w.quit, &w.timing)
		})
	}()
	if err := w.rows.meta(info); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

// Write adds one trial. Trials are numbered (trial_no) in the order they are
// written. Nothing of t is kept but its strings, so t may be reused.
func (w *Writer) Write(t *model.Trial) error {
	if w.err != nil {
		return w.err
	}
	if w.closed {
		return fmt.Errorf("sqlite export %s: write after close", w.path)
	}
	w.n++
	if err := w.rows.trial(w.n, t); err != nil {
		if w.err == nil { // not already the build's failure, from send
			w.err = w.failure(fmt.Errorf("trial %s (#%d): %w", plain.Line(t.ID), w.n, err))
		}
		return w.err
	}
	if w.n%batchSize == 0 {
		return w.send(job{commit: true})
	}
	return nil
}

// send hands a job to the building goroutine, or reports why it stopped.
func (w *Writer) send(j job) error {
	if w.err != nil {
		return w.err
	}
	// A failed build is reported at once, not once the queue has filled.
	select {
	case <-w.stopped:
		w.err = w.failure(w.runErr)
		return w.err
	default:
	}
	select {
	case w.jobs <- j:
		return nil
	case <-w.stopped:
		w.err = w.failure(w.runErr)
		return w.err
	}
}

// Close finishes the database — indexes, a durable file — and moves it to
// its name. On any error the temporary file is removed and nothing is left
// at the name (an older file there is kept).
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	err := w.rows.flush()
	w.closed = true
	if err != nil {
		close(w.quit) // no indexes for a file that will be removed
	}
	close(w.jobs)
	<-w.stopped
	if err == nil {
		err = w.err
	}
	if err == nil && w.runErr != nil {
		err = w.failure(w.runErr)
	}
	if cerr := w.release(); err == nil && cerr != nil {
		err = fmt.Errorf("sqlite export %s: closing: %w", w.path, cerr)
	}
	if err == nil {
		err = w.publish()
		w.timing.published = time.Now()
	}
	if err != nil {
		os.Remove(w.tmp)
		w.err = err
	}
	return err
}

// Abort abandons the export (on an error elsewhere, or when the user
// cancels): the temporary file is removed and nothing appears at the name.
func (w *Writer) Abort() error {
	if w.closed {
		return nil
	}
	w.closed = true
	close(w.quit)
	close(w.jobs)
	<-w.stopped
	w.release()
	if err := os.Remove(w.tmp); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("sqlite export %s: removing %s: %w", w.path, w.tmp, err)
	}
	w.err = fmt.Errorf("sqlite export %s: aborted", w.path)
	return nil
}

func (w *Writer) failure(err error) error {
	if err == nil {
		err = errors.New("stopped")
	}
	return fmt.Errorf("sqlite export %s: %w", w.path, err)
}

func (w *Writer) release() error {
	err := w.conn.Close()
	if derr := w.db.Close(); err == nil {
		err = derr
	}
	return err
}

// publish makes the finished file durable and gives it its name. The build
// ran with synchronous=OFF, so this fsync is the one that counts.
func (w *Writer) publish() error {
	f, err := os.OpenFile(w.tmp, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("sqlite export %s: %w", w.path, err)
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sqlite export %s: syncing: %w", w.path, err)
	}
	// CreateTemp made the file 0600; a database is no secret.
	if err := os.Chmod(w.tmp, 0o644); err != nil {
		return fmt.Errorf("sqlite export %s: %w", w.path, err)
	}
	if err := os.Rename(w.tmp, w.path); err != nil {
		return fmt.Errorf("sqlite export %s: %w", w.path, err)
	}
	if d, err := os.Open(filepath.Dir(w.tmp)); err == nil {
		d.Sync() // best effort: the rename's durability; some filesystems refuse
		d.Close()
	}
	return nil
}

// build runs on the driver connection: schema, then the rows as they
// arrive, then the indexes. It returns early when quit closes.
func build(c driver.Conn, jobs <-chan job, quit <-chan struct{}, tm *timing) (err error) {
	tm.start = time.Now()
	ctx := context.Background()
	ex, ok := c.(driver.ExecerContext)
	if !ok {
		return fmt.Errorf("driver connection %T cannot execute statements", c)
	}
	run := func(q string) error {
		if _, err := ex.ExecContext(ctx, q, nil); err != nil {
			return fmt.Errorf("%s: %w", firstLine(q), err)
		}
		return nil
	}
	// A one-shot bulk build: no journal (a failed build is deleted, never
	// rolled back), no fsync until publish, a large page cache.
	for _, p := range pragmas {
		if err := run(p); err != nil {
			return err
		}
	}
	if err := run("BEGIN"); err != nil {
		return err
	}
	for _, q := range schema {
		if err := run(q); err != nil {
			return err
		}
	}
	st := prepareAll(c)
	defer func() {
		if cerr := st.close(); err == nil {
			err = cerr
		}
	}()
	for {
		var j job
		select {
		case <-quit:
			return errors.New("aborted")
		case j, ok = <-jobs:
		}
		if !ok {
			break
		}
		if j.commit {
			if err := run("COMMIT"); err != nil {
				return err
			}
			if err := run("BEGIN"); err != nil {
				return err
			}
			continue
		}
		err := st.exec(ctx, j.k, j.buf)
		recycle(j.k, j.buf)
		if err != nil {
			return err
		}
	}
	select {
	case <-quit: // closed along with jobs: the loop may have seen either first
		return errors.New("aborted")
	default:
	}
	if err := st.close(); err != nil {
		return err
	}
	tm.inserted = time.Now()
	defer func() { tm.indexed = time.Now() }()
	for _, q := range indexes {
		if err := run(q); err != nil {
			return err
		}
	}
	return run("COMMIT")
}

// statements are the prepared inserts: for each table, one of a single row
// and one of rowsPerInsert rows, each prepared when first needed (a
// 1,600-parameter statement is not free to parse, and a small export
// never fills most buffers).
type statements struct {
	c         driver.Conn
	one, many [numInserts]driver.StmtExecContext
	oneArgs   [numInserts][]driver.NamedValue
}

func prepareAll(c driver.Conn) *statements {
	st := &statements{c: c}
	for k := range inserts {
		st.oneArgs[k] = make([]driver.NamedValue, columns[k])
		for i := range st.oneArgs[k] {
			st.oneArgs[k][i].Ordinal = i + 1
		}
	}
	return st
}

func prepareStmt(ctx context.Context, c driver.Conn, q string) (driver.StmtExecContext, error) {
	var s driver.Stmt
	var err error
	if pc, ok := c.(driver.ConnPrepareContext); ok {
		s, err = pc.PrepareContext(ctx, q)
	} else {
		s, err = c.Prepare(q)
	}
	if err != nil {
		return nil, fmt.Errorf("preparing: %w", err)
	}
	sx, ok := s.(driver.StmtExecContext)
	if !ok {
		s.Close()
		return nil, fmt.Errorf("driver statement %T has no ExecContext", s)
	}
	return sx, nil
}

// multiRow repeats the value tuple of a one-row INSERT n times.
func multiRow(q string, n int) string {
	i := strings.LastIndex(q, "VALUES ") + len("VALUES ")
	var b strings.Builder
	b.WriteString(q[:i])
	for j := range n {
		if j > 0 {
			b.WriteString(", ")
		}
		b.WriteString(q[i:])
	}
	return b.String()
}

// exec inserts a buffer's rows: in one statement when it is full.
func (st *statements) exec(ctx context.Context, k int, b *rowBuf) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("%s: %w", tableOf(inserts[k]), err)
		}
	}()
	if b.rows == rowsPerInsert {
		if st.many[k] == nil {
			if st.many[k], err = prepareStmt(ctx, st.c, multiRow(inserts[k], rowsPerInsert)); err != nil {
				return err
			}
		}
		_, err := st.many[k].ExecContext(ctx, b.args)
		return err
	}
	if st.one[k] == nil && b.rows > 0 {
		if st.one[k], err = prepareStmt(ctx, st.c, inserts[k]); err != nil {
			return err
		}
	}
	cols, args := columns[k], st.oneArgs[k]
	for r := range b.rows {
		for i, v := range b.args[r*cols : (r+1)*cols] {
			args[i].Value = v.Value
		}
		_, err := st.one[k].ExecContext(ctx, args)
		for i := range args {
			args[i].Value = nil
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (st *statements) close() error {
	var first error
	for k := range st.one {
		for _, s := range []driver.StmtExecContext{st.one[k], st.many[k]} {
			if s == nil {
				continue
			}
			if err := s.(driver.Stmt).Close(); err != nil && first == nil {
				first = err
			}
		}
		st.one[k], st.many[k] = nil, nil
	}
	return first
}

// pragmas suit a one-shot bulk write of a file nobody else has open.
var pragmas = []string{
	"PRAGMA page_size = 16384", // insert speed is the same from 4 to 64 KiB; readers like smaller
	"PRAGMA journal_mode = OFF",
	"PRAGMA synchronous = OFF",
	"PRAGMA locking_mode = EXCLUSIVE",
	"PRAGMA cache_size = -131072", // KiB: 128 MiB
	"PRAGMA threads = 2",
	"PRAGMA foreign_keys = OFF", // checked by the tests, not per row
}

func firstLine(q string) string {
	q = strings.TrimSpace(q)
	if i := strings.IndexByte(q, '\n'); i >= 0 {
		q = q[:i]
	}
	return q
}
