import { z } from 'zod';
import { f } from './define.ts';

/**
 * 送达 and 在途. A period the law runs "from receipt of the notice" starts on the day the
 * 送达回证 (or the postal or electronic receipt) shows; the step's `servedOn` carries it and the
 * clock starts there. A party's filing sent by post counts from the posting date, because
 * 在途时间不计算在期间内 (民事诉讼法 art. 85 ¶4, applied by 行政诉讼法 art. 101 and 行政复议法 art. 88).
 */
export const SERVICE_METHODS = {
  direct: '直接送达',
  left: '留置送达',
  post: '邮寄送达',
  electronic: '电子送达',
  entrusted: '委托送达',
  announcement: '公告送达',
};

export const serviceFields = z.object({
  method: f.choice('送达方式', SERVICE_METHODS),
  servedOn: f.date('受送达人签收日期（送达回证）'),
});

export const postedOnField = z.object({
  postedOn: f.date('交邮日期（邮寄提交的填写，在途时间不计入期限）').optional(),
});

/** The step's own date is the day the 送达回证 came back; the receipt it records cannot be later. */
export const servedNotAfterStep = ({ data, on }: { data: Record<string, any>; on: string }) =>
  data.servedOn && data.servedOn > on ? `签收日期（${data.servedOn}）不能晚于登记日期（${on}）` : undefined;

export const postedNotAfterStep = ({ data, on }: { data: Record<string, any>; on: string }) =>
  data.postedOn && data.postedOn > on ? `交邮日期（${data.postedOn}）不能晚于收到日期（${on}）` : undefined;
