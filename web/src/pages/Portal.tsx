import { useEffect, useState } from 'react';
import { Link, Route, Routes, useParams } from 'react-router';
import { Button, Card, Empty, Layout, List, Space, Typography } from 'antd';
import { api } from '../api.ts';

/** The public portal (no login): every published 法治政府建设年度报告, as text and as downloads. */
export function PortalPage() {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#8b0000', display: 'flex', alignItems: 'center' }}>
        <Link to="/portal">
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
            法治政府建设年度报告公开
          </Typography.Title>
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 960, margin: '0 auto', width: '100%' }}>
        <Routes>
          <Route index element={<PublishedList />} />
          <Route path="reports/:id" element={<PublishedReport />} />
        </Routes>
      </Layout.Content>
    </Layout>
  );
}

function PublishedList() {
  const [reports, setReports] = useState<any[]>();
  useEffect(() => {
    api('/api/public/reports').then((r) => setReports(r.reports));
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
    api(`/api/public/reports/${id}`).then(setR, (e) => setError(e.message));
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
