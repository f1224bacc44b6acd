import { useCallback, useEffect, useMemo, useState } from 'react';
import { useToast } from '../components/toast.ts';
import { Button, Card, Checkbox, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, qs } from '../api.ts';
import { useMe } from '../session.tsx';
import { useOrgTree } from '../hooks.ts';
import { OrgTreeSelect } from '../components/OrgTreeSelect.tsx';

/** 系统管理: the permission matrix (everyone), duties (安全管理员) and the audit trail (审计管理员). */
export function SystemPage() {
  const me = useMe();
  const items = [
    { key: 'matrix', label: '权限矩阵', children: <Matrix /> },
    ...(me.role === 'secadmin' ? [{ key: 'duties', label: '职责设置', children: <Duties /> }] : []),
    ...(me.role === 'auditor' ? [{ key: 'audit', label: '审计日志', children: <AuditLog /> }] : []),
  ];
  return <Tabs items={items} />;
}

const CELL_COLOR: Record<string, string> = { 允许: 'green', 部分允许: 'gold', 按职责: 'blue', 否: 'default' };

function Matrix() {
  const [m, setM] = useState<any>();
  useEffect(() => {
    api('/api/permissions/matrix').then(setM);
  }, []);
  if (!m) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title="角色（三员分立）">
        <Table
          size="small"
          pagination={false}
          rowKey="role"
          dataSource={m.bundles}
          columns={[
            { title: '角色', dataIndex: 'label', width: 140 },
            { title: '说明', dataIndex: 'describe' },
            { title: '默认权限', dataIndex: 'grants', render: (g: any[]) => g.map((x) => <Tag key={x.key}>{x.label}</Tag>) },
          ]}
        />
      </Card>
      <Typography.Paragraph type="secondary">「按职责」须由安全管理员为此人设定职责（单位、业务、环节）后才有，且只在该单位内有效。</Typography.Paragraph>
      <Table
        size="small"
        rowKey={(r: any) => `${r.method} ${r.path}`}
        dataSource={m.routes}
        pagination={{ pageSize: 100 }}
        scroll={{ x: 1200 }}
        columns={[
          { title: '方法', dataIndex: 'method', width: 70 },
          { title: '接口', dataIndex: 'path', render: (p: string) => <code>{p}</code> },
          { title: '所需权限', dataIndex: 'label' },
          ...m.roles.map((r: any) => ({ title: r.label, key: r.key, width: 90, render: (_: unknown, row: any) => <Tag color={CELL_COLOR[row.cells[r.key]]}>{row.cells[r.key]}</Tag> })),
        ]}
      />
    </Space>
  );
}

interface DutyRow {
  orgId: number;
  subunits: boolean;
  subject: string;
  actions: string[];
}

