/**
 * `npm run bench`: the widget's bytes, what it costs a product page in Chromium, and the click
 * path's throughput, printed side by side.
 * Not part of `npm test`: the figures depend on the machine, so they are reported, not asserted
 * (the size budgets are asserted by tests/size).
 */
import { widgetSizes } from './widget-size.ts';
import { benchClicks } from './click-throughput.ts';
import { benchAnalytics } from './analytics-queries.ts';
import { benchWidgetPageCost } from './widget-page-cost.ts';

console.log('Sarafan benchmark\n');
await widgetSizes();
console.log('');
await benchWidgetPageCost();
console.log('');
await benchClicks();
console.log('');
await benchAnalytics();
