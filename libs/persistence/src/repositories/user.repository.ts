import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { UserRole } from '../entities/user.entity';
import { Transaction, transactionOf } from './transaction';

/** Either the connection or a transaction's manager: start-up code (demo accounts) runs outside Nest. */
type Queryable = DataSource | EntityManager;

export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

/** A user as the API shows it: never the password hash. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  unit: UnitRef | null;
  email: string | null;
  active: boolean;
  /** The console asks this user to choose a new password (their last sign-in used one below the policy). */
  mustChangePassword: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What a request carries once its token is checked. */
export interface UserSubject {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  unitId: string | null;
  /** Must equal the `gen` claim of the token: raising it ends every session of the user. */
  tokenGeneration: number;
}

export interface UserCredentials {
  id: string;
  username: string;
  passwordHash: string;
  active: boolean;
  tokenGeneration: number;
  mustChangePassword: boolean;
}

/** A row as locked for an administrative change (see lockForAdminChange). */
export interface LockedUser {
  id: string;
  role: UserRole;
  unitId: string | null;
  active: boolean;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: UserRole;
  unitId: string | null;
  passwordHash: string;
  email?: string | null;
}

export type UserPatch = Partial<Pick<NewUser, 'displayName' | 'role' | 'unitId' | 'passwordHash' | 'email'>> & {
  active?: boolean;
  mustChangePassword?: boolean;
};

export interface UnitSummary extends UnitRef {
  sectors: string[];
  /** false: 停用 (disabled), offered to no new user. */
  active: boolean;
  projectCount: number;
  /** Enabled users of the unit: a unit with any, or with a project, cannot be disabled. */
  userCount: number;
}

export interface NewUnit {
  code: string;
  name: string;
  sectors: string[];
}

export type UnitPatch = Partial<Pick<NewUnit, 'name' | 'sectors'>> & { active?: boolean };

/** Why a unit may not be disabled: what still uses it. */
export interface UnitUse {
  projectCount: number;
  userCount: number;
}

const USER_VIEW = `
  SELECT au.id, au.username, au.display_name AS "displayName", au.role,
         CASE WHEN un.id IS NULL THEN NULL ELSE json_build_object('id', un.id, 'code', un.code, 'name', un.name) END AS unit,
         au.email, au.active, au.must_change_password AS "mustChangePassword", au.created_at AS "createdAt", au.updated_at AS "updatedAt"
  FROM app_user au LEFT JOIN unit un ON un.id = au.unit_id`;

const UNIT_SUMMARY = `
  SELECT u.id, u.code, u.name, u.sectors, u.active,
         (SELECT count(*)::int FROM project p WHERE p.unit_id = u.id) AS "projectCount",
         (SELECT count(*)::int FROM app_user au WHERE au.unit_id = u.id AND au.active) AS "userCount"
  FROM unit u`;

/** Column of each patchable field; only these names ever reach the SQL text. */
const PATCH_COLUMNS: Record<keyof UserPatch, string> = {
  displayName: 'display_name',
  role: 'role',
  unitId: 'unit_id',
  passwordHash: 'password_hash',
  email: 'email',
  active: 'active',
  mustChangePassword: 'must_change_password',
};