function Duties() {
  const message = useToast();
  const tree = useOrgTree();
  const [m, setM] = useState<any>();
  const [users, setUsers] = useState<any[]>([]);
  const [editing, setEditing] = useState<{ id: number; name: string; duties: DutyRow[] } | null>(null);
  const load = useCallback(() => api('/api/security/users').then(setUsers), []);
  useEffect(() => {
    api('/api/permissions/matrix').then(setM);
    load();
  }, [load]);
  const subjects = useMemo(() => {
    if (!m) return [] as { value: string; label: string; actions: { key: string; label: string }[] }[];
    const caps = new Map<string, { key: string; label: string }[]>();
    for (const c of m.capabilities) {
      const [s, a] = c.key.split('.');
      caps.set(s, [...(caps.get(s) ?? []), { key: a, label: c.label }]);
    }
    return [...m.caseTypes.map((t: any) => ({ value: t.subject, label: t.name, actions: t.actions })), ...[...caps].map(([s, actions]) => ({ value: s, label: s, actions }))];
  }, [m]);
  const save = async () => {
    try {
      await api(`/api/security/users/${editing!.id}/duties`, { method: 'PUT', body: { duties: editing!.duties } });
      message.success('职责已保存');
      setEditing(null);
      load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const set = (i: number, patch: Partial<DutyRow>) => setEditing((e) => e && { ...e, duties: e.duties.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {editing && (
        <Card size="small" title={`设定职责：${editing.name}`} extra={<Space><Button onClick={() => setEditing(null)}>取消</Button><Button type="primary" onClick={save}>保存</Button></Space>}>
          {editing.duties.map((d, i) => (
            <Space key={i} wrap style={{ marginBottom: 8 }}>
              <OrgTreeSelect tree={tree} style={{ width: 260 }} value={d.orgId} onChange={(v) => set(i, { orgId: v })} placeholder="单位" />
              <Checkbox checked={d.subunits} onChange={(e) => set(i, { subunits: e.target.checked })}>含下级</Checkbox>
              <Select style={{ width: 200 }} showSearch optionFilterProp="label" value={d.subject} options={subjects} onChange={(v) => set(i, { subject: v, actions: ['*'] })} placeholder="业务" />
              <Select
                mode="multiple"
                style={{ minWidth: 320 }}
                value={d.actions}
                options={[{ value: '*', label: '全部环节' }, ...(subjects.find((s) => s.value === d.subject)?.actions ?? []).map((a: { key: string; label: string }) => ({ value: a.key, label: a.label }))]}
                onChange={(v) => set(i, { actions: v })}
              />
              <Button danger onClick={() => setEditing((e) => e && { ...e, duties: e.duties.filter((_, j) => j !== i) })}>删除</Button>
            </Space>
          ))}
          <Button onClick={() => setEditing((e) => e && { ...e, duties: [...e.duties, { orgId: tree?.id ?? 0, subunits: false, subject: subjects[0]?.value ?? '', actions: ['*'] }] })}>添加一项职责</Button>
        </Card>
      )}
      <Table
        size="small"
        rowKey="id"
        dataSource={users}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: '用户', render: (_: unknown, u: any) => `${u.displayName}（${u.username}）` },
          { title: '单位', dataIndex: 'orgName' },
          { title: '角色', dataIndex: 'roleLabel' },
          { title: '职责', dataIndex: 'duties', render: (ds: any[]) => ds.map((d, i) => <Tag key={i}>{d.orgName}{d.subunits ? '及下级' : ''}·{subjects.find((s) => s.value === d.subject)?.label ?? d.subject}·{d.actions.includes('*') ? '全部' : d.actions.join('、')}</Tag>) },
          { title: '', render: (_: unknown, u: any) => <Button size="small" onClick={() => setEditing({ id: u.id, name: u.displayName, duties: u.duties.map(({ orgId, subunits, subject, actions }: DutyRow) => ({ orgId, subunits, subject, actions })) })}>设定职责</Button> },
        ]}
      />
    </Space>
  );
}

function AuditLog() {
  const [action, setAction] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<any>();
  const [verify, setVerify] = useState<any>();
  useEffect(() => {
    api(`/api/audit/events?${qs({ action, page, pageSize: 50 })}`).then(setData);
  }, [action, page]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Input.Search placeholder="操作前缀，如 auth. 或 case." allowClear onSearch={(v) => (setPage(1), setAction(v))} style={{ width: 280 }} />
        <Button onClick={() => api('/api/audit/verify').then(setVerify)}>校验审计链</Button>
        {verify && <Tag color={verify.ok ? 'green' : 'red'}>{verify.ok ? `审计链完整：共校验${verify.checked}条` : `审计链断裂：第${verify.brokenAt?.id}号记录，${verify.brokenAt?.reason}`}</Tag>}
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: page * 50 + (data?.items?.length === 50 ? 50 : 0), onChange: setPage }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 200 },
          { title: '操作人', dataIndex: 'actorName', width: 100 },
          { title: '操作', dataIndex: 'action', width: 160 },
          { title: '对象', render: (_: unknown, r: any) => `${r.entity} ${r.entityId ?? ''}`, width: 120 },
          { title: '内容（个人信息已隐去）', dataIndex: 'after', render: (a: unknown) => <code style={{ fontSize: 12 }}>{a ? JSON.stringify(a).slice(0, 200) : ''}</code> },
        ]}
      />
    </Space>
  );
}
