// Package wire checks what travels on the wire between a client and an ECS endpoint: the
// JSON types of every member of an answer against the ECS model, answers compared with the
// reference page's samples once their dynamic values are normalised, and the page's sample
// request replayed.
package wire

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Type is the JSON type a member of the ECS model takes on the wire.
type Type struct {
	// JSON is one of string, boolean, number, list, object, map.
	JSON string `json:"type"`

	// Shape names the structure of an object (a key of Shapes).
	Shape string `json:"shape,omitempty"`

	// Items is the type of a list's items or of a map's values.
	Items *Type `json:"items,omitempty"`
}

// Shapes maps the name of each structure of the ECS model the suite checks to its members'
// types. fixtures/wire/ecs-shapes.json holds it, generated from the model by
// harness/cmd/ecs-shapes.
type Shapes map[string]map[string]Type

// ParseShapes reads the generated shapes file.
func ParseShapes(data []byte) (Shapes, error) {
	var shapes Shapes
	if err := json.Unmarshal(data, &shapes); err != nil {
		return nil, fmt.Errorf("ecs-shapes.json: %w", err)
	}
	return shapes, nil
}

// Check walks value, a decoded JSON answer, against the structure shape and returns every
// departure: a member of the wrong JSON type, and a member the model does not know. A
// member the model has but the answer lacks is not a departure: ECS omits empty members.
func (s Shapes) Check(shape string, value any) []string {
	var problems []string
	s.check(Type{JSON: "object", Shape: shape}, value, shape, &problems)
	return problems
}

func (s Shapes) check(want Type, value any, path string, problems *[]string) {
	if value == nil {
		return // null is how a JSON encoder may write an absent member
	}
	if got := jsonType(value); got != want.JSON {
		*problems = append(*problems, fmt.Sprintf("%s: a %s, want a %s", path, got, want.JSON))
		return
	}

	switch want.JSON {
	case "list":
		for i, item := range value.([]any) {
			s.check(*want.Items, item, fmt.Sprintf("%s[%d]", path, i), problems)
		}
	case "map":
		for key, item := range value.(map[string]any) {
			s.check(*want.Items, item, path+"."+key, problems)
		}
	case "object":
		members, known := s[want.Shape]
		if !known {
			*problems = append(*problems, fmt.Sprintf("%s: shape %s is not in ecs-shapes.json",
				path, want.Shape))
			return
		}
		object := value.(map[string]any)
		for _, name := range sortedKeys(object) {
			member, ok := members[name]
			if !ok {
				*problems = append(*problems, fmt.Sprintf("%s.%s: not a member of %s in the "+
					"ECS model", path, name, want.Shape))
				continue
			}
			s.check(member, object[name], path+"."+name, problems)
		}
	}
}

// jsonType names the JSON type of a value decoded by encoding/json into any.
func jsonType(value any) string {
	switch value.(type) {
	case string:
		return "string"
	case bool:
		return "boolean"
	case float64, json.Number:
		return "number"
	case []any:
		return "list"
	case map[string]any:
		return "object"
	default:
		return fmt.Sprintf("%T", value)
	}
}

func sortedKeys(object map[string]any) []string {
	keys := make([]string, 0, len(object))
	for key := range object {
		keys = append(keys, key)
	}
	slices.SortFunc(keys, strings.Compare)
	return keys
}
