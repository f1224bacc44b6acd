import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { unzipSync, strFromU8 } from 'fflate';
import { identity, type MappedText } from './mapped.ts';
import { assertZipWithinLimits } from '../kernel/zip-guard.ts';
import { AppError } from '../kernel/errors.ts';
import { decodeChinese, UndecodableError, utf16Guess } from './encoding.ts';
import { htmlDocument, type PageMeta } from './html.ts';

/**
 * Turns an uploaded file into text. For plain text and HTML the offsets of the result index the
 * file's own text (for HTML, the page source); .docx and PDF have no text of their own, so
 * offsets index the extracted text, which the analysis returns as well.
 */
export const MAX_INPUT_BYTES = 30 * 1024 * 1024;
/** A text layer this long is not an annual report; stopping here keeps memory bounded. */
export const MAX_PDF_CHARS = 3_000_000;
export type Format = 'text' | 'html' | 'docx' | 'pdf';

export interface Ingested {
  format: Format;
  /** The text offsets refer to: the decoded file for text and HTML, the extracted text otherwise. */
  source: string;
  /** The readable text, mapped into `source`. */
  text: MappedText;
  /** For web pages: <title>, meta tags and 发布机构/发布日期/索引号 lines. */
  meta?: PageMeta;
}

const fail = (msg: string) => new AppError(422, 'unreadable', msg);

/** Text in UTF-8, UTF-16, GBK or Big5; a file none of them reads as Chinese is refused, never returned as garbage. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return decodeChinese(bytes).text.replace(/^\uFEFF/, '');
  } catch (e) {
    if (e instanceof UndecodableError) throw fail('无法可靠识别该文件的文字编码（不是 UTF-8、UTF-16、GBK 或 Big5），请用“另存为 UTF-8”后重新上传');
    throw e;
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / Math.max(1, n) > 0.05;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', mdash: '—', hellip: '…', middot: '·', emsp: ' ', ensp: ' ' };
const BLOCK = /^(p|div|br|li|tr|h[1-6]|section|article|table|ul|ol|dd|dt|blockquote|pre|hr|td|th)$/i;
const SKIP_CONTENT = /^(script|style|noscript|head|nav|header|footer|iframe|svg|select|button|form)$/i;
const FURNITURE = /\b(nav|menu|footer|header|breadcrumb|crumb|share|toolbar|sidebar|topbar|bottom|copyright|fontsize|print)\b/i;

/** `&amp;`, `&#26032;`, `&#x65B0;` and the common named entities; unknown ones stay as written. */
export function decodeEntity(entity: string): string {
  const code = entity.slice(1, -1).toLowerCase();
  return code.startsWith('#x') ? String.fromCodePoint(parseInt(code.slice(2), 16)) : code.startsWith('#') ? String.fromCodePoint(Number(code.slice(1))) : ENTITIES[code] ?? entity;
}

