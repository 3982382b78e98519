package target

import (
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// decoder walks a target file's YAML nodes rather than decoding into structs, because only
// the nodes know the line of each key, and a person fixing a file needs the line.
type decoder struct {
	file     string
	problems []error
}

// problem records "file:line: key: message" for the node at fault.
func (d *decoder) problem(node *yaml.Node, key, format string, args ...any) {
	d.problems = append(d.problems, fmt.Errorf("%s:%d: %s: %s", d.file, node.Line, key,
		fmt.Sprintf(format, args...)))
}

// field is one key of a mapping with the function that reads its value.
type field struct {
	name string
	read func(value *yaml.Node, key string)
}

// mapping reads a mapping node: each key must be one of fields and appear once. It returns
// the keys that were present.
func (d *decoder) mapping(node *yaml.Node, path string, fields ...field) map[string]bool {
	seen := map[string]bool{}
	if node.Kind != yaml.MappingNode {
		d.problem(node, path, "want a mapping of keys, got %s", kindName(node))
		return seen
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		keyNode, value := node.Content[i], node.Content[i+1]
		key := keyNode.Value
		full := key
		if path != "" {
			full = path + "." + key
		}

		index := -1
		for j, f := range fields {
			if f.name == key {
				index = j
			}
		}
		switch {
		case index < 0:
			d.problem(keyNode, full, "unknown key (allowed: %s)", names(fields))
		case seen[key]:
			d.problem(keyNode, full, "repeated key")
		default:
			seen[key] = true
			fields[index].read(value, full)
		}
	}
	return seen
}

// str reads a scalar string. Plain scalars YAML would read as numbers or booleans are
// refused, so that "port: 8080" is caught rather than silently taken as "8080".
func (d *decoder) str(node *yaml.Node, key string) (string, bool) {
	if node.Kind != yaml.ScalarNode || (node.Tag != "!!str" && node.Tag != "") {
		d.problem(node, key, "want a string, got %s", kindName(node))
		return "", false
	}
	return node.Value, true
}

// strings reads a sequence of strings.
func (d *decoder) strings(node *yaml.Node, key string) []string {
	if node.Kind != yaml.SequenceNode {
		d.problem(node, key, "want a list, got %s", kindName(node))
		return nil
	}
	var out []string
	for i, item := range node.Content {
		if s, ok := d.str(item, fmt.Sprintf("%s[%d]", key, i)); ok {
			out = append(out, s)
		}
	}
	return out
}

// err joins the problems found, or is nil.
func (d *decoder) err() error {
	return errors.Join(d.problems...)
}

// kindName describes a node for messages: "a list", "a number (8080)".
func kindName(node *yaml.Node) string {
	switch node.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch node.Tag {
	case "!!int", "!!float":
		return fmt.Sprintf("a number (%s)", node.Value)
	case "!!bool":
		return fmt.Sprintf("a boolean (%s)", node.Value)
	case "!!null":
		return "nothing"
	}
	return fmt.Sprintf("%q", node.Value)
}

// names lists the allowed keys for an "unknown key" message.
func names(fields []field) string {
	out := ""
	for i, f := range fields {
		if i > 0 {
			out += ", "
		}
		out += f.name
	}
	return out
}
