// HTML built from tagged templates that escape every interpolated value unless it is
// itself built this way: complaint text is untrusted, and forgetting to escape one
// field must not be possible by accident.
import { escapeHtml } from '../shared/escape-html.ts';

export class Html {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}


/** Nothing for null, undefined and false; arrays joined; Html as it is; everything else escaped. */
function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => (out += render(value) + strings[i + 1]!));
  return new Html(out);
}
