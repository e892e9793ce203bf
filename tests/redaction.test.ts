import { describe, expect, it } from 'vitest';
import { normalizeQuestion } from '../src/record/normalize-question.js';
import { redactPersonalData } from '../src/record/redact-personal-data.js';

/** An 18-digit ID number with its GB 11643 check character, and the same with a wrong one. */
function idNumber(first17: string): { valid: string; invalid: string } {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  const check = '10X98765432'[sum % 11]!;
  const wrong = check === '0' ? '1' : '0';
  return { valid: first17 + check, invalid: first17 + wrong };
}

/** A card number that passes Luhn, and one that does not. */
function cardNumber(first15: string): { valid: string; invalid: string } {
  for (let d = 0; d <= 9; d++) {
    const n = first15 + d;
    const sum = [...n].reverse().reduce((s, c, i) => s + (i % 2 ? (Number(c) * 2 > 9 ? Number(c) * 2 - 9 : Number(c) * 2) : Number(c)), 0);
    if (sum % 10 === 0) return { valid: n, invalid: first15 + ((d + 1) % 10) };
  }
  throw new Error('unreachable');
}

const id = idNumber('35058219900307123');
const idWithX = idNumber('11010519491231002');
const card = cardNumber('622202123456789');

describe('redacting personal data from a recorded question', () => {
  it.each([
    ['a mobile number', '我的手机13812345678打不通', '我的手机[手机号]打不通'],
    ['a grouped mobile number with +86', '联系 +86 138-1234-5678 谢谢', '联系 [手机号] 谢谢'],
    ['a full-width mobile number', '电话１３９１２３４５６７８', '电话[手机号]'],
    ['a landline with its area code', '座机0595-88881234或（0595）88881235', '座机[电话]或[电话]'],
    ['a bare local number', '打88881234找谁', '打[电话]找谁'],
    ['an ID number with a valid checksum', `身份证${id.valid}办不了`, '身份证[身份证号]办不了'],
    ['an ID number whose check character is X', `证件号${idWithX.valid}`, '证件号[身份证号]'],
    ['an ID number with a wrong checksum (a mistyped ID still identifies its holder)', `身份证${id.invalid}`, '身份证[号码]'],
    ['a card number that passes Luhn', `银行卡${card.valid}被扣款`, '银行卡[银行卡号]被扣款'],
    ['a grouped card number', `卡号 ${card.valid.replace(/(\d{4})(?=\d)/g, '$1 ')}`, '卡号 [银行卡号]'],
    ['a card number that fails Luhn', `卡号${card.invalid}`, '卡号[号码]'],
    ['an e-mail address', '请回复到 zhang.san+qa@mail.example.cn 谢谢', '请回复到 [邮箱] 谢谢'],
  ])('removes %s', (_kind, question, redacted) => {
    expect(redactPersonalData(question)).toBe(redacted);
  });

  it('leaves the figures people ask about alone', () => {
    for (const q of ['2023年收到行政复议申请228件吗？', '12345热线接了多少电话？', '纠错率21.05%', '投入12000000元', '第3季度'])
      expect(redactPersonalData(q)).toBe(q);
  });

  it('leaves none of the digits of any personal number in the stored text or its grouping key', () => {
    const question = `我叫李四，手机13812345678，身份证${id.valid}（旧的${id.invalid}），卡${card.valid}，邮箱 li4@qq.com，座机0595-88881234`;
    const stored = redactPersonalData(question);
    for (const text of [stored, normalizeQuestion(stored)]) {
      expect(text).not.toMatch(/\d{5,}/);
      expect(text).not.toContain('li4@qq.com');
    }
    expect(stored).toBe('我叫李四，手机[手机号]，身份证[身份证号]（旧的[号码]），卡[银行卡号]，邮箱 [邮箱]，座机[电话]');
  });
});
