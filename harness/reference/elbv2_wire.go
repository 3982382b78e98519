package reference

import "strconv"

// The XML shapes of the Elastic Load Balancing v2 answers, in awsQuery's spelling:
// UpperCamelCase elements and lists of <member>.

type wireTargetGroup struct {
	TargetGroupArn             string   `xml:"TargetGroupArn"`
	TargetGroupName            string   `xml:"TargetGroupName"`
	Protocol                   string   `xml:"Protocol"`
	Port                       int32    `xml:"Port"`
	VpcID                      string   `xml:"VpcId"`
	HealthCheckProtocol        string   `xml:"HealthCheckProtocol"`
	HealthCheckPort            string   `xml:"HealthCheckPort"`
	HealthCheckEnabled         bool     `xml:"HealthCheckEnabled"`
	HealthCheckIntervalSeconds int32    `xml:"HealthCheckIntervalSeconds"`
	HealthCheckTimeoutSeconds  int32    `xml:"HealthCheckTimeoutSeconds"`
	HealthyThresholdCount      int32    `xml:"HealthyThresholdCount"`
	UnhealthyThresholdCount    int32    `xml:"UnhealthyThresholdCount"`
	HealthCheckPath            string   `xml:"HealthCheckPath"`
	MatcherHTTPCode            string   `xml:"Matcher>HttpCode"`
	LoadBalancerArns           []string `xml:"LoadBalancerArns>member"`
	TargetType                 string   `xml:"TargetType"`
	ProtocolVersion            string   `xml:"ProtocolVersion"`
	IPAddressType              string   `xml:"IpAddressType"`
}

type targetGroupsAnswer struct {
	TargetGroups []wireTargetGroup `xml:"TargetGroups>member"`
}

type wireAttribute struct {
	Key   string `xml:"Key"`
	Value string `xml:"Value"`
}

type attributesAnswer struct {
	Attributes []wireAttribute `xml:"Attributes>member"`
}

type wireTargetHealth struct {
	ID              string `xml:"Target>Id"`
	Port            int32  `xml:"Target>Port"`
	HealthCheckPort string `xml:"HealthCheckPort"`
	State           string `xml:"TargetHealth>State"`
	Reason          string `xml:"TargetHealth>Reason,omitempty"`
	Description     string `xml:"TargetHealth>Description,omitempty"`
}

type targetHealthAnswer struct {
	Descriptions []wireTargetHealth `xml:"TargetHealthDescriptions>member"`
}

// emptyAnswer is the Result of calls that answer nothing but success.
type emptyAnswer struct{}

func (s *Server) renderTargetGroup(g *targetGroup) wireTargetGroup {
	return wireTargetGroup{
		TargetGroupArn:             g.arn,
		TargetGroupName:            g.name,
		Protocol:                   g.protocol,
		Port:                       g.port,
		VpcID:                      g.vpcID,
		HealthCheckProtocol:        g.protocol,
		HealthCheckPort:            "traffic-port",
		HealthCheckEnabled:         true,
		HealthCheckIntervalSeconds: 30,
		HealthCheckTimeoutSeconds:  5,
		HealthyThresholdCount:      5,
		UnhealthyThresholdCount:    2,
		HealthCheckPath:            "/",
		MatcherHTTPCode:            "200",
		LoadBalancerArns:           []string{},
		TargetType:                 "instance",
		ProtocolVersion:            "HTTP1",
		IPAddressType:              "ipv4",
	}
}

// renderAttributes lists the attributes of a target group; only the deregistration delay
// can be changed, the others are ELBv2's defaults.
func renderAttributes(g *targetGroup) attributesAnswer {
	return attributesAnswer{Attributes: []wireAttribute{
		{Key: attrDeregistrationDelay, Value: strconv.Itoa(int(g.deregistrationDelay.Seconds()))},
		{Key: "stickiness.enabled", Value: "false"},
		{Key: "stickiness.type", Value: "lb_cookie"},
		{Key: "load_balancing.algorithm.type", Value: "round_robin"},
		{Key: "slow_start.duration_seconds", Value: "0"},
	}}
}

func renderTargetHealth(t *target) wireTargetHealth {
	w := wireTargetHealth{ID: t.id, Port: t.port, HealthCheckPort: strconv.Itoa(int(t.port)),
		State: t.state}
	if t.state == targetDraining {
		w.Reason = "Target.DeregistrationInProgress"
		w.Description = "Target deregistration is in progress"
	}
	return w
}
