package cli

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/trials-app/trials/export"
	"github.com/trials-app/trials/export/sqlite"
	"github.com/trials-app/trials/model"
)

// sink is where `trials export` writes: an encoder on stdout, one on a
// file that appears whole or not at all, or a SQLite database.
type sink interface {
	Encode(t *model.Trial) error
	Close() error // finishes the output; the file appears
	Abort()       // gives the output up; no file appears, an old one stays
}

func newSink(env *Env, format, output string, paths []string, notes func(string) export.Annotation) (sink, error) {
	if format == "sqlite" {
		abs := make([]string, 0, len(paths))
		for _, p := range paths {
			if a, err := filepath.Abs(p); err == nil {
				p = a
			}
			abs = append(abs, p)
		}
		if len(abs) == 0 {
			abs = []string{"the bundled seeds"}
		}
		w, err := sqlite.Create(output, sqlite.Info{ProgramVersion: Version, Sources: abs})
		if err != nil {
			return nil, err
		}
		return sqliteSink{w}, nil
	}
	if output == "" {
		enc, err := export.NewEncoder(env.Stdout, format)
		if err != nil {
			return nil, err
		}
		enc.Annotate(notes)
		return stdoutSink{enc}, nil
	}
	return newFileSink(output, format, notes)
}

// renderer is a sink whose encoding can run ahead, in the loader's
// workers (export.Encoder.Render): an export then uses every core.
type renderer interface {
	Render(t *model.Trial) *export.Rendered
	EncodeRendered(t *model.Trial, r *export.Rendered) error
}

type stdoutSink struct{ *export.Encoder }

func (stdoutSink) Abort() {}

type sqliteSink struct{ w *sqlite.Writer }

func (s sqliteSink) Encode(t *model.Trial) error { return s.w.Write(t) }
func (s sqliteSink) Close() error                { return s.w.Close() }
func (s sqliteSink) Abort()                      { s.w.Abort() }

// fileSink encodes into export.WriteFile's atomic file, through a pipe:
// WriteFile owns the temporary file and its rename.
type fileSink struct {
	enc  *export.Encoder
	pw   *io.PipeWriter
	done chan error
}

func newFileSink(path, format string, notes func(string) export.Annotation) (*fileSink, error) {
	pr, pw := io.Pipe()
	enc, err := export.NewEncoder(pw, format)
	if err != nil {
		return nil, err
	}
	enc.Annotate(notes)
	f := &fileSink{enc: enc, pw: pw, done: make(chan error, 1)}
	go func() {
		err := export.WriteFile(path, true, func(w io.Writer) error {
			_, err := io.Copy(w, pr)
			return err
		})
		pr.CloseWithError(err) // unblocks the encoder if the file failed
		f.done <- err
	}()
	return f, nil
}

func (f *fileSink) Encode(t *model.Trial) error { return f.enc.Encode(t) }

func (f *fileSink) Render(t *model.Trial) *export.Rendered { return f.enc.Render(t) }

func (f *fileSink) EncodeRendered(t *model.Trial, r *export.Rendered) error {
	return f.enc.EncodeRendered(t, r)
}

func (f *fileSink) Close() error {
	if err := f.enc.Close(); err != nil {
		f.pw.CloseWithError(err)
		<-f.done
		return err
	}
	f.pw.Close()
	return <-f.done
}

func (f *fileSink) Abort() {
	f.pw.CloseWithError(fmt.Errorf("export given up"))
	<-f.done
}
