import { useEffect, useState } from 'react';
import { useToast } from '../components/toast.ts';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Progress, Radio, Select, Space, Typography } from 'antd';
import { DataTable } from '../components/DataTable.tsx';
import { WarningRulesCard } from './Workbench.tsx';
import dayjs from 'dayjs';
import { get, post, put } from '../api.ts';
import { useMe } from '../session.tsx';

export function CalendarPage() {
  const me = useMe();
  const message = useToast();
  const [result, setResult] = useState<any>();
  const [data, setData] = useState<any>();
  const [recompute, setRecompute] = useState<any>();
  const load = () => get('/api/calendar/overrides').then(setData);
  // Due dates are recomputed in the background after a change; its progress is polled here.
  const follow = (status: any) => {
    setRecompute(status);
    if (!status.running) return;
    const poll = async () => {
      const s = (await get('/api/calendar/recompute')) as { running: boolean };
      setRecompute(s);
      if (s.running) setTimeout(poll, 700);
    };
    setTimeout(poll, 700);
  };
  useEffect(() => {
    load();
    get('/api/calendar/recompute').then((s) => follow(s as { running: boolean }), () => undefined);
  }, []);
  const [confirming, setConfirming] = useState(false);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="期限计算">
        <Form
          layout="inline"
          initialValues={{ unit: 'workdays', n: 20 }}
          onFinish={async (v) => {
            try {
              setResult(await get('/api/calendar/deadline', { query: { from: v.from.format('YYYY-MM-DD'), [v.unit]: v.n } }));
            } catch (e: any) {
              message.error(e.message);
            }
          }}
        >
          <Form.Item name="from" label="起算日" rules={[{ required: true, message: '请选择起算日' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="n" label="期限">
            <InputNumber min={1} max={3650} />
          </Form.Item>
          <Form.Item name="unit">
            <Radio.Group options={[{ value: 'workdays', label: '工作日' }, { value: 'days', label: '自然日' }]} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            计算
          </Button>
        </Form>
        {result && (
          <div style={{ marginTop: 16 }}>
            <Typography.Title level={4} data-testid="deadline-result">
              届满日：{result.due}（{dayjs(result.due).format('dddd')}）
            </Typography.Title>
            {result.warnings.map((w: string) => <Alert key={w} type="warning" title={w} />)}
            <Typography.Text type="secondary">起算日不计入；自然日期限届满日为节假日的，顺延至节假日后第一个工作日。</Typography.Text>
          </div>
        )}
      </Card>
      <Card title="节假日与调休（在国务院办公厅通知的基础上补录）">
        {me.role === 'admin' && (
          <Form
            layout="inline"
            style={{ marginBottom: 16 }}
            onFinish={async (v) => {
              try {
                const r: any = await put('/api/calendar/overrides/{day}', { params: { day: v.day.format('YYYY-MM-DD') }, body: { kind: v.kind, name: v.name } });
                message.success('已保存；各案件的期限正在后台重算');
                follow(r.recompute);
                load();
              } catch (e: any) {
                message.error(e.message);
              }
            }}
          >
            <Form.Item name="day" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="kind" initialValue="holiday">
              <Select style={{ width: 120 }} options={[{ value: 'holiday', label: '放假' }, { value: 'workday', label: '调休上班' }]} />
            </Form.Item>
            <Form.Item name="name" rules={[{ required: true, message: '请填写名称' }]}>
              <Input placeholder="如：2027年春节" />
            </Form.Item>
            <Button htmlType="submit">保存</Button>
          </Form>
        )}
        {recompute && (recompute.running || recompute.finishedAt) && (
          <div style={{ marginBottom: 12 }} data-testid="recompute-progress">
            <Typography.Text>{recompute.running ? `正在重算案件期限：${recompute.done} / ${recompute.total}` : recompute.error ?? `期限重算已完成（${recompute.total} 件）`}</Typography.Text>
            <Progress percent={recompute.total ? Math.floor((recompute.done / recompute.total) * 100) : 0} status={recompute.error ? 'exception' : recompute.running ? 'active' : 'success'} />
          </div>
        )}
        <DataTable
          id="calendar-overrides"
          exportName="节假日补录"
          rowKey="day"
          size="small"
          dataSource={data?.overrides}
          locale={{ emptyText: '尚无补录；2004—2026年使用内置的国务院办公厅安排' }}
          columns={[
            { title: '日期', dataIndex: 'day' },
            { title: '类型', dataIndex: 'kind', render: (v: string) => (v === 'holiday' ? '放假' : '调休上班'), exportValue: (r: any) => (r.kind === 'holiday' ? '放假' : '调休上班') },
            { title: '名称', dataIndex: 'name' },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          内置2004—2026年国务院办公厅安排；另经确认录入完整的年度：{data?.years.map((y: any) => `${y.year}（${y.note}）`).join('、') || '无'}。未录入年度的期限按周一至周五推算并标注为暂定。
        </Typography.Paragraph>
        {me.role === 'admin' && (
          <Form
            layout="inline"
            onFinish={async (v) => {
              setConfirming(true);
              try {
                const r: any = await post('/api/calendar/years', { body: { year: v.year, note: v.note } });
                message.success(`已确认${v.year}年节假日安排录入完整；各案件的期限正在后台重算`);
                follow(r.recompute);
                load();
              } catch (e: any) {
                message.error(e.message);
              } finally {
                setConfirming(false);
              }
            }}
          >
            <Form.Item name="year" label="确认全年" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2000} max={2100} placeholder="如 2027" aria-label="确认全年：年度" />
            </Form.Item>
            <Form.Item name="note" rules={[{ required: true, message: '请填写依据' }]}>
              <Input placeholder="依据，如国务院办公厅通知文号" aria-label="确认全年：依据" style={{ width: 280 }} />
            </Form.Item>
            <Button htmlType="submit" loading={confirming}>
              确认该年已录入完整
            </Button>
          </Form>
        )}
      </Card>
      {me.role === 'admin' && <WarningRulesCard />}
    </Space>
  );
}
