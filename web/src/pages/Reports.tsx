import { useEffect, useState } from 'react';
import { useToast } from '../components/toast.ts';
import { useNavigate } from 'react-router';
import { Button, Card, Col, InputNumber, Row, Segmented, Space, Tag, Typography } from 'antd';
import { get, post, type Reply } from '../api.ts';
import { holds, useMe } from '../session.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Chart } from '../components/Chart.tsx';
import { AnnualDrawer, annualTags, FilingModal } from './AnnualPublications.tsx';

export const STATE_COLORS: Record<string, string> = { draft: 'default', review: 'processing', approved: 'cyan', submitted: 'blue', published: 'green' };

/**
 * 年度报告: the reporting-cycle board of every org in the user's scope (who has drafted,
 * submitted, published, and who is late), and the way into each org's report.
 */
export function ReportsPage() {
  const me = useMe();
  const nav = useNavigate();
  const message = useToast();
  const [year, setYear] = useState(Number(me.today.slice(0, 4)) - 1);
  const [data, setData] = useState<Reply<'/api/reports'>>();
  const [filter, setFilter] = useState('all');
  const [selected, setSelected] = useState<number[]>([]);
  const [reload, setReload] = useState(0);
  type Row = Reply<'/api/reports'>['orgs'][number];
  const [filing, setFiling] = useState<Row>();
  const [viewing, setViewing] = useState<Row | null>(null);
  useEffect(() => {
    if (!reload) setData(undefined);
    get('/api/reports', { query: { year } }).then(setData, (e) => message.error(e.message));
  }, [year, message, reload]);
  // 报送 and 公开 of the computed publications: offered as the user's duties allow (the server checks the org).
  const filingSteps = [...(holds(me, 'reports', 'submit') ? ['submission' as const] : []), ...(holds(me, 'reports', 'publish') ? ['publication' as const] : [])];

  const open = async (orgId: number) => {
    try {
      const r = await post('/api/reports', { body: { orgId, year } });
      nav(`/reports/${r.id}`);
    } catch (e: any) {
      message.error(e.message);
    }
  };
  const all: Reply<'/api/reports'>['orgs'] = data?.orgs ?? [];
  const count = (f: (r: any) => boolean) => all.filter(f).length;
  const rows = all.filter(FILTERS[filter][1]);
  const byState = Object.entries(
    all.reduce((m: Record<string, number>, r) => ((m[r.stateLabel] = (m[r.stateLabel] ?? 0) + 1), m), {}),
  ).map(([name, value]) => ({ name, value }));
  // 催报 goes to units that have not submitted; it is a message to their clerks.
  const urge = async (orgIds: number[]) => {
    try {
      const r = (await post('/api/reports/urge', { body: { year, orgIds } })) as { results: { notified: number }[] };
      const n = r.results.reduce((s: number, x: any) => s + x.notified, 0);
      message.success(`已向 ${r.results.length} 个单位催报，发出提醒 ${n} 条${n < r.results.length ? '（今日已催报的单位不重复提醒）' : ''}`);
      setSelected([]);
    } catch (e: any) {
      message.error(e.message);
    }
  };
  return (
    <Card
      title="法治政府建设年度报告"
      extra={
        <Space>
          报告年度
          <InputNumber aria-label="报告年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          <a href="/portal" target="_blank" rel="noreferrer">
            公开网站
          </a>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        部门于次年3月1日前、政府于次年4月1日前报送；各单位于4月1日前向社会公开。共 {rows.length} 个单位：已报送 {count((r) => r.submittedOn)}，已公开{' '}
        {count((r) => r.publishedOn)}，逾期 {count((r) => r.late)}。
      </Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col xs={24} md={10}>
          {all.length > 0 && (
            <Chart
              label="年度报告报送进度"
              testId="chart-report-progress"
              height={220}
              option={{ tooltip: { trigger: 'item', formatter: '{b}：{c}个单位（{d}%）' }, legend: { orient: 'vertical', left: 0 }, series: [{ type: 'pie', radius: ['45%', '70%'], center: ['65%', '50%'], data: byState }] }}
              onPick={(e) => setFilter(Object.keys(FILTERS).find((k) => FILTERS[k][0] === e.name) ?? 'all')}
            />
          )}
        </Col>
      </Row>
      <DataTable
        id="report-board"
        exportName={`${year}年度报告报送情况`}
        toolbar={
          <>
            <Segmented aria-label="筛选" value={filter} onChange={(v) => setFilter(String(v))} options={Object.entries(FILTERS).map(([value, [label, f]]) => ({ value, label: `${label} ${all.filter(f).length}` }))} />
            {me.role === 'admin' && (
              <Button danger disabled={!selected.length} onClick={() => urge(selected)} data-testid="urge-selected">
                催报所选（{selected.length}）
              </Button>
            )}
          </>
        }
        rowKey="orgId"
        size="small"
        loading={!data}
        dataSource={rows}
        pagination={false}
        rowSelection={me.role === 'admin' ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as number[]), getCheckboxProps: (r: any) => ({ disabled: Boolean(r.submittedOn) }) } : undefined}
        columns={[
          { title: '单位', dataIndex: 'orgName' },
          { title: '状态', dataIndex: 'stateLabel', width: 110, render: (v, r: any) => <Tag color={STATE_COLORS[r.state] ?? 'default'}>{v}</Tag> },
          { title: '报送期限', dataIndex: 'due', width: 110 },
          { title: '报送日期', dataIndex: 'submittedOn', width: 110 },
          { title: '公开日期', dataIndex: 'publishedOn', width: 110 },
          { title: '提示', dataIndex: 'problems', render: (p: string[]) => p.map((x) => <Tag color="red" key={x}>{x}</Tag>) },
          // 政府信息公开年报, 行政执法数据 and 建议提案办理情况: their own deadlines, listed only for the orgs that have them.
          {
            title: '信息公开年报·执法数据·办理情况',
            key: 'annual',
            render: (_: any, r: any) => (
              <Space size={4} wrap>
                {annualTags(r)}
                <Button size="small" type="link" onClick={() => setViewing(r)} data-testid={`annual-view-${r.orgId}`}>
                  查看
                </Button>
                {filingSteps.length > 0 && (
                  <Button size="small" type="link" onClick={() => setFiling(r)} data-testid={`filing-${r.orgId}`}>
                    登记报送、公开
                  </Button>
                )}
              </Space>
            ),
          },
          ...(me.role === 'admin'
            ? [{ title: '催报', key: 'urge', width: 80, render: (_: any, r: any) => !r.submittedOn && <Button size="small" danger onClick={() => urge([r.orgId])} data-testid={`urge-${r.orgId}`}>催报</Button> }]
            : []),
          {
            title: '操作',
            width: 110,
            render: (_, r: any) =>
              r.reportId ? (
                <Button size="small" onClick={() => nav(`/reports/${r.reportId}`)}>
                  打开报告
                </Button>
              ) : !holds(me, 'reports', 'edit') ? null : (
                <Button size="small" type="primary" onClick={() => open(r.orgId)} data-testid={`draft-${r.orgId}`}>
                  生成初稿
                </Button>
              ),
          },
        ]}
      />
      {filing && <FilingModal row={filing} year={year} steps={filingSteps} onClose={() => setFiling(undefined)} onSaved={() => (setFiling(undefined), setReload((n) => n + 1))} />}
      <AnnualDrawer row={viewing} year={year} onClose={() => setViewing(null)} />
    </Card>
  );
}

/** Board filters: the label and which rows it keeps (the chart's slices use the same labels). */
const FILTERS: Record<string, [string, (r: any) => boolean]> = {
  all: ['全部', () => true],
  none: ['未起草', (r) => !r.state],
  draft: ['起草中', (r) => r.state === 'draft'],
  review: ['审核中', (r) => r.state === 'review'],
  approved: ['领导已审批', (r) => r.state === 'approved'],
  submitted: ['已报送', (r) => r.state === 'submitted'],
  published: ['已公开', (r) => r.state === 'published'],
  late: ['逾期', (r) => r.late],
};
