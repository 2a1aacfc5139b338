import { trustedHtml, type SafeHtml } from './html.ts';

export interface Product {
  /** Also the SKU reported to Sarafan, so it must stay stable. */
  slug: string;
  name: string;
  category: string;
  description: string;
  /** Integer minor units of `CURRENCY`. */
  price: number;
  /** A small drawing, trusted markup written here. */
  picture: SafeHtml;
}

export const CURRENCY = 'EUR';

// The pictures share one 200×150 canvas and a soft background so the grid looks even.
function picture(label: string, background: string, body: string): SafeHtml {
  return trustedHtml(
    `<svg viewBox="0 0 200 150" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg">` +
      `<rect width="200" height="150" rx="12" fill="${background}"/>${body}</svg>`,
  );
}

export const PRODUCTS: readonly Product[] = [
  {
    slug: 'linen-tote',
    name: 'Linen tote bag',
    category: 'bags',
    description: 'A sturdy natural-linen tote with long handles, roomy enough for a week of groceries.',
    price: 2400,
    picture: picture(
      'A linen tote bag',
      '#f3ede2',
      '<path d="M70 50 Q100 10 130 50" fill="none" stroke="#8a6d46" stroke-width="6"/>' +
        '<rect x="55" y="50" width="90" height="80" rx="6" fill="#d9c7a5"/>' +
        '<rect x="55" y="50" width="90" height="12" fill="#c8b38c"/>',
    ),
  },
  {
    slug: 'stoneware-mug',
    name: 'Stoneware mug',
    category: 'kitchen',
    description: 'Hand-glazed stoneware, 350 ml, with a thumb rest. Dishwasher safe, kiln-fired twice.',
    price: 1800,
    picture: picture(
      'A blue stoneware mug',
      '#e6eef5',
      '<rect x="60" y="40" width="70" height="80" rx="10" fill="#3f6e9a"/>' +
        '<path d="M130 60 h12 a14 14 0 0 1 0 28 h-12" fill="none" stroke="#3f6e9a" stroke-width="8"/>' +
        '<ellipse cx="95" cy="42" rx="35" ry="6" fill="#2c5479"/>' +
        '<path d="M85 30 q5 -10 0 -18 M100 30 q5 -10 0 -18" stroke="#9fb6cb" stroke-width="3" fill="none"/>',
    ),
  },
  {
    slug: 'wool-socks',
    name: 'Merino wool socks',
    category: 'clothing',
    description: 'Two pairs of soft merino socks with a ribbed cuff. Warm in winter, cool in summer.',
    price: 1250,
    picture: picture(
      'A pair of striped socks',
      '#f6e8e8',
      '<path d="M70 25 h30 v70 l25 15 a12 12 0 0 1 -10 22 l-40 -22 a10 10 0 0 1 -5 -9 z" fill="#b5484d"/>' +
        '<rect x="70" y="25" width="30" height="12" fill="#efd3d4"/>' +
        '<rect x="70" y="55" width="30" height="8" fill="#efd3d4"/>' +
        '<path d="M110 35 h26 v60 l22 13 a10 10 0 0 1 -9 19 l-34 -19 a9 9 0 0 1 -5 -8 z" fill="#8c3036"/>',
    ),
  },
  {
    slug: 'dot-grid-notebook',
    name: 'Dot-grid notebook',
    category: 'stationery',
    description: 'A5, 160 pages of 100 g/m² paper that takes fountain pen ink without bleeding through.',
    price: 1490,
    picture: picture(
      'A green notebook',
      '#e7f1ea',
      '<rect x="62" y="22" width="80" height="108" rx="5" fill="#2f6b4f"/>' +
        '<rect x="62" y="22" width="10" height="108" fill="#24543e"/>' +
        '<rect x="128" y="22" width="6" height="108" fill="#d4a72c"/>' +
        '<rect x="84" y="50" width="36" height="16" rx="2" fill="#e7f1ea"/>',
    ),
  },
  {
    slug: 'beeswax-candle',
    name: 'Beeswax candle',
    category: 'home',
    description: 'A hand-poured pillar of pure beeswax that burns clean for about 40 hours.',
    price: 2200,
    picture: picture(
      'A lit candle',
      '#fbf3dc',
      '<rect x="78" y="62" width="44" height="70" rx="4" fill="#e8b83d"/>' +
        '<line x1="100" y1="62" x2="100" y2="50" stroke="#4a3b22" stroke-width="3"/>' +
        '<path d="M100 22 q12 16 0 28 q-12 -12 0 -28 z" fill="#f08a24"/>' +
        '<path d="M100 32 q5 8 0 14 q-5 -6 0 -14 z" fill="#fde3a2"/>',
    ),
  },
  {
    slug: 'loose-leaf-tea',
    name: 'Loose-leaf green tea',
    category: 'pantry',
    description: '100 g of first-flush sencha in a resealable tin. Steep at 75 °C for a minute.',
    price: 995,
    picture: picture(
      'A tin of tea',
      '#eef3e3',
      '<rect x="68" y="42" width="64" height="88" rx="6" fill="#6b8e3a"/>' +
        '<rect x="64" y="34" width="72" height="14" rx="4" fill="#4e6a28"/>' +
        '<path d="M100 70 q18 10 0 36 q-18 -26 0 -36 z" fill="#dfe9c8"/>',
    ),
  },
];

const BY_SLUG = new Map(PRODUCTS.map((product) => [product.slug, product]));

export function findProduct(slug: string): Product | undefined {
  return BY_SLUG.get(slug);
}
