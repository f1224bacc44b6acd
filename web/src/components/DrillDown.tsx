import { useEffect, useState } from 'react';
import { stateWithOutcome } from './labels.ts';
import { Link } from 'react-router';
import { Alert, Drawer, Tag, Typography } from 'antd';
import { DataTable } from './DataTable.tsx';
import { get } from '../api.ts';

export interface DrillTarget {
  key: string;
  name: string;
  orgId?: number;
  from?: string;
  to?: string;
  year?: number;
}

/** The records behind a figure: its definition, scope, and every counted case. */
export function DrillDown({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const [data, setData] = useState<any>();
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string>();
  useEffect(() => {
    setPage(1);
  }, [target]);
  useEffect(() => {
    if (!target) return;
    setData(undefined);
    setError(undefined);
    get('/api/indicators/{key}/records', { params: { key: target.key }, query: { orgId: target.orgId, from: target.from, to: target.to, year: target.year, page, pageSize: 20 } }).then(setData, (e) => setError(e.message));
  }, [target, page]);
  return (
    <Drawer open={Boolean(target)} onClose={onClose} size={860} title={target ? `指标来源：${target.name}` : ''}>
      {error && <Alert type="error" showIcon title={error} />}
      {data && target && (
        <>
          <Typography.Paragraph>
            <b>口径：</b>
            {data.description}
            <br />
            <b>范围：</b>
            {data.scope.orgName}（含下级单位），{data.scope.from} 至 {data.scope.to}
            <br />
            <b>记录：</b>
            {data.counts}，共 {data.total} 条
          </Typography.Paragraph>
          <DataTable
            id="drilldown"
            exportName={`指标来源-${target.name}`}
            exportAll={async () => {
              // Every record, not only the page shown (500 per request).
              const all: any[] = [];
              for (let p = 1; all.length < data.total; p++) {
                const r = (await get('/api/indicators/{key}/records', { params: { key: target.key }, query: { orgId: target.orgId, from: target.from, to: target.to, year: target.year, page: p, pageSize: 500 } })) as { items: any[] };
                if (!r.items.length) break;
                all.push(...r.items);
              }
              return all;
            }}
            rowKey="caseId"
            size="small"
            dataSource={data.items}
            pagination={{ current: page, pageSize: 20, total: data.total, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: '案号', dataIndex: 'number', render: (v: string, r: any) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
              { title: '事项', dataIndex: 'title', ellipsis: true },
              { title: '单位', dataIndex: 'orgName', width: 150 },
              { title: '计入日期', dataIndex: 'on', width: 110 },
              { title: '状态', dataIndex: 'stateLabel', width: 100, render: (v: string, r: any) => stateWithOutcome(v, r.outcomeLabel), exportValue: (r: any) => (r.outcomeLabel && r.outcomeLabel !== r.stateLabel ? `${r.stateLabel}（${r.outcomeLabel}）` : r.stateLabel) },
              ...(data.items[0]?.inNumerator !== undefined
                ? [{ title: '计入分子', dataIndex: 'inNumerator', width: 90, render: (v: boolean) => (v ? <Tag color="green">是</Tag> : <Tag>否</Tag>), exportValue: (r: any) => (r.inNumerator ? '是' : '否') }]
                : []),
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
