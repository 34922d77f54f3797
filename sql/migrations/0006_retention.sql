-- Data protection: a practice's retention period, when each client's care ended, and
-- deleting a client's whole record in one statement.
--
-- A client's care ends at the latest of their discharge, their archiving and their last
-- attended appointment; the record may be deleted once the practice's retention period
-- has run from then. Deleting the client's row cascades to every row of their record, so
-- the app role needs DELETE on clients only (foreign-key actions run as the table owner).
-- Only a client's deletion deletes these rows: nothing else in the app deletes a goal,
-- an assignment or a check-in, so the cascades below change nothing else.

-- +goose Up
ALTER TABLE practices ADD COLUMN retention_years integer NOT NULL DEFAULT 0
    CHECK (retention_years BETWEEN 0 AND 30);

-- When the client was (last) discharged: NULL while in care, cleared on reopening.
-- Clients discharged before this migration get their last change, the later guess.
ALTER TABLE clients ADD COLUMN discharged_at timestamptz;
UPDATE clients SET discharged_at = updated_at WHERE status = 'discharged';
ALTER TABLE clients ADD CONSTRAINT clients_discharged_at_check CHECK ((status = 'discharged') = (discharged_at IS NOT NULL));

ALTER TABLE intake_versions DROP CONSTRAINT intake_versions_practice_id_client_id_fkey,
    ADD CONSTRAINT intake_versions_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE;
ALTER TABLE risk_flags DROP CONSTRAINT risk_flags_practice_id_client_id_fkey,
    ADD CONSTRAINT risk_flags_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE;
ALTER TABLE appointments DROP CONSTRAINT appointments_practice_id_client_id_fkey,
    ADD CONSTRAINT appointments_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE;
ALTER TABLE goals DROP CONSTRAINT goals_practice_id_client_id_fkey,
    ADD CONSTRAINT goals_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE,
    DROP CONSTRAINT goals_practice_id_replaced_by_fkey,
    ADD CONSTRAINT goals_practice_id_replaced_by_fkey FOREIGN KEY (practice_id, replaced_by) REFERENCES goals (practice_id, id) ON DELETE CASCADE;
ALTER TABLE goal_status_changes DROP CONSTRAINT goal_status_changes_practice_id_goal_id_fkey,
    ADD CONSTRAINT goal_status_changes_practice_id_goal_id_fkey FOREIGN KEY (practice_id, goal_id) REFERENCES goals (practice_id, id) ON DELETE CASCADE;
ALTER TABLE goal_readings DROP CONSTRAINT goal_readings_practice_id_goal_id_fkey,
    ADD CONSTRAINT goal_readings_practice_id_goal_id_fkey FOREIGN KEY (practice_id, goal_id) REFERENCES goals (practice_id, id) ON DELETE CASCADE,
    DROP CONSTRAINT goal_readings_practice_id_entry_id_fkey,
    ADD CONSTRAINT goal_readings_practice_id_entry_id_fkey FOREIGN KEY (practice_id, entry_id) REFERENCES homework_entries (practice_id, id) ON DELETE CASCADE;
ALTER TABLE assignments DROP CONSTRAINT assignments_practice_id_client_id_fkey,
    ADD CONSTRAINT assignments_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE,
    DROP CONSTRAINT assignments_practice_id_goal_id_fkey,
    ADD CONSTRAINT assignments_practice_id_goal_id_fkey FOREIGN KEY (practice_id, goal_id) REFERENCES goals (practice_id, id) ON DELETE CASCADE;
ALTER TABLE client_links DROP CONSTRAINT client_links_practice_id_assignment_id_fkey,
    ADD CONSTRAINT client_links_practice_id_assignment_id_fkey FOREIGN KEY (practice_id, assignment_id) REFERENCES assignments (practice_id, id) ON DELETE CASCADE,
    DROP CONSTRAINT client_links_practice_id_checkin_id_fkey,
    ADD CONSTRAINT client_links_practice_id_checkin_id_fkey FOREIGN KEY (practice_id, checkin_id) REFERENCES checkins (practice_id, id) ON DELETE CASCADE;
ALTER TABLE homework_entries DROP CONSTRAINT homework_entries_practice_id_assignment_id_fkey,
    ADD CONSTRAINT homework_entries_practice_id_assignment_id_fkey FOREIGN KEY (practice_id, assignment_id) REFERENCES assignments (practice_id, id) ON DELETE CASCADE,
    DROP CONSTRAINT homework_entries_practice_id_client_id_fkey,
    ADD CONSTRAINT homework_entries_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE;
ALTER TABLE checkins DROP CONSTRAINT checkins_practice_id_client_id_fkey,
    ADD CONSTRAINT checkins_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE;
ALTER TABLE marker_ratings DROP CONSTRAINT marker_ratings_practice_id_client_id_fkey,
    ADD CONSTRAINT marker_ratings_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE,
    DROP CONSTRAINT marker_ratings_practice_id_checkin_id_fkey,
    ADD CONSTRAINT marker_ratings_practice_id_checkin_id_fkey FOREIGN KEY (practice_id, checkin_id) REFERENCES checkins (practice_id, id) ON DELETE CASCADE;
