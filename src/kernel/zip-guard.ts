import { AppError, badRequest } from './errors.ts';

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

/** Office files are zips of XML: a real annual report or a 20,000-row sheet stays far below these. */
export const OFFICE_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxUncompressedBytes: 200 * 1024 * 1024 };

export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
export const isPdf = (b: Uint8Array) => b.length >= 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;
/** Old binary Office (.doc, .xls, .wps): an OLE compound file. */
export const isOle = (b: Uint8Array) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

const mb = (n: number) => `${Math.round(n / 1048576)}MB`;

/**
 * Reads the zip's central directory (without inflating anything) and refuses a file whose entries
 * would unpack beyond the limits: a zip bomb is stopped in milliseconds, before any parser sees it.
 */
export function assertZipWithinLimits(bytes: Uint8Array, what: string, limits: ZipLimits = OFFICE_ZIP_LIMITS): { entries: number; uncompressed: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw badRequest(`${what}已损坏（找不到压缩目录），无法读取`);
  const entries = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === 0xffffffff) throw new AppError(413, 'too_large', `${what}过大（超大压缩格式），无法处理`);
  if (entries > limits.maxEntries) throw new AppError(413, 'too_large', `${what}包含${entries}个压缩条目，超过${limits.maxEntries}个的上限，请确认文件是否正确`);
  let p = cdOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw badRequest(`${what}已损坏（压缩目录不完整），无法读取`);
    const size = view.getUint32(p + 24, true);
    if (size === 0xffffffff) throw new AppError(413, 'too_large', `${what}过大（超大压缩格式），无法处理`);
    total += size;
    if (total > limits.maxUncompressedBytes) {
      throw new AppError(413, 'too_large', `${what}解压后超过${mb(limits.maxUncompressedBytes)}的上限（可能是恶意构造的压缩文件），已拒绝处理`);
    }
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return { entries, uncompressed: total };
}
