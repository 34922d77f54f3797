-- Clinical accuracy (issue 13).
--
-- The PHQ-9 and GAD-7 closing question ("If you checked off any problems, how difficult have these
-- problems made it for you...") is stored apart from the item answers: optional, 0 = not difficult at
-- all to 3 = extremely difficult, and never part of the total.
--
-- practices.decimal_comma (0011) now also says how goal numbers are read: "2,5" or "2.5"; what could be
-- read two ways ("1,000") is refused.

-- +goose Up
ALTER TABLE measure_results ADD COLUMN difficulty smallint CHECK (difficulty BETWEEN 0 AND 3);

-- +goose Down
ALTER TABLE measure_results DROP COLUMN difficulty;
