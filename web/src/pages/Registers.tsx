import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Drawer, Form, Input, Select, Tag, Timeline, Typography } from 'antd';
import { get, qs, request } from '../api.ts';
import { holds, useMe } from '../session.tsx';
import { FormModal } from '../components/FormModal.tsx';
import { ProblemsAlert, SpreadsheetField, spreadsheetForm } from '../components/Spreadsheet.tsx';
import { OrgPicker } from '../components/SchemaForm.tsx';
import { DataTable } from '../components/DataTable.tsx';

/** A register's items, with option keys shown as their labels. */
export function RegisterItems({ columns, items }: { columns: any[]; items: any[] }) {
  return (
    <DataTable
      id="register-items"
      exportName="清单事项"
      rowKey="code"
      size="small"
      dataSource={items}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      columns={columns.map((c) => ({ title: c.title, dataIndex: c.field, ellipsis: true, render: (v: string) => (c.options ? (c.options[v] ?? v) : v), exportValue: (r: any) => (c.options ? (c.options[r[c.field]] ?? r[c.field]) : r[c.field]) }))}
    />
  );
}

/** Registers with their current version; `name` renders the way into one. */
export function RegisterList({ rows, name }: { rows?: any[]; name: (r: any) => React.ReactNode }) {
  return (
    <DataTable
      id="registers"
      exportName="清单目录"
      rowKey="id"
      size="small"
      loading={!rows}
      dataSource={rows}
      pagination={false}
      columns={[
        { title: '单位', dataIndex: 'orgName' },
        { title: '清单', dataIndex: 'kindName', render: (_: any, r: any) => name(r) },
        { title: '现行版本', dataIndex: 'version', width: 90, render: (v: number) => `第${v}版` },
        { title: '发布日期', dataIndex: 'publishedOn', width: 110 },
        { title: '事项数', dataIndex: 'count', width: 90 },
      ]}
    />
  );
}

/** The change log: what each version added, removed and changed. */
export function ChangeLog({ changes }: { changes: any[] }) {
  return (
    <Timeline
      items={changes.map((c) => ({
        children: (
          <>
            第{c.version}版 · {c.publishedOn} · {c.note}
            <div>
              {c.added.length > 0 && <Tag color="green">新增 {c.added.length}</Tag>}
              {c.removed.length > 0 && <Tag color="red">取消 {c.removed.length}</Tag>}
              {c.changed.length > 0 && <Tag color="orange">调整 {c.changed.length}</Tag>}
            </div>
            {[...c.removed.map((x: string) => `取消 ${x}`), ...c.changed.map((x: string) => `调整 ${x}`)].slice(0, 10).map((x) => (
              <Typography.Text type="secondary" key={x} style={{ display: 'block' }}>
                {x}
              </Typography.Text>
            ))}
          </>
        ),
      }))}
    />
  );
}

/** 清单管理: every register in scope; publish a new version from Excel; items and change log. */
export function RegistersPage() {
  const me = useMe();
  const [kinds, setKinds] = useState<any[]>([]);
  const [rows, setRows] = useState<any[]>();
  const [open, setOpen] = useState<any>();
  const [publishing, setPublishing] = useState(false);
  const [problems, setProblems] = useState<string[]>();
  const load = useCallback(() => get('/api/registers').then((r) => setRows(r as any[])), []);
  useEffect(() => {
    get('/api/registers/kinds').then((r) => setKinds(r as any[]));
    load();
  }, [load]);
  const show = async (id: number) => setOpen(await get('/api/registers/{id}', { params: { id } }));
  const columnsOf = (kind: string) => kinds.find((k) => k.key === kind)?.columns ?? [];

  return (
    <Card
      title="清单管理"
      extra={
        holds(me, 'registers', 'publish') && (
          <Button type="primary" onClick={() => setPublishing(true)}>
            发布新版本（Excel 导入）
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">每次发布都保存完整的新版本；公开网站显示现行版本和历次调整。</Typography.Paragraph>
      <RegisterList rows={rows} name={(r) => <a onClick={() => show(r.id)}>{r.kindName}</a>} />
      <Drawer open={Boolean(open)} onClose={() => setOpen(undefined)} size={960} title={open && `${open.orgName} · ${open.kindName}（第${open.version}版）`} extra={open && <Button href={`/api/registers/${open.id}/export.xlsx`}>导出 Excel</Button>}>
        {open && (
          <>
            <RegisterItems columns={columnsOf(open.kind)} items={open.items} />
            <Typography.Title level={5}>调整记录</Typography.Title>
            <ChangeLog changes={open.changes} />
          </>
        )}
      </Drawer>
      {publishing && (
        <FormModal
          width={640}
          title="发布清单新版本"
          okText="发布"
          initialValues={{ orgId: me.orgId }}
          onClose={() => (setPublishing(false), setProblems(undefined))}
          submit={async (v) => {
            try {
              const r: any = await request(`/api/registers/import?${qs({ orgId: v.orgId, kind: v.kind, note: v.note })}`, { form: spreadsheetForm(v) });
              setPublishing(false);
              load();
              return `已发布第${r.version}版，共${r.count}项`;
            } catch (e: any) {
              setProblems(e.body?.details?.problems);
              throw e;
            }
          }}
        >
          <Form.Item name="kind" label="清单" rules={[{ required: true, message: '请选择清单' }]}>
            <Select options={kinds.map((k) => ({ value: k.key, label: k.name }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {({ getFieldValue }) => getFieldValue('kind') && <a href={`/api/registers/template.xlsx?kind=${getFieldValue('kind')}`}>下载模板</a>}
          </Form.Item>
          <Form.Item name="orgId" label="单位" rules={[{ required: true }]}>
            <OrgPicker />
          </Form.Item>
          <Form.Item name="note" label="调整说明" rules={[{ required: true, message: '请填写调整说明' }]}>
            <Input placeholder="如：根据机构职能调整动态更新" />
          </Form.Item>
          <SpreadsheetField label="整表文件（.xlsx 或 .csv，首行为栏目名）" />
          <ProblemsAlert problems={problems} nothing="未发布" />
        </FormModal>
      )}
    </Card>
  );
}