/** People who sign in (`app_user`). Usernames are stored lower-case; callers pass them lower-cased. */
@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly db: Queryable) {}

  async findCredentials(username: string): Promise<UserCredentials | undefined> {
    const [row] = await this.db.query(
      `SELECT id, username, password_hash AS "passwordHash", active, token_generation AS "tokenGeneration",
              must_change_password AS "mustChangePassword"
       FROM app_user WHERE username = $1`,
      [username],
    );
    return row;
  }

  /** The signed-in user behind a token, read afresh so a deactivation or a role change applies at once. */
  async findActiveSubject(id: string): Promise<UserSubject | undefined> {
    const [row] = await this.db.query(
      `SELECT id, username, display_name AS "displayName", role, unit_id AS "unitId", token_generation AS "tokenGeneration" FROM app_user WHERE id = $1 AND active`,
      [id],
    );
    return row;
  }

  async findView(id: string): Promise<UserView | undefined> {
    const [row] = await this.db.query(`${USER_VIEW} WHERE au.id = $1`, [id]);
    return row;
  }

  /** Admins first, then reviewers, then owners, each by username. */
  async list(): Promise<UserView[]> {
    return this.db.query(`${USER_VIEW} ORDER BY array_position(ARRAY['admin','reviewer','leader','owner']::text[], au.role), au.username`);
  }

  /** Creates the user; undefined when the username is taken (the unique constraint decides, so two requests cannot both win). */
  async create(user: NewUser): Promise<string | undefined> {
    const [row] = await this.db.query(
      `INSERT INTO app_user (username, display_name, role, unit_id, password_hash, email) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [user.username, user.displayName, user.role, user.unitId, user.passwordHash, user.email ?? null],
    );
    return row?.id;
  }

  /** Creates those of `users` whose username is free; returns the usernames created. Existing users are left as they are. */
  async createMissing(users: NewUser[]): Promise<string[]> {
    if (!users.length) return [];
    const rows: Array<{ username: string }> = await this.db.query(
      `INSERT INTO app_user (username, display_name, role, unit_id, password_hash, email)
       SELECT username, display_name, role, unit_id, password_hash, email
       FROM jsonb_to_recordset($1::jsonb) AS r(username text, display_name text, role text, unit_id uuid, password_hash text, email text)
       ON CONFLICT (username) DO NOTHING RETURNING username`,
      [
        JSON.stringify(
          users.map((user) => ({
            username: user.username,
            display_name: user.displayName,
            role: user.role,
            unit_id: user.unitId,
            password_hash: user.passwordHash,
            email: user.email ?? null,
          })),
        ),
      ],
    );
    return rows.map((row) => row.username);
  }

  async existingUsernames(usernames: string[]): Promise<string[]> {
    const rows: Array<{ username: string }> = await this.db.query(`SELECT username FROM app_user WHERE username = ANY($1::text[])`, [usernames]);
    return rows.map((row) => row.username);
  }

  /**
   * Applies the fields present in `patch`; with `endSessions`, raises the token generation in the same statement, so
   * every token issued before stops working. Returns the new generation, or undefined when there is no such user.
   */
  async update(id: string, patch: UserPatch, { endSessions = false } = {}): Promise<number | undefined> {
    const params: unknown[] = [id];
    const sets = (Object.keys(patch) as Array<keyof UserPatch>)
      .filter((key) => patch[key] !== undefined)
      .map((key) => `${PATCH_COLUMNS[key]} = $${params.push(patch[key])}`);
    if (endSessions) sets.push('token_generation = token_generation + 1');
    const [rows] = await this.db.query(
      `UPDATE app_user SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING token_generation AS "tokenGeneration"`,
      params,
    );
    return rows[0]?.tokenGeneration;
  }

  /** Ends every session of the user (sign-out everywhere); the new generation, or undefined for an unknown or inactive user. */
  async endSessions(id: string): Promise<number | undefined> {
    const [rows] = await this.db.query(
      `UPDATE app_user SET token_generation = token_generation + 1 WHERE id = $1 AND active RETURNING token_generation AS "tokenGeneration"`,
      [id],
    );
    return rows[0]?.tokenGeneration;
  }

  /** Runs `work` in one transaction, with a repository bound to it and the Transaction for other repositories' writes (the audit). */
  transaction<T>(work: (users: UserRepository, tx: Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction((manager) => work(new UserRepository(manager), transactionOf(manager)));
  }

  /**
   * Inside a transaction: the unit a user is being given, locked FOR SHARE until the transaction ends, so it cannot be
   * disabled meanwhile (disabling locks it FOR UPDATE); undefined when there is no such unit.
   */
  async lockUnit(unitId: string): Promise<{ active: boolean } | undefined> {
    const [row] = await this.db.query(`SELECT active FROM unit WHERE id = $1 FOR SHARE`, [unitId]);
    return row;
  }

  /**
   * Inside a transaction: locks the user `id` and every active admin, in id order (so two such transactions cannot
   * deadlock), and returns them as they are once locked. Two admins removing each other then run one after the other,
   * and the second sees the first's change: the platform cannot be left without an active admin.
   */
  async lockForAdminChange(id: string): Promise<LockedUser[]> {
    return this.db.query(`SELECT id, role, unit_id AS "unitId", active FROM app_user WHERE id = $1 OR (role = 'admin' AND active) ORDER BY id FOR UPDATE`, [
      id,
    ]);
  }
}

/** 责任单位 as people see them: every signed-in user may read the list. */
@Injectable()
export class UnitRepository {
  constructor(@InjectDataSource() private readonly db: Queryable) {}

  async listWithProjectCounts(): Promise<UnitSummary[]> {
    return this.db.query(`${UNIT_SUMMARY} ORDER BY u.active DESC, u.code`);
  }

  async findSummary(id: string): Promise<UnitSummary | undefined> {
    const [row] = await this.db.query(`${UNIT_SUMMARY} WHERE u.id = $1`, [id]);
    return row;
  }

  /** Creates the unit; undefined when the code is taken (the unique constraint decides). */
  async create(unit: NewUnit): Promise<string | undefined> {
    const [row] = await this.db.query(`INSERT INTO unit (code, name, sectors) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING id`, [
      unit.code,
      unit.name,
      unit.sectors,
    ]);
    return row?.id;
  }

  /**
   * Applies the fields present in `patch` in one statement. Disabling (`active: false`) happens only while no enabled
   * user and no project belongs to the unit, checked in the same statement; otherwise nothing changes and the answer
   * says what uses it. undefined: no such unit.
   */
  async update(id: string, patch: UnitPatch): Promise<{ updated: true } | { updated: false; use: UnitUse } | undefined> {
    const params: unknown[] = [id];
    const sets: string[] = [];
    if (patch.name !== undefined) sets.push(`name = $${params.push(patch.name)}`);
    if (patch.sectors !== undefined) sets.push(`sectors = $${params.push(patch.sectors)}`);
    if (patch.active !== undefined) sets.push(`active = $${params.push(patch.active)}`);
    const guard =
      patch.active === false
        ? `AND NOT EXISTS (SELECT 1 FROM project p WHERE p.unit_id = unit.id) AND NOT EXISTS (SELECT 1 FROM app_user au WHERE au.unit_id = unit.id AND au.active)`
        : '';
    if (sets.length) {
      const [rows] = await this.db.query(`UPDATE unit SET ${sets.join(', ')} WHERE id = $1 ${guard} RETURNING id`, params);
      if (rows.length) return { updated: true };
    }
    const unit = await this.findSummary(id);
    if (!unit) return undefined;
    return sets.length ? { updated: false, use: { projectCount: unit.projectCount, userCount: unit.userCount } } : { updated: true };
  }

  /** Runs `work` in one transaction, with a repository bound to it and the Transaction for other repositories' writes (the audit). */
  transaction<T>(work: (units: UnitRepository, tx: Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction((manager) => work(new UnitRepository(manager), transactionOf(manager)));
  }

  /** Inside a transaction: the unit as it is once locked, so a change is compared with what it replaced. */
  async lock(id: string): Promise<(UnitRef & { sectors: string[]; active: boolean }) | undefined> {
    const [row] = await this.db.query(`SELECT id, code, name, sectors, active FROM unit WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  async all(): Promise<UnitRef[]> {
    return this.db.query(`SELECT id, code, name FROM unit ORDER BY code`);
  }

  async findRef(id: string): Promise<UnitRef | undefined> {
    const [row] = await this.db.query(`SELECT id, code, name FROM unit WHERE id = $1`, [id]);
    return row;
  }
}
