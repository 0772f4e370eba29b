/**
 * The installable app's static files (public/app/, served by Workers Static Assets, docs/pwa.md):
 * the manifest has what Chromium asks for to install it and names icon files that exist at the
 * sizes it claims; the committed icons are what tools/pwa/icons.ts draws; the service worker
 * precaches only shell files that exist.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ICONS_DIR, renderIcons } from "./icons.ts";

const PUBLIC = path.resolve(import.meta.dirname, "../../public");
const publicFile = (urlPath: string) => path.join(PUBLIC, urlPath);

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

const manifest = JSON.parse(await readFile(publicFile("/app/manifest.webmanifest"), "utf8")) as {
  name: string;
  short_name: string;
  description: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: ManifestIcon[];
  shortcuts: { name: string; url: string; icons: ManifestIcon[] }[];
};

/** A PNG's width and height, from its IHDR chunk. */
async function pngSize(file: string): Promise<string> {
  const bytes = await readFile(file);
  expect(bytes.subarray(1, 4).toString("ascii"), file).toBe("PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

async function expectIconExists(icon: ManifestIcon) {
  const file = publicFile(icon.src);
  expect(existsSync(file), icon.src).toBe(true);
  if (icon.type === "image/png") expect(await pngSize(file), icon.src).toBe(icon.sizes);
  else expect(await readFile(file, "utf8")).toMatch(/^<svg /);
}

describe("web app manifest", () => {
  it("describes a standalone app started at /app with the console's colours", async () => {
    expect(manifest).toMatchObject({ start_url: "/app", scope: "/app", display: "standalone" });
    expect(manifest.name.length).toBeGreaterThan(0);
    expect(manifest.short_name.length).toBeLessThanOrEqual(18);
    expect(manifest.description.length).toBeGreaterThan(0);
    const css = await readFile(publicFile("/app/assets/console.css"), "utf8");
    expect(css).toContain(`--accent: ${manifest.theme_color};`);
    expect(css).toContain(`--wash: ${manifest.background_color};`);
  });

  it("lists icon files that exist at the sizes browsers ask for, one of them maskable", async () => {
    for (const icon of manifest.icons) await expectIconExists(icon);
    const pngs = manifest.icons.filter((icon) => icon.type === "image/png");
    expect(pngs.filter((icon) => icon.purpose !== "maskable").map((icon) => icon.sizes)).toEqual(["192x192", "512x512"]);
    expect(pngs.filter((icon) => icon.purpose === "maskable").map((icon) => icon.sizes)).toEqual(["512x512"]);
    expect(manifest.icons.some((icon) => icon.type === "image/svg+xml")).toBe(true);
  });

  it("has shortcuts to Diagnose, Voice and Notes, each with an icon that exists", async () => {
    expect(manifest.shortcuts.map(({ name, url }) => [name, url])).toEqual([
      ["Diagnose", "/app/diagnose"],
      ["Voice", "/app/voice"],
      ["Notes", "/app/notes"],
    ]);
    for (const shortcut of manifest.shortcuts) {
      expect(shortcut.icons.length).toBeGreaterThan(0);
      for (const icon of shortcut.icons) await expectIconExists(icon);
    }
  });
});

describe("icons", () => {
  it("are the ones tools/pwa/icons.ts draws (run it after changing the drawing)", async () => {
    for (const [name, bytes] of renderIcons()) {
      expect(Buffer.compare(await readFile(path.join(ICONS_DIR, name)), bytes), name).toBe(0);
    }
  });
});

describe("service worker", () => {
  it("precaches only shell files that exist, and no page, API or voice path", async () => {
    const sw = await readFile(publicFile("/app/sw.js"), "utf8");
    const precache = sw.match(/const PRECACHE = \[([\s\S]*?)\];/)?.[1] ?? "";
    const paths = [...precache.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
    expect(paths).toContain("/app/assets/console.css");
    expect(sw).toContain('const OFFLINE_PAGE = "/app/offline.html"');
    for (const shellPath of [...paths, "/app/offline.html"]) {
      expect(shellPath).toMatch(/^\/app\/(assets\/|icons\/|manifest\.webmanifest$|offline\.html$)/);
      expect(existsSync(publicFile(shellPath)), shellPath).toBe(true);
    }
  });
});
