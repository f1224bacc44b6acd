/**
 * Memory of PDF text extraction (pdfText, as ingest uses it, pdf.js in its capped worker): a 30 MB PDF (generated here: thousands of pages of text in a
 * standard font, uncompressed) is read in a fresh process, and its peak resident memory is reported.
 *
 *   node --import tsx bench/pdf-memory.ts            (writes /tmp/fazhi-30mb.pdf once)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const target = Number(process.env.PDF_MB ?? 30) * 1024 * 1024;
// 'report': a report's text (80 pages) plus scanned images filling the file, as published PDFs are;
// 'text': every byte text layer (27 million characters), the worst case, refused past MAX_PDF_CHARS.
const kind = process.env.PDF_KIND === 'text' ? 'text' : 'report';
const file = path.join(os.tmpdir(), `fazhi-${process.env.PDF_MB ?? 30}mb-${kind}.pdf`);

/** A valid PDF of `target` bytes: each page 60 lines of text with figures, like a report's statistics annex. */
function writePdf() {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  const add = (s: string) => {
    const b = Buffer.from(s, 'latin1');
    chunks.push(b);
    size += b.length;
  };
  const obj = (n: number, body: string) => {
    offsets[n] = size;
    add(`${n} 0 obj\n${body}\nendobj\n`);
  };
  add('%PDF-1.4\n');
  obj(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const pageIds: number[] = [];
  let n = 4;
  const image = kind === 'report' ? Buffer.alloc(Math.floor((target - 1024 * 1024) / 80), 0x5a).toString('latin1') : '';
  for (let p = 0; size < target - 512 * 1024 && (kind === 'text' || p < 80); p++) {
    const img = image ? n : 0;
    if (image) obj(n++, `<< /Type /XObject /Subtype /Image /Width 1000 /Height ${Math.floor(image.length / 3000)} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length ${image.length} >>\nstream\n${image}\nendstream`);
    let stream = (img ? 'q 595 0 0 842 0 0 cm /Im0 Do Q\n' : '') + 'BT /F1 9 Tf 40 800 Td 12 TL\n';
    for (let l = 0; l < 60; l++) stream += `(Item ${p}-${l}: received ${(p * 61 + l) % 997} cases, concluded ${(p * 53 + l) % 991}, rate ${((p + l) % 100).toFixed(1)}% of the total) '\n`;
    stream += 'ET';
    obj(n, `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    obj(n + 1, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >>${img ? ` /XObject << /Im0 ${img} 0 R >>` : ''} >> /Contents ${n} 0 R >>`);
    pageIds.push(n + 1);
    n += 2;
  }
  obj(2, `<< /Type /Pages /Kids [${pageIds.map((i) => `${i} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  const xref = size;
  let table = `xref\n0 ${n}\n0000000000 65535 f \n`;
  for (let i = 1; i < n; i++) table += `${String(offsets[i] ?? 0).padStart(10, '0')} 00000 n \n`;
  add(table + `trailer\n<< /Size ${n} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  fs.writeFileSync(file, Buffer.concat(chunks));
  return pageIds.length;
}

if (process.argv[2] === '--child') {
  // As fazhi runs: TypeScript through tsx, pdfText handing the PDF to its plain-JavaScript worker.
  const { pdfText } = await import('../src/analysis/ingest.ts');
  const loadedMB = Math.round(process.resourceUsage().maxRSS / 1024);
  const start = performance.now();
  const text = await pdfText(fs.readFileSync(file)).catch((e) => `refused: ${e.message}`);
  const seconds = (performance.now() - start) / 1000;
  // maxRSS is in kilobytes: the peak of the whole process (all its threads), Node itself included.
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ MB: +(fs.statSync(file).size / 1048576).toFixed(1), chars: text.length, ...(text.startsWith('refused') ? { refused: text } : {}), seconds: +seconds.toFixed(1), loadedMB, peakRssMB: peak, extractionMB: peak - loadedMB }));
} else {
  if (!fs.existsSync(file) || fs.statSync(file).size > target) console.error(`生成 ${file}：${writePdf()} 页`);
  // The worst case is refused part-way (MAX_PDF_CHARS): the child reports the refusal and its memory.
  process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--child'], { encoding: 'utf8', env: process.env }));
}
