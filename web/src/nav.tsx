import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { AutoComplete, Badge, Breadcrumb, Button, Empty, Input, List, Popover, Result, Space, Tabs, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { get, post, qs, type Reply } from './api.ts';
import './a11y.css';

export const APP_NAME = '法治政府建设工作平台';

/** Menu sections: the first part of the path names the page (and its breadcrumb). */
export const SECTIONS: Record<string, string> = {
  '/': '工作台',
  '/cases': '案件办理',
  '/supervision': '督办',
  '/indicators': '指标统计',
  '/reports': '年度报告',
  '/registers': '清单管理',
  '/draws': '双随机抽查',
  '/analysis': '报告分析',
  '/calendar': '期限与节假日',
  '/messages': '消息与提醒',
  '/documents': '文书模板',
};

const TitleContext = createContext<(t: string | undefined) => void>(() => undefined);
export const TitleProvider = TitleContext.Provider;

/** A detail page names itself (案号, report title): shown as the last breadcrumb and in the tab title. */
export function usePageTitle(title: string | undefined) {
  const set = useContext(TitleContext);
  useEffect(() => {
    set(title);
    return () => set(undefined);
  }, [title, set]);
}

export function sectionOf(pathname: string): string | undefined {
  return SECTIONS['/' + (pathname.split('/')[1] ?? '')];
}

/** 工作台 / 案件办理 / 青溪区复〔2025〕3号, and the same in document.title. */
export function Crumbs({ detail }: { detail?: string }) {
  const loc = useLocation();
  const section = sectionOf(loc.pathname);
  const top = '/' + (loc.pathname.split('/')[1] ?? '');
  const atSection = loc.pathname === top;
  useEffect(() => {
    document.title = [detail, section !== '工作台' || !detail ? section : undefined, APP_NAME].filter(Boolean).join(' - ');
  }, [detail, section]);
  const items: { title: ReactNode }[] = [{ title: loc.pathname === '/' ? '工作台' : <Link to="/">工作台</Link> }];
  if (section && top !== '/') items.push({ title: atSection && !detail ? section : <Link to={top}>{section}</Link> });
  if (detail) items.push({ title: detail });
  return (
    <nav aria-label="当前位置" style={{ marginBottom: 12 }}>
      <Breadcrumb items={items} data-testid="breadcrumb" />
    </nav>
  );
}

export function NotFound({ home = '/' }: { home?: string }) {
  usePageTitle('页面不存在');
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的地址不存在，可能是链接有误或页面已调整。"
      extra={
        <Link to={home}>
          <Button type="primary">返回首页</Button>
        </Link>
      }
      data-testid="not-found"
    />
  );
}

/** The header search: 案号, 事项 or 当事人; Enter without a pick opens the case list filtered. */
export function GlobalSearch() {
  const nav = useNavigate();
  const [options, setOptions] = useState<{ value: string; label: ReactNode }[]>([]);
  const [text, setText] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const search = (q: string) => {
    setText(q);
    clearTimeout(timer.current);
    if (!q.trim()) return setOptions([]);
    timer.current = setTimeout(async () => {
      const r = (await get('/api/search', { query: { q } }).catch(() => ({ items: [] }))) as { items: any[] };
      setOptions(
        r.items.map((i: any) => ({
          value: String(i.caseId),
          label: (
            <div data-testid={`search-hit-${i.caseId}`}>
              <b>{i.number}</b> <Tag>{i.typeName}</Tag>
              {i.party && <Typography.Text type="secondary">当事人：{i.party}</Typography.Text>}
              <div style={{ fontSize: 12, color: '#666', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {i.orgName} · {i.stateLabel} · {i.title}
              </div>
            </div>
          ),
        })),
      );
    }, 250);
  };
  return (
    <div style={{ lineHeight: 'normal', display: 'flex', alignItems: 'center' }}>
    <AutoComplete
      options={options}
      onSearch={search}
      value={text}
      onSelect={(id) => {
        setText('');
        setOptions([]);
        nav(`/cases/${id}`);
      }}
      style={{ width: 300 }}
      popupMatchSelectWidth={460}
    >
      <Input.Search
        aria-label="全局搜索：案号或当事人"
        placeholder="搜索案号、事项或当事人"
        allowClear
        onSearch={(q) => q.trim() && options.length === 0 && nav(`/cases?${qs({ q: q.trim() })}`)}
        data-testid="global-search"
      />
    </AutoComplete>
    </div>
  );
}

/** The bell: 待办 and unread messages, refreshed on every page change and each minute. */
export function TodoBell() {
  const loc = useLocation();
  const [todos, setTodos] = useState<Reply<'/api/todos'>>();
  const [msgs, setMsgs] = useState<Reply<'/api/notifications'>>();
  const [open, setOpen] = useState(false);
  const load = () => {
    get('/api/todos').then(setTodos, () => undefined);
    get('/api/notifications', { query: { limit: 10 } }).then(setMsgs, () => undefined);
  };
  useEffect(() => {
    load();
    const t = setInterval(load, 60_000);
    return () => clearInterval(t);
  }, [loc.pathname]);
  const count = (todos?.total ?? 0) + (msgs?.unread ?? 0);
  const content = (
    <Tabs
      style={{ width: 420 }}
      items={[
        {
          key: 'todo',
          label: `待办（${todos?.total ?? 0}）`,
          children: (
            <>
              <Space wrap style={{ marginBottom: 8 }}>
                {todos && Object.entries(todos.kinds).map(([k, label]) => (todos.counts[k] ? <Tag key={k}>{`${label} ${todos.counts[k]}`}</Tag> : null))}
              </Space>
              <List
                size="small"
                dataSource={todos?.items.slice(0, 8) ?? []}
                locale={{ emptyText: <Empty description="没有待办事项" /> }}
                renderItem={(i: any) => (
                  <List.Item>
                    <Link to={i.link} onClick={() => setOpen(false)}>
                      {i.overdue && <Tag color="red">超期</Tag>}
                      {i.number ?? i.title}：{i.what}
                    </Link>
                  </List.Item>
                )}
              />
              <Link to="/" onClick={() => setOpen(false)}>
                查看全部待办
              </Link>
            </>
          ),
        },
        {
          key: 'msg',
          label: `消息（${msgs?.unread ?? 0}）`,
          children: (
            <>
              <List
                size="small"
                dataSource={msgs?.items ?? []}
                locale={{ emptyText: <Empty description="没有消息" /> }}
                renderItem={(n: any) => (
                  <List.Item>
                    <Link
                      to={n.link ?? '/messages'}
                      onClick={() => {
                        setOpen(false);
                        if (!n.read) void post('/api/notifications/read', { body: { ids: [n.id] } }).then(load);
                      }}
                      style={{ fontWeight: n.read ? 'normal' : 'bold' }}
                    >
                      <Tag>{n.kindLabel}</Tag>
                      {n.title}
                    </Link>
                  </List.Item>
                )}
              />
              <Link to="/messages" onClick={() => setOpen(false)}>
                全部消息与提醒设置
              </Link>
            </>
          ),
        },
      ]}
    />
  );
  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={count} size="small" overflowCount={99} data-testid="bell-count">
        <Button type="text" aria-label={`待办与消息（${count}）`} icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />} data-testid="bell" />
      </Badge>
    </Popover>
  );
}
