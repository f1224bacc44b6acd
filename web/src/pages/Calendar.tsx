import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, qs } from '../api.ts';
import { useMe } from '../session.tsx';

export function CalendarPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [result, setResult] = useState<any>();
  const [data, setData] = useState<any>();
  const load = () => api('/api/calendar/overrides').then(setData);
  useEffect(() => {
    load();
  }, []);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="期限计算">
        <Form
          layout="inline"
          initialValues={{ unit: 'workdays', n: 20 }}
          onFinish={async (v) => {
            try {
              setResult(await api(`/api/calendar/deadline?${qs({ from: v.from.format('YYYY-MM-DD'), [v.unit]: v.n })}`));
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
                const r = await api(`/api/calendar/overrides/${v.day.format('YYYY-MM-DD')}`, { method: 'PUT', body: { kind: v.kind, name: v.name } });
                message.success(`已保存，并重算了 ${r.recomputedCases} 件案件的期限`);
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
        <Table
          rowKey="day"
          size="small"
          dataSource={data?.overrides}
          locale={{ emptyText: '尚无补录；2004—2026年使用内置的国务院办公厅安排' }}
          columns={[
            { title: '日期', dataIndex: 'day' },
            { title: '类型', dataIndex: 'kind', render: (v) => (v === 'holiday' ? '放假' : '调休上班') },
            { title: '名称', dataIndex: 'name' },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          已确认录入完整的年度：{data?.years.map((y: any) => `${y.year}（${y.note}）`).join('、') || '无'}。未录入年度的期限按周一至周五推算并标注为暂定。
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
