// Package seeds bundles the five seed trial documents, one per layout the
// loader reads. They are the corpus when trials is given no path.
package seeds

import "embed"

// FS holds the seed documents.
//
//go:embed *.txt
var FS embed.FS
