/**
 * Global stylesheets that real shop themes ship, made as unkind to an embedded widget as they
 * get: each reaches every element of the page, including the widget's host elements.
 */
export const HOST_STYLES = {
  /** Bootstrap's reboot and typography, plus theme rules that style everything. */
  bootstrap: `
*,*::before,*::after{box-sizing:border-box}
html{font-size:16px}
body{margin:0;font-family:Georgia,"Times New Roman",serif;font-size:1.125rem;line-height:1.8;color:#212529;background:#fff;text-align:center}
*{letter-spacing:.12em;word-spacing:.4em;font-style:italic;text-shadow:0 0 1px #f0f}
h1,h2,h3,h4,h5,h6{margin-top:0;margin-bottom:.5rem;font-weight:300;line-height:1.2;font-size:2.5rem}
p{margin-top:0;margin-bottom:1rem}
button,input{margin:0;font-family:inherit;font-size:inherit;line-height:inherit;border-radius:0;text-transform:uppercase}
button{padding:1rem 2rem!important;background:#0d6efd!important;color:#fff!important}
section,aside,dl,ul{padding:2rem;border:4px dashed red}
code{font-size:.875em;color:#d63384}
a{color:#0d6efd;text-decoration:underline}
[hidden]{display:none!important}
`,
  /** Tailwind's preflight (v3), as it is. */
  tailwind: `
*,::before,::after{box-sizing:border-box;border-width:0;border-style:solid;border-color:#e5e7eb}
html{line-height:1.5;-webkit-text-size-adjust:100%;tab-size:4;font-family:ui-sans-serif,system-ui,sans-serif}
body{margin:0;line-height:inherit}
h1,h2,h3,h4,h5,h6{font-size:inherit;font-weight:inherit}
a{color:inherit;text-decoration:inherit}
b,strong{font-weight:bolder}
code{font-family:ui-monospace,monospace;font-size:1em}
button,input{font-family:inherit;font-size:100%;font-weight:inherit;line-height:inherit;color:inherit;margin:0;padding:0}
button,[type=button]{-webkit-appearance:button;background-color:transparent;background-image:none}
blockquote,dl,dd,h1,h2,h3,h4,h5,h6,hr,figure,p,pre{margin:0}
ol,ul,menu{list-style:none;margin:0;padding:0}
img,svg,video{display:block;vertical-align:middle}
[hidden]{display:none}
`,
  /** The "1rem = 10px" trick: every rem on the page is 62.5% of what it would be. */
  'root-font': `
html{font-size:62.5%}
body{margin:0;font-size:1.6rem;font-family:Arial,sans-serif}
`,
} as const;

export type HostStyle = keyof typeof HOST_STYLES;
