package sqlite

import "strings"

// SchemaVersion is stored in meta; it changes whenever a table or column
// is added, renamed or given another meaning, so that a script can check
// which layout it reads.
const SchemaVersion = "1"

// The schema. Every table but meta and trials hangs off trials by
// trial_no, the trial's 1-based position in the export: trials.id is the
// contract's id and repeats when the inputs hold one study twice (its JSON
// and its XML, say), so it cannot key anything.
//
// Absent values are NULL, never "" or 0: a SQL count or average then skips
// them, as it should. Lists become tables; their seq (1-based) keeps the
// record's order. Columns analysts match by name are COLLATE NOCASE, so
// condition = 'hepatocellular carcinoma' finds "Hepatocellular Carcinoma"
// and a LIKE 'prefix%' can use the index.
//
// Primary keys are declared with the tables: rows arrive in key order, so
// they cost little. Tables keyed by (trial_no, seq …) are WITHOUT ROWID —
// the key is the table, one B-tree per row instead of two, 12% faster to
// build. Every other index is built after the bulk insert.
var schema = []string{
	`CREATE TABLE meta (
	key   TEXT NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (key, value)
)`,
	`CREATE TABLE trials (
	trial_no                       INTEGER PRIMARY KEY,
	id                             TEXT NOT NULL,
	nct_id                         TEXT,
	title                          TEXT,
	official_title                 TEXT,
	acronym                        TEXT,
	status                         TEXT,
	phases                         TEXT,
	study_type                     TEXT,
	enrollment                     INTEGER,
	enrollment_type                TEXT,
	start_date                     TEXT,
	start_date_type                TEXT,
	primary_completion_date        TEXT,
	primary_completion_date_type   TEXT,
	completion_date                TEXT,
	completion_date_type           TEXT,
	first_posted                   TEXT,
	last_updated                   TEXT,
	status_verified                TEXT,
	lead_sponsor                   TEXT,
	lead_sponsor_class             TEXT,
	brief_summary                  TEXT,
	detailed_description           TEXT,
	why_stopped                    TEXT,
	allocation                     TEXT,
	intervention_model             TEXT,
	intervention_model_description TEXT,
	masking                        TEXT,
	masking_description            TEXT,
	who_masked                     TEXT,
	primary_purpose                TEXT,
	observational_model            TEXT,
	time_perspective               TEXT,
	min_age                        TEXT,
	max_age                        TEXT,
	min_age_years                  REAL,
	max_age_years                  REAL,
	sex                            TEXT,
	healthy_volunteers             INTEGER CHECK (healthy_volunteers IN (0, 1)),
	criteria_text                  TEXT,
	study_population               TEXT,
	sampling_method                TEXT,
	has_results                    INTEGER NOT NULL CHECK (has_results IN (0, 1)),
	has_expanded_access            INTEGER CHECK (has_expanded_access IN (0, 1)),
	expanded_access_nct_id         TEXT,
	expanded_access_status         TEXT,
	org_study_id                   TEXT,
	source_path                    TEXT,
	source_format                  TEXT,
	source_entry                   TEXT
)`,
	`CREATE TABLE trial_phases (
	trial_no INTEGER NOT NULL REFERENCES trials (trial_no),
	phase    TEXT NOT NULL,
	PRIMARY KEY (trial_no, phase)
) WITHOUT ROWID`,
	`CREATE TABLE conditions (
	trial_no  INTEGER NOT NULL REFERENCES trials (trial_no),
	seq       INTEGER NOT NULL,
	condition TEXT NOT NULL COLLATE NOCASE,
	PRIMARY KEY (trial_no, seq)
) WITHOUT ROWID`,
	`CREATE TABLE keywords (
	trial_no INTEGER NOT NULL REFERENCES trials (trial_no),
	seq      INTEGER NOT NULL,
	keyword  TEXT NOT NULL COLLATE NOCASE,
	PRIMARY KEY (trial_no, seq)
) WITHOUT ROWID`,
	`CREATE TABLE mesh_terms (
	trial_no INTEGER NOT NULL REFERENCES trials (trial_no),
	kind     TEXT NOT NULL CHECK (kind IN ('condition', 'intervention')),
	seq      INTEGER NOT NULL,
	term     TEXT NOT NULL COLLATE NOCASE,
	PRIMARY KEY (trial_no, kind, seq)
) WITHOUT ROWID`,
	`CREATE TABLE collaborators (
	trial_no INTEGER NOT NULL REFERENCES trials (trial_no),
	seq      INTEGER NOT NULL,
	name     TEXT,
	class    TEXT,
	PRIMARY KEY (trial_no, seq)
) WITHOUT ROWID`,
	`CREATE TABLE arms (
	trial_no    INTEGER NOT NULL REFERENCES trials (trial_no),
	arm_no      INTEGER NOT NULL,
	label       TEXT,
	type        TEXT,
	description TEXT,
	PRIMARY KEY (trial_no, arm_no)
) WITHOUT ROWID`,
	`CREATE TABLE interventions (
	trial_no        INTEGER NOT NULL REFERENCES trials (trial_no),
	intervention_no INTEGER NOT NULL,
	name            TEXT COLLATE NOCASE,
	type            TEXT,
	description     TEXT,
	PRIMARY KEY (trial_no, intervention_no)
) WITHOUT ROWID`,
	`CREATE TABLE intervention_names (
	trial_no        INTEGER NOT NULL,
	intervention_no INTEGER NOT NULL,
	seq             INTEGER NOT NULL,
	name            TEXT NOT NULL COLLATE NOCASE,
	PRIMARY KEY (trial_no, intervention_no, seq),
	FOREIGN KEY (trial_no, intervention_no) REFERENCES interventions (trial_no, intervention_no)
) WITHOUT ROWID`,
	`CREATE TABLE arm_interventions (
	trial_no          INTEGER NOT NULL,
	arm_no            INTEGER NOT NULL,
	seq               INTEGER NOT NULL,
	intervention_no   INTEGER,
	intervention_name TEXT NOT NULL COLLATE NOCASE,
	PRIMARY KEY (trial_no, arm_no, seq),
	FOREIGN KEY (trial_no, arm_no) REFERENCES arms (trial_no, arm_no),
	FOREIGN KEY (trial_no, intervention_no) REFERENCES interventions (trial_no, intervention_no)
) WITHOUT ROWID`,
	`CREATE TABLE outcomes (
	trial_no    INTEGER NOT NULL REFERENCES trials (trial_no),
	kind        TEXT NOT NULL CHECK (kind IN ('primary', 'secondary', 'other')),
	seq         INTEGER NOT NULL,
	measure     TEXT,
	time_frame  TEXT,
	description TEXT,
	PRIMARY KEY (trial_no, kind, seq)
) WITHOUT ROWID`,
	`CREATE TABLE countries (
	trial_no INTEGER NOT NULL REFERENCES trials (trial_no),
	seq      INTEGER NOT NULL,
	country  TEXT NOT NULL COLLATE NOCASE,
	PRIMARY KEY (trial_no, seq)
) WITHOUT ROWID`,
	`CREATE TABLE locations (
	trial_no INTEGER NOT NULL REFERENCES trials (trial_no),
	site_no  INTEGER NOT NULL,
	facility TEXT,
	city     TEXT COLLATE NOCASE,
	state    TEXT COLLATE NOCASE,
	zip      TEXT,
	country  TEXT COLLATE NOCASE,
	status   TEXT,
	PRIMARY KEY (trial_no, site_no)
) WITHOUT ROWID`,
	`CREATE TABLE contacts (
	contact_id INTEGER PRIMARY KEY,
	trial_no   INTEGER NOT NULL REFERENCES trials (trial_no),
	site_no    INTEGER,
	seq        INTEGER NOT NULL,
	name       TEXT,
	role       TEXT,
	phone      TEXT,
	email      TEXT,
	FOREIGN KEY (trial_no, site_no) REFERENCES locations (trial_no, site_no)
)`,
	`CREATE TABLE investigators (
	trial_no    INTEGER NOT NULL REFERENCES trials (trial_no),
	seq         INTEGER NOT NULL,
	name        TEXT,
	role        TEXT,
	affiliation TEXT,
	PRIMARY KEY (trial_no, seq)
) WITHOUT ROWID`,
	`CREATE TABLE criteria (
	criterion_id INTEGER PRIMARY KEY,
	trial_no     INTEGER NOT NULL REFERENCES trials (trial_no),
	kind         TEXT NOT NULL CHECK (kind IN ('inclusion', 'exclusion')),
	item_no      INTEGER NOT NULL,
	parent_id    INTEGER REFERENCES criteria (criterion_id),
	depth        INTEGER NOT NULL,
	text         TEXT,
	UNIQUE (trial_no, kind, item_no)
)`,
	`CREATE TABLE criteria_notes (
	trial_no INTEGER NOT NULL REFERENCES trials (trial_no),
	seq      INTEGER NOT NULL,
	text     TEXT NOT NULL,
	PRIMARY KEY (trial_no, seq)
) WITHOUT ROWID`,
	`CREATE TABLE requirements (
	trial_no       INTEGER NOT NULL REFERENCES trials (trial_no),
	seq            INTEGER NOT NULL,
	variable       TEXT NOT NULL,
	min            REAL,
	max            REAL,
	min_inclusive  INTEGER CHECK (min_inclusive IN (0, 1)),
	max_inclusive  INTEGER CHECK (max_inclusive IN (0, 1)),
	unit           TEXT,
	allowed_values TEXT,
	from_section   TEXT CHECK (from_section IN ('inclusion', 'exclusion')),
	conditional    INTEGER NOT NULL CHECK (conditional IN (0, 1)),
	text           TEXT,
	PRIMARY KEY (trial_no, seq)
) WITHOUT ROWID`,
	`CREATE TABLE secondary_ids (
	trial_no     INTEGER NOT NULL REFERENCES trials (trial_no),
	seq          INTEGER NOT NULL,
	secondary_id TEXT NOT NULL,
	type         TEXT,
	PRIMARY KEY (trial_no, seq)
) WITHOUT ROWID`,
	`CREATE TABLE trial_references (
	trial_no INTEGER NOT NULL REFERENCES trials (trial_no),
	seq      INTEGER NOT NULL,
	pmid     TEXT,
	citation TEXT,
	type     TEXT,
	PRIMARY KEY (trial_no, seq)
) WITHOUT ROWID`,
	`CREATE TABLE linked_trials (
	trial_no INTEGER NOT NULL REFERENCES trials (trial_no),
	kind     TEXT NOT NULL CHECK (kind IN ('related', 'similar')),
	seq      INTEGER NOT NULL,
	nct_id   TEXT NOT NULL,
	PRIMARY KEY (trial_no, kind, seq)
) WITHOUT ROWID`,
	`CREATE TABLE warnings (
	trial_no INTEGER NOT NULL REFERENCES trials (trial_no),
	seq      INTEGER NOT NULL,
	text     TEXT NOT NULL,
	PRIMARY KEY (trial_no, seq)
) WITHOUT ROWID`,
}