/** Text of an HTML page with each character mapped to its place in the source; tolerant of broken markup. */
export function htmlText(html: string): MappedText {
  // One pass into typed arrays (a page is read a character at a time): blank space that markup
  // leaves is collapsed as it is written, to one space, and to nothing at line ends.
  const out = new Uint16Array(html.length + 1);
  const map = new Int32Array(html.length + 2);
  let n = 0;
  let lineStart = true;
  let space = false;
  const put = (c: number, at: number) => {
    if (c === 10) {
      while (n > 0 && out[n - 1] === 32) n--;
      if (!lineStart) (out[n] = 10), (map[n++] = at);
      lineStart = true;
      space = false;
    } else if (c === 32) {
      if (!lineStart && !space) (out[n] = 32), (map[n++] = at);
      space = true;
    } else {
      out[n] = c;
      map[n++] = at;
      lineStart = false;
      space = false;
    }
  };
  const text = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const c = html.charCodeAt(i);
      if (c === 38) {
        const e = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i.exec(html.slice(i, Math.min(to, i + 12)));
        if (e) {
          const ch = decodeEntity(e[0]);
          for (let k = 0; k < ch.length; k++) put(ch.charCodeAt(k), i);
          i += e[0].length - 1;
          continue;
        }
      }
      put(c === 9 || c === 10 || c === 13 ? 32 : c, i);
    }
  };
  const lower = html.toLowerCase();
  const TAG = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?\]\]>|<!?\/?([a-zA-Z][\w:-]*)([^>]*)>/g;
  let pos = 0;
  let skipUntil: { name: string; depth: number } | null = null;
  for (let m = TAG.exec(html); ; m = TAG.exec(html)) {
    const textEnd = m ? m.index : html.length;
    if (!skipUntil && textEnd > pos) text(pos, textEnd);
    if (!m) break;
    pos = m.index + m[0].length;
    const name = m[1]?.toLowerCase();
    if (!name) continue;
    const closing = m[0].startsWith('</');
    if (skipUntil) {
      if (name === skipUntil.name) skipUntil.depth += closing ? -1 : m[0].endsWith('/>') ? 0 : 1;
      if (skipUntil.depth === 0) skipUntil = null;
      continue;
    }
    if (!closing && !m[0].endsWith('/>') && (SKIP_CONTENT.test(name) || FURNITURE.test(/(?:class|id)\s*=\s*["']?([^"'>]*)/i.exec(m[2] ?? '')?.[1] ?? ''))) {
      // Skip the element's content only if it is closed somewhere; broken markup must not swallow the page.
      if (lower.indexOf(`</${name}`, pos) >= 0) skipUntil = { name, depth: 1 };
      continue;
    }
    if (BLOCK.test(name)) put(10, m.index);
  }
  map[n] = html.length;
  return { text: new TextDecoder('utf-16le').decode(out.subarray(0, n)), map: map.slice(0, n + 1) };
}

function docxText(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  } catch {
    throw fail('该 .docx 文件已损坏，无法解压');
  }
  const xml = files['word/document.xml'];
  if (!xml) throw fail('不是有效的 Word 文档（缺少 word/document.xml）');
  const doc = strFromU8(xml);
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return doc
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)].map((m) => (m[1] !== undefined ? unescape(m[1]) : m[0] === '<w:tab/>' ? '\t' : '\n')).join(''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Heap the PDF reader may use; a PDF that needs more is refused (FAZHI_PDF_MEMORY_MB to change it). */
export const PDF_MEMORY_MB = Number(process.env.FAZHI_PDF_MEMORY_MB) || 160;
const PDF_TIMEOUT_MS = 100_000;
/** A PDF worker left idle this long is closed, giving its memory back. */
const PDF_IDLE_MS = 10_000;

type PdfReply = { id: number; text?: string; error?: 'encrypted' | 'damaged' | 'too_long' };

/**
 * pdf.js runs in a worker thread of its own (pdf-worker.mjs), started as plain JavaScript without
 * the tsx loader and with its heap capped, so neither its memory nor a crash reaches the caller:
 * the server's parse worker or the command line. The worker reads one PDF after another (loading
 * pdf.js costs about half a second), is closed when idle, and is replaced after a failure.
 */
class PdfReader {
  private worker: Worker | null = null;
  private memoryMb = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private idle: NodeJS.Timeout | undefined;

  read(data: Uint8Array, name: string, memoryMb: number): Promise<string> {
    const result = this.queue.then(() => this.exec(data, name, memoryMb));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private spawn(memoryMb: number): Worker {
    const w = new Worker(new URL('./pdf-worker.mjs', import.meta.url), {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 16 },
    });
    w.unref();
    w.on('exit', () => {
      if (this.worker === w) this.worker = null;
    });
    this.memoryMb = memoryMb;
    return w;
  }

  private exec(data: Uint8Array, name: string, memoryMb: number): Promise<string> {
    clearTimeout(this.idle);
    if (this.worker && this.memoryMb !== memoryMb) void this.worker.terminate(), (this.worker = null);
    const w = (this.worker ??= this.spawn(memoryMb));
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      const done = (err: AppError | null, text?: string) => {
        clearTimeout(timer);
        w.off('message', onMessage).off('error', onError).off('exit', onExit);
        w.unref();
        if (err) {
          if (this.worker === w) this.worker = null;
          void w.terminate();
          return reject(err);
        }
        this.idle = setTimeout(() => this.worker === w && (void w.terminate(), (this.worker = null)), PDF_IDLE_MS).unref();
        resolve(text!);
      };
      const onMessage = (m: PdfReply) => {
        if (m.id !== id) return;
        if (m.error === 'too_long') return done(fail(`该 PDF 的文字超过${MAX_PDF_CHARS / 10000}万字，不像是一份年度报告（年度报告通常不足10万字），请确认文件是否正确`));
        if (m.error) return done(fail(`PDF 文件无法打开：${m.error === 'encrypted' ? '文件已加密' : '文件已损坏'}`));
        done(null, m.text ?? '');
      };
      const onError = (e: Error & { code?: string }) =>
        done(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError(413, 'too_large', `${name}读取时所需内存超过${memoryMb}MB 的上限，已停止处理；请拆分或压缩后再上传`)
            : fail(`${name}读取失败（PDF 解析进程出错），请确认文件是否完整`),
        );
      const onExit = () => done(fail(`${name}读取失败（PDF 解析进程意外退出），请确认文件是否完整`));
      const timer = setTimeout(() => done(new AppError(413, 'too_large', `${name}读取超过${PDF_TIMEOUT_MS / 1000}秒，已停止；请拆分后再上传`)), PDF_TIMEOUT_MS);
      w.on('message', onMessage).on('error', onError).on('exit', onExit);
      w.ref();
      // The bytes move to the worker, not copied (the caller's view is emptied).
      w.postMessage({ id, bytes: data, maxChars: MAX_PDF_CHARS }, [data.buffer as ArrayBuffer]);
    });
  }
}

