package reference

import (
	"crypto/rand"
	"math/big"
	"slices"
)

type describeServicesRequest struct {
	Cluster  string   `json:"cluster"`
	Services []string `json:"services"`
	Include  []string `json:"include"`
}

type describeServicesAnswer struct {
	Services []wireService `json:"services"`
	Failures []failure     `json:"failures"`
}

// describeServices reports each service, deleted ones included; unknown names become
// MISSING failures. `include` is accepted and ignored: tags are always sent.
//
// Shortcoming: deleted services stay describable for ever; ECS forgets them after a while.
func (s *Server) describeServices(req *describeServicesRequest) (any, error) {
	if err := checkListSize("services", len(req.Services), maxDescribedServices); err != nil {
		return nil, err
	}
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}

	answer := describeServicesAnswer{Services: []wireService{}, Failures: []failure{}}
	for _, ident := range req.Services {
		svc, err := s.findService(c, ident)
		if err != nil {
			answer.Failures = append(answer.Failures, failure{
				Arn:    s.serviceARN(c.name, lastSegment(ident)),
				Reason: "MISSING",
			})
			continue
		}
		answer.Services = append(answer.Services, s.renderService(svc, ""))
	}
	return answer, nil
}

type listServicesRequest struct {
	Cluster            string `json:"cluster"`
	LaunchType         string `json:"launchType"`
	SchedulingStrategy string `json:"schedulingStrategy"`
	MaxResults         *int32 `json:"maxResults"`
	NextToken          string `json:"nextToken"`
}

type listServicesAnswer struct {
	ServiceArns []string `json:"serviceArns"`
	NextToken   string   `json:"nextToken,omitempty"`
}

// listServices lists the ACTIVE services in creation order.
//
// Shortcoming: a page holds up to 100 ARNs when maxResults is not given; ECS gives 10.
func (s *Server) listServices(req *listServicesRequest) (any, error) {
	err := checkEnum("launchType", req.LaunchType, launchTypeEC2, "FARGATE", "EXTERNAL")
	if err != nil {
		return nil, err
	}
	err = checkEnum("schedulingStrategy", req.SchedulingStrategy, serviceSchedulingReplica,
		"DAEMON")
	if err != nil {
		return nil, err
	}
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}

	var arns []string
	for _, svc := range c.serviceOrder {
		wanted := svc.status == statusActive &&
			(req.LaunchType == "" || req.LaunchType == launchTypeEC2) &&
			(req.SchedulingStrategy == "" || req.SchedulingStrategy == serviceSchedulingReplica)
		if wanted {
			arns = append(arns, s.serviceARN(c.name, svc.name))
		}
	}
	start, end, next, err := paginate(len(arns), req.MaxResults, req.NextToken)
	if err != nil {
		return nil, err
	}
	return listServicesAnswer{ServiceArns: orEmpty(arns[start:end]), NextToken: next}, nil
}

// addService files a service under its name; a deleted service of the same name is
// replaced in the index but keeps its place in nothing else.
func (c *cluster) addService(svc *service) {
	c.services[svc.name] = svc
	c.serviceOrder = slices.DeleteFunc(c.serviceOrder, func(old *service) bool {
		return old.name == svc.name
	})
	c.serviceOrder = append(c.serviceOrder, svc)
}

// newNumericID returns 13 decimal digits, the form of ECS deployment IDs.
func newNumericID() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(9_000_000_000_000))
	return n.Add(n, big.NewInt(1_000_000_000_000)).String()
}
