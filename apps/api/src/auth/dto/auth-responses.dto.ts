import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES } from '@qj/persistence';

export class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'transport' }) code: string;
  @ApiProperty({ example: '区交通局' }) name: string;
}

/** The signed-in user as the client shows it. */
export class ProfileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'owner_transport' }) username: string;
  @ApiProperty({ example: '区交通局项目负责人' }) displayName: string;
  @ApiProperty({ enum: USER_ROLES, enumName: 'Role' }) role: string;
  @ApiProperty({ type: UnitRefDto, nullable: true }) unit: UnitRefDto | null;
  @ApiProperty({
    description: 'true when the password last used to sign in is below the password policy (e.g. a demo password): the console asks for a new one',
  })
  mustChangePassword: boolean;
  @ApiProperty({
    example: 'Asia/Shanghai',
    description: "APP_TIMEZONE: the IANA zone of the tracker's calendar dates; the console shows dates and times in it",
  })
  timeZone: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: "JWT (HS256), valid for 12 hours or until the user's sessions end; send as `Authorization: Bearer <token>`" })
  accessToken: string;
  @ApiProperty({ type: ProfileDto }) user: ProfileDto;
}
