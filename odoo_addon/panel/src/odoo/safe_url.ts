/**
 * The one check of a link target, for the markdown of answers and for the cards alike (the
 * security review found two with different rules: the cards let `/\evil.example` and
 * `/<TAB>/evil.example` through, which browsers open on another host). A link is an absolute
 * http(s) URL or a path of this site; anything else is not a link.
 */
export function safeUrl(raw: string): string | null {
  const url = raw.trim();
  // control characters, spaces and backslashes: browsers drop or turn them into "/"
  // eslint-disable-next-line no-control-regex
  if (!url || /[\u0000-\u0020\u007f\\]/.test(url)) {
    return null;
  }
  if (/^https?:\/\/[^/?#]/i.test(url) || /^\/(?![/])/.test(url)) {
    return url;
  }
  return null;
}
