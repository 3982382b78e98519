package reference

import (
	"encoding/json"
	"slices"
)

// containerInstanceAnswer is the output of RegisterContainerInstance and
// DeregisterContainerInstance.
type containerInstanceAnswer struct {
	ContainerInstance wireContainerInstance `json:"containerInstance"`
}

// registerContainerInstanceRequest holds the members this endpoint reads.
//
// Shortcoming: instanceIdentityDocumentSignature is never verified and platformDevices is
// ignored (both are left undeclared); the agent is trusted, as a test endpoint can afford.
type registerContainerInstanceRequest struct {
	Cluster                  string       `json:"cluster"`
	InstanceIdentityDocument string       `json:"instanceIdentityDocument"`
	TotalResources           []resource   `json:"totalResources"`
	VersionInfo              *versionInfo `json:"versionInfo"`
	ContainerInstanceArn     string       `json:"containerInstanceArn"`
	Attributes               []attribute  `json:"attributes"`
	Tags                     []tag        `json:"tags"`
}

// identityDocument is the part of the EC2 instance identity document ECS reads.
type identityDocument struct {
	InstanceID       string `json:"instanceId"`
	AvailabilityZone string `json:"availabilityZone"`
	InstanceType     string `json:"instanceType"`
	ImageID          string `json:"imageId"`
}

// registerContainerInstance is the agent's registration. With containerInstanceArn it
// re-registers a live instance; otherwise a live instance of the same EC2 instance is
// returned as it is (an agent restarting), and anything else registers a new instance.
func (s *Server) registerContainerInstance(req *registerContainerInstanceRequest) (any, error) {
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}
	doc, err := parseIdentityDocument(req.InstanceIdentityDocument)
	if err != nil {
		return nil, err
	}
	if s.opts.RequireEC2Instance && !s.ec2Launched(doc.InstanceID) {
		return nil, clientError("The EC2 instance %s of the identity document is not a "+
			"pending or running instance of this endpoint; launch it with RunInstances first.",
			doc.InstanceID)
	}
	resources, err := normalizeResources(req.TotalResources)
	if err != nil {
		return nil, err
	}
	attributes, err := instanceAttributes(req.Attributes, doc)
	if err != nil {
		return nil, err
	}

	if req.ContainerInstanceArn != "" {
		return s.reregister(c, req, resources, attributes)
	}

	if i := c.liveInstanceOf(doc.InstanceID); i != nil {
		return containerInstanceAnswer{ContainerInstance: s.renderInstance(c.name, i)}, nil
	}

	i := &instance{
		id:               newID(),
		ec2InstanceID:    doc.InstanceID,
		availabilityZone: doc.AvailabilityZone,
		status:           statusActive,
		version:          1,
		registeredAt:     s.now(),
		resources:        resources,
		attributes:       attributes,
		tags:             req.Tags,
	}
	if req.VersionInfo != nil {
		i.versionInfo = *req.VersionInfo
	}
	c.addInstance(i)
	s.schedule(c) // a service short of tasks may fit on the new instance
	return containerInstanceAnswer{ContainerInstance: s.renderInstance(c.name, i)}, nil
}

// reregister updates a live instance from a new registration. A deregistered instance can
// never come back: the agent has to register a new one.
func (s *Server) reregister(c *cluster, req *registerContainerInstanceRequest,
	resources []resource, attributes []attribute) (any, error) {
	i, err := s.findInstance(c, req.ContainerInstanceArn)
	if err != nil {
		return nil, err
	}
	switch {
	case i.status == statusInactive && s.has(DefectReregisterReactivates):
		i.status = statusActive // Defect.
	case i.status == statusInactive:
		return nil, clientError("Container instance %s is inactive.",
			s.instanceARN(c.name, i.id))
	}

	if req.TotalResources != nil {
		i.resources = resources
	}
	if req.Attributes != nil {
		i.attributes = attributes
	}
	if req.VersionInfo != nil {
		i.versionInfo = *req.VersionInfo
	}
	i.version++
	return containerInstanceAnswer{ContainerInstance: s.renderInstance(c.name, i)}, nil
}

// parseIdentityDocument reads the EC2 instance identity document, a JSON document carried
// as a string; ECS needs at least the instance ID from it.
func parseIdentityDocument(text string) (identityDocument, error) {
	var doc identityDocument
	if text == "" {
		return doc, clientError("An instance identity document is required.")
	}
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		return doc, clientError("The instance identity document is not a valid JSON " +
			"document.")
	}
	if doc.InstanceID == "" {
		return doc, clientError("The instance identity document has no instanceId.")
	}
	return doc, nil
}

// instanceAttributes returns the given attributes followed by the ones ECS derives from the
// identity document; a given attribute wins over a derived one of the same name.
func instanceAttributes(given []attribute, doc identityDocument) ([]attribute, error) {
	for _, a := range given {
		if a.Name == "" {
			return nil, blank("attributes.name")
		}
	}

	derived := []attribute{{Name: "ecs.os-type", Value: "linux"}}
	for _, a := range []attribute{
		{Name: "ecs.availability-zone", Value: doc.AvailabilityZone},
		{Name: "ecs.instance-type", Value: doc.InstanceType},
		{Name: "ecs.ami-id", Value: doc.ImageID},
	} {
		if a.Value != "" {
			derived = append(derived, a)
		}
	}

	out := slices.Clone(given)
	for _, a := range derived {
		named := func(b attribute) bool { return b.Name == a.Name }
		if !slices.ContainsFunc(given, named) {
			out = append(out, a)
		}
	}
	return out, nil
}
