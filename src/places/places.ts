// The deploying knowledge's place data: the units file (and the old districts' list), read
// when knowledge loads but parsed and indexed on first use. Indexing 3,355 units takes a
// few hundred milliseconds on a cold process; a server start (and its /readyz) should not
// wait for it.
import { join } from 'node:path';
import type { Locality } from '../knowledge/locality.ts';
import type { Problem } from '../knowledge/problems.ts';
import { Gazetteer, type Province } from './gazetteer.ts';
import { MentionReader } from './mentions.ts';
import { parseUnits } from './units.ts';
import { parseOldDistricts } from './old-districts.ts';
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';
import { readYamlFile } from '../knowledge/yaml-file.ts';
import { readIfPresent, shownPath } from '../knowledge/optional-file.ts';
import { z } from 'zod';

/** Where a knowledge directory keeps its units file. */
export const UNITS_FILE = join('places', 'units-2025.jsonl');
/** The districts before the merger, with their communes: the old units' districts the units file leaves out. Optional. */
export const DISTRICTS_FILE = join('places', 'districts-2024.jsonl');
/** Places abroad citizens name ("tôi đang ở Đài Trung"): read as no unit of Vietnam. Optional. */
export const ABROAD_FILE = join('places', 'abroad.yaml');

const abroadSchema = z.object({ names: z.array(z.coerce.string().trim().min(1)).default([]) }).strict();

interface Built {
  gazetteer: Gazetteer;
  reader: MentionReader;
  problems: Problem[];
}

export class Places {
  private built?: Built;
  private home?: { written: string; province: Province | undefined };

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly abroad: readonly string[] = [],
    /** Problems found while loading (the abroad file), beside those the units and districts files have. */
    private readonly loadProblems: readonly Problem[] = [],
    /** The districts before the merger (see DISTRICTS_FILE), as read. */
    private readonly districts?: { file: string; text: string },
  ) {}

  /** Indexes now rather than on the first message (for timings that should not include it). */
  warm(): void {
    this.build();
  }

  get gazetteer(): Gazetteer {
    return this.build().gazetteer;
  }

  get reader(): MentionReader {
    return this.build().reader;
  }

  /** The province a locality file names ("Tỉnh Mẫu (ví dụ)" names none). */
  homeProvince(written: string): Province | undefined {
    if (this.home?.written !== written) this.home = { written, province: written ? this.gazetteer.provinceNamed(written) : undefined };
    return this.home.province;
  }

  /** Lines not of the format (errors) and parts of `before` that name no unit (warnings), for `motcua lint`. */
  problems(): Problem[] {
    return this.build().problems;
  }

  /** Reception points of the locality file that name a commune code the units file does not have. */
  unknownCodes(locality: Locality, file: string): Problem[] {
    return locality.one_stop.flatMap((office, i) =>
      (office.communes ?? [])
        .filter((code) => !this.gazetteer.commune(code))
        .map((code) => ({ file, line: 1, field: `one_stop.${i}.communes`, message: K.unknownCommune(code, this.file), severity: 'error' as const })),
    );
  }

  private build(): Built {
    if (this.built) return this.built;
    const problems: Problem[] = [...this.loadProblems];
    const oldDistricts = this.districts ? parseOldDistricts(this.districts.text, this.districts.file, problems) : [];
    const gazetteer = new Gazetteer(parseUnits(this.text, this.file, problems), oldDistricts);
    for (const u of gazetteer.unread) {
      problems.push({ file: this.file, line: u.line, field: 'before', message: K.unreadableBefore(u.text, u.code), severity: 'warning' });
    }
    this.built = { gazetteer, reader: new MentionReader(gazetteer, this.abroad), problems };
    return this.built;
  }
}

/** The units file of a knowledge directory, or undefined when it has none. */
export async function loadPlaces(dir: string): Promise<Places | undefined> {
  const path = join(dir, UNITS_FILE);
  const text = await readIfPresent(path);
  if (text === undefined) return undefined;
  const problems: Problem[] = [];
  const abroad = await readYamlFile(join(dir, ABROAD_FILE), abroadSchema, problems);
  const districtsPath = join(dir, DISTRICTS_FILE);
  const districtsText = await readIfPresent(districtsPath);
  const districts = districtsText === undefined ? undefined : { file: shownPath(districtsPath), text: districtsText };
  return new Places(shownPath(path), text, abroad?.names ?? [], problems, districts);
}
