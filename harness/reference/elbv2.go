package reference

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Target group settings ELBv2 gives by default, and its limits.
const (
	attrDeregistrationDelay   = "deregistration_delay.timeout_seconds"
	defaultDeregistrationWait = 300 * time.Second
	maxDeregistrationWait     = 3600
	maxTargetGroupName        = 32
)

// targetGroup is one ELBv2 target group of the instance target type. No load balancer is
// modelled: a target group only holds targets and their states.
type targetGroup struct {
	name                string
	arn                 string
	protocol            string
	port                int32
	vpcID               string
	deregistrationDelay time.Duration
	targets             []*target // registration order
}

// elbv2Operations is the Elastic Load Balancing v2 dispatch table, by Action.
func elbv2Operations() map[string]queryHandler {
	return map[string]queryHandler{
		"CreateTargetGroup":           (*Server).createTargetGroup,
		"DescribeTargetGroups":        (*Server).describeTargetGroups,
		"DeleteTargetGroup":           (*Server).deleteTargetGroup,
		"ModifyTargetGroupAttributes": (*Server).modifyTargetGroupAttributes,
		"RegisterTargets":             (*Server).registerTargets,
		"DeregisterTargets":           (*Server).deregisterTargets,
		"DescribeTargetHealth":        (*Server).describeTargetHealth,
	}
}

func validationError(format string, args ...any) error {
	return clientFault("ValidationError", format, args...)
}

// createTargetGroup creates an instance target group. Creating one with the name and
// settings of an existing one returns it, as ELBv2 does; other settings under that name are
// refused.
//
// Shortcoming: health check settings are accepted and ignored (nothing is health checked),
// and VpcId is not checked against any VPC.
func (s *Server) createTargetGroup(form url.Values) (any, error) {
	name, protocol, vpcID := form.Get("Name"), form.Get("Protocol"), form.Get("VpcId")
	if !validTargetGroupName(name) {
		return nil, validationError("Target group name '%s' must be 1 to 32 letters, digits "+
			"and hyphens, and must not begin or end with a hyphen.", name)
	}
	if targetType := form.Get("TargetType"); targetType != "" && targetType != "instance" {
		return nil, validationError("Only the instance target type is supported by this " +
			"endpoint.")
	}
	if err := checkEnumAs(validationError, "Protocol", protocol, "HTTP", "HTTPS", "TCP",
		"TLS", "UDP", "TCP_UDP"); err != nil {
		return nil, err
	}
	port, err := queryInt(form, "Port", 0)
	if err != nil {
		return nil, err
	}
	if protocol == "" || vpcID == "" || port < minPort || port > maxPort {
		return nil, validationError("A protocol, a port from 1 to 65535 and a VPC ID are " +
			"required for a target group of the instance target type.")
	}

	for _, g := range s.targetGroups {
		if g.name != name {
			continue
		}
		if g.protocol != protocol || g.port != int32(port) || g.vpcID != vpcID {
			return nil, clientFault("DuplicateTargetGroupName",
				"A target group with the same name '%s' exists, but with different settings",
				name)
		}
		return targetGroupsAnswer{TargetGroups: []wireTargetGroup{s.renderTargetGroup(g)}}, nil
	}

	g := &targetGroup{
		name:     name,
		arn:      s.elbv2ARN("targetgroup/" + name + "/" + newID()[:16]),
		protocol: protocol,
		port:     int32(port),
		vpcID:    vpcID,
		// Shortcoming: the default of 300 seconds makes a target drain for five minutes;
		// specs that watch draining set a shorter delay, as users do.
		deregistrationDelay: defaultDeregistrationWait,
	}
	s.targetGroups = append(s.targetGroups, g)
	return targetGroupsAnswer{TargetGroups: []wireTargetGroup{s.renderTargetGroup(g)}}, nil
}

