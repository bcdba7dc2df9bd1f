// The unknot HTTP/JSON API, typed by hand from api/openapi.json (components.schemas).
// Names match the schemas one to one; test/contract.test.mjs checks our request bodies
// against the same schemas.

export type Side = 'left' | 'right';
export type Context = 'warm_up' | 'cool_down' | 'daily';
export type Verdict = 'clear' | 'caution' | 'refer';
export type Position = 'seated' | 'prone' | 'side_lying' | 'supine' | 'standing' | 'plank';

export interface ApiError {
  error: { code: string; message: string; field: string | null };
}

export interface Technique {
  id: string;
  name: string;
  muscles: string[];
  regions: string[];
  per_side: boolean;
  tools: string[];
  sources: string[];
  summary: string;
  position: Position;
  needs_floor: boolean;
  setup: string[];
  roll_from: string;
  roll_to: string;
  lighter: string[];
  heavier: string[];
  avoid: string[];
  avoid_regions: string[];
  hold_min_s: number;
  hold_max_s: number;
  cues: string[];
  population: string;
  stretches: string[];
}

/** A move's picture: SVG path data per frame, drawn by the server from data/poses/. */
export interface PictureShape {
  part: string;
  role: 'body' | 'far' | 'tool' | 'tool_ring' | 'floor' | 'wall' | 'prop';
  d: string;
}
export interface Picture {
  move: string;
  pose: string;
  view: 'side' | 'front' | 'top';
  side: Side;
  tool: string | null;
  view_box: [number, number, number, number];
  pace_s: number;
  scene: PictureShape[];
  frame_names: Array<'setup' | 'start' | 'end'>;
  frames: { setup: PictureShape[]; start?: PictureShape[]; end?: PictureShape[] };
  arrow: { line: string; head: string } | null;
}

export interface Stretch {
  id: string;
  name: string;
  muscles: string[];
  regions: string[];
  per_side: boolean;
  needs_floor: boolean;
  setup: string[];
  hold_s: number;
  hold_s_older_adult: number;
  cues: string[];
  sources: string[];
}

export interface ArticleSummary {
  slug: string;
  title: string;
  summary: string;
  sources: string[];
}
export interface Article extends ArticleSummary {
  body: string;
}

export interface Muscle {
  id: string;
  name: string;
  regions: string[];
  sided: boolean;
  kind: 'muscle' | 'group' | 'fascia';
}

export interface Region {
  id: string;
  name: string;
  views: Array<'front' | 'back'>;
  sided: boolean;
  rollable: boolean;
  why_not: string;
}

export interface Tool {
  id: string;
  name: string;
  description: string;
  needs_floor: boolean;
  held_in_hand: boolean;
}

export interface FollowUp {
  id: string;
  question: string;
  kind: 'yes_no' | 'regions';
}

export interface Condition {
  id: string;
  question: string;
  explain: string;
  outcome: 'caution' | 'refer';
  follow_up: FollowUp | null;
}

export interface CueText {
  id: string;
  when: string;
  text: string;
  at_s: number | null;
  every_s: number | null;
}

export interface Goal {
  id: string;
  name: string;
  summary: string;
  targets: string[];
  context: Context;
  minutes: number;
}

export interface Source {
  key: string;
  title: string;
  url: string;
  note: string;
}

export type AnswerValue = boolean | string[];
export interface Answers {
  answers?: Record<string, AnswerValue>;
}

/** data/screening_gate.rec: a short question; "no" answers every condition it covers "no". */
export interface GateQuestion {
  id: string;
  question: string;
  covers: string[];
  sources: string[];
}
export interface ScreeningGate {
  questions: GateQuestion[];
  clearance: { valid_days: number; why: string; sources: string[] };
}

export interface Reason {
  condition: string;
  outcome: 'caution' | 'refer';
  text: string;
  /** A professional's clearance lifted this refer (outcome caution) from this day ... */
  cleared_on?: string;
  /** ... until this day, when the screening asks again. */
  cleared_until?: string;
  /** The refer is back: the last clearance ran out on this day. */
  clearance_lapsed_on?: string;
}

export interface Screening {
  verdict: Verdict;
  reasons: Reason[];
  excluded_regions: string[];
  advice: string[];
  prefer_tools: string[];
  no_floor: boolean;
  follow_ups: Array<{ condition: string; id: string; question: string; kind: 'yes_no' | 'regions' }>;
}

export interface Profile {
  screening?: Answers;
  targets: string[];
  minutes?: number;
  tools?: string[];
  context?: Context;
  learned_hold_s?: Record<string, number>;
  assessment?: AssessmentInput;
}

