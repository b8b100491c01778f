import { ApiProperty } from '@nestjs/swagger';

/** A completed browser login or refresh: the refresh token went into the cookie, not here. */
export class BrowserSessionResponse {
  @ApiProperty({ enum: ['authenticated'] })
  status: 'authenticated';

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'JWT; keep in memory only and send as `Authorization: Bearer ...`' })
  accessToken: string;

  @ApiProperty({ description: 'seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ format: 'uuid' })
  sessionId: string;

  @ApiProperty()
  mustChangePassword: boolean;

  @ApiProperty({ description: 'minutes without user activity after which the browser client signs out' })
  idleTimeoutMinutes: number;
}
