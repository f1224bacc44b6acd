import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Drawer, Table, Tag, Typography } from 'antd';
import { api, qs } from '../api.ts';

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
  useEffect(() => {
    setPage(1);
  }, [target]);
  useEffect(() => {
    if (!target) return;
    setData(undefined);
    api(`/api/indicators/${encodeURIComponent(target.key)}/records?${qs({ orgId: target.orgId, from: target.from, to: target.to, year: target.year, page, pageSize: 20 })}`).then(setData);
  }, [target, page]);
  return (
    <Drawer open={Boolean(target)} onClose={onClose} size={860} title={target ? `指标来源：${target.name}` : ''}>
      {data && (
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
          <Table
            rowKey="caseId"
            size="small"
            dataSource={data.items}
            pagination={{ current: page, pageSize: 20, total: data.total, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: '案号', dataIndex: 'number', render: (v, r: any) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
              { title: '事项', dataIndex: 'title', ellipsis: true },
              { title: '单位', dataIndex: 'orgName', width: 150 },
              { title: '计入日期', dataIndex: 'on', width: 110 },
              { title: '状态', dataIndex: 'stateLabel', width: 100, render: (v, r: any) => (r.outcomeLabel ? `${v}（${r.outcomeLabel}）` : v) },
              ...(data.items[0]?.inNumerator !== undefined
                ? [{ title: '计入分子', dataIndex: 'inNumerator', width: 90, render: (v: boolean) => (v ? <Tag color="green">是</Tag> : <Tag>否</Tag>) }]
                : []),
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
