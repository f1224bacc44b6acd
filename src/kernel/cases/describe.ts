import { z } from 'zod';
import type { CaseTypeRegistry } from './registry.ts';
import { actionForm } from './engine.ts';
import { UNIT_WORDS } from './define.ts';
import { isRate } from '../indicators/define.ts';

/** A case type as data for the CLI, the API and the console. */
export function describeCaseTypes(types: CaseTypeRegistry) {
  return types.all().map((t) => ({
    key: t.key,
    name: t.name,
    group: t.group ?? 'case',
    basis: t.basis,
    initial: t.initial,
    states: Object.entries(t.states).map(([key, s]) => ({ key, label: s.label, final: s.final === true })),
    actions: t.actions.map((a) => ({ ...actionForm(a), from: a.from, to: a.to ?? null, system: a.system === true })),
    clocks: t.clocks.map((c) => ({
      key: c.key,
      label: c.label,
      basis: c.basis,
      length: typeof c.length === 'number' ? c.length : null,
      lengthLabel: c.lengthLabel ?? null,
      unit: c.unit,
      unitLabel: UNIT_WORDS[c.unit],
      dayRule: c.dayRule ?? null,
      startOn: c.startOn,
      stopOn: c.stopOn,
      pauseOn: c.pauseOn ?? [],
      resumeOn: c.resumeOn ?? [],
      extendOn: c.extendOn ?? [],
      maxExtension: c.maxExtension ?? 0,
      onExpiry: c.onExpiry?.action ?? null,
    })),
    outcomes: Object.entries(t.outcomes).map(([key, label]) => ({ key, label })),
    indicators: t.indicators.map((i) => ({
      key: `${t.key}.${i.key}`,
      name: `${t.name}.${i.label}`,
      label: i.label,
      unit: i.unit,
      description: i.description,
      ...(isRate(i) ? { rate: { numerator: `${t.key}.${i.rate.numerator}`, denominator: `${t.key}.${i.rate.denominator}` } } : {}),
    })),
    intake: z.toJSONSchema(t.intake, { io: 'input', unrepresentable: 'any' }),
  }));
}
