import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { api } from '../api.ts';
import { useMe } from '../session.tsx';

export const STATE_COLORS: Record<string, string> = { draft: 'default', review: 'processing', approved: 'cyan', submitted: 'blue', published: 'green' };

/**
 * 年度报告: the reporting-cycle board of every org in the user's scope (who has drafted,
 * submitted, published, and who is late), and the way into each org's report.
 */
export function ReportsPage() {
  const me = useMe();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [year, setYear] = useState(Number(me.today.slice(0, 4)) - 1);
  const [data, setData] = useState<any>();
  useEffect(() => {
    setData(undefined);
    api(`/api/reports?year=${year}`).then(setData, (e) => message.error(e.message));
  }, [year, message]);

  const open = async (orgId: number) => {
    try {
      const r = await api('/api/reports', { body: { orgId, year } });
      nav(`/reports/${r.id}`);
    } catch (e: any) {
      message.error(e.message);
    }
  };
  const rows: any[] = data?.orgs ?? [];
  const count = (f: (r: any) => boolean) => rows.filter(f).length;
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
      <Table
        rowKey="orgId"
        size="small"
        loading={!data}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '单位', dataIndex: 'orgName' },
          { title: '状态', dataIndex: 'stateLabel', width: 110, render: (v, r: any) => <Tag color={STATE_COLORS[r.state] ?? 'default'}>{v}</Tag> },
          { title: '报送期限', dataIndex: 'due', width: 110 },
          { title: '报送日期', dataIndex: 'submittedOn', width: 110 },
          { title: '公开日期', dataIndex: 'publishedOn', width: 110 },
          { title: '提示', dataIndex: 'problems', render: (p: string[]) => p.map((x) => <Tag color="red" key={x}>{x}</Tag>) },
          {
            title: '操作',
            width: 110,
            render: (_, r: any) =>
              r.reportId ? (
                <Button size="small" onClick={() => nav(`/reports/${r.reportId}`)}>
                  打开报告
                </Button>
              ) : me.role === 'leader' ? null : (
                <Button size="small" type="primary" onClick={() => open(r.orgId)} data-testid={`draft-${r.orgId}`}>
                  生成初稿
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
