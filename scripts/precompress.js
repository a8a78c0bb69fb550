#!/usr/bin/env node
// Build step (Trunk post_build, after precache.py): writes `<file>.br` (brotli, quality 11)
// and `<file>.gz` (gzip -9) beside every text or wasm file of the build, so the server sends
// the smallest encoding the browser accepts without compressing anything at request time.
// Files that do not shrink are left alone (the server then sends them as they are).
//   node scripts/precompress.js [dir]      (default: $TRUNK_STAGING_DIR, else dist)
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const root = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|json|webmanifest|svg|txt)$/;

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (COMPRESSIBLE.test(entry.name)) yield full;
  }
}

let raw = 0;
let br = 0;
let gz = 0;
for (const file of files(root)) {
  const data = fs.readFileSync(file);
  const brotli = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_MODE]: file.endsWith('.wasm') ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const gzip = zlib.gzipSync(data, { level: 9 });
  raw += data.length;
  for (const [ext, packed] of [['.br', brotli], ['.gz', gzip]]) {
    const out = file + ext;
    if (packed.length < data.length) fs.writeFileSync(out, packed);
    else if (fs.existsSync(out)) fs.unlinkSync(out);
  }
  br += Math.min(brotli.length, data.length);
  gz += Math.min(gzip.length, data.length);
}
console.log(`precompress: ${raw} bytes → brotli ${br}, gzip ${gz}`);
