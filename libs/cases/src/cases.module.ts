import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseAccessPolicy } from './access/case-access.policy.js';
import { CaseAuditScope } from './access/case-audit-scope.js';
import { CaseReferenceCounter } from './case-reference-counter.entity.js';
import { CaseController } from './http/case.controller.js';
import { CaseReferenceResolver } from './case-id.param.js';
import { Case } from './case.entity.js';
import { CaseService } from './case.service.js';
import { CaseMemberController } from './members/http/case-member.controller.js';
import { CaseMember } from './members/case-member.entity.js';
import { CaseMemberService } from './members/case-member.service.js';
import { MemberCandidatesController } from './members/http/member-candidates.controller.js';
import { MemberCandidatesService } from './members/member-candidates.service.js';

/** Cases and memberships, and the one access policy every case-scoped feature imports. */
@Module({
  imports: [TypeOrmModule.forFeature([Case, CaseMember, CaseReferenceCounter])],
  controllers: [CaseController, CaseMemberController, MemberCandidatesController],
  providers: [
    CaseAccessPolicy,
    CaseService,
    CaseMemberService,
    MemberCandidatesService,
    CaseAuditScope,
    CaseReferenceResolver,
  ],
  exports: [CaseAccessPolicy, CaseService, CaseMemberService, CaseAuditScope, CaseReferenceResolver],
})
export class CasesModule {}
