// The unknot HTTP/JSON API types, taken from api/openapi.json: schema.gen.ts is generated from it
// at every build (tools/api-types, openapi-typescript), so a field the app reads that the
// document does not promise fails `tsc`. Written here are only names for parts of a schema the
// app narrows on, each derived from the generated types, never restated.
import type { components, operations } from './schema.gen';

// Every schema under its own name (generated with --root-types).
export type * from './schema.gen';

type Schemas = components['schemas'];

export type Side = NonNullable<Schemas['AssessmentResult']['overactive'][number]['side']>;
export type Context = Schemas['Goal']['context'];
export type Verdict = Schemas['Screening']['verdict'];
export type Position = Schemas['Technique']['position'];
export type ApiError = Schemas['Error'];
export type FollowUp = NonNullable<Schemas['Condition']['follow_up']>;
export type AnswerValue = NonNullable<Schemas['Answers']['answers']>[string];
export type GateQuestion = Schemas['ScreeningGate']['questions'][number];
export type Reason = Schemas['Screening']['reasons'][number];
export type PlanItem = Schemas['Plan']['phases'][number]['items'][number];
export type Phase = Schemas['Plan']['phases'][number]['phase'];
export type MuscleCall = Schemas['AssessmentResult']['overactive'][number];
export type AssessmentKind = Schemas['Compensation']['assessment'];
export type AssessmentView = Schemas['Compensation']['view'];
export type HoldOutcome = Schemas['Hold']['outcome'];
export type VisitOutcome = Schemas['Visit']['outcome'];
export type StateName = Schemas['Session']['state'];
export type EventType = Schemas['Event']['type'];

/** One user action (or the passing of time), as sent to POST /api/v1/sessions/{id}/events. */
export type SessionEvent = Schemas['Event'];
export type Trend = Schemas['AreaProgress']['trend'];

// Accounts, trainers and clients (docs/accounts.md).
export type Role = Schemas['User']['role'];
export type Direction = Comparison['trend'];
export type Comparison = Schemas['DashboardRow']['tender_spots'];
/** A doctor's or physiotherapist's go-ahead after a refer: its own record, never a changed answer. */
export type Clearances = operations['listClearances']['responses'][200]['content']['application/json'];
