#!/usr/bin/env python3
"""Validate the motcua evaluation set and print its counts.

Usage (from the project root):  python3 test/eval/validate.py [--markdown]

Reads only test/eval/*.jsonl, test/eval/catalog.tsv and knowledge/national/dvc-procedures.jsonl.gz.
Exits non-zero when a check fails.
"""
import collections
import gzip
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
CATALOG = os.path.join(ROOT, 'test', 'eval', 'catalog.tsv')
DVC = os.path.join(ROOT, 'knowledge', 'national', 'dvc-procedures.jsonl.gz')

STYLES = ['accented', 'unaccented', 'teencode', 'typo', 'keyword', 'long']
STYLE_TARGET = {'accented': .30, 'unaccented': .25, 'teencode': .15, 'typo': .10, 'keyword': .10, 'long': .10}
SPLITS = ['dev', 'frozen']
errors = []


def err(msg):
    errors.append(msg)


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


def kind(expect):
    if expect == '@none':
        return 'none'
    if expect == '@complaint':
        return 'complaint'
    return 'list' if isinstance(expect, list) else 'single'


def read_jsonl(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err(f'{os.path.basename(path)}:{n}: empty line')
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                err(f'{os.path.basename(path)}:{n}: bad JSON: {e}')
                continue
            if set(r) != {'q', 'expect', 'style', 'split'}:
                err(f'{os.path.basename(path)}:{n}: keys {sorted(r)}')
            if unicodedata.normalize('NFC', r.get('q', '')) != r.get('q'):
                err(f'{os.path.basename(path)}:{n}: q is not NFC')
            r['_line'] = n
            rows.append(r)
    return rows


def check_style(r, where):
    q, s = r['q'], r['style']
    if s not in STYLES:
        err(f'{where}: unknown style {s!r}')
    elif s == 'unaccented' and not is_ascii(q):
        err(f'{where}: unaccented line has diacritics: {q}')
    elif s == 'teencode' and not is_ascii(q):
        err(f'{where}: teencode line has diacritics (all teencode lines here are unaccented): {q}')
    elif s in ('accented', 'typo') and is_ascii(q):
        err(f'{where}: {s} line has no diacritics: {q}')
    elif s == 'long':
        sentences = [x for x in re.split(r'[.?!]+\s', q.strip()) if x.strip()]
        if len(q) < 120 or len(sentences) < 2:
            err(f'{where}: long line is not a 2-4 sentence story: {q}')
    elif s == 'keyword' and (len(q.split()) > 8 or q.rstrip().endswith('?')):
        err(f'{where}: keyword line looks like a sentence: {q}')


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def main():
    md = '--markdown' in sys.argv
    catalog = {}
    with open(CATALOG, encoding='utf-8') as f:
        for line in f.read().splitlines()[1:]:
            cols = line.split('\t')
            catalog[cols[0]] = cols[2]
    cat_codes = {c for c in catalog.values() if c}
    dvc = {}
    with gzip.open(DVC, 'rt', encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            dvc[r['ma_thu_tuc']] = r['ten_thu_tuc']

    # ---------------- questions.jsonl ----------------
    qs = read_jsonl(os.path.join(HERE, 'questions.jsonl'))
    seen_q = {}
    for r in qs:
        where = f"questions.jsonl:{r['_line']}"
        check_style(r, where)
        if r['split'] not in SPLITS:
            err(f'{where}: bad split {r["split"]!r}')
        e = r['expect']
        if isinstance(e, list):
            if len(e) < 2 or len(set(e)) != len(e):
                err(f'{where}: expect list must hold >= 2 distinct ids')
            for x in e:
                if x not in catalog:
                    err(f'{where}: unknown id {x!r}')
        elif e not in ('@none', '@complaint') and e not in catalog:
            err(f'{where}: unknown id {e!r}')
        key = r['q'].strip().lower()
        if key in seen_q:
            err(f'{where}: duplicate of line {seen_q[key]}')
        seen_q[key] = r['_line']

    N = len(qs)
    by_kind = collections.Counter(kind(r['expect']) for r in qs)
    # per-entry coverage (single-id lines only for the hard rule; list lines reported separately)
    single = collections.defaultdict(collections.Counter)
    any_ = collections.defaultdict(collections.Counter)
    for r in qs:
        e = r['expect']
        ids = e if isinstance(e, list) else ([e] if kind(e) == 'single' else [])
        for x in ids:
            any_[x][r['split']] += 1
            if not isinstance(e, list):
                single[x][r['split']] += 1
    for cid in catalog:
        c = single[cid]
        if c['dev'] + c['frozen'] < 5 or c['dev'] < 2 or c['frozen'] < 2:
            err(f'catalog id {cid}: {c["dev"]} dev + {c["frozen"]} frozen single-id lines (need >= 5, >= 2 each)')

    # proportions
    if not 540 <= N <= 600:
        err(f'questions.jsonl has {N} lines (aim ~560)')
    if not 13 <= pct(by_kind['none'], N) <= 17:
        err(f'@none is {pct(by_kind["none"], N):.1f}% (aim ~15%)')
    if not 6.5 <= pct(by_kind['complaint'], N) <= 9.5:
        err(f'@complaint is {pct(by_kind["complaint"], N):.1f}% (aim ~8%)')
    if pct(by_kind['list'], N) >= 10:
        err(f'list expects are {pct(by_kind["list"], N):.1f}% (must stay under 10%)')
    st = collections.Counter(r['style'] for r in qs)
    for s in STYLES:
        if abs(pct(st[s], N) - 100 * STYLE_TARGET[s]) > 4:
            err(f'style {s} is {pct(st[s], N):.1f}% (aim {100 * STYLE_TARGET[s]:.0f}%)')
    sp = collections.Counter(r['split'] for r in qs)
    if not 37 <= pct(sp['frozen'], N) <= 43:
        err(f'frozen is {pct(sp["frozen"], N):.1f}% (aim 40%)')
    # each kind and each style in both splits, roughly 40% frozen
    for label, key in (('kind', lambda r: kind(r['expect'])), ('style', lambda r: r['style'])):
        tot = collections.Counter(key(r) for r in qs)
        fr = collections.Counter(key(r) for r in qs if r['split'] == 'frozen')
        for k, t in tot.items():
            if fr[k] == 0 or fr[k] == t or not 30 <= pct(fr[k], t) <= 50:
                err(f'{label} {k}: {fr[k]}/{t} frozen ({pct(fr[k], t):.0f}%), want ~40% and both splits')

    # ---------------- imported.jsonl ----------------
    imp = read_jsonl(os.path.join(HERE, 'imported.jsonl'))
    norm_groups = collections.defaultdict(set)

    def norm(n):
        n = unicodedata.normalize('NFC', n).lower()
        n = re.sub(r'\((thực hiện|cấp)[^)]*\)', '', n)
        n = re.sub(r'thực hiện (tại|ở) cấp (tỉnh|xã|huyện|trung ương|bộ|tinh)', '', n)
        n = re.sub(r'^thủ tục:?\s*', '', n)
        n = re.sub(r'[^\w\s]', ' ', n)
        return ' '.join(n.split())
    for c, name in dvc.items():
        norm_groups[norm(name)].add(c)
    used = {}
    for r in imp:
        where = f"imported.jsonl:{r['_line']}"
        check_style(r, where)
        if r['split'] != 'frozen':
            err(f'{where}: imported lines must all be frozen')
        e = r['expect']
        codes = e if isinstance(e, list) else [e]
        for c in codes:
            if not isinstance(c, str) or c not in dvc:
                err(f'{where}: code {c!r} not in the dvc file')
            elif c in cat_codes:
                err(f'{where}: code {c} is a catalog code')
        for c in codes:
            if c in dvc:
                missing = norm_groups[norm(dvc[c])] - set(codes)
                if missing:
                    err(f'{where}: twin codes {sorted(missing)} of {c} not listed')
        key = r['q'].strip().lower()
        if key in seen_q:
            err(f'{where}: same text as questions.jsonl line {seen_q[key]}')
        if key in used:
            err(f'{where}: duplicate of imported line {used[key]}')
        used[key] = r['_line']
    if len(imp) < 70:
        err(f'imported.jsonl has {len(imp)} lines (need >= 70)')
    if len({tuple(sorted(r['expect'])) if isinstance(r['expect'], list) else r['expect'] for r in imp}) != len(imp):
        err('imported.jsonl: two lines share an expected procedure')

    # ---------------- report ----------------
    def table(rows, header):
        out = ['| ' + ' | '.join(header) + ' |', '|' + '---|' * len(header)]
        out += ['| ' + ' | '.join(str(x) for x in row) + ' |' for row in rows]
        return '\n'.join(out)

    kinds = ['single', 'list', 'none', 'complaint']
    kind_label = {'single': 'one catalog id', 'list': 'list of ids', 'none': '@none', 'complaint': '@complaint'}
    rows = []
    for k in kinds:
        d = sum(1 for r in qs if kind(r['expect']) == k and r['split'] == 'dev')
        f = sum(1 for r in qs if kind(r['expect']) == k and r['split'] == 'frozen')
        rows.append([kind_label[k], d, f, d + f, f'{pct(d + f, N):.1f}%'])
    rows.append(['**total**', sp['dev'], sp['frozen'], N, '100%'])
    print('### questions.jsonl by expect kind and split\n')
    print(table(rows, ['expect', 'dev', 'frozen', 'total', 'share']))
    rows = []
    for s in STYLES:
        d = sum(1 for r in qs if r['style'] == s and r['split'] == 'dev')
        f = sum(1 for r in qs if r['style'] == s and r['split'] == 'frozen')
        rows.append([s, d, f, d + f, f'{pct(d + f, N):.1f}%', f'{100 * STYLE_TARGET[s]:.0f}%'])
    print('\n### questions.jsonl by style and split\n')
    print(table(rows, ['style', 'dev', 'frozen', 'total', 'share', 'target']))
    per = [sum(single[c].values()) for c in catalog]
    print(f'\nCatalog coverage: all {len(catalog)} ids; single-id lines per id: min {min(per)}, max {max(per)} '
          f'(min dev {min(single[c]["dev"] for c in catalog)}, min frozen {min(single[c]["frozen"] for c in catalog)}); '
          f'{by_kind["list"]} list lines add {sum(len(r["expect"]) for r in qs if kind(r["expect"]) == "list")} more id mentions.')
    ist = collections.Counter(r['style'] for r in imp)
    ik = collections.Counter('list of twin codes' if isinstance(r['expect'], list) else 'one code' for r in imp)
    sectors = collections.Counter()
    print('\n### imported.jsonl (all frozen)\n')
    print(table([[s, ist[s]] for s in STYLES] + [['**total**', len(imp)]], ['style', 'lines']))
    print(f'\nExpect: {ik["one code"]} lines with one code, {ik["list of twin codes"]} with a list of twin codes; '
          f'{len({c for r in imp for c in (r["expect"] if isinstance(r["expect"], list) else [r["expect"]])})} distinct codes.')

    if errors:
        print('\nFAILED:', file=sys.stderr)
        for e in errors:
            print('  - ' + e, file=sys.stderr)
        sys.exit(1)
    print('\nAll checks passed.')


if __name__ == '__main__':
    main()
