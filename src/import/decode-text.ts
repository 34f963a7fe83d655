import { ImportFileError } from './sheet';

export interface DecodedText {
  text: string;
  /** What the file was read as, in Chinese, when it was not plain UTF-8. */
  notice?: string;
}

/**
 * A CSV file's bytes as text. Excel on Chinese Windows saves 「CSV（逗号分隔）」 in GBK and
 * 「CSV UTF-8」 with a BOM; both are read. Text that still looks wrong (UTF-8 that was once
 * read as Latin-1 and saved again) is refused with a message instead of importing mojibake.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return checked({ text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) });
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return checked({ text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) });
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  let utf8: string | undefined;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Not valid UTF-8: GB18030 is a superset of GBK and GB2312.
    return checked({ text: new TextDecoder('gb18030').decode(body), notice: '文件不是 UTF-8 编码，已按 GBK（简体中文 Windows 默认）读取' });
  }
  return checked({ text: utf8 });
}

// Chinese text once decoded as Latin-1/Windows-1252 and saved again: 姓名 becomes "å§“å"
// (from UTF-8) or "ÐÕÃû" (from GBK). A roster is mostly Chinese, so accented letters that
// outnumber the Chinese characters mean the text was spoiled before it reached us.
const ACCENTED_LETTERS = /[\u00c0-\u00ff]/g;

function checked(decoded: DecodedText): DecodedText {
  const text = decoded.text.replace(/^\ufeff/, '');
  const replacement = (text.match(/\ufffd/g) ?? []).length;
  const mojibake = (text.match(ACCENTED_LETTERS) ?? []).length;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  if (replacement > 0 || mojibake > Math.max(3, han)) {
    throw new ImportFileError(
      '文件内容像是乱码（文字编码不对）：请用 Excel 或 WPS 打开原文件，“另存为”选择“CSV UTF-8（逗号分隔）”或 .xlsx 后重新选择',
    );
  }
  return { ...decoded, text };
}