ALTER TABLE measure_results DROP CONSTRAINT measure_results_practice_id_client_id_fkey,
    ADD CONSTRAINT measure_results_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE,
    DROP CONSTRAINT measure_results_practice_id_checkin_id_fkey,
    ADD CONSTRAINT measure_results_practice_id_checkin_id_fkey FOREIGN KEY (practice_id, checkin_id) REFERENCES checkins (practice_id, id) ON DELETE CASCADE;
ALTER TABLE event_notes DROP CONSTRAINT event_notes_practice_id_client_id_fkey,
    ADD CONSTRAINT event_notes_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE;

GRANT DELETE ON clients TO securebase_app;

-- +goose Down
REVOKE DELETE ON clients FROM securebase_app;

ALTER TABLE event_notes DROP CONSTRAINT event_notes_practice_id_client_id_fkey,
    ADD CONSTRAINT event_notes_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id);
ALTER TABLE measure_results DROP CONSTRAINT measure_results_practice_id_client_id_fkey,
    ADD CONSTRAINT measure_results_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    DROP CONSTRAINT measure_results_practice_id_checkin_id_fkey,
    ADD CONSTRAINT measure_results_practice_id_checkin_id_fkey FOREIGN KEY (practice_id, checkin_id) REFERENCES checkins (practice_id, id);
ALTER TABLE marker_ratings DROP CONSTRAINT marker_ratings_practice_id_client_id_fkey,
    ADD CONSTRAINT marker_ratings_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    DROP CONSTRAINT marker_ratings_practice_id_checkin_id_fkey,
    ADD CONSTRAINT marker_ratings_practice_id_checkin_id_fkey FOREIGN KEY (practice_id, checkin_id) REFERENCES checkins (practice_id, id);
ALTER TABLE checkins DROP CONSTRAINT checkins_practice_id_client_id_fkey,
    ADD CONSTRAINT checkins_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id);
ALTER TABLE homework_entries DROP CONSTRAINT homework_entries_practice_id_assignment_id_fkey,
    ADD CONSTRAINT homework_entries_practice_id_assignment_id_fkey FOREIGN KEY (practice_id, assignment_id) REFERENCES assignments (practice_id, id),
    DROP CONSTRAINT homework_entries_practice_id_client_id_fkey,
    ADD CONSTRAINT homework_entries_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id);
ALTER TABLE client_links DROP CONSTRAINT client_links_practice_id_assignment_id_fkey,
    ADD CONSTRAINT client_links_practice_id_assignment_id_fkey FOREIGN KEY (practice_id, assignment_id) REFERENCES assignments (practice_id, id),
    DROP CONSTRAINT client_links_practice_id_checkin_id_fkey,
    ADD CONSTRAINT client_links_practice_id_checkin_id_fkey FOREIGN KEY (practice_id, checkin_id) REFERENCES checkins (practice_id, id);
ALTER TABLE assignments DROP CONSTRAINT assignments_practice_id_client_id_fkey,
    ADD CONSTRAINT assignments_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    DROP CONSTRAINT assignments_practice_id_goal_id_fkey,
    ADD CONSTRAINT assignments_practice_id_goal_id_fkey FOREIGN KEY (practice_id, goal_id) REFERENCES goals (practice_id, id);
ALTER TABLE goal_readings DROP CONSTRAINT goal_readings_practice_id_goal_id_fkey,
    ADD CONSTRAINT goal_readings_practice_id_goal_id_fkey FOREIGN KEY (practice_id, goal_id) REFERENCES goals (practice_id, id),
    DROP CONSTRAINT goal_readings_practice_id_entry_id_fkey,
    ADD CONSTRAINT goal_readings_practice_id_entry_id_fkey FOREIGN KEY (practice_id, entry_id) REFERENCES homework_entries (practice_id, id);
ALTER TABLE goal_status_changes DROP CONSTRAINT goal_status_changes_practice_id_goal_id_fkey,
    ADD CONSTRAINT goal_status_changes_practice_id_goal_id_fkey FOREIGN KEY (practice_id, goal_id) REFERENCES goals (practice_id, id);
ALTER TABLE goals DROP CONSTRAINT goals_practice_id_client_id_fkey,
    ADD CONSTRAINT goals_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    DROP CONSTRAINT goals_practice_id_replaced_by_fkey,
    ADD CONSTRAINT goals_practice_id_replaced_by_fkey FOREIGN KEY (practice_id, replaced_by) REFERENCES goals (practice_id, id);
ALTER TABLE appointments DROP CONSTRAINT appointments_practice_id_client_id_fkey,
    ADD CONSTRAINT appointments_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id);
ALTER TABLE risk_flags DROP CONSTRAINT risk_flags_practice_id_client_id_fkey,
    ADD CONSTRAINT risk_flags_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id);
ALTER TABLE intake_versions DROP CONSTRAINT intake_versions_practice_id_client_id_fkey,
    ADD CONSTRAINT intake_versions_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id);

ALTER TABLE clients DROP CONSTRAINT clients_discharged_at_check, DROP COLUMN discharged_at;
ALTER TABLE practices DROP COLUMN retention_years;
