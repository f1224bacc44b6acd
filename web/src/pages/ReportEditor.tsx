import { useEffect, useMemo, useRef, useState } from 'react';
import { useToast } from '../components/toast.ts';
import { usePageTitle } from '../nav.tsx';
import { useParams } from 'react-router';
import { validValues } from '../components/FormModal.tsx';
import { Alert, Button, Card, Col, Form, Input, List, Modal, Row, Select, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { get, post, put, type Reply } from '../api.ts';
import { useCaseTypes } from '../hooks.ts';
import { DrillDown, type DrillTarget } from '../components/DrillDown.tsx';
import { STATE_COLORS } from './Reports.tsx';
import { OrgTreeSelect } from '../components/OrgTreeSelect.tsx';
import { DELIVERY_CHANNELS, optionsOf } from '../components/labels.ts';

const TOKEN = /\{\{\s*([^{}\s]+)\s*\}\}/g;
const SEVERITY: Record<string, [string, string]> = { error: ['red', '错误'], warning: ['orange', '提示'], info: ['blue', '信息'] };

/** Body text with each figure token shown as its value, clickable to the records behind it. */
function Rendered({ body, figures, onFigure }: { body: string; figures: Map<string, any>; onFigure: (f: any) => void }) {
  return (
    <>
      {body.split('\n').map((para, i) => {
        const parts: React.ReactNode[] = [];
        let last = 0;
        for (const m of para.matchAll(TOKEN)) {
          parts.push(para.slice(last, m.index));
          const f = figures.get(m[1]);
          parts.push(
            f ? (
              <Tooltip key={m.index} title={`${f.name}${f.denominator !== undefined ? `＝${f.numerator}÷${f.denominator}` : ''}${f.records ? `；报送时冻结，计入${f.records.length}条记录` : ''}。点击查看来源`}>
                <a className="report-figure" data-testid={`figure-${m[1]}`} onClick={() => onFigure(f)} style={{ background: '#fff1f0', padding: '0 2px' }}>
                  {f.display}
                </a>
              </Tooltip>
            ) : (
              <Tag color="red" key={m.index}>
                {m[0]} 未知
              </Tag>
            ),
          );
          last = m.index! + m[0].length;
        }
        parts.push(para.slice(last));
        return (
          <Typography.Paragraph key={i} style={{ textIndent: '2em', marginBottom: 4 }}>
            {parts}
          </Typography.Paragraph>
        );
      })}
    </>
  );
}

/** 抄送 goes to any unit of the district (依法治区办, 区政府), not only the writer's own subtree. */
function DirectoryPicker(props: { value?: number[]; onChange?: (v: number[]) => void }) {
  const [tree, setTree] = useState<any>();
  useEffect(() => {
    get('/api/orgs/directory').then(setTree, () => undefined);
  }, []);
  return <OrgTreeSelect tree={tree} {...props} multiple placeholder="可不选" data-testid="copy-to" aria-label="抄送单位" />;
}

/** The figure tokens of a section as chips with their current values; a chip selects its token in the text. */
function TokenChips({ body, figures, onPick }: { body: string; figures: Map<string, any>; onPick: (start: number, end: number) => void }) {
  const found = [...body.matchAll(TOKEN)];
  if (!found.length) return null;
  return (
    <div style={{ marginTop: 6 }} data-testid="token-chips">
      <Typography.Text type="secondary" style={{ marginRight: 4 }}>
        本段数据：
      </Typography.Text>
      {found.map((m) => {
        const f = figures.get(m[1]);
        return (
          <Tag
            key={m.index}
            color={f ? 'red' : 'default'}
            style={{ cursor: 'pointer', marginBottom: 4, borderStyle: f ? 'solid' : 'dashed' }}
            role="button"
            tabIndex={0}
            onClick={() => onPick(m.index!, m.index! + m[0].length)}
            onKeyDown={(e) => e.key === 'Enter' && onPick(m.index!, m.index! + m[0].length)}
          >
            {m[1]} = {f ? f.display : '未知'}
          </Tag>
        );
      })}
    </div>
  );
}

const draftKey = (id: string | undefined) => `fazhi:report-draft:${id}`;

/**
 * The report editor: each section's text with figure tokens, a live preview computed from the
 * records, the checker, the reporting cycle's next steps, downloads, and the history.
 */
export function ReportEditorPage() {
  const id = useParams().id!;
  const message = useToast();
  const types = useCaseTypes();
  const [report, setReport] = useState<Reply<'/api/reports/{id}'>>();
  const [sections, setSections] = useState<any[]>([]);
  const [title, setTitle] = useState('');
  const [preview, setPreview] = useState<any[]>();
  const [dirty, setDirty] = useState(false);
  const [findings, setFindings] = useState<any>();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [acting, setActing] = useState<Reply<'/api/reports/{id}'>['actions'][number] | null>(null);
  const [form] = Form.useForm();
  // 15.5: the recipient line being recorded (报送对象登记).
  const [delivering, setDelivering] = useState<Reply<'/api/reports/{id}'>['lines'][number] | null>(null);
  const [deliveryForm] = Form.useForm();
  const cursor = useRef<Record<number, number>>({});
  const areas = useRef<Record<number, HTMLTextAreaElement | null>>({});
  const [autosave, setAutosave] = useState<{ at?: string; error?: string; restored?: string }>({});
  usePageTitle(report?.title);
  // The latest state, for the save that runs when the page is left.
  const latest = useRef<{ dirty: boolean; version?: number; title: string; sections: any[]; editable: boolean }>({ dirty: false, title: '', sections: [], editable: false });

  const load = (r: Reply<'/api/reports/{id}'>) => {
    setReport(r);
    setTitle(r.title);
    setSections(r.sections.map(({ kind, heading, body }) => ({ kind, heading, body })));
    setPreview(r.figures);
    setDirty(false);
    localStorage.removeItem(draftKey(String(r.id)));
  };
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    get('/api/reports/{id}', { params: { id } }).then(
      (r) => {
        // Edits not yet on the server (page closed or left before the autosave) come back.
        const kept = JSON.parse(localStorage.getItem(draftKey(id)) ?? 'null');
        load(r);
        if (kept && r.state === 'draft' && kept.version === r.version && JSON.stringify(kept.sections) !== JSON.stringify(r.sections.map(({ kind, heading, body }: any) => ({ kind, heading, body })))) {
          setTitle(kept.title);
          setSections(kept.sections);
          setDirty(true);
          setAutosave({ restored: kept.savedAt });
        }
      },
      (e) => setLoadError(e.message),
    );
  }, [id]);

  // Every edit is kept in this browser at once and saved to the server 3 s after the last key.
  useEffect(() => {
    latest.current = { dirty, version: report?.version, title, sections, editable: report?.state === 'draft' };
    if (!dirty || !report) return;
    localStorage.setItem(draftKey(id), JSON.stringify({ version: report.version, title, sections, savedAt: new Date().toLocaleString('zh-CN', { hour12: false }) }));
    const t = setTimeout(async () => {
      try {
        const r = await put('/api/reports/{id}', { params: { id }, body: { version: report.version, title, sections } });
        // Keys typed while the save was on its way stay; the next autosave sends them.
        const unchanged = latest.current.sections === sections && latest.current.title === title;
        if (unchanged) load(r);
        else setReport(r);
        setAutosave({ at: new Date().toLocaleTimeString('zh-CN', { hour12: false }) });
      } catch (e: any) {
        setAutosave({ error: `${e.message}。您的修改已保存在本机，请复制后刷新页面。` });
      }
    }, 3000);
    return () => clearTimeout(t);
  }, [sections, title, dirty, report, id]);

  // Leaving: the browser asks before closing the tab; moving inside the console saves at once.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (latest.current.dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      const l = latest.current;
      if (l.dirty && l.editable && l.version) void put('/api/reports/{id}', { params: { id }, body: { version: l.version, title: l.title, sections: l.sections } }).then(() => localStorage.removeItem(draftKey(id)), () => undefined);
    };
  }, [id]);

  // Live values while the writer types: recomputed from records half a second after the last key.
  useEffect(() => {
    if (!report || !dirty) return;
    const t = setTimeout(() => post('/api/reports/{id}/preview', { params: { id }, body: { sections } }).then((r) => setPreview((r as { figures: any[] }).figures), () => undefined), 500);
    return () => clearTimeout(t);
  }, [sections, dirty, report, id]);

  const figures = useMemo(() => new Map((preview ?? []).map((f: any) => [f.token, f])), [preview]);
  const indicatorOptions = useMemo(
    () => (types ?? []).filter((t) => t.indicators.length).map((t) => ({ label: t.name, options: t.indicators.map((i: any) => ({ value: i.name, label: `${i.label}（${i.unit}）` })) })),
    [types],
  );
  if (loadError) return <Alert type="error" title={loadError} action={<a href="/reports">返回年度报告</a>} data-testid="report-error" />;
  if (!report) return <Card loading />;
  const lastStep = [...report.timeline].reverse().find((e: any) => e.action !== 'report.edit');
  const returned = report.state === 'draft' && lastStep?.action === 'report.return' ? lastStep : null;
  const editable = report.state === 'draft' && report.actions.some((a: any) => a.key === 'send_review');

  const edit = (i: number, patch: any) => {
    setSections((s) => s.map((x, j) => (j === i ? { ...x, ...patch } : x)));
    setDirty(true);
  };
  const insertToken = (i: number, name: string) => {
    const body: string = sections[i].body;
    const at = cursor.current[i] ?? body.length;
    edit(i, { body: `${body.slice(0, at)}{{${name}}}${body.slice(at)}` });
    cursor.current[i] = at + name.length + 4;
  };
  const save = async () => {
    try {
      load(await put('/api/reports/{id}', { params: { id }, body: { version: report!.version, title, sections } }));
      setAutosave({ at: new Date().toLocaleTimeString('zh-CN', { hour12: false }) });
      message.success('已保存');
    } catch (e: any) {
      message.error(e.message);
    }
  };
  const check = async () => setFindings(await get('/api/reports/{id}/check', { params: { id } }));
  const act = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      load(await post('/api/reports/{id}/{action}', { params: { id, action: acting!.key }, body: { version: report!.version, comment: v.comment || undefined, copyTo: v.copyTo } }));
      message.success(`${acting!.label}：已完成`);
      setFindings(undefined);
      setActing(null);
      form.resetFields();
    } catch (e: any) {
      message.error(e.message);
      if (e.body?.details?.findings) setFindings({ findings: e.body.details.findings });
    }
  };

  const deliver = async () => {
    const v = await validValues(deliveryForm);
    if (!v) return;
    try {
      await post('/api/reports/{id}/deliveries', { params: { id }, body: { line: delivering!.key, recipient: v.recipient || undefined, sentOn: v.sentOn || undefined, channel: v.channel, docNumber: v.docNumber || undefined } });
      load(await get('/api/reports/{id}', { params: { id } }));
      message.success(`已登记向「${delivering!.label}」报送`);
      setDelivering(null);
      deliveryForm.resetFields();
    } catch (e: any) {
      message.error(e.message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space>
            <span data-testid="report-title">{report.title}</span>
            <Tag color={STATE_COLORS[report.state]} data-testid="report-state">
              {report.stateLabel}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {editable && (
              <Button type="primary" onClick={save} disabled={!dirty}>
                保存
              </Button>
            )}
            <Button onClick={check}>检查</Button>
            {report.actions.map((a: any) => (
              <Button key={a.key} onClick={() => (dirty ? message.warning('请先保存修改') : setActing(a))}>
                {a.label}
              </Button>
            ))}
            <Button href={`/api/reports/${id}/report.docx`}>下载 .docx</Button>
            <Button href={`/api/reports/${id}/report.pdf`}>下载 PDF</Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {report.orgName} · {report.year}年度
          {report.submitted_on && ` · ${report.submitted_on} 报送${report.submittedToName}`}
          {report.copiedToNames?.length ? `，抄送${report.copiedToNames.join('、')}` : ''}
          {report.published_on && ` · ${report.published_on} 向社会公开`}
        </Typography.Paragraph>
        {report.lines.length > 0 && (report.state === 'submitted' || report.state === 'published') && (
          <List
            size="small"
            header="报送对象（督察工作规定第二十五条：每一对象各自报送）"
            data-testid="report-lines"
            dataSource={report.lines}
            renderItem={(l) => (
              <List.Item
                actions={l.sentOn ? [] : [<Button key="d" size="small" onClick={() => setDelivering(l)}>登记报送</Button>]}
              >
                <Space wrap>
                  <span>{l.label}</span>
                  <Tag color={{ sent: 'green', late: 'orange', pending: 'blue', overdue: 'red' }[l.status]}>{l.statusLabel}</Tag>
                  {l.sentOn && <Typography.Text type="secondary">{`${l.sentOn} ${l.recipient ?? ''} ${l.channel ?? ''} ${l.docNumber ?? ''}`.trim()}</Typography.Text>}
                  {!l.sentOn && <Typography.Text type="secondary">期限 {l.due}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        )}
        {report.frozen && <Alert style={{ marginTop: 8 }} type="info" showIcon message="报告已报送，数据已按报送时的记录冻结；此后记录变动不会改变本报告，检查时会列出变动。" />}
        {editable && (
          <Form.Item label="标题" style={{ marginTop: 12, marginBottom: 0 }}>
            <Input value={title} onChange={(e) => (setTitle(e.target.value), setDirty(true))} />
          </Form.Item>
        )}
      </Card>

      {returned && (
        <Alert
          type="warning"
          showIcon
          data-testid="return-banner"
          title={`${returned.by}退回修改（${new Date(returned.at).toLocaleString('zh-CN', { hour12: false })}）`}
          description={<span style={{ fontSize: 16 }}>退回意见：{returned.comment}</span>}
        />
      )}
      {editable && (autosave.at || autosave.error || autosave.restored || dirty) && (
        <Alert
          type={autosave.error ? 'error' : autosave.restored ? 'info' : 'success'}
          data-testid="autosave"
          title={
            autosave.error ??
            (autosave.restored
              ? `已恢复您在本机（${autosave.restored}）未保存到服务器的修改，稍后自动保存`
              : dirty
                ? '有修改尚未保存，停止输入3秒后自动保存'
                : `已自动保存（${autosave.at}）`)
          }
        />
      )}
      {findings && (
        <Card size="small" title={findings.ok === undefined ? '检查未通过' : findings.ok ? '检查通过' : '检查未通过'} data-testid="findings">
          <List
            size="small"
            dataSource={findings.findings}
            renderItem={(f: any) => (
              <List.Item>
                <Tag color={SEVERITY[f.severity][0]}>{SEVERITY[f.severity][1]}</Tag>
                {f.message}
                {f.text && <Typography.Text type="secondary">（{f.text}）</Typography.Text>}
              </List.Item>
            )}
          />
        </Card>
      )}

      <Row gutter={16}>
        <Col span={editable ? 12 : 18}>
          {sections.map((s, i) => (
            <Card key={i} size="small" title={`${'一二三四五六七八九十'[i]}、${s.heading}`} style={{ marginBottom: 12 }}>
              {editable ? (
                <>
                  <Input.TextArea
                    aria-label={`正文：${s.heading}`}
                    autoSize={{ minRows: 4, maxRows: 18 }}
                    value={s.body}
                    placeholder="在此撰写；需要数字时用下方「插入数据」，数字随记录计算，不要手工录入"
                    onChange={(e) => edit(i, { body: e.target.value })}
                    onSelect={(e) => (cursor.current[i] = (e.target as HTMLTextAreaElement).selectionStart)}
                    ref={(el) => {
                      areas.current[i] = el?.resizableTextArea?.textArea ?? null;
                    }}
                  />
                  <TokenChips
                    body={s.body}
                    figures={figures}
                    onPick={(start, end) => {
                      const el = areas.current[i];
                      el?.focus();
                      el?.setSelectionRange(start, end);
                    }}
                  />
                  <Select
                    showSearch
                    aria-label={`插入数据：${s.heading}`}
                    placeholder="插入数据（指标）"
                    style={{ width: 320, marginTop: 8 }}
                    options={indicatorOptions}
                    value={null}
                    onChange={(v) => v && insertToken(i, v)}
                  />
                </>
              ) : (
                <Rendered body={s.body} figures={figures} onFigure={(f) => setDrill({ key: f.key, name: f.name, orgId: report.org_id, year: report.year })} />
              )}
            </Card>
          ))}
        </Col>
        {editable && (
          <Col span={12}>
            <Card size="small" title="预览（数据按记录实时计算，点击数字查看来源）" data-testid="preview">
              {sections.map((s, i) => (
                <div key={i}>
                  <Typography.Title level={5}>{`${'一二三四五六七八九十'[i]}、${s.heading}`}</Typography.Title>
                  <Rendered body={s.body} figures={figures} onFigure={(f) => setDrill({ key: f.key, name: f.name, orgId: report.org_id, year: report.year })} />
                </div>
              ))}
            </Card>
          </Col>
        )}
        <Col span={editable ? 24 : 6}>
          <Card size="small" title="流转记录">
            <Timeline
              items={report.timeline.map((e: any) => ({
                children: (
                  <>
                    {e.label} · {e.by}
                    <br />
                    <Typography.Text type="secondary">{new Date(e.at).toLocaleString('zh-CN', { hour12: false })}</Typography.Text>
                    {e.comment && <div>意见：{e.comment}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>

      <Modal open={Boolean(acting)} title={acting?.label} okText="确定" cancelText="取消" onOk={act} onCancel={() => setActing(null)} destroyOnHidden>
        <Form form={form} layout="vertical">
          {acting?.key === 'submit' && (
            <Form.Item name="copyTo" label="抄送单位">
              <DirectoryPicker />
            </Form.Item>
          )}
          <Form.Item name="comment" label={acting?.key === 'return' ? '退回理由' : '意见'} rules={acting?.key === 'return' ? [{ required: true, message: '请写明退回理由' }] : []}>
            <Input.TextArea rows={3} />
          </Form.Item>
          {acting?.key === 'submit' && <Typography.Text type="secondary">报送后，报告中的全部数据连同所计记录一并冻结。</Typography.Text>}
        </Form>
      </Modal>
      <Modal open={Boolean(delivering)} title={`登记报送：${delivering?.label ?? ''}`} okText="登记" cancelText="取消" onOk={deliver} onCancel={() => setDelivering(null)} destroyOnHidden>
        <Form form={deliveryForm} layout="vertical" initialValues={{ channel: 'exchange' }}>
          <Form.Item name="recipient" label="接收机关名称">
            <Input placeholder={delivering?.label.replace(/^抄送/, '')} maxLength={100} />
          </Form.Item>
          <Form.Item name="sentOn" label="报送日期（YYYY-MM-DD，默认今天）" rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为YYYY-MM-DD' }]}>
            <Input maxLength={10} />
          </Form.Item>
          <Form.Item name="channel" label="报送方式">
            <Select options={optionsOf(DELIVERY_CHANNELS)} />
          </Form.Item>
          <Form.Item name="docNumber" label="文号">
            <Input maxLength={60} />
          </Form.Item>
        </Form>
      </Modal>
      <DrillDown target={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
