import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Badge, Card, Empty, InputNumber, Segmented, Space, Switch, Tag, Typography } from 'antd';
import { get, put, type Reply } from '../api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { DueTag } from '../components/DueTag.tsx';

/** 我的待办 on the home page: every kind with its count, each item linking to where the step is taken. */
export function TodoPanel() {
  const [data, setData] = useState<Reply<'/api/todos'>>();
  const [kind, setKind] = useState<string>('all');
  useEffect(() => {
    get('/api/todos').then(setData, () => undefined);
  }, []);
  if (!data) return <Card title="我的待办" loading />;
  const items = data.items.filter((i: any) => kind === 'all' || i.kind === kind);
  return (
    <Card
      title={
        <Space>
          我的待办
          <Badge count={data.total} overflowCount={999} showZero color={data.total ? '#cf1322' : '#999'} data-testid="todo-total" />
        </Space>
      }
      data-testid="todo-panel"
    >
      <Segmented
        aria-label="待办类别"
        value={kind}
        onChange={(v) => setKind(String(v))}
        options={[{ value: 'all', label: `全部 ${data.total}` }, ...Object.entries(data.kinds).map(([k, label]) => ({ value: k, label: `${label} ${data.counts[k]}` }))]}
        style={{ marginBottom: 12 }}
      />
      {items.length ? (
        <DataTable
          id="todos"
          exportName="我的待办"
          rowKey={(r: any) => r.link}
          size="small"
          dataSource={items}
          pagination={{ pageSize: 8, showSizeChanger: false }}
          data-testid="todo-table"
          columns={[
            { title: '类别', dataIndex: 'kind', width: 90, render: (v: string) => <Tag>{data.kinds[v]}</Tag>, exportValue: (r: any) => data.kinds[r.kind] },
            { title: '待办事项', dataIndex: 'what', render: (v: string, r: any) => <Link to={r.link}>{v}</Link> },
            { title: '案号/报告', dataIndex: 'number', render: (v: string, r: any) => <Link to={r.link}>{v ?? r.title}</Link>, exportValue: (r: any) => r.number ?? r.title },
            { title: '事项', dataIndex: 'title', ellipsis: true },
            { title: '单位', dataIndex: 'orgName', width: 150 },
            { title: '经办人', dataIndex: 'handlerName', width: 90, render: (v: string, r: any) => (r.mine ? <Tag color="blue">我经办</Tag> : v) },
            { title: '期限', dataIndex: 'dueOn', width: 110, render: (v: string, r: any) => (v ? <span style={{ color: r.overdue ? '#cf1322' : undefined }}>{v}</span> : '—') },
            { title: '退回意见', dataIndex: 'comment', ellipsis: true },
          ]}
        />
      ) : (
        <Empty description="没有待办事项" />
      )}
    </Card>
  );
}

const LEVELS: Record<string, [string, string]> = { yellow: ['gold', '黄色预警'], red: ['red', '红色预警'] };

/** 分级预警: 黄 N 工作日 before the due date, 红 overdue (N set per case type by the admin). */
export function WarningsPanel() {
  const [data, setData] = useState<any>();
  const [level, setLevel] = useState<string>('red');
  useEffect(() => {
    get('/api/warnings').then(setData, () => undefined);
  }, []);
  if (!data) return null;
  const items = data.items.filter((w: any) => w.level === level);
  return (
    <Card title="时限预警" data-testid="warnings-panel">
      <Segmented
        aria-label="预警级别"
        value={level}
        onChange={(v) => setLevel(String(v))}
        options={[
          { value: 'red', label: `红色（已超期）${data.counts.red}` },
          { value: 'yellow', label: `黄色（即将到期）${data.counts.yellow}` },
        ]}
        style={{ marginBottom: 12 }}
      />
      {items.length ? (
        <DataTable
          id="warnings"
          exportName={`时限预警-${LEVELS[level][1]}`}
          rowKey={(r: any) => `${r.caseId}-${r.clock.key}`}
          size="small"
          dataSource={items}
          pagination={{ pageSize: 8, showSizeChanger: false }}
          columns={[
            { title: '级别', dataIndex: 'level', width: 90, render: (v: string) => <Tag color={LEVELS[v][0]}>{LEVELS[v][1]}</Tag>, exportValue: (r: any) => LEVELS[r.level][1] },
            { title: '案号', dataIndex: 'number', render: (v: string, r: any) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
            { title: '类型', dataIndex: 'typeName', width: 100 },
            { title: '单位', dataIndex: 'orgName', width: 150 },
            { title: '时限', dataIndex: 'clock', render: (c: any) => c.label, exportValue: (r: any) => r.clock.label },
            { title: '届满日', dataIndex: 'dueOn', width: 110, render: (_: any, r: any) => r.clock.dueOn, exportValue: (r: any) => r.clock.dueOn },
            { title: '剩余', dataIndex: 'daysLeft', width: 120, render: (_: any, r: any) => <DueTag daysLeft={r.clock.daysLeft} unit={r.clock.unit} overdue={r.level === 'red'} />, exportValue: (r: any) => r.clock.daysLeft },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">没有{LEVELS[level][1]}</Typography.Text>
      )}
    </Card>
  );
}

/** 预警设置 (admin): per case type and clock, how many days ahead 黄 starts and whether 红 goes to the unit leader. */
export function WarningRulesCard() {
  const [rules, setRules] = useState<any[]>();
  useEffect(() => {
    get('/api/warning-rules').then((r) => setRules((r as { rules: any[] }).rules), () => undefined);
  }, []);
  const save = async (r: any, patch: any) => {
    const next = (await put('/api/warning-rules', { body: { type: r.type, clock: r.clock, yellowDays: r.yellowDays, escalate: r.escalate, ...patch } })) as { rules: any[] };
    setRules(next.rules);
  };
  return (
    <Card title="时限预警设置" data-testid="warning-rules">
      <Typography.Paragraph type="secondary">届满前若干天（按该时限自身的计算单位）起显示黄色预警，超期显示红色预警；红色预警可同时报告承办单位领导。未设置的为届满前3天。</Typography.Paragraph>
      <DataTable
        id="warning-rules"
        exportName="时限预警设置"
        rowKey={(r: any) => `${r.type}.${r.clock}`}
        size="small"
        loading={!rules}
        dataSource={rules ?? []}
        pagination={{ pageSize: 15, showSizeChanger: false }}
        columns={[
          { title: '案件类型', dataIndex: 'typeName', width: 140 },
          { title: '时限', dataIndex: 'clockLabel' },
          {
            title: '黄色预警（届满前）',
            dataIndex: 'yellowDays',
            width: 200,
            render: (v: number, r: any) => (
              <Space>
                <InputNumber aria-label={`${r.typeName}${r.clockLabel}黄色预警天数`} min={0} max={60} defaultValue={v} onBlur={(e) => Number(e.target.value) !== v && save(r, { yellowDays: Number(e.target.value) })} style={{ width: 70 }} />
                {r.unit === 'workday' ? '个工作日' : '日'}
              </Space>
            ),
          },
          { title: '超期报告领导', dataIndex: 'escalate', width: 130, render: (v: boolean, r: any) => <Switch aria-label={`${r.typeName}${r.clockLabel}超期报告领导`} checked={v} onChange={(x) => save(r, { escalate: x })} /> },
        ]}
      />
    </Card>
  );
}
