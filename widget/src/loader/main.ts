// The loader's entry, built into the classic script `widget/dist/widget.js`. `currentScript` is
// only set while the script first runs, so it is read here and nowhere later.
import { startLoader } from './start-loader.ts';

startLoader(document.currentScript || document.querySelector('script[data-program]'));
