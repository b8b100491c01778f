export enum CaseStatus {
  Open = 'open',
  Closed = 'closed',
  Archived = 'archived',
}
