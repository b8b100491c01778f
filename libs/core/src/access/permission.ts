/**
 * The one permission vocabulary: routes declare these, the role map (libs/auth) grants
 * them, and services check them. Case content additionally needs case membership.
 */
export enum Permission {
  UserManage = 'user.manage',
  SystemManage = 'system.manage',
  CaseCreate = 'case.create',
  CaseManage = 'case.manage',
  CaseRead = 'case.read',
  WitnessRead = 'witness.read',
  WitnessWrite = 'witness.write',
  WitnessIdentityRead = 'witness.identity.read',
  WitnessIdentityWrite = 'witness.identity.write',
  ConsentWrite = 'consent.write',
  TestimonyRead = 'testimony.read',
  TestimonyWrite = 'testimony.write',
  TestimonyApprove = 'testimony.approve',
  TaxonomyRead = 'taxonomy.read',
  TaxonomyManage = 'taxonomy.manage',
  IncidentRead = 'incident.read',
  IncidentWrite = 'incident.write',
  AttachmentUpload = 'attachment.upload',
  AttachmentDownload = 'attachment.download',
  ExportCreate = 'export.create',
  ExportRead = 'export.read',
  SearchRead = 'search.read',
  AuditRead = 'audit.read',
  /** Recomputing the whole chain reports its length and head: the auditor's, not a case lead's. */
  AuditVerify = 'audit.verify',
  ImportCreate = 'import.create',
  /** The evidence store's fixity status (GET /fixity): attachment ids and case references, no content. */
  FixityRead = 'fixity.read',
}
