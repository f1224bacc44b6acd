/**
 * A case's state with its outcome, saying each thing once: 已决定（撤销）, but 不予受理 rather than
 * 不予受理（不予受理）, and 撤回申请终止（含和解） rather than 终止（撤回申请终止（含和解））.
 */
export function stateWithOutcome(state: string, outcome?: string | null): string {
  if (!outcome || outcome === state) return state;
  return outcome.includes(state) ? outcome : `${state}（${outcome}）`;
}
