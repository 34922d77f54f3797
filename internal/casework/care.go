package casework

// ClientDischarged is the status of a client whose care has ended.
const ClientDischarged = "discharged"

// InCare reports whether a client may still be given work (homework, check-ins): not
// discharged and not archived.
func InCare(status string, archived bool) bool { return status != ClientDischarged && !archived }
