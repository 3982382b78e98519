package reference

import "time"

// The XML shapes of the EC2 answers, in ec2Query's spelling: lowerCamelCase elements and lists
// of <item>. Only the members the AWS SDK's ec2 client needs to describe an instance usefully
// are sent.

// EC2 instance states with the codes EC2 gives them.
const (
	ec2Pending      = "pending"
	ec2Running      = "running"
	ec2ShuttingDown = "shutting-down"
	ec2Terminated   = "terminated"
	ec2Stopping     = "stopping"
	ec2Stopped      = "stopped"
)

var ec2StateCodes = map[string]int{
	ec2Pending: 0, ec2Running: 16, ec2ShuttingDown: 32, ec2Terminated: 48, ec2Stopping: 64,
	ec2Stopped: 80,
}

type wireEC2State struct {
	Code int    `xml:"code"`
	Name string `xml:"name"`
}

func ec2State(name string) wireEC2State {
	return wireEC2State{Code: ec2StateCodes[name], Name: name}
}

type wireEC2Instance struct {
	InstanceID       string       `xml:"instanceId"`
	ImageID          string       `xml:"imageId"`
	State            wireEC2State `xml:"instanceState"`
	PrivateDNSName   string       `xml:"privateDnsName"`
	InstanceType     string       `xml:"instanceType"`
	LaunchTime       string       `xml:"launchTime"`
	AvailabilityZone string       `xml:"placement>availabilityZone"`
	Tenancy          string       `xml:"placement>tenancy"`
	Monitoring       string       `xml:"monitoring>state"`
	PrivateIP        string       `xml:"privateIpAddress"`
	Architecture     string       `xml:"architecture"`
	RootDeviceType   string       `xml:"rootDeviceType"`
	AmiLaunchIndex   int          `xml:"amiLaunchIndex"`
}

type wireReservation struct {
	ReservationID string            `xml:"reservationId"`
	OwnerID       string            `xml:"ownerId"`
	Groups        []struct{}        `xml:"groupSet>item"`
	Instances     []wireEC2Instance `xml:"instancesSet>item"`
}

// runInstancesAnswer is a reservation at the top of the answer, as RunInstances sends it.
type runInstancesAnswer struct {
	ec2Meta
	wireReservation
}

type describeInstancesAnswer struct {
	ec2Meta
	Reservations []wireReservation `xml:"reservationSet>item"`
}

type wireStateChange struct {
	InstanceID    string       `xml:"instanceId"`
	CurrentState  wireEC2State `xml:"currentState"`
	PreviousState wireEC2State `xml:"previousState"`
}

// stateChangesAnswer is the answer of StartInstances, StopInstances and TerminateInstances.
type stateChangesAnswer struct {
	ec2Meta
	Changes []wireStateChange `xml:"instancesSet>item"`
}

// renderEC2Instance renders an instance in the state it is in, or in shown when that is set
// (RunInstances answers "pending" for an instance that is running by the next call).
func (s *Server) renderEC2Instance(e *ec2Instance, shown string) wireEC2Instance {
	if shown == "" {
		shown = e.state
	}
	return wireEC2Instance{
		InstanceID:       e.id,
		ImageID:          e.imageID,
		State:            ec2State(shown),
		PrivateDNSName:   "ip-" + dashed(e.privateIP) + ".ec2.internal",
		InstanceType:     e.instanceType,
		LaunchTime:       e.launchTime.UTC().Format(time.RFC3339),
		AvailabilityZone: e.availabilityZone,
		Tenancy:          "default",
		Monitoring:       "disabled",
		PrivateIP:        e.privateIP,
		Architecture:     "x86_64",
		RootDeviceType:   "ebs",
		AmiLaunchIndex:   e.launchIndex,
	}
}

// dashed writes an IPv4 address the way EC2's private DNS names do: 10.0.0.1 is 10-0-0-1.
func dashed(ip string) string {
	out := []byte(ip)
	for k, b := range out {
		if b == '.' {
			out[k] = '-'
		}
	}
	return string(out)
}
