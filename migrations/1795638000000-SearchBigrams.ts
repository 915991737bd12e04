import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-character queries (渝贵, 綦江, 高铁) have no trigram, so the trigram index cannot serve them. An index on
 * the distinct two-character substrings of `search_text` does; the list still checks LIKE for exactness.
 */
export class SearchBigrams1795638000000 implements MigrationInterface {
  name = 'SearchBigrams1795638000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION search_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
          'SELECT COALESCE(array_agg(DISTINCT substr(t, i, 2)), ''{}'') FROM generate_series(1, greatest(char_length(t) - 1, 0)) AS i'`);
    await queryRunner.query(`CREATE INDEX "project_search_bigrams_idx" ON "project" USING gin (search_bigrams("search_text"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "project_search_bigrams_idx"`);
    await queryRunner.query(`DROP FUNCTION search_bigrams(text)`);
  }
}
