import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Card, Col, Empty, Row, Select, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { get, type Reply } from '../api.ts';
import { useMe } from '../session.tsx';
import { useOrgTree, type OrgNode } from '../hooks.ts';
import { DueTag } from '../components/DueTag.tsx';
import { DrillDown, type DrillTarget } from '../components/DrillDown.tsx';
import { TodoPanel, WarningsPanel } from './Workbench.tsx';
import { DataTable, type DataColumn } from '../components/DataTable.tsx';
import { StatisticsCharts, WhenVisible } from './Statistics.tsx';

const HEADLINE = [
  'reconsideration.received',
  'reconsideration.accepted',
  'reconsideration.concluded',
  'reconsideration.correction_rate',
  'disclosure.received',
  'disclosure.answered',
  'disclosure.on_time_rate',
  'reconsideration.on_time_rate',
  'mediation.accepted',
  'mediation.success_rate',
  'petition.registered',
  'petition.on_time_rate',
  'hotline.orders',
  'hotline.assigned',
  'hotline.completion_rate',
  'hotline.satisfaction_rate',
  'litigation.appearance_rate',
];

/**
 * 12345 figures count in two places: 受理 at the centre that registers an order, 办结 and 满意 at
 * the unit it is sent to. The tiles say which, so "受理 0件" beside "按时办结率 6/6" on a unit's
 * page no longer reads as a contradiction.
 */
const TILE_TITLES: Record<string, string> = {
  'hotline.orders': '12345工单·受理（热线中心登记）',
  'hotline.assigned': '12345工单·派本单位承办',
  'hotline.completion_rate': '12345工单·承办按时办结率',
  'hotline.satisfaction_rate': '12345工单·承办满意率',
};

const findOrg = (n: OrgNode, id: number): OrgNode | undefined => (n.id === id ? n : n.children.map((c) => findOrg(c, id)).find(Boolean));

/** The card names the org its figures are for: the scope the server computed them over. */
export function scopeTitle(scope: { name: string; kind: string } | undefined): string {
  if (!scope) return '主要指标';
  return `${scope.kind === 'government' ? '全区' : scope.name}主要指标`;
}

export function DashboardPage() {
  const me = useMe();
  const [dash, setDash] = useState<Reply<'/api/dashboard'>>();
  const [year, setYear] = useState<number>();
  const [figures, setFigures] = useState<Reply<'/api/indicators'>['values']>();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const tree = useOrgTree();
  useEffect(() => {
    get('/api/dashboard').then((d) => {
      setDash(d);
      setYear((y) => y ?? Number(d.today.slice(0, 4)));
    });
  }, []);
  useEffect(() => {
    if (year) get('/api/indicators', { query: { year, keys: HEADLINE.join(',') } }).then((r) => setFigures(r.values));
  }, [year]);
  if (!dash) return null;
  const thisYear = Number(dash.today.slice(0, 4));
  const columns: DataColumn<any>[] = [
    { title: '案号', dataIndex: 'number', render: (v: string, r: any) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
    { title: '类型', dataIndex: 'typeName', width: 100 },
    { title: '事项', dataIndex: 'title', ellipsis: true },
    { title: '单位', dataIndex: 'orgName', width: 160 },
    { title: '环节', dataIndex: 'stateLabel', width: 90 },
    { title: '时限', key: 'clock', render: (_: any, r: any) => r.clock.label, width: 150, exportValue: (r: any) => r.clock.label },
    { title: '届满日', key: 'dueOn', render: (_: any, r: any) => r.clock.dueOn, width: 110, exportValue: (r: any) => r.clock.dueOn },
    { title: '剩余', key: 'daysLeft', render: (_: any, r: any) => <DueTag {...r.clock} />, width: 120, exportValue: (r: any) => r.clock.daysLeft },
    { title: '', render: (_: any, r: any) => r.mine && <Tag>我经办</Tag>, width: 80 },
  ];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <TodoPanel />
      <WarningsPanel />
      <Card
        title={<span data-testid="figures-title">{scopeTitle(tree && findOrg(tree, me.scopeOrgId))}</span>}
        extra={
          <Select
            aria-label="年度"
            value={year}
            onChange={setYear}
            options={[thisYear, thisYear - 1, thisYear - 2].filter((y) => y >= 2024).map((y) => ({ value: y, label: `${y}年` }))}
            style={{ width: 100 }}
          />
        }
      >
        <Row gutter={[16, 16]}>
          {figures?.map((f) => (
            <Col span={6} key={f.key}>
              <Card size="small" hoverable onClick={() => setDrill({ key: f.key, name: f.name, year })} data-testid={`figure-${f.key}`}>
                <Statistic title={<Tooltip title={f.description}>{TILE_TITLES[f.key] ?? f.name}</Tooltip>} value={f.value ?? '—'} suffix={f.value === null ? '' : f.unit} />
                {f.denominator !== undefined && (
                  <Typography.Text type="secondary">
                    {f.numerator} / {f.denominator}
                  </Typography.Text>
                )}
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
      {year && figures && (
        <WhenVisible testId="home-charts">
          <StatisticsCharts year={year} />
        </WhenVisible>
      )}
      <Card title={<span style={{ color: '#cf1322' }}>已超期（{dash.overdue.length}）</span>}>
        {dash.overdue.length ? <DataTable id="overdue" exportName="已超期案件" rowKey={(r: any) => `${r.caseId}-${r.clock.key}`} size="small" dataSource={dash.overdue} columns={columns} pagination={{ pageSize: 10 }} data-testid="overdue-table" /> : <Empty description="没有超期案件" />}
      </Card>
      <Card title={`7日内到期（${dash.dueSoon.length}）`}>
        {dash.dueSoon.length ? <DataTable id="due-soon" exportName="7日内到期案件" rowKey={(r: any) => `${r.caseId}-${r.clock.key}`} size="small" dataSource={dash.dueSoon} columns={columns} pagination={{ pageSize: 10 }} /> : <Empty description="近期没有到期案件" />}
      </Card>
      <DrillDown target={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
