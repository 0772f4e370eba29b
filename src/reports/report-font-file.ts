/**
 * Where the font PDF reports embed lives: an R2 object (a TrueType font is larger than the
 * Worker bundle's whole headroom), which `npm run dev` and the tests seed from the
 * `dejavu-fonts-ttf` package (the DejaVu licence allows embedding and redistribution).
 */
export const REPORT_FONT_KEY = "fonts/DejaVuSans.ttf";
/** The file under node_modules the seed step uploads. */
export const REPORT_FONT_PACKAGE_FILE = "dejavu-fonts-ttf/ttf/DejaVuSans.ttf";