interface ItemBase {
  id: string;
  name: string;
  side: Side | null;
  muscles: string[];
  regions: string[];
  targets: string[];
  sets: number;
  seconds: number;
  why: Why[];
}
export interface Why {
  finding: string | null;
  muscle: string;
  role: 'overactive' | 'underactive' | 'asked' | 'integrate';
  sources: string[];
}
export interface SmrItem extends ItemBase {
  kind: 'smr';
  tool: string;
  roll_s: number;
  hold_min_s: number;
  hold_max_s: number;
  hold_target_s: number;
}
export interface StretchItem extends ItemBase {
  kind: 'stretch';
  hold_s: number;
}
export interface ActivationItem extends ItemBase {
  kind: 'activation';
  reps_min: number;
  reps_max: number;
  tempo: string | null;
  isometric_s: number | null;
}
export interface IntegrationItem extends ItemBase {
  kind: 'integration';
  reps_min: number;
  reps_max: number;
}
export type PlanItem = SmrItem | StretchItem | ActivationItem | IntegrationItem;
export type Phase = 'inhibit' | 'lengthen' | 'activate' | 'integrate';

export interface Finding {
  id: string;
  side?: Side;
}
export interface AssessmentInput {
  findings: Finding[];
  edition?: string;
}
export interface MuscleCall {
  muscle: string;
  name: string;
  regions: string[];
  side: Side | null;
  count: number;
  because: Array<{ finding: string; side: Side | null; edition: string; sources: string[] }>;
}
export interface AssessmentResult {
  edition: string;
  overactive: MuscleCall[];
  underactive: MuscleCall[];
}
export interface Changes {
  resolved: Finding[];
  persisted: Finding[];
  appeared: Finding[];
}
export interface AssessmentEntry {
  id: number;
  date: string;
  created_unix_ms: number;
  assessment: AssessmentInput;
  result: AssessmentResult;
  changes: Changes | null;
}
export type AssessmentKind = 'overhead_squat' | 'single_leg_squat' | 'pushing' | 'pulling';
export type AssessmentView = 'anterior' | 'lateral' | 'posterior';
export interface Compensation {
  id: string;
  name: string;
  assessment: AssessmentKind;
  view: AssessmentView;
  sided: boolean;
  look_for: string;
  sources: string[];
}
interface ExerciseBase {
  id: string;
  name: string;
  muscles: string[];
  regions: string[];
  needs_floor: boolean;
  equipment: string;
  setup: string[];
  reps_min: number;
  reps_max: number;
  cues: string[];
  sources: string[];
}
export interface Activation extends ExerciseBase {
  per_side: boolean;
  tempo: string | null;
  isometric_s: number | null;
}
export type Integration = ExerciseBase;
interface PlanMuscle {
  muscle: string;
  side: Side | null;
  count: number;
  findings: string[];
}

export interface Plan {
  screening: Screening;
  context: Context;
  phases: Array<{ phase: Phase; items: PlanItem[] }>;
  total_seconds: number;
  budget_seconds: number;
  dropped: Array<{ target: string; reason: string }>;
  notes: string[];
  assessment?: { edition: string; overactive: PlanMuscle[]; underactive: PlanMuscle[] };
}

export type HoldOutcome = 'eased' | 'too_painful' | 'timed_out' | 'stopped' | 'released_early';
export interface Hold {
  item: number;
  technique: string;
  side: Side | null;
  muscles: string[];
  spot: number;
  found_ms: number;
  ended_ms: number;
  hold_s: number;
  tenderness_start: number;
  tenderness_end: number | null;
  outcome: HoldOutcome;
}

export type VisitOutcome = 'done' | 'skipped' | 'stopped';
export interface Visit {
  item: number;
  kind: PlanItem['kind'];
  id: string;
  side: Side | null;
  muscles: string[];
  outcome: VisitOutcome;
  spots: number;
  started_ms: number;
  ended_ms: number;
}

export interface Cue {
  id: string;
  text: string;
  at_ms: number;
}

export type StateName = 'ready' | 'positioning' | 'rolling' | 'holding' | 'eased' | 'stretching' | 'exercising' | 'paused' | 'done';

export interface NewSession {
  plan: Plan;
  client_id?: string;
  started_at_ms?: number;
}

/** A session's state without its plan and records (the answer to a batch of events). */
export interface SessionState {
  id: number;
  client_id: string | null;
  status: 'open' | 'done' | 'stopped';
  started_unix_ms: number;
  ended_unix_ms: number | null;
  state: StateName;
  item: number;
  items: number;
  events: number;
}

