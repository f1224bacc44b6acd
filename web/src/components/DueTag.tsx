import { Tag } from 'antd';

/** "剩3个工作日" / "超期5日": days left in the clock's own unit, red when overdue. */
export function DueTag({ daysLeft, unit, overdue }: { daysLeft: number | null; unit: string; overdue: boolean }) {
  if (daysLeft === null) return null;
  const u = unit === 'workday' ? '个工作日' : '日';
  // An hour clock is overdue from its due minute, on its due day already.
  if (overdue) return <Tag color="red">{daysLeft < 0 ? `超期${-daysLeft}${u}` : '已超时'}</Tag>;
  if (daysLeft === 0) return <Tag color="orange">今日到期</Tag>;
  return <Tag color={daysLeft <= 3 ? 'orange' : 'blue'}>剩{daysLeft}{u}</Tag>;
}
