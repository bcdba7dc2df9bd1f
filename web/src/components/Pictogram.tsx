// Stick-figure pictograms for the set-up positions. Simple on purpose: they show which way up
// you are and where the roller goes; the words carry the detail.
import type { Position, Stretch } from '../api/types';

export type Pose = Position | 'kneeling' | 'chair' | 'reach';

const POSE_WORDS: Record<Pose, string> = {
  seated: 'sitting on the floor',
  prone: 'face down, on your forearms',
  side_lying: 'lying on your side, on one forearm',
  supine: 'lying on your back',
  standing: 'standing',
  plank: 'in a forearm plank',
  kneeling: 'kneeling on one knee',
  chair: 'sitting on a chair',
  reach: 'kneeling, reaching forward along the floor',
};

export function stretchPose(s: Pick<Stretch, 'id' | 'needs_floor'>): Pose {
  if (/supine|lying/.test(s.id)) return 'supine';
  if (/kneeling/.test(s.id)) return /lat|reach/.test(s.id) ? 'reach' : 'kneeling';
  if (/seated/.test(s.id)) return s.needs_floor ? 'seated' : 'chair';
  return 'standing';
}

type Figure = { head: [number, number]; lines: string[]; roller?: [number, number, number]; extra?: string[] };

// Coordinates in a 120 x 72 box; the floor is y = 64. A roller sits on the floor (centre y = 64 - r).
function figure(pose: Pose, roller: boolean): Figure {
  switch (pose) {
    case 'seated':
      return roller
        ? {
            // sitting, hands behind, hips lifted, one calf on the roller, the other foot down
            head: [22, 22],
            lines: ['M25,29 L38,46', 'M27,32 L20,47 L16,63', 'M38,46 L62,50 L100,56', 'M38,46 L54,36 L60,63'],
            roller: [80, 58, 6],
          }
        : { head: [26, 24], lines: ['M28,31 L36,56', 'M30,35 L50,46', 'M36,56 L104,59'] };
    case 'prone':
      // face down on the forearms, roller under the thighs
      return { head: [17, 38], lines: ['M24,43 L60,50', 'M25,45 L28,63 L42,63', 'M60,50 L82,53 L106,58'], roller: roller ? [70, 58, 6] : undefined };
    case 'side_lying':
      // on one forearm, roller under the outer thigh, top foot planted in front
      return {
        head: [17, 33],
        lines: ['M24,38 L60,49', 'M25,40 L28,63 L42,63', 'M60,49 L84,54 L106,58', 'M60,49 L76,40 L80,63'],
        roller: roller ? [72, 58, 6] : undefined,
      };
    case 'supine':
      return roller
        ? {
            // upper back on the roller, hips lifted, knees bent
            head: [19, 42],
            lines: ['M27,46 L58,42', 'M58,42 L76,30 L84,63', 'M30,45 L40,37 L46,44'],
            roller: [36, 57, 7],
          }
        : { head: [14, 56], lines: ['M21,58 L62,58', 'M62,58 L106,60', 'M62,58 L82,24', 'M34,57 L60,40'] };
    case 'plank':
      // forearm plank, roller under the front of the hip
      return { head: [16, 31], lines: ['M23,36 L104,61', 'M24,38 L26,63 L40,63'], roller: roller ? [62, 56, 7] : undefined };
    case 'kneeling':
      return { head: [52, 10], lines: ['M52,17 L52,38', 'M52,38 L72,38 L72,63', 'M52,38 L40,63 L20,63', 'M52,22 L60,31 L53,37'] };
    case 'reach':
      return { head: [40, 47], lines: ['M78,44 L46,52', 'M78,44 L76,63 L98,63', 'M48,53 L28,60 L8,62'] };
    case 'chair':
      return {
        head: [48, 12],
        lines: ['M48,19 L50,42', 'M50,42 L72,44 L74,63', 'M49,24 L62,33 L70,31'],
        extra: ['M38,45 L64,45', 'M40,45 L40,64', 'M62,45 L62,64', 'M38,45 L36,20'],
      };
    case 'standing':
    default:
      return {
        head: [56, 10],
        lines: ['M56,17 L56,40', 'M56,40 L51,52 L50,64', 'M56,40 L61,52 L62,64', 'M56,22 L68,30 L76,26'],
        roller: roller ? [80, 24, 4] : undefined,
        extra: roller ? ['M85,2 L85,64'] : ['M84,2 L84,64'],
      };
  }
}

export function Pictogram({ pose, roller = false, size = 120 }: { pose: Pose; roller?: boolean; size?: number }) {
  const f = figure(pose, roller);
  return (
    <svg class="pictogram" viewBox="0 0 120 72" width={size} height={(size * 72) / 120} role="img"
      aria-label={`Position: ${POSE_WORDS[pose]}${roller ? ', with the roller or ball' : ''}`}>
      <path d="M4,64.5 L116,64.5" class="floor" />
      {f.extra?.map((d) => <path d={d} class="prop" key={d} />)}
      {f.roller && <circle cx={f.roller[0]} cy={f.roller[1]} r={f.roller[2]} class="roller" />}
      <circle cx={f.head[0]} cy={f.head[1]} r={6.5} class="head" />
      {f.lines.map((d) => <path d={d} class="limb" key={d} />)}
    </svg>
  );
}
