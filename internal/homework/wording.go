package homework

import "strconv"

// A template has two wordings. Title, Purpose, Label and Help are the staff wording: the
// clinical words counsellors, previews, entry review and identified exports use. The Client*
// fields are what the client reads; an empty one means the client reads the staff wording
// (so a counsellor's own template needs no second wording unless its first gives too much away).

// ClientWorded returns t with the client's wording in place of the staff wording, keys and
// choice values unchanged: for showing a client what they already wrote.
func (t Template) ClientWorded() Template {
	out := Template{Title: or(t.ClientTitle, t.Title), Purpose: or(t.ClientPurpose, t.Purpose), Instructions: t.Instructions}
	out.Fields = make([]Field, len(t.Fields))
	for i, f := range t.Fields {
		f.Label, f.Help = or(f.ClientLabel, f.Label), or(f.ClientHelp, f.Help)
		f.ClientLabel, f.ClientHelp = "", ""
		choices := make([]Choice, len(f.Choices))
		for j, c := range f.Choices {
			choices[j] = Choice{Value: c.Value, Label: or(c.ClientLabel, c.Label)}
		}
		if f.Choices == nil {
			choices = nil
		}
		f.Choices = choices
		out.Fields[i] = f
	}
	return out
}

// ForClient returns the client's form of t: the client's wording, and positional names in place
// of keys and choice values (q1, q2… and 1, 2…), so that not even the page's HTML names what a
// question is about. FromClient maps answers to it back.
func (t Template) ForClient() Template {
	out := t.ClientWorded()
	for i := range out.Fields {
		out.Fields[i].Key = ClientKey(i)
		for j := range out.Fields[i].Choices {
			out.Fields[i].Choices[j].Value = strconv.Itoa(j + 1)
		}
	}
	return out
}

// ClientKey is the positional name of the i-th (0-based) question on a client's form.
func ClientKey(i int) string { return "q" + strconv.Itoa(i+1) }

// FromClient maps answers to ForClient's form back to t's keys and choice values.
func (t Template) FromClient(a Answers) Answers {
	out := make(Answers, len(a))
	for i, f := range t.Fields {
		v, ok := a[ClientKey(i)]
		if !ok {
			continue
		}
		switch x := v.(type) {
		case string:
			if len(f.Choices) > 0 {
				x = f.choiceValue(x)
			}
			out[f.Key] = x
		case []string:
			vs := make([]string, len(x))
			for j, s := range x {
				vs[j] = f.choiceValue(s)
			}
			out[f.Key] = vs
		default:
			out[f.Key] = v
		}
	}
	return out
}

// ToClient maps form values under t's keys and choice values (a saved draft's) to the
// positional names of ForClient's form.
func (t Template) ToClient(values map[string][]string) map[string][]string {
	out := make(map[string][]string, len(values))
	for i, f := range t.Fields {
		vs, ok := values[f.Key]
		if !ok {
			continue
		}
		mapped := make([]string, len(vs))
		for j, v := range vs {
			mapped[j] = v
			for n, c := range f.Choices {
				if c.Value == v {
					mapped[j] = strconv.Itoa(n + 1)
				}
			}
		}
		out[ClientKey(i)] = mapped
	}
	return out
}

// choiceValue turns a positional option number back into the option's value.
func (f Field) choiceValue(pos string) string {
	n, err := strconv.Atoi(pos)
	if err != nil || n < 1 || n > len(f.Choices) {
		return pos
	}
	return f.Choices[n-1].Value
}

// ClientTexts lists every piece of t a client reads, in the client's wording.
func (t Template) ClientTexts() []string {
	w := t.ClientWorded()
	out := []string{w.Title, w.Purpose}
	for _, f := range w.Fields {
		out = append(out, f.Label, f.Help)
		for _, c := range f.Choices {
			out = append(out, c.Label)
		}
	}
	return out
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
