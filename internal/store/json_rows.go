package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"github.com/jmoiron/sqlx/reflectx"
	"github.com/lib/pq"
)

// decodeJSONRows fills dest from rows that PostgreSQL turned into JSON (json_agg or
// row_to_json of a query's rows): dest points to a slice of structs for an array, or to a
// struct for one object. Keys are matched to fields by their db tags, as sqlx matches columns,
// and values are read as lib/pq would have scanned the columns: dates and timestamps into
// time.Time, jsonb into []byte, arrays into pq arrays, nullable text into sql.NullString.
// A key with no field is an error, as an unknown column is for sqlx.
func decodeJSONRows(m *reflectx.Mapper, raw []byte, dest any) error {
	out := reflect.ValueOf(dest).Elem()
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	if out.Kind() != reflect.Slice {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return err
		}
		return decodeJSONRow(m, obj, out)
	}
	var objs []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &objs); err != nil {
		return err
	}
	rows := reflect.MakeSlice(out.Type(), len(objs), len(objs))
	for i, obj := range objs {
		if err := decodeJSONRow(m, obj, rows.Index(i)); err != nil {
			return err
		}
	}
	out.Set(rows)
	return nil
}

func decodeJSONRow(m *reflectx.Mapper, obj map[string]json.RawMessage, row reflect.Value) error {
	for key, val := range obj {
		f := m.FieldByName(row, key)
		if !f.IsValid() {
			return fmt.Errorf("json rows: no field for %q in %s", key, row.Type())
		}
		if err := decodeJSONValue(f, val); err != nil {
			return fmt.Errorf("json rows: %s.%s: %w", row.Type(), key, err)
		}
	}
	return nil
}

// decodeJSONValue sets one field from its JSON value.
func decodeJSONValue(f reflect.Value, val json.RawMessage) error {
	if string(val) == "null" {
		f.SetZero()
		return nil
	}
	switch p := f.Addr().Interface().(type) {
	case *[]byte: // jsonb: the value's JSON text, as lib/pq returns it
		*p = append([]byte(nil), val...)
		return nil
	case *time.Time:
		return parseJSONTime(val, p)
	case **time.Time:
		var t time.Time
		if err := parseJSONTime(val, &t); err != nil {
			return err
		}
		*p = &t
		return nil
	case *pq.StringArray:
		return json.Unmarshal(val, (*[]string)(p))
	case *sql.NullString:
		p.Valid = true
		return json.Unmarshal(val, &p.String)
	}
	return json.Unmarshal(val, f.Addr().Interface())
}

// parseJSONTime reads a timestamp (with its offset) or a date (midnight UTC, as lib/pq
// scans a date).
func parseJSONTime(val json.RawMessage, t *time.Time) error {
	var s string
	if err := json.Unmarshal(val, &s); err != nil {
		return err
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		*t = d
		return nil
	}
	var err error
	*t, err = time.Parse(time.RFC3339Nano, s)
	return err
}
