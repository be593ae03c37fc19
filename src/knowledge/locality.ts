// The deploying locality: who runs the bot, where its one-stop shops (reception points)
// are and which communes each serves, and the hotline. Answers and fallbacks read it;
// the shipped file is a marked example.
import { z } from 'zod';
import { readYamlFile } from './yaml-file.ts';
import type { Problem } from './problems.ts';
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';
import { NATIONAL_ONLY_TEXTS } from '../texts/citizens.ts';

const text = z.string().trim().min(1, K.empty);
const office = z
  .object({
    name: text,
    address: text,
    hours: text,
    phone: z.coerce.string().optional(),
    // The new communes (5-digit codes of knowledge/places/units-2025.jsonl) whose citizens this point receives; none: the whole locality.
    communes: z.array(z.coerce.string().regex(/^\d{5}$/, K.communeCode)).optional(),
  })
  .strict();

export const localitySchema = z
  .object({
    example: z.boolean().default(false),
    authority: text,
    province: z.string().trim().default(''),
    one_stop: z.array(office).min(1, K.noOffice),
    hotline: z.object({ phone: z.coerce.string().trim().min(1), hours: z.string().trim().default(''), email: z.string().trim().optional() }).strict(),
    portals: z.array(z.object({ name: text, url: z.string().url(K.url) }).strict()).default([]),
  })
  .strict();

export type Locality = z.infer<typeof localitySchema>;

/** Used when a knowledge directory has no locality file: only national facts. */
export const NATIONAL_ONLY: Locality = {
  example: true,
  authority: NATIONAL_ONLY_TEXTS.authority,
  province: '',
  one_stop: [NATIONAL_ONLY_TEXTS.office],
  hotline: { phone: '', hours: '' },
  portals: [NATIONAL_ONLY_TEXTS.portal],
};

export async function loadLocality(path: string, problems: Problem[]): Promise<Locality | undefined> {
  return readYamlFile(path, localitySchema, problems);
}
