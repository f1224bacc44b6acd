import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Button, Card, Col, Empty, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { get, qs } from '../api.ts';
import { useCaseTypes } from '../hooks.ts';
import { Chart } from '../components/Chart.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { DrillDown, type DrillTarget } from '../components/DrillDown.tsx';

const RED = '#b71c1c';
const GREY = '#bfbfbf';

/** Indicators for pickers, grouped by case type; rates only when asked. */
function useIndicatorOptions(rates?: boolean) {
  const types = useCaseTypes();
  return useMemo(
    () =>
      (types ?? [])
        .map((t) => ({ label: t.name, options: t.indicators.filter((i: any) => rates === undefined || Boolean(i.rate) === rates).map((i: any) => ({ value: i.key, label: `${i.name}（${i.unit}）` })) }))
        .filter((g) => g.options.length),
    [types, rates],
  );
}

/** One indicator month by month, with the same month a year earlier; a point opens its records. */
export function TrendChart({ orgId, year, defaultKey, title, testId }: { orgId?: number; year: number; defaultKey: string; title: string; testId: string }) {
  const options = useIndicatorOptions();
  const [key, setKey] = useState(defaultKey);
  const [data, setData] = useState<any>();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  useEffect(() => {
    setData(undefined);
    get('/api/stats/trend', { query: { orgId, year, key } }).then(setData, () => setData(null));
  }, [orgId, year, key]);
  const months = data?.months ?? [];
  return (
    <Card size="small" title={title} extra={<Select aria-label={`${title}：指标`} showSearch optionFilterProp="label" value={key} onChange={setKey} options={options} style={{ width: 240 }} />}>
      {data ? (
        <Chart
          label={`${data.name}逐月趋势`}
          testId={testId}
          option={{
            tooltip: { trigger: 'axis' },
            legend: { data: [`${year}年`, `${year - 1}年同期`] },
            grid: { left: 40, right: 16, top: 32, bottom: 24 },
            xAxis: { type: 'category', data: months.map((m: any) => `${m.month}月`) },
            yAxis: { type: 'value', name: data.unit },
            series: [
              { name: `${year}年`, type: data.unit === '%' ? 'line' : 'bar', data: months.map((m: any) => m.value), itemStyle: { color: RED } },
              { name: `${year - 1}年同期`, type: 'line', data: months.map((m: any) => m.lastYear), itemStyle: { color: GREY }, lineStyle: { type: 'dashed' } },
            ],
          }}
          onPick={(e) => {
            const m = months[e.dataIndex];
            if (!m) return;
            const from = e.seriesIndex === 0 ? m.from : `${year - 1}${m.from.slice(4)}`;
            const to = e.seriesIndex === 0 ? m.to : `${year - 1}${m.to.slice(4)}`;
            setDrill({ key: data.key, name: `${data.name}（${from.slice(0, 7)}）`, orgId: data.orgId, from, to });
          }}
        />
      ) : (
        <Card loading bordered={false} />
      )}
      <DrillDown target={drill} onClose={() => setDrill(null)} />
    </Card>
  );
}

/** Units ranked by a rate such as 按期率; a bar opens that unit's records. */
export function RankingChart({ orgId, from, to, defaultKey }: { orgId?: number; from: string; to: string; defaultKey: string }) {
  const options = useIndicatorOptions(true);
  const [key, setKey] = useState(defaultKey);
  const [data, setData] = useState<any>();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  useEffect(() => {
    setData(undefined);
    get('/api/stats/ranking', { query: { orgId, from, to, key } }).then(setData, () => setData(null));
  }, [orgId, from, to, key]);
  const rows = (data?.rows ?? []).filter((r: any) => r.denominator > 0);
  return (
    <Card size="small" title="单位排名" extra={<Select aria-label="排名指标" showSearch optionFilterProp="label" value={key} onChange={setKey} options={options} style={{ width: 240 }} />}>
      {data && rows.length === 0 && <Empty description="期间内没有可排名的记录" />}
      {data && rows.length > 0 && (
        <Chart
          label={`${data.name}单位排名`}
          testId="chart-ranking"
          height={Math.max(200, rows.length * 26 + 40)}
          option={{
            grid: { left: 120, right: 40, top: 8, bottom: 24 },
            tooltip: { trigger: 'item', formatter: (p: any) => `${p.name}<br/>${p.value}%（${rows[p.dataIndex].numerator}/${rows[p.dataIndex].denominator}）` },
            xAxis: { type: 'value', max: 100, name: '%' },
            yAxis: { type: 'category', inverse: true, data: rows.map((r: any) => r.shortName) },
            series: [{ type: 'bar', data: rows.map((r: any) => r.value), itemStyle: { color: RED }, label: { show: true, position: 'right', formatter: '{c}%' } }],
          }}
          onPick={(e) => {
            const r = rows[e.dataIndex];
            if (r) setDrill({ key: data.key, name: `${data.name}（${r.orgName}）`, orgId: r.orgId, from, to });
          }}
        />
      )}
      <DrillDown target={drill} onClose={() => setDrill(null)} />
    </Card>
  );
}

