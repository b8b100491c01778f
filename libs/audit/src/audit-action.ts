/**
 * Everything the audit trail records, as `area.thing.verb`. Stored as text, so adding a
 * value needs no migration; never rename or remove one that has been written.
 */
export enum AuditAction {
  AuthLoginSucceeded = 'auth.login.succeeded',
  AuthLoginFailed = 'auth.login.failed',
  AuthLockout = 'auth.lockout',
  AuthLogout = 'auth.logout',
  AuthTokenRefreshed = 'auth.token.refreshed',
  AuthRefreshReuseDetected = 'auth.refresh.reuse_detected',
  AuthSessionRevoked = 'auth.session.revoked',
  AuthMfaEnrolled = 'auth.mfa.enrolled',
  AuthMfaConfirmed = 'auth.mfa.confirmed',
  AuthMfaDisabled = 'auth.mfa.disabled',
  AuthMfaRecoveryCodeUsed = 'auth.mfa.recovery_code.used',
  UserCreate = 'user.create',
  UserUpdate = 'user.update',
  UserDisable = 'user.disable',
  UserEnable = 'user.enable',
  UserRoleChange = 'user.role.change',
  UserPasswordReset = 'user.password.reset',
  UserPasswordChange = 'user.password.change',
  CaseCreate = 'case.create',
  CaseUpdate = 'case.update',
  CaseStatusChange = 'case.status.change',
  CaseMemberAdd = 'case.member.add',
  CaseMemberUpdate = 'case.member.update',
  CaseMemberRemove = 'case.member.remove',
  AccessRefused = 'access.refused',
  TaxonomyTermCreate = 'taxonomy.term.create',
  TaxonomyTermUpdate = 'taxonomy.term.update',
  TaxonomyTermDeprecate = 'taxonomy.term.deprecate',
  WitnessIdentityRead = 'witness.identity.read',
  TestimonyCreate = 'testimony.create',
  TestimonyUpdate = 'testimony.update',
  AttachmentDownload = 'attachment.download',
  ExportCreate = 'export.create',
  AuditVerify = 'audit.verify',
  AuditCheckpoint = 'audit.checkpoint',
}

/** Actions that must state why (the reason is stored in the row and covered by its hash). */
export const ACTIONS_REQUIRING_REASON: ReadonlySet<AuditAction> = new Set([AuditAction.WitnessIdentityRead]);
