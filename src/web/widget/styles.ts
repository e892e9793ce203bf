/** Widget CSS, scoped by the Shadow DOM: the host page cannot restyle it and it cannot leak out. */
export const STYLES = `
:host{all:initial}
*{box-sizing:border-box}
.root{font:15px/1.6 system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;color:#222;position:fixed;bottom:20px;right:20px;z-index:2147483000}
.root.left{right:auto;left:20px}
.fab{width:56px;height:56px;border-radius:50%;border:0;background:#b71c1c;color:#fff;font-size:15px;font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.fab:focus-visible,button:focus-visible,textarea:focus-visible,a:focus-visible{outline:3px solid #1565c0;outline-offset:2px}
.panel{position:absolute;bottom:70px;right:0;width:380px;max-width:calc(100vw - 40px);height:560px;max-height:calc(100vh - 110px);background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden}
.left .panel{right:auto;left:0}
.panel[hidden]{display:none}
.head{background:#b71c1c;color:#fff;padding:10px 12px;display:flex;align-items:center;gap:8px}
.head h2{font-size:16px;margin:0;flex:1;font-weight:600}
.head button{background:transparent;border:0;color:#fff;font-size:20px;line-height:1;cursor:pointer;padding:4px 8px;border-radius:4px}
.log{flex:1;overflow-y:auto;padding:12px;background:#f7f7f5}
.msg{margin:0 0 10px;max-width:92%;padding:8px 10px;border-radius:10px;white-space:pre-wrap;word-break:break-word}
.user{margin-left:auto;background:#b71c1c;color:#fff;border-bottom-right-radius:3px}
.bot{background:#fff;border:1px solid #e3e3e3;border-bottom-left-radius:3px}
.bot.declined{border-color:#e0b252;background:#fffaf0}
.tag{display:inline-block;font-size:12px;color:#8a6100;background:#fdeec8;border-radius:3px;padding:0 6px;margin-bottom:4px}
.note{font-size:12px;color:#777;margin-top:4px}
.cite{font:inherit;font-size:12px;border:1px solid #c9c9c9;background:#f3f3f3;color:#b71c1c;border-radius:3px;padding:0 4px;margin:0 1px;cursor:pointer;vertical-align:baseline}
.sources{list-style:none;padding:0;margin:6px 0 0;border-top:1px dashed #ddd}
.sources li{margin-top:4px}
.sources button,.sugg button{font:inherit;font-size:13px;text-align:left;width:100%;background:#fafafa;border:1px solid #e3e3e3;border-radius:6px;padding:4px 6px;cursor:pointer;color:#333}
.sugg{margin-top:6px;display:grid;gap:4px}
.starters{display:grid;gap:6px;margin-top:4px}
.starters button{font:inherit;font-size:14px;text-align:left;background:#fff;border:1px solid #e0c6c6;border-radius:16px;padding:5px 12px;cursor:pointer;color:#7f1313}
.form{display:flex;gap:6px;padding:8px;border-top:1px solid #e6e6e6;background:#fff}
.form textarea{flex:1;font:inherit;resize:none;border:1px solid #ccc;border-radius:8px;padding:6px 8px;height:42px;max-height:120px}
.form button{font:inherit;background:#b71c1c;color:#fff;border:0;border-radius:8px;padding:0 14px;cursor:pointer}
.form button[disabled]{opacity:.5;cursor:default}
.err{background:#fdecea;border:1px solid #f5c2bd;color:#8a1c12}
.err button{font:inherit;font-size:13px;margin-left:6px;border:1px solid #c66;background:#fff;border-radius:4px;cursor:pointer}
.detail{flex:1;overflow-y:auto;padding:12px}
.detail[hidden],.log[hidden]{display:none}
.detail .sec{font-size:13px;color:#666;margin:0 0 6px}
.detail .para{white-space:pre-wrap;word-break:break-word;line-height:1.8}
.detail mark{background:#ffe27a;padding:0 1px}
.detail .links{margin-top:10px;display:flex;gap:10px;flex-wrap:wrap;align-items:center}
.detail a{color:#1565c0}
.back{font:inherit;font-size:13px;background:#fff;border:1px solid #ccc;border-radius:4px;padding:2px 10px;cursor:pointer}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.typing::after{content:"▍";animation:blink 1s steps(1) infinite;color:#b71c1c}
@keyframes blink{50%{opacity:0}}
@media (max-width:480px){.root{bottom:12px;right:12px}.panel{position:fixed;inset:0;width:100vw;max-width:none;height:100%;max-height:none;border-radius:0}}
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
