import { useMemo, useState, type ReactNode } from 'react';
import { useToast } from '../components/toast.ts';
import { Alert, Card, Col, Empty, List, Row, Table, Tabs, Tag, Tooltip, Typography, Upload } from 'antd';
import { post } from '../api.ts';
import { useKeptState } from '../hooks.ts';
import { AnalysisCompare, type IndicatorLabel } from './AnalysisCompare.tsx';

const KIND: Record<string, string> = {
  achievements: '举措成效',
  first_responsibility: '第一责任人',
  shortcomings: '不足原因',
  next_year: '下一年安排',
  other: '其他',
  unknown: '未识别',
};

/** A checked relation in one line: 91.2% = 271 ÷ 297, 60 = 6 + 3 + 11 + 40, 由20压缩至8, 同比 +25%. */
function relationText(x: any): string {
  if (x.kind === 'rate') return `${x.stated}% = ${x.parts[0]} ÷ ${x.parts[1]}`;
  if (x.kind === 'sum') return `${x.stated} = ${x.parts.join(' + ')}`;
  if (x.kind === 'yoy') return `${x.parts[0]} → ${x.parts[1]}：变化${x.computed}%`;
  if (x.kind === 'reduction') return `${x.parts[0]} → ${x.parts[1]}`;
  return `列出${x.computed}项，与所称${x.stated}项相符`;
}

/** The report's cleaned text, with headings in bold, figures underlined and contradictions in red. */
function Highlighted({ r }: { r: any }) {
  const parts = useMemo(() => {
    const v = r.view;
    const marks: { s: number; e: number; type: 'fig' | 'bad' | 'head'; tip?: string }[] = [
      ...v.headings.filter((h: number[]) => h[2] <= 2).map(([s, e]: number[]) => ({ s, e, type: 'head' as const })),
      ...v.figures.map(([s, e]: number[], i: number) => ({ s, e, type: 'fig' as const, tip: `${r.figures[i].value}${r.figures[i].unit}${r.figures[i].approx ? '（约数）' : ''}｜${r.figures[i].counts || '—'}` })),
    ];
    const bad = v.inconsistencies.map(([s, e]: number[], i: number) => ({ s, e, tip: r.inconsistencies[i].message }));
    const cuts = new Set<number>([0, v.text.length]);
    for (const m of [...marks, ...bad]) (cuts.add(m.s), cuts.add(m.e));
    const points = [...cuts].sort((a, b) => a - b);
    const out: ReactNode[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [s, e] = [points[i], points[i + 1]];
      let node: ReactNode = v.text.slice(s, e);
      const fig = marks.find((m) => m.type === 'fig' && m.s <= s && e <= m.e);
      const head = marks.find((m) => m.type === 'head' && m.s <= s && e <= m.e);
      const b = bad.find((m: any) => m.s <= s && e <= m.e);
      if (fig) node = <Tooltip title={fig.tip}><span style={{ borderBottom: '2px solid #1677ff', color: '#0b3d91' }}>{node}</span></Tooltip>;
      if (head) node = <b>{node}</b>;
      if (b) node = <Tooltip title={b.tip}><span style={{ background: '#ffccc7' }} data-testid="bad-span">{node}</span></Tooltip>;
      out.push(<span key={s}>{node}</span>);
    }
    return out;
  }, [r]);
  return <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, fontSize: 15, maxHeight: 640, overflow: 'auto' }}>{parts}</div>;
}

