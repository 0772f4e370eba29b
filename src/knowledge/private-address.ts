/**
 * Which hosts a server-side fetch must not reach: names and literal addresses of this machine,
 * private and special-use networks, in every spelling the URL parser lets through.
 */
/** Special-use IPv4 ranges: this network, private, loopback, shared (CGNAT), link-local, IETF, documentation, benchmarking, multicast and reserved. */
function isPrivateIpv4([a, b, c]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) ||
    a >= 224
  );
}

function parseIpv4(text: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  const octets = match?.slice(1).map(Number);
  return octets?.every((octet) => octet <= 255) ? octets : null;
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail converted), or null. */
function parseIpv6(text: string): number[] | null {
  let groups = text;
  const v4Tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(groups);
  if (v4Tail) {
    const octets = parseIpv4(v4Tail[1]);
    if (!octets) return null;
    groups = `${groups.slice(0, -v4Tail[1].length)}${((octets[0] << 8) | octets[1]).toString(16)}:${((octets[2] << 8) | octets[3]).toString(16)}`;
  }
  const halves = groups.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) =>
    part ? part.split(":").map((group) => (/^[0-9a-f]{1,4}$/.test(group) ? parseInt(group, 16) : Number.NaN)) : [];
  const [head, tail] = [parse(halves[0]), parse(halves[1] ?? "")];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
  return all.some(Number.isNaN) ? null : all;
}

const ipv4Of = (high: number, low: number) => [high >> 8, high & 0xff, low >> 8, low & 0xff];

/**
 * Loopback, unspecified, unique-local, link-local, site-local, multicast and documentation
 * addresses; forms that carry an IPv4 address inside (IPv4-mapped, -compatible, -translated,
 * NAT64, 6to4) are judged by that address, and Teredo, whose inner address is obscured, is refused.
 */
function isPrivateIpv6(g: number[]): boolean {
  if (g.slice(0, 4).every((group) => group === 0)) {
    // Only IPv4-compatible (::/96), -mapped (::ffff:0:0/96) and -translated (::ffff:0:0:0/96) forms are
    // routable here, and only when the IPv4 address is; the rest of ::/64 includes :: and ::1.
    const embedsIpv4 = (g[4] === 0 && (g[5] === 0 || g[5] === 0xffff)) || (g[4] === 0xffff && g[5] === 0);
    return !embedsIpv4 || (g[4] === 0 && g[5] === 0 && g[6] === 0) || isPrivateIpv4(ipv4Of(g[6], g[7]));
  }
  if (g[0] === 0x64 && g[1] === 0xff9b) return g[2] !== 0 || isPrivateIpv4(ipv4Of(g[6], g[7]));
  if (g[0] === 0x2002) return isPrivateIpv4(ipv4Of(g[1], g[2]));
  if (g[0] === 0x2001 && (g[1] === 0 || g[1] === 0xdb8)) return true;
  return (
    (g[0] & 0xfe00) === 0xfc00 || (g[0] & 0xffc0) === 0xfe80 || (g[0] & 0xffc0) === 0xfec0 || (g[0] & 0xff00) === 0xff00 || g[0] === 0x100
  );
}

/** True for host names and addresses that reach this machine, its network, or no public host. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || [".localhost", ".local", ".internal", ".home.arpa"].some((suffix) => host.endsWith(suffix))) return true;
  const v4 = parseIpv4(host);
  if (v4) return isPrivateIpv4(v4);
  if (host.includes(":")) {
    const v6 = parseIpv6(host);
    return v6 === null || isPrivateIpv6(v6);
  }
  return false;
}
