/**
 * What replaces each kind of personal data in a recorded question. The label keeps what the
 * office needs to read the question ("my ID number [身份证号] was refused") without the data.
 */
export const REDACTION_LABELS = {
  email: '[邮箱]',
  idNumber: '[身份证号]',
  cardNumber: '[银行卡号]',
  mobile: '[手机号]',
  landline: '[电话]',
  number: '[号码]',
} as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** 11 or more digits, possibly grouped by spaces or dashes (6222 0212 3456 7890, 138-1234-5678), with an optional trailing X (ID numbers). */
const LONG_NUMBER = /(?<![\p{N}])\+?\d(?:[ \-–]?\d){10,}(?:[xX](?![\p{L}]))?(?![\p{N}])/gu;
/** An area code and a local number: 0595-88881234, (0595)8888123, （0595）88881234. */
const LANDLINE = /[(（]?0\d{2,3}[)）]?[ \-–]?\d{7,8}(?!\d)/g;
/** A bare 7–8 digit local number; not when a unit follows (2023000元, 1200000人): those are figures, not phones. */
const LOCAL_NUMBER = /(?<![\d.])[2-9]\d{6,7}(?![\d.%])(?!\s*[元件人万亿年月日号个家项次条户名岁平米])/g;

/** The GB 11643 check character of the first 17 digits of an ID number. */
function idCheckCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] as number);
  return '10X98765432'[sum % 11] as string;
}

function isIdNumber(digits: string): boolean {
  return /^\d{17}[\dX]$/i.test(digits) && idCheckCharacter(digits.slice(0, 17)) === digits[17]?.toUpperCase();
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Which label a long number gets. Every run of 11+ digits is removed whatever it is: the
 * checksums only choose the label. So an 18-digit number with a wrong ID checksum (usually a
 * real ID with one digit mistyped, which still identifies its holder) and a card number that
 * fails Luhn are removed as `[号码]`, never stored.
 */
function labelLongNumber(match: string): string {
  const digits = match.replace(/[^\dxX]/g, '');
  if (isIdNumber(digits)) return REDACTION_LABELS.idNumber;
  if (/^(?:\+?86|0086)?1[3-9]\d{9}$/.test(digits)) return REDACTION_LABELS.mobile;
  if (/^0\d{9,11}$/.test(digits)) return REDACTION_LABELS.landline;
  if (/^\d{13,19}$/.test(digits) && passesLuhn(digits)) return REDACTION_LABELS.cardNumber;
  return REDACTION_LABELS.number;
}

/**
 * A question with personal data replaced by labels, for recording: e-mail addresses, mobile
 * and landline numbers, ID numbers, bank card numbers, and any other run of 11+ digits.
 * Full-width digits are read as digits first (１３８… is a phone number too).
 *
 * @example redactPersonalData('我的电话13812345678，身份证11010519491231002X') // '我的电话[手机号]，身份证[身份证号]'
 */
export function redactPersonalData(text: string): string {
  // Most questions hold no e-mail and fewer than 7 digits, the fewest any pattern below needs;
  // they are returned at once (this runs for every answered question).
  if (!text.includes('@') && !text.includes('＠') && countDigits(text) < 7) return text;
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[ｘＸ]/g, 'X');
  return ascii
    .replace(EMAIL, REDACTION_LABELS.email)
    .replace(LONG_NUMBER, labelLongNumber)
    .replace(LANDLINE, REDACTION_LABELS.landline)
    .replace(LOCAL_NUMBER, REDACTION_LABELS.landline);
}

function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) n++;
  }
  return n;
}
