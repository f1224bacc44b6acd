import type { CaseTypeDef } from './define.ts';
import { isRate, type IndicatorDef } from '../indicators/define.ts';
import { notFound } from '../errors.ts';

/** Case types plug in here; nothing else in the kernel names an institution. */
export class CaseTypeRegistry {
  private readonly types = new Map<string, CaseTypeDef>();

  constructor(defs: CaseTypeDef[]) {
    for (const d of defs) this.register(d);
  }

  register(def: CaseTypeDef): void {
    if (this.types.has(def.key)) throw new Error(`case type ${def.key} registered twice`);
    for (const ind of def.indicators) {
      if (isRate(ind)) {
        for (const part of [ind.rate.numerator, ind.rate.denominator]) {
          if (!def.indicators.some((i) => i.key === part && !isRate(i))) throw new Error(`${def.key}.${ind.key}: unknown part ${part}`);
        }
      }
    }
    this.types.set(def.key, def);
  }

  get(key: string): CaseTypeDef {
    const d = this.types.get(key);
    if (!d) throw notFound(`案件类型「${key}」`);
    return d;
  }

  all(): CaseTypeDef[] {
    return [...this.types.values()];
  }

  /** Finds an indicator by its key (reconsideration.accepted) or its Chinese name (行政复议.受理). */
  indicator(ref: string): { type: CaseTypeDef; def: IndicatorDef; key: string } {
    const [t, i] = ref.split('.');
    for (const type of this.types.values()) {
      if (type.key !== t && type.name !== t) continue;
      const def = type.indicators.find((d) => d.key === i || d.label === i);
      if (def) return { type, def, key: `${type.key}.${def.key}` };
    }
    throw notFound(`指标「${ref}」`);
  }
}
