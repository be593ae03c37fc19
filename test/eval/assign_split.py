#!/usr/bin/env python3
"""Assigns the dev/frozen split of the independent sets once, with a fixed seed.

Run once when a writer's file arrives; lines that already have a split keep it, so the
frozen part never moves. About 40% of each (writer, style or kind, expect kind) group is
frozen. Usage: python3 test/eval/assign_split.py FILE.jsonl [...]
"""
import json
import random
import sys
from collections import defaultdict

SEED = 20261204
FROZEN_SHARE = 0.4


def group_of(row):
    expect = row.get('expect')
    kind = expect if isinstance(expect, str) and expect.startswith('@') else ('list' if isinstance(expect, list) else 'id')
    return (row.get('writer'), row.get('style') or row.get('kind'), kind if 'turns' not in row else '')


for path in sys.argv[1:]:
    rows = [json.loads(line) for line in open(path, encoding='utf-8') if line.strip()]
    groups = defaultdict(list)
    for i, row in enumerate(rows):
        if 'split' not in row:
            groups[group_of(row)].append(i)
    rng = random.Random(f'{SEED}:{path.split("/")[-1]}')
    for key in sorted(groups, key=str):
        members = groups[key]
        rng.shuffle(members)
        frozen = round(len(members) * FROZEN_SHARE)
        for n, i in enumerate(members):
            rows[i]['split'] = 'frozen' if n < frozen else 'dev'
    with open(path, 'w', encoding='utf-8') as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + '\n')
    counts = defaultdict(int)
    for row in rows:
        counts[row['split']] += 1
    print(path, dict(counts))
