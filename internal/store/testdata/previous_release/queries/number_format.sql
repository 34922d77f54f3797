-- name: decimal-comma
SELECT decimal_comma FROM practices WHERE id = $1

-- name: set-decimal-comma
UPDATE practices SET decimal_comma = $2 WHERE id = $1