export function AnalysisPage() {
  const message = useToast();
  // The analysis is the person's work: it stays when they look at another page and come back (B31).
  const [results, setResults] = useKeptState<any[]>('analysis.results', []);
  const [selected, setSelected] = useKeptState<string | undefined>('analysis.selected', undefined);
  const [busy, setBusy] = useState(false);
  const [indicators, setIndicators] = useKeptState<IndicatorLabel[]>('analysis.indicators', []);
  const current = results.find((r) => r.file === selected && !r.error);
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Card title="报告分析：读取已发布的法治政府建设年度报告，核对结构与数据" style={{ marginBottom: 16 }}>
          <Upload.Dragger
            multiple
            accept=".txt,.html,.htm,.docx,.pdf"
            showUploadList={false}
            beforeUpload={(_, files) => {
              if (files[0] !== _) return false;
              const form = new FormData();
              for (const f of files) form.append('files', f);
              setBusy(true);
              post('/api/analysis', { form })
                .then((reply) => {
                  const r = reply as { results: any[]; indicators?: IndicatorLabel[] };
                  setResults((prev) => [...prev.filter((p) => !r.results.some((x: any) => x.file === p.file)), ...r.results]);
                  setIndicators(r.indicators ?? []);
                  setSelected(r.results.find((x: any) => !x.error)?.file);
                })
                .catch((e) => message.error(e.message, 6))
                .finally(() => setBusy(false));
              return false;
            }}
          >
            <p style={{ fontSize: 16 }}>{busy ? '正在分析…' : '点击或拖入报告文件（可多选）'}</p>
            <p style={{ color: '#888' }}>支持 txt、网页 html、Word .docx、带文字层的 PDF；繁体和网页转码残留会自动清理</p>
          </Upload.Dragger>
        </Card>
      </Col>
      {results.length > 0 && (
        <Col span={24}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Tabs
              items={[
                {
                  key: 'overview',
                  label: '对比',
                  children: (
                    <Table
                      rowKey="file"
                      size="small"
                      pagination={false}
                      dataSource={results}
                      onRow={(r) => ({ onClick: () => !r.error && setSelected(r.file), style: { cursor: 'pointer', background: r.file === selected ? '#e6f4ff' : undefined } })}
                      columns={[
                        { title: '文件', dataIndex: 'file', ellipsis: true },
                        { title: '报告主体', dataIndex: 'entity', render: (v, r: any) => r.error ? <Typography.Text type="danger">{r.error}</Typography.Text> : v ?? '—' },
                        { title: '年度', dataIndex: 'year', width: 70 },
                        { title: '落款', dataIndex: 'date', width: 110 },
                        { title: '缺少部分', dataIndex: 'missing', render: (m?: string[]) => m?.map((k) => <Tag key={k} color="orange">{KIND[k]}</Tag>) },
                        { title: '数据', render: (_, r: any) => r.figures?.length, width: 60 },
                        { title: '矛盾', render: (_, r: any) => (r.inconsistencies?.length ? <Tag color="red">{r.inconsistencies.length}</Tag> : r.error ? '' : 0), width: 60 },
                        { title: '得分', render: (_, r: any) => r.quality?.score, width: 60, sorter: (a: any, b: any) => (a.quality?.score ?? 0) - (b.quality?.score ?? 0) },
                      ]}
                    />
                  ),
                },
                { key: 'indicators', label: '指标对比', children: <AnalysisCompare results={results} indicators={indicators} /> },
              ]}
            />
          </Card>
        </Col>
      )}
      {current ? (
        <>
          <Col span={15}>
            <Card size="small" title={current.title ?? current.file}>
              <Highlighted r={current} />
            </Card>
          </Col>
          <Col span={9}>
            <Card size="small" title={`质量得分 ${current.quality.score}`} style={{ marginBottom: 16 }}>
              <List size="small" dataSource={current.quality.reasons} renderItem={(x: any) => <List.Item>{x.criterion} {x.points}/{x.max}：{x.reason}</List.Item>} />
            </Card>
            <Card size="small" title="数据矛盾" style={{ marginBottom: 16 }}>
              {current.inconsistencies.length ? current.inconsistencies.map((x: any, i: number) => <Alert key={i} type={x.confidence === 'low' ? 'warning' : 'error'} title={x.message} description={x.text} style={{ marginBottom: 8 }} />) : <Empty description="未发现" />}
            </Card>
            <Card size="small" title="核对无误的数据关系" style={{ marginBottom: 16 }}>
              {current.relations.map((x: any, i: number) => <div key={i}>✓ {relationText(x)}{x.note && `（${x.note}）`}</div>)}
            </Card>
            <Card size="small" title="结构">
              {current.sections.filter((s: any) => s.level <= 2).map((s: any, i: number) => (
                <div key={i} style={{ paddingLeft: (s.level - 1) * 16 }}>
                  {s.level === 1 && <Tag>{s.kinds.map((k: string) => KIND[k]).join('+')}</Tag>}
                  {s.heading}
                </div>
              ))}
            </Card>
          </Col>
        </>
      ) : null}
    </Row>
  );
}
