// Choosing against the map and the screening: muscles press their places, a goal never puts a
// left-out place first, and each left-out target says why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keysOf, leftOutWhy, pressedKeys, screenTargets } from './.build/targets.mjs';

const regions = [
  { id: 'calf', name: 'Calf', views: ['back'], sided: true, rollable: true, why_not: '' },
  { id: 'thigh_back', name: 'Back of the thigh', views: ['back'], sided: true, rollable: true, why_not: '' },
  { id: 'upper_back', name: 'Upper back', views: ['back'], sided: false, rollable: true, why_not: '' },
  { id: 'knee', name: 'Knee', views: ['front'], sided: true, rollable: false, why_not: 'A joint' },
];
const muscles = [
  { id: 'hamstrings', name: 'Hamstrings complex', regions: ['thigh_back'], sided: true, kind: 'group' },
  { id: 'popliteus', name: 'Popliteus', regions: ['knee', 'calf'], sided: true, kind: 'muscle' },
  { id: 'rhomboids', name: 'Rhomboids', regions: ['upper_back'], sided: false, kind: 'muscle' },
];

test('a muscle a goal adds presses the places it lies in, both sides unless one is named', () => {
  assert.deepEqual(keysOf('hamstrings', regions, muscles), ['thigh_back:left', 'thigh_back:right']);
  assert.deepEqual(keysOf('hamstrings:left', regions, muscles), ['thigh_back:left']);
  assert.deepEqual(keysOf('rhomboids', regions, muscles), ['upper_back']);
  assert.deepEqual(keysOf('unknown_thing', regions, muscles), []);
  assert.deepEqual([...pressedKeys(['calf', 'hamstrings', 'upper_back'], regions, muscles)].sort(),
    ['calf:left', 'calf:right', 'thigh_back:left', 'thigh_back:right', 'upper_back']);
});

test('a target is left out only when every place it covers is excluded or never rolled', () => {
  assert.equal(leftOutWhy('calf', regions, muscles, ['calf']), 'your health answers');
  assert.equal(leftOutWhy('calf', regions, muscles, ['calf:left']), null); // the right side can still be rolled
  assert.equal(leftOutWhy('calf:left', regions, muscles, ['calf:left']), 'your health answers');
  assert.equal(leftOutWhy('knee', regions, muscles, []), 'never rolled');
  assert.equal(leftOutWhy('popliteus', regions, muscles, []), null); // the calf part can be rolled
  assert.equal(leftOutWhy('popliteus', regions, muscles, ['calf']), 'your health answers');
  assert.equal(leftOutWhy('hamstrings', regions, muscles, ['calf']), null);
});

test('a goal keeps its order for what can be rolled and lists what is left out', () => {
  const r = screenTargets(['calf', 'hamstrings', 'upper_back'], regions, muscles, ['calf']);
  assert.deepEqual(r.keep, ['hamstrings', 'upper_back']);
  assert.deepEqual(r.leftOut, [{ target: 'calf', why: 'your health answers' }]);
  const none = screenTargets(['calf', 'hamstrings'], regions, muscles, []);
  assert.deepEqual(none.keep, ['calf', 'hamstrings']);
  assert.deepEqual(none.leftOut, []);
});
