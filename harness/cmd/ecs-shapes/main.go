// Command ecs-shapes writes fixtures/wire/ecs-shapes.json: for the structures the suite
// checks on the wire, each member's JSON type, read off the ECS Smithy model (JSON AST).
// The project carries this small derived file instead of the model itself.
//
//	go run ./harness/cmd/ecs-shapes -model ../shared/reference/ecs-2014-11-13.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/ecs-conformance/deregister/harness/wire"
)

// roots are the answers the suite checks member by member; every structure they reach is
// written too.
var roots = []string{"DeregisterContainerInstanceResponse"}

const namespace = "com.amazonaws.ecs#"

// smithyShape is the part of a Smithy JSON AST shape this command reads.
type smithyShape struct {
	Type   string `json:"type"`
	Member *struct {
		Target string `json:"target"`
	} `json:"member"`
	Value *struct {
		Target string `json:"target"`
	} `json:"value"`
	Members map[string]struct {
		Target string `json:"target"`
	} `json:"members"`
}

func main() {
	modelPath := flag.String("model", "../shared/reference/ecs-2014-11-13.json",
		"the ECS Smithy model, JSON AST")
	out := flag.String("o", "fixtures/wire/ecs-shapes.json", "where to write the shapes")
	flag.Parse()

	if err := run(*modelPath, *out); err != nil {
		fmt.Fprintln(os.Stderr, "ecs-shapes:", err)
		os.Exit(1)
	}
}

func run(modelPath, out string) error {
	data, err := os.ReadFile(modelPath)
	if err != nil {
		return err
	}
	var model struct {
		Shapes map[string]smithyShape `json:"shapes"`
	}
	if err := json.Unmarshal(data, &model); err != nil {
		return fmt.Errorf("%s: %w", modelPath, err)
	}

	g := generator{model: model.Shapes, shapes: wire.Shapes{}}
	for _, root := range roots {
		if _, err := g.typeOf(namespace + root); err != nil {
			return err
		}
	}

	encoded, err := json.MarshalIndent(g.shapes, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(encoded, '\n'), 0o644)
}

type generator struct {
	model  map[string]smithyShape
	shapes wire.Shapes
}

// typeOf returns the wire type of the shape target, adding every structure it reaches.
func (g *generator) typeOf(target string) (wire.Type, error) {
	switch target {
	case "smithy.api#String":
		return wire.Type{JSON: "string"}, nil
	case "smithy.api#Boolean", "smithy.api#PrimitiveBoolean":
		return wire.Type{JSON: "boolean"}, nil
	case "smithy.api#Integer", "smithy.api#PrimitiveInteger", "smithy.api#Long",
		"smithy.api#PrimitiveLong", "smithy.api#Double", "smithy.api#Timestamp":
		return wire.Type{JSON: "number"}, nil
	}

	shape, ok := g.model[target]
	if !ok {
		return wire.Type{}, fmt.Errorf("shape %s is not in the model", target)
	}
	switch shape.Type {
	case "string", "enum":
		return wire.Type{JSON: "string"}, nil
	case "boolean":
		return wire.Type{JSON: "boolean"}, nil
	case "integer", "long", "double", "float", "timestamp", "intEnum":
		// awsJson sends timestamps as epoch seconds.
		return wire.Type{JSON: "number"}, nil
	case "list":
		items, err := g.typeOf(shape.Member.Target)
		return wire.Type{JSON: "list", Items: &items}, err
	case "map":
		values, err := g.typeOf(shape.Value.Target)
		return wire.Type{JSON: "map", Items: &values}, err
	case "structure":
		name := strings.TrimPrefix(target, namespace)
		if _, done := g.shapes[name]; !done {
			g.shapes[name] = map[string]wire.Type{} // placeholder stops recursion
			for member, ref := range shape.Members {
				t, err := g.typeOf(ref.Target)
				if err != nil {
					return wire.Type{}, err
				}
				g.shapes[name][member] = t
			}
		}
		return wire.Type{JSON: "object", Shape: name}, nil
	default:
		return wire.Type{}, fmt.Errorf("shape %s has type %s, which this command does not map",
			target, shape.Type)
	}
}
