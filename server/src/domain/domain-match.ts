/** Whether `host` is one of `domains` or a subdomain of one. */
export function matchesDomainList(host: string, domains: ReadonlySet<string> | readonly string[]): boolean {
  const list = domains instanceof Set ? domains : new Set(domains);
  for (let rest = host; rest.includes('.'); rest = rest.slice(rest.indexOf('.') + 1)) {
    if (list.has(rest)) return true;
  }
  return false;
}
