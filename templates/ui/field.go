package ui

func fieldType(f Field) string {
	if f.Type == "" {
		return "text"
	}
	return f.Type
}

// fieldValue is what the user posted, or the stored value when nothing was posted.
func fieldValue(f Field) string {
	if f.Form != nil && f.Form.Values != nil {
		return f.Form.Value(f.Name)
	}
	return f.Value
}
