#!/usr/bin/env python3
"""Compare page exports with their expectations, field by field.

Usage: compare.py DIR [-v]   (DIR/LAYOUT/X.txt, X.json; runs `trials export`)

Every leaf of an expectation is a checked field. Strings compare with their
whitespace collapsed. Lists are aligned by a key (text, label, name,
measure, facility) so that one missing item costs that item's fields, not
every field after it; an item the export has and the expectation lacks
costs one. "inclusion_flat"/"exclusion_flat" compare the criteria as the
sequence the page printed (depth first), for pages that print one flat list.
"""
import json, os, subprocess, sys, glob, re

TRIALS = os.environ.get("TRIALS", "/tmp/trials-fid")


def norm(v):
    if isinstance(v, str):
        return re.sub(r"\s+", " ", v).strip()
    return v


def leaves(v):
    if isinstance(v, dict):
        return sum(leaves(x) for x in v.values()) or 1
    if isinstance(v, list):
        return sum(leaves(x) for x in v) or 1
    return 1


def key(x):
    if isinstance(x, dict):
        for k in ("text", "label", "name", "measure", "facility", "id"):
            if k in x:
                return norm(x[k])
        return json.dumps(x, sort_keys=True)
    return norm(x)


def align(w, g):
    n, m = len(w), len(g)
    L = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            L[i][j] = L[i + 1][j + 1] + 1 if key(w[i]) == key(g[j]) else max(L[i + 1][j], L[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if key(w[i]) == key(g[j]):
            pairs.append((i, j)); i += 1; j += 1
        elif L[i + 1][j] >= L[i][j + 1]:
            pairs.append((i, None)); i += 1
        else:
            pairs.append((None, j)); j += 1
    pairs += [(k, None) for k in range(i, n)] + [(None, k) for k in range(j, m)]
    # A pair of unmatched items at the same place is one item read wrongly:
    # compare it field by field rather than count it missing and extra.
    out, k = [], 0
    while k < len(pairs):
        a, b = pairs[k]
        if a is not None and b is None and k + 1 < len(pairs) and pairs[k + 1][0] is None:
            out.append((a, pairs[k + 1][1])); k += 2; continue
        if a is None and k + 1 < len(pairs) and pairs[k + 1][1] is None and pairs[k + 1][0] is not None:
            out.append((pairs[k + 1][0], b)); k += 2; continue
        out.append((a, b)); k += 1
    return out


def flat(cs):
    out = []
    for c in cs:
        out.append(c["text"])
        out += flat(c["children"])
    return out


def cmp(path, w, g, errs):
    """Returns (checked, wrong)."""
    if isinstance(w, dict):
        c = x = 0
        for k, wv in w.items():
            if k.endswith("_flat"):
                gv = flat(g.get(k[:-5], [])) if isinstance(g, dict) else None
            else:
                gv = g.get(k) if isinstance(g, dict) else None
            if isinstance(g, dict) and (k in g or k.endswith("_flat")):
                a, b = cmp(path + "." + k, wv, gv, errs)
            else:
                a = b = leaves(wv); errs.append(f"{path}.{k}: missing")
            c += a; x += b
        return c, x
    if isinstance(w, list):
        if not isinstance(g, list):
            errs.append(f"{path}: not a list: {str(g)[:80]}")
            return leaves(w), leaves(w)
        if not w:
            if g:
                errs.append(f"{path}: {len(g)} items, want none: {str(g)[:100]}")
                return 1, 1
            return 1, 0
        c = x = 0
        for a, b in align(w, g):
            if a is not None and b is not None:
                p, q = cmp(f"{path}[{a}]", w[a], g[b], errs)
                c += p; x += q
            elif a is not None:
                n = leaves(w[a]); c += n; x += n
                errs.append(f"{path}[{a}]: missing {str(key(w[a]))[:90]!r}")
            else:
                c += 1; x += 1
                errs.append(f"{path}: extra {str(key(g[b]))[:90]!r}")
        return c, x
    if norm(w) == norm(g):
        return 1, 0
    errs.append(f"{path}: got {str(norm(g))[:100]!r}, want {str(norm(w))[:100]!r}")
    return 1, 1


def main():
    root = sys.argv[1]
    verbose = "-v" in sys.argv
    total_c = total_x = 0
    by_layout = {}
    for exp_path in sorted(glob.glob(os.path.join(root, "*", "*.json"))):
        doc = exp_path[:-5] + ".txt"
        layout = os.path.basename(os.path.dirname(exp_path))
        want = json.load(open(exp_path))
        out = subprocess.run([TRIALS, "export", doc], capture_output=True, text=True)
        got = json.loads(out.stdout)[0] if out.stdout.strip().startswith("[") and json.loads(out.stdout) else {}
        errs = []
        c, x = cmp("", want, got, errs)
        total_c += c; total_x += x
        bc, bx = by_layout.get(layout, (0, 0))
        by_layout[layout] = (bc + c, bx + x)
        print(f"{layout}/{os.path.basename(doc)}: {x} of {c} wrong")
        if verbose:
            for e in errs:
                print("    " + e)
    for l, (c, x) in sorted(by_layout.items()):
        print(f"  {l}: {x} of {c} wrong ({100.0 * x / max(c, 1):.2f}%)")
    print(f"TOTAL: {total_x} of {total_c} checked fields wrong ({100.0 * total_x / max(total_c, 1):.2f}%)")


if __name__ == "__main__":
    main()
