// The unknot HTTP/JSON API types, taken from api/openapi.json: schema.gen.ts is generated from it
// at every build (tools/api-types, openapi-typescript), so a field the app reads that the
// document does not promise fails `tsc`. Only names the document has no schema for (parts of a
// schema, unions the app narrows on) are written here, each derived from a generated type
// where one exists.
import type { components, operations } from './schema.gen';

type Schemas = components['schemas'];

export type Side = NonNullable<Schemas['AssessmentResult']['overactive'][number]['side']>;
export type Context = Schemas['Goal']['context'];
export type Verdict = Schemas['Screening']['verdict'];
export type Position = Schemas['Technique']['position'];

export type ApiError = Schemas['Error'];

export type Technique = Schemas['Technique'];

/** A move's picture: SVG path data per frame, drawn by the server from data/poses/. */
export type PictureShape = Schemas['PictureShape'];
export type Picture = Schemas['Picture'];

export type Stretch = Schemas['Stretch'];

export type ArticleSummary = Schemas['ArticleSummary'];
export type Article = Schemas['Article'];

export type Muscle = Schemas['Muscle'];

export type Region = Schemas['Region'];

export type Tool = Schemas['Tool'];

export type FollowUp = NonNullable<Schemas['Condition']['follow_up']>;

export type Condition = Schemas['Condition'];

export type CueText = Schemas['CueText'];

export type Goal = Schemas['Goal'];

export type Source = Schemas['Source'];

export type AnswerValue = NonNullable<Schemas['Answers']['answers']>[string];
export type Answers = Schemas['Answers'];

export type GateQuestion = Schemas['ScreeningGate']['questions'][number];
export type ScreeningGate = Schemas['ScreeningGate'];

export type Reason = Schemas['Screening']['reasons'][number];

export type Screening = Schemas['Screening'];

export type Profile = Schemas['Profile'];

export type Why = Schemas['Why'];
export type SmrItem = Schemas['SmrItem'];
export type StretchItem = Schemas['StretchItem'];
export type ActivationItem = Schemas['ActivationItem'];
export type IntegrationItem = Schemas['IntegrationItem'];
export type PlanItem = Schemas['Plan']['phases'][number]['items'][number];
export type Phase = Schemas['Plan']['phases'][number]['phase'];

export type Finding = Schemas['Finding'];
export type AssessmentInput = Schemas['AssessmentInput'];
export type MuscleCall = Schemas['AssessmentResult']['overactive'][number];
export type AssessmentResult = Schemas['AssessmentResult'];
export type Changes = Schemas['Changes'];
export type AssessmentEntry = Schemas['AssessmentEntry'];
export type AssessmentKind = Schemas['Compensation']['assessment'];
export type AssessmentView = Schemas['Compensation']['view'];
export type Compensation = Schemas['Compensation'];
export type Activation = Schemas['Activation'];
export type Integration = Schemas['Integration'];
export type Plan = Schemas['Plan'];

export type HoldOutcome = Schemas['Hold']['outcome'];
export type Hold = Schemas['Hold'];

export type VisitOutcome = Schemas['Visit']['outcome'];
export type Visit = Schemas['Visit'];

export type Cue = Schemas['Cue'];

export type StateName = Schemas['Session']['state'];

export type NewSession = Schemas['NewSession'];

/** A session's state without its plan and records (the answer to a batch of events). */
export type SessionState = Schemas['SessionState'];

export type Session = Schemas['Session'];

export type EventType = Schemas['Event']['type'];

/** One user action (or the passing of time), as sent to POST /api/v1/sessions/{id}/events. */
export type SessionEvent = Schemas['Event'];

export type EventsResult = Schemas['EventsResult'];

export type HistoryEntry = Schemas['HistoryEntry'];

export type Trend = Schemas['AreaProgress']['trend'];

export type AreaProgress = Schemas['AreaProgress'];

export type Progress = Schemas['Progress'];

export type Health = Schemas['Health'];

// Accounts, trainers and clients (docs/accounts.md).
export type Role = Schemas['User']['role'];
export type UserRef = Schemas['UserRef'];
export type User = Schemas['User'];
export type AuthState = Schemas['AuthState'];
export type ApiToken = Schemas['ApiToken'];
export type NewApiToken = Schemas['NewApiToken'];
export type AuditEntry = Schemas['AuditEntry'];
export type Invite = Schemas['Invite'];
export type InviteInfo = Schemas['InviteInfo'];
export type Client = Schemas['Client'];
export type DashboardFlag = Schemas['DashboardFlag'];
export type Direction = Comparison['trend'];
export type Comparison = Schemas['DashboardRow']['tender_spots'];
export type DashboardRow = Schemas['DashboardRow'];
export type Dashboard = Schemas['Dashboard'];
/** A doctor's or physiotherapist's go-ahead after a refer: its own record, never a changed answer. */
export type Clearance = Schemas['Clearance'];
export type NewClearance = Schemas['NewClearance'];
export type Clearances = operations['listClearances']['responses'][200]['content']['application/json'];
export type ScreeningRecord = Schemas['ScreeningRecord'];
export type Assignment = Schemas['Assignment'];
export type AssignmentCreated = Schemas['AssignmentCreated'];
