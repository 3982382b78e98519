package target

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/ecs-conformance/deregister/harness/behaviours"
)

// portShape is "N/tcp": the suite speaks HTTP, so only TCP ports make sense.
var portShape = regexp.MustCompile(`^([0-9]+)/tcp$`)

// Parse validates a target file's contents; file names the file in error messages.
func Parse(file string, data []byte) (*Target, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, fmt.Errorf("%s:1: the file is empty", file)
	}

	d := &decoder{file: file}
	t := &Target{File: file, Readiness: ReadinessListClusters,
		Registration: RegistrationSynthetic}
	root := doc.Content[0]
	seen := d.mapping(root, "",
		field{"name", func(n *yaml.Node, key string) {
			if s, ok := d.str(n, key); ok && strings.TrimSpace(s) == "" {
				d.problem(n, key, "must not be empty")
			} else {
				t.Name = s
			}
		}},
		field{"endpoint", func(n *yaml.Node, key string) { d.endpoint(n, key, &t.Endpoint) }},
		field{"readiness", func(n *yaml.Node, key string) {
			t.Readiness = d.oneOf(n, key, ReadinessListClusters)
		}},
		field{"registration", func(n *yaml.Node, key string) {
			t.Registration = d.oneOf(n, key, RegistrationSynthetic, RegistrationEC2First)
		}},
		field{"capabilities", func(n *yaml.Node, key string) { d.capabilities(n, key, t) }},
		field{"expected_failures", func(n *yaml.Node, key string) { d.expected(n, key, t) }},
	)
	for _, required := range []string{"name", "endpoint"} {
		if root.Kind == yaml.MappingNode && !seen[required] {
			d.problem(root, required, "required key is missing")
		}
	}
	if err := d.err(); err != nil {
		return nil, err
	}
	return t, nil
}

// endpoint reads the endpoint mapping: exactly one of url, image and reference.
func (d *decoder) endpoint(node *yaml.Node, key string, e *Endpoint) {
	seen := d.mapping(node, key,
		field{"url", func(n *yaml.Node, key string) {
			s, ok := d.str(n, key)
			if !ok {
				return
			}
			u, err := url.Parse(s)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				d.problem(n, key, "want an http:// or https:// URL with a host, got %q", s)
				return
			}
			e.URL = s
		}},
		field{"image", func(n *yaml.Node, key string) { e.Image = d.image(n, key) }},
		field{"reference", func(n *yaml.Node, key string) {
			e.Reference = d.oneOf(n, key, ReferenceInProcess, ReferenceContainer)
		}},
	)
	if node.Kind == yaml.MappingNode && len(seen) != 1 {
		d.problem(node, key, "give exactly one of url, image, reference (got %d)", len(seen))
	}
}

// image reads endpoint.image.
func (d *decoder) image(node *yaml.Node, key string) *Image {
	img := &Image{StartupTimeout: DefaultStartupTimeout}
	seen := d.mapping(node, key,
		field{"ref", func(n *yaml.Node, key string) {
			if s, ok := d.str(n, key); ok && (s == "" || strings.ContainsAny(s, " \t")) {
				d.problem(n, key, "want an image reference such as example/ecs:1.2, got %q", s)
			} else {
				img.Ref = s
			}
		}},
		field{"port", func(n *yaml.Node, key string) {
			s, ok := d.str(n, key)
			if !ok {
				return
			}
			m := portShape.FindStringSubmatch(s)
			number, _ := strconv.Atoi(valueAt(m, 1))
			if m == nil || number < 1 || number > 65535 {
				d.problem(n, key, "want a port as N/tcp with N in 1-65535, got %q", s)
				return
			}
			img.Port = s
		}},
		field{"env", func(n *yaml.Node, key string) { img.Env = d.env(n, key) }},
		field{"cmd", func(n *yaml.Node, key string) { img.Cmd = d.strings(n, key) }},
		field{"startup_timeout", func(n *yaml.Node, key string) {
			s, ok := d.str(n, key)
			if !ok {
				return
			}
			timeout, err := time.ParseDuration(s)
			if err != nil || timeout <= 0 {
				d.problem(n, key, "want a positive duration such as 90s, got %q", s)
				return
			}
			img.StartupTimeout = timeout
		}},
	)
	for _, required := range []string{"ref", "port"} {
		if node.Kind == yaml.MappingNode && !seen[required] {
			d.problem(node, key+"."+required, "required key is missing")
		}
	}
	return img
}

