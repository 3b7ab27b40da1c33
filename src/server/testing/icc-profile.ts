/**
 * A minimal ICC v2 display profile with Adobe RGB (1998)'s primaries and gamma, built in code so
 * the tests need no profile file (none ships with Debian's base system, and sharp has only sRGB,
 * Display P3 and CMYK built in). Matrix/TRC form: white point, three colorants, three curves.
 */
const D50 = [0.9642, 1, 0.8249];
/** Adobe RGB (1998) primaries adapted to D50 (Bradford), as in Adobe's own profile. */
const COLORANTS = {
  rXYZ: [0.60974, 0.31111, 0.01947],
  gXYZ: [0.20528, 0.62567, 0.06087],
  bXYZ: [0.14919, 0.06322, 0.74457],
};
/** 563/256 = 2.19921875, Adobe RGB's gamma as a u8Fixed8Number. */
const GAMMA = 563;

function xyz(values: number[]): Buffer {
  const tag = Buffer.alloc(20);
  tag.write("XYZ ", 0, "ascii");
  values.forEach((v, i) => {
    tag.writeInt32BE(Math.round(v * 65536), 8 + i * 4);
  });
  return tag;
}

function curve(): Buffer {
  const tag = Buffer.alloc(16);
  tag.write("curv", 0, "ascii");
  tag.writeUInt32BE(1, 8);
  tag.writeUInt16BE(GAMMA, 12);
  return tag;
}

function description(text: string): Buffer {
  const ascii = Buffer.from(`${text}\0`, "ascii");
  const tag = Buffer.alloc(12 + ascii.length + 4 + 4 + 2 + 1 + 67);
  tag.write("desc", 0, "ascii");
  tag.writeUInt32BE(ascii.length, 8);
  ascii.copy(tag, 12);
  return tag;
}

function text(value: string): Buffer {
  return Buffer.concat([Buffer.from("text\0\0\0\0", "ascii"), Buffer.from(`${value}\0`, "ascii")]);
}

export function adobeRgbIccProfile(): Buffer {
  const tags: [string, Buffer][] = [
    ["desc", description("Fillpaint test Adobe RGB (1998)")],
    ["cprt", text("No copyright, use freely")],
    ["wtpt", xyz(D50)],
    ["rXYZ", xyz(COLORANTS.rXYZ)],
    ["gXYZ", xyz(COLORANTS.gXYZ)],
    ["bXYZ", xyz(COLORANTS.bXYZ)],
    ["rTRC", curve()],
    ["gTRC", curve()],
    ["bTRC", curve()],
  ];
  const tableSize = 4 + tags.length * 12;
  let offset = 128 + tableSize;
  const table = Buffer.alloc(tableSize);
  table.writeUInt32BE(tags.length, 0);
  const bodies: Buffer[] = [];
  tags.forEach(([signature, body], i) => {
    const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
    table.write(signature, 4 + i * 12, "ascii");
    table.writeUInt32BE(offset, 8 + i * 12);
    table.writeUInt32BE(body.length, 12 + i * 12);
    bodies.push(padded);
    offset += padded.length;
  });
  const header = Buffer.alloc(128);
  header.writeUInt32BE(offset, 0);
  header.writeUInt32BE(0x02100000, 8);
  header.write("mntrRGB XYZ ", 12, "ascii");
  header.writeUInt16BE(2026, 24);
  header.writeUInt16BE(11, 26);
  header.writeUInt16BE(29, 28);
  header.write("acsp", 36, "ascii");
  D50.forEach((v, i) => {
    header.writeInt32BE(Math.round(v * 65536), 68 + i * 4);
  });
  return Buffer.concat([header, table, ...bodies]);
}
