/** CJK fonts first: digits and Latin letters then come from the same font as the Chinese around them. */
const FONTS = '"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif';

/**
 * Widget CSS, scoped by the Shadow DOM: the host page cannot restyle it and it cannot leak out.
 * Every text colour keeps ≥ 4.5:1 against its background (a browser test measures it); inputs
 * are 16 px (iOS zooms into smaller ones); on a phone every control is ≥ 44 px tall.
 */
export const STYLES = `
:host{all:initial}
*{box-sizing:border-box}
.root{font:15px/1.6 ${FONTS};color:#222;position:fixed;bottom:20px;right:20px;z-index:2147483000}
.root.left{right:auto;left:20px}
button{font:inherit;cursor:pointer}
.fab{width:56px;height:56px;border-radius:50%;border:0;background:#b71c1c;color:#fff;font-size:15px;font-weight:600;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.fab:focus-visible,button:focus-visible,textarea:focus-visible,a:focus-visible,.panel:focus-visible{outline:3px solid #1565c0;outline-offset:2px}
.panel{position:absolute;bottom:70px;right:0;width:400px;max-width:calc(100vw - 40px);height:600px;max-height:calc(100dvh - 110px);background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden}
.left .panel{right:auto;left:0}
.panel[hidden]{display:none}
.head{background:#b71c1c;color:#fff;padding:6px 8px 6px 14px;display:flex;align-items:center;gap:6px}
.head h2{font-size:16px;margin:0;flex:1;font-weight:600}
.head button{background:transparent;border:1px solid transparent;color:#fff;min-width:44px;min-height:44px;border-radius:6px;padding:0 8px}
.head .icon{font-size:22px;line-height:1}
.head .new{border-color:rgba(255,255,255,.6);font-size:14px}
.notice{margin:0;padding:4px 12px;font-size:12px;color:#4d4d4d;background:#f1f1ee;border-bottom:1px solid #e3e3e3}
.log{position:relative;flex:1;overflow-y:auto;padding:12px;background:#f7f7f5}
.msg{margin:0 0 10px;max-width:92%;padding:8px 10px;border-radius:10px;word-break:break-word}
.msg p{margin:0 0 6px}
.user{margin-left:auto;background:#b71c1c;color:#fff;border-bottom-right-radius:3px;white-space:pre-wrap}
.bot{background:#fff;border:1px solid #e3e3e3;border-bottom-left-radius:3px}
.typing{white-space:pre-wrap}
.typing::after{content:"▍";animation:blink 1s steps(1) infinite;color:#b71c1c}
@keyframes blink{50%{opacity:0}}
.loading{color:#4d4d4d}
.loading::before{content:"";display:inline-block;width:10px;height:10px;margin-right:6px;border-radius:50%;border:2px solid #b71c1c;border-right-color:transparent;animation:spin .8s linear infinite}
@keyframes spin{to{transform:rotate(360deg)}}
.items{margin:4px 0 6px;padding:0 0 0 1.2em;list-style:disc}
.items li{margin:2px 0;padding-left:.1em}
.cite{font-size:12px;line-height:1;min-width:24px;min-height:24px;border:1px solid #c9c9c9;background:#fff5f5;color:#a01818;border-radius:4px;padding:0 3px;margin:0 1px;vertical-align:text-bottom}
.sources{list-style:none;padding:6px 0 0;margin:6px 0 0;border-top:1px dashed #ccc;display:grid;gap:4px}
.chip{display:block;width:100%;text-align:left;background:#fafafa;border:1px solid #ddd;border-radius:6px;padding:6px 8px;min-height:44px;color:#222;font-size:13px}
.chip .n{color:#a01818;margin-right:4px}
.chip .q{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.chip .sec{display:none;margin-top:2px;color:#4d4d4d;font-size:12px}
.chip:hover .sec,.chip:focus-visible .sec{display:block}
.actions{display:flex;gap:6px;align-items:center;margin-top:6px}
.actions button{background:#fff;border:1px solid #ccc;border-radius:6px;padding:0 10px;min-height:36px;color:#333;font-size:13px}
.feedback{display:inline-flex;gap:4px;margin-left:auto;min-width:88px;align-items:center;justify-content:flex-end}
.actions{flex-wrap:wrap}
.feedback.open{flex-basis:100%;margin-left:0}
.feedback .up,.feedback .down{min-width:44px;padding:0 8px}
.feedback .thanks,.feedback .failed{font-size:13px;color:#1d5e20}
.feedback .failed{color:#7a180f}
.reason-form{display:flex;gap:4px;width:100%}
.reason-form .reason{flex:1;min-width:0;min-height:36px;border:1px solid #bbb;border-radius:6px;padding:0 8px;font-size:14px}
.declined{border-color:#e0b252;background:#fffaf0}
.tag{display:inline-block;font-size:12px;color:#6b4a00;background:#fdeec8;border-radius:3px;padding:0 6px;margin-bottom:4px}
.note{font-size:12px;color:#4d4d4d;margin:4px 0 0}
.sugg{margin-top:6px;display:grid;gap:4px}
.sugg button,.starters button{text-align:left;background:#fff;border:1px solid #ddd;border-radius:8px;padding:6px 10px;min-height:40px;color:#333;font-size:13px}
.starters{display:grid;gap:6px;margin-top:6px}
.starters button{border-color:#e0c6c6;border-radius:18px;color:#7f1313;font-size:14px}
.human{margin:8px 0 0;font-size:14px}
.human a{color:#0b57a4;font-weight:600}
.err{background:#fdecea;border-color:#f5c2bd;color:#7a180f}
.err .retry{margin-left:8px;border:1px solid #b45050;background:#fff;color:#7a180f;border-radius:6px;min-height:36px;padding:0 12px}
.err .retry[disabled]{cursor:default;border-style:dashed}
.form{display:flex;gap:6px;align-items:flex-end;padding:8px;border-top:1px solid #e6e6e6;background:#fff;position:relative}
.form textarea{flex:1;font:inherit;font-size:16px;line-height:1.5;resize:none;border:1px solid #949494;border-radius:8px;padding:8px 10px;min-height:44px;height:44px;max-height:120px;color:#222}
.form textarea::placeholder{color:#6b6b6b}
.form .send,.form .stop{background:#b71c1c;color:#fff;border:0;border-radius:8px;padding:0 16px;min-height:44px;min-width:56px}
.form .stop{background:#333}
.form [hidden]{display:none}
.counter{position:absolute;right:84px;top:-22px;font-size:12px;background:#fff;color:#4d4d4d;padding:0 4px;border-radius:3px}
.counter.full{color:#a01818;font-weight:600}
.detail{flex:1;overflow-y:auto;padding:12px}
.detail[hidden],.log[hidden]{display:none}
.detail .sec{font-size:13px;color:#4d4d4d;margin:8px 0 6px}
.detail .para{white-space:pre-wrap;word-break:break-word;line-height:1.8}
.detail mark{background:#ffe27a;color:#222;padding:0 1px}
.detail .out{display:inline-block;margin-top:10px;color:#0b57a4;padding:10px 0;min-height:44px}
.back{background:#fff;border:1px solid #ccc;border-radius:6px;padding:0 12px;min-height:44px;color:#333}
@media (max-width:480px){
.root{bottom:12px;right:12px}
.open .fab{display:none}
.panel{position:fixed;left:0;right:0;top:var(--vvt,0);bottom:auto;width:100vw;max-width:none;height:var(--vvh,100dvh);max-height:none;border-radius:0}
.sugg button,.starters button,.actions button,.err .retry{min-height:44px}
.human a{display:inline-block;min-height:44px;padding:10px 2px}
.feedback{min-width:96px}
.reason-form .reason{font-size:16px;min-height:44px}
}
`;

/**
 * Style the shadow root with a constructed stylesheet: unlike a <style> element it needs no
 * `'unsafe-inline'` in the page's CSP (ours or the host site's). Browsers without constructed
 * stylesheets get the <style> element.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
}
