import { useCallback, useEffect, useState } from 'react';
import { useToast } from '../components/toast.ts';
import { Alert, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { get, post, qs, request } from '../api.ts';
import { holds, useMe } from '../session.tsx';
import { FormModal } from '../components/FormModal.tsx';
import { ProblemsAlert, SpreadsheetField, spreadsheetForm } from '../components/Spreadsheet.tsx';
import { OrgPicker } from '../components/SchemaForm.tsx';
import { DataTable } from '../components/DataTable.tsx';

export const RISK: Record<string, [string, string]> = { high: ['red', '高风险'], medium: ['orange', '中风险'], low: ['green', '低风险'] };

/** A draw's public record: the commitment, then the seed, the result and how to re-check it. */
export function DrawRecord({ d }: { d: any }) {
  const holder = new Map<string, string>(d.spec.inspectors.map((i: any) => [i.certNo, i.holder]));
  return (
    <>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="抽查事项">{d.item}</Descriptions.Item>
        <Descriptions.Item label="抽查单位">{[d.orgName, ...(d.jointOrgNames ?? [])].join('、')}</Descriptions.Item>
        <Descriptions.Item label="承诺值 SM3(种子)">
          <Typography.Text code copyable data-testid="commitment">
            {d.commitment}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="名录哈希">
          <Typography.Text code>{d.poolHash}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="名录">
          检查对象 {d.pool?.targets ?? d.spec.targets.length} 户，执法人员 {d.pool?.inspectors ?? d.spec.inspectors.length} 名；抽取 高{d.spec.counts.high}、中{d.spec.counts.medium}、低{d.spec.counts.low} 户，每户 {d.spec.inspectorsPerTarget} 人
        </Descriptions.Item>
        <Descriptions.Item label="种子">{d.seed ? <Typography.Text code>{d.seed}</Typography.Text> : '抽取时公开'}</Descriptions.Item>
      </Descriptions>
      {d.result && (
        <>
          <Alert
            style={{ margin: '12px 0' }}
            type="info"
            showIcon
            title="任何人都可以复核：下载本记录（JSON），运行 npx fazhi draw verify --file 记录.json，检查种子与承诺值是否相符、重抽是否得到同一名单。"
          />
          <DataTable
            id="draw-targets"
            exportName={`抽取结果-${d.title}`}
            rowKey="code"
            size="small"
            dataSource={d.result.targets}
            pagination={false}
            columns={[
              { title: '统一社会信用代码', dataIndex: 'code', width: 200 },
              { title: '检查对象', dataIndex: 'name' },
              { title: '风险等级', dataIndex: 'risk', width: 100, render: (v: string) => <Tag color={RISK[v][0]}>{RISK[v][1]}</Tag>, exportValue: (r: any) => RISK[r.risk][1] },
              { title: '检查人员（执法证号）', dataIndex: 'inspectors', render: (v: string[]) => v.map((c) => `${holder.get(c) ?? ''}（${c}）`).join('、'), exportValue: (r: any) => r.inspectors.map((c: string) => `${holder.get(c) ?? ''}（${c}）`).join('、') },
            ]}
          />
        </>
      )}
    </>
  );
}

/** 双随机抽查: tasks, the committed draw, the draw itself, and the target pool. */
export function DrawsPage() {
  const me = useMe();
  const message = useToast();
  const [rows, setRows] = useState<any[]>();
  const [open, setOpen] = useState<any>();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [problems, setProblems] = useState<string[]>();
  const [sampling, setSampling] = useState(false);
  const load = useCallback(() => get('/api/draws').then((r) => setRows(r as any[])), []);
  useEffect(() => {
    load();
  }, [load]);
  const show = async (id: number) => setOpen(await get('/api/draws/{id}', { params: { id } }));
  const draw = async () => {
    try {
      setOpen(await post('/api/draws/{id}/draw', { params: { id: open.id } }));
      message.success('已抽取，检查任务已生成');
      load();
    } catch (e: any) {
      message.error(e.message);
    }
  };
  return (
    <Card
      title="双随机一公开与案卷评查"
      extra={
        <Space>
          {holds(me, 'sampling', 'run') && <Button onClick={() => setSampling(true)}>案卷评查抽样</Button>}
          {holds(me, 'targets', 'import') && <Button onClick={() => setImporting(true)}>导入检查对象名录</Button>}
          {holds(me, 'draws', 'commit') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              新建抽查任务
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">新建任务时冻结检查对象和执法人员名录，并先公布随机种子的 SM3 承诺值；抽取时公开种子，任何人可据此复核抽取结果。</Typography.Paragraph>
      <DataTable
        id="draws"
        exportName="双随机抽查任务"
        rowKey="id"
        size="small"
        loading={!rows}
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '任务', dataIndex: 'title', render: (v: string, r: any) => <a href="#" onClick={(e) => (e.preventDefault(), show(r.id))}>{v}</a> },
          { title: '单位', dataIndex: 'orgName', width: 180 },
          { title: '抽查事项', dataIndex: 'item' },
          { title: '状态', dataIndex: 'drawnOn', width: 160, render: (v: string) => (v ? <Tag color="green">{v} 已抽取</Tag> : <Tag color="orange">已公布承诺值，待抽取</Tag>), exportValue: (r: any) => (r.drawnOn ? `${r.drawnOn} 已抽取` : '待抽取') },
        ]}
      />
      <Drawer
        open={Boolean(open)}
        onClose={() => setOpen(undefined)}
        size={900}
        title={open?.title}
        extra={
          open && (
            <Space>
              {!open.result && holds(me, 'draws', 'run') && (
                <Button type="primary" onClick={draw}>
                  抽取
                </Button>
              )}
              <Button href={`/api/public/draws/${open.id}`} target="_blank">
                公开记录（JSON）
              </Button>
            </Space>
          )
        }
      >
        {open && <DrawRecord d={open} />}
      </Drawer>
      {creating && (
        <FormModal
          width={640}
          title="新建抽查任务"
          okText="冻结名录并公布承诺值"
          initialValues={{ orgId: me.orgId, high: 2, medium: 2, low: 1, inspectorsPerTarget: 2, jointOrgIds: [] }}
          onClose={() => setCreating(false)}
          submit={async (v) => {
            const d: any = await post('/api/draws', {
              body: { orgId: v.orgId, title: v.title, item: v.item, category: v.category || undefined, counts: { high: v.high, medium: v.medium, low: v.low }, inspectorsPerTarget: v.inspectorsPerTarget, jointOrgIds: v.jointOrgIds },
            });
            setCreating(false);
            load();
            setOpen(d);
            return '已公布承诺值';
          }}
        >
          <Form.Item name="orgId" label="抽查单位" rules={[{ required: true }]}>
            <OrgPicker />
          </Form.Item>
          <Form.Item name="jointOrgIds" label="联合抽查部门（可不选）">
            <OrgPicker multiple placeholder="可不选" />
          </Form.Item>
          <Form.Item name="title" label="任务名称" rules={[{ required: true, message: '请填写任务名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="item" label="抽查事项" rules={[{ required: true, message: '请填写抽查事项' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="category" label="行业类别（为空则不限）">
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="high" label="高风险（户）">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="medium" label="中风险（户）">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="low" label="低风险（户）">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="inspectorsPerTarget" label="每户检查人员">
              <InputNumber min={2} max={10} />
            </Form.Item>
          </Space>
        </FormModal>
      )}
      {sampling && (
        <FormModal
          title="案卷评查抽样"
          okText="随机抽取"
          initialValues={{ reviewerOrgId: me.orgId, fromOrgId: me.scopeOrgId, year: Number(me.today.slice(0, 4)), count: 20 }}
          onClose={() => setSampling(false)}
          submit={async (v) => {
            const r: any = await post('/api/file-reviews/sample', { body: v });
            setSampling(false);
            return `从${r.of}份已结案卷中随机抽取${r.sampled}份，已生成评查任务（见案件办理 › 执法案卷评查）`;
          }}
        >
          <Form.Item name="reviewerOrgId" label="评查单位" rules={[{ required: true }]}>
            <OrgPicker />
          </Form.Item>
          <Form.Item name="fromOrgId" label="被评查单位（含下级）" rules={[{ required: true }]}>
            <OrgPicker />
          </Form.Item>
          <Space>
            <Form.Item name="year" label="结案年度" rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="count" label="抽取份数" rules={[{ required: true }]}>
              <InputNumber min={1} max={500} />
            </Form.Item>
          </Space>
        </FormModal>
      )}
      {importing && (
        <FormModal
          title="导入检查对象名录"
          okText="导入"
          initialValues={{ orgId: me.orgId }}
          onClose={() => (setImporting(false), setProblems(undefined))}
          submit={async (v) => {
            try {
              const r: any = await request(`/api/inspection-targets/import?${qs({ orgId: v.orgId })}`, { form: spreadsheetForm(v) });
              setImporting(false);
              return `已导入 ${r.imported} 户`;
            } catch (e: any) {
              setProblems(e.body?.details?.problems);
              throw e;
            }
          }}
        >
          <Typography.Paragraph type="secondary">表格首行：统一社会信用代码、名称、行业类别、风险等级（高/中/低）、地址。任一行有误则全部不导入。</Typography.Paragraph>
          <Form.Item name="orgId" label="单位" rules={[{ required: true }]}>
            <OrgPicker />
          </Form.Item>
          <SpreadsheetField />
          <ProblemsAlert problems={problems} nothing="未导入任何数据" />
        </FormModal>
      )}
    </Card>
  );
}
