-- name: export-first-year
SELECT export_first_year FROM practices WHERE id = $1

-- name: set-export-first-year
UPDATE practices SET export_first_year = $2 WHERE id = $1
