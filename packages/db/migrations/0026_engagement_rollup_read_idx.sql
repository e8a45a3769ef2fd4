-- The dashboard's roll-up read (scoped/rollups.ts) as an index-only scan: bucket, then the
-- subject's labels and communities, with every column the sum needs. Measured on the bench data
-- set (110k rows in bucket 0): the read fell from 470–980 ms (sequential scan of every bucket) to
-- 190–280 ms on a loaded machine. Not in the Drizzle schema: Drizzle cannot declare INCLUDE.
CREATE INDEX engagement_rollup_read_idx ON engagement_rollup (bucket, label_id, community_id) INCLUDE (dim, key, n, cost);
