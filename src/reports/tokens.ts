import type { Kernel } from '../kernel/kernel.ts';
import { computeIndicators, type IndicatorScope, type IndicatorValue } from '../kernel/indicators/compute.ts';
import { AppError } from '../kernel/errors.ts';

/**
 * Figure tokens in report text: {{人民调解.受理}} or {{mediation.accepted}}. A token renders the
 * number only (the sentence carries the unit: "受理人民调解案件{{人民调解.受理}}起"); a rate renders
 * with its percent sign. Rates are always computed from their parts, never typed.
 */
export const TOKEN = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export interface BoundFigure {
  token: string;
  key: string;
  name: string;
  value: number | null;
  unit: string;
  display: string;
  numerator?: number;
  denominator?: number;
}

export const tokensIn = (text: string) => [...new Set([...text.matchAll(TOKEN)].map((m) => m[1]))];

export function display(v: Pick<IndicatorValue, 'value' | 'unit'>): string {
  if (v.value === null) return '—';
  const n = Number.isInteger(v.value) ? String(v.value) : String(Math.round(v.value * 100) / 100);
  return v.unit === '%' ? `${n}%` : n;
}

/** Renders every token in the text for an org subtree and period; unknown tokens are named, not guessed. */
export async function renderTokens(k: Kernel, text: string, scope: IndicatorScope): Promise<{ text: string; figures: BoundFigure[]; unknown: string[] }> {
  const refs = tokensIn(text);
  const unknown: string[] = [];
  const known: string[] = [];
  for (const r of refs) {
    try {
      k.types.indicator(r);
      known.push(r);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      unknown.push(r);
    }
  }
  const values = known.length ? await computeIndicators(k, scope, known) : [];
  const figures: BoundFigure[] = known.map((token, i) => ({
    token,
    key: values[i].key,
    name: values[i].name,
    value: values[i].value,
    unit: values[i].unit,
    display: display(values[i]),
    ...(values[i].denominator !== undefined ? { numerator: values[i].numerator, denominator: values[i].denominator } : {}),
  }));
  const byToken = new Map(figures.map((f) => [f.token, f.display]));
  return { text: text.replace(TOKEN, (m, ref) => byToken.get(ref) ?? m), figures, unknown };
}
