import { useCallback, useEffect, useState } from 'react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { api } from './api.ts';
import { SessionContext, type Me } from './session.tsx';
import { LoginPage } from './pages/Login.tsx';
import { DashboardPage } from './pages/Dashboard.tsx';
import { CaseListPage } from './pages/CaseList.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { IndicatorsPage } from './pages/Indicators.tsx';
import { CalendarPage } from './pages/Calendar.tsx';
import { AnalysisPage } from './pages/Analysis.tsx';
import { ReportsPage } from './pages/Reports.tsx';
import { ReportEditorPage } from './pages/ReportEditor.tsx';
import { PortalPage } from './pages/Portal.tsx';
import { RegistersPage } from './pages/Registers.tsx';
import { DrawsPage } from './pages/Draws.tsx';

const { Header, Sider, Content } = Layout;

export function Shell() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const nav = useNavigate();
  const loc = useLocation();
  const refresh = useCallback(() => api<Me>('/api/auth/me').then(setMe, () => setMe(null)), []);
  useEffect(() => {
    refresh();
    const onLogout = () => setMe(null);
    window.addEventListener('fazhi:logout', onLogout);
    return () => window.removeEventListener('fazhi:logout', onLogout);
  }, [refresh]);

  // The public portal needs no login.
  if (loc.pathname === '/portal' || loc.pathname.startsWith('/portal/')) return <Routes><Route path="/portal/*" element={<PortalPage />} /></Routes>;
  if (me === undefined) return <Spin fullscreen />;
  if (me === null) return <LoginPage onLogin={(m) => setMe(m)} />;

  const selected = '/' + (loc.pathname.split('/')[1] ?? '');
  const items = [
    { key: '/', label: <Link to="/">工作台</Link> },
    { key: '/cases', label: <Link to="/cases">案件办理</Link> },
    { key: '/indicators', label: <Link to="/indicators">指标统计</Link> },
    { key: '/reports', label: <Link to="/reports">年度报告</Link> },
    { key: '/registers', label: <Link to="/registers">清单管理</Link> },
    { key: '/draws', label: <Link to="/draws">双随机抽查</Link> },
    { key: '/analysis', label: <Link to="/analysis">报告分析</Link> },
    { key: '/calendar', label: <Link to="/calendar">期限与节假日</Link> },
  ];
  return (
    <SessionContext.Provider value={me}>
      <Layout style={{ minHeight: '100vh' }}>
        <Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#8b0000' }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
            法治政府建设工作平台
          </Typography.Title>
          <Space style={{ color: '#fff' }}>
            <span data-testid="me">
              {me.orgName} · {me.displayName}（{me.roleLabel}）
            </span>
            <Button
              size="small"
              onClick={async () => {
                await api('/api/auth/logout', { method: 'POST' });
                setMe(null);
                nav('/');
              }}
            >
              退出
            </Button>
          </Space>
        </Header>
        <Layout>
          <Sider width={180} theme="light">
            <Menu mode="inline" selectedKeys={[selected]} items={items} style={{ height: '100%' }} />
          </Sider>
          <Content style={{ padding: 20 }}>
            <Routes>
              <Route path="/" element={<DashboardPage />} />
              <Route path="/cases" element={<CaseListPage />} />
              <Route path="/cases/:id" element={<CasePage />} />
              <Route path="/indicators" element={<IndicatorsPage />} />
              <Route path="/reports" element={<ReportsPage />} />
              <Route path="/reports/:id" element={<ReportEditorPage />} />
              <Route path="/registers" element={<RegistersPage />} />
              <Route path="/draws" element={<DrawsPage />} />
              <Route path="/analysis" element={<AnalysisPage />} />
              <Route path="/calendar" element={<CalendarPage />} />
            </Routes>
          </Content>
        </Layout>
      </Layout>
    </SessionContext.Provider>
  );
}
