import type { Kernel } from '../kernel/kernel.ts';
import { addDays } from '../kernel/calendar/dates.ts';
import { Random } from './random.ts';
import { company } from './people.ts';
import { spread, wd, cd, type Plan, type Step } from './district.ts';

/** 拖欠中小企业账款投诉 at the 区科工信局: a dozen a year (seed 001 reports 41户 over a campaign), most paid. */
const PAYERS: [string, 'organ' | 'institution'][] = [['青溪区某街道办事处', 'organ'], ['青溪区某中心学校', 'institution'], ['青溪区某医院', 'institution'], ['青溪区某局', 'organ']];

export function planSmePayments(k: Kernel, year: number, orgId: number, townships: string[]): Plan[] {
  const r = new Random(year * 6007 + 29);
  return spread(k, r, year, 12).map((on) => {
    const [payer, payerKind] = r.pick(PAYERS);
    const amount = r.int(20, 800) * 1000;
    // Delivered long enough before the complaint that the 30 日 of art. 9 have run out.
    const fields = { receivedOn: on, complainant: company(r, townships).name, payer, payerKind, subject: r.pick(['goods', 'works', 'services']), amount, deliveredOn: addDays(on, -r.int(45, 150)) };
    const steps: Step[] = [];
    if (r.chance(0.1)) {
      steps.push({ on: wd(k, on, r.int(2, 8)), action: 'reject', data: { reason: '投诉事项已进入诉讼程序' } });
    } else {
      const accepted = wd(k, on, r.int(2, 9));
      steps.push({ on: accepted, action: 'accept', data: { handler: payer.includes('学校') ? '区教体局' : '区财政局' } });
      const done = cd(k, accepted, r.int(10, 36));
      const full = r.chance(0.75);
      const paid = full ? amount : Math.round(amount * r.int(3, 7)) / 10;
      steps.push({ on: done, action: 'conclude', data: { finding: full ? 'paid' : 'partly_paid', paid, paidOn: addDays(done, -1), interestBasis: 'none', result: full ? '被投诉人已全额支付，书面反馈投诉人' : '被投诉人已支付部分款项，余款约定分期支付' } });
    }
    return { type: 'sme_payment_complaint', orgId, fields, steps, stall: r.next() };
  });
}
