import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AppError } from '../kernel/errors.ts';

const run = promisify(execFile);

/**
 * PDF through LibreOffice (headless), when the server has it. The 公文 fonts a government PC has
 * are mapped onto the free CJK fonts for the conversion: 仿宋_GB2312/楷体_GB2312/宋体 and
 * 方正小标宋简体 (bold) to Noto Serif CJK SC, 黑体 to Noto Sans CJK SC. Conversions run one at a
 * time, each in its own LibreOffice profile, so two requests never share a lock.
 */
export const PDF_UNAVAILABLE = '服务器未安装 LibreOffice，暂不能生成 PDF。请管理员安装（Debian/Ubuntu：apt-get install libreoffice-writer-nogui fonts-noto-cjk）后重试；.docx 可照常下载';

const FONT_MAP: [string, string, boolean][] = [
  ['仿宋_GB2312', 'Noto Serif CJK SC', false],
  ['楷体_GB2312', 'Noto Serif CJK SC', false],
  ['宋体', 'Noto Serif CJK SC', false],
  ['方正小标宋简体', 'Noto Serif CJK SC', true],
  ['黑体', 'Noto Sans CJK SC', false],
];

function fontsConf(): string {
  const rules = FONT_MAP.map(
    ([from, to, bold]) =>
      `<match target="pattern"><test name="family"><string>${from}</string></test><edit name="family" mode="assign" binding="strong"><string>${to}</string></edit>${bold ? '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' : ''}</match>`,
  );
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${rules.join('')}</fontconfig>\n`;
}

export function findSoffice(): string | null {
  const candidates = [process.env.SOFFICE_PATH, ...(process.env.PATH ?? '').split(path.delimiter).flatMap((d) => [path.join(d, 'soffice'), path.join(d, 'libreoffice')])];
  return candidates.find((c): c is string => Boolean(c) && fs.existsSync(c!)) ?? null;
}

let queue: Promise<unknown> = Promise.resolve();

export function docxToPdf(docx: Buffer): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) return Promise.reject(new AppError(503, 'pdf_unavailable', PDF_UNAVAILABLE));
  const job = queue.then(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-pdf-'));
    try {
      fs.writeFileSync(path.join(dir, 'report.docx'), docx);
      fs.writeFileSync(path.join(dir, 'fonts.conf'), fontsConf());
      await run(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'report.docx')], {
        env: { ...process.env, FONTCONFIG_FILE: path.join(dir, 'fonts.conf'), HOME: dir },
        timeout: 120_000,
      });
      const out = path.join(dir, 'report.pdf');
      if (!fs.existsSync(out)) throw new AppError(500, 'pdf_failed', 'LibreOffice 未能生成 PDF，请下载 .docx 后自行转换，或联系管理员查看服务器日志');
      return fs.readFileSync(out);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  queue = job.catch(() => undefined);
  return job;
}
