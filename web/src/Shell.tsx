import { useCallback, useEffect, useState } from 'react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { App, Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { clearPageToasts, useToast } from './components/toast.ts';
import { get, post } from './api.ts';
import { forgetKept } from './hooks.ts';
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
import { UsersPage } from './pages/Users.tsx';
import { AccountPage, ChangePasswordForm } from './pages/Account.tsx';
import { DemoBanner } from './components/DemoBanner.tsx';
import { SystemPage } from './pages/System.tsx';
import { Crumbs, GlobalSearch, NotFound, TitleProvider, TodoBell } from './nav.tsx';
import { SupervisionPage } from './pages/Supervision.tsx';
import { MessagesPage } from './pages/Messages.tsx';
import { DocumentPrintPage, DocumentTemplatesPage } from './pages/Documents.tsx';

const { Header, Sider, Content } = Layout;

export function Shell() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const nav = useNavigate();
  const loc = useLocation();
  const [detail, setDetail] = useState<string>();
  const portal = loc.pathname === '/portal' || loc.pathname.startsWith('/portal/');
  const { message } = App.useApp();
  // An error belongs to the page it was raised on (B27).
  useEffect(() => clearPageToasts(message), [loc.pathname, message]);
  const toast = useToast();
  useEffect(() => {
    const onError = (e: Event) => toast.error((e as CustomEvent<string>).detail, 6);
    window.addEventListener('fazhi:api-error', onError);
    return () => window.removeEventListener('fazhi:api-error', onError);
  }, [toast]);
  const refresh = useCallback(
    () =>
      get('/api/auth/me').then(setMe, (e) =>
        // An initial, reset or expired password: signed in, but only the change page is open.
        setMe(e.body?.code === 'password_change_required' ? ({ ...e.body.details.user, mustChangePassword: true } as Me) : null),
      ),
    [],
  );
  useEffect(() => {
    // The portal is anonymous, and without the signed-in hint (set with the session) there is no
    // session to ask about: asking anyway only logs a 401 (B21).
    if (!portal) {
      if (/(^|;\s*)fazhi_signed_in=1/.test(document.cookie)) refresh();
      else setMe(null);
    }
    const onLogout = () => {
      document.cookie = 'fazhi_signed_in=; Max-Age=0; path=/';
      forgetKept();
      setMe(null);
    };
    const onChange = () => setMe((m) => m && { ...m, mustChangePassword: true });
    window.addEventListener('fazhi:logout', onLogout);
    window.addEventListener('fazhi:password-change', onChange);
    return () => {
      window.removeEventListener('fazhi:logout', onLogout);
      window.removeEventListener('fazhi:password-change', onChange);
    };
  }, [refresh, portal]);

  // The public portal needs no login.
  if (portal) return <Routes><Route path="/portal/*" element={<PortalPage />} /></Routes>;
  if (me === undefined) return <Spin fullscreen />;
  if (me === null) return <LoginPage onLogin={(m) => setMe(m)} />;
  if (me.mustChangePassword)
    return (
      <div style={{ minHeight: '100vh', background: '#f3efe9' }}>
        <DemoBanner />
        <div style={{ maxWidth: 480, margin: '64px auto', background: '#fff', padding: 24 }}>
          <ChangePasswordForm forced onDone={refresh} />
          <Button type="link" onClick={() => post('/api/auth/logout').finally(() => setMe(null))}>
            退出
          </Button>
        </div>
      </div>
    );

  // 三员分立: a new account has no rights until the security administrator assigns a role.
  if (me.role === 'none')
    return (
      <div style={{ minHeight: '100vh', background: '#f3efe9' }}>
        <DemoBanner />
        <div style={{ maxWidth: 480, margin: '64px auto', background: '#fff', padding: 24 }}>
          <Typography.Title level={4}>账号尚未分配角色</Typography.Title>
          <Typography.Paragraph>
            {me.displayName}（{me.username}），您的账号已建立，但安全管理员尚未为您分配角色和职责，暂时不能使用各项功能。请联系本单位的安全管理员。
          </Typography.Paragraph>
          <Button onClick={() => post('/api/auth/logout').finally(() => setMe(null))}>退出</Button>
        </div>
      </div>
    );

  const selected = '/' + (loc.pathname.split('/')[1] ?? '');
  const items = [
    { key: '/', label: <Link to="/">工作台</Link> },
    { key: '/cases', label: <Link to="/cases">案件办理</Link> },
    { key: '/supervision', label: <Link to="/supervision">督办</Link> },
    { key: '/indicators', label: <Link to="/indicators">指标统计</Link> },
    { key: '/reports', label: <Link to="/reports">年度报告</Link> },
    { key: '/registers', label: <Link to="/registers">清单管理</Link> },
    { key: '/draws', label: <Link to="/draws">双随机抽查</Link> },
    { key: '/analysis', label: <Link to="/analysis">报告分析</Link> },
    { key: '/calendar', label: <Link to="/calendar">期限与节假日</Link> },
    { key: '/documents', label: <Link to="/documents">文书模板</Link> },
    {
      key: 'system',
      label: '系统管理',
      children: [
        ...(me.role === 'admin' ? [{ key: '/users', label: <Link to="/users">用户管理</Link> }] : []),
        ...(['admin', 'secadmin', 'auditor'].includes(me.role) ? [{ key: '/system', label: <Link to="/system">{me.role === 'secadmin' ? '角色、职责与安全策略' : me.role === 'auditor' ? '权限与审计' : '权限矩阵'}</Link> }] : []),
        { key: '/account', label: <Link to="/account">我的账号</Link> },
      ],
    },
  ];
  return (
    <SessionContext.Provider value={me}>
      <Layout style={{ minHeight: '100vh' }}>
        <DemoBanner />
        <Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#8b0000' }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
            法治政府建设工作平台
          </Typography.Title>
          <Space style={{ color: '#fff' }}>
            <GlobalSearch />
            <TodoBell />
            <span data-testid="me">
              {me.orgName} · {me.displayName}（{me.roleLabel}）
            </span>
            <Button
              size="small"
              onClick={async () => {
                await post('/api/auth/logout');
                forgetKept();
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
            <Menu mode="inline" selectedKeys={[selected]} defaultOpenKeys={['/users', '/account'].includes(selected) ? ['system'] : []} items={items} style={{ height: '100%' }} />
          </Sider>
          <Content style={{ padding: 20 }}>
            <TitleProvider value={setDetail}>
            <Crumbs detail={detail} />
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
              <Route path="/users" element={<UsersPage />} />
              <Route path="/account" element={<AccountPage />} />
              <Route path="/system" element={<SystemPage />} />
              <Route path="/supervision" element={<SupervisionPage />} />
              <Route path="/messages" element={<MessagesPage />} />
              <Route path="/documents/:id" element={<DocumentPrintPage />} />
              <Route path="/documents" element={<DocumentTemplatesPage />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
            </TitleProvider>
          </Content>
        </Layout>
      </Layout>
    </SessionContext.Provider>
  );
}
