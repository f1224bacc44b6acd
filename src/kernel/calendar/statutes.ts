import type { DayUnit } from './calendar.ts';

/**
 * How each statute counts its own periods. Institutions write a period as the law writes it
 * ("7日" under 行政处罚法) and name the statute; the kernel turns the short 日 periods the statute
 * declares to be 工作日 into working days, so no institution has to remember the rule.
 * Natural-day periods that end on a rest day move to the next working day (民事诉讼法 art. 85 ¶3,
 * applied by 行政诉讼法 art. 101 and 行政复议法 art. 88 ¶1; 民法典 art. 203).
 */
export interface StatuteDayRule {
  name: string;
  /** The article that says which 日 are 工作日. */
  article: string;
  /** Is an n-日 period of this statute a working-day period? */
  workday: (length: number) => boolean;
  /** The rule in one sentence, shown beside the clock. */
  rule: string;
}

export const STATUTE_DAY_RULES = {
  reconsideration: {
    name: '行政复议法',
    article: '行政复议法第八十八条第二款',
    workday: (n) => [3, 5, 7, 10].includes(n),
    rule: '本法关于“三日”“五日”“七日”“十日”的规定是指工作日，不含法定休假日',
  },
  penalty: {
    name: '行政处罚法',
    article: '行政处罚法第八十五条',
    workday: (n) => [2, 3, 5, 7].includes(n),
    rule: '本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日',
  },
  licensing: {
    name: '行政许可法',
    article: '行政许可法第八十二条',
    workday: () => true,
    rule: '行政机关实施行政许可的期限以工作日计算，不含法定节假日',
  },
  coercion: {
    name: '行政强制法',
    article: '行政强制法第六十九条',
    workday: (n) => n <= 10,
    rule: '本法中十日以内期限的规定是指工作日，不含法定节假日',
  },
  disclosure: {
    name: '政府信息公开条例',
    article: '政府信息公开条例第三十条至第三十三条',
    workday: () => true,
    rule: '条例规定的补正、征求意见和答复期限均以工作日表述',
  },
  civil_procedure: {
    name: '民事诉讼法（行政诉讼法第一百零一条准用）',
    article: '民事诉讼法第八十五条',
    workday: () => false,
    rule: '期间以日计算，期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期',
  },
} satisfies Record<string, StatuteDayRule>;

export type StatuteKey = keyof typeof STATUTE_DAY_RULES;

/** The unit the statute gives an n-日 period; 工作日 and 月 periods are kept as written. */
export function statuteUnit(statute: StatuteKey | undefined, length: number, written: DayUnit): DayUnit {
  if (!statute || written !== 'day') return written;
  return STATUTE_DAY_RULES[statute].workday(length) ? 'workday' : 'day';
}
