/** The extras' styles, added to the panel's stylesheet once this chunk has loaded. */
export const EXTRA_CSS = `\
.note{color:var(--m);font-size:12px;line-height:16px}\
.badge{display:inline-block;margin:0 0 12px;padding:2px 8px;border-radius:10px;background:var(--a);color:var(--at);font-size:12px;font-weight:600}\
.join{margin:0 0 4px}\
.join label{display:block;margin:0 0 4px;color:var(--m);font-size:12px;line-height:16px}\
.join input{width:100%;margin:0 0 8px}\
.error{font-weight:600;margin:0 0 8px}\
fieldset{border:0;margin:0 0 12px;padding:0;min-width:0}\
legend{padding:0;margin:0 0 4px;font-weight:600}\
fieldset label{display:flex;gap:8px;align-items:center;margin:2px 0}\
fieldset input{flex:none;width:auto;margin:0}\
ol{list-style:none;margin:0 0 12px;padding:0}`;
