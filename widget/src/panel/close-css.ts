/** The × in a corner of the overlays (the dialog, the offer card): in their chunks' own sheets. */
export const CLOSE_CSS = `\
.close{position:absolute;top:8px;right:8px;width:32px;height:32px;padding:0;font-size:20px;\
background:0 0;border-color:transparent;color:var(--m)}`;
