import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only the chart kinds the console draws, so the bundle stays small.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
  name: string;
}

/**
 * An ECharts chart (a thin wrapper of our own: echarts-for-react 3.0.6 imports tslib without
 * declaring it, which breaks the build). A click on a bar, point or slice reports which one, so
 * the page can open the records behind it; the canvas carries a text description (aria).
 */
export function Chart({ option, height = 280, onPick, label, testId }: { option: any; height?: number; onPick?: (e: ChartClick) => void; label: string; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(undefined);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    const c = echarts.init(el.current!);
    chart.current = c;
    c.on('click', (e: any) => pick.current?.({ seriesIndex: e.seriesIndex, dataIndex: e.dataIndex, name: e.name }));
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el.current!);
    return () => {
      resize.disconnect();
      c.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, tooltip: { trigger: 'item' }, ...option }, { notMerge: true });
  }, [option]);
  return <div ref={el} role="img" aria-label={label} data-testid={testId} style={{ height, width: '100%', cursor: onPick ? 'pointer' : undefined }} />;
}
