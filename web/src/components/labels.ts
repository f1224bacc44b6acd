/**
 * A case's state with its outcome, saying each thing once: 已决定（撤销）, but 不予受理 rather than
 * 不予受理（不予受理）, and 撤回申请终止（含和解） rather than 终止（撤回申请终止（含和解））.
 */
export function stateWithOutcome(state: string, outcome?: string | null): string {
  if (!outcome || outcome === state) return state;
  return outcome.includes(state) ? outcome : `${state}（${outcome}）`;
}

/** 报送方式 of a report line or a yearly publication: the server's DELIVERY_CHANNELS (src/reports/workflow.ts). */
export const DELIVERY_CHANNELS = { exchange: '公文交换', confidential: '机要交通', e_document: '电子公文系统', in_person: '当面报送', other: '其他方式' };

/** A label map as a Select's options. */
export const optionsOf = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));
