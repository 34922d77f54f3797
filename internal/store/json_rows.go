package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"reflect"
	"sync"
	"time"

	"github.com/jmoiron/sqlx/reflectx"
	"github.com/lib/pq"
)

// jsonRowTypes keeps, per row type, the struct its JSON rows are parsed into in one pass.
type jsonRowTypes struct{ m sync.Map } // reflect.Type → *jsonRowType

// jsonRowType is a row type T as encoding/json can read it: a struct with one field per db
// tag of T, json-tagged with the column name, of a type json reads as lib/pq scans the column.
type jsonRowType struct {
	mirror reflect.Type
	paths  [][]int // T's field of each mirror field
}

// jsonTime reads a timestamp (with its offset) or a date (midnight UTC, as lib/pq scans one).
type jsonTime time.Time

func (t *jsonTime) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		*t = jsonTime(d)
		return nil
	}
	v, err := time.Parse(time.RFC3339Nano, s)
	*t = jsonTime(v)
	return err
}

var (
	typeTime       = reflect.TypeFor[time.Time]()
	typeTimePtr    = reflect.TypeFor[*time.Time]()
	typeBytes      = reflect.TypeFor[[]byte]()
	typeNullString = reflect.TypeFor[sql.NullString]()
	typeStrings    = reflect.TypeFor[pq.StringArray]()
)

// mirrorOf is the type a column of type t is parsed as.
func mirrorOf(t reflect.Type) reflect.Type {
	switch t {
	case typeTime:
		return reflect.TypeFor[jsonTime]()
	case typeTimePtr:
		return reflect.TypeFor[*jsonTime]()
	case typeBytes:
		return reflect.TypeFor[json.RawMessage]() // jsonb: the value's JSON text, as lib/pq returns it
	case typeNullString:
		return reflect.TypeFor[*string]()
	case typeStrings:
		return reflect.TypeFor[[]string]()
	}
	return t
}

func (r *jsonRowTypes) of(m *reflectx.Mapper, t reflect.Type) *jsonRowType {
	if rt, ok := r.m.Load(t); ok {
		return rt.(*jsonRowType)
	}
	rt := &jsonRowType{}
	var fields []reflect.StructField
	for _, fi := range m.TypeMap(t).Index {
		if fi.Embedded || fi.Name == "" || !topLevel(fi) {
			continue // a column is a field of the row, or of a struct embedded in it; never a field's own field
		}
		fields = append(fields, reflect.StructField{Name: fmt.Sprintf("F%d", len(fields)), Type: mirrorOf(fi.Field.Type),
			Tag: reflect.StructTag(`json:"` + fi.Name + `"`)})
		rt.paths = append(rt.paths, fi.Index)
	}
	rt.mirror = reflect.StructOf(fields)
	r.m.Store(t, rt)
	return rt
}

// topLevel reports whether fi is a field of the row itself or of structs embedded in it.
func topLevel(fi *reflectx.FieldInfo) bool {
	for p := fi.Parent; p != nil && p.Parent != nil; p = p.Parent {
		if !p.Embedded {
			return false
		}
	}
	return true
}

// decode fills dest from rows that PostgreSQL turned into JSON (json_agg or
// row_to_json of a query's rows): dest points to a slice of structs for an array, or to a
// struct for one object. Keys are the columns' names, matched to fields by their db tags as
// sqlx matches columns, and values are read as lib/pq would have scanned the columns: dates and
// timestamps into time.Time, jsonb into []byte, arrays into pq arrays, nullable text into
// sql.NullString. The JSON is parsed once, into a struct made for the row type.
func (r *jsonRowTypes) decode(m *reflectx.Mapper, raw []byte, dest any) error {
	out := reflect.ValueOf(dest).Elem()
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	if out.Kind() != reflect.Slice {
		rt := r.of(m, out.Type())
		row := reflect.New(rt.mirror)
		if err := json.Unmarshal(raw, row.Interface()); err != nil {
			return err
		}
		return rt.copy(row.Elem(), out)
	}
	rt := r.of(m, out.Type().Elem())
	rows := reflect.New(reflect.SliceOf(rt.mirror))
	if err := json.Unmarshal(raw, rows.Interface()); err != nil {
		return err
	}
	n := rows.Elem().Len()
	res := reflect.MakeSlice(out.Type(), n, n)
	for i := range n {
		if err := rt.copy(rows.Elem().Index(i), res.Index(i)); err != nil {
			return err
		}
	}
	out.Set(res)
	return nil
}

// copy sets each field of dst from the parsed row src.
func (rt *jsonRowType) copy(src, dst reflect.Value) error {
	for i, path := range rt.paths {
		v, f := src.Field(i), dst.FieldByIndex(path)
		switch f.Type() {
		case typeNullString:
			if !v.IsNil() {
				f.Set(reflect.ValueOf(sql.NullString{String: v.Elem().String(), Valid: true}))
			}
		case typeBytes:
			if b := v.Bytes(); len(b) > 0 && string(b) != "null" {
				f.SetBytes(append([]byte(nil), b...))
			}
		default:
			if !v.Type().ConvertibleTo(f.Type()) {
				return fmt.Errorf("json rows: %s cannot hold %s", f.Type(), v.Type())
			}
			if v.Kind() == reflect.Slice && v.IsNil() || v.Kind() == reflect.Pointer && v.IsNil() {
				continue
			}
			f.Set(v.Convert(f.Type()))
		}
	}
	return nil
}
