package reference

import (
	"cmp"
	"slices"
)

// clusterAnswer is the output of CreateCluster and DeleteCluster.
type clusterAnswer struct {
	Cluster wireCluster `json:"cluster"`
}

type createClusterRequest struct {
	ClusterName string           `json:"clusterName"`
	Tags        []tag            `json:"tags"`
	Settings    []clusterSetting `json:"settings"`
}

// createCluster makes a cluster ACTIVE. It is idempotent, as in ECS: creating an ACTIVE
// cluster returns it unchanged, while a deleted (INACTIVE) one is replaced by a fresh one.
func (s *Server) createCluster(req *createClusterRequest) (any, error) {
	name := cmp.Or(req.ClusterName, defaultCluster)
	if !validName(name) {
		return nil, invalidParameter(
			"Cluster names must be 1 to 255 letters, numbers, hyphens and underscores.")
	}
	for _, setting := range req.Settings {
		if err := checkRequired("settings.name", setting.Name); err != nil {
			return nil, err
		}
	}

	c := s.clusters[name]
	if c == nil || c.status != statusActive {
		settings := req.Settings
		if settings == nil {
			settings = []clusterSetting{{Name: "containerInsights", Value: "disabled"}}
		}
		c = newCluster(name, req.Tags, settings)
		s.clusters[name] = c
	}
	return clusterAnswer{Cluster: s.renderCluster(c)}, nil
}

type deleteClusterRequest struct {
	Cluster string `json:"cluster"`
}

// deleteCluster marks a cluster INACTIVE once nothing it accounts for is left in it. Tasks
// orphaned by a forced deregistration do not count: ECS no longer accounts for them.
func (s *Server) deleteCluster(req *deleteClusterRequest) (any, error) {
	if err := checkRequired("cluster", req.Cluster); err != nil {
		return nil, err
	}
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}

	for _, i := range c.instanceOrder {
		if i.status != statusInactive && !s.has(DefectDeleteIgnoresInstance) { // Defect.
			return nil, clientFault(codeInstancesStillActive,
				"The Cluster cannot be deleted while Container Instances are active or draining.")
		}
	}
	for _, svc := range c.serviceOrder {
		if svc.status == statusActive {
			return nil, clientFault(codeServicesStillActive,
				"The Cluster cannot be deleted while Services are active.")
		}
	}
	for _, t := range c.taskOrder {
		if t.holdsResources() && !t.orphaned {
			return nil, clientFault(codeTasksStillActive,
				"The Cluster cannot be deleted while Tasks are active.")
		}
	}

	c.status = statusInactive
	return clusterAnswer{Cluster: s.renderCluster(c)}, nil
}

// maxDescribedClusters is ECS's limit on DescribeClusters' list.
const maxDescribedClusters = 100

type describeClustersRequest struct {
	Clusters []string `json:"clusters"`
	Include  []string `json:"include"`
}

type describeClustersAnswer struct {
	Clusters []wireCluster `json:"clusters"`
	Failures []failure     `json:"failures"`
}

// describeClusters reports each named cluster, deleted ones included (status INACTIVE);
// names never created come back as MISSING failures. `include` is accepted and ignored:
// the members it would add are always sent (settings, statistics, tags) or not supported.
func (s *Server) describeClusters(req *describeClustersRequest) (any, error) {
	idents := req.Clusters
	if len(idents) == 0 {
		idents = []string{defaultCluster}
	}
	if len(idents) > maxDescribedClusters {
		return nil, invalidParameter("clusters can have at most %d items.", maxDescribedClusters)
	}

	answer := describeClustersAnswer{Clusters: []wireCluster{}, Failures: []failure{}}
	for _, ident := range idents {
		name, err := s.clusterName(ident)
		if err != nil {
			return nil, err
		}
		if c := s.clusters[name]; c != nil {
			answer.Clusters = append(answer.Clusters, s.renderCluster(c))
		} else {
			answer.Failures = append(answer.Failures,
				failure{Arn: s.clusterARN(name), Reason: "MISSING"})
		}
	}
	return answer, nil
}

type listClustersRequest struct {
	MaxResults *int32 `json:"maxResults"`
	NextToken  string `json:"nextToken"`
}

type listClustersAnswer struct {
	ClusterArns []string `json:"clusterArns"`
	NextToken   string   `json:"nextToken,omitempty"`
}

// listClusters lists the ACTIVE clusters, sorted by name so that pages are stable.
func (s *Server) listClusters(req *listClustersRequest) (any, error) {
	var names []string
	for name, c := range s.clusters {
		if c.status == statusActive {
			names = append(names, name)
		}
	}
	slices.Sort(names)

	start, end, next, err := paginate(len(names), req.MaxResults, req.NextToken)
	if err != nil {
		return nil, err
	}
	answer := listClustersAnswer{ClusterArns: []string{}, NextToken: next}
	for _, name := range names[start:end] {
		answer.ClusterArns = append(answer.ClusterArns, s.clusterARN(name))
	}
	return answer, nil
}
