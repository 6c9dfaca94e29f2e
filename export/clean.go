package export

import (
	"reflect"
	"strings"
	"unicode"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// cleaned returns t with every string in it — document text, file and
// member names, ids — passed through plain.Clean, so that no format carries
// an escape sequence, an OSC 52 clipboard write or a BEL to whoever reads
// the export in a terminal. It walks the value by reflection so that a
// field added to the model later is cleaned too, and it copies only what
// cleaning changes: t itself is never modified.
func cleaned(t *model.Trial) *model.Trial {
	v, changed := cleanValue(reflect.ValueOf(t).Elem())
	if !changed {
		return t
	}
	out := v.Interface().(model.Trial)
	return &out
}

// cleanValue returns v cleaned and whether it differs from v.
func cleanValue(v reflect.Value) (reflect.Value, bool) {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		c := plain.Clean(s)
		if c == s {
			return v, false
		}
		nv := reflect.New(v.Type()).Elem()
		nv.SetString(c)
		return nv, true
	case reflect.Struct:
		var out reflect.Value
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			f, changed := cleanValue(v.Field(i))
			if !changed {
				continue
			}
			if !out.IsValid() {
				out = reflect.New(v.Type()).Elem()
				out.Set(v)
			}
			out.Field(i).Set(f)
		}
		if out.IsValid() {
			return out, true
		}
	case reflect.Slice, reflect.Array:
		var out reflect.Value
		for i := range v.Len() {
			e, changed := cleanValue(v.Index(i))
			if !changed {
				continue
			}
			if !out.IsValid() {
				if v.Kind() == reflect.Slice {
					out = reflect.MakeSlice(v.Type(), v.Len(), v.Len())
				} else {
					out = reflect.New(v.Type()).Elem()
				}
				reflect.Copy(out, v)
			}
			out.Index(i).Set(e)
		}
		if out.IsValid() {
			return out, true
		}
	case reflect.Pointer:
		if v.IsNil() {
			break
		}
		e, changed := cleanValue(v.Elem())
		if changed {
			p := reflect.New(v.Type().Elem())
			p.Elem().Set(e)
			return p, true
		}
	case reflect.Map:
		if v.IsNil() {
			break
		}
		changed := false
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			k, kc := cleanValue(it.Key())
			e, ec := cleanValue(it.Value())
			changed = changed || kc || ec
			out.SetMapIndex(k, e)
		}
		if changed {
			return out, true
		}
	}
	return v, false
}

// defuse keeps a spreadsheet from running a cell as a formula, by the OWASP
// rule for CSV injection: a cell starting with =, +, -, @, a tab or a
// carriage return — also after leading white space, which spreadsheets
// skip — is prefixed with an apostrophe.
func defuse(row []string) []string {
	for i, c := range row {
		if c == "" {
			continue
		}
		if c[0] == '\t' || c[0] == '\r' {
			row[i] = "'" + c
			continue
		}
		if t := strings.TrimLeftFunc(c, unicode.IsSpace); t != "" && strings.ContainsRune("=+-@", rune(t[0])) {
			row[i] = "'" + c
		}
	}
	return row
}
