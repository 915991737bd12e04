import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UnitEntity } from './unit.entity';

/**
 * owner (项目责任单位) edits its unit's projects; reviewer (区发展改革委) reads all and approves; leader (区领导, the DRC's
 * director) reads all, hears escalations and the reviewers' digest, and may only write in problem threads; admin runs the platform.
 */
export const USER_ROLES = ['owner', 'reviewer', 'leader', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A person who signs in. `app_user`, because `user` is a reserved word in PostgreSQL. */
@Entity('app_user')
// The last line behind the API's validation: names are compared lower-case, and an owner always has a unit.
@Check('app_user_username_lower_ck', `"username" = lower("username")`)
@Check('app_user_role_ck', `"role" IN ('owner', 'reviewer', 'leader', 'admin')`)
@Check('app_user_owner_unit_ck', `"role" <> 'owner' OR "unit_id" IS NOT NULL`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case, so sign-in does not depend on how the name is typed. */
  @Column({ type: 'text', unique: true })
  username: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: UserRole;

  /** Set for owners: the unit whose projects they edit. */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity | null;

  /** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash, so they can be raised later. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * Carried in every access token and compared on every request: raising it ends all of the user's sessions at once
   * (password change, sign-out, deactivation, a new role or unit).
   */
  @Column({ name: 'token_generation', type: 'integer', default: 0 })
  tokenGeneration: number;

  /** Set at sign-in when the password used fails today's policy (the demo accounts' shared one): the console asks for a new one. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
