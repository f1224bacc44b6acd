import { useEffect, useState } from 'react';
import { Card, DatePicker, Space, Table, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, qs } from '../api.ts';
import { useMe } from '../session.tsx';
import { useOrgTree, toTreeData } from '../hooks.ts';
import { DrillDown, type DrillTarget } from '../components/DrillDown.tsx';

/** Every indicator for an org subtree and period; a click shows the records behind it. */
export function IndicatorsPage() {
  const me = useMe();
  const tree = useOrgTree();
  const [orgId, setOrgId] = useState<number>(me.scopeOrgId);
  const [range, setRange] = useState<[string, string]>([`${me.today.slice(0, 4)}-01-01`, `${me.today.slice(0, 4)}-12-31`]);
  const [rows, setRows] = useState<any[]>();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  useEffect(() => {
    setRows(undefined);
    api(`/api/indicators?${qs({ orgId, from: range[0], to: range[1] })}`).then((r) => setRows(r.values));
  }, [orgId, range]);
  return (
    <Card title="指标统计">
      <Space style={{ marginBottom: 16 }}>
        <TreeSelect style={{ width: 260 }} value={orgId} treeData={tree ? [toTreeData(tree)] : []} treeDefaultExpandAll onChange={setOrgId} />
        <DatePicker.RangePicker
          value={[dayjs(range[0]), dayjs(range[1])]}
          allowClear={false}
          onChange={(v) => v && setRange([v[0]!.format('YYYY-MM-DD'), v[1]!.format('YYYY-MM-DD')])}
        />
        <Typography.Text type="secondary">统计含所选单位的全部下级单位；点击数字查看计入的每一条记录</Typography.Text>
      </Space>
      <Table
        rowKey="key"
        size="small"
        loading={!rows}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '指标', dataIndex: 'name', width: 220 },
          {
            title: '数值',
            dataIndex: 'value',
            width: 140,
            render: (v, r: any) => (
              <a onClick={() => setDrill({ key: r.key, name: r.name, orgId, from: range[0], to: range[1] })} data-testid={`value-${r.key}`}>
                {v ?? '—'}
                {v === null ? '' : r.unit}
              </a>
            ),
          },
          { title: '构成', width: 120, render: (_, r: any) => (r.denominator !== undefined ? `${r.numerator} / ${r.denominator}` : '') },
          { title: '口径', dataIndex: 'description' },
          { title: '报告引用', dataIndex: 'name', width: 240, render: (v) => <Typography.Text code copyable>{`{{${v}}}`}</Typography.Text> },
        ]}
      />
      <DrillDown target={drill} onClose={() => setDrill(null)} />
    </Card>
  );
}
