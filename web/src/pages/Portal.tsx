import { useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink, Route, Routes, useLocation, useParams } from 'react-router';
import { Button, Card, Descriptions, Empty, Grid, Layout, List, Space, Table, Tag, Typography } from 'antd';
import { NotFound } from '../nav.tsx';
import '../portal.css';
import { get, request } from '../api.ts';
import { ChangeLog, RegisterItems, RegisterList } from './Registers.tsx';
import { DrawRecord } from './Draws.tsx';
import { DemoBanner } from '../components/DemoBanner.tsx';

/** The public portal (no login): every published 法治政府建设年度报告, as text and as downloads. */
const PORTAL_SECTIONS: [string, string][] = [
  ['/portal', '年度报告'],
  ['/portal/registers', '权责与事项清单'],
  ['/portal/enforcement', '执法决定公示'],
  ['/portal/draws', '双随机抽查'],
];

/** Phones get lists of cards instead of wide tables. */
const useNarrow = () => !Grid.useBreakpoint().md;

/** On a phone: each record as a card of label–value lines. */
function FieldCards({ rows, title, items }: { rows?: any[]; title?: (r: any) => ReactNode; items: (r: any) => { label: string; children: ReactNode }[] }) {
  return (
    <List
      loading={!rows}
      dataSource={rows}
      pagination={{ pageSize: 10, size: 'small' }}
      renderItem={(r: any) => (
        <List.Item>
          <Descriptions size="small" column={1} title={title?.(r)} items={items(r)} />
        </List.Item>
      )}
    />
  );
}

export function PortalPage() {
  const loc = useLocation();
  useEffect(() => {
    const section = [...PORTAL_SECTIONS].reverse().find(([to]) => loc.pathname.startsWith(to))?.[1];
    document.title = `${section ? `${section} - ` : ''}法治政府建设信息公开`;
  }, [loc.pathname]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <DemoBanner />
      <Layout.Header className="portal-header">
        <h1>法治政府建设信息公开</h1>
        <nav className="portal-nav" aria-label="栏目">
          {PORTAL_SECTIONS.map(([to, label]) => (
            <NavLink key={to} to={to} end={to === '/portal'}>
              {label}
            </NavLink>
          ))}
        </nav>
      </Layout.Header>
      <Layout.Content className="portal-content">
        <Routes>
          <Route index element={<PublishedList />} />
          <Route path="reports/:id" element={<PublishedReport />} />
          <Route path="registers" element={<PublicRegisters />} />
          <Route path="registers/:id" element={<PublicRegister />} />
          <Route path="enforcement" element={<PublicEnforcement />} />
          <Route path="draws" element={<PublicDraws />} />
          <Route path="draws/:id" element={<PublicDraw />} />
          <Route path="*" element={<NotFound home="/portal" />} />
        </Routes>
      </Layout.Content>
      <Layout.Footer className="portal-footer">本网站公开的信息由各单位依法发布；个人信息已依法处理。</Layout.Footer>
    </Layout>
  );
}

function PublishedList() {
  const [reports, setReports] = useState<any[]>();
  useEffect(() => {
    // Newest first: a report published today is at the top.
    get('/api/public/reports').then((r) => setReports([...(r as { reports: any[] }).reports].sort((a: any, b: any) => (b.publishedOn ?? '').localeCompare(a.publishedOn ?? '') || b.year - a.year)));
  }, []);
  return (
    <Card title="已公开的年度报告">
      <List
        loading={!reports}
        dataSource={reports}
        locale={{ emptyText: <Empty description="暂无公开的报告" /> }}
        renderItem={(r: any) => (
          <List.Item extra={<Typography.Text type="secondary">公开日期 {r.publishedOn}</Typography.Text>}>
            <Link to={`/portal/reports/${r.id}`}>{r.title}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
}

function PublishedReport() {
  const { id } = useParams();
  const [r, setR] = useState<any>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    get('/api/public/reports/{id}', { params: { id: id! } }).then(setR, (e) => setError(e.message));
  }, [id]);
  if (error) return <Empty description={error} />;
  if (!r) return <Card loading />;
  return (
    <Card
      extra={
        <Space>
          <Button href={`/api/public/reports/${id}/report.docx`} data-testid="download-docx">
            下载 .docx
          </Button>
          <Button href={`/api/public/reports/${id}/report.pdf`}>下载 PDF</Button>
        </Space>
      }
      title={<Typography.Text type="secondary">公开日期 {r.publishedOn}</Typography.Text>}
    >
      <article style={{ fontSize: 16, lineHeight: 2 }}>
        <Typography.Title level={2} style={{ textAlign: 'center' }}>
          {r.title}
        </Typography.Title>
        {r.sections.map((s: any) => (
          <section key={s.number}>
            <Typography.Title level={4}>{`${s.number}${s.heading}`}</Typography.Title>
            {s.text.split('\n').filter(Boolean).map((p: string, i: number) => (
              <p key={i} style={{ textIndent: '2em', margin: 0 }}>
                {p}
              </p>
            ))}
          </section>
        ))}
        <p style={{ textAlign: 'right', marginTop: 32 }}>
          {r.signature}
          <br />
          {r.date.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1年$2月$3日')}
        </p>
      </article>
    </Card>
  );
}

/** Loads a public resource once; shows the server's message if it is not there. */
function usePublic<T>(url: string): [T | undefined, string | undefined] {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    (request(url) as Promise<T>).then(setData, (e) => setError(e.message));
  }, [url]);
  return [data, error];
}

