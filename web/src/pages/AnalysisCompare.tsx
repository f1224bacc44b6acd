import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Empty, Select, Space, Table, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface IndicatorLabel {
  key: string;
  label: string;
  unit: 'count' | 'rate';
}

/** An ECharts chart in a div, redrawn when the option changes and resized with the window. */
function Chart({ option }: { option: echarts.EChartsCoreOption }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    chart.current = echarts.init(el.current!);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
    };
  }, []);
  useEffect(() => chart.current?.setOption(option, true), [option]);
  return <div ref={el} style={{ height: 300 }} data-testid="compare-chart" />;
}

const cell = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The same indicators across the uploaded reports, by body and year: a table, a chart and a CSV download. */
export function AnalysisCompare({ results, indicators }: { results: any[]; indicators: IndicatorLabel[] }) {
  const rows = useMemo(
    () =>
      results
        .filter((r) => !r.error)
        .map((r) => ({ file: r.file, entity: r.entity ?? '（未识别）', year: r.year ?? null, ...(r.indicators ?? {}) }))
        .sort((a, b) => a.entity.localeCompare(b.entity, 'zh-CN') || (a.year ?? 0) - (b.year ?? 0)),
    [results],
  );
  const stated = indicators.filter((d) => rows.some((r: any) => r[d.key] !== undefined));
  const [chosen, setChosen] = useState<string>();
  const key = chosen && stated.some((d) => d.key === chosen) ? chosen : stated[0]?.key;
  if (!rows.length || !stated.length) return <Empty description="已上传的报告中没有可对比的指标（如行政复议收到、受理、审结，依申请公开，行政应诉出庭率）" />;

  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const entities = [...new Set(rows.map((r) => r.entity))];
  const def = stated.find((d) => d.key === key)!;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll' },
    grid: { left: 48, right: 24, bottom: 32, top: 48 },
    xAxis: { type: 'category', data: years.map((y) => (y === null ? '年度不明' : `${y}年`)) },
    yAxis: { type: 'value', name: def.unit === 'rate' ? '%' : '' },
    series: entities.map((e) => ({
      name: e,
      type: years.length > 1 ? 'line' : 'bar',
      connectNulls: true,
      data: years.map((y) => (rows.find((r: any) => r.entity === e && r.year === y) as any)?.[def.key] ?? null),
    })),
  };
  const download = () => {
    const head = ['报告主体', '年度', '文件', ...indicators.map((d) => (d.unit === 'rate' ? `${d.label}(%)` : d.label))];
    const lines = rows.map((r: any) => [r.entity, r.year, r.file, ...indicators.map((d) => r[d.key])]);
    const csv = '\uFEFF' + [head, ...lines].map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n';
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    a.download = '报告指标对比.csv';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>指标</Typography.Text>
        <Select style={{ width: 260 }} value={key} onChange={setChosen} options={stated.map((d) => ({ value: d.key, label: d.label }))} data-testid="compare-indicator" />
        <Button onClick={download}>导出 CSV</Button>
      </Space>
      <Chart option={option} />
      <Table
        rowKey="file"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={rows}
        columns={[
          { title: '报告主体', dataIndex: 'entity', fixed: 'left' },
          { title: '年度', dataIndex: 'year', width: 70 },
          ...stated.map((d) => ({ title: d.unit === 'rate' ? `${d.label}(%)` : d.label, dataIndex: d.key, width: 110 })),
        ]}
      />
    </>
  );
}