// indexes are built once the rows are in: one sort each, instead of a
// B-tree kept in order through millions of inserts. Sites (13 a trial on
// average, 7 million in the registry) get none beyond their key: an index
// on their country and city cost two thirds of all index building, while a
// question about sites starts from trials (status, phase, the countries
// table) and reaches its sites through the key. An analyst who asks about
// cities all day can CREATE INDEX on the file.
var indexes = []string{
	`CREATE INDEX trials_id ON trials (id)`,
	`CREATE INDEX trials_nct_id ON trials (nct_id)`,
	`CREATE INDEX trials_status ON trials (status)`,
	`CREATE INDEX trial_phases_phase ON trial_phases (phase, trial_no)`,
	`CREATE INDEX conditions_condition ON conditions (condition)`,
	`CREATE INDEX mesh_terms_term ON mesh_terms (term)`,
	`CREATE INDEX interventions_name ON interventions (name)`,
	`CREATE INDEX intervention_names_name ON intervention_names (name)`,
	`CREATE INDEX countries_country ON countries (country, trial_no)`,
	`CREATE INDEX contacts_trial ON contacts (trial_no, site_no)`,
	`CREATE INDEX requirements_variable ON requirements (variable)`,
	`CREATE INDEX secondary_ids_id ON secondary_ids (secondary_id)`,
}

