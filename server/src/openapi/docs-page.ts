/**
 * `/docs`: the OpenAPI document as a page people can read, with no script and no dependency: each
 * operation with its parameters, body fields and answers. The JSON is one link away.
 */
type JsonObject = Record<string, unknown>;

export function docsPage(document: JsonObject): string {
  const paths = document.paths as Record<string, Record<string, JsonObject>>;
  const tags = document.tags as Array<{ name: string; description: string }>;
  const sections = tags.map((tag) => {
    const operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => (operation.tags as string[]).includes(tag.name))
        .map(([method, operation]) => operationHtml(method, path, operation)),
    );
    return `<section><h2>${escape(tag.name)}</h2><p>${escape(tag.description)}</p>${operations.join('\n')}</section>`;
  });
  const info = document.info as { title: string; version: string; description: string };
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(info.title)} reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2125}
h3{font:600 15px/1.4 ui-monospace,Menlo,Consolas,monospace;margin:1.5rem 0 .25rem}
.method{display:inline-block;min-width:4.5rem;color:#1f6f43}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
pre{background:#f3f5f7;padding:.5rem .75rem;overflow:auto;border-radius:6px}
dt{font-weight:600}
</style>
<h1>${escape(info.title)} <small>${escape(info.version)}</small></h1>
<p>${escape(info.description)} Machine-readable: <a href="/openapi.json">openapi.json</a>.</p>
${sections.join('\n')}
</html>
`;
}

function operationHtml(method: string, path: string, operation: JsonObject): string {
  const parameters = (operation.parameters ?? []) as Array<{ name: string; in: string; schema: JsonObject }>;
  const body = ((operation.requestBody as JsonObject | undefined)?.content as JsonObject | undefined)?.['application/json'] as
    | { schema: JsonObject }
    | undefined;
  const responses = Object.entries(operation.responses as Record<string, { description: string; content?: JsonObject }>);
  return `<article>
<h3><span class="method">${escape(method.toUpperCase())}</span>${escape(path)}${operation.security ? ' <small>(secret key)</small>' : ''}</h3>
${parameters.length ? `<p>Parameters: ${parameters.map((p) => `<code>${escape(p.name)}</code> (${escape(p.in)})`).join(', ')}</p>` : ''}
${body ? `<dl><dt>Body</dt><dd><pre>${escape(JSON.stringify(body.schema, null, 1))}</pre></dd></dl>` : ''}
<dl>${responses
    .map(([status, response]) => `<dt>${escape(status)}</dt><dd>${escape(response.description)}</dd>`)
    .join('')}</dl>
</article>`;
}

function escape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
