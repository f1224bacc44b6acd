import { useEffect, useState } from 'react';
import { stateWithOutcome } from '../components/labels.ts';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Dropdown, Form, Input, InputNumber, Select, Space, Switch, Tag } from 'antd';
import { DataTable } from '../components/DataTable.tsx';
import { get, qs, request, type Reply } from '../api.ts';
import { holds, useMe } from '../session.tsx';
import { useCaseTypes, useOrgTree } from '../hooks.ts';
import { SchemaFields, clean } from '../components/SchemaForm.tsx';
import { FormModal } from '../components/FormModal.tsx';
import { ProblemsAlert, SpreadsheetField, spreadsheetForm } from '../components/Spreadsheet.tsx';
import { OrgTreeSelect } from '../components/OrgTreeSelect.tsx';

export function CaseListPage() {
  const me = useMe();
  const types = useCaseTypes();
  const tree = useOrgTree();
  const nav = useNavigate();
  const [params, setParams] = useSearchParams();
  const [data, setData] = useState<Reply<'/api/cases'>>();
  const [creating, setCreating] = useState<string>();
  const [importing, setImporting] = useState(false);
  const filters = Object.fromEntries(params.entries());
  const page = Number(filters.page ?? 1);
  const set = (patch: Record<string, unknown>) => {
    const next = { ...filters, ...patch, page: patch.page ?? 1 };
    setParams(qs(next));
  };
  const [error, setError] = useState<string>();
  useEffect(() => {
    setData(undefined);
    setError(undefined);
    // A refused request ends the spinner and says why (a bad link such as ?year=abc).
    get('/api/cases', { query: { ...filters, pageSize: 20 } }).then(setData, (e) => (setError(e.message), setData({ items: [], total: 0 } as any)));
  }, [params.toString()]);
  const type = types?.find((t) => t.key === filters.type);
  return (
    <Card
      title="案件办理"
      extra={
        <Space>
          {me.duties.some((d) => d.subject.startsWith('case:')) && (
            <>
              {me.duties.some((d) => d.subject.startsWith('case:') && (d.actions.includes('*') || d.actions.includes('import'))) && <Button onClick={() => setImporting(true)}>批量导入</Button>}
              <Dropdown
                menu={{
                  items: [
                    { type: 'group', label: '案件', children: types?.filter((t) => t.group === 'case' && holds(me, `case:${t.key}`, 'intake')).map((t) => ({ key: t.key, label: t.name })) ?? [] },
                    { type: 'group', label: '活动记录', children: types?.filter((t) => t.group === 'activity' && holds(me, `case:${t.key}`, 'intake')).map((t) => ({ key: t.key, label: t.name })) ?? [] },
                  ],
                  onClick: ({ key }) => setCreating(key),
                }}
              >
                <Button type="primary" data-testid="new-case">登记案件</Button>
              </Dropdown>
            </>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="案件类型"
          placeholder="案件类型"
          showSearch
          optionFilterProp="label"
          allowClear
          style={{ width: 160 }}
          value={filters.type}
          onChange={(v) => set({ type: v, state: undefined })}
          options={[
            { label: '案件', options: types?.filter((t) => t.group === 'case' && holds(me, `case:${t.key}`, 'intake')).map((t) => ({ value: t.key, label: t.name })) ?? [] },
            { label: '活动记录', options: types?.filter((t) => t.group === 'activity' && holds(me, `case:${t.key}`, 'intake')).map((t) => ({ value: t.key, label: t.name })) ?? [] },
          ]}
        />
        <Select aria-label="状态" placeholder="状态" allowClear style={{ width: 140 }} value={filters.state} disabled={!type} onChange={(v) => set({ state: v })} options={type?.states.map((s: any) => ({ value: s.key, label: s.label }))} />
        <OrgTreeSelect tree={tree} aria-label="单位（含下级）" placeholder="单位（含下级）" allowClear style={{ width: 240 }} value={filters.orgId ? Number(filters.orgId) : undefined} onChange={(v) => set({ orgId: v })} />
        <InputNumber aria-label="年度" placeholder="年度" style={{ width: 100 }} min={2000} max={2100} value={filters.year ? Number(filters.year) : undefined} onChange={(v) => set({ year: v ?? undefined })} />
        <Select aria-label="办结情况" placeholder="办结情况" allowClear style={{ width: 120 }} value={filters.open} onChange={(v) => set({ open: v })} options={[{ value: 'true', label: '在办' }, { value: 'false', label: '已办结' }]} />
        <span>
          仅看超期 <Switch checked={filters.overdue === 'true'} onChange={(v) => set({ overdue: v ? 'true' : undefined })} data-testid="overdue-switch" />
        </span>
        <Input.Search aria-label="案号或事项" placeholder="案号或事项" allowClear defaultValue={filters.q} onSearch={(v) => set({ q: v })} style={{ width: 220 }} />
      </Space>
      {error && <Alert type="error" showIcon title={error} action={<Link to="/cases">清除筛选</Link>} style={{ marginBottom: 12 }} data-testid="list-error" />}
      <DataTable
        id="cases"
        exportName="案件清单"
        exportHref={`/api/cases/export.xlsx?${qs(filters)}`}
        rowKey="id"
        loading={!data}
        dataSource={data?.items}
        size="middle"
        rowClassName={(r: any) => (r.overdue ? 'row-overdue' : '')}
        onRow={(r: any) => ({ style: r.overdue ? { background: '#fff1f0' } : undefined })}
        pagination={{ current: page, pageSize: 20, total: data?.total, showSizeChanger: false, showTotal: (t: number) => (data?.totalCapped ? `超过 ${t} 件，请用筛选缩小范围` : `共 ${t} 件`), onChange: (p: number) => set({ page: p }) }}
        columns={[
          { title: '案号', dataIndex: 'number', render: (v: string, r: any) => <Link to={`/cases/${r.id}`}>{v}</Link>, width: 230 },
          { title: '类型', dataIndex: 'typeName', width: 100 },
          { title: '事项', dataIndex: 'title', ellipsis: true },
          { title: '办理单位', dataIndex: 'orgName', width: 170 },
          { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
          { title: '状态', dataIndex: 'stateLabel', width: 140, render: (v: string, r: any) => stateWithOutcome(v, r.outcomeLabel) },
          { title: '最近届满', dataIndex: 'nextDue', width: 140, render: (v: string, r: any) => (r.overdue ? <Tag color="red">{v} 已超期</Tag> : v) },
        ]}
      />
      {importing && <ImportModal onClose={() => setImporting(false)} onDone={() => (setImporting(false), setParams(qs({ ...filters, page: 1, _: Date.now() })))} />}
      {creating && <NewCaseModal typeKey={creating} onClose={() => setCreating(undefined)} onCreated={(id) => nav(`/cases/${id}`)} />}
    </Card>
  );
}

function NewCaseModal({ typeKey, onClose, onCreated }: { typeKey: string; onClose: () => void; onCreated: (id: number) => void }) {
  const me = useMe();
  const types = useCaseTypes();
  const tree = useOrgTree();
  const type = types?.find((t) => t.key === typeKey);
  return (
    <FormModal
      width={720}
      title={`登记${type?.name ?? ''}`}
      okText="登记"
      initialValues={{ orgId: me.orgId }}
      onClose={onClose}
      submit={async (v) => {
        // Every type's intake route answers the case view.
        const c = (await request(`/api/${typeKey}/cases`, { body: { orgId: v.orgId, fields: clean(v.fields) } })) as Reply<'/api/cases/{id}'>;
        onCreated(c.id);
        return `已登记，案号 ${c.number}`;
      }}
    >
      <Form.Item name="orgId" label="办理单位" rules={[{ required: true }]}>
        <OrgTreeSelect tree={tree} />
      </Form.Item>
      <SchemaFields schema={type?.intake} prefix={['fields']} />
    </FormModal>
  );
}

/** Bulk import from the platform's template or a hotline export: all rows or none, each bad row named. */
function ImportModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const me = useMe();
  const types = useCaseTypes();
  const tree = useOrgTree();
  const [problems, setProblems] = useState<string[]>();
  return (
    <FormModal
      width={640}
      title="批量导入（Excel 或 CSV）"
      okText="导入"
      initialValues={{ orgId: me.orgId }}
      onClose={onClose}
      submit={async (v) => {
        try {
          const r = (await request(`/api/${v.type}/import?${qs({ orgId: v.orgId })}`, { form: spreadsheetForm(v) })) as any;
          onDone();
          return `已导入 ${r.imported} 条`;
        } catch (e: any) {
          setProblems(e.body?.details?.problems);
          throw e;
        }
      }}
    >
      <Form.Item name="type" label="案件类型" rules={[{ required: true, message: '请选择案件类型' }]}>
        <Select options={types?.map((t) => ({ value: t.key, label: t.name }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.type !== b.type}>
        {({ getFieldValue }) => getFieldValue('type') && <a href={`/api/${getFieldValue('type')}/import-template.xlsx`}>下载导入模板</a>}
      </Form.Item>
      <Form.Item name="orgId" label="办理单位（受理单位）" rules={[{ required: true }]}>
        <OrgTreeSelect tree={tree} />
      </Form.Item>
      <SpreadsheetField />
      <ProblemsAlert problems={problems} nothing="未导入任何数据" />
    </FormModal>
  );
}
