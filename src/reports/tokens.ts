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
  const [r] = await renderTexts(k, [text], scope);
  return r;
}

/**
 * Renders several texts (a report's sections) with one computation of all their figures; each
 * text gets what renderTokens would give it alone.
 */
export async function renderTexts(k: Kernel, texts: string[], scope: IndicatorScope): Promise<{ text: string; figures: BoundFigure[]; unknown: string[] }[]> {
  const keys = new Map<string, string | null>();
  for (const token of new Set(texts.flatMap(tokensIn))) {
    try {
      keys.set(token, k.types.indicator(token).key);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      keys.set(token, null);
    }
  }
  const known = [...new Set([...keys.values()].filter((key) => key !== null))];
  // computeIndicators groups its answer by case type, so values are matched by key, never by position.
  const values = new Map((known.length ? await computeIndicators(k, scope, known) : []).map((v) => [v.key, v]));
  const bound = (token: string): BoundFigure => {
    const v = values.get(keys.get(token)!)!;
    return {
      token,
      key: v.key,
      name: v.name,
      value: v.value,
      unit: v.unit,
      display: display(v),
      ...(v.denominator !== undefined ? { numerator: v.numerator, denominator: v.denominator } : {}),
    };
  };
  return texts.map((text) => {
    const tokens = tokensIn(text);
    const figures = tokens.filter((t) => keys.get(t) !== null).map(bound);
    const byToken = new Map(figures.map((f) => [f.token, f.display]));
    return { text: text.replace(TOKEN, (m, ref) => byToken.get(ref) ?? m), figures, unknown: tokens.filter((t) => keys.get(t) === null) };
  });
}
