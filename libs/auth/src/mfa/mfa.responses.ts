import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TokenPairResponse } from '../login/login.responses.js';

export class MfaEnrolmentResponse {
  @ApiProperty({ example: 'otpauth://totp/Sillok:kim%40example.org?secret=...&issuer=Sillok' })
  otpauthUri: string;

  @ApiProperty({ description: 'base32, for typing into the app by hand' })
  secret: string;
}

export class MfaConfirmationResponse {
  @ApiProperty({ type: [String], description: 'ten single-use codes, shown this once' })
  recoveryCodes: string[];

  @ApiPropertyOptional({ type: TokenPairResponse, description: 'when confirmed with an enrolment-only token' })
  tokens?: TokenPairResponse;
}