// The inserts, one prepared statement each, named for the table they fill.
const (
	insTrial = iota
	insMeta
	insPhase
	insCondition
	insKeyword
	insMesh
	insCollaborator
	insArm
	insIntervention
	insInterventionName
	insArmIntervention
	insOutcome
	insCountry
	insLocation
	insContact
	insInvestigator
	insCriterion
	insNote
	insRequirement
	insSecondaryID
	insReference
	insLinked
	insWarning
	numInserts
)

var inserts = [numInserts]string{
	insTrial:            `INSERT INTO trials VALUES (` + placeholders(51) + `)`,
	insMeta:             `INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)`,
	insPhase:            `INSERT OR IGNORE INTO trial_phases (trial_no, phase) VALUES (?, ?)`,
	insCondition:        `INSERT INTO conditions (trial_no, seq, condition) VALUES (?, ?, ?)`,
	insKeyword:          `INSERT INTO keywords (trial_no, seq, keyword) VALUES (?, ?, ?)`,
	insMesh:             `INSERT INTO mesh_terms (trial_no, kind, seq, term) VALUES (?, ?, ?, ?)`,
	insCollaborator:     `INSERT INTO collaborators (trial_no, seq, name, class) VALUES (?, ?, ?, ?)`,
	insArm:              `INSERT INTO arms (trial_no, arm_no, label, type, description) VALUES (?, ?, ?, ?, ?)`,
	insIntervention:     `INSERT INTO interventions (trial_no, intervention_no, name, type, description) VALUES (?, ?, ?, ?, ?)`,
	insInterventionName: `INSERT INTO intervention_names (trial_no, intervention_no, seq, name) VALUES (?, ?, ?, ?)`,
	insArmIntervention:  `INSERT INTO arm_interventions (trial_no, arm_no, seq, intervention_no, intervention_name) VALUES (?, ?, ?, ?, ?)`,
	insOutcome:          `INSERT INTO outcomes (trial_no, kind, seq, measure, time_frame, description) VALUES (?, ?, ?, ?, ?, ?)`,
	insCountry:          `INSERT INTO countries (trial_no, seq, country) VALUES (?, ?, ?)`,
	insLocation:         `INSERT INTO locations (trial_no, site_no, facility, city, state, zip, country, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
	insContact:          `INSERT INTO contacts (contact_id, trial_no, site_no, seq, name, role, phone, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
	insInvestigator:     `INSERT INTO investigators (trial_no, seq, name, role, affiliation) VALUES (?, ?, ?, ?, ?)`,
	insCriterion:        `INSERT INTO criteria (criterion_id, trial_no, kind, item_no, parent_id, depth, text) VALUES (?, ?, ?, ?, ?, ?, ?)`,
	insNote:             `INSERT INTO criteria_notes (trial_no, seq, text) VALUES (?, ?, ?)`,
	insRequirement:      `INSERT INTO requirements (trial_no, seq, variable, min, max, min_inclusive, max_inclusive, unit, allowed_values, from_section, conditional, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	insSecondaryID:      `INSERT INTO secondary_ids (trial_no, seq, secondary_id, type) VALUES (?, ?, ?, ?)`,
	insReference:        `INSERT INTO trial_references (trial_no, seq, pmid, citation, type) VALUES (?, ?, ?, ?, ?)`,
	insLinked:           `INSERT INTO linked_trials (trial_no, kind, seq, nct_id) VALUES (?, ?, ?, ?)`,
	insWarning:          `INSERT INTO warnings (trial_no, seq, text) VALUES (?, ?, ?)`,
}

// columns counts each insert's values.
var columns = func() (n [numInserts]int) {
	for k, q := range inserts {
		n[k] = strings.Count(q, "?")
	}
	return n
}()

func placeholders(n int) string {
	s := "?"
	for range n - 1 {
		s += ", ?"
	}
	return s
}
