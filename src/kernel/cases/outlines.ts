import { REPORT_AREAS, type ReportArea } from './define.ts';

/**
 * The 法治政府建设实施纲要 a report year is written under (review row 14.2). Institutions file
 * their sentences under the platform's own area keys (`ReportArea`); each 纲要 gives those areas
 * its headings, in its order, and may merge several keys under one heading of its own.
 *
 * Rule for a year: the 纲要 whose period covers it. A year after the last one recorded (2026 while
 * the successor of the 2021—2025 纲要 is not yet entered here) keeps the latest 纲要 and says so
 * (`provisional`), so a 2026 draft is still organised, and entering the successor here changes
 * 2026 reports without touching the 2025 ones.
 */
export interface Outline {
  key: string;
  title: string;
  from: number;
  to: number;
  /** Its headings in order; each lists the platform areas written under it. */
  areas: { key: string; heading: string; covers: ReportArea[] }[];
}

export const OUTLINES: Outline[] = [
  {
    key: '2021-2025',
    title: '法治政府建设实施纲要（2021—2025年）',
    from: 2021,
    to: 2025,
    areas: (Object.keys(REPORT_AREAS) as ReportArea[]).map((a) => ({ key: a, heading: REPORT_AREAS[a], covers: [a] })),
  },
  // The successor (2026—2030) was not found published when this was written (searched 2026-11-26):
  // add it here with its headings and the platform areas each covers.
];

/** The 纲要 for a report year, and whether it is only carried over until its successor is entered. */
export function outlineFor(year: number, outlines = OUTLINES): { outline: Outline; provisional: boolean } {
  const exact = outlines.find((o) => o.from <= year && year <= o.to);
  if (exact) return { outline: exact, provisional: false };
  const earlier = outlines.filter((o) => o.from <= year).sort((a, b) => b.from - a.from)[0];
  return { outline: earlier ?? outlines[0], provisional: true };
}

/** The heading a platform area is written under in the year's 纲要. */
export function areaHeading(year: number, area: ReportArea, outlines = OUTLINES): string {
  const { outline } = outlineFor(year, outlines);
  return outline.areas.find((a) => a.covers.includes(area))?.heading ?? REPORT_AREAS[area];
}
