package measures

import "testing"

// FuzzScore feeds arbitrary item values (one signed byte per item, in item order, missing when short)
// and an optional extra key to every measure's Score.
func FuzzScore(f *testing.F) {
	f.Add(uint8(0), []byte{0, 0, 0, 0, 0, 0, 0, 0, 0}, "")
	f.Add(uint8(0), []byte{3, 3, 3, 3, 3, 3, 3, 3, 3}, "")
	f.Add(uint8(0), []byte{1, 2, 3, 4, 0xff, 0, 1, 2}, "phq9_10")
	f.Add(uint8(1), []byte{3, 3, 3, 3, 3, 3, 3}, "")
	f.Add(uint8(1), []byte{0x80, 0x7f}, "gad7_1")
	f.Add(uint8(2), []byte{4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, "")
	f.Add(uint8(2), []byte{}, "core10_11")
	ms := Measures()
	f.Fuzz(func(t *testing.T, which uint8, values []byte, extra string) {
		m := ms[int(which)%len(ms)]
		answers := map[string]int{}
		sum := 0
		for i, it := range m.Items {
			if i < len(values) {
				v := int(int8(values[i]))
				answers[it.Key] = v
				sum += v
			}
		}
		if extra != "" {
			if _, ok := answers[extra]; !ok {
				answers[extra] = 0
			}
		}
		total, problems := m.Score(answers)
		_ = m.RiskRaised(answers)
		if len(problems) > 0 {
			if total != 0 {
				t.Errorf("total %d returned with problems %v", total, problems)
			}
			return
		}
		if total < 0 || total > m.Max {
			t.Fatalf("total %d outside 0..%d for %v", total, m.Max, answers)
		}
		if total != sum {
			t.Errorf("total %d, want the sum %d", total, sum)
		}
		if err := m.ScoreTotal(total); err != nil {
			t.Errorf("ScoreTotal(%d) = %v", total, err)
		}
		if m.Band(total).Label == "" {
			t.Errorf("no band for total %d", total)
		}
		_ = m.ClassifyChange(total, m.Max-total, nil)
	})
}
