import { normalizeForMatch } from '../text/normalize.js';
import { tonelessPinyin } from '../text/pinyin.js';

/**
 * What a claim can carry that sends a citizen somewhere or names someone: web addresses, e-mail
 * addresses, phone numbers, account ids (WeChat, QQ, Weibo, @handles) and personal names. None
 * may appear in a claim unless its quotes say it verbatim: a model that adds a contact is the
 * model speaking, not the report. In order: earlier patterns mask what they match, so an e-mail
 * address is not also read as a web address.
 */
/** Where a web address stops: whitespace, Han text, Chinese punctuation, closing brackets. */
const URL_TAIL = '[^\\s\\p{Script=Han}，。；！？、）)」”』<>]';
const DOMAIN = '[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|cn|net|org|gov|edu|info|io|cc|me|top|xyz)';

const CONTACT_PATTERNS: RegExp[] = [
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu, // e-mail
  new RegExp(`(?:https?://|www\\.)${URL_TAIL}+`, 'giu'), // web address with a scheme or www
  new RegExp(`\\b${DOMAIN}\\b(?:/${URL_TAIL}*)?`, 'giu'), // bare domain
  /(?<![\w.])@[\p{L}\p{N}_-]{2,}/gu, // @handle
  /(?:微信|weixin|wechat|vx|v信|微博|抖音|qq)(?:号|群|id|账号)?\s*[:：]?\s*[a-z][\w-]{4,}/giu, // account id
  /(?:qq)(?:号|群)?\s*[:：]?\s*\d{5,11}/giu, // QQ number
  /(?:公众号|小程序)\s*[:：]?\s*[“「『"]?[\p{L}\p{N}_-]{2,20}/gu, // WeChat official account
  /(?<![\d.])(?:\+?86[-\s]?)?(?:1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}|0\d{2,3}[-\s]?\d{7,8}|[48]00[-\s]?\d{3}[-\s]?\d{4})(?![\d.])/gu, // phone
];

/**
 * Common Chinese surnames (the hundred most frequent single-character ones). A person is named
 * in this kind of text after a label (联系人：王丹蓉) or before a title (张伟局长); the surname
 * tells a name from an organisation (市司法局局长).
 */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁',
  ...'任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤洪',
]);
const NAME_LABEL = /(?:联系人|签发人|发言人|联络人|经办人|负责人)\s*(?:是|为|[:：])?\s*(\p{Script=Han}{2,3})/gu;
const TITLES = [
  '同志',
  '先生',
  '女士',
  '副?市长',
  '副?局长',
  '副?书记',
  '副?主任',
  '处长',
  '科长',
  '部长',
  '副?县长',
  '镇长',
  '律师',
  '法官',
  '检察官',
  '警官',
];
const NAME_TITLE = new RegExp(TITLES.join('|'), 'gu');
/** A name does not end like an organisation or a place (石狮市市长 is not a person called 石狮市). */
const NOT_A_NAME_END = /[市县区镇乡村省局委办院部厅所队站街会组司处科室]$/u;

/** A romanised Chinese name: capitalised words that read as pinyin syllables. */
const PINYIN_INITIAL = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?';
const PINYIN_FINAL = '(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u|v)';
const PINYIN_WORD = new RegExp(`^(?:${PINYIN_INITIAL}${PINYIN_FINAL})+$`, 'u');
const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|director|mayor|secretary|comrade|chief)$/u;

/**
 * The contact details and personal names in a claim that its quotes do not state verbatim
 * (compared after `normalizeForMatch`, spaces and dashes aside; a romanised name is compared
 * with the quotes' toneless pinyin, so `Wang Danrong` is supported by 王丹蓉).
 *
 * @example unsupportedTokens('详见 www.example.com', ['共收到行政复议申请 228 件']) // ['www.example.com']
 */
export function unsupportedTokens(claim: string, quotes: readonly string[]): string[] {
  const quoted = squash(quotes.join('\n'));
  let romanised: string | undefined;
  const inQuotes = (token: string) => quoted.includes(squash(token));
  const spokenInQuotes = (word: string) => {
    romanised ??= tonelessPinyin(quotes.join('')).join('').toLowerCase();
    return romanised.includes(word.toLowerCase());
  };

  const found: string[] = [];
  let rest = claim.normalize('NFKC');
  for (const pattern of CONTACT_PATTERNS) {
    rest = rest.replace(pattern, (token) => {
      if (!inQuotes(token)) found.push(token.trim());
      return ' '.repeat(token.length);
    });
  }
  for (const name of chineseNames(rest)) if (!inQuotes(name)) found.push(name);
  for (const name of romanisedNames(rest)) if (!inQuotes(name) && !name.split(/\s+/u).every(spokenInQuotes)) found.push(name);
  return [...new Set(found)];
}

/** Names after a label (联系人：王丹蓉) or before a title (张伟局长) that start with a common surname. */
function chineseNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(NAME_LABEL)) {
    const name = m[1]!;
    if (SURNAMES.has(name[0]!) && !NOT_A_NAME_END.test(name)) names.push(name);
  }
  for (const m of text.matchAll(NAME_TITLE)) {
    const before = text.slice(0, m.index);
    const name = [before.slice(-3), before.slice(-2)].find(
      (n) => /^\p{Script=Han}+$/u.test(n) && SURNAMES.has(n[0]!) && !NOT_A_NAME_END.test(n),
    );
    if (name) names.push(name);
  }
  return names;
}

/**
 * Romanised personal names: two or more capitalised pinyin words in a row (Wang Danrong, Xi
 * Jinping), or one after an honorific (Mr. Wang). A single capitalised word is left alone: it is
 * far more often a place (Shishi, Quanzhou) or an English word that happens to read as pinyin.
 */
function romanisedNames(text: string): string[] {
  const names: string[] = [];
  const words = [...text.matchAll(/[A-Za-z]+/gu)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  // Words of one name stand next to each other with only spaces between.
  const adjacent = (i: number) => /^ +$/u.test(text.slice(words[i - 1]!.end, words[i]!.start));
  for (let i = 0; i < words.length; i++) {
    let j = i;
    while (j < words.length && isPinyinName(words[j]!.word) && (j === i || adjacent(j))) j++;
    const afterHonorific =
      i > 0 && HONORIFIC.test(words[i - 1]!.word.toLowerCase()) && /^\.? +$/u.test(text.slice(words[i - 1]!.end, words[i]!.start));
    if (j - i >= 2 || (j - i === 1 && afterHonorific)) {
      names.push(
        words
          .slice(i, j)
          .map((w) => w.word)
          .join(' '),
      );
      i = j - 1;
    }
  }
  return names;
}

const isPinyinName = (word: string) => /^[A-Z][a-z]+$/u.test(word) && PINYIN_WORD.test(word.toLowerCase());
const squash = (text: string) => normalizeForMatch(text).replace(/[\s\-()（）]/gu, '');
