// Finds the picture boxes on handout pages and says whether each holds a drawing.
//   node picture_boxes.mjs page1.pgm page2.pgm ...   (pdftoppm -gray -r 72: 1 px = 1 pt)
// A box is the pale panel (grey 245) the handout lays under each card's picture, 132 × 92 pt:
// found by its top rows, which the figure never reaches. Inside it, a drawing means a few
// hundred dark pixels (the body) and some mid-grey ones (the far limbs or the ghosts).
// Prints one line per box, "page x y dark", and the count last.
import { readFileSync } from 'node:fs';

function pgm(file) {
  const buf = readFileSync(file);
  const head = buf.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!head) throw new Error(`${file}: not a binary PGM`);
  const [, w, h] = head.map(Number);
  return { w, h, px: buf.subarray(head[0].length) };
}

const PANEL = 245, W = 132, H = 92;
let boxes = 0;
process.argv.slice(2).forEach((file, page) => {
  const { w, h, px } = pgm(file);
  const at = (x, y) => px[y * w + x];
  const taken = [];
  for (let y = 0; y + H <= h; y++) {
    let run = 0;
    for (let x = 0; x <= w; x++) {
      const panel = x < w && Math.abs(at(x, y) - PANEL) <= 2;
      if (panel) { run++; continue; }
      if (run >= W - 12 && run <= W + 2) {
        const x0 = x - run;
        // The box's top edge: paper above it, and the same panel all the way down its left side.
        const edge = y >= 2 && at(x0 + (run >> 1), y - 2) >= 250;
        let off = 0;
        for (let yy = y + 6; yy < y + H - 6; yy++) if (Math.abs(at(x0, yy) - PANEL) > 2) off++;
        const side = off <= 4;
        if (edge && side && !taken.some((b) => Math.abs(b.x - x0) < 12 && y - b.y < H)) {
          let dark = 0;
          for (let yy = y; yy < y + H - 4; yy++) for (let xx = x0; xx < x0 + run; xx++) if (at(xx, yy) < 120) dark++;
          taken.push({ x: x0, y });
          boxes++;
          console.log(`${page + 1} ${x0} ${y} ${dark}`);
        }
      }
      run = 0;
    }
  }
});
console.log(boxes);