export interface Session extends SessionState {
  plan: Plan;
  holds: Hold[];
  visits: Visit[];
}

export type EventType =
  | 'start'
  | 'in_position'
  | 'found'
  | 'eased'
  | 'too_painful'
  | 'next'
  | 'skip'
  | 'pause'
  | 'resume'
  | 'quit'
  | 'tick';

/** One user action (or the passing of time), as sent to POST /api/v1/sessions/{id}/events. */
export interface SessionEvent {
  id: string;
  t: number; // seconds since the session started
  type: EventType;
  tenderness?: number;
}

export interface EventsResult {
  accepted: number;
  duplicates: number;
  rejected: Array<{ id: string; reason: string }>;
  cues: Cue[];
  holds: Hold[]; // the holds these events completed
  session: SessionState;
}

export interface HistoryEntry {
  id: number;
  date: string;
  started_unix_ms: number;
  holds: Hold[];
  visits: Visit[];
}

export type Trend = 'not_enough_data' | 'fewer_and_milder' | 'fewer' | 'milder' | 'unchanged' | 'worse';

export interface AreaProgress {
  id: string;
  sessions: number;
  spots: number;
  trend: Trend;
  median_release_s: number | null;
  suggested_hold_s: number | null;
  series: Array<{
    date: string;
    spots: number;
    tenderness_start: number;
    tenderness_end: number | null;
    median_release_s: number | null;
  }>;
}

export interface Progress {
  sessions: number;
  empty_sessions: number;
  streak_days: number;
  sessions_per_week: number;
  muscles: AreaProgress[];
  regions: AreaProgress[];
  trend_rule: { days_per_half: number; spots_step: number; tenderness_step: number };
}

export interface Health {
  status: 'ok';
  version: string;
}

// Accounts, trainers and clients (docs/accounts.md).
export type Role = 'self' | 'client' | 'trainer' | 'admin';
export interface UserRef {
  id: number;
  name: string;
}
export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  created_unix_ms: number;
  trainer: UserRef | null;
}
export interface AuthState {
  setup_required: boolean;
  user: User | null;
  csrf: string | null;
}
export interface ApiToken {
  id: string;
  name: string;
  created_unix_ms: number;
  expires_unix_ms: number | null;
}
export interface NewApiToken extends ApiToken {
  token: string; // shown only this once
}
export interface AuditEntry {
  at_unix_ms: number;
  actor: 'you' | UserRef | null; // null: an account since deleted
  action: string;
  target: string;
}
export interface Invite {
  url: string;
  token: string;
  expires_unix_ms: number;
}
export interface InviteInfo {
  trainer: string | null;
  usable: boolean;
  expires_unix_ms: number;
}
export interface Client {
  id: number;
  name: string;
  email: string;
  since_unix_ms: number;
}
export type DashboardFlag =
  | { kind: 'refer'; date: string; message: string }
  | { kind: 'never_rolled'; message: string }
  | { kind: 'missed_days'; days: number; message: string };
export type Direction = 'down' | 'up' | 'same' | '';
export interface Comparison {
  recent: number | null;
  earlier: number | null;
  trend: Direction;
}
export interface DashboardRow {
  client: UserRef;
  since_unix_ms: number;
  sessions_per_week: number;
  streak: number;
  streak_capped: boolean;
  last_session_unix_ms: number | null;
  days_since_last: number | null;
  tender_spots: Comparison;
  tenderness: Comparison;
  screening: Verdict | null;
  reassessment: Changes | null;
  flags: DashboardFlag[];
}
export interface Dashboard {
  today: string;
  clients: DashboardRow[];
}
/** A doctor's or physiotherapist's go-ahead after a refer: its own record, never a changed answer. */
export interface Clearance {
  id: number;
  condition: string;
  date: string;
  until: string;
  in_force: boolean;
  note: string;
  by: number;
  created_unix_ms: number;
}
export interface NewClearance {
  condition: string;
  date: string;
  note?: string | null;
}
export interface Clearances {
  valid_days: number;
  clearances: Clearance[];
}
export interface ScreeningRecord extends Screening {
  id: number;
  date: string;
  created_unix_ms: number;
  by: number;
}
export interface Assignment {
  id: number;
  created_unix_ms: number;
  note: string;
  profile: Profile;
  trainer: string | null;
  plan: Plan;
}
export type AssignmentCreated = Omit<Assignment, 'profile' | 'trainer'>;
