// The text layer of a PDF, read by pdf.js in a worker thread of its own. This file is plain
// JavaScript and the worker is started without the tsx loader: pdf.js loaded through tsx costs
// some 350 MB more memory than under plain node. The worker's heap is capped by its parent
// (ingest.ts, pdfText); messages in Chinese are made there too, from the codes posted here.
import path from 'node:path';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

/**
 * A PDF breaks every paragraph into lines. A line as long as the page's longest, not ending a
 * sentence, continues on the next line unless that one starts a heading.
 */
export function joinWrappedLines(page) {
  const lines = page.split('\n');
  const full = Math.max(...lines.map((l) => l.trim().length));
  let out = '';
  lines.forEach((line, i) => {
    out += line;
    const next = lines[i + 1];
    if (next === undefined) return;
    const wraps = line.trim().length >= full * 0.85 && !/[。！？!?:：;；]$/.test(line.trim()) && !/^\s*([一二三四五六七八九十⼀⼆三四五六七⼋九⼗]+、|[(（][一二三四五六七八九十⼀⼆三四五六七⼋九⼗\d]+[)）]|\d+[.、])/.test(next);
    out += wraps ? '' : '\n';
  });
  return out;
}

/** pdf.js, loaded once per worker: the worker reads one PDF after another. */
let loading;

/** Pages' text, or an error code: 'encrypted', 'damaged' or 'too_long' (over maxChars). */
async function extract(data, maxChars) {
  const pdfjs = await (loading ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data,
      cMapUrl: path.join(root, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: path.join(root, 'standard_fonts') + '/',
      disableFontFace: true,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    return { error: e?.name === 'PasswordException' ? 'encrypted' : 'damaged' };
  }
  const pages = [];
  let chars = 0;
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(joinWrappedLines(content.items.map((it) => (it.str ?? '') + (it.hasEOL ? '\n' : '')).join('')));
      // Without this pdf.js keeps every page's parsed resources until the end: memory grows with the page count.
      page.cleanup();
      if (i % 100 === 0) await doc.cleanup();
      chars += pages[pages.length - 1].length;
      if (chars > maxChars) return { error: 'too_long' };
    }
  } catch {
    return { error: 'damaged' };
  } finally {
    await doc.destroy();
  }
  return { text: pages.join('\n') };
}

parentPort?.on('message', async ({ id, bytes, maxChars }) => parentPort.postMessage({ id, ...(await extract(bytes, maxChars)) }));
