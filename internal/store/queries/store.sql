-- name: select-one
SELECT 1

-- name: open-attention-total
-- The attention queue's depth across every practice, for the operator's metrics: a count, no
-- client data, and the one query not scoped to a practice.
SELECT count(*) FROM attention_items WHERE resolved_at IS NULL
