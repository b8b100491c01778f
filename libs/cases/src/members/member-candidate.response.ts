import { PickType } from '@nestjs/swagger';
import { CaseMemberResponse } from '../case.responses.js';

/** An active account that could be added to the case: what a lead needs to pick a colleague. */
export class MemberCandidateResponse extends PickType(CaseMemberResponse, ['userId', 'displayName', 'email', 'role']) {}
