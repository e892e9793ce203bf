/**
 * Toneless pinyin, from pinyin-pro. Its dictionaries are about 450 KB of code and cost ~45 ms
 * to load, a sixth of the server's start-up, and they serve only the rarer paths: a question
 * word the report does not have (a pinyin-input typo) and a model's romanised name. So the
 * module loads on first need: `loadPinyin()` is awaited where a question enters (retrieval,
 * a generated answer's checks) and by index builds; `tonelessPinyin` refuses to run before it.
 */
type PinyinPro = typeof import('pinyin-pro');

let pinyinPro: PinyinPro | undefined;
let loading: Promise<void> | undefined;

/** Load pinyin-pro once; later calls return the same settled promise. */
export function loadPinyin(): Promise<void> {
  loading ??= import('pinyin-pro').then(function loaded(module) {
    pinyinPro = module;
  });
  return loading;
}

/** Whether `tonelessPinyin` can run now (so a caller awaits only the first time). */
export const pinyinLoaded = (): boolean => pinyinPro !== undefined;

/**
 * The toneless syllables of `text`, one per character (words read in context: 行长 → hang zhang).
 *
 * @example await loadPinyin(); tonelessPinyin('复议') // ['fu', 'yi']
 */
export function tonelessPinyin(text: string): string[] {
  if (!pinyinPro) throw new Error('tonelessPinyin() before loadPinyin() finished');
  return pinyinPro.pinyin(text, { toneType: 'none', type: 'array' });
}
