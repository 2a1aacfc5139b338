import type { LinkPreview } from '../services/link-preview.ts';

/**
 * The page link-preview fetchers get for a short link: OpenGraph and Twitter-card tags, and a
 * plain link for a person who lands here anyway. No redirect of any kind, not even a meta
 * refresh: some fetchers follow one and would preview the shop's page instead of the offer.
 */
export function linkPreviewPage(preview: LinkPreview): string {
  const e = escapeHtml;
  const size =
    preview.image.width !== null && preview.image.height !== null
      ? `
<meta property="og:image:width" content="${preview.image.width}">
<meta property="og:image:height" content="${preview.image.height}">`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(preview.title)}</title>
<meta name="description" content="${e(preview.description)}">
<link rel="canonical" href="${e(preview.url)}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${e(preview.siteName)}">
<meta property="og:title" content="${e(preview.title)}">
<meta property="og:description" content="${e(preview.description)}">
<meta property="og:url" content="${e(preview.url)}">
<meta property="og:image" content="${e(preview.image.url)}">
<meta property="og:image:alt" content="${e(preview.image.alt)}">${size}
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${e(preview.title)}">
<meta name="twitter:description" content="${e(preview.description)}">
<meta name="twitter:image" content="${e(preview.image.url)}">
<meta name="twitter:image:alt" content="${e(preview.image.alt)}">
</head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem">
<h1>${e(preview.description)}</h1>
<p><a href="${e(preview.url)}">Continue to ${e(preview.title)}</a></p>
</body>
</html>
`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For text and double- or single-quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}
