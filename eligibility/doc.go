// Package eligibility reads the numeric and ordinal thresholds of a trial's
// criteria — performance status, Child-Pugh, BCLC stage, blood counts,
// liver and kidney values, INR, LVEF, QTc, life expectancy, age — into
// requirements (../shared/eligibility/SPEC.md), and screens a patient
// profile against them.
//
// Extract is a grammar, not a bag of patterns: each item is tokenized with
// byte offsets, mentions of variables (and of the neighbouring quantities
// that are not variables: direct bilirubin, ALP, PT, CD4 counts, HBV DNA …)
// are found and merged into subjects ("AST (SGOT)/ALT (SGPT)" is one
// subject naming two variables), the phrases that restrict a bound to a
// subgroup are found with what they are about ("if liver metastases", "for
// patients with …", "unless Gilbert's syndrome"), bounds are read with
// their units, and each bound is tied to the subject it belongs to — or
// dropped when none can claim it with confidence. A wrong threshold shown to
// a clinician is worse than none, so anything unsure yields nothing.
//
// The trial is read as a whole as well: a lead-in or heading above an
// item decides its section and whether it applies to a subgroup or a later
// step; criteria written per study group ("Cohorts A, B, C Inclusion
// Criteria", "Part B:") are reconciled across the groups once the trial is
// read (SPEC 4.7: the loosest bound every group states applies to
// everyone), including groups whose heading survives only in the raw text;
// restrictions stated in the raw text or the notes ("Criteria 5-7 apply
// only to …") reach the items they name; a table's header turned into a
// lead-in ("Age (Years) Maximum Serum Creatinine (mg/dl):") bounds its
// subject once per row's age band; a lead-in that defines ("Post-menopausal
// as defined by any of the following:") states no age of the patient. The same criteria read alike
// whether the loader nested them (a heading with children, a NOTE under
// its item) or left them flat.
//
// Each requirement carries the criterion it came from (Text) and the byte
// range of the value in it (Span), for highlighting.
//
// Not read, by design (SPEC.md §2, §4.16): ALP, GGT, direct bilirubin,
// PT/aPTT, calcium, CD4, blood pressure, SpO2, FEV1, weight, NYHA, PSA, other
// staging systems; bounds given without a comparison ("ECOG PS 2"), without
// a unit where two units are plausible ("creatinine < 1.5"), as "normal",
// or only as an example ("e.g. QTc > 480 ms"); items that contradict
// themselves ("Child-Pugh A or B/Child score > 7"); exclusions met only
// when two values are out together ("ALT > 3 × ULN and bilirubin > 2 ×
// ULN"); and a bound that would land on its variable's unusual side after
// an inversion or an unreached negation ("QTc > 470 ms" required), which
// is a misreading more often than a criterion — unless a whole exclusion
// list reads that way, an old record's requirements pasted under its
// "Exclusion" line, which are then read as written.
//
// Screen applies SPEC.md §5: a requirement is met, not met or unknown; a
// trial is "excluded" when an unconditional requirement, or the registry's
// own age range or sex, is not met, and "possible" otherwise — which means
// that nothing read excludes the patient, not that the patient is eligible.
package eligibility