// describeTargetGroups describes the groups named by ARN or by name, or all of them.
//
// Shortcoming: LoadBalancerArn, Marker and PageSize are ignored; every match is answered.
func (s *Server) describeTargetGroups(form url.Values) (any, error) {
	arns, names := queryStrings(form, "TargetGroupArns.member"), queryStrings(form, "Names.member")
	if len(arns) > 0 && len(names) > 0 {
		return nil, validationError("Target group names and ARNs cannot be specified at the " +
			"same time.")
	}

	answer := targetGroupsAnswer{TargetGroups: []wireTargetGroup{}}
	for _, ident := range append(arns, names...) {
		found := slices.IndexFunc(s.targetGroups, func(g *targetGroup) bool {
			return g.arn == ident || g.name == ident
		})
		if found < 0 {
			return nil, targetGroupNotFound(ident)
		}
		answer.TargetGroups = append(answer.TargetGroups,
			s.renderTargetGroup(s.targetGroups[found]))
	}
	if len(arns)+len(names) == 0 {
		for _, g := range s.targetGroups {
			answer.TargetGroups = append(answer.TargetGroups, s.renderTargetGroup(g))
		}
	}
	return answer, nil
}

// deleteTargetGroup deletes a group no ACTIVE service uses; deleting one that does not
// exist succeeds, as on ELBv2.
func (s *Server) deleteTargetGroup(form url.Values) (any, error) {
	arn := form.Get("TargetGroupArn")
	for _, c := range s.clusters {
		for _, svc := range c.serviceOrder {
			uses := slices.ContainsFunc(svc.loadBalancers, func(lb serviceLoadBalancer) bool {
				return lb.TargetGroupArn == arn
			})
			if uses && svc.status == statusActive {
				return nil, clientFault("ResourceInUse", "Target group '%s' is currently in "+
					"use by a service", arn)
			}
		}
	}
	s.targetGroups = slices.DeleteFunc(s.targetGroups, func(g *targetGroup) bool {
		return g.arn == arn
	})
	return emptyAnswer{}, nil
}

// modifyTargetGroupAttributes changes the deregistration delay, the one attribute that
// matters here; other keys are refused rather than silently kept.
func (s *Server) modifyTargetGroupAttributes(form url.Values) (any, error) {
	g, err := s.requiredTargetGroup(form)
	if err != nil {
		return nil, err
	}
	for _, a := range queryList(form, "Attributes.member") {
		key, value := a.Get("Key"), a.Get("Value")
		if key != attrDeregistrationDelay {
			return nil, validationError("The attribute '%s' is not supported by this "+
				"endpoint; only %s is.", key, attrDeregistrationDelay)
		}
		seconds, err := strconv.Atoi(value)
		if err != nil || seconds < 0 || seconds > maxDeregistrationWait {
			return nil, validationError("%s must be an integer from 0 to %d.",
				attrDeregistrationDelay, maxDeregistrationWait)
		}
		g.deregistrationDelay = time.Duration(seconds) * time.Second
	}
	return renderAttributes(g), nil
}

// requiredTargetGroup resolves the TargetGroupArn member every target call carries.
func (s *Server) requiredTargetGroup(form url.Values) (*targetGroup, error) {
	arn := form.Get("TargetGroupArn")
	if arn == "" {
		return nil, validationError("TargetGroupArn is required.")
	}
	g := s.targetGroupByARN(arn)
	if g == nil {
		return nil, targetGroupNotFound(arn)
	}
	return g, nil
}

func (s *Server) targetGroupByARN(arn string) *targetGroup {
	for _, g := range s.targetGroups {
		if g.arn == arn {
			return g
		}
	}
	return nil
}

func targetGroupNotFound(ident string) error {
	return clientFault("TargetGroupNotFound", "One or more target groups not found: %s",
		ident)
}

func (s *Server) elbv2ARN(resource string) string {
	return "arn:aws:elasticloadbalancing:" + s.opts.Region + ":" + s.opts.AccountID + ":" +
		resource
}

// validTargetGroupName reports whether name is 1 to 32 letters, digits and hyphens, with
// no hyphen at either end.
func validTargetGroupName(name string) bool {
	if name == "" || len(name) > maxTargetGroupName || strings.HasPrefix(name, "-") ||
		strings.HasSuffix(name, "-") {
		return false
	}
	return !strings.ContainsFunc(name, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r == '-')
	})
}

// checkEnumAs is checkEnum with the error of another service.
func checkEnumAs(fault func(string, ...any) error, member, v string, allowed ...string) error {
	if v != "" && !slices.Contains(allowed, v) {
		return fault("%s must be one of %s.", member, strings.Join(allowed, ", "))
	}
	return nil
}
