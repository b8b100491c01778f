import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TokenPairResponse } from '../login/login.responses.js';
import type { MfaConfirmation, MfaEnrolment } from './mfa.service.js';

export class MfaEnrolmentResponse implements MfaEnrolment {
  @ApiProperty({ example: 'otpauth://totp/Sillok:kim%40example.org?secret=...&issuer=Sillok' })
  otpauthUri: string;

  @ApiProperty({ description: 'base32, for typing into the app by hand' })
  secret: string;
}

export class MfaConfirmationResponse implements MfaConfirmation {
  @ApiProperty({ type: [String], description: 'ten single-use codes, shown this once' })
  recoveryCodes: string[];

  @ApiPropertyOptional({ type: TokenPairResponse, description: 'when confirmed with an enrolment-only token' })
  tokens?: TokenPairResponse;
}
