/** Browsers by precedence: Edge and WeChat also say "Chrome", Chrome also says "Safari". */
const BROWSERS: [RegExp, string][] = [
  [/Edg\/(\d+)/, 'Edge'],
  [/MicroMessenger\/(\d+)/, 'WeChat'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/Chrome\/(\d+)/, 'Chrome'],
  [/Version\/(\d+).*Safari/, 'Safari'],
];

/** "Mozilla/5.0 (X11; Linux x86_64) … Chrome/139.0 Safari/537.36" → "Chrome 139 · Linux". */
export function shortAgent(ua: string | null): string {
  if (!ua) return '—';
  const known = BROWSERS.map(([pattern, name]) => [pattern.exec(ua), name] as const).find(
    ([match]) => match,
  );
  const other = /^([\w-]+)\/?([\d.]*)/.exec(ua);
  const name = known
    ? `${known[1]} ${known[0]![1]}`
    : other
      ? `${other[1]} ${other[2]}`.trim()
      : ua.slice(0, 40);
  const system = /(Windows|Android|iPhone|iPad|Mac OS X|Linux)/.exec(ua)?.[1];
  return system ? `${name} · ${system}` : name;
}