// env reads a mapping of environment variables; values must be strings, so quote numbers.
func (d *decoder) env(node *yaml.Node, key string) map[string]string {
	if node.Kind != yaml.MappingNode {
		d.problem(node, key, "want a mapping of NAME: value, got %s", kindName(node))
		return nil
	}
	env := map[string]string{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		name := node.Content[i].Value
		if value, ok := d.str(node.Content[i+1], key+"."+name); ok {
			env[name] = value
		}
	}
	return env
}

// oneOf reads a string that must be one of allowed.
func (d *decoder) oneOf(node *yaml.Node, key string, allowed ...string) string {
	s, ok := d.str(node, key)
	if ok && !slices.Contains(allowed, s) {
		d.problem(node, key, "want one of %s, got %q", strings.Join(allowed, ", "), s)
	}
	return s
}

// capabilities reads the list of claimed capabilities, from the closed list.
func (d *decoder) capabilities(node *yaml.Node, key string, t *Target) {
	if node.Kind != yaml.SequenceNode {
		d.problem(node, key, "want a list, got %s", kindName(node))
		return
	}
	for i, item := range node.Content {
		itemKey := fmt.Sprintf("%s[%d]", key, i)
		c, ok := d.str(item, itemKey)
		switch {
		case !ok:
		case !slices.Contains(Capabilities, c):
			d.problem(item, itemKey, "unknown capability %q (known: %s)", c,
				strings.Join(Capabilities, ", "))
		case t.Claims(c):
			d.problem(item, itemKey, "capability %q repeats", c)
		default:
			t.Capabilities = append(t.Capabilities, c)
		}
	}
}

// expected reads expected_failures: a list of {id, reason}.
func (d *decoder) expected(node *yaml.Node, key string, t *Target) {
	if node.Kind != yaml.SequenceNode {
		d.problem(node, key, "want a list of {id, reason}, got %s", kindName(node))
		return
	}
	for i, item := range node.Content {
		itemKey := fmt.Sprintf("%s[%d]", key, i)
		e := ExpectedFailure{Line: item.Line}
		seen := d.mapping(item, itemKey,
			field{"id", func(n *yaml.Node, key string) {
				id, ok := d.str(n, key)
				switch {
				case !ok:
				case !behaviours.ValidID(id):
					d.problem(n, key, "want a behaviour ID such as C6 or F5a, got %q", id)
				case slices.ContainsFunc(t.ExpectedFailures,
					func(o ExpectedFailure) bool { return o.ID == id }):
					d.problem(n, key, "%s is listed twice", id)
				default:
					e.ID = id
				}
			}},
			field{"reason", func(n *yaml.Node, key string) {
				if s, ok := d.str(n, key); ok && strings.TrimSpace(s) == "" {
					d.problem(n, key, "must not be empty: say why the spec fails")
				} else {
					e.Reason = s
				}
			}},
		)
		for _, required := range []string{"id", "reason"} {
			if item.Kind == yaml.MappingNode && !seen[required] {
				d.problem(item, itemKey+"."+required, "required key is missing")
			}
		}
		if e.ID != "" {
			t.ExpectedFailures = append(t.ExpectedFailures, e)
		}
	}
}

// valueAt returns m[i], or "" when m is too short (no match).
func valueAt(m []string, i int) string {
	if i < len(m) {
		return m[i]
	}
	return ""
}
