-- name: select-one
SELECT 1

-- name: open-attention-total
-- The attention queue's depth across every practice, for the operator's metrics: a count, no
-- client data, and the one query not scoped to a practice.
SELECT count(*) FROM attention_items WHERE resolved_at IS NULL

-- name: jobs-waiting-total
-- The job queue's depth, for the operator's metrics: River's jobs not yet finished (ids and
-- kinds only, no client data).
SELECT count(*) FROM river.river_job WHERE state IN ('available', 'scheduled', 'retryable', 'running')
