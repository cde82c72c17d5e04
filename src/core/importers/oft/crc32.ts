// CRC-32 (IEEE 802.3, as java.util.zip.CRC32) over UTF-8: OpenFastTrace names the items it generates for
// coverage tags `<covered name>-<crc32 of path, line, match index and covered ID>`; the same formula gives
// the same IDs OFT reports when it is run with workspace-relative paths.
// @implements ST-31

let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

export function crc32(text: string): number {
  table ??= crcTable();
  const bytes = new TextEncoder().encode(text);
  let crc = 0xffffffff;
  for (const byte of bytes) crc = table[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