function PublicRegisters() {
  const [rows] = usePublic<any[]>('/api/public/registers');
  const narrow = useNarrow();
  return (
    <Card title="权责清单及各类事项清单（现行版本）">
      {narrow ? (
        <List
          loading={!rows}
          dataSource={rows}
          renderItem={(r: any) => (
            <List.Item>
              <List.Item.Meta title={<Link to={`/portal/registers/${r.id}`}>{r.kindName}</Link>} description={`${r.orgName} · 第${r.version}版 · ${r.publishedOn}发布 · ${r.count}项`} />
            </List.Item>
          )}
        />
      ) : (
        <RegisterList rows={rows} name={(r) => <Link to={`/portal/registers/${r.id}`}>{r.kindName}</Link>} />
      )}
    </Card>
  );
}

function PublicRegister() {
  const { id } = useParams();
  const narrow = useNarrow();
  const [r, error] = usePublic<any>(`/api/public/registers/${id}`);
  if (error) return <Empty description={error} />;
  if (!r) return <Card loading />;
  return (
    <Card title={`${r.orgName} · ${r.kindName}（第${r.version}版，${r.publishedOn}发布）`}>
      {narrow ? (
        <FieldCards rows={r.items} items={(item) => r.columns.map((c: any) => ({ label: c.title, children: c.options ? (c.options[item[c.field]] ?? item[c.field]) : item[c.field] }))} />
      ) : (
        <RegisterItems columns={r.columns} items={r.items} />
      )}
      <Typography.Title level={5}>调整记录</Typography.Title>
      <ChangeLog changes={r.changes} />
    </Card>
  );
}

function PublicEnforcement() {
  const [rows] = usePublic<any[]>('/api/public/enforcement');
  const narrow = useNarrow();
  return (
    <Card title="行政执法决定公示">
      {narrow ? (
        <FieldCards
          rows={rows}
          title={(r) => r.number}
          items={(r) => [
            { label: '执法机关', children: r.orgName },
            { label: '违法行为', children: r.matter },
            { label: '决定', children: <Tag>{r.decision}</Tag> },
            { label: '决定日期', children: r.decidedOn },
            { label: '公示日期', children: r.publishedOn },
            { label: '说明', children: r.summary },
          ]}
        />
      ) : (
      <Table
        rowKey="number"
        size="small"
        loading={!rows}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: '案号', dataIndex: 'number', width: 200 },
          { title: '执法机关', dataIndex: 'orgName', width: 170 },
          { title: '违法行为', dataIndex: 'matter' },
          { title: '决定', dataIndex: 'decision', width: 120, render: (v) => <Tag>{v}</Tag> },
          { title: '决定日期', dataIndex: 'decidedOn', width: 110 },
          { title: '公示日期', dataIndex: 'publishedOn', width: 110 },
        ]}
        expandable={{ expandedRowRender: (r: any) => r.summary }}
      />
      )}
    </Card>
  );
}

function PublicDraws() {
  const [rows] = usePublic<any[]>('/api/public/draws');
  const narrow = useNarrow();
  return (
    <Card title="“双随机、一公开”抽查任务">
      {narrow ? (
        <List
          loading={!rows}
          dataSource={rows}
          pagination={{ pageSize: 10, size: 'small' }}
          renderItem={(r: any) => (
            <List.Item>
              <List.Item.Meta title={<Link to={`/portal/draws/${r.id}`}>{r.title}</Link>} description={`${r.orgName} · ${r.drawnOn ? `${r.drawnOn} 抽取` : '待抽取'}`} />
            </List.Item>
          )}
        />
      ) : (
      <Table
        rowKey="id"
        size="small"
        loading={!rows}
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '任务', dataIndex: 'title', render: (v, r: any) => <Link to={`/portal/draws/${r.id}`}>{v}</Link> },
          { title: '单位', dataIndex: 'orgName', width: 180 },
          { title: '承诺值（抽取前公布）', dataIndex: 'commitment', render: (v: string) => <Typography.Text code>{v.slice(0, 16)}…</Typography.Text> },
          { title: '抽取日期', dataIndex: 'drawnOn', width: 110, render: (v) => v ?? '待抽取' },
        ]}
      />
      )}
    </Card>
  );
}

function PublicDraw() {
  const { id } = useParams();
  const [d, error] = usePublic<any>(`/api/public/draws/${id}`);
  if (error) return <Empty description={error} />;
  if (!d) return <Card loading />;
  return (
    <Card title={d.title} extra={<Button href={`/api/public/draws/${id}`}>下载公开记录（JSON）</Button>}>
      {d.verification && <Tag color={d.verification.ok ? 'green' : 'red'}>{d.verification.ok ? '复核通过' : d.verification.problems.join('；')}</Tag>}
      <DrawRecord d={d} />
    </Card>
  );
}
