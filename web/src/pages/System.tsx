import { useCallback, useEffect, useMemo, useState } from 'react';
import { useToast } from '../components/toast.ts';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { get, put } from '../api.ts';
import { useMe } from '../session.tsx';
import { useOrgTree } from '../hooks.ts';
import { OrgTreeSelect } from '../components/OrgTreeSelect.tsx';
import { FormModal } from '../components/FormModal.tsx';

/**
 * 系统管理 under 三员分立: the permission matrix (everyone); roles, duties and the security policy
 * (安全管理员); the audit trail (审计管理员). Each sees only the tabs of their own work.
 */
export function SystemPage() {
  const me = useMe();
  const items = [
    ...(me.role === 'secadmin'
      ? [
          { key: 'duties', label: '角色与职责', children: <Duties /> },
          { key: 'policy', label: '安全策略', children: <PolicyCard /> },
        ]
      : []),
    ...(me.role === 'auditor' ? [{ key: 'audit', label: '审计日志', children: <AuditLog /> }] : []),
    { key: 'matrix', label: '权限矩阵', children: <Matrix /> },
  ];
  return <Tabs items={items} />;
}

const CELL_COLOR: Record<string, string> = { 允许: 'green', 部分允许: 'gold', 按职责: 'blue', 否: 'default' };

function Matrix() {
  const [m, setM] = useState<any>();
  useEffect(() => {
    get('/api/permissions/matrix').then(setM);
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

/** The security administrator's page: each person's role, scope and duties; never their own. */
function Duties() {
  const me = useMe();
  const message = useToast();
  const tree = useOrgTree();
  const [m, setM] = useState<any>();
  const [users, setUsers] = useState<any[]>([]);
  const [editing, setEditing] = useState<{ id: number; name: string; duties: DutyRow[] } | null>(null);
  const [granting, setGranting] = useState<any | null>(null);
  const load = useCallback(() => get('/api/security/users').then((u) => setUsers(u as any[])), []);
  useEffect(() => {
    get('/api/permissions/matrix').then(setM);
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
      await put('/api/security/users/{id}/duties', { params: { id: editing!.id }, body: { duties: editing!.duties } });
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
      <Alert
        type="info"
        title="三员分立：安全管理员分配角色、可查看范围和职责，不能新建账号或设置密码（由系统管理员负责）；任何人都不能修改自己的角色和职责。每次分配均记入审计日志和安全日志。"
      />
      {granting && (
        <FormModal
          title={`分配角色：${granting.displayName}（${granting.username}）`}
          okText="保存"
          initialValues={{ role: granting.role === 'none' ? undefined : granting.role, scopeOrgId: granting.scopeOrgId }}
          onClose={() => setGranting(null)}
          submit={async (v) => {
            await put('/api/security/users/{id}/role', { params: { id: granting.id }, body: v });
            setGranting(null);
            load();
            return '角色已保存';
          }}
        >
          <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]} extra="改为不承担职责的角色（安全管理员、审计管理员、领导）时，此人原有的职责一并取消。">
            <Select options={(m?.bundles ?? []).filter((b: any) => b.role !== 'none').map((b: any) => ({ value: b.role, label: `${b.label}：${b.describe}` }))} />
          </Form.Item>
          <Form.Item name="scopeOrgId" label={`可查看范围（须包含所在单位「${granting.orgName}」）`} rules={[{ required: true, message: '请选择可查看范围' }]}>
            <OrgTreeSelect tree={tree} />
          </Form.Item>
        </FormModal>
      )}
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
          { title: '角色', render: (_: unknown, u: any) => (u.role === 'none' ? <Tag color="orange">待分配角色</Tag> : u.roleLabel) },
          { title: '可查看范围', dataIndex: 'scopeOrgName' },
          { title: '职责', dataIndex: 'duties', render: (ds: any[]) => ds.map((d, i) => <Tag key={i}>{d.orgName}{d.subunits ? '及下级' : ''}·{subjects.find((s) => s.value === d.subject)?.label ?? d.subject}·{d.actions.includes('*') ? '全部' : d.actions.join('、')}</Tag>) },
          {
            title: '',
            render: (_: unknown, u: any) =>
              u.id === me.id ? (
                <Typography.Text type="secondary">本人（须由另一位安全管理员分配）</Typography.Text>
              ) : (
                <Space size={4}>
                  <Button size="small" onClick={() => setGranting(u)}>
                    分配角色
                  </Button>
                  {m?.bundles.find((b: any) => b.role === u.role)?.takesDuties && (
                    <Button size="small" onClick={() => setEditing({ id: u.id, name: u.displayName, duties: u.duties.map(({ orgId, subunits, subject, actions }: DutyRow) => ({ orgId, subunits, subject, actions })) })}>
                      设定职责
                    </Button>
                  )}
                </Space>
              ),
          },
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
    get('/api/audit/events', { query: { action, page, pageSize: 50 } }).then(setData);
  }, [action, page]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Input.Search placeholder="操作前缀，如 auth. 或 case." allowClear onSearch={(v) => (setPage(1), setAction(v))} style={{ width: 280 }} />
        <Button onClick={() => get('/api/audit/verify').then(setVerify)}>校验审计链</Button>
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

// The numeric policy settings with the ranges the server accepts.
const POLICY_NUMBERS: [string, string, number, number][] = [
  ['passwordMinLength', '密码最短长度', 8, 64],
  ['passwordMinClasses', '至少包含字符类别', 2, 4],
  ['passwordHistory', '不得重复最近几次密码', 0, 24],
  ['passwordExpiryDays', '密码有效期（天，0为不过期）', 0, 3650],
  ['sessionIdleMinutes', '无操作自动退出（分钟）', 5, 720],
  ['sessionMaxHours', '会话最长有效期（小时）', 1, 72],
  ['loginMaxFailures', '同一地址登录失败几次锁定', 3, 10],
  ['loginLockMinutes', '登录锁定时长（分钟）', 5, 1440],
  ['accountMaxFailures', '各地址累计失败几次整体锁定账号', 20, 1000],
];

/** The security policy as data (安全管理员): password rules, session limits, the second factor. */
function PolicyCard() {
  const message = useToast();
  const [form] = Form.useForm();
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    get('/api/security-policy').then((p) => (form.setFieldsValue(p as any), setLoaded(true)));
  }, []);
  if (!loaded) return null;
  return (
    <Card title="安全策略">
      <Alert type="info" style={{ marginBottom: 16 }} title="按等保2.0三级要求：口令具有复杂度并定期更换，登录失败处理，会话超时退出，特权账号采用两种以上鉴别方式。" />
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        onFinish={async (v) => {
          try {
            form.setFieldsValue((await put('/api/security-policy', { body: v })) as any);
            message.success('安全策略已保存');
          } catch (e: any) {
            message.error(e.message);
          }
        }}
      >
        <Row gutter={24}>
          {POLICY_NUMBERS.map(([name, label, min, max]) => (
            <Col span={8} key={name}>
              <Form.Item name={name} label={label}>
                <InputNumber min={min} max={max} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="requireTotpForPrivileged" label="管理员和领导登录须使用动态验证码" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          保存
        </Button>
      </Form>
    </Card>
  );
}
