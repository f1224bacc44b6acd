import { useEffect, useState } from 'react';
import { Alert, Card, DatePicker, Input, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { get, type Reply } from '../api.ts';
import { useMe } from '../session.tsx';
import { useOrgTree } from '../hooks.ts';
import { DrillDown, type DrillTarget } from '../components/DrillDown.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ComparePanel, MatrixPanel, StatisticsCharts } from './Statistics.tsx';
import { OrgTreeSelect } from '../components/OrgTreeSelect.tsx';

/**
 * Every indicator for an org subtree and period (a click shows the records behind it), its
 * charts, 同比/环比, and the units × indicators matrix.
 */
export function IndicatorsPage() {
  const me = useMe();
  const tree = useOrgTree();
  const [orgId, setOrgId] = useState<number>(me.scopeOrgId);
  const [range, setRange] = useState<[string, string]>([`${me.today.slice(0, 4)}-01-01`, `${me.today.slice(0, 4)}-12-31`]);
  const [rows, setRows] = useState<Reply<'/api/indicators'>['values']>();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => {
    setRows(undefined);
    setError(undefined);
    get('/api/indicators', { query: { orgId, from: range[0], to: range[1] } }).then((r) => setRows(r.values), (e) => (setError(e.message), setRows([])));
  }, [orgId, range]);
  const shown = (rows ?? []).filter((r) => !search || r.name.includes(search.trim()) || r.description.includes(search.trim()));
  const list = (
    <DataTable
      id="indicators"
      exportName={`指标统计-${range[0]}至${range[1]}`}
      toolbar={<Input.Search aria-label="搜索指标" placeholder="搜索指标名称或口径" allowClear onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} style={{ width: 260 }} />}
      rowKey="key"
      size="small"
      loading={!rows}
      dataSource={shown}
      pagination={false}
      columns={[
        { title: '指标', dataIndex: 'name', width: 220 },
        {
          title: '数值',
          dataIndex: 'value',
          width: 140,
          render: (v: any, r: any) => (
            <a href="#" onClick={(e) => (e.preventDefault(), setDrill({ key: r.key, name: r.name, orgId, from: range[0], to: range[1] }))} data-testid={`value-${r.key}`}>
              {v ?? '—'}
              {v === null ? '' : r.unit}
            </a>
          ),
        },
        { title: '单位', dataIndex: 'unit', width: 60 },
        { title: '构成', key: 'parts', width: 120, render: (_: any, r: any) => (r.denominator !== undefined ? `${r.numerator} / ${r.denominator}` : ''), exportValue: (r: any) => (r.denominator !== undefined ? `${r.numerator} / ${r.denominator}` : '') },
        { title: '口径', dataIndex: 'description' },
        { title: '报告引用', key: 'token', width: 240, render: (_: any, r: any) => <Typography.Text code copyable>{`{{${r.name}}}`}</Typography.Text>, exportValue: (r: any) => `{{${r.name}}}` },
      ]}
    />
  );
  return (
    <Card title="指标统计">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space style={{ marginBottom: 16 }} wrap>
        <OrgTreeSelect tree={tree} aria-label="单位" style={{ width: 260 }} value={orgId} onChange={setOrgId} />
        <DatePicker.RangePicker
          aria-label="统计期间"
          value={[dayjs(range[0]), dayjs(range[1])]}
          allowClear={false}
          onChange={(v) => v && setRange([v[0]!.format('YYYY-MM-DD'), v[1]!.format('YYYY-MM-DD')])}
        />
        <Typography.Text type="secondary">统计含所选单位的全部下级单位；点击数字查看计入的每一条记录</Typography.Text>
      </Space>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'list', label: '指标列表', children: list },
          { key: 'charts', label: '图表', children: <StatisticsCharts orgId={orgId} year={Number(range[0].slice(0, 4))} /> },
          { key: 'compare', label: '同比环比', children: <ComparePanel orgId={orgId} from={range[0]} to={range[1]} /> },
          { key: 'matrix', label: '单位对比', children: <MatrixPanel orgId={orgId} from={range[0]} to={range[1]} /> },
        ]}
      />
      <DrillDown target={drill} onClose={() => setDrill(null)} />
    </Card>
  );
}