/** Cases overdue now, by type; a bar opens the case list filtered to those cases. */
export function OverdueChart({ orgId }: { orgId?: number }) {
  const nav = useNavigate();
  const [data, setData] = useState<any>();
  useEffect(() => {
    get('/api/stats/overdue', { query: { orgId } }).then(setData, () => setData(null));
  }, [orgId]);
  return (
    <Card size="small" title="当前超期案件（按类型）">
      {data && data.types.length === 0 && <Empty description="没有超期案件" />}
      {data && data.types.length > 0 && (
        <Chart
          label="当前超期案件按类型分布"
          testId="chart-overdue"
          option={{
            grid: { left: 40, right: 16, top: 16, bottom: 40 },
            xAxis: { type: 'category', data: data.types.map((t: any) => t.typeName), axisLabel: { interval: 0, rotate: data.types.length > 5 ? 30 : 0 } },
            yAxis: { type: 'value', name: '件', minInterval: 1 },
            series: [{ type: 'bar', data: data.types.map((t: any) => t.count), itemStyle: { color: RED }, label: { show: true, position: 'top' } }],
          }}
          onPick={(e) => {
            const t = data.types[e.dataIndex];
            if (t) nav(`/cases?${qs({ type: t.type, overdue: 'true', orgId })}`);
          }}
        />
      )}
    </Card>
  );
}

/**
 * Mounts its children when scrolled into view: the home page's charts compute many figures, and
 * on the embedded database (one connection) they would otherwise queue ahead of the lists above.
 */
export function WhenVisible({ children, minHeight = 300, testId }: { children: ReactNode; minHeight?: number; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), { rootMargin: '100px' });
    io.observe(el.current!);
    return () => io.disconnect();
  }, []);
  return (
    <div ref={el} style={{ minHeight: seen ? undefined : minHeight }} data-testid={testId}>
      {seen && children}
    </div>
  );
}

/** The four home charts: trend, ranking by 按期率, overdue by type, satisfaction. */
export function StatisticsCharts({ orgId, year }: { orgId?: number; year: number }) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <TrendChart orgId={orgId} year={year} defaultKey="reconsideration.received" title="月度趋势（同比）" testId="chart-trend" />
      </Col>
      <Col xs={24} xl={12}>
        <RankingChart orgId={orgId} from={from} to={to} defaultKey="disclosure.on_time_rate" />
      </Col>
      <Col xs={24} xl={12}>
        <OverdueChart orgId={orgId} />
      </Col>
      <Col xs={24} xl={12}>
        <TrendChart orgId={orgId} year={year} defaultKey="hotline.satisfaction_rate" title="群众满意度" testId="chart-satisfaction" />
      </Col>
    </Row>
  );
}

const sign = (v: number | null, unit: string) => (v === null ? '—' : `${v > 0 ? '+' : ''}${v}${unit === '%' ? '个百分点' : '%'}`);
const changeTag = (v: number | null, unit: string) => <Tag color={v === null || v === 0 ? 'default' : v > 0 ? 'red' : 'green'}>{sign(v, unit)}</Tag>;

