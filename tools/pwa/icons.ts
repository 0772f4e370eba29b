/**
 * Draws the console's app icons (public/app/icons/) from a few shapes and encodes them as PNG with
 * node:zlib, so no image tool or package is needed: `npx tsx tools/pwa/icons.ts` rewrites them.
 * The mark is a white speech bubble with a cross (a clinical conversation) on the console's
 * accent blue. The maskable icon is full-bleed with the mark inside the central safe zone (a
 * circle of 40% of the size), because launchers crop it to their own shape.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { crc32, deflateSync } from "node:zlib";

/** public/app/assets/console.css: --accent and --paper. */
const ACCENT: Rgb = [0x0b, 0x5c, 0xad];
const WHITE: Rgb = [0xff, 0xff, 0xff];

type Rgb = [number, number, number];
/** Whether the point (in units of the icon's side, 0..1) is inside the shape. */
type Shape = (x: number, y: number) => boolean;
interface Layer {
  color: Rgb;
  shape: Shape;
}

const roundRect =
  (cx: number, cy: number, hw: number, hh: number, r: number): Shape =>
  (x, y) => {
    const dx = Math.max(Math.abs(x - cx) - (hw - r), 0);
    const dy = Math.max(Math.abs(y - cy) - (hh - r), 0);
    return dx * dx + dy * dy <= r * r;
  };

const capsule =
  (ax: number, ay: number, bx: number, by: number, r: number): Shape =>
  (x, y) => {
    const [vx, vy] = [bx - ax, by - ay];
    const t = Math.min(Math.max(((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy || 1), 0), 1);
    return Math.hypot(x - (ax + t * vx), y - (ay + t * vy)) <= r;
  };

const ring =
  (cx: number, cy: number, outer: number, inner: number, only: Shape = () => true): Shape =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= outer && d >= inner && only(x, y);
  };

const triangle =
  (points: [number, number][]): Shape =>
  (x, y) => {
    const side = (i: number) => {
      const [ax, ay] = points[i];
      const [bx, by] = points[(i + 1) % 3];
      return (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    };
    const [a, b, c] = [side(0), side(1), side(2)];
    return (a >= 0 && b >= 0 && c >= 0) || (a <= 0 && b <= 0 && c <= 0);
  };

/** The shapes scaled by `s` about the icon's centre (for the maskable safe zone). */
const scaled =
  (shape: Shape, s: number): Shape =>
  (x, y) =>
    shape(0.5 + (x - 0.5) / s, 0.5 + (y - 0.5) / s);

/** The app's mark: a speech bubble with a cross, in the unit square. */
function mark(scale = 1): Layer[] {
  const bubble = roundRect(0.5, 0.46, 0.3, 0.22, 0.1);
  const tail = triangle([
    [0.32, 0.6],
    [0.28, 0.8],
    [0.5, 0.62],
  ]);
  const cross: Shape = (x, y) => roundRect(0.5, 0.46, 0.035, 0.12, 0.01)(x, y) || roundRect(0.5, 0.46, 0.12, 0.035, 0.01)(x, y);
  return [
    { color: WHITE, shape: scaled((x, y) => bubble(x, y) || tail(x, y), scale) },
    { color: ACCENT, shape: scaled(cross, scale) },
  ];
}

const tile = (fullBleed: boolean): Layer => ({ color: ACCENT, shape: fullBleed ? () => true : roundRect(0.5, 0.5, 0.5, 0.5, 0.2) });

/** Shortcut glyphs, white on the accent tile. */
const GLYPHS: Record<string, Layer[]> = {
  diagnose: [
    { color: WHITE, shape: ring(0.44, 0.44, 0.21, 0.14) },
    { color: WHITE, shape: capsule(0.6, 0.6, 0.76, 0.76, 0.055) },
  ],
  voice: [
    { color: WHITE, shape: capsule(0.5, 0.3, 0.5, 0.48, 0.11) },
    { color: WHITE, shape: ring(0.5, 0.48, 0.22, 0.17, (_x, y) => y >= 0.48) },
    { color: WHITE, shape: capsule(0.5, 0.7, 0.5, 0.8, 0.03) },
    { color: WHITE, shape: capsule(0.38, 0.8, 0.62, 0.8, 0.03) },
  ],
  notes: [
    { color: WHITE, shape: roundRect(0.5, 0.5, 0.25, 0.31, 0.04) },
    ...[0.34, 0.46, 0.58].map((y): Layer => ({ color: ACCENT, shape: capsule(0.36, y, 0.64, y, 0.025) })),
    { color: ACCENT, shape: capsule(0.36, 0.7, 0.54, 0.7, 0.025) },
  ],
};

/** RGBA pixels, each pixel's coverage of each layer sampled 4×4 times (smooth edges). */
function rasterize(size: number, layers: Layer[]): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            if (layer.shape((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)) hits++;
          }
        }
        const cover = hits / (samples * samples);
        // "Over" compositing, colours kept non-premultiplied.
        const outA = cover + a * (1 - cover);
        if (outA > 0) {
          r = (layer.color[0] * cover + r * a * (1 - cover)) / outA;
          g = (layer.color[1] * cover + g * a * (1 - cover)) / outA;
          b = (layer.color[2] * cover + b * a * (1 - cover)) / outA;
        }
        a = outA;
      }
      pixels.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (py * size + px) * 4);
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG (8-bit RGBA, no filtering) of `size`×`size` RGBA pixels. */
function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The same mark as a scalable icon, for browsers that take SVG. */
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <title>Therapy Assistant</title>
  <rect width="100" height="100" rx="20" fill="#0b5cad"/>
  <rect x="20" y="24" width="60" height="44" rx="10" fill="#fff"/>
  <path d="M32 60 L28 80 L50 62 Z" fill="#fff"/>
  <rect x="46.5" y="34" width="7" height="24" rx="1" fill="#0b5cad"/>
  <rect x="38" y="42.5" width="24" height="7" rx="1" fill="#0b5cad"/>
</svg>
`;

/** Every icon file by its name under public/app/icons/. */
export function renderIcons(): Map<string, Buffer> {
  const png = (size: number, layers: Layer[]) => encodePng(size, rasterize(size, layers));
  return new Map([
    ["icon-192.png", png(192, [tile(false), ...mark()])],
    ["icon-512.png", png(512, [tile(false), ...mark()])],
    ["icon-maskable-512.png", png(512, [tile(true), ...mark(0.7)])],
    // iOS rounds the corners itself and shows transparency as black: full-bleed.
    ["apple-touch-icon.png", png(180, [tile(true), ...mark(0.85)])],
    ...Object.entries(GLYPHS).map(([name, glyph]): [string, Buffer] => [`shortcut-${name}.png`, png(96, [tile(false), ...glyph])]),
    ["icon.svg", Buffer.from(SVG)],
  ]);
}

export const ICONS_DIR = path.resolve(import.meta.dirname, "../../public/app/icons");

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const icons = renderIcons();
  for (const [name, bytes] of icons) await writeFile(path.join(ICONS_DIR, name), bytes);
  console.log(`Wrote ${icons.size} icons to ${path.relative(process.cwd(), ICONS_DIR)}`);
}