const pdfReader = new PdfReader();

/** The text layer of a PDF, read in the PDF worker; refusals and failures are Chinese AppErrors. */
export async function pdfText(bytes: Uint8Array, opts: { name?: string; memoryMb?: number } = {}): Promise<string> {
  const name = opts.name ? `PDF 文件「${opts.name}」` : 'PDF 文件';
  // Hand over a buffer the bytes own outright (no 30 MB copy); copy only a slice of a shared one (Node's small-Buffer pool).
  const data = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes);
  const text = await pdfReader.read(data, name, opts.memoryMb ?? PDF_MEMORY_MB);
  if (!/(?:\S[\s]*){20}/.test(text.slice(0, 100000)) && text.replace(/\s/g, '').length < 20) throw fail('该 PDF 没有文字层（可能是扫描件），请先进行文字识别（OCR）后再上传');
  return text;
}

export async function ingest(filename: string, bytes: Uint8Array): Promise<Ingested> {
  if (bytes.length === 0) throw fail(`文件「${filename}」是空文件`);
  if (bytes.length > MAX_INPUT_BYTES) throw fail(`文件「${filename}」有${(bytes.length / 1048576).toFixed(1)}MB，超过${MAX_INPUT_BYTES / 1048576}MB 上限；年度报告通常不足1MB，请确认文件是否正确`);
  const ext = path.extname(filename).toLowerCase();
  const head = strFromU8(bytes.subarray(0, 5), true);
  if (head.startsWith('%PDF')) {
    const t = await pdfText(bytes, { name: filename });
    return { format: 'pdf', source: t, text: identity(t) };
  }
  if (head.startsWith('PK\u0003\u0004')) {
    assertZipWithinLimits(bytes, `文件「${filename}」`);
    if (ext !== '.docx' && !unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']) throw fail(`文件「${filename}」是压缩包，不是 Word 文档`);
    const t = docxText(bytes);
    if (!t.trim()) throw fail(`Word 文档「${filename}」没有文字`);
    return { format: 'docx', source: t, text: identity(t) };
  }
  if (ext === '.doc' || ext === '.wps') throw fail(`暂不支持旧版 ${ext} 格式，请另存为 .docx 后上传`);
  if (!utf16Guess(bytes) && looksBinary(bytes)) throw fail(`文件「${filename}」不是文本、网页、Word(.docx) 或 PDF 文件`);
  const source = decodeText(bytes);
  if (!source.trim()) throw fail(`文件「${filename}」没有文字`);
  const isHtml = ext === '.html' || ext === '.htm' || /^\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[\s>])/i.test(source.slice(0, 500));
  if (isHtml) {
    const { text, meta } = htmlDocument(source);
    if (!text.text.trim()) throw fail(`网页「${filename}」中没有正文文字`);
    return { format: 'html', source, text, meta };
  }
  return { format: 'text', source, text: identity(source) };
}
