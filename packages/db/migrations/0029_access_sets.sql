-- Permitted label sets stored once, referenced by id (bench/README.md, session 8).
--
-- Every row-level-security policy reads the subject's permitted labels through
-- entente_setting_uuids('entente.label_ids'). That setting held the whole set as text (1,551 uuids,
-- 55 KB, for a home user on the ministry-scale data set), which PostgreSQL parsed twice per
-- statement: once while planning (to estimate the policy's IN-list) and once while executing —
-- about 2.7 ms each, i.e. ~5.5 ms of every labelled statement. Now the API stores each distinct set
-- once in access_set (content-addressed: the id is the sha256 of the sorted ids, checked here) and
-- sets 'set:<id>'; the function reads the stored array (binary, no parse). An explicit '{…}' list
-- still works (transaction-local additions: a relabel, a plan approval, an evaluation's label).
CREATE TABLE access_set (
  id text PRIMARY KEY,
  label_ids uuid[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT access_set_id_is_content_hash
    CHECK (id = encode(sha256(convert_to(array_to_string(label_ids, ','), 'UTF8')), 'hex'))
);
--> statement-breakpoint
GRANT SELECT, INSERT ON access_set TO entente_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION entente_setting_uuids(name text) RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN s.v LIKE 'set:%' THEN (SELECT a.label_ids FROM access_set a WHERE a.id = substr(s.v, 5))
    ELSE NULLIF(s.v, '')::uuid[]
  END
  FROM (SELECT current_setting(name, true) AS v) s
$$;