/** 本期 beside 同比 and 环比 for every indicator; a value opens its records. */
export function ComparePanel({ orgId, from, to }: { orgId: number; from: string; to: string }) {
  const [data, setData] = useState<any>();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  useEffect(() => {
    setData(undefined);
    get('/api/stats/compare', { query: { orgId, from, to } }).then(setData, () => setData(null));
  }, [orgId, from, to]);
  const open = (r: any, p: { from: string; to: string }) => setDrill({ key: r.key, name: `${r.name}（${p.from}至${p.to}）`, orgId, from: p.from, to: p.to });
  return (
    <>
      {data && (
        <Typography.Paragraph type="secondary">
          本期 {data.period.from} 至 {data.period.to}；同比 {data.yoyPeriod.from} 至 {data.yoyPeriod.to}；环比 {data.momPeriod.from} 至 {data.momPeriod.to}。比率的变化以百分点计。
        </Typography.Paragraph>
      )}
      <DataTable
        id="compare"
        exportName={`指标同比环比-${from}至${to}`}
        rowKey="key"
        size="small"
        loading={!data}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: '指标', dataIndex: 'name', width: 220 },
          { title: '本期', dataIndex: 'value', render: (v: any, r: any) => <a onClick={() => open(r, data.period)}>{v ?? '—'}{v === null ? '' : r.unit}</a> },
          { title: '同比（上年同期）', dataIndex: 'yoy', render: (v: any, r: any) => <a onClick={() => open(r, data.yoyPeriod)}>{v ?? '—'}{v === null ? '' : r.unit}</a> },
          { title: '同比变化', dataIndex: 'yoyChange', render: (v: any, r: any) => changeTag(v, r.unit), exportValue: (r: any) => sign(r.yoyChange, r.unit) },
          { title: '环比（上一期）', dataIndex: 'mom', render: (v: any, r: any) => <a onClick={() => open(r, data.momPeriod)}>{v ?? '—'}{v === null ? '' : r.unit}</a> },
          { title: '环比变化', dataIndex: 'momChange', render: (v: any, r: any) => changeTag(v, r.unit), exportValue: (r: any) => sign(r.momChange, r.unit) },
        ]}
      />
      <DrillDown target={drill} onClose={() => setDrill(null)} />
    </>
  );
}

const MATRIX_DEFAULT = ['reconsideration.received', 'reconsideration.on_time_rate', 'disclosure.received', 'disclosure.on_time_rate', 'hotline.orders', 'hotline.satisfaction_rate'];

/** Units × chosen indicators; a cell opens that unit's records; Excel from the server. */
export function MatrixPanel({ orgId, from, to }: { orgId: number; from: string; to: string }) {
  const options = useIndicatorOptions();
  const [keys, setKeys] = useState<string[]>(MATRIX_DEFAULT);
  const [data, setData] = useState<any>();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  useEffect(() => {
    setData(undefined);
    if (keys.length) get('/api/stats/matrix', { query: { orgId, from, to, keys: keys.join(',') } }).then(setData, () => setData(null));
  }, [orgId, from, to, keys]);
  return (
    <>
      <Space style={{ marginBottom: 8, width: '100%' }} wrap>
        <Select aria-label="对比指标" mode="multiple" showSearch optionFilterProp="label" value={keys} onChange={setKeys} options={options} style={{ minWidth: 480 }} maxCount={30} />
        <Button href={`/api/stats/matrix.xlsx?${qs({ orgId, from, to, keys: keys.join(',') })}`} data-testid="matrix-xlsx">
          导出Excel（服务器生成）
        </Button>
      </Space>
      {data && (
        <Table
          rowKey="orgId"
          size="small"
          scroll={{ x: true }}
          pagination={false}
          dataSource={data.rows}
          data-testid="matrix-table"
          columns={[
            { title: '单位', dataIndex: 'orgName', fixed: 'left', width: 220 },
            ...data.columns.map((c: any) => ({
              title: `${c.name}（${c.unit}）`,
              key: c.key,
              width: 140,
              render: (_: any, r: any) => (
                <a onClick={() => setDrill({ key: c.key, name: `${c.name}（${r.orgName}）`, orgId: r.orgId, from, to })}>{r.values[c.key] ?? '—'}</a>
              ),
            })),
          ]}
        />
      )}
      <DrillDown target={drill} onClose={() => setDrill(null)} />
    </>
  );
}
