-- name: select-one
SELECT 1
