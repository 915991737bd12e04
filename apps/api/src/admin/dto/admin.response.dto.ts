import { ApiProperty } from '@nestjs/swagger';
import { SECTORS } from '@qj/catalog';
import { USER_ROLES } from '@qj/persistence';
import { UnitRefDto } from '../../auth/dto/auth-responses.dto';
import { dateTime, int } from '../../catalog/dto/project.response.dto';

/** A user as administrators see them: never a password hash. */
export class AdminUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: USER_ROLES, enumName: 'Role' }) role: string;
  @ApiProperty({ type: UnitRefDto, nullable: true }) unit: UnitRefDto | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ description: 'false: cannot sign in' }) active: boolean;
  @ApiProperty({ description: 'the last sign-in used a password below the policy: the console asks for a new one' }) mustChangePassword: boolean;
  @ApiProperty(dateTime) createdAt: string;
  @ApiProperty(dateTime) updatedAt: string;
}

export class AdminUserListDto {
  @ApiProperty({ type: [AdminUserDto] }) items: AdminUserDto[];
}

/** A responsible unit (责任单位) with its default sectors, whether it is in use, and its number of projects and enabled users. */
export class UnitSummaryDto extends UnitRefDto {
  @ApiProperty({ enum: SECTORS, enumName: 'Sector', isArray: true }) sectors: string[];
  @ApiProperty({ description: 'false: 停用 (disabled), offered to no new user' }) active: boolean;
  @ApiProperty(int) projectCount: number;
  @ApiProperty({ ...int, description: 'enabled users of the unit' }) userCount: number;
}

export class UnitListDto {
  @ApiProperty({ type: [UnitSummaryDto] }) items: UnitSummaryDto[];
}
