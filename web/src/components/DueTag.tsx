import { Tag } from 'antd';

/** "剩3个工作日" / "超期5日": days left in the clock's own unit, red when overdue. */
export function DueTag({ daysLeft, unit, overdue }: { daysLeft: number | null; unit: 'day' | 'workday'; overdue: boolean }) {
  if (daysLeft === null) return null;
  const u = unit === 'workday' ? '个工作日' : '日';
  if (overdue) return <Tag color="red">超期{-daysLeft}{u}</Tag>;
  if (daysLeft === 0) return <Tag color="orange">今日到期</Tag>;
  return <Tag color={daysLeft <= 3 ? 'orange' : 'blue'}>剩{daysLeft}{u}</Tag>;
}
