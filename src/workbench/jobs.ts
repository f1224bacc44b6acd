import type { Kernel } from '../kernel/kernel.ts';
import { channelConfigFromEnv, deliverDue, type ChannelConfig } from './channels.ts';
import { escalateOverdue } from './warnings.ts';

/**
 * The server's background duties for the workbench: red warnings escalated every hour, queued
 * outbound sends delivered every 30 seconds. A run never overlaps the previous one.
 */
export function startWorkbenchJobs(k: Kernel, config: ChannelConfig = channelConfigFromEnv(), log: (msg: string) => void = console.log): () => void {
  const guarded = (name: string, fn: () => Promise<unknown>) => {
    let busy = false;
    return () => {
      if (busy) return;
      busy = true;
      fn()
        .catch((e) => log(`${name}失败：${e instanceof Error ? e.message : String(e)}`))
        .finally(() => (busy = false));
    };
  };
  const escalate = guarded('超期预警上报', () => escalateOverdue(k));
  const deliver = guarded('站外提醒发送', () => deliverDue(k, config));
  if (k.engine === 'pglite') log('站外提醒：嵌入式数据库下由本进程逐批发送；停机期间的提醒在启动后补发。');
  escalate();
  const timers = [setInterval(escalate, 3_600_000), setInterval(deliver, 30_000)];
  for (const t of timers) t.unref();
  return () => timers.forEach(clearInterval);
}
