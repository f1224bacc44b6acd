import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Form, Input, List, Modal, Row, Select, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { api } from '../api.ts';
import { useCaseTypes } from '../hooks.ts';
import { DrillDown, type DrillTarget } from '../components/DrillDown.tsx';
import { OrgPicker } from '../components/SchemaForm.tsx';
import { STATE_COLORS } from './Reports.tsx';

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

/**
 * The report editor: each section's text with figure tokens, a live preview computed from the
 * records, the checker, the reporting cycle's next steps, downloads, and the history.
 */
export function ReportEditorPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const types = useCaseTypes();
  const [report, setReport] = useState<any>();
  const [sections, setSections] = useState<any[]>([]);
  const [title, setTitle] = useState('');
  const [preview, setPreview] = useState<any[]>();
  const [dirty, setDirty] = useState(false);
  const [findings, setFindings] = useState<any>();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [acting, setActing] = useState<{ key: string; label: string } | null>(null);
  const [form] = Form.useForm();
  const cursor = useRef<Record<number, number>>({});

  const load = (r: any) => {
    setReport(r);
    setTitle(r.title);
    setSections(r.sections.map(({ kind, heading, body }: any) => ({ kind, heading, body })));
    setPreview(r.figures);
    setDirty(false);
  };
  useEffect(() => {
    api(`/api/reports/${id}`).then(load, (e) => message.error(e.message));
  }, [id, message]);

  // Live values while the writer types: recomputed from records half a second after the last key.
  useEffect(() => {
    if (!report || !dirty) return;
    const t = setTimeout(() => api(`/api/reports/${id}/preview`, { body: { sections } }).then((r) => setPreview(r.figures), () => undefined), 500);
    return () => clearTimeout(t);
  }, [sections, dirty, report, id]);

  const figures = useMemo(() => new Map((preview ?? []).map((f: any) => [f.token, f])), [preview]);
  const indicatorOptions = useMemo(
    () => (types ?? []).filter((t) => t.indicators.length).map((t) => ({ label: t.name, options: t.indicators.map((i: any) => ({ value: i.name, label: `${i.label}（${i.unit}）` })) })),
    [types],
  );
  if (!report) return <Card loading />;
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
      load(await api(`/api/reports/${id}`, { method: 'PUT', body: { version: report.version, title, sections } }));
      message.success('已保存');
    } catch (e: any) {
      message.error(e.message);
    }
  };
  const check = async () => setFindings(await api(`/api/reports/${id}/check`));
  const act = async () => {
    const v = await form.validateFields();
    try {
      load(await api(`/api/reports/${id}/${acting!.key}`, { body: { version: report.version, comment: v.comment || undefined, copyTo: v.copyTo } }));
      message.success(`${acting!.label}：已完成`);
      setActing(null);
      form.resetFields();
    } catch (e: any) {
      message.error(e.message);
      if (e.body?.details?.findings) setFindings({ findings: e.body.details.findings });
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
        {report.frozen && <Alert style={{ marginTop: 8 }} type="info" showIcon message="报告已报送，数据已按报送时的记录冻结；此后记录变动不会改变本报告，检查时会列出变动。" />}
        {editable && (
          <Form.Item label="标题" style={{ marginTop: 12, marginBottom: 0 }}>
            <Input value={title} onChange={(e) => (setTitle(e.target.value), setDirty(true))} />
          </Form.Item>
        )}
      </Card>

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
                    placeholder="在此撰写；需要数字时用右侧「插入数据」，数字随记录计算，不要手工录入"
                    onChange={(e) => edit(i, { body: e.target.value })}
                    onSelect={(e) => (cursor.current[i] = (e.target as HTMLTextAreaElement).selectionStart)}
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
              <OrgPicker multiple placeholder="可不选" />
            </Form.Item>
          )}
          <Form.Item name="comment" label={acting?.key === 'return' ? '退回理由' : '意见'} rules={acting?.key === 'return' ? [{ required: true, message: '请写明退回理由' }] : []}>
            <Input.TextArea rows={3} />
          </Form.Item>
          {acting?.key === 'submit' && <Typography.Text type="secondary">报送后，报告中的全部数据连同所计记录一并冻结。</Typography.Text>}
        </Form>
      </Modal>
      <DrillDown target={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
