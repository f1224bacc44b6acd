import { AlignmentType, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';

/**
 * The report as a 公文 per GB/T 9704-2012: A4; margins top 37 mm, bottom 35 mm, left 28 mm,
 * right 26 mm; title 2号 方正小标宋简体; body 3号 仿宋_GB2312 on a 22-line × 28-character grid
 * (exact 28.95 pt lines, −0.25 pt character spacing, which LibreOffice also honours);
 * 一、 headings 黑体, (一) headings 楷体_GB2312; page numbers 4号 宋体 "— 1 —", odd pages right and
 * even pages left; signature and date at the end. The fonts are named as Word on a government
 * PC has them; other machines substitute.
 */
const MM = 56.7; // twips per millimetre
const SIZE = { title: 44, body: 32, pageNumber: 28 }; // half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt
const LINE = 579; // 28.95 pt: 22 lines in the 225 mm text block
const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', h1: '黑体', h2: '楷体_GB2312', number: '宋体' };

const run = (text: string, font: string, size = SIZE.body) => new TextRun({ text, font: { name: font, eastAsia: font }, size, characterSpacing: -5 });
/** keepNext holds a heading (or the signature) on the page of what follows it: Word and LibreOffice, hence the PDF, both honour it. */
const body = (children: TextRun[], opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; keepNext?: boolean } = {}) =>
  new Paragraph({
    children,
    keepNext: opts.keepNext,
    keepLines: opts.keepNext,
    widowControl: true,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  });

/** A paragraph of body text: a (一) heading run into its paragraph is set in 楷体 up to its first 。. */
function bodyParagraph(text: string) {
  const m = /^([(（][一二三四五六七八九十]+[)）][^。]*。?)([\s\S]*)$/.exec(text);
  return m ? body([run(m[1], FONT.h2), run(m[2], FONT.body)]) : body([run(text, FONT.body)]);
}

const pageNumber = (align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Footer({
    children: [
      new Paragraph({
        alignment: align,
        indent: align === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { name: FONT.number, eastAsia: FONT.number }, size: SIZE.pageNumber }),
        ],
      }),
    ],
  });

export interface DocxInput {
  title: string;
  sections: { number: string; heading: string; rendered: string }[];
  signature: string;
  date: string;
  /** A long title is set on two lines, broken after the org's name, as 公文 titles are. */
  orgName?: string;
}

/** A 2号 line holds about 20 characters in the 156 mm text block. */
const TITLE_LINE_CHARS = 20;
function titleLines(title: string, orgName?: string): string[] {
  if ([...title].length <= TITLE_LINE_CHARS || !orgName || !title.startsWith(orgName) || title === orgName) return [title];
  return [orgName, title.slice(orgName.length)];
}

export async function reportDocx(r: DocxInput): Promise<Buffer> {
  const [y, m, d] = r.date.split('-').map(Number);
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: LINE }, children: titleLines(r.title, r.orgName).map((line, i) => new TextRun({ text: line, font: { name: FONT.title, eastAsia: FONT.title }, size: SIZE.title, break: i ? 1 : 0 })) }),
  ];
  for (const s of r.sections) {
    children.push(body([run(`${s.number}${s.heading}`, FONT.h1)], { keepNext: true }));
    for (const para of s.rendered.split('\n').map((p) => p.trim()).filter(Boolean)) children.push(bodyParagraph(para));
  }
  children.push(body([run('', FONT.body)], { indent: false, keepNext: true }));
  children.push(body([run(r.signature, FONT.body)], { indent: false, align: AlignmentType.RIGHT, keepNext: true }));
  children.push(body([run(`${y}年${m}月${d}日`, FONT.body)], { indent: false, align: AlignmentType.RIGHT }));
  const doc = new Document({
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { name: FONT.body, eastAsia: FONT.body }, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A 文书 in the same 公文 format: title, 文号 right-aligned under it, the 主送 line, body
 * paragraphs, signature and date.
 */
export async function documentDocx(d: { title: string; number: string; addressee: string | null; paragraphs: string[]; signature: string; date: string }): Promise<Buffer> {
  const [y, m, day] = d.date.split('-').map(Number);
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: d.title, font: { name: FONT.title, eastAsia: FONT.title }, size: SIZE.title })] }),
    body([run(d.number, FONT.body)], { indent: false, align: AlignmentType.RIGHT, keepNext: true }),
    ...(d.addressee ? [body([run(`${d.addressee}：`, FONT.body)], { indent: false })] : []),
    ...d.paragraphs.map((p) => body([run(p, FONT.body)])),
    body([run('', FONT.body)], { indent: false, keepNext: true }),
    body([run(d.signature, FONT.body)], { indent: false, align: AlignmentType.RIGHT, keepNext: true }),
    body([run(`${y}年${m}月${day}日`, FONT.body)], { indent: false, align: AlignmentType.RIGHT }),
  ];
  const doc = new Document({
    styles: { default: { document: { run: { font: { name: FONT.body, eastAsia: FONT.body }, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) } },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
