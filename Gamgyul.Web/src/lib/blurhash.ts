// A small BlurHash decoder (the format the Api's media pipeline writes into `placeholder`): a few cosine
// components in base 83. Decoding to a tiny image (e.g. 32x32) and letting CSS stretch it is enough for a blurry
// preview, and costs nothing compared with a dependency.

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~';
const digits = new Map([...alphabet].map((c, i) => [c, i]));

function decode83(text: string): number {
  let value = 0;
  for (const c of text) {
    const digit = digits.get(c);
    if (digit === undefined) throw new Error('not base 83');
    value = value * 83 + digit;
  }
  return value;
}

function toLinear(channel: number): number {
  const v = channel / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

function toSrgb(linear: number): number {
  const v = Math.min(1, Math.max(0, linear));
  return Math.round((v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055) * 255);
}

const signedSquare = (v: number) => Math.sign(v) * v * v;

/** Whether the text is a well-formed BlurHash (length matches its component counts, base-83 digits only). */
export function isBlurHash(hash: string | null | undefined): hash is string {
  if (!hash || hash.length < 6) return false;
  try {
    const size = decode83(hash[0]);
    const numX = (size % 9) + 1;
    const numY = Math.floor(size / 9) + 1;
    decode83(hash);
    return hash.length === 4 + 2 * numX * numY;
  } catch {
    return false;
  }
}

/** RGBA pixels (width x height), or null for a malformed hash. */
export function decodeBlurHash(hash: string, width: number, height: number, punch = 1): Uint8ClampedArray | null {
  if (!isBlurHash(hash)) return null;
  const size = decode83(hash[0]);
  const numX = (size % 9) + 1;
  const numY = Math.floor(size / 9) + 1;
  const maxValue = ((decode83(hash[1]) + 1) / 166) * punch;

  const colors: [number, number, number][] = [];
  const dc = decode83(hash.slice(2, 6));
  colors.push([toLinear(dc >> 16), toLinear((dc >> 8) & 255), toLinear(dc & 255)]);
  for (let i = 1; i < numX * numY; i++) {
    const ac = decode83(hash.slice(4 + i * 2, 6 + i * 2));
    const r = Math.floor(ac / (19 * 19));
    const g = Math.floor(ac / 19) % 19;
    const b = ac % 19;
    colors.push([signedSquare((r - 9) / 9) * maxValue, signedSquare((g - 9) / 9) * maxValue, signedSquare((b - 9) / 9) * maxValue]);
  }

  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0, g = 0, b = 0;
      for (let j = 0; j < numY; j++) {
        for (let i = 0; i < numX; i++) {
          const basis = Math.cos((Math.PI * x * i) / width) * Math.cos((Math.PI * y * j) / height);
          const color = colors[i + j * numX];
          r += color[0] * basis;
          g += color[1] * basis;
          b += color[2] * basis;
        }
      }
      const at = 4 * (x + y * width);
      pixels[at] = toSrgb(r);
      pixels[at + 1] = toSrgb(g);
      pixels[at + 2] = toSrgb(b);
      pixels[at + 3] = 255;
    }
  }
  return pixels;
}
