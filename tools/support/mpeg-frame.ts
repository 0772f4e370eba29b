/**
 * Reads MPEG audio frame headers (ISO/IEC 11172-3), so tests can check that audio a server
 * answered is a sequence of real frames, not bytes that merely start with a sync word.
 */

export interface MpegFrameHeader {
  version: 1 | 2 | 2.5;
  layer: 1 | 2 | 3;
  bitrateKbps: number;
  sampleRate: number;
  padding: boolean;
  /** Length of the whole frame in bytes, header included. */
  frameBytes: number;
}

// Bitrate tables in kbit/s by index 1..14 (0 is "free", 15 is invalid).
const BITRATES = {
  v1l1: [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  v1l2: [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  v1l3: [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2l1: [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  v2l23: [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES = { 1: [44_100, 48_000, 32_000], 2: [22_050, 24_000, 16_000], 2.5: [11_025, 12_000, 8_000] };

/** The header at `offset`, or null when those four bytes are not a valid MPEG audio frame header. */
export function readMpegFrameHeader(bytes: Uint8Array, offset = 0): MpegFrameHeader | null {
  if (offset + 4 > bytes.length) return null;
  const [b0, b1, b2] = [bytes[offset], bytes[offset + 1], bytes[offset + 2]];
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const versionBits = (b1 >> 3) & 0b11;
  const layerBits = (b1 >> 1) & 0b11;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 0b11;
  if (versionBits === 0b01 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const version = versionBits === 0b11 ? 1 : versionBits === 0b10 ? 2 : 2.5;
  const layer = (4 - layerBits) as 1 | 2 | 3;
  const table =
    version === 1
      ? layer === 1
        ? BITRATES.v1l1
        : layer === 2
          ? BITRATES.v1l2
          : BITRATES.v1l3
      : layer === 1
        ? BITRATES.v2l1
        : BITRATES.v2l23;
  const bitrateKbps = table[bitrateIndex - 1];
  const sampleRate = SAMPLE_RATES[version][rateIndex];
  const padding = ((b2 >> 1) & 1) === 1;
  const frameBytes =
    layer === 1
      ? (Math.floor((12 * bitrateKbps * 1000) / sampleRate) + (padding ? 1 : 0)) * 4
      : Math.floor(((layer === 3 && version !== 1 ? 72 : 144) * bitrateKbps * 1000) / sampleRate) + (padding ? 1 : 0);
  return { version, layer, bitrateKbps, sampleRate, padding, frameBytes };
}

/** Walks the frames from the start; how many there are, or null when any is broken or the last is cut short. */
export function countMpegFrames(bytes: Uint8Array): number | null {
  let offset = 0;
  let frames = 0;
  while (offset < bytes.length) {
    const header = readMpegFrameHeader(bytes, offset);
    if (!header || offset + header.frameBytes > bytes.length) return null;
    offset += header.frameBytes;
    frames++;
  }
  return frames;
}
