/**
 * The widget's whole stylesheet, inside its shadow root. `:host { all: initial !important }` stops the
 * page's inherited styles (fonts, colours, line heights) at the boundary; an important declaration
 * of the shadow tree beats the page's, even the page's own `!important` ones on our host element.
 */
export const styles = `
:host{all:initial!important;display:block!important}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.root{--bg:#fff;--fg:#111827;--muted:#6b7280;--bubble:#f3f4f6;--line:#e5e7eb;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);position:fixed;bottom:20px;right:20px;z-index:2147483000;display:flex;flex-direction:column-reverse;align-items:flex-end;gap:12px}
.root[data-position=bottom-left]{right:auto;left:20px;align-items:flex-start}
.root[data-theme=dark]{--bg:#111827;--fg:#f9fafb;--muted:#9ca3af;--bubble:#1f2937;--line:#374151}
@media (prefers-color-scheme:dark){.root[data-theme=auto]{--bg:#111827;--fg:#f9fafb;--muted:#9ca3af;--bubble:#1f2937;--line:#374151}}
button{font:inherit;cursor:pointer;border:0;padding:0;margin:0;background:none;color:inherit}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.launcher{width:56px;height:56px;border-radius:50%;background:var(--accent);color:var(--on-accent);box-shadow:0 4px 14px rgba(0,0,0,.25);display:grid;place-items:center}
.launcher svg,.close svg,.send svg{width:26px;height:26px;fill:currentColor}
.panel{width:380px;height:min(600px,calc(100vh - 110px));background:var(--bg);border:1px solid var(--line);border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.2);display:flex;flex-direction:column;overflow:hidden}
.header{display:flex;align-items:center;gap:8px;padding:12px 12px 12px 16px;background:var(--accent);color:var(--on-accent)}
.title{flex:1;margin:0;font-size:16px;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.close{width:36px;height:36px;border-radius:8px;display:grid;place-items:center}
.close svg{width:20px;height:20px}
.log{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:10px;overscroll-behavior:contain}
.message{max-width:85%;padding:8px 12px;border-radius:12px;overflow-wrap:anywhere}
.user{align-self:flex-end;background:var(--accent);color:var(--on-accent);white-space:pre-wrap}
.assistant{align-self:flex-start;background:var(--bubble)}
.failed{border:1px dashed var(--muted)}
.message>:first-child{margin-top:0}.message>:last-child{margin-bottom:0}
.message p,.message ul,.message ol,.message pre,.message blockquote{margin:0 0 8px}
.message h1,.message h2,.message h3,.message h4,.message h5,.message h6{margin:4px 0 6px;font-size:1.05em;line-height:1.3}
.message h1{font-size:1.25em}.message h2{font-size:1.15em}
.message ul,.message ol{padding-left:20px}
.message a{color:inherit;text-decoration:underline}
.message code{font:12.5px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:rgba(127,127,127,.15);border-radius:4px;padding:1px 4px}
.message pre{overflow-x:auto;background:rgba(127,127,127,.15);border-radius:8px;padding:8px}
.message pre code{background:none;padding:0}
.message blockquote{border-left:3px solid var(--line);padding-left:10px;color:var(--muted)}
.message hr{border:0;border-top:1px solid var(--line)}
.typing{display:inline-flex;gap:4px}.typing i{width:6px;height:6px;border-radius:50%;background:var(--muted);animation:blink 1s infinite}
.typing i:nth-child(2){animation-delay:.2s}.typing i:nth-child(3){animation-delay:.4s}
@keyframes blink{50%{opacity:.3}}
@media (prefers-reduced-motion:reduce){.typing i{animation:none}}
.notice{margin:0;padding:8px 16px;background:#fef3c7;color:#78350f;font-size:13px}
.composer{display:flex;gap:8px;align-items:flex-end;padding:10px;border-top:1px solid var(--line)}
.input{flex:1;resize:none;max-height:120px;min-height:40px;padding:9px 12px;border:1px solid var(--line);border-radius:10px;font:inherit;color:inherit;background:var(--bg)}
.input:focus{outline:2px solid var(--accent);outline-offset:0}
.send{width:40px;height:40px;border-radius:10px;background:var(--accent);color:var(--on-accent);display:grid;place-items:center}
.send:disabled{opacity:.5;cursor:default}
.send svg{width:20px;height:20px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){
.root{bottom:16px;right:16px}.root[data-position=bottom-left]{left:16px}
.root[data-open] .panel{position:fixed;inset:0;width:100%;height:100%;border:0;border-radius:0}
.root[data-open] .launcher{display:none}
.input{font-size:16px}}
`;
